-- The audit log is append-only and hash-chained, enforced by the database whatever the client:
--   * UPDATE, DELETE and TRUNCATE of audit_log are refused (a statement trigger, so even a
--     statement touching no row is refused);
--   * a BEFORE INSERT trigger gives each row the next position (seq), the previous row's hash
--     and its own hash = sha256(prev_hash || '|' || canonical content), ignoring what the client
--     sent for them; `onemap audit verify` recomputes the chain.
-- Writers are serialised by a row lock on the single row of audit_chain_head, held until commit:
-- on PostgreSQL concurrent writers still form one chain. (A row lock rather than an advisory
-- lock: a REPEATABLE READ writer that raced another gets a serialization error instead of
-- silently chaining to a row its snapshot predates.)
CREATE OR REPLACE FUNCTION onemap_audit_row_hash(prev text, r audit_log) RETURNS text LANGUAGE sql STABLE AS $$
  SELECT encode(sha256(convert_to(prev || '|' || jsonb_build_array(
    r.seq, r.id, to_char(r.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'), r.user_id, r.username,
    r.action, r.table_name, r.record_id, r.before, r.after, r.count)::text, 'UTF8')), 'hex')
$$;
--> statement-breakpoint
CREATE TABLE "audit_chain_head" (
  "id" integer PRIMARY KEY DEFAULT 1 CHECK ("id" = 1),
  "seq" bigint NOT NULL,
  "hash" text NOT NULL
);
--> statement-breakpoint
-- Chain the rows already written, in the order they were written.
DO $$
DECLARE
  r audit_log;
  n bigint := 0;
  h text := repeat('0', 64);
BEGIN
  FOR r IN SELECT * FROM audit_log ORDER BY id LOOP
    n := n + 1;
    r.seq := n;
    r.prev_hash := h;
    IF r.username IS NULL AND r.user_id IS NOT NULL THEN
      SELECT username INTO r.username FROM users WHERE id = r.user_id;
    END IF;
    h := onemap_audit_row_hash(h, r);
    UPDATE audit_log SET seq = n, prev_hash = r.prev_hash, username = r.username, hash = h WHERE id = r.id;
  END LOOP;
  INSERT INTO audit_chain_head (id, seq, hash) VALUES (1, n, h);
END;
$$;
--> statement-breakpoint
CREATE UNIQUE INDEX "audit_log_seq_idx" ON "audit_log" ("seq");
--> statement-breakpoint
-- The head is locked by a transaction's first audit row and written once per INSERT statement
-- (a statement trigger): between rows, the transaction's running head is kept in
-- transaction-local settings, so a bulk insert (an import's thousands of rows) does not rewrite
-- the head row per row. A savepoint rolled back takes its settings and its head update with it.
CREATE OR REPLACE FUNCTION onemap_audit_chain() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  head_seq bigint;
  head_hash text;
BEGIN
  IF coalesce(current_setting('onemap.audit_seq', true), '') = '' THEN
    SELECT seq, hash INTO head_seq, head_hash FROM audit_chain_head WHERE id = 1 FOR UPDATE;
  ELSE
    head_seq := current_setting('onemap.audit_seq')::bigint;
    head_hash := current_setting('onemap.audit_hash');
  END IF;
  NEW.seq := head_seq + 1;
  NEW.prev_hash := head_hash;
  IF NEW.username IS NULL AND NEW.user_id IS NOT NULL THEN
    SELECT username INTO NEW.username FROM users WHERE id = NEW.user_id;
  END IF;
  NEW.hash := onemap_audit_row_hash(NEW.prev_hash, NEW);
  PERFORM set_config('onemap.audit_seq', NEW.seq::text, true), set_config('onemap.audit_hash', NEW.hash, true);
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER "audit_log_chain" BEFORE INSERT ON "audit_log" FOR EACH ROW EXECUTE FUNCTION onemap_audit_chain();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION onemap_audit_chain_head() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- An INSERT of no row before any other in this transaction has nothing to write.
  IF coalesce(current_setting('onemap.audit_seq', true), '') = '' THEN
    RETURN NULL;
  END IF;
  UPDATE audit_chain_head SET seq = current_setting('onemap.audit_seq')::bigint, hash = current_setting('onemap.audit_hash') WHERE id = 1;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER "audit_log_chain_head" AFTER INSERT ON "audit_log" FOR EACH STATEMENT EXECUTE FUNCTION onemap_audit_chain_head();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION onemap_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- The head moves only with the chain trigger (trigger depth 2: this one inside it).
  IF TG_TABLE_NAME = 'audit_chain_head' AND TG_OP = 'UPDATE' AND pg_trigger_depth() > 1 THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION '审计日志只能追加，不能修改或删除（%）', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER "audit_log_append_only" BEFORE UPDATE OR DELETE OR TRUNCATE ON "audit_log" FOR EACH STATEMENT EXECUTE FUNCTION onemap_audit_append_only();
--> statement-breakpoint
CREATE TRIGGER "audit_chain_head_update" BEFORE UPDATE ON "audit_chain_head" FOR EACH ROW EXECUTE FUNCTION onemap_audit_append_only();
--> statement-breakpoint
CREATE TRIGGER "audit_chain_head_delete" BEFORE DELETE OR TRUNCATE ON "audit_chain_head" FOR EACH STATEMENT EXECUTE FUNCTION onemap_audit_append_only();
