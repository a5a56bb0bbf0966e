/**
 * Answers kept per data revision: identical requests share one computation, a change to the
 * records drops them, failures are not kept, and the procedures that use it still answer what a
 * fresh computation answers after a change.
 */
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compounds, meetings } from '../../../../data/schema/index.ts';
import { compoundStatusAsOf } from '../../../../server/services/compounds/compoundStatus.ts';
import { currentDataRevision } from '../../../../server/services/metrics/countsCache.ts';
import {
  freshRevision,
  revisionMemo,
  revisionMemoStats,
  weightOf,
} from '../../../../server/services/live/revisionMemo.ts';
import { FIXTURE_AS_OF } from '../../../support/constants.ts';
import { callerAs, type Caller } from '../../../support/callers.ts';
import { openFixtureDatabase, type TestDatabase } from '../../../support/databases.ts';

describe('revisionMemo', () => {
  let database: TestDatabase;
  let caller: Caller;
  beforeAll(async () => {
    database = await openFixtureDatabase('pglite');
    caller = await callerAs(database, 'analyst');
  });
  afterAll(() => database?.dispose());

  it('computes once for identical concurrent requests, again after the records change', async () => {
    let computed = 0;
    const compute = async () => {
      computed++;
      await new Promise((resolve) => setTimeout(resolve, 20));
      return [computed];
    };
    const answers = await Promise.all(Array.from({ length: 50 }, () => revisionMemo(database.db, 'k', compute)));
    expect(computed).toBe(1);
    expect(new Set(answers).size).toBe(1);
    expect(await revisionMemo(database.db, 'k', compute)).toBe(answers[0]);
    expect(await revisionMemo(database.db, 'other', compute)).toEqual([2]);

    const [compound] = await database.db.select({ id: compounds.id }).from(compounds).limit(1);
    await database.db.insert(meetings).values({
      compoundId: compound!.id,
      heldOn: '2024-02-29',
      attendees: 3,
      topics: 'memo test',
      problemsResolved: 0,
    });
    try {
      expect(await revisionMemo(database.db, 'k', compute)).toEqual([3]);
    } finally {
      await database.db
        .delete(meetings)
        .where(and(eq(meetings.compoundId, compound!.id), eq(meetings.topics, 'memo test')));
    }
  });

  it('reads the revision once for callers that arrive together, and never one older than when they asked', async () => {
    const first = await Promise.all(Array.from({ length: 20 }, () => freshRevision(database.db)));
    expect(new Set(first)).toEqual(new Set([await currentDataRevision(database.db)]));
    const [compound] = await database.db.select({ id: compounds.id }).from(compounds).limit(1);
    const asked = await currentDataRevision(database.db);
    const pending = freshRevision(database.db);
    await database.db.insert(meetings).values({
      compoundId: compound!.id,
      heldOn: '2024-02-28',
      attendees: 3,
      topics: 'memo test',
      problemsResolved: 0,
    });
    try {
      // Asked after the change committed, while the earlier read may still be under way.
      expect(await freshRevision(database.db)).toBe(await currentDataRevision(database.db));
      // The read that was asked for before the change is never older than the revision then.
      expect(await pending).toBeGreaterThanOrEqual(asked);
      expect(await pending).toBeLessThanOrEqual(await currentDataRevision(database.db));
    } finally {
      await database.db
        .delete(meetings)
        .where(and(eq(meetings.compoundId, compound!.id), eq(meetings.topics, 'memo test')));
    }
  });

  it('does not keep a failure', async () => {
    let attempts = 0;
    const flaky = async () => {
      attempts++;
      if (attempts === 1) throw new Error('transient');
      return 'ok';
    };
    await expect(revisionMemo(database.db, 'flaky', flaky)).rejects.toThrow('transient');
    expect(await revisionMemo(database.db, 'flaky', flaky)).toBe('ok');
  });

  it('weighs an answer by the rows in it', () => {
    expect(weightOf([1, 2, 3])).toBe(4);
    expect(weightOf({ rows: [1, 2], nested: { list: [1, 2, 3] }, n: 5 })).toBe(6);
    expect(weightOf('text')).toBe(1);
  });

  it('answers compounds.status as a fresh computation does, before and after a change, and refusals are not kept', async () => {
    const before = await caller.compounds.status({ asOf: FIXTURE_AS_OF });
    const hits = revisionMemoStats(database.db).hits;
    expect(await caller.compounds.status({ asOf: FIXTURE_AS_OF })).toBe(before);
    expect(revisionMemoStats(database.db).hits).toBe(hits + 1);
    expect(before).toEqual(await compoundStatusAsOf(database.db, FIXTURE_AS_OF));

    const target = before.find((r) => r.lastMeetingDate !== FIXTURE_AS_OF)!;
    await database.db
      .insert(meetings)
      .values({ compoundId: target.id, heldOn: FIXTURE_AS_OF, attendees: 3, topics: 'memo test', problemsResolved: 0 });
    try {
      const after = await caller.compounds.status({ asOf: FIXTURE_AS_OF });
      expect(after).not.toBe(before);
      expect(after.find((r) => r.id === target.id)!.lastMeetingDate).toBe(FIXTURE_AS_OF);
      expect(after).toEqual(await compoundStatusAsOf(database.db, FIXTURE_AS_OF));
    } finally {
      await database.db
        .delete(meetings)
        .where(and(eq(meetings.compoundId, target.id), eq(meetings.topics, 'memo test')));
    }

    await expect(caller.compounds.status({ asOf: 'not a date' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(caller.compounds.status({ asOf: 'not a date' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });
});
