import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compoundStatusAsOf } from '../../../../server/services/compounds/compoundStatus.ts';
import { FIXTURE_AS_OF } from '../../../support/constants.ts';
import { availableBackends, openFixtureDatabase, type TestDatabase } from '../../../support/databases.ts';
import { loadRawCity, referenceCompoundStatus, type RawCity } from '../../../support/reference.ts';

describe.each(availableBackends())('compound status as of a date (%s)', (kind) => {
  let database: TestDatabase;
  let raw: RawCity;
  beforeAll(async () => {
    database = await openFixtureDatabase(kind);
    raw = await loadRawCity(database.db);
  });
  afterAll(() => database?.dispose());

  it.each([FIXTURE_AS_OF, '2024-01-01', '2024-01-15', '2024-07-01', '2025-05-31', '2025-12-31', '2026-06-30'])(
    'equals an independent recomputation from the raw records on %s',
    async (date) => {
      const rows = await compoundStatusAsOf(database.db, date);
      expect(rows).toEqual(referenceCompoundStatus(raw, date));
    },
  );

  it('limits the rows to one township when asked', async () => {
    const rows = await compoundStatusAsOf(database.db, FIXTURE_AS_OF, '350582103');
    expect(rows.length).toBeGreaterThan(0);
    expect(new Set(rows.map((r) => r.townshipName))).toEqual(new Set(['陈埭镇']));
  });
});
