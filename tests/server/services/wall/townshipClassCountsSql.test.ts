/**
 * Above MAP_ROW_CAP the wall's township class counts come from one SQL aggregate over the stored
 * state ranges (server/services/wall/townshipClassCountsSql.ts) instead of every compound's row
 * classed in JS: on a city scaled past the cap with its records (so its ranges are built, as a
 * real large city's are), they must be exactly what `townshipClassCounts` counts from
 * compounds.status's rows — every layer's classes, compounds, households — on today, last week's
 * Sunday and a day a year back, on both databases. While the ranges are not built it answers
 * null and the wall counts in JS (wallCompounds.test.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scaleCity } from '../../../../scripts/bench/scaleCity.ts';
import { compoundStatusAsOf } from '../../../../server/services/compounds/compoundStatus.ts';
import { townshipClassCountsSql } from '../../../../server/services/wall/townshipClassCountsSql.ts';
import { wallCompounds } from '../../../../server/services/wall/wallCompounds.ts';
import { MAP_ROW_CAP } from '../../../../shared/map/mapView.ts';
import { weekAgoOf } from '../../../../shared/review/laggingChanges.ts';
import { addDays } from '../../../../shared/time/dates.ts';
import { townshipClassCounts, type TownshipClassCounts } from '../../../../shared/wall/wallCompounds.ts';
import { FIXTURE_AS_OF } from '../../../support/constants.ts';
import { availableBackends, openFixtureDatabase, type TestDatabase } from '../../../support/databases.ts';

/** The fixture's 347 compounds ×12: past the cap of 4 000. */
const FACTOR = 12;
const DAYS = [FIXTURE_AS_OF, weekAgoOf(FIXTURE_AS_OF), addDays(FIXTURE_AS_OF, -365)];

/** Mean positions to a millimetre's worth of degrees: SQL's avg and JS's sum / n may differ in the last bits. */
const placed = (townships: readonly TownshipClassCounts[]) =>
  townships.map((t) => ({ ...t, lon: t.lon.toFixed(8), lat: t.lat.toFixed(8) }));

describe.each(availableBackends())('township class counts in SQL on %s', (kind) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openFixtureDatabase(kind);
    await scaleCity(database.db, FACTOR, () => {});
  }, 300_000);
  afterAll(() => database?.dispose());

  it.each(DAYS)('counts as the JS count of every compound’s row on %s', async (day) => {
    const rows = await compoundStatusAsOf(database.db, day);
    const counted = await townshipClassCountsSql(database.db, day);
    expect(counted).not.toBeNull();
    expect(placed(counted!)).toEqual(placed(townshipClassCounts(rows)));
  });

  it('is what the wall gets past the cap', async () => {
    const answer = await wallCompounds(database.db, FIXTURE_AS_OF);
    expect(answer.kind).toBe('townships');
    expect(answer.total).toBeGreaterThan(MAP_ROW_CAP);
    if (answer.kind === 'townships')
      expect(answer.townships).toEqual(await townshipClassCountsSql(database.db, FIXTURE_AS_OF));
  });
});
