DROP INDEX "mail_outbox_queued_idx";--> statement-breakpoint
DROP INDEX "mailbox_messages_delivered_idx";--> statement-breakpoint
ALTER TABLE "mailbox_messages" ADD COLUMN "search_pairs" text[] GENERATED ALWAYS AS (letter_pairs(recipient || chr(10) || subject)) STORED NOT NULL;--> statement-breakpoint
CREATE INDEX "mail_outbox_status_queued_idx" ON "mail_outbox" USING btree ("status","queued_at","id");--> statement-breakpoint
CREATE INDEX "mailbox_messages_search_pairs_idx" ON "mailbox_messages" USING gin ("search_pairs") WITH (gin_pending_list_limit=256);--> statement-breakpoint
CREATE INDEX "mail_outbox_queued_idx" ON "mail_outbox" USING btree ("queued_at","id");--> statement-breakpoint
CREATE INDEX "mailbox_messages_delivered_idx" ON "mailbox_messages" USING btree ("delivered_at","id");