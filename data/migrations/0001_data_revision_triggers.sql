-- Every change to a data table bumps data_revision.revision (one bump per statement), so
-- caches of computed figures know when records changed, whichever process changed them.
INSERT INTO "data_revision" ("id", "revision") VALUES (1, 0) ON CONFLICT DO NOTHING;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION onemap_bump_data_revision() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "data_revision" SET "revision" = "revision" + 1 WHERE "id" = 1;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['cities', 'townships', 'communities', 'property_companies', 'compounds', 'property_contracts',
    'party_organisations', 'committee_terms', 'meetings', 'evaluations', 'resident_issues', 'petitions', 'targets', 'dataset_info']
  LOOP
    EXECUTE format('CREATE TRIGGER %I AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON %I FOR EACH STATEMENT EXECUTE FUNCTION onemap_bump_data_revision()',
      t || '_bump_revision', t);
  END LOOP;
END;
$$;
