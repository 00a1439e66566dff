DROP INDEX "datapoints_account_kind_idx";--> statement-breakpoint
DROP INDEX "datapoints_account_device_idx";--> statement-breakpoint
CREATE INDEX "datapoints_account_kind_idx" ON "datapoints" USING btree ("account_id","kind","device_name","name","id");--> statement-breakpoint
CREATE INDEX "datapoints_account_device_idx" ON "datapoints" USING btree ("account_id","device_name","name","id");