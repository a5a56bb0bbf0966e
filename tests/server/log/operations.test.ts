/**
 * What an operator finds in the log after the operations that change a whole database, on both
 * databases: migrations applied, the demo city seeded, backups restored (or refused), boundary
 * imports, and ledger imports from /admin naming the administrator and the request.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MIGRATIONS_FOLDER } from '../../../server/db/migrate.ts';
import { startServer, type RunningServer } from '../../../server/http/server.ts';
import { addUser } from '../../../server/services/auth/users.ts';
import { restoreBackup } from '../../../server/services/backup/restoreBackup.ts';
import { writeBackup } from '../../../server/services/backup/writeBackup.ts';
import { importBoundaries } from '../../../server/services/geo/importBoundaries.ts';
import { approximateTownshipBoundaries } from '../../../server/services/geo/townshipBoundaries.ts';
import { seedDemoCity } from '../../../server/services/seed/seedDemoCity.ts';
import { FIXTURE_AS_OF } from '../../support/constants.ts';
import {
  availableBackends,
  openEmptyDatabase,
  openFixtureDatabase,
  openNewDatabase,
  type TestDatabase,
} from '../../support/databases.ts';
import { ledgerCsv, goodRows } from '../../support/ledgers.ts';
import { captureLog, type CapturedLog } from '../../support/logs.ts';

const dir = mkdtempSync(join(tmpdir(), 'onemap-log-'));
const MIGRATION_TAGS = (
  JSON.parse(readFileSync(join(MIGRATIONS_FOLDER, 'meta', '_journal.json'), 'utf8')) as { entries: { tag: string }[] }
).entries.map((e) => e.tag);
const ADMIN_PASSWORD = 'Harbour-Ledger-5521';

describe.each(availableBackends())('operations in the log (%s)', (kind) => {
  let captured: CapturedLog;
  let fixture: TestDatabase;
  beforeAll(async () => {
    captured = captureLog('debug');
    fixture = await openFixtureDatabase(kind);
  });
  afterAll(async () => {
    captured?.stop();
    await fixture?.dispose();
  });
  const linesOf = (event: string) => captured.lines().filter((l) => l.event === event);

  it('logs the migrations a new database gets, not the ones an existing one already had, and the demo city seeded', async () => {
    const migratedBefore = linesOf('db.migrate');
    expect(
      migratedBefore.map((l) => [l.level, l.applied]),
      'the fixture was migrated already',
    ).toEqual([['debug', []]]);
    const database = await openNewDatabase(kind);
    try {
      const migrated = linesOf('db.migrate').at(-1)!;
      expect(migrated).toMatchObject({
        level: 'info',
        database: kind,
        applied: MIGRATION_TAGS,
        total: MIGRATION_TAGS.length,
      });
      await seedDemoCity(database.db, { seed: 3, asOf: FIXTURE_AS_OF });
      expect(linesOf('seed.demo')).toEqual([
        expect.objectContaining({
          level: 'info',
          seed: 3,
          asOf: FIXTURE_AS_OF,
          compounds: 347,
          townships: 19,
          reset: false,
        }),
      ]);
    } finally {
      await database.dispose();
    }
  });

  it('logs a restore with its file and rows, and a refused one with the reason', async () => {
    const path = join(dir, `fixture-${kind}.onemap-backup.gz`);
    await writeBackup(fixture.db, kind, path);
    const target = await openEmptyDatabase(kind);
    try {
      const summary = await restoreBackup(target.db, path, { force: false });
      await expect(restoreBackup(target.db, path, { force: false })).rejects.toThrow(/--force/);
      expect(linesOf('backup.restore').map((l) => [l.level, l.status, l.file, l.rows, l.force])).toEqual([
        ['info', 'restored', `fixture-${kind}.onemap-backup.gz`, summary.rows, false],
        ['warn', 'refused', `fixture-${kind}.onemap-backup.gz`, undefined, false],
      ]);
      expect(linesOf('backup.restore')[1]!.reason).toMatch(/数据库中已有数据/);
    } finally {
      await target.dispose();
    }
  });

  it('logs boundary imports: dry run or not, the file and the townships matched', async () => {
    const collection = {
      type: 'FeatureCollection',
      features: approximateTownshipBoundaries().features.map((f) => ({
        ...f,
        properties: { XZQDM: f.properties.code },
      })),
    };
    const file = { name: '镇街边界.geojson', data: new TextEncoder().encode(JSON.stringify(collection)) };
    await importBoundaries(fixture.db, file, { crs: 'wgs84', dryRun: true });
    await importBoundaries(fixture.db, file, { crs: 'wgs84', dryRun: false, userId: null });
    expect(
      linesOf('boundaries.import').map((l) => [
        l.level,
        l.status,
        l.dryRun,
        l.file,
        (l.counts as { matched: number }).matched,
      ]),
    ).toEqual([
      ['info', 'dry-run', true, '镇街边界.geojson', 19],
      ['info', 'imported', false, '镇街边界.geojson', 19],
    ]);
  });

  describe('ledger imports from /admin', () => {
    let server: RunningServer;
    let cookie: string;
    beforeAll(async () => {
      await addUser(
        fixture.db,
        null,
        { username: 'zhou', displayName: '周管理', role: 'admin', password: ADMIN_PASSWORD },
        { mustChangePassword: false },
      );
      server = await startServer({ database: fixture, port: 0 });
      const res = await post('auth.login', { username: 'zhou', password: ADMIN_PASSWORD });
      cookie = /onemap_session=[^;]+/.exec(res.headers.get('set-cookie') ?? '')![0];
    });
    afterAll(() => server?.close());

    async function post(procedure: string, input: unknown): Promise<Response> {
      const res = await fetch(`${server.url}/api/trpc/${procedure}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
        body: JSON.stringify(input),
      });
      await res.arrayBuffer();
      return res;
    }

    /** The ledger as the /admin page sends it: a file upload (multipart/form-data). */
    async function upload(fields: Record<string, string>): Promise<Response> {
      const form = new FormData();
      form.set('file', new File([ledgerCsv(goodRows(4))], '台账.csv', { type: 'text/csv' }));
      for (const [name, value] of Object.entries(fields)) form.set(name, value);
      const res = await fetch(`${server.url}/api/trpc/ledger.import`, {
        method: 'POST',
        headers: { cookie },
        body: form,
      });
      await res.arrayBuffer();
      return res;
    }

    it('names the administrator, the request, the file and the counts — dry run, refused and imported', async () => {
      const dry = await upload({ dryRun: 'true', replaceDemo: 'true' });
      const refused = await upload({ dryRun: 'false' });
      const done = await upload({ dryRun: 'false', replaceDemo: 'true', confirmCity: '晋江市' });
      expect([dry.status, refused.status, done.status]).toEqual([200, 400, 200]);
      const lines = linesOf('ledger.import');
      expect(lines.map((l) => [l.level, l.status, l.dryRun, l.file, l.user, l.requestId])).toEqual([
        ['info', 'dry-run', true, '台账.csv', 'zhou', dry.headers.get('x-request-id')],
        ['warn', 'refused', false, '台账.csv', 'zhou', refused.headers.get('x-request-id')],
        ['info', 'imported', false, '台账.csv', 'zhou', done.headers.get('x-request-id')],
      ]);
      expect(lines[2]).toMatchObject({
        rows: 4,
        counts: { new: 4, updated: 0 },
        replacedDemo: true,
        userId: expect.any(Number),
      });
      // The browser's refusal says what to tick on the page, never a command-line flag.
      expect(lines[1]!.reason).toMatch(/请勾选“清除演示数据后导入”/);
      expect(lines[1]!.reason).not.toMatch(/--/);
      expect(captured.text()).not.toContain(ADMIN_PASSWORD);
    });
  });
});
