/**
 * The safety catch of a ledger import that replaces the demonstration, as the browser asks for it:
 * the dry run counts what would be deleted; the real import is refused without the city's name
 * typed (nothing changes) and done with it. The command line keeps its own wording (--replace-demo).
 */
import { count } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as schema from '../../../../data/schema/index.ts';
import { readDatasetInfo } from '../../../../server/services/dataset/datasetInfo.ts';
import { DEMO_REFUSAL, importLedger } from '../../../../server/services/ledger/importLedger.ts';
import { WEB_DEMO_REFUSAL } from '../../../../server/services/ledger/demoReplacement.ts';
import { LEDGER_WORDS } from '../../../../server/services/ledger/ledgerWords.ts';
import { FIXTURE_AS_OF } from '../../../support/constants.ts';
import { availableBackends, openFixtureDatabase, type TestDatabase } from '../../../support/databases.ts';
import { csvFile, goodRows } from '../../../support/ledgers.ts';

const web = (extra: Partial<Parameters<typeof importLedger>[2]> = {}) => ({
  crs: 'wgs84' as const,
  dryRun: false,
  today: FIXTURE_AS_OF,
  via: 'web' as const,
  replaceDemo: true,
  ...extra,
});

describe.each(availableBackends())('destructive ledger import from the browser (%s)', (kind) => {
  let fixture: TestDatabase;
  beforeAll(async () => {
    fixture = await openFixtureDatabase(kind);
  });
  afterAll(() => fixture?.dispose());
  const rows = async (table: typeof schema.compounds | typeof schema.residentIssues | typeof schema.meetings) =>
    Number((await fixture.db.select({ n: count() }).from(table))[0]!.n);

  it('says in the dry run how many compounds and history records go, with the real counts', async () => {
    const compounds = await rows(schema.compounds);
    expect(compounds).toBeGreaterThan(100);
    const report = await importLedger(fixture.db, csvFile(goodRows(5)), web({ dryRun: true }));
    expect(report.status).toBe('dry-run');
    expect(report.deletes).toMatchObject({
      compounds,
      residentIssues: await rows(schema.residentIssues),
      meetings: await rows(schema.meetings),
      cityName: '晋江市',
    });
    expect(report.deletes!.demoAccounts).toBeGreaterThan(0);
  });

  it('refuses without the tick in words for the page, and the command line keeps --replace-demo', async () => {
    const file = csvFile(goodRows(3));
    await expect(importLedger(fixture.db, file, web({ replaceDemo: false }))).rejects.toThrow(WEB_DEMO_REFUSAL);
    expect(WEB_DEMO_REFUSAL).not.toContain('--');
    expect(LEDGER_WORDS.webDemoRefusal.en).not.toContain('--');
    await expect(importLedger(fixture.db, file, web({ replaceDemo: false, via: 'cli' }))).rejects.toThrow(DEMO_REFUSAL);
    expect(DEMO_REFUSAL).toContain('--replace-demo');
  });

  it('refuses the real import without the city name typed, or with another, and changes nothing', async () => {
    const before = await rows(schema.compounds);
    for (const confirmCity of [undefined, '', '泉州市', '晋江']) {
      await expect(
        importLedger(fixture.db, csvFile(goodRows(3)), web(confirmCity === undefined ? {} : { confirmCity })),
      ).rejects.toThrow('请输入城市名称“晋江市”确认后再导入');
    }
    expect(await rows(schema.compounds)).toBe(before);
    expect((await readDatasetInfo(fixture.db)).source).toBe('demo');
  });

  it('imports with the city name typed: the demonstration goes, the ledger is in', async () => {
    const report = await importLedger(fixture.db, csvFile(goodRows(3)), web({ confirmCity: ' 晋江市 ' }));
    expect(report.status).toBe('imported');
    expect(report.replacedDemo).toBe(true);
    expect(await rows(schema.compounds)).toBe(3);
    expect(await rows(schema.residentIssues)).toBe(0);
    expect((await readDatasetInfo(fixture.db)).source).toBe('ledger');
    // Nothing left to delete: the next dry run says so.
    const next = await importLedger(fixture.db, csvFile(goodRows(3)), web({ dryRun: true }));
    expect(next.deletes).toBeNull();
  });
});
