import { z } from "zod";
import { text } from "../domain/text.ts";
import { pageOf, pageQuery, reference } from "./common.ts";

export const apiKey = z
  .object({
    id: z.uuid(),
    name: z.string(),
    /** Platform-wide, every account of a partner, or one account. */
    scope: z.enum(["platform", "partner", "account"]),
    partner: reference.nullable(),
    account: reference.nullable(),
    /** The first characters of the secret, to recognise the key; the secret itself is never shown again. */
    shownPart: z.string(),
    createdBy: reference,
    createdAt: z.iso.datetime({ offset: true }),
    /** Accurate to the minute. */
    lastUsedAt: z.iso.datetime({ offset: true }).nullable(),
    revokedAt: z.iso.datetime({ offset: true }).nullable(),
    revokedBy: reference.nullable(),
  })
  .meta({ id: "ApiKey" });
export type ApiKey = z.infer<typeof apiKey>;

export const apiKeyPage = pageOf(apiKey).meta({ id: "ApiKeyPage" });
export type ApiKeyPage = z.infer<typeof apiKeyPage>;

export const apiKeyListQuery = z.object({
  status: z.enum(["active", "revoked"]).optional(),
  ...pageQuery,
});
export type ApiKeyListQuery = z.infer<typeof apiKeyListQuery>;

/** A SuperAdmin's key reaches every account of the partner, or the one account named. */
export const createApiKeyBody = z
  .strictObject({
    name: text("name", "Name the key, e.g. after the integration that uses it")
      .trim()
      .min(1, "Name the key, e.g. after the integration that uses it")
      .max(100, "Keep the name within 100 characters"),
    accountId: z.uuid("Choose an account").nullable().default(null),
  })
  .meta({ id: "CreateApiKey" });
export type CreateApiKeyBody = z.input<typeof createApiKeyBody>;

export const createdApiKey = z
  .object({
    key: apiKey,
    /** The secret, shown this once: send it as `Authorization: Bearer <secret>`. */
    secret: z.string(),
  })
  .meta({ id: "CreatedApiKey" });
export type CreatedApiKey = z.infer<typeof createdApiKey>;
