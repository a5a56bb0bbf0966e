/**
 * The counts timeline, and each compound's stored state ranges, must always equal the direct
 * computation: on many days of the fixture city, and again after inserts, updates and deletes of
 * every kind of record — including from a second connection, as the CLI or an import would make them.
 */
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as s from '../../../../data/schema/index.ts';
import { openDatabase } from '../../../../server/db/connection.ts';
import { queryRows } from '../../../../server/db/rows.ts';
import {
  deferCountsTimeline,
  rebuildCountsTimeline,
  timelineCountsAsOf,
  timelineCountsOnDays,
} from '../../../../server/services/metrics/countsTimeline.ts';
import { clearDemoRecords } from '../../../../server/services/dataset/clearDemoRecords.ts';
import { directIndicatorCountsAsOf, indicatorCountsAsOf } from '../../../../server/services/metrics/indicatorCounts.ts';
import { compoundStatesAsOf } from '../../../../server/services/compounds/compoundStateRanges.ts';
import { directCompoundStatusAsOf } from '../../../../server/services/compounds/compoundStatus.ts';
import { committeeRate } from '../../../../server/services/metrics/indicators/committeeRate.ts';
import { petitionRate } from '../../../../server/services/metrics/indicators/petitionRate.ts';
import { addDays } from '../../../../shared/time/dates.ts';
import { FIXTURE_AS_OF } from '../../../support/constants.ts';
import { availableBackends, openFixtureDatabase, type TestDatabase } from '../../../support/databases.ts';

type Db = TestDatabase['db'];

/** Every 11th day from before the history to after the fixture's today, and some edges. */
const SPREAD = [
  ...Array.from({ length: 100 }, (_, i) => addDays('2023-12-20', 11 * i)),
  '2000-01-01',
  '2024-01-01',
  '2024-02-29',
  '2025-05-31',
  '2025-12-31',
  FIXTURE_AS_OF,
  '2030-06-01',
];

async function expectEqualsDirect(db: Db, dates: readonly string[], label: string): Promise<void> {
  // In parallel, as metricsReport asks: the rebuild after a change must happen once and be shared.
  const timeline = await Promise.all(dates.map((d) => timelineCountsAsOf(db, d)));
  // Many days in one statement (a weekly series' Sundays) read the same counts, townships in order.
  const onDays = await timelineCountsOnDays(db, dates);
  for (const [i, date] of dates.entries()) {
    expect(timeline[i], `${label}: timeline not used on ${date}`).not.toBeNull();
    expect(onDays?.get(date), `${label}: the days together, on ${date}`).toEqual(timeline[i]);
    expect([...onDays!.get(date)!.keys()], `${label}: townships in code order on ${date}`).toEqual([
      ...timeline[i]!.keys(),
    ]);
    expect(timeline[i], `${label} on ${date}`).toEqual(await directIndicatorCountsAsOf(db, date));
    // Each compound's state is compared on a third of the whole history's sampled days (the
    // direct statement reads every record), and on every day around a change.
    if (dates !== SPREAD || i % 3 === 0) await expectStatesEqualDirect(db, date, label);
  }
}

/**
 * Every compound's state from its stored ranges equals the direct statement on the day: its
 * status (company, organisation, committee, last meeting, rating, issues), and the petitions and
 * committee end the drill-through's reasons cite, as the indicators read them from the records.
 */
async function expectStatesEqualDirect(db: Db, date: string, label: string): Promise<void> {
  const states = await compoundStatesAsOf(db, date);
  expect(states, `${label}: state ranges not used on ${date}`).not.toBeNull();
  const statuses = states!.map((state) => state.status);
  expect(statuses, `${label}: compound status on ${date}`).toEqual(await directCompoundStatusAsOf(db, date));
  // A township and a map view read each compound's range by its own index (not the city's probe).
  if (statuses.length > 0) {
    const township = statuses.reduce((a, c) => (c.id < a.id ? c : a)).townshipCode;
    expect(
      (await compoundStatesAsOf(db, date, township))!.map((state) => state.status),
      `${label}: township ${township} on ${date}`,
    ).toEqual(statuses.filter((c) => c.townshipCode === township));
    const view = { bbox: [118.4, 24.6, 118.7, 24.9] as [number, number, number, number], limit: 40 };
    const inView = (await compoundStatesAsOf(db, date, undefined, view))!.map((state) => state.status);
    expect(inView.length, `${label}: map view on ${date}`).toBeGreaterThan(0);
    expect(inView, `${label}: map view on ${date}`).toEqual(await directCompoundStatusAsOf(db, date, undefined, view));
  }
  // The direct reads cover compounds not yet listed too; the screens only show those in scope.
  const inScope = <T>(map: Map<number, T>) => new Map([...map].filter(([id]) => statuses.some((c) => c.id === id)));
  const petitions = new Map(
    states!
      .filter((state) => state.petitions > 0)
      .map((state) => [state.status.id, petitionRate.recordsFromState(state)]),
  );
  expect(petitions, `${label}: petitions on ${date}`).toEqual(inScope(await petitionRate.recordsPerCompound(db, date)));
  const committees = new Map(
    states!.flatMap((state) => {
      const fact = committeeRate.factFromState(state);
      return fact ? [[state.status.id, fact] as const] : [];
    }),
  );
  expect(committees, `${label}: last committee on ${date}`).toEqual(
    inScope(await committeeRate.factsPerCompound(db, date)),
  );
}

/** Days around a change, and a sample of the whole history. */
const around = (...days: string[]) => [
  ...new Set([
    ...days.flatMap((d) => [addDays(d, -1), d, addDays(d, 1), addDays(d, 29), addDays(d, 30)]),
    ...SPREAD.filter((_, i) => i % 9 === 0),
  ]),
];

describe.each(availableBackends())('counts timeline (%s)', (kind) => {
  let database: TestDatabase;
  let db: Db;
  let ids: number[];
  beforeAll(async () => {
    database = await openFixtureDatabase(kind);
    db = database.db;
    const rows = await db.select({ id: s.compounds.id }).from(s.compounds).orderBy(s.compounds.id).limit(6);
    ids = rows.map((r) => r.id);
  });
  afterAll(() => database?.dispose());

  it('equals the direct computation on every sampled day, before, during and after the history', async () => {
    await expectEqualsDirect(db, SPREAD, 'fixture');
  });

  it('follows changes to compounds: listing day, township, households, model home, insert and delete', async () => {
    const [a, b, c] = ids as [number, number, number];
    await db.update(s.compounds).set({ listedOn: '2025-06-15' }).where(eq(s.compounds.id, a));
    await expectEqualsDirect(db, around('2025-06-15'), 'listed later');
    const [other] = await db
      .select({ code: s.townships.code })
      .from(s.townships)
      .where(sql`${s.townships.code} <> (select township_code from compounds where id = ${b})`)
      .limit(1);
    await db
      .update(s.compounds)
      .set({ townshipCode: other!.code, households: 4321, modelHomeSince: '2024-03-03' })
      .where(eq(s.compounds.id, b));
    await expectEqualsDirect(db, around('2024-03-03'), 'moved township');
    await db.insert(s.compounds).values({
      code: 'NEW-1',
      name: '新小区',
      townshipCode: other!.code,
      lon: 118.55,
      lat: 24.8,
      households: 200,
      kind: 'commercial',
      listedOn: '2024-07-07',
    });
    await expectEqualsDirect(db, around('2024-07-07'), 'new compound');
    await db.delete(s.compounds).where(eq(s.compounds.id, c));
    await expectEqualsDirect(db, SPREAD, 'deleted compound and its records');
  });

  it('follows party organisations, including overlapping ones', async () => {
    const id = ids[3]!;
    await db.insert(s.partyOrganisations).values([
      { compoundId: id, type: 'joint', name: '联建一', establishedOn: '2024-02-10', dissolvedOn: '2024-09-01' },
      { compoundId: id, type: 'combined', name: '兼合二', establishedOn: '2024-05-05', dissolvedOn: '2025-01-20' },
    ]);
    await expectEqualsDirect(db, around('2024-02-10', '2024-09-01', '2025-01-20'), 'orgs inserted');
    await db
      .update(s.partyOrganisations)
      .set({ dissolvedOn: null })
      .where(and(eq(s.partyOrganisations.compoundId, id), eq(s.partyOrganisations.name, '联建一')));
    await expectEqualsDirect(db, around('2024-09-01'), 'org no longer dissolved');
    await db.delete(s.partyOrganisations).where(eq(s.partyOrganisations.compoundId, id));
    await expectEqualsDirect(db, around('2024-02-10'), 'orgs deleted');
  });

  it('follows committee terms: overlapping terms show the latest formed, early ends, deletes', async () => {
    const id = ids[4]!;
    await db.insert(s.committeeTerms).values([
      {
        compoundId: id,
        formedOn: '2024-01-10',
        termEnd: '2029-01-10',
        members: 5,
        partyMembers: 1,
        chairIsPartySecretary: false,
      },
      {
        compoundId: id,
        formedOn: '2024-06-01',
        termEnd: '2029-06-01',
        endedOn: '2024-11-11',
        members: 7,
        partyMembers: 5,
        chairIsPartySecretary: true,
      },
      {
        compoundId: id,
        formedOn: '2024-06-01',
        termEnd: '2024-08-01',
        members: 5,
        partyMembers: 0,
        chairIsPartySecretary: false,
      },
    ]);
    await expectEqualsDirect(db, around('2024-01-10', '2024-06-01', '2024-08-01', '2024-11-11'), 'terms inserted');
    await db
      .update(s.committeeTerms)
      .set({ endedOn: '2024-03-03' })
      .where(and(eq(s.committeeTerms.compoundId, id), eq(s.committeeTerms.formedOn, '2024-01-10')));
    await expectEqualsDirect(db, around('2024-03-03', '2024-06-01'), 'term ended early');
    await db.delete(s.committeeTerms).where(eq(s.committeeTerms.compoundId, id));
    await expectEqualsDirect(db, around('2024-06-01'), 'terms deleted');
  });

  it('follows meetings, property contracts and evaluations (same-day evaluations: the later entry wins)', async () => {
    const id = ids[5]!;
    await db.insert(s.meetings).values([
      { compoundId: id, heldOn: '2024-04-01', attendees: 6 },
      { compoundId: id, heldOn: '2024-04-20', attendees: 6 },
      { compoundId: id, heldOn: '2024-06-30', attendees: 6 },
    ]);
    await expectEqualsDirect(db, around('2024-04-01', '2024-04-20', '2024-06-30'), 'meetings inserted');
    await db
      .update(s.meetings)
      .set({ heldOn: '2024-05-02' })
      .where(and(eq(s.meetings.compoundId, id), eq(s.meetings.heldOn, '2024-06-30')));
    await db.delete(s.meetings).where(and(eq(s.meetings.compoundId, id), eq(s.meetings.heldOn, '2024-04-01')));
    await expectEqualsDirect(db, around('2024-04-20', '2024-05-02'), 'meetings moved and deleted');

    const [company] = await db.select({ id: s.propertyCompanies.id }).from(s.propertyCompanies).limit(1);
    await db.insert(s.propertyContracts).values([
      { compoundId: id, companyId: company!.id, startOn: '2024-02-01', endOn: '2024-10-01' },
      { compoundId: id, companyId: company!.id, startOn: '2024-09-01' },
    ]);
    await db.insert(s.evaluations).values([
      { compoundId: id, companyId: company!.id, evaluatedOn: '2024-03-15', score: 91, safetyScore: 90, rating: '5' },
      { compoundId: id, companyId: company!.id, evaluatedOn: '2024-03-15', score: 60, safetyScore: 60, rating: 'fail' },
      { compoundId: id, companyId: company!.id, evaluatedOn: '2023-11-01', score: 75, safetyScore: 75, rating: '3' },
    ]);
    await expectEqualsDirect(
      db,
      around('2024-02-01', '2024-03-15', '2024-09-01', '2024-10-01'),
      'contracts and evaluations inserted',
    );
    await db
      .update(s.propertyContracts)
      .set({ endOn: '2025-02-02' })
      .where(and(eq(s.propertyContracts.compoundId, id), eq(s.propertyContracts.startOn, '2024-09-01')));
    await db
      .update(s.evaluations)
      .set({ rating: '4' })
      .where(and(eq(s.evaluations.compoundId, id), eq(s.evaluations.rating, 'fail')));
    await expectEqualsDirect(db, around('2024-03-15', '2025-02-02'), 'contract ended, rating changed');
    await db.delete(s.evaluations).where(eq(s.evaluations.compoundId, id));
    await db.delete(s.propertyContracts).where(eq(s.propertyContracts.compoundId, id));
    await expectEqualsDirect(db, around('2024-03-15'), 'contracts and evaluations deleted');
  });

  it('follows resident issues and petitions, and a truncated table', async () => {
    const id = ids[1]!;
    await db.insert(s.residentIssues).values([
      {
        compoundId: id,
        channel: 'grid',
        category: 'parking',
        summary: 'TL-1',
        openedOn: '2024-05-01',
        dueOn: '2024-05-10',
      },
      {
        compoundId: id,
        channel: 'hotline',
        category: 'noise',
        openedOn: '2024-05-01',
        dueOn: '2024-05-01',
        dispatchedOn: '2024-05-01',
        closedOn: '2024-05-02',
      },
      {
        compoundId: id,
        channel: 'grid',
        category: 'lift',
        openedOn: '2024-06-01',
        dueOn: '2024-06-05',
        dispatchedOn: '2024-06-01',
        closedOn: '2024-06-05',
      },
    ]);
    await db.insert(s.petitions).values([
      { compoundId: id, kind: 'petition', category: 'parking', receivedOn: '2024-05-03' },
      { compoundId: id, kind: 'dispute', category: 'illegal_structure', receivedOn: '2024-05-03' },
    ]);
    await expectEqualsDirect(
      db,
      around('2024-05-01', '2024-05-03', '2024-05-10', '2024-06-05'),
      'issues and petitions inserted',
    );
    await db
      .update(s.residentIssues)
      .set({ dispatchedOn: '2024-05-01', closedOn: '2024-07-07' })
      .where(eq(s.residentIssues.summary, 'TL-1'));
    await db
      .update(s.petitions)
      .set({ receivedOn: '2024-05-20' })
      .where(
        and(
          eq(s.petitions.compoundId, id),
          eq(s.petitions.category, 'illegal_structure'),
          eq(s.petitions.receivedOn, '2024-05-03'),
        ),
      );
    await expectEqualsDirect(db, around('2024-05-20', '2024-07-07'), 'issue closed, petition moved');
    await db.delete(s.residentIssues).where(eq(s.residentIssues.compoundId, id));
    await db.delete(s.petitions).where(eq(s.petitions.compoundId, id));
    await expectEqualsDirect(db, around('2024-05-01'), 'issues and petitions deleted');
    await db.execute(sql`truncate petitions`);
    await expectEqualsDirect(db, SPREAD, 'petitions truncated');
  });

  it("keeps the timeline current in the writer's transaction: an edit rewrites only its township's rows", async () => {
    // xmin: the transaction that wrote a row; rows not touched keep theirs.
    const writers = async () =>
      new Map(
        (
          await queryRows<{ township_code: string; xmin: string }>(
            db,
            sql`select township_code, string_agg(xmin::text, ',' order by from_day) as xmin from township_counts_timeline group by 1`,
          )
        ).map((r) => [r.township_code, r.xmin]),
      );
    const before = await writers();
    const [compound] = await db
      .select({ id: s.compounds.id, township: s.compounds.townshipCode })
      .from(s.compounds)
      .where(eq(s.compounds.id, ids[0]!));
    await db.transaction(async (tx) => {
      // After the fixture's history: no meeting of the compound covers that month already.
      await tx.insert(s.meetings).values({ compoundId: compound!.id, heldOn: '2027-05-01', attendees: 5 });
      // Inside the writing transaction, before it commits, the timeline already has it.
      const inside = await timelineCountsAsOf(tx as unknown as Db, '2027-05-10');
      expect(inside).toEqual(await directIndicatorCountsAsOf(tx as unknown as Db, '2027-05-10'));
      await expectStatesEqualDirect(tx as unknown as Db, '2027-05-10', 'inside the writing transaction');
    });
    await expectEqualsDirect(db, around('2027-05-01'), 'after a new meeting');
    const after = await writers();
    for (const [code, xmin] of after) {
      if (code === compound!.township) expect(xmin, code).not.toBe(before.get(code));
      else expect(xmin, code).toBe(before.get(code));
    }
  });

  it('follows a bulk statement over many compounds and townships, and a township emptied of compounds', async () => {
    await db.execute(
      sql`insert into petitions (compound_id, kind, category, received_on)
        select id, 'petition', 'other', date '2024-08-01' + (id % 40) from compounds where id % 3 = 0`,
    );
    await db.execute(sql`update meetings set held_on = held_on + 3 where id % 4 = 0`);
    await expectEqualsDirect(db, around('2024-08-01', '2024-08-20'), 'bulk insert and update');
    const [township] = await queryRows<{ code: string }>(
      db,
      sql`select township_code as code from compounds group by 1 order by count(*) limit 1`,
    );
    await db.execute(sql`delete from compounds where township_code = ${township!.code}`);
    await expectEqualsDirect(db, SPREAD, 'a township emptied');
  });

  it('follows the demonstration replaced by a ledger: everything truncated, then loaded (deferred to one count, or not)', async () => {
    const [township] = await db.select({ code: s.townships.code }).from(s.townships).limit(1);
    const load = async (tx: Db, code: string) => {
      const [c] = await tx
        .insert(s.compounds)
        .values({
          code,
          name: '台账小区',
          townshipCode: township!.code,
          lon: 118.55,
          lat: 24.8,
          households: 120,
          kind: 'commercial',
          listedOn: '2024-03-01',
        })
        .returning({ id: s.compounds.id });
      await tx.insert(s.meetings).values({ compoundId: c!.id, heldOn: '2024-04-01', attendees: 5 });
      await tx
        .insert(s.petitions)
        .values({ compoundId: c!.id, kind: 'petition', category: 'other', receivedOn: '2024-04-02' });
    };
    await db.transaction(async (tx) => {
      await deferCountsTimeline(tx);
      await clearDemoRecords(tx);
      await load(tx, 'LEDGER-1');
      // Deferred: not built inside the load, so its own reads are direct and still right.
      expect(await indicatorCountsAsOf(tx, '2024-04-10')).toEqual(await directIndicatorCountsAsOf(tx, '2024-04-10'));
      expect(await timelineCountsOnDays(tx, ['2024-04-10', '2024-04-17']), 'many days: not built').toBeNull();
      await rebuildCountsTimeline(tx);
    });
    await expectEqualsDirect(db, around('2024-03-01', '2024-04-01'), 'ledger loaded after one count');
    await db.transaction(async (tx) => {
      await clearDemoRecords(tx);
      await load(tx, 'LEDGER-2');
    });
    await expectEqualsDirect(db, around('2024-03-01', '2024-04-01'), 'ledger loaded statement by statement');
  });

  it('answers every dated count inside a read-only transaction (reads never write)', async () => {
    await db.transaction(async (tx) => {
      await tx.execute(sql`set transaction read only`);
      const reader = tx as unknown as Db;
      const counts = await indicatorCountsAsOf(reader, FIXTURE_AS_OF);
      expect(counts).toEqual(await directIndicatorCountsAsOf(reader, FIXTURE_AS_OF));
      expect(await timelineCountsAsOf(reader, '2024-06-01')).not.toBeNull();
      await expectStatesEqualDirect(reader, '2024-06-01', 'read-only transaction');
    });
  });
});

describe.runIf(availableBackends().includes('postgres'))('counts timeline with other connections (postgres)', () => {
  it("sees another connection's writes at once, and stays exact when writers of one township run at the same time", async () => {
    const database = await openFixtureDatabase('postgres');
    const others = await Promise.all([1, 2, 3].map(() => openDatabase({ databaseUrl: database.url! })));
    try {
      const date = '2025-03-09';
      const before = await indicatorCountsAsOf(database.db, date);
      const [compound] = await database.db
        .select({ id: s.compounds.id, township: s.compounds.townshipCode })
        .from(s.compounds)
        .limit(1);
      const township = compound!.township;
      await others[0]!.db
        .insert(s.petitions)
        .values({ compoundId: compound!.id, kind: 'petition', category: 'other', receivedOn: date });
      const after = await indicatorCountsAsOf(database.db, date);
      expect(after.get(township)!.petitions).toBe(before.get(township)!.petitions + 1);
      expect(after).toEqual(await directIndicatorCountsAsOf(database.db, date));

      // Three connections, each a transaction of several statements on compounds of the same
      // township (one of them moves a compound to another township), all at once.
      const sameTownship = await database.db
        .select({ id: s.compounds.id })
        .from(s.compounds)
        .where(eq(s.compounds.townshipCode, township))
        .orderBy(s.compounds.id)
        .limit(4);
      const [c1, c2, c3, c4] = sameTownship.map((r) => r.id) as [number, number, number, number];
      const [elsewhere] = await database.db
        .select({ code: s.townships.code })
        .from(s.townships)
        .where(sql`${s.townships.code} <> ${township}`)
        .limit(1);
      await Promise.all([
        others[0]!.db.transaction(async (tx) => {
          await tx.insert(s.meetings).values({ compoundId: c1, heldOn: '2025-03-01', attendees: 5 });
          await tx.insert(s.petitions).values({ compoundId: c2, kind: 'dispute', category: 'other', receivedOn: date });
        }),
        others[1]!.db.transaction(async (tx) => {
          await tx
            .insert(s.petitions)
            .values({ compoundId: c1, kind: 'petition', category: 'other', receivedOn: '2025-03-05' });
          await tx.update(s.compounds).set({ townshipCode: elsewhere!.code }).where(eq(s.compounds.id, c3));
        }),
        others[2]!.db.transaction(async (tx) => {
          await tx.insert(s.meetings).values({ compoundId: c3, heldOn: '2025-02-20', attendees: 5 });
          await tx.delete(s.meetings).where(eq(s.meetings.compoundId, c4));
        }),
      ]);
      await expectEqualsDirect(
        database.db,
        around('2025-02-20', '2025-03-01', '2025-03-05', date),
        'concurrent writers',
      );
    } finally {
      await Promise.all(others.map((o) => o.close()));
      await database.dispose();
    }
  });

  it('answers dated counts on a connection whose transactions are all read-only', async () => {
    const database = await openFixtureDatabase('postgres');
    const url = new URL(database.url!);
    url.searchParams.set('default_transaction_read_only', 'on');
    const reader = await openDatabase({ databaseUrl: url.toString(), migrate: false });
    try {
      await expect(reader.db.execute(sql`insert into counts_timeline_state (id) values (1)`)).rejects.toThrow();
      await expectEqualsDirect(reader.db, SPREAD.slice(0, 20), 'read-only connection');
      expect(await indicatorCountsAsOf(reader.db, FIXTURE_AS_OF)).toEqual(
        await directIndicatorCountsAsOf(database.db, FIXTURE_AS_OF),
      );
    } finally {
      await reader.close();
      await database.dispose();
    }
  });
});
