import { z } from "zod";
import {
  APPLICATION_KINDS,
  APPLICATION_STATUSES,
  comment,
  newAccountRequest,
} from "../domain/applications.ts";
import { pageOf, pageQuery, reference } from "./common.ts";

/** What a SuperAdmin files: the kind and the change it asks for. */
export const fileApplicationBody = z
  .discriminatedUnion("kind", [
    z.object({
      kind: z.literal("new_account"),
      payload: newAccountRequest,
      comment: comment.optional(),
    }),
  ])
  .meta({ id: "FileApplication" });
export type FileApplicationBody = z.input<typeof fileApplicationBody>;

export const applicationListQuery = z.object({
  status: z.enum(APPLICATION_STATUSES).optional(),
  kind: z.enum(APPLICATION_KINDS).optional(),
  partnerId: z.uuid().optional(),
  ...pageQuery,
});
export type ApplicationListQuery = z.infer<typeof applicationListQuery>;

export const application = z
  .object({
    id: z.uuid(),
    kind: z.enum(APPLICATION_KINDS),
    status: z.enum(APPLICATION_STATUSES),
    partner: reference,
    account: reference.nullable(),
    payload: z.record(z.string(), z.unknown()),
    /** One line that says what is asked, e.g. `New account "Madrid HQ" · 250 DP · 12 months`. */
    summary: z.string(),
    comment: z.string(),
    requestedBy: reference,
    requestedAt: z.iso.datetime({ offset: true }),
    decidedBy: reference.nullable(),
    decidedAt: z.iso.datetime({ offset: true }).nullable(),
    decisionComment: z.string().nullable(),
  })
  .meta({ id: "Application" });
export type Application = z.infer<typeof application>;

export const applicationPage = pageOf(application).meta({ id: "ApplicationPage" });
export type ApplicationPage = z.infer<typeof applicationPage>;

export const approveBody = z.object({ comment: comment.optional() });
export const rejectBody = z.object({
  comment: comment.min(1, "Say why the application is rejected"),
});
