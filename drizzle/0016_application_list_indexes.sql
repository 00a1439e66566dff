ALTER TABLE "applications" ADD COLUMN "search_pairs" text[] GENERATED ALWAYS AS (letter_pairs(coalesce(payload->>'name', '') || chr(10) || coalesce(payload->>'customerName', ''))) STORED NOT NULL;--> statement-breakpoint
CREATE INDEX "applications_pending_idx" ON "applications" USING btree ("requested_at","id") WHERE "applications"."status" = 'pending';--> statement-breakpoint
CREATE INDEX "applications_partner_pending_idx" ON "applications" USING btree ("partner_id","requested_at","id") WHERE "applications"."status" = 'pending';--> statement-breakpoint
CREATE INDEX "applications_kind_pending_idx" ON "applications" USING btree ("kind","requested_at","id") WHERE "applications"."status" = 'pending';--> statement-breakpoint
CREATE INDEX "applications_decided_idx" ON "applications" USING btree ("decided_at","id") WHERE "applications"."status" <> 'pending';--> statement-breakpoint
CREATE INDEX "applications_partner_decided_idx" ON "applications" USING btree ("partner_id","decided_at","id") WHERE "applications"."status" <> 'pending';--> statement-breakpoint
CREATE INDEX "applications_kind_decided_idx" ON "applications" USING btree ("kind","decided_at","id") WHERE "applications"."status" <> 'pending';--> statement-breakpoint
CREATE INDEX "applications_status_decided_idx" ON "applications" USING btree ("status","decided_at","id") WHERE "applications"."status" <> 'pending';--> statement-breakpoint
CREATE INDEX "applications_partner_status_decided_idx" ON "applications" USING btree ("partner_id","status","decided_at","id") WHERE "applications"."status" <> 'pending';--> statement-breakpoint
CREATE INDEX "applications_requested_by_idx" ON "applications" USING btree ("requested_by");--> statement-breakpoint
CREATE INDEX "applications_search_pairs_idx" ON "applications" USING gin ("search_pairs") WITH (gin_pending_list_limit=256);