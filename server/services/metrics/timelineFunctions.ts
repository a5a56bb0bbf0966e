/**
 * The database side of the counts timeline, kept current by the writing transaction itself:
 * the text below is the hand-written part of migration counts_timeline_per_compound (a test
 * checks that the migration holds exactly `timelineFunctionsSql()`).
 *
 * - `compound_counts_changes` holds each compound's net changes (day, column, ±v) as the
 *   timeline last counted them, and in which township.
 * - A statement trigger on compounds and their seven record tables (with transition tables: a
 *   bulk statement is one call) recomputes the touched compounds from their records, takes their
 *   stored changes out of their townships' running sums and puts the new ones in. Cost: the
 *   compound's own records plus the township's rows from the first changed day on (at most one
 *   per day with a change), whatever the number of compounds.
 * - Writers of one township are serialised by a transaction advisory lock per township, taken
 *   before the records are read (read committed: each statement of the trigger sees what was
 *   committed before it), so two writers never compute from each other's stale view.
 * - `counts_timeline_state.revision` null (or no row) means "not built": triggers do nothing and
 *   reads answer directly from the records until `onemap_rebuild_counts_timeline()` runs. A bulk
 *   load defers to one rebuild this way (`onemap_defer_counts_timeline()`): holding the state row
 *   keeps other writers waiting, so nothing is lost between the two.
 * - TRUNCATE: with no compounds left the timeline is emptied; otherwise it is rebuilt.
 * - `compound_state_ranges` (stateRangesSql.ts) is each compound's running sum of the same changes
 *   plus a few state-only columns, replaced with them: the per-compound screens read it.
 */
import { COUNTED, stateChanges, storeStateRanges } from './stateRangesSql.ts';
import { COLUMNS, compoundChangesQuery } from './timelineSql.ts';

/** Two-key advisory locks: this class, and the township code's hash. */
export const TIMELINE_LOCK_CLASS = 20_261_205;

/** The tables whose rows the counts are computed from. */
export const TIMELINE_SOURCE_TABLES = [
  'compounds',
  'property_contracts',
  'party_organisations',
  'committee_terms',
  'meetings',
  'evaluations',
  'resident_issues',
  'petitions',
] as const;

const cols = (f: (c: string, i: number) => string, sep = ', ') => COLUMNS.map(f).join(sep);

const CHANGES_TYPE = 'TABLE(cid integer, township_code text, day date, col smallint, v integer)';

/** Per-compound arrays of a change set `source` (cid, township_code, day, col, v). */
const storeChanges = (source: string) =>
  `INSERT INTO compound_counts_changes (compound_id, township_code, days, cols, deltas)
    SELECT cid, township_code, array_agg(day ORDER BY day, col), array_agg(col ORDER BY day, col), array_agg(v ORDER BY day, col)
    FROM ${source} WHERE ${COUNTED} GROUP BY cid, township_code`;

/** Adds changes (township, day, column, ±v) to the running sums of their townships. */
const ADD = `CREATE OR REPLACE FUNCTION onemap_counts_timeline_add(codes text[], days date[], cols smallint[], vs integer[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF coalesce(cardinality(codes), 0) = 0 THEN RETURN; END IF;
  -- A day on which a township's counts change for the first time gets a row: the counts of the day before.
  INSERT INTO township_counts_timeline (township_code, from_day, ${cols((c) => c)})
  SELECT d.township_code, d.day, ${cols((c) => `coalesce(p.${c}, 0)`)}
  FROM (SELECT DISTINCT township_code, day FROM unnest(codes, days) AS u(township_code, day)) d
  LEFT JOIN LATERAL (
    SELECT * FROM township_counts_timeline x WHERE x.township_code = d.township_code AND x.from_day < d.day
    ORDER BY x.from_day DESC LIMIT 1
  ) p ON true
  WHERE NOT EXISTS (SELECT 1 FROM township_counts_timeline x WHERE x.township_code = d.township_code AND x.from_day = d.day);
  -- Every row from the township's first changed day on moves by the sum of the changes up to its day.
  UPDATE township_counts_timeline x SET ${cols((c) => `${c} = x.${c} + s.${c}`)}
  FROM (
    SELECT t.township_code, t.from_day, ${cols((c) => `(sum(coalesce(d.${c}, 0)) OVER w)::int AS ${c}`)}
    FROM township_counts_timeline t
    JOIN (SELECT township_code, min(day) AS first_day FROM unnest(codes, days) AS u(township_code, day) GROUP BY 1) f
      ON f.township_code = t.township_code AND t.from_day >= f.first_day
    LEFT JOIN (
      SELECT township_code, day, ${cols((c, i) => `sum(v) FILTER (WHERE col = ${i}) AS ${c}`)}
      FROM unnest(codes, days, cols, vs) AS u(township_code, day, col, v) GROUP BY township_code, day
    ) d ON d.township_code = t.township_code AND d.day = t.from_day
    WINDOW w AS (PARTITION BY t.township_code ORDER BY t.from_day)
  ) s
  WHERE x.township_code = s.township_code AND x.from_day = s.from_day AND (${cols((c) => `s.${c} <> 0`, ' OR ')});
END;
$$`;

/** Recomputes the given compounds and moves their townships' sums by the difference. */
const REFRESH = `CREATE OR REPLACE FUNCTION onemap_counts_timeline_refresh(ids integer[]) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  built boolean;
  locked text[] := '{}';
  wanted text[];
  o_codes text[]; o_days date[]; o_cols smallint[]; o_vs integer[];
  n_codes text[]; n_days date[]; n_cols smallint[]; n_vs integer[];
BEGIN
  IF coalesce(cardinality(ids), 0) = 0 THEN RETURN; END IF;
  -- Shared with other writers; a rebuild, or a bulk load deferring to one, holds it alone.
  SELECT revision IS NOT NULL INTO built FROM counts_timeline_state WHERE id = 1 FOR SHARE;
  IF NOT coalesce(built, false) THEN RETURN; END IF;
  -- The townships of these compounds, before (as counted) and now; again after waiting, in case
  -- a writer we waited for moved one of them.
  LOOP
    SELECT array_agg(code ORDER BY code) INTO wanted FROM (
      SELECT township_code AS code FROM compounds WHERE id = ANY(ids)
      UNION SELECT township_code FROM compound_counts_changes WHERE compound_id = ANY(ids)
    ) l WHERE NOT code = ANY(locked);
    EXIT WHEN wanted IS NULL;
    PERFORM pg_advisory_xact_lock(${TIMELINE_LOCK_CLASS}, hashtext(code)) FROM unnest(wanted) WITH ORDINALITY AS w(code, n) ORDER BY n;
    locked := locked || wanted;
  END LOOP;
  WITH old AS (
    DELETE FROM compound_counts_changes WHERE compound_id = ANY(ids) RETURNING township_code, days, cols, deltas
  )
  SELECT array_agg(o.township_code), array_agg(u.day), array_agg(u.col), array_agg(-u.v)
  INTO o_codes, o_days, o_cols, o_vs
  FROM old o CROSS JOIN LATERAL unnest(o.days, o.cols, o.deltas) AS u(day, col, v);
  DELETE FROM compound_state_ranges WHERE compound_id = ANY(ids);
  WITH fresh AS MATERIALIZED (SELECT * FROM onemap_compound_counts_changes(ids)),
  stored AS (${storeChanges('fresh')}),
  ranges AS (${storeStateRanges('fresh')}),
  delta AS (
    SELECT township_code, day, col, sum(v)::int AS v FROM (
      SELECT township_code, day, col, v FROM fresh WHERE ${COUNTED}
      UNION ALL SELECT * FROM unnest(o_codes, o_days, o_cols, o_vs) AS o(township_code, day, col, v)
    ) d GROUP BY 1, 2, 3 HAVING sum(v) <> 0
  )
  SELECT array_agg(township_code), array_agg(day), array_agg(col), array_agg(v) INTO n_codes, n_days, n_cols, n_vs FROM delta;
  PERFORM onemap_counts_timeline_add(n_codes, n_days, n_cols, n_vs);
END;
$$`;

/** Everything from the records: after a bulk load, a restore, a migration. */
const REBUILD = `CREATE OR REPLACE FUNCTION onemap_rebuild_counts_timeline() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO counts_timeline_state (id, revision) VALUES (1, NULL) ON CONFLICT DO NOTHING;
  PERFORM 1 FROM counts_timeline_state WHERE id = 1 FOR UPDATE;
  -- Hash aggregates in memory; and no JIT: compiling these ≈ 300 expressions costs PostgreSQL
  -- more (≈ 8 s at ×100) than running them.
  PERFORM set_config('work_mem', '256MB', true);
  PERFORM set_config('jit', 'off', true);
  DELETE FROM compound_counts_changes;
  DELETE FROM township_counts_timeline;
  DELETE FROM compound_state_ranges;
  WITH fresh AS MATERIALIZED (SELECT * FROM onemap_all_compound_counts_changes()),
  stored AS (${storeChanges('fresh')}),
  ranges AS (${storeStateRanges('fresh')}),
  step AS (
    SELECT township_code, day, ${cols((c, i) => `coalesce(sum(v) FILTER (WHERE col = ${i}), 0) AS ${c}`)}
    FROM fresh WHERE ${COUNTED} GROUP BY township_code, day
  )
  INSERT INTO township_counts_timeline (township_code, from_day, ${cols((c) => c)})
  SELECT township_code, day, ${cols((c) => `(sum(${c}) OVER w)::int`)}
  FROM step WINDOW w AS (PARTITION BY township_code ORDER BY day);
  UPDATE counts_timeline_state SET revision = coalesce((SELECT revision FROM data_revision WHERE id = 1), 0) WHERE id = 1;
END;
$$`;

const DEFER = `CREATE OR REPLACE FUNCTION onemap_defer_counts_timeline() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO counts_timeline_state (id, revision) VALUES (1, NULL)
  ON CONFLICT (id) DO UPDATE SET revision = NULL;
END;
$$`;

const CHANGED = `CREATE OR REPLACE FUNCTION onemap_counts_timeline_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE ids integer[];
BEGIN
  IF TG_TABLE_NAME = 'compounds' THEN
    IF TG_OP = 'INSERT' THEN
      SELECT array_agg(id) INTO ids FROM new_rows;
    ELSIF TG_OP = 'DELETE' THEN
      SELECT array_agg(id) INTO ids FROM old_rows;
    ELSE
      -- Only what the counts read: a new name or address costs nothing.
      SELECT array_agg(DISTINCT coalesce(n.id, o.id)) INTO ids
      FROM new_rows n FULL JOIN old_rows o ON o.id = n.id
      WHERE n.id IS NULL OR o.id IS NULL
        OR (n.township_code, n.listed_on, n.households, n.model_home_since) IS DISTINCT FROM (o.township_code, o.listed_on, o.households, o.model_home_since);
    END IF;
  ELSIF TG_OP = 'INSERT' THEN
    SELECT array_agg(DISTINCT compound_id) INTO ids FROM new_rows;
  ELSIF TG_OP = 'DELETE' THEN
    SELECT array_agg(DISTINCT compound_id) INTO ids FROM old_rows;
  ELSE
    SELECT array_agg(DISTINCT compound_id) INTO ids FROM (SELECT compound_id FROM new_rows UNION ALL SELECT compound_id FROM old_rows) r;
  END IF;
  PERFORM onemap_counts_timeline_refresh(ids);
  RETURN NULL;
END;
$$`;

const TRUNCATED = `CREATE OR REPLACE FUNCTION onemap_counts_timeline_truncated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM compounds) THEN
    PERFORM 1 FROM counts_timeline_state WHERE id = 1 FOR UPDATE;
    DELETE FROM compound_counts_changes;
    DELETE FROM township_counts_timeline;
    DELETE FROM compound_state_ranges;
  ELSIF EXISTS (SELECT 1 FROM counts_timeline_state WHERE id = 1 AND revision IS NOT NULL) THEN
    PERFORM onemap_rebuild_counts_timeline();
  END IF;
  RETURN NULL;
END;
$$`;

const TRIGGERS = `DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY[${TIMELINE_SOURCE_TABLES.map((t) => `'${t}'`).join(', ')}]
  LOOP
    EXECUTE format('DROP TRIGGER IF EXISTS %I ON %I', t || '_timeline_insert', t);
    EXECUTE format('DROP TRIGGER IF EXISTS %I ON %I', t || '_timeline_update', t);
    EXECUTE format('DROP TRIGGER IF EXISTS %I ON %I', t || '_timeline_delete', t);
    EXECUTE format('DROP TRIGGER IF EXISTS %I ON %I', t || '_timeline_truncate', t);
    EXECUTE format('CREATE TRIGGER %I AFTER INSERT ON %I REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION onemap_counts_timeline_changed()', t || '_timeline_insert', t);
    EXECUTE format('CREATE TRIGGER %I AFTER UPDATE ON %I REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION onemap_counts_timeline_changed()', t || '_timeline_update', t);
    EXECUTE format('CREATE TRIGGER %I AFTER DELETE ON %I REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION onemap_counts_timeline_changed()', t || '_timeline_delete', t);
    EXECUTE format('CREATE TRIGGER %I AFTER TRUNCATE ON %I FOR EACH STATEMENT EXECUTE FUNCTION onemap_counts_timeline_truncated()', t || '_timeline_truncate', t);
  END LOOP;
  -- Townships are read as they are (one without compounds counts zero): nothing to keep.
  DROP TRIGGER IF EXISTS townships_timeline_change ON townships;
  DROP TRIGGER IF EXISTS townships_timeline_truncate ON townships;
END;
$$`;

/** The hand-written part of the migration, statement by statement. */
export function timelineFunctionsSql(): string {
  return (
    [
      `-- Generated by server/services/metrics/timelineFunctions.ts (see there why): keep them the same.
CREATE OR REPLACE FUNCTION onemap_compound_counts_changes(ids integer[]) RETURNS ${CHANGES_TYPE} LANGUAGE sql STABLE AS $$\n${compoundChangesQuery('ids', stateChanges)}\n$$`,
      `CREATE OR REPLACE FUNCTION onemap_all_compound_counts_changes() RETURNS ${CHANGES_TYPE} LANGUAGE sql STABLE AS $$\n${compoundChangesQuery('all', stateChanges)}\n$$`,
      ADD,
      REFRESH,
      REBUILD,
      DEFER,
      CHANGED,
      TRUNCATED,
      TRIGGERS,
      'DROP FUNCTION IF EXISTS onemap_mark_timeline_dirty()',
      '-- An existing database: every compound counted once, from its records.\nSELECT onemap_rebuild_counts_timeline()',
    ].join(';\n--> statement-breakpoint\n') + ';\n'
  );
}
