CREATE TABLE "api_keys" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partner_id" uuid,
	"account_id" uuid,
	"name" text NOT NULL,
	"prefix" text NOT NULL,
	"secret_hash" text NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"last_used_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	"revoked_by" text,
	CONSTRAINT "api_keys_secret_hash_unique" UNIQUE("secret_hash"),
	CONSTRAINT "api_keys_partner_id_id_key" UNIQUE("partner_id","id"),
	CONSTRAINT "api_keys_account_has_partner" CHECK ("api_keys"."account_id" is null or "api_keys"."partner_id" is not null),
	CONSTRAINT "api_keys_revoked_by_someone" CHECK (("api_keys"."revoked_at" is null) = ("api_keys"."revoked_by" is null))
);
--> statement-breakpoint
CREATE TABLE "idempotency_keys" (
	"api_key_id" uuid,
	"user_id" text,
	"key" text NOT NULL,
	"fingerprint" text NOT NULL,
	"response" jsonb NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "idempotency_keys_api_key_key" UNIQUE("api_key_id","key"),
	CONSTRAINT "idempotency_keys_user_key" UNIQUE("user_id","key"),
	CONSTRAINT "idempotency_keys_one_caller" CHECK (("idempotency_keys"."api_key_id" is null) <> ("idempotency_keys"."user_id" is null))
);
--> statement-breakpoint
CREATE TABLE "sms_spendings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partner_id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	"credits" integer NOT NULL,
	"api_key_id" uuid NOT NULL,
	"spent_at" timestamp with time zone NOT NULL,
	CONSTRAINT "sms_spendings_positive" CHECK ("sms_spendings"."credits" > 0)
);
--> statement-breakpoint
ALTER TABLE "api_keys" ADD CONSTRAINT "api_keys_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "api_keys" ADD CONSTRAINT "api_keys_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "api_keys" ADD CONSTRAINT "api_keys_revoked_by_users_id_fk" FOREIGN KEY ("revoked_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "api_keys" ADD CONSTRAINT "api_keys_partner_id_account_id_accounts_partner_id_id_fk" FOREIGN KEY ("partner_id","account_id") REFERENCES "public"."accounts"("partner_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "idempotency_keys" ADD CONSTRAINT "idempotency_keys_api_key_id_api_keys_id_fk" FOREIGN KEY ("api_key_id") REFERENCES "public"."api_keys"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "idempotency_keys" ADD CONSTRAINT "idempotency_keys_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sms_spendings" ADD CONSTRAINT "sms_spendings_api_key_id_api_keys_id_fk" FOREIGN KEY ("api_key_id") REFERENCES "public"."api_keys"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sms_spendings" ADD CONSTRAINT "sms_spendings_partner_id_account_id_accounts_partner_id_id_fk" FOREIGN KEY ("partner_id","account_id") REFERENCES "public"."accounts"("partner_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "api_keys_partner_created_idx" ON "api_keys" USING btree ("partner_id","created_at");--> statement-breakpoint
CREATE INDEX "idempotency_keys_created_idx" ON "idempotency_keys" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "sms_spendings_account_idx" ON "sms_spendings" USING btree ("account_id","spent_at");--> statement-breakpoint
CREATE INDEX "datapoints_account_device_idx" ON "datapoints" USING btree ("account_id","device_name","name");--> statement-breakpoint
ALTER TABLE "datapoints" ADD CONSTRAINT "datapoints_kind_known" CHECK ("datapoints"."kind" in ('meter', 'weather', 'virtual', 'forecasting', 'carbon', 'manual_readings', 'group', 'calculated', 'derived', 'degree_days'));--> statement-breakpoint
ALTER TABLE "datapoints" ADD CONSTRAINT "datapoints_billable_by_kind" CHECK ("datapoints"."billable" = ("datapoints"."kind" in ('meter', 'weather', 'virtual', 'forecasting', 'carbon', 'manual_readings')));