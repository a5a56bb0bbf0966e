-- The data revision is announced as it commits (LISTEN/NOTIFY), so every server process tells its
-- wall screens at once instead of polling (server/services/live/revisionFeed.ts).
-- hand-written below
-- A deferred constraint trigger fires at commit, after every statement of the transaction has
-- bumped the revision: each firing reads the same final revision, and PostgreSQL delivers
-- identical notifications of one transaction once, so a transaction is one notification carrying
-- the revision it committed. Nothing listens on the embedded database; the notification is harmless there.
CREATE OR REPLACE FUNCTION onemap_notify_data_revision() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('onemap_data_revision', (SELECT "revision" FROM "data_revision" WHERE "id" = 1)::text);
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "data_revision_notify" AFTER INSERT OR UPDATE ON "data_revision"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION onemap_notify_data_revision();
