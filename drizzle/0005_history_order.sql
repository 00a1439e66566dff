DROP INDEX "account_history_account_idx";--> statement-breakpoint
ALTER TABLE "account_history" ADD COLUMN "seq" bigint NOT NULL GENERATED ALWAYS AS IDENTITY (sequence name "account_history_seq_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1);--> statement-breakpoint
CREATE INDEX "account_history_account_idx" ON "account_history" USING btree ("account_id","seq");