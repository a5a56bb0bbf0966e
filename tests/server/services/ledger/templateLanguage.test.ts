/**
 * The ledger through tRPC for a reader in English (issue 21): the report of an upload and the
 * refusal to mix a ledger with the demonstration in English; the template's instructions in
 * English while its ledger sheet stays the file format the import reads.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TOWNSHIPS } from '../../../../data/geography/jinjiang.ts';
import { KIND_LABELS } from '../../../../server/services/ledger/columns.ts';
import { saidOf } from '../../../../shared/language/said.ts';
import { callerAs } from '../../../support/callers.ts';
import { openFixtureDatabase, type TestDatabase } from '../../../support/databases.ts';
import { chineseOutside, loadWorkbook, workbookTexts } from '../../../support/fileLanguage.ts';
import { goodRows, HEADERS, ledgerCsv, uploadForm } from '../../../support/ledgers.ts';

describe('the ledger for a reader in English, through tRPC', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openFixtureDatabase('pglite');
  });
  afterAll(() => database?.dispose());

  it('reports an upload in English, and refuses to mix it with the demonstration in English', async () => {
    const caller = await callerAs(database, 'admin', { locale: 'en' });
    const rows = goodRows(3).map((r, i) => (i === 1 ? { ...r, 户数: '一百' } : r));
    const form = (fields: Record<string, string>) => uploadForm('ledger.csv', ledgerCsv(rows), fields);
    const refusal = await caller.ledger.import(form({ dryRun: 'true' })).catch((e: unknown) => e);
    expect(saidOf(refusal)?.en).toMatch(
      /^The database holds the demonstration: .*Tick "Remove the demonstration data first"/,
    );
    const report = await caller.ledger.import(form({ dryRun: 'true', replaceDemo: 'true' }));
    expect(report.status).toBe('invalid');
    expect(report.problems).toEqual([
      { row: 3, column: '"户数" (households)', message: 'should be a whole number, not "一百"' },
    ]);
    // Without a language, the same Chinese as ever.
    const zh = await (await callerAs(database, 'admin')).ledger.import(form({ dryRun: 'true', replaceDemo: 'true' }));
    expect(zh.problems).toEqual([{ row: 3, column: '户数', message: '应为整数，实为“一百”' }]);
  });

  it('gives the template with its instructions in English and its ledger sheet as the import reads it', async () => {
    const template = await (await callerAs(database, 'admin', { locale: 'en' })).ledger.template();
    const workbook = await loadWorkbook(template.base64);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['小区台账', 'Instructions', '镇街代码']);
    const ledger = workbook.getWorksheet('小区台账')!;
    expect((ledger.getRow(1).values as unknown[]).slice(1)).toEqual(HEADERS);
    const guide = workbook.getWorksheet('Instructions')!;
    // The examples are values to write in the file (a township's name, 商品房): data, as the headers are.
    const examples = guide.getColumn(4).values.filter((v): v is string => typeof v === 'string');
    const data = [...HEADERS, ...examples, ...Object.values(KIND_LABELS), ...TOWNSHIPS.map((t) => t.name)];
    const read = workbookTexts(workbook)
      .filter((t) => !t.where.startsWith('小区台账!') || t.where.endsWith('note'))
      .filter((t) => !t.where.startsWith('镇街代码!') || t.where.endsWith('1'))
      .filter((t) => !['sheet 小区台账', 'sheet 镇街代码'].includes(t.where))
      .map((t) => ({ ...t, text: t.text.replace(/"[^"]*"/g, '""') }));
    expect(read.length).toBeGreaterThan(50);
    expect(chineseOutside(read, data)).toEqual([]);
    expect(guide.getCell('A9').text).toBe('"户数" (households)');
    expect(ledger.getCell('H1').note).toBe('[required] A whole number, 0 or more\nExample: 860');
  });
});
