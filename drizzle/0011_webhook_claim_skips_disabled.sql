DROP INDEX "webhook_deliveries_due_idx";--> statement-breakpoint
ALTER TABLE "webhook_deliveries" ADD COLUMN "endpoint_enabled" boolean DEFAULT true NOT NULL;--> statement-breakpoint
-- What disabled endpoints already have waiting is held from the start.
UPDATE "webhook_deliveries" d SET "endpoint_enabled" = false
FROM "webhook_endpoints" e
WHERE e."id" = d."endpoint_id" AND NOT e."enabled" AND d."status" in ('queued', 'retrying');--> statement-breakpoint
CREATE INDEX "webhook_deliveries_due_idx" ON "webhook_deliveries" USING btree ("next_attempt_at") WHERE "webhook_deliveries"."status" in ('queued', 'retrying') and "webhook_deliveries"."endpoint_enabled";