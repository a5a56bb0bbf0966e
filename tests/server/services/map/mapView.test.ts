/**
 * map.view: at the fixture's size the map gets every compound, exactly the rows of
 * compounds.status; in a city scaled past the row cap (scripts/bench/scaleCity.ts, ×15 here to
 * stay quick) it gets townships for the whole city, grid cells at middle zoom and the largest
 * compounds of a view when zoomed in — every aggregate adding up to the compounds it stands for.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scaleCity } from '../../../../scripts/bench/scaleCity.ts';
import { compoundStatusAsOf } from '../../../../server/services/compounds/compoundStatus.ts';
import { mapView } from '../../../../server/services/map/mapView.ts';
import { MAP_ROW_CAP, type ViewBox } from '../../../../shared/map/mapView.ts';
import { callerAs } from '../../../support/callers.ts';
import { FIXTURE_AS_OF } from '../../../support/constants.ts';
import { availableBackends, openFixtureDatabase, type TestDatabase } from '../../../support/databases.ts';

const asOf = FIXTURE_AS_OF;
const inside = (box: ViewBox) => (c: { lon: number; lat: number }) =>
  c.lon >= box[0] && c.lon <= box[2] && c.lat >= box[1] && c.lat <= box[3];

describe.each(availableBackends())('the map view (%s)', (kind) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openFixtureDatabase(kind);
  });
  afterAll(() => database?.dispose());

  it('gives the whole city compound by compound at ×1, as compounds.status does', async () => {
    const answer = await mapView(database.db, { asOf, bbox: null, zoom: null });
    const all = await compoundStatusAsOf(database.db, asOf);
    expect(answer).toEqual({ kind: 'compounds', total: all.length, rows: all });
  });

  it('gives the compounds of a view, and counts them', async () => {
    const all = await compoundStatusAsOf(database.db, asOf);
    const lons = all.map((c) => c.lon).sort((a, b) => a - b);
    const lats = all.map((c) => c.lat).sort((a, b) => a - b);
    // The south-west quarter of the city, roughly.
    const box: ViewBox = [lons[0]!, lats[0]!, lons[lons.length >> 1]!, lats[lats.length >> 1]!];
    const answer = await mapView(database.db, { asOf, bbox: box, zoom: 13 });
    const expected = all.filter(inside(box));
    expect(expected.length).toBeGreaterThan(0);
    expect(answer.kind).toBe('compounds');
    if (answer.kind !== 'compounds') return;
    expect(answer.total).toBe(expected.length);
    expect(answer.rows.map((r) => r.code).sort()).toEqual(expected.map((r) => r.code).sort());
    expect(answer.rows).toEqual(expect.arrayContaining(expected));
  });

  it('refuses a view whose west lies east of its east, in Chinese', async () => {
    const caller = await callerAs(database, 'analyst');
    await expect(caller.map.view({ asOf, bbox: [119, 24, 118, 25], zoom: 12 })).rejects.toThrow(/西边应不大于东边/);
  });

  describe('scaled past the row cap', () => {
    let original: Awaited<ReturnType<typeof compoundStatusAsOf>>;
    const factor = 15;
    beforeAll(async () => {
      original = await compoundStatusAsOf(database.db, asOf);
      expect(original.length * factor).toBeGreaterThan(MAP_ROW_CAP);
      await scaleCity(database.db, factor);
    }, 120_000);

    it('gives one aggregate per township for the whole city, adding up to every compound', async () => {
      const answer = await mapView(database.db, { asOf, bbox: null, zoom: null });
      expect(answer.kind).toBe('townships');
      if (answer.kind === 'compounds') return;
      expect(answer.total).toBe(original.length * factor);
      const perTownship = new Map<string, number>();
      for (const c of original) perTownship.set(c.townshipCode, (perTownship.get(c.townshipCode) ?? 0) + factor);
      expect(new Map(answer.aggregates.map((a) => [a.key, a.compounds]))).toEqual(perTownship);
      const households = original.reduce((n, c) => n + c.households, 0) * factor;
      expect(answer.aggregates.reduce((n, a) => n + a.households, 0)).toBe(households);
    });

    it('gives grid cells at middle zoom, each within the view and adding up to its compounds', async () => {
      // Every compound but those of the northernmost tenth: still more than the row cap.
      const lats = original.map((c) => c.lat).sort((a, b) => a - b);
      const lons = original.map((c) => c.lon);
      const box = [Math.min(...lons), lats[0]!, Math.max(...lons), lats[Math.floor(lats.length * 0.9)]!] as const;
      const expected = original.filter(inside(box)).length * factor;
      expect(expected).toBeGreaterThan(MAP_ROW_CAP);
      const answer = await mapView(database.db, { asOf, bbox: box, zoom: 12 });
      expect(answer.kind).toBe('cells');
      if (answer.kind === 'compounds') return;
      expect(answer.total).toBe(expected);
      expect(answer.aggregates.reduce((n, a) => n + a.compounds, 0)).toBe(expected);
      expect(answer.aggregates.every(inside(box))).toBe(true);
      expect(new Set(answer.aggregates.map((a) => a.key)).size).toBe(answer.aggregates.length);
    });

    it('gives the largest compounds of a zoomed-in view, at most the row cap', async () => {
      const answer = await mapView(database.db, { asOf, bbox: [-180, -90, 180, 90], zoom: 15 });
      expect(answer.kind).toBe('compounds');
      if (answer.kind !== 'compounds') return;
      expect(answer.total).toBe(original.length * factor);
      expect(answer.rows).toHaveLength(MAP_ROW_CAP);
      const smallestShown = Math.min(...answer.rows.map((r) => r.households));
      const largerLeftOut = original.filter((c) => c.households > smallestShown).length * factor;
      expect(largerLeftOut).toBeLessThanOrEqual(MAP_ROW_CAP);
    });
  });
});
