/**
 * The benchmarks' scaled city (scripts/bench/scaleCity.ts) copies the counts timeline's derived
 * tables with the records instead of recomputing them (hours at ×1000): what it leaves must be
 * exactly what `rebuildCountsTimeline` computes from the copied records (the triggers then keep
 * it so, as countsTimeline.test.ts shows for any built timeline). Otherwise every ×100 / ×1000 figure would be
 * measured on counts the product would never show.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scaleCity } from '../../../scripts/bench/scaleCity.ts';
import type { Db } from '../../../server/db/connection.ts';
import { queryRows } from '../../../server/db/rows.ts';
import { countsTimelineBuilt, rebuildCountsTimeline } from '../../../server/services/metrics/countsTimeline.ts';
import { metricsReport } from '../../../server/services/metrics/metricsReport.ts';
import { FIXTURE_AS_OF } from '../../support/constants.ts';
import { availableBackends, openFixtureDatabase, type TestDatabase } from '../../support/databases.ts';

const FACTOR = 2;

/** Every derived row, as text, in one order: what the counts and the per-compound screens read. */
async function derivedRows(db: Db): Promise<{ timeline: string[]; changes: string[]; ranges: string[] }> {
  const read = async (table: string, order: string) =>
    (await queryRows<{ row: string }>(db, sql.raw(`select t::text as row from ${table} t order by ${order}`))).map(
      (r) => r.row,
    );
  return {
    timeline: await read('township_counts_timeline', 'township_code, from_day'),
    changes: await read('compound_counts_changes', 'compound_id'),
    ranges: await read('compound_state_ranges', 'compound_id, lower(during)'),
  };
}

describe.each(availableBackends())('scaleCity on %s', (kind) => {
  let database: TestDatabase;
  let before: Awaited<ReturnType<typeof metricsReport>>;

  beforeAll(async () => {
    database = await openFixtureDatabase(kind);
    before = await metricsReport(database.db, { asOf: FIXTURE_AS_OF });
    await scaleCity(database.db, FACTOR);
  }, 120_000);
  afterAll(() => database?.dispose());

  it('leaves the timeline built, counting every copy', async () => {
    expect(await countsTimelineBuilt(database.db)).toBe(true);
    const after = await metricsReport(database.db, { asOf: FIXTURE_AS_OF });
    expect(after.city.secondary.compounds).toBe(FACTOR * before.city.secondary.compounds);
    const figures = (report: typeof before) =>
      Object.entries(report.city.indicators).map(([key, i]) => [key, i.value, i.numerator, i.denominator]);
    // Each indicator's numerator and denominator ×2, its value (a ratio) the city's own.
    expect(figures(after)).toEqual(
      figures(before).map(([key, value, n, d]) => [key, value, FACTOR * Number(n), FACTOR * Number(d)]),
    );
  });

  it('copies exactly what a rebuild from the copied records computes', async () => {
    const copied = await derivedRows(database.db);
    expect(copied.ranges.length).toBeGreaterThan(0);
    await database.db.transaction((tx) => rebuildCountsTimeline(tx));
    expect(await derivedRows(database.db)).toEqual(copied);
  });
});
