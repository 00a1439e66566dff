CREATE TABLE "account_access" (
	"partner_id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	"user_id" text NOT NULL,
	CONSTRAINT "account_access_account_id_user_id_pk" PRIMARY KEY("account_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "accounts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partner_id" uuid NOT NULL,
	"name" text NOT NULL,
	"customer_name" text NOT NULL,
	"country" text NOT NULL,
	"sector_code" text NOT NULL,
	"licence_id" uuid NOT NULL,
	"bill_management_type_id" uuid,
	"email_domain" text,
	"comment" text DEFAULT '' NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"datapoints_contracted" integer NOT NULL,
	"datapoints_used" integer DEFAULT 0 NOT NULL,
	"rtm_meters" integer DEFAULT 0 NOT NULL,
	"additional_pods" integer DEFAULT 0 NOT NULL,
	"sms_credits" integer DEFAULT 0 NOT NULL,
	"rtc_lines" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "accounts_partner_id_id_key" UNIQUE("partner_id","id"),
	CONSTRAINT "accounts_min_datapoints" CHECK ("accounts"."datapoints_contracted" >= 20),
	CONSTRAINT "accounts_used_within_contract" CHECK ("accounts"."datapoints_used" >= 0 and "accounts"."datapoints_used" <= "accounts"."datapoints_contracted"),
	CONSTRAINT "accounts_quantities_not_negative" CHECK ("accounts"."rtm_meters" >= 0 and "accounts"."additional_pods" >= 0 and "accounts"."sms_credits" >= 0 and "accounts"."rtc_lines" >= 0),
	CONSTRAINT "accounts_rtc_only_in_spain" CHECK ("accounts"."rtc_lines" = 0 or "accounts"."country" = 'ES'),
	CONSTRAINT "accounts_term_ordered" CHECK ("accounts"."ends_on" > "accounts"."starts_on")
);
--> statement-breakpoint
CREATE TABLE "applications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partner_id" uuid NOT NULL,
	"account_id" uuid,
	"kind" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"payload" jsonb NOT NULL,
	"comment" text DEFAULT '' NOT NULL,
	"requested_by" text NOT NULL,
	"requested_at" timestamp with time zone NOT NULL,
	"decided_by" text,
	"decided_at" timestamp with time zone,
	"decision_comment" text,
	CONSTRAINT "applications_partner_id_id_key" UNIQUE("partner_id","id"),
	CONSTRAINT "applications_status_known" CHECK ("applications"."status" in ('pending', 'approved', 'rejected', 'withdrawn')),
	CONSTRAINT "applications_kind_known" CHECK ("applications"."kind" in ('new_account')),
	CONSTRAINT "applications_decided_iff_closed" CHECK (("applications"."status" = 'pending') = ("applications"."decided_at" is null))
);
--> statement-breakpoint
CREATE TABLE "bill_management_types" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "bill_management_types_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "credentials" (
	"id" text PRIMARY KEY NOT NULL,
	"user_id" text NOT NULL,
	"provider_account_id" text NOT NULL,
	"provider_id" text NOT NULL,
	"password" text,
	"access_token" text,
	"refresh_token" text,
	"id_token" text,
	"access_token_expires_at" timestamp with time zone,
	"refresh_token_expires_at" timestamp with time zone,
	"scope" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "datapoints" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partner_id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	"external_id" text NOT NULL,
	"name" text NOT NULL,
	"device_name" text NOT NULL,
	"kind" text NOT NULL,
	"billable" boolean NOT NULL,
	"registered_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "licences" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "licences_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "partners" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"time_zone" text DEFAULT 'UTC' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "partners_name_unique" UNIQUE("name")
);
--> statement-breakpoint
CREATE TABLE "rate_limits" (
	"id" text PRIMARY KEY NOT NULL,
	"key" text NOT NULL,
	"count" integer NOT NULL,
	"last_request" bigint NOT NULL,
	CONSTRAINT "rate_limits_key_unique" UNIQUE("key")
);
--> statement-breakpoint
CREATE TABLE "sectors" (
	"code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"id" text PRIMARY KEY NOT NULL,
	"token" text NOT NULL,
	"user_id" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"ip_address" text,
	"user_agent" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sessions_token_unique" UNIQUE("token")
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"email" text NOT NULL,
	"email_verified" boolean DEFAULT false NOT NULL,
	"image" text,
	"role" text NOT NULL,
	"partner_id" uuid,
	"is_super_admin" boolean DEFAULT false NOT NULL,
	"language" text DEFAULT 'en' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "users_email_unique" UNIQUE("email"),
	CONSTRAINT "users_partner_id_id_key" UNIQUE("partner_id","id"),
	CONSTRAINT "users_role_known" CHECK ("users"."role" in ('customer_success', 'partner')),
	CONSTRAINT "users_partner_iff_partner_role" CHECK (("users"."role" = 'partner') = ("users"."partner_id" is not null)),
	CONSTRAINT "users_super_admin_is_partner_user" CHECK (not "users"."is_super_admin" or "users"."role" = 'partner'),
	CONSTRAINT "users_language_known" CHECK ("users"."language" in ('en', 'es'))
);
--> statement-breakpoint
CREATE TABLE "verifications" (
	"id" text PRIMARY KEY NOT NULL,
	"identifier" text NOT NULL,
	"value" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "account_access" ADD CONSTRAINT "account_access_partner_id_account_id_accounts_partner_id_id_fk" FOREIGN KEY ("partner_id","account_id") REFERENCES "public"."accounts"("partner_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "account_access" ADD CONSTRAINT "account_access_partner_id_user_id_users_partner_id_id_fk" FOREIGN KEY ("partner_id","user_id") REFERENCES "public"."users"("partner_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "accounts" ADD CONSTRAINT "accounts_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "accounts" ADD CONSTRAINT "accounts_sector_code_sectors_code_fk" FOREIGN KEY ("sector_code") REFERENCES "public"."sectors"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "accounts" ADD CONSTRAINT "accounts_licence_id_licences_id_fk" FOREIGN KEY ("licence_id") REFERENCES "public"."licences"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "accounts" ADD CONSTRAINT "accounts_bill_management_type_id_bill_management_types_id_fk" FOREIGN KEY ("bill_management_type_id") REFERENCES "public"."bill_management_types"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_partner_id_account_id_accounts_partner_id_id_fk" FOREIGN KEY ("partner_id","account_id") REFERENCES "public"."accounts"("partner_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_partner_id_requested_by_users_partner_id_id_fk" FOREIGN KEY ("partner_id","requested_by") REFERENCES "public"."users"("partner_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "credentials" ADD CONSTRAINT "credentials_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "datapoints" ADD CONSTRAINT "datapoints_partner_id_account_id_accounts_partner_id_id_fk" FOREIGN KEY ("partner_id","account_id") REFERENCES "public"."accounts"("partner_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "account_access_user_idx" ON "account_access" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "accounts_partner_name_key" ON "accounts" USING btree ("partner_id",lower("name"));--> statement-breakpoint
CREATE INDEX "accounts_partner_ends_on_idx" ON "accounts" USING btree ("partner_id","ends_on");--> statement-breakpoint
CREATE INDEX "accounts_ends_on_idx" ON "accounts" USING btree ("ends_on");--> statement-breakpoint
CREATE INDEX "applications_partner_requested_idx" ON "applications" USING btree ("partner_id","requested_at");--> statement-breakpoint
CREATE INDEX "applications_status_requested_idx" ON "applications" USING btree ("status","requested_at");--> statement-breakpoint
CREATE UNIQUE INDEX "applications_one_pending_new_account_name" ON "applications" USING btree ("partner_id",lower("payload"->>'name')) WHERE "applications"."kind" = 'new_account' and "applications"."status" = 'pending';--> statement-breakpoint
CREATE INDEX "credentials_user_id_idx" ON "credentials" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "datapoints_account_external_id_key" ON "datapoints" USING btree ("account_id","external_id");--> statement-breakpoint
CREATE INDEX "datapoints_account_kind_idx" ON "datapoints" USING btree ("account_id","kind");--> statement-breakpoint
CREATE INDEX "sessions_user_id_idx" ON "sessions" USING btree ("user_id");