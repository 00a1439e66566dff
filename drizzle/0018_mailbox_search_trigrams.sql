-- Trusted since PostgreSQL 13: the database's owner, which runs the migrations, may create it.
CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
CREATE INDEX "mailbox_messages_search_trigrams_idx" ON "mailbox_messages" USING gin (("recipient" || chr(10) || "subject") gin_trgm_ops) WITH (gin_pending_list_limit=256);
