CREATE TABLE "invitations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"token_hash" text NOT NULL,
	"email" text NOT NULL,
	"name" text NOT NULL,
	"language" text NOT NULL,
	"partner_id" uuid,
	"user_type" text,
	"account_id" uuid,
	"invited_by" text,
	"expires_at" timestamp with time zone NOT NULL,
	"sent_at" timestamp with time zone NOT NULL,
	"accepted_at" timestamp with time zone,
	"accepted_by" text,
	"revoked_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "invitations_token_hash_unique" UNIQUE("token_hash"),
	CONSTRAINT "invitations_language_known" CHECK ("invitations"."language" in ('en', 'es')),
	CONSTRAINT "invitations_user_type_known" CHECK ("invitations"."user_type" in ('super_admin', 'admin', 'manager', 'client', 'demo')),
	CONSTRAINT "invitations_partner_iff_user_type" CHECK (("invitations"."partner_id" is null) = ("invitations"."user_type" is null)),
	CONSTRAINT "invitations_accepted_or_revoked" CHECK ("invitations"."accepted_at" is null or "invitations"."revoked_at" is null)
);
--> statement-breakpoint
CREATE TABLE "security_events" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "security_events_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"at" timestamp with time zone NOT NULL,
	"kind" text NOT NULL,
	"actor_id" text,
	"actor_name" text,
	"partner_id" uuid,
	"subject" text,
	"address" text,
	"detail" jsonb DEFAULT '{}'::jsonb NOT NULL
);
--> statement-breakpoint
ALTER TABLE "users" DROP CONSTRAINT "users_super_admin_is_partner_user";--> statement-breakpoint
ALTER TABLE "sectors" ADD COLUMN "active" boolean DEFAULT true NOT NULL;--> statement-breakpoint
-- Partners made before they had a country are Spanish, as every one of them was.
ALTER TABLE "partners" ADD COLUMN "country" text NOT NULL DEFAULT 'ES';--> statement-breakpoint
ALTER TABLE "partners" ALTER COLUMN "country" DROP DEFAULT;--> statement-breakpoint
ALTER TABLE "partners" ADD COLUMN "default_language" text DEFAULT 'en' NOT NULL;--> statement-breakpoint
ALTER TABLE "partners" ADD COLUMN "suspended_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "user_type" text;--> statement-breakpoint
-- Users without the SuperAdmin flag become Clients: the type that can change the least.
UPDATE "users" SET "user_type" = CASE WHEN "is_super_admin" THEN 'super_admin' ELSE 'client' END
  WHERE "role" = 'partner';--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "deactivated_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_invited_by_users_id_fk" FOREIGN KEY ("invited_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_accepted_by_users_id_fk" FOREIGN KEY ("accepted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_partner_id_account_id_accounts_partner_id_id_fk" FOREIGN KEY ("partner_id","account_id") REFERENCES "public"."accounts"("partner_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "security_events" ADD CONSTRAINT "security_events_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "security_events" ADD CONSTRAINT "security_events_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "invitations_one_open_per_email" ON "invitations" USING btree (lower("email")) WHERE "invitations"."accepted_at" is null and "invitations"."revoked_at" is null;--> statement-breakpoint
CREATE INDEX "invitations_partner_idx" ON "invitations" USING btree ("partner_id","created_at");--> statement-breakpoint
CREATE INDEX "security_events_partner_idx" ON "security_events" USING btree ("partner_id","id" DESC NULLS LAST);--> statement-breakpoint
ALTER TABLE "partners" ADD CONSTRAINT "partners_default_language_known" CHECK ("partners"."default_language" in ('en', 'es'));--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_user_type_known" CHECK ("users"."user_type" in ('super_admin', 'admin', 'manager', 'client', 'demo'));--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_user_type_iff_partner_role" CHECK (("users"."role" = 'partner') = ("users"."user_type" is not null));--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_super_admin_is_its_type" CHECK ("users"."is_super_admin" = coalesce("users"."user_type" = 'super_admin', false));--> statement-breakpoint
-- The security log is a record: once written, an event is never changed or removed.
CREATE FUNCTION security_events_are_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'security_events is append-only: % is not allowed', TG_OP;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER security_events_append_only
  BEFORE UPDATE OR DELETE ON security_events
  FOR EACH ROW EXECUTE FUNCTION security_events_are_append_only();
--> statement-breakpoint
DO $$
BEGIN
  IF EXISTS (SELECT FROM pg_roles WHERE rolname = 'wattfolio_app') THEN
    REVOKE UPDATE, DELETE, TRUNCATE ON security_events FROM wattfolio_app;
  END IF;
END $$;
