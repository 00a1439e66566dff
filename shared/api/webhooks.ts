/**
 * Webhook endpoints, their deliveries, and the event feed: what the API takes and answers.
 * A URL's own rule (HTTPS, or local HTTP where allowed) depends on the server's configuration and is
 * checked by the server; the schema checks only that it is a URL.
 */
import { z } from "zod";
import { EVENT_TYPES } from "../domain/events.ts";
import { text } from "../domain/text.ts";
import { reference } from "./common.ts";
import { event } from "./events.ts";

const eventType = z.enum(EVENT_TYPES, "Choose events from the list");
const at = z.iso.datetime({ offset: true });

const url = text("line", "Enter the endpoint's URL, such as https://hooks.example.com/wattfolio")
  .trim()
  .max(2000, "Keep the URL within 2000 characters")
  .pipe(z.url("Enter the endpoint's URL, such as https://hooks.example.com/wattfolio"));
const description = text("line").trim().max(200, "Keep the description within 200 characters");
const eventTypes = z
  .array(eventType)
  .min(1, "Choose at least one event")
  .transform((types) => [...new Set(types)]);

export const webhookEndpoint = z
  .object({
    id: z.uuid(),
    /** Null for a platform-wide endpoint (Customer Success's), which receives every partner's events. */
    partner: reference.nullable(),
    url: z.string(),
    description: z.string(),
    eventTypes: z.array(eventType),
    enabled: z.boolean(),
    /** Deliveries failed for good in a row; at 5 the endpoint is disabled. */
    consecutiveFailures: z.int(),
    disabledAt: at.nullable(),
    /** Why it was disabled: by someone, or because it kept failing. */
    disabledReason: z.enum(["by_user", "failing"]).nullable(),
    /** Until when the previous secret still signs, after a rotation. */
    previousSecretExpiresAt: at.nullable(),
    createdBy: reference,
    createdAt: at,
  })
  .meta({ id: "WebhookEndpoint" });
export type WebhookEndpoint = z.infer<typeof webhookEndpoint>;

export const webhookEndpointList = z
  .object({ items: z.array(webhookEndpoint) })
  .meta({ id: "WebhookEndpointList" });

export const createWebhookEndpointBody = z
  .strictObject({ url, description: description.default(""), eventTypes })
  .meta({ id: "CreateWebhookEndpoint" });
export type CreateWebhookEndpointBody = z.input<typeof createWebhookEndpointBody>;

/** What is given changes; `enabled: true` also clears the count of failures. */
export const changeWebhookEndpointBody = z
  .strictObject({
    url: url.optional(),
    description: description.optional(),
    eventTypes: eventTypes.optional(),
    enabled: z.boolean().optional(),
  })
  .meta({ id: "ChangeWebhookEndpoint" });
export type ChangeWebhookEndpointBody = z.input<typeof changeWebhookEndpointBody>;

/** The signing secret (`whsec_…`), in this answer only. */
export const webhookEndpointWithSecret = z
  .object({ endpoint: webhookEndpoint, secret: z.string() })
  .meta({ id: "WebhookEndpointWithSecret" });
export type WebhookEndpointWithSecret = z.infer<typeof webhookEndpointWithSecret>;

export const webhookAttempt = z
  .object({
    attemptedAt: at,
    /** Null when no answer came. */
    statusCode: z.int().nullable(),
    durationMs: z.int(),
    error: z.string().nullable(),
    responseExcerpt: z.string(),
  })
  .meta({ id: "WebhookAttempt" });
export type WebhookAttempt = z.infer<typeof webhookAttempt>;

export const WEBHOOK_DELIVERY_STATUSES = ["queued", "retrying", "delivered", "failed"] as const;

export const webhookDelivery = z
  .object({
    id: z.uuid(),
    event: z.object({ id: z.uuid(), type: eventType, occurredAt: at }),
    status: z.enum(WEBHOOK_DELIVERY_STATUSES),
    attempts: z.int(),
    nextAttemptAt: at.nullable(),
    deliveredAt: at.nullable(),
    createdAt: at,
    /** Newest first. */
    attemptLog: z.array(webhookAttempt),
  })
  .meta({ id: "WebhookDelivery" });
export type WebhookDelivery = z.infer<typeof webhookDelivery>;

export const webhookDeliveryQuery = z.object({
  status: z.enum(WEBHOOK_DELIVERY_STATUSES).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().min(1).max(100).int().default(20),
});
export type WebhookDeliveryQuery = z.infer<typeof webhookDeliveryQuery>;

export const webhookDeliveryPage = z
  .object({
    items: z.array(webhookDelivery),
    page: z.int(),
    pageSize: z.int(),
    total: z.int(),
  })
  .meta({ id: "WebhookDeliveryPage" });
export type WebhookDeliveryPage = z.infer<typeof webhookDeliveryPage>;

export const deliveryParams = z.object({
  id: z.uuid("Not a valid id"),
  deliveryId: z.uuid("Not a valid id"),
});

/** The event feed: read from `after` (the `next` of the previous page) on. */
export const eventFeedQuery = z.object({
  after: z
    .string()
    .regex(/^\d+\.\d+$/, "Use the next cursor of the previous page")
    .optional(),
  limit: z.coerce.number().min(1).max(500).int().default(100),
  /** Only events of these types, comma-separated: `application.approved,account.created`. */
  type: z
    .string()
    .optional()
    .transform((value, context) => {
      if (value === undefined) return undefined;
      const types = value.split(",").map((type) => type.trim());
      const parsed = z.array(eventType).safeParse(types);
      if (!parsed.success) {
        context.addIssue({ code: "custom", message: "Choose events from the list" });
        return z.NEVER;
      }
      return parsed.data;
    }),
});
export type EventFeedQuery = z.infer<typeof eventFeedQuery>;

export const eventFeedPage = z
  .object({
    events: z.array(event),
    /** Where to read on from: pass it as `after`. Given even when no event came, to poll again. */
    next: z.string(),
  })
  .meta({ id: "EventFeedPage" });
export type EventFeedPage = z.infer<typeof eventFeedPage>;
