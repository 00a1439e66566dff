-- The account history is a record: once written, a row is never changed or removed.
CREATE FUNCTION account_history_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'account_history is append-only: % is not allowed', TG_OP;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER account_history_append_only
  BEFORE UPDATE OR DELETE ON account_history
  FOR EACH ROW EXECUTE FUNCTION account_history_is_append_only();
--> statement-breakpoint
-- Renewals without changes are approved on filing unless Customer Success decides otherwise.
INSERT INTO auto_approval_rules (kind, enabled) VALUES ('renew_subscription', true);
