CREATE TABLE "account_history" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partner_id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	"application_id" uuid,
	"event" text NOT NULL,
	"actor_id" text,
	"occurred_at" timestamp with time zone NOT NULL,
	"comment" text DEFAULT '' NOT NULL,
	"changes" jsonb DEFAULT '[]'::jsonb NOT NULL,
	CONSTRAINT "account_history_event_known" CHECK ("account_history"."event" in ('filed', 'approved', 'rejected', 'withdrawn', 'created'))
);
--> statement-breakpoint
CREATE TABLE "auto_approval_rules" (
	"kind" text PRIMARY KEY NOT NULL,
	"enabled" boolean NOT NULL,
	"updated_by" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "applications" DROP CONSTRAINT "applications_kind_known";--> statement-breakpoint
ALTER TABLE "applications" ADD COLUMN "target_account_id" uuid;--> statement-breakpoint
ALTER TABLE "applications" ADD COLUMN "decided_automatically" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "account_history" ADD CONSTRAINT "account_history_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "account_history" ADD CONSTRAINT "account_history_partner_id_account_id_accounts_partner_id_id_fk" FOREIGN KEY ("partner_id","account_id") REFERENCES "public"."accounts"("partner_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "account_history" ADD CONSTRAINT "account_history_partner_id_application_id_applications_partner_id_id_fk" FOREIGN KEY ("partner_id","application_id") REFERENCES "public"."applications"("partner_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "auto_approval_rules" ADD CONSTRAINT "auto_approval_rules_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "account_history_account_idx" ON "account_history" USING btree ("account_id","occurred_at");--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_partner_id_target_account_id_accounts_partner_id_id_fk" FOREIGN KEY ("partner_id","target_account_id") REFERENCES "public"."accounts"("partner_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "applications_one_pending_per_account_kind" ON "applications" USING btree ("account_id","kind") WHERE "applications"."status" = 'pending' and "applications"."account_id" is not null;--> statement-breakpoint
CREATE INDEX "applications_account_idx" ON "applications" USING btree ("account_id");--> statement-breakpoint
CREATE INDEX "applications_target_account_idx" ON "applications" USING btree ("target_account_id");--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_account_unless_new" CHECK ("applications"."kind" = 'new_account' or "applications"."account_id" is not null);--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_move_has_another_target" CHECK (("applications"."kind" = 'move_datapoints') = ("applications"."target_account_id" is not null) and ("applications"."target_account_id" is null or "applications"."target_account_id" <> "applications"."account_id"));--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_kind_known" CHECK ("applications"."kind" in ('new_account', 'edit_datapoints', 'move_datapoints', 'edit_licence', 'upgrade_meters', 'buy_sms_credits', 'renew_subscription'));