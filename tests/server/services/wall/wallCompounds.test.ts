/**
 * wall.compounds: at the fixture's size the wall gets every compound, exactly the rows of
 * compounds.status, as it always had them; in a city scaled ×100 (compounds copied without their
 * records, scripts/bench/scaleCity.ts: the state ranges are not built, so the counts are the JS
 * path's) it gets a bounded answer — a few kilobytes, not 15 MB — whose township counts add up to
 * every compound and to each layer's classes; the movers (wall.movers) are the first of those that
 * started and stopped lagging, counted in full; a township's lagging list (the spotlight,
 * wall.lagging) is its first lagging compounds with their full count.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scaleCity } from '../../../../scripts/bench/scaleCity.ts';
import { compoundStatusAsOf } from '../../../../server/services/compounds/compoundStatus.ts';
import { wallCompounds, wallLagging, wallMovers } from '../../../../server/services/wall/wallCompounds.ts';
import { classOf, COVERAGE_LAYERS } from '../../../../shared/compounds/compoundClasses.ts';
import { MAP_ROW_CAP } from '../../../../shared/map/mapView.ts';
import { laggingChanges, weekAgoOf } from '../../../../shared/review/laggingChanges.ts';
import { laggingCompounds } from '../../../../shared/review/laggingCompounds.ts';
import { WALL_LIST_CAP } from '../../../../shared/wall/wallCompounds.ts';
import { FIXTURE_AS_OF } from '../../../support/constants.ts';
import { openFixtureDatabase, type TestDatabase } from '../../../support/databases.ts';

const asOf = FIXTURE_AS_OF;
const FACTOR = 100;
const bytes = (answer: unknown) => Buffer.byteLength(JSON.stringify(answer));

describe('the wall’s compounds (pglite)', () => {
  let database: TestDatabase;
  let original: Awaited<ReturnType<typeof compoundStatusAsOf>>;
  beforeAll(async () => {
    database = await openFixtureDatabase('pglite');
    original = await compoundStatusAsOf(database.db, asOf);
  });
  afterAll(() => database?.dispose());

  it('gives every compound at ×1, as compounds.status does', async () => {
    const answer = await wallCompounds(database.db, asOf);
    expect(answer).toEqual({ kind: 'compounds', total: original.length, rows: original });
  });

  describe('scaled ×100', () => {
    let all: Awaited<ReturnType<typeof compoundStatusAsOf>>;
    beforeAll(async () => {
      await scaleCity(database.db, FACTOR, () => {}, { records: false });
      all = await compoundStatusAsOf(database.db, asOf);
      expect(all.length).toBe(original.length * FACTOR);
    }, 180_000);

    it('answers in township counts and capped lists, bounded whatever the number of compounds', async () => {
      const answer = await wallCompounds(database.db, asOf);
      expect(answer.kind).toBe('townships');
      if (answer.kind !== 'townships') return;
      const townships = new Set(original.map((c) => c.townshipCode)).size;
      expect(answer.total).toBe(all.length);
      expect(answer.townships).toHaveLength(townships);
      // Per township its counts: a few kilobytes.
      expect(bytes(answer), 'under 100 KB, where the rows are 15 MB').toBeLessThan(100_000);
      expect(bytes(all)).toBeGreaterThan(10_000_000);
      expect(answer.total).toBeGreaterThan(MAP_ROW_CAP);
    });

    it('counts every compound once per layer, in the class a compound is drawn in', async () => {
      const answer = await wallCompounds(database.db, asOf);
      if (answer.kind !== 'townships') throw new Error('expected townships');
      expect(answer.townships.reduce((n, t) => n + t.compounds, 0)).toBe(all.length);
      expect(answer.townships.reduce((n, t) => n + t.households, 0)).toBe(all.reduce((n, c) => n + c.households, 0));
      for (const t of answer.townships) {
        const own = all.filter((c) => c.townshipCode === t.code);
        expect(t.compounds, t.code).toBe(own.length);
        for (const layer of COVERAGE_LAYERS) {
          const expected: Record<string, number> = {};
          for (const c of own) expected[classOf(layer, c)] = (expected[classOf(layer, c)] ?? 0) + 1;
          expect(t.classes[layer], `${t.code} ${layer}`).toEqual(expected);
        }
      }
    });

    it('lists the first lagging compounds of each township and counts them all', async () => {
      const lagging = laggingCompounds(all, asOf);
      const codes = [...new Set(original.map((c) => c.townshipCode))];
      const answers = await Promise.all(codes.map((code) => wallLagging(database.db, asOf, code)));
      expect(answers.reduce((n, t) => n + t.count, 0)).toBe(lagging.length);
      for (const t of answers) {
        const own = lagging.filter((c) => c.townshipCode === t.code);
        expect(t.count, t.code).toBe(own.length);
        expect(
          t.rows.map((c) => c.code),
          `${t.code}: the first of its lagging compounds`,
        ).toEqual(own.slice(0, WALL_LIST_CAP).map((c) => c.code));
        expect(bytes(t), `${t.code}: a screenful`).toBeLessThan(30_000);
      }
      // The copies carry no records (no meeting, no committee): every township lags past the cap.
      expect(answers.every((t) => t.count > WALL_LIST_CAP)).toBe(true);
    });

    it('gives the movers as the first that started and stopped lagging, counted in full', async () => {
      const answer = await wallMovers(database.db, asOf);
      const weekAgo = weekAgoOf(asOf);
      const full = laggingChanges(all, await compoundStatusAsOf(database.db, weekAgo), asOf, weekAgo);
      expect(answer).toEqual({
        ...full,
        started: full.started.slice(0, WALL_LIST_CAP),
        stopped: full.stopped.slice(0, WALL_LIST_CAP),
      });
      expect(full.startedCount + full.stoppedCount, 'some moved this week').toBeGreaterThan(0);
    });
  });
});
