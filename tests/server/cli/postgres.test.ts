/** The CLI against a real PostgreSQL server gives exactly what the embedded database gives. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../../data/schema/index.ts';
import { verifyAuditChain } from '../../../server/services/audit/auditChain.ts';
import { compoundStatusAsOf } from '../../../server/services/compounds/compoundStatus.ts';
import { compoundsToCsv } from '../../../server/services/compounds/exportCompounds.ts';
import { runCli } from '../../support/cli.ts';
import { FIXTURE_AS_OF } from '../../support/constants.ts';
import { availableBackends, openFixtureDatabase, type TestDatabase } from '../../support/databases.ts';

describe.runIf(availableBackends().includes('postgres'))('onemap with DATABASE_URL', () => {
  let postgresCopy: TestDatabase;
  let pglite: TestDatabase;
  beforeAll(async () => {
    [postgresCopy, pglite] = await Promise.all([openFixtureDatabase('postgres'), openFixtureDatabase('pglite')]);
    // The CLI opens its own connection; close ours so the copy can be dropped cleanly later.
  });
  afterAll(async () => {
    await postgresCopy?.dispose();
    await pglite?.dispose();
  });

  it('exports the same CSV from PostgreSQL as from PGlite for the same seed', async () => {
    const run = await runCli(['export', 'compounds', '--as-of', FIXTURE_AS_OF, '--format', 'csv', '--for-programs'], {
      DATABASE_URL: postgresCopy.url,
    });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toBe(compoundsToCsv(await compoundStatusAsOf(pglite.db, FIXTURE_AS_OF)));
  });

  it('refuses to seed over existing data without --reset, and reseeds with it', async () => {
    const auditBefore = await postgresCopy.db.select().from(auditLog).orderBy(auditLog.seq);
    const refused = await runCli(['seed', '--as-of', '2025-01-31'], { DATABASE_URL: postgresCopy.url });
    expect(refused.code).not.toBe(0);
    const reseeded = await runCli(['seed', '--reset', '--seed', '7', '--as-of', '2025-01-31'], {
      DATABASE_URL: postgresCopy.url,
    });
    expect(reseeded.code, reseeded.stderr).toBe(0);
    const rows = await compoundStatusAsOf(postgresCopy.db, '2025-01-31');
    expect(rows.length).toBeGreaterThan(340);
    // The audit log is append-only: the reset keeps it and is recorded in it.
    const auditAfter = await postgresCopy.db.select().from(auditLog).orderBy(auditLog.seq);
    expect(auditAfter.slice(0, auditBefore.length)).toEqual(auditBefore);
    expect(auditAfter.slice(auditBefore.length).map((r) => [r.action, r.tableName])).toContainEqual([
      'reset',
      'dataset',
    ]);
    expect(await verifyAuditChain(postgresCopy.db)).toMatchObject({ intact: true });
    const health = await runCli(['export', 'compounds', '--as-of', '2025-01-31', '--format', 'csv', '--for-programs'], {
      DATABASE_URL: postgresCopy.url,
    });
    expect(health.stdout).toBe(compoundsToCsv(rows));
  });
});
