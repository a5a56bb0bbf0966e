/** The ledger import on both databases: every problem reported, coordinates converted, updates by code, dry runs. */
import { distance } from '@turf/turf';
import { eq, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import gcoord from 'gcoord';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as schema from '../../../../data/schema/index.ts';
import { callerAs } from '../../../support/callers.ts';
import { readDatasetInfo } from '../../../../server/services/dataset/datasetInfo.ts';
import { importLedger, type LedgerImportReport } from '../../../../server/services/ledger/importLedger.ts';
import { ledgerTemplateXlsx } from '../../../../server/services/ledger/template.ts';
import { FIXTURE_AS_OF } from '../../../support/constants.ts';
import {
  availableBackends,
  openEmptyDatabase,
  openFixtureDatabase,
  type TestDatabase,
} from '../../../support/databases.ts';
import {
  csvFile,
  goodRows,
  HEADERS,
  snapshot,
  uploadForm,
  xlsxFile,
  type LedgerRow,
} from '../../../support/ledgers.ts';

const TODAY = FIXTURE_AS_OF;
const options = (extra: Partial<Parameters<typeof importLedger>[2]> = {}) => ({
  crs: 'wgs84' as const,
  dryRun: false,
  today: TODAY,
  ...extra,
});
const expectImported = (report: LedgerImportReport) => {
  expect(report.problems, JSON.stringify(report.problems)).toEqual([]);
  expect(report.status).toBe('imported');
};

/** A ledger with a good first row (full-width digits, stray spaces) and fifteen bad ones. */
function badLedger(): { rows: LedgerRow[]; expected: [number, string][] } {
  const base = goodRows(20, 'BAD');
  const row = (i: number, patch: LedgerRow): LedgerRow => ({ ...base[i]!, ...patch });
  const rows: LedgerRow[] = [
    row(0, { 户数: '１２０', 经度: ` ${base[0]!.经度} `, 小区名称: '  好 小区 ', 建成年份: '２００５年' }), // row 2: fine
    row(1, { 小区编码: '' }), // 3: required
    row(2, { 所属镇街: '火星镇' }), // 4: township
    row(3, { 户数: '一百' }), // 5: not a number
    row(4, { 经度: 118.644, 纬度: 24.735 }), // 6: Shishi's centre, outside Jinjiang
    row(5, { 小区编码: 'DUP-1' }), // 7
    row(6, { 小区编码: 'DUP-1' }), // 8: duplicate code
    row(7, { 纳入台账日期: '2024-02-30' }), // 9: no such date
    row(8, { 小区类型: '别墅' }), // 10: enum
    row(9, { 建成年份: 1800 }), // 11: implausible year
    row(10, { 物业企业: '某物业公司', 物业合同开始日期: null }), // 12: contract start missing
    row(11, { 物业企业: '某物业公司', 物业合同开始日期: '2024-05-01', 物业合同到期日: '2024-01-31' }), // 13: end before start
    row(12, { 户数: -5 }), // 14: negative
    row(13, { 物业企业: '某物业公司', 物业合同开始日期: '2024-05-01', 物业企业统一社会信用代码: '123' }), // 15: credit code
    row(14, { 经度: base[14]!.纬度 ?? null, 纬度: base[14]!.经度 ?? null }), // 16: swapped
    row(15, { 纳入台账日期: '2099-01-01' }), // 17: future
    row(16, { 小区名称: '   ' }), // 18: blank name
    row(17, { 楼栋数: '十二', 美好家园命名日期: '去年' }), // 19: two problems in one row
  ];
  const expected: [number, string][] = [
    [3, '小区编码'],
    [4, '所属镇街'],
    [5, '户数'],
    [6, '经度'],
    [8, '小区编码'],
    [9, '纳入台账日期'],
    [10, '小区类型'],
    [11, '建成年份'],
    [12, '物业合同开始日期'],
    [13, '物业合同到期日'],
    [14, '户数'],
    [15, '物业企业统一社会信用代码'],
    [16, '经度'],
    [17, '纳入台账日期'],
    [18, '小区名称'],
    [19, '楼栋数'],
    [19, '美好家园命名日期'],
  ];
  return { rows, expected };
}

async function compoundIds(db: TestDatabase['db']): Promise<Map<string, number>> {
  const rows = await db.select({ code: schema.compounds.code, id: schema.compounds.id }).from(schema.compounds);
  return new Map(rows.map((r) => [r.code, r.id]));
}

describe.each(availableBackends())('ledger import (%s)', (kind) => {
  let fixture: TestDatabase;
  beforeAll(async () => {
    fixture = await openFixtureDatabase(kind);
  });
  afterAll(() => fixture?.dispose());

  it('reports every problem with its row and column, and leaves the database as it was', async () => {
    const before = await snapshot(fixture.db, TODAY);
    const { rows, expected } = badLedger();
    for (const file of [csvFile(rows), await xlsxFile(rows)]) {
      const report = await importLedger(fixture.db, file, options({ replaceDemo: true }));
      expect(report.status).toBe('invalid');
      const found = report.problems.map((p) => [p.row, p.column] as [number, string]);
      for (const e of expected) expect(found, `${e[0]} ${e[1]}`).toContainEqual(e);
      expect(
        found.filter(([r]) => r === 2),
        'the row with full-width digits and spaces is fine',
      ).toEqual([]);
      for (const p of report.problems) expect(p.message).toMatch(/[\u4e00-\u9fff]/);
      expect(report.problems.find((p) => p.row === 8)!.message).toContain('第7行');
      expect(report.problems.find((p) => p.row === 6)!.message).toContain('不在晋江市范围内');
    }
    expect(await snapshot(fixture.db, TODAY)).toEqual(before);
    expect((await readDatasetInfo(fixture.db)).source).toBe('demo');
  });

  it('reports missing and repeated columns in the header', async () => {
    const headers = HEADERS.filter((h) => h !== '户数' && h !== '经度').concat(['小区名称', '备注']);
    const report = await importLedger(
      fixture.db,
      csvFile(goodRows(2), 'x.csv', headers),
      options({ replaceDemo: true, dryRun: true }),
    );
    expect(report.status).toBe('invalid');
    expect(report.problems.map((p) => [p.row, p.column])).toEqual(
      expect.arrayContaining([
        [1, '户数'],
        [1, '经度'],
        [1, '小区名称'],
      ]),
    );
    expect(report.warnings.map((w) => w.column)).toContain('备注');
  });

  it('refuses to mix a real ledger with the demonstration unless told to replace it', async () => {
    await expect(importLedger(fixture.db, csvFile(goodRows(3)), options())).rejects.toThrow(/--replace-demo/);
  });

  it('replaces the demonstration when told: compounds and history go, townships and targets stay, the badge goes', async () => {
    const database = await openFixtureDatabase(kind);
    try {
      const targetsBefore = await database.db.select().from(schema.targets);
      const report = await importLedger(database.db, csvFile(goodRows(25)), options({ replaceDemo: true }));
      expectImported(report);
      expect(report.replacedDemo).toBe(true);
      expect(report.counts).toMatchObject({ new: 25, updated: 0, unchanged: 0, untouched: 0 });
      expect((await database.db.select().from(schema.compounds)).map((c) => c.code).sort()).toEqual(
        goodRows(25)
          .map((r) => r.小区编码)
          .sort(),
      );
      expect(await database.db.select().from(schema.meetings)).toEqual([]);
      expect(await database.db.select().from(schema.townships)).toHaveLength(19);
      expect(await database.db.select().from(schema.targets)).toEqual(targetsBefore);
      const info = await (await callerAs(database, 'leader')).system.info();
      expect(info.dataset.source).toBe('ledger');
      expect(info.compounds).toBe(25);
    } finally {
      await database.dispose();
    }
  });

  it.each(['gcj02', 'bd09'] as const)(
    'stores %s coordinates as WGS84 within 2 m of the truth, and a re-import changes nothing',
    async (crs) => {
      const database = await openEmptyDatabase(kind);
      try {
        const truth = goodRows(40);
        const shifted = truth.map((r) => {
          const [lon, lat] = gcoord.transform(
            [r.经度 as number, r.纬度 as number],
            gcoord.WGS84,
            crs === 'gcj02' ? gcoord.GCJ02 : gcoord.BD09,
          ) as [number, number];
          return { ...r, 经度: lon, 纬度: lat };
        });
        // The shift is real (hundreds of metres) …
        expect(
          distance(
            [truth[0]!.经度 as number, truth[0]!.纬度 as number],
            [shifted[0]!.经度 as number, shifted[0]!.纬度 as number],
            { units: 'meters' },
          ),
        ).toBeGreaterThan(300);
        expectImported(await importLedger(database.db, csvFile(shifted), options({ crs })));
        const stored = new Map((await database.db.select().from(schema.compounds)).map((c) => [c.code, c]));
        let worst = 0;
        for (const r of truth) {
          const c = stored.get(r.小区编码 as string)!;
          worst = Math.max(worst, distance([r.经度 as number, r.纬度 as number], [c.lon, c.lat], { units: 'meters' }));
        }
        // … and undone to within 2 m.
        expect(worst).toBeLessThan(2);
        const again = await importLedger(database.db, csvFile(shifted), options({ crs }));
        expect(again.counts).toMatchObject({ new: 0, updated: 0, unchanged: 40 });
      } finally {
        await database.dispose();
      }
    },
  );

  describe('re-importing a changed ledger', () => {
    let database: TestDatabase;
    const first = goodRows(30);
    const changed: LedgerRow[] = first
      .filter((r) => r.小区编码 !== 'T-0030')
      .map((r) => {
        if (r.小区编码 === 'T-0002') return { ...r, 户数: 999 };
        if (r.小区编码 === 'T-0005') return { ...r, 小区名称: '改名花园', 详细地址: '' };
        if (r.小区编码 === 'T-0006') return { ...r, 物业企业: '新接手物业有限公司', 物业合同开始日期: '2025-01-01' };
        return r;
      })
      .concat(goodRows(31).slice(30));

    beforeAll(async () => {
      database = await openEmptyDatabase(kind);
      expectImported(await importLedger(database.db, csvFile(first), options()));
      const ids = await compoundIds(database.db);
      // History that references the compounds by id.
      await database.db.insert(schema.meetings).values([
        { compoundId: ids.get('T-0002')!, heldOn: '2025-03-01', attendees: 9 },
        { compoundId: ids.get('T-0005')!, heldOn: '2025-04-01', attendees: 7 },
      ]);
      await database.db.insert(schema.partyOrganisations).values({
        compoundId: ids.get('T-0005')!,
        type: 'standalone',
        name: '测试党支部',
        establishedOn: '2024-06-01',
      });
      await database.db.insert(schema.residentIssues).values({
        compoundId: ids.get('T-0006')!,
        channel: 'hotline',
        category: 'parking',
        openedOn: '2025-02-01',
        dueOn: '2025-02-15',
      });
    });
    afterAll(() => database?.dispose());

    it('reports the changes field by field in a dry run, and writes nothing', async () => {
      const before = await snapshot(database.db, TODAY);
      const auditBefore = await database.db.select().from(schema.auditLog);
      const report = await importLedger(database.db, csvFile(changed), options({ dryRun: true }));
      expect(report.status).toBe('dry-run');
      expect(report.counts).toMatchObject({ new: 1, updated: 3, unchanged: 26, untouched: 1 });
      const byCode = new Map(report.changes.map((c) => [c.code, c]));
      expect(byCode.get('T-0002')!.changes).toEqual([{ field: 'households', label: '户数', before: 101, after: 999 }]);
      expect(byCode.get('T-0005')!.changes.map((c) => [c.label, c.after])).toEqual([
        ['小区名称', '改名花园'],
        ['详细地址', ''],
      ]);
      expect(byCode.get('T-0006')!.changes.map((c) => [c.label, c.before, c.after])).toEqual([
        ['物业企业', '测试物业5有限公司', '新接手物业有限公司'],
        ['物业合同开始日期', '2023-07-01', '2025-01-01'],
      ]);
      expect(byCode.get('T-0031')!.action).toBe('new');
      expect(await snapshot(database.db, TODAY)).toEqual(before);
      expect(await database.db.select().from(schema.auditLog)).toEqual(auditBefore);
    });

    it('updates in place by code: ids and history kept, the old contract closed, the rest untouched; audited', async () => {
      const idsBefore = await compoundIds(database.db);
      const historyBefore = {
        meetings: await database.db.select().from(schema.meetings),
        party: await database.db.select().from(schema.partyOrganisations),
        issues: await database.db.select().from(schema.residentIssues),
      };
      const report = await importLedger(database.db, csvFile(changed, 'changed.csv'), options());
      expectImported(report);
      expect(report.counts).toMatchObject({ new: 1, updated: 3, unchanged: 26, untouched: 1 });
      const idsAfter = await compoundIds(database.db);
      for (const [code, id] of idsBefore) expect(idsAfter.get(code), code).toBe(id);
      expect(idsAfter.size).toBe(31);
      expect(await database.db.select().from(schema.meetings)).toEqual(historyBefore.meetings);
      expect(await database.db.select().from(schema.partyOrganisations)).toEqual(historyBefore.party);
      expect(await database.db.select().from(schema.residentIssues)).toEqual(historyBefore.issues);

      const [t2] = await database.db.select().from(schema.compounds).where(eq(schema.compounds.code, 'T-0002'));
      expect(t2!.households).toBe(999);
      const contracts = await database.db
        .select({
          start: schema.propertyContracts.startOn,
          end: schema.propertyContracts.endOn,
          company: schema.propertyCompanies.name,
        })
        .from(schema.propertyContracts)
        .innerJoin(schema.propertyCompanies, eq(schema.propertyCompanies.id, schema.propertyContracts.companyId))
        .where(eq(schema.propertyContracts.compoundId, idsAfter.get('T-0006')!))
        .orderBy(schema.propertyContracts.startOn);
      expect(contracts).toEqual([
        { start: '2023-07-01', end: '2025-01-01', company: '测试物业5有限公司' },
        { start: '2025-01-01', end: null, company: '新接手物业有限公司' },
      ]);

      const audit = await database.db
        .select()
        .from(schema.auditLog)
        .where(
          sql`${schema.auditLog.recordId} = ${String(idsAfter.get('T-0002'))} and ${schema.auditLog.action} = 'import'`,
        );
      expect(audit.at(-1)).toMatchObject({
        userId: null,
        tableName: 'compounds',
        before: { households: 101 },
        after: { households: 999 },
      });
      const summary = await database.db.select().from(schema.auditLog).where(eq(schema.auditLog.tableName, 'ledger'));
      expect(summary.at(-1)).toMatchObject({
        recordId: 'changed.csv',
        after: { new: 1, updated: 3, unchanged: 26, untouched: 1 },
      });
      expect((await readDatasetInfo(database.db)).source).toBe('ledger');

      const again = await importLedger(database.db, csvFile(changed), options());
      expect(again.counts).toMatchObject({ new: 0, updated: 0, unchanged: 30, untouched: 1 });
    });

    it('refuses a contract start that contradicts the registered contracts, writing nothing', async () => {
      const before = await snapshot(database.db, TODAY);
      const earlier = changed.map((r) =>
        r.小区编码 === 'T-0006' ? { ...r, 物业企业: '另一家物业', 物业合同开始日期: '2024-06-01' } : r,
      );
      const report = await importLedger(database.db, csvFile(earlier), options());
      expect(report.status).toBe('invalid');
      expect(report.problems).toEqual([expect.objectContaining({ row: 7, column: '物业合同开始日期' })]);
      expect(await snapshot(database.db, TODAY)).toEqual(before);
    });
  });

  it('reads the published template filled in Excel (dates as dates, full-width digits), and serves it through tRPC (the file as an upload)', async () => {
    const database = await openEmptyDatabase(kind);
    try {
      const caller = await callerAs(database, 'admin');
      const template = await caller.ledger.template();
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(Buffer.from(template.base64, 'base64') as unknown as ExcelJS.Buffer);
      expect(workbook.worksheets.map((s) => s.name)).toEqual(['小区台账', '填写说明', '镇街代码']);
      const sheet = workbook.getWorksheet('小区台账')!;
      expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(HEADERS);
      for (const [i, r] of goodRows(5).entries()) {
        sheet.getRow(i + 2).values = HEADERS.map((h) =>
          h === '纳入台账日期'
            ? new Date(Date.UTC(2024, 0, 1))
            : h === '户数'
              ? String(r[h]).replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)))
              : r[h],
        );
      }
      const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
      const dry = await caller.ledger.import(uploadForm('台账.xlsx', bytes));
      expect(dry.status).toBe('dry-run');
      expect(dry.counts.new).toBe(5);
      expect(await database.db.select().from(schema.compounds)).toEqual([]);
      const done = await caller.ledger.import(uploadForm('台账.xlsx', bytes, { dryRun: false }));
      expect(done.status).toBe('imported');
      const stored = await database.db.select().from(schema.compounds).orderBy(schema.compounds.code);
      expect(stored.map((c) => [c.households, c.listedOn])).toEqual(goodRows(5).map((r) => [r.户数, '2024-01-01']));
      await expect(caller.ledger.import(uploadForm('x.xlsx', 'not a zip', { crs: 'wgs84' }))).rejects.toThrow(
        /xlsx|Excel/,
      );
      await expect(caller.ledger.import(uploadForm('x.csv', bytes, { crs: 'utm' }))).rejects.toThrow(/坐标系/);
      await expect(caller.ledger.import(uploadForm('x.csv', bytes, { dryRun: 'maybe' }))).rejects.toThrow(
        /dryRun 应为 true 或 false/,
      );
      // The old JSON body with base64 is refused: files come as uploads.
      await expect(
        caller.ledger.import({ fileName: 'x.xlsx', base64: Buffer.from(bytes).toString('base64') } as never),
      ).rejects.toThrow(/文件上传/);
    } finally {
      await database.dispose();
    }
  });

  it('gives an empty template an honest header only', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await ledgerTemplateXlsx()) as unknown as ExcelJS.Buffer);
    expect(workbook.getWorksheet('镇街代码')!.rowCount).toBe(20);
  });
});
