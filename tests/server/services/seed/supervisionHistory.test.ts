/**
 * The demo city's supervision history: the same seed gives the same items and events, another
 * seed others; on the seeded fixture every item's state is its last event's, each move is one the
 * state machine allows (no close without an answer before it), the stored answer/close/return
 * times are their events', and the history has each kind of life the review talks about.
 */
import { asc } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { supervisionItemEvents, supervisionItems } from '../../../../data/schema/index.ts';
import { generateDemoCity } from '../../../../server/services/seed/demoCity/index.ts';
import { Random } from '../../../../server/services/seed/demoCity/random.ts';
import { generateSupervisionHistory } from '../../../../server/services/seed/demoCity/supervisionHistory.ts';
import { closedLate } from '../../../../shared/supervision/deadlines.ts';
import { MOVE_RULES, type SupervisionMove } from '../../../../shared/supervision/states.ts';
import { todayInCity } from '../../../../shared/time/dates.ts';
import { FIXTURE_AS_OF, FIXTURE_SEED } from '../../../support/constants.ts';
import { availableBackends, openFixtureDatabase, type TestDatabase } from '../../../support/databases.ts';

const MOVE_TO: Record<string, SupervisionMove> = { answered: 'answer', closed: 'accept', returned: 'return' };

describe('demo supervision history (generator)', () => {
  it('is the same for the same seed and differs for another', () => {
    const city = generateDemoCity({ seed: FIXTURE_SEED, asOf: FIXTURE_AS_OF });
    const of = (seed: number) =>
      generateSupervisionHistory(new Random(seed, 'supervision-history'), city, FIXTURE_AS_OF);
    const once = of(FIXTURE_SEED);
    expect(of(FIXTURE_SEED)).toEqual(once);
    expect(of(FIXTURE_SEED + 1).events).not.toEqual(once.events);
  });
});

describe.each(availableBackends())('demo supervision history on the fixture (%s)', (kind) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openFixtureDatabase(kind);
  });
  afterAll(() => database?.dispose());

  it('has consistent states: each item’s state is its last event’s, reached by allowed moves', async () => {
    const items = await database.db.select().from(supervisionItems).orderBy(asc(supervisionItems.id));
    const events = await database.db
      .select()
      .from(supervisionItemEvents)
      .orderBy(asc(supervisionItemEvents.at), asc(supervisionItemEvents.id));
    expect(items.length).toBeGreaterThanOrEqual(20);
    const kinds = { onTime: 0, late: 0, returned: 0, open: 0, overdue: 0 };
    for (const item of items) {
      const mine = events.filter((e) => e.itemId === item.id);
      expect(mine[0], `item ${item.id}`).toMatchObject({ fromState: null, toState: 'pending' });
      for (const [i, e] of mine.entries()) {
        if (i === 0) continue;
        expect(e.fromState).toBe(mine[i - 1]!.toState);
        expect(MOVE_RULES[MOVE_TO[e.toState]!].from).toContain(e.fromState);
        expect(todayInCity(new Date(e.at)) <= FIXTURE_AS_OF).toBe(true);
      }
      const last = mine.at(-1)!;
      expect(item.state).toBe(last.toState);
      const lastAnswer = mine.filter((e) => e.toState === 'answered').at(-1);
      if (item.state === 'closed') {
        expect(new Date(item.closedAt!).getTime()).toBe(new Date(last.at).getTime());
        expect(lastAnswer).toBeDefined();
        if (closedLate(item.deadline, todayInCity(new Date(item.closedAt!)))) kinds.late++;
        else kinds.onTime++;
      } else {
        kinds.open++;
        if (item.deadline < FIXTURE_AS_OF) kinds.overdue++;
      }
      if (lastAnswer) expect(new Date(item.answeredAt!).getTime()).toBe(new Date(lastAnswer.at).getTime());
      else expect(item.answeredAt).toBeNull();
      if (mine.some((e) => e.toState === 'returned')) kinds.returned++;
      expect(item.source).toBe('review');
      expect(item.reviewWeek).toMatch(/^2026-W\d\d$/);
    }
    // Most closed on time; some late, a few returned, a few open now (some overdue).
    expect(kinds.onTime).toBeGreaterThan(items.length / 2);
    expect(kinds.late).toBeGreaterThan(0);
    expect(kinds.returned).toBeGreaterThan(0);
    expect(kinds.open).toBeGreaterThan(0);
    expect(kinds.overdue).toBeGreaterThan(0);
  });
});
