-- Marks, in the writer's transaction, the townships whose records changed, so the counts
-- timeline (township_counts_timeline) rebuilds only those before it is read again. One
-- statement trigger per table and event, with its transition table: a bulk import of 2 M rows
-- costs one join of the new rows with compounds, not 2 M trigger calls.
CREATE OR REPLACE FUNCTION onemap_mark_timeline_dirty() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'TRUNCATE' OR TG_TABLE_NAME = 'townships' THEN
    INSERT INTO counts_timeline_dirty (township_code) VALUES ('*')
    ON CONFLICT (township_code) DO UPDATE SET changes = counts_timeline_dirty.changes + 1;
  ELSIF TG_TABLE_NAME = 'compounds' THEN
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
      INSERT INTO counts_timeline_dirty (township_code) SELECT DISTINCT township_code FROM new_rows
      ON CONFLICT (township_code) DO UPDATE SET changes = counts_timeline_dirty.changes + 1;
    END IF;
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
      INSERT INTO counts_timeline_dirty (township_code) SELECT DISTINCT township_code FROM old_rows
      ON CONFLICT (township_code) DO UPDATE SET changes = counts_timeline_dirty.changes + 1;
    END IF;
  ELSE
    -- A record of a compound. When the compound itself was deleted (cascade), its own trigger
    -- marks its township.
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
      INSERT INTO counts_timeline_dirty (township_code)
      SELECT DISTINCT c.township_code FROM compounds c WHERE c.id IN (SELECT compound_id FROM new_rows)
      ON CONFLICT (township_code) DO UPDATE SET changes = counts_timeline_dirty.changes + 1;
    END IF;
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
      INSERT INTO counts_timeline_dirty (township_code)
      SELECT DISTINCT c.township_code FROM compounds c WHERE c.id IN (SELECT compound_id FROM old_rows)
      ON CONFLICT (township_code) DO UPDATE SET changes = counts_timeline_dirty.changes + 1;
    END IF;
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['compounds', 'property_contracts', 'party_organisations', 'committee_terms', 'meetings',
    'evaluations', 'resident_issues', 'petitions']
  LOOP
    EXECUTE format('CREATE TRIGGER %I AFTER INSERT ON %I REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION onemap_mark_timeline_dirty()', t || '_timeline_insert', t);
    EXECUTE format('CREATE TRIGGER %I AFTER UPDATE ON %I REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION onemap_mark_timeline_dirty()', t || '_timeline_update', t);
    EXECUTE format('CREATE TRIGGER %I AFTER DELETE ON %I REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION onemap_mark_timeline_dirty()', t || '_timeline_delete', t);
  END LOOP;
  FOREACH t IN ARRAY ARRAY['compounds', 'property_contracts', 'party_organisations', 'committee_terms', 'meetings',
    'evaluations', 'resident_issues', 'petitions', 'townships']
  LOOP
    EXECUTE format('CREATE TRIGGER %I AFTER TRUNCATE ON %I FOR EACH STATEMENT EXECUTE FUNCTION onemap_mark_timeline_dirty()', t || '_timeline_truncate', t);
  END LOOP;
  CREATE TRIGGER townships_timeline_change AFTER INSERT OR UPDATE OR DELETE ON townships
    FOR EACH STATEMENT EXECUTE FUNCTION onemap_mark_timeline_dirty();
END;
$$;
--> statement-breakpoint
-- Whatever was built before these triggers existed is rebuilt in full.
DELETE FROM counts_timeline_state;
