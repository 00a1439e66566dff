DROP INDEX "accounts_partner_ends_on_idx";--> statement-breakpoint
ALTER TABLE "accounts" ADD COLUMN "datapoints_left" integer GENERATED ALWAYS AS (datapoints_contracted - datapoints_used) STORED NOT NULL;--> statement-breakpoint
-- Every pair of neighbouring letters of a text, lowercased. A search for text anywhere in a name
-- ("ho" in "Hot path") keeps, through a GIN index, only the rows holding each pair of the text
-- searched; ILIKE then checks those. Pairs rather than pg_trgm's trigrams: a two-letter search is
-- one people type, and trigrams cannot index it.
CREATE FUNCTION letter_pairs(content text) RETURNS text[]
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$ SELECT coalesce(array_agg(DISTINCT substr(lower(content), i, 2)), '{}') FROM generate_series(1, length(content) - 1) AS i $$;--> statement-breakpoint
ALTER TABLE "accounts" ADD COLUMN "search_pairs" text[] GENERATED ALWAYS AS (letter_pairs(name || chr(10) || customer_name)) STORED NOT NULL;--> statement-breakpoint
CREATE INDEX "accounts_partner_customer_idx" ON "accounts" USING btree ("partner_id",lower("customer_name"),"id");--> statement-breakpoint
CREATE INDEX "accounts_partner_datapoints_left_idx" ON "accounts" USING btree ("partner_id","datapoints_left","id");--> statement-breakpoint
CREATE INDEX "accounts_partner_licence_idx" ON "accounts" USING btree ("partner_id","licence_id","id");--> statement-breakpoint
CREATE INDEX "accounts_search_pairs_idx" ON "accounts" USING gin ("search_pairs") WITH (gin_pending_list_limit=256);--> statement-breakpoint
CREATE INDEX "accounts_partner_ends_on_idx" ON "accounts" USING btree ("partner_id","ends_on","id");