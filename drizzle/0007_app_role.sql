-- The application works as the role wattfolio_app, which may read and write the product's tables
-- but never change, remove or truncate the account history: only the tables' owner (who runs
-- these migrations) could. The role is created where the migrating user may create roles; without
-- that privilege the application keeps working as the owner, and says so in its log.
DO $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'wattfolio_app') THEN
    BEGIN
      CREATE ROLE wattfolio_app NOLOGIN;
    EXCEPTION
      WHEN duplicate_object OR unique_violation THEN NULL; -- another database of the cluster made it first
      WHEN insufficient_privilege THEN
        RAISE NOTICE 'cannot create the role wattfolio_app: the application will work as %', current_user;
        RETURN;
    END;
  END IF;
  BEGIN
    EXECUTE format('GRANT wattfolio_app TO %I', current_user);
  EXCEPTION
    WHEN insufficient_privilege OR invalid_grant_operation THEN NULL;
  END;
  GRANT USAGE ON SCHEMA public TO wattfolio_app;
  GRANT USAGE ON SCHEMA drizzle TO wattfolio_app;
  GRANT SELECT ON drizzle.__drizzle_migrations TO wattfolio_app;
  GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO wattfolio_app;
  GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO wattfolio_app;
  ALTER DEFAULT PRIVILEGES IN SCHEMA public
    GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO wattfolio_app;
  ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO wattfolio_app;
  REVOKE UPDATE, DELETE, TRUNCATE ON account_history FROM wattfolio_app;
END $$;
