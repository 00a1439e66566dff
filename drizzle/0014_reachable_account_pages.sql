CREATE INDEX "accounts_partner_name_idx" ON "accounts" USING btree ("partner_id","name","id");--> statement-breakpoint
CREATE INDEX "accounts_name_idx" ON "accounts" USING btree ("name","id");