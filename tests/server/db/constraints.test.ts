/** The schema keeps bad rows out, on both databases. */
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as s from '../../../data/schema/index.ts';
import { availableBackends, openFixtureDatabase, type TestDatabase } from '../../support/databases.ts';

async function rejects(what: string, write: () => Promise<unknown>): Promise<void> {
  await expect(write(), what).rejects.toThrow();
}

describe.each(availableBackends())('constraints (%s)', (kind) => {
  let database: TestDatabase;
  let compound: typeof s.compounds.$inferSelect;
  beforeAll(async () => {
    database = await openFixtureDatabase(kind);
    [compound] = (await database.db.select().from(s.compounds).limit(1)) as [typeof s.compounds.$inferSelect];
  });
  afterAll(() => database?.dispose());

  // Whether a point lies in the city is the services' check (the city is configuration, not
  // schema): tests/server/services/seed/seedDataset.test.ts and ledger/importLedger.test.ts.
  it('rejects negative households and coordinates that are not longitude/latitude', async () => {
    await rejects('households < 0', () =>
      database.db.update(s.compounds).set({ households: -1 }).where(eq(s.compounds.id, compound.id)),
    );
    await rejects('projected metres instead of degrees', () =>
      database.db.update(s.compounds).set({ lon: 512_345, lat: 2_741_000 }).where(eq(s.compounds.id, compound.id)),
    );
    const [after] = await database.db.select().from(s.compounds).where(eq(s.compounds.id, compound.id));
    expect(after, 'the compound is unchanged').toEqual(compound);
  });

  it('rejects a rating other than 1–5 stars or fail', async () => {
    const base = { compoundId: compound.id, evaluatedOn: '2025-01-10', score: 80, safetyScore: 80 };
    await rejects('rating 6', () => database.db.insert(s.evaluations).values({ ...base, rating: '6' as never }));
    await rejects('score 120', () => database.db.insert(s.evaluations).values({ ...base, score: 120, rating: '4' }));
  });

  it('rejects an issue closed before it was opened, and a committee term that ends before it begins', async () => {
    await rejects('closed < opened', () =>
      database.db.insert(s.residentIssues).values({
        compoundId: compound.id,
        channel: 'grid',
        category: 'parking',
        openedOn: '2025-03-10',
        dueOn: '2025-03-25',
        closedOn: '2025-03-01',
      }),
    );
    await rejects('term end <= formed', () =>
      database.db.insert(s.committeeTerms).values({
        compoundId: compound.id,
        formedOn: '2025-03-10',
        termEnd: '2025-03-10',
        members: 5,
        partyMembers: 3,
      }),
    );
    await rejects('more party members than members', () =>
      database.db.insert(s.committeeTerms).values({
        compoundId: compound.id,
        formedOn: '2025-03-10',
        termEnd: '2030-03-10',
        members: 5,
        partyMembers: 6,
      }),
    );
  });

  it('rejects records of a compound that does not exist', async () => {
    await rejects('unknown compound', () =>
      database.db.insert(s.meetings).values({ compoundId: 999_999, heldOn: '2025-01-01', attendees: 8 }),
    );
  });

  it('derives an issue status from its stage dates', async () => {
    const [issue] = await database.db
      .insert(s.residentIssues)
      .values({
        compoundId: compound.id,
        channel: 'hotline',
        category: 'lift',
        openedOn: '2025-03-01',
        dispatchedOn: '2025-03-02',
        dueOn: '2025-03-16',
      })
      .returning();
    expect(issue!.status).toBe('dispatched');
    const [closed] = await database.db
      .update(s.residentIssues)
      .set({ inProgressOn: '2025-03-03', closedOn: '2025-03-09' })
      .where(eq(s.residentIssues.id, issue!.id))
      .returning();
    expect(closed!.status).toBe('closed');
    await database.db.execute(sql`delete from resident_issues where id = ${issue!.id}`);
  });
});
