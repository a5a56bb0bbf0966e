/**
 * The drill-through as a working list, through the router: the compounds not counted equal the
 * naive recomputation's, each with a reason the indicator's module gives (the last meeting's day,
 * how the last committee ended), and the XLSX export says what made it and keeps days as dates —
 * in the reader's language, with no Chinese in an English file but the data's names.
 */
import ExcelJS from 'exceljs';
import { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callerAs, type Caller } from '../../support/callers.ts';
import { FIXTURE_AS_OF } from '../../support/constants.ts';
import { openFixtureDatabase, type TestDatabase } from '../../support/databases.ts';
import { loadRawCity, type RawCity } from '../../support/reference.ts';
import { chineseOutside, dataWords, loadWorkbook, workbookTexts } from '../../support/fileLanguage.ts';
import { INDICATOR_KEYS, INDICATORS } from '../../../shared/indicators/index.ts';
import { drillSections } from '../../../shared/indicators/drillList.ts';

const day = (date: string) => Date.parse(`${date}T00:00:00Z`) / 86_400_000;

describe('the drill-through as a working list', () => {
  let database: TestDatabase;
  let caller: Caller;
  let raw: RawCity;
  beforeAll(async () => {
    database = await openFixtureDatabase('pglite');
    caller = await callerAs(database, 'analyst');
    raw = await loadRawCity(database.db);
  });
  afterAll(() => database?.dispose());

  const township = '350582101';

  it('lists as not counted exactly the compounds the recomputation finds without a meeting in 30 days, with the last one in the reason', async () => {
    const drill = await caller.metrics.drill({
      indicator: 'deliberationCoverage',
      asOf: FIXTURE_AS_OF,
      townshipCode: township,
    });
    const inScope = raw.compounds.filter((c) => c.townshipCode === township && c.listedOn <= FIXTURE_AS_OF);
    const lastMeeting = (id: number) =>
      raw.meetings
        .filter((m) => m.compoundId === id && m.heldOn <= FIXTURE_AS_OF)
        .map((m) => m.heldOn)
        .sort()
        .at(-1) ?? null;
    const expected = inScope
      .filter((c) => {
        const last = lastMeeting(c.id);
        return last === null || day(FIXTURE_AS_OF) - day(last) > 29;
      })
      .map((c) => c.code)
      .sort();
    const notCounted = drill.compounds.filter((c) => c.inDenominator && !c.inNumerator);
    expect(expected.length, 'the township has compounds without a recent meeting').toBeGreaterThan(0);
    expect(notCounted.map((c) => c.code).sort()).toEqual(expected);
    for (const c of notCounted) {
      const id = raw.compounds.find((x) => x.code === c.code)!.id;
      const last = lastMeeting(id);
      expect(c.reason).toBe(last ? `近30天无四方联席会议（上次 ${last}）` : '从未召开四方联席会议');
      expect(c.reasonGroup).toBe(last ? '近30天无四方联席会议' : '从未召开四方联席会议');
      expect(c.reasonDate).toBe(last);
    }
    // Search by pinyin initials needs them on every row.
    expect(drill.compounds.every((c) => /^[a-z0-9]+$/.test(c.initials))).toBe(true);
  });

  it('says how a compound lost its owners’ committee: term run out, ended early, or never formed', async () => {
    const drill = await caller.metrics.drill({ indicator: 'committeeRate', asOf: FIXTURE_AS_OF });
    const byCode = new Map(drill.compounds.map((c) => [c.code, c]));
    const groups = new Set<string>();
    for (const c of raw.compounds.filter((x) => x.listedOn <= FIXTURE_AS_OF)) {
      const row = byCode.get(c.code)!;
      if (row.inNumerator) continue;
      const last = raw.committees
        .filter((x) => x.compoundId === c.id && x.formedOn <= FIXTURE_AS_OF)
        .sort((a, b) => (a.formedOn < b.formedOn ? 1 : -1))[0];
      const expected = !last
        ? { reasonGroup: '未组建业委会', reasonDate: null }
        : last.endedOn && last.endedOn < last.termEnd
          ? { reasonGroup: '业委会提前终止', reasonDate: last.endedOn }
          : { reasonGroup: '业委会任期已满', reasonDate: last.termEnd };
      expect({ code: c.code, reasonGroup: row.reasonGroup, reasonDate: row.reasonDate }).toEqual({
        code: c.code,
        ...expected,
      });
      groups.add(row.reasonGroup);
    }
    expect(groups.size, 'some compounds are without a committee').toBeGreaterThan(0);
  });

  it('exports the list as on screen: 说明 with indicator, scope, day and filter, rows in order, days as date cells', async () => {
    const drill = await caller.metrics.drill({
      indicator: 'deliberationCoverage',
      asOf: FIXTURE_AS_OF,
      townshipCode: township,
    });
    const group = '近30天无四方联席会议';
    const file = await caller.metrics.drillExport({
      indicator: 'deliberationCoverage',
      asOf: FIXTURE_AS_OF,
      townshipCode: township,
      filter: { reasonGroup: group },
      sort: { key: 'date', descending: true },
      goalMet: false,
    });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(file.base64, 'base64') as unknown as ArrayBuffer);
    const about = workbook.getWorksheet('说明')!;
    const info = new Map<string, unknown>();
    about.eachRow((row) => info.set(String(row.getCell(1).value), row.getCell(2).value));
    expect(info.get('指标')).toBe('议事协商覆盖率');
    expect(info.get('范围')).toBe(drill.compounds[0]!.townshipName);
    expect(info.get('截至日期')).toEqual(new Date(`${FIXTURE_AS_OF}T00:00:00Z`));
    expect(info.get('筛选')).toBe(`原因：${group}`);
    expect(info.get('排序')).toBe('日期（降序）');

    const sheet = workbook.worksheets.find((s) => s.name !== '说明')!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual(['分组', '小区编码', '小区名称', '镇街', '社区/村', '户数', '计入分子', '原因', '日期']);
    const expected = drill.compounds
      .filter((c) => c.reasonGroup === group)
      .sort((a, b) => b.reasonDate!.localeCompare(a.reasonDate!) || a.code.localeCompare(b.code));
    expect(expected.length).toBeGreaterThan(0);
    expect(file.rows).toBe(expected.length);
    expected.forEach((c, i) => {
      const row = sheet.getRow(i + 2);
      expect(row.getCell(2).value).toBe(c.code);
      expect(row.getCell(1).value).toBe('未计入分子');
      const date = row.getCell(9);
      expect(date.value, 'a date cell, not text').toEqual(new Date(`${c.reasonDate}T00:00:00Z`));
      expect(date.numFmt).toBe('yyyy-mm-dd');
    });
  });

  it('lists and exports every indicator in English for a reader in English: the same compounds, reasons in English, no Chinese but the data', async () => {
    const english = await callerAs(database, 'analyst', { locale: 'en' });
    const data = await dataWords(database.db);
    for (const indicator of INDICATOR_KEYS) {
      const scope = { indicator, asOf: FIXTURE_AS_OF, townshipCode: township };
      const [drill, drillEn] = await Promise.all([caller.metrics.drill(scope), english.metrics.drill(scope)]);
      // On screen: the same compounds and figures, each reason and its group in English.
      expect(drillEn.compounds.map((c) => [c.code, c.numeratorContribution, c.reasonDate])).toEqual(
        drill.compounds.map((c) => [c.code, c.numeratorContribution, c.reasonDate]),
      );
      const reasons = drillEn.compounds.flatMap((c) => [c.reason, c.reasonGroup]);
      expect(
        reasons.filter((r) => /[\u3400-\u9fff]/.test(r)),
        indicator,
      ).toEqual([]);
      const at = drill.compounds.findIndex((c) => !c.inNumerator);
      const group = at >= 0 ? drill.compounds[at]!.reasonGroup : undefined;
      const groupEn = at >= 0 ? drillEn.compounds[at]!.reasonGroup : undefined;
      const input = (reasonGroup: string | undefined) => ({
        ...scope,
        filter: reasonGroup ? { reasonGroup } : {},
        sort: { key: 'reason' as const, descending: false },
        goalMet: false,
      });
      // Each reader filters on the group their screen shows.
      const [zhFile, enFile] = await Promise.all([
        caller.metrics.drillExport(input(group)),
        english.metrics.drillExport(input(groupEn)),
      ]);
      // The township's name is data; nothing else of the name is Chinese.
      expect(enFile.fileName.replace(drill.compounds[0]!.townshipName, ''), indicator).not.toMatch(/[\u3400-\u9fff]/);
      expect(enFile.fileName).toMatch(new RegExp(`^[a-z-]+-.+-${FIXTURE_AS_OF}-${enFile.rows}-compounds`));
      const [zh, en] = await Promise.all([loadWorkbook(zhFile.base64), loadWorkbook(enFile.base64)]);
      expect(en.worksheets.map((s) => s.name)).toEqual(['Notes', en.worksheets[1]!.name]);
      expect(chineseOutside(workbookTexts(en), data), indicator).toEqual([]);
      // The same compounds with the same numbers and dates: only the words (and so the order by reason) differ.
      const byCode = (book: typeof zh) =>
        book.worksheets[1]!.getSheetValues()
          .slice(2)
          .map((r) => [(r as unknown[])[2], (r as unknown[])[6], (r as unknown[])[9]])
          .sort((a, b) => String(a[0]).localeCompare(String(b[0])));
      expect(byCode(en), indicator).toEqual(byCode(zh));
      // The English file lists them in the order the English screen does.
      const listed = drillSections(drillEn.compounds, {
        direction: INDICATORS[indicator].direction,
        goalMet: false,
        filter: input(groupEn).filter,
        sort: input(groupEn).sort,
      }).flatMap((s) => s.rows.map((r) => r.code));
      expect(en.worksheets[1]!.getColumn(2).values.slice(2), indicator).toEqual(listed);
      expect(zh.getWorksheet('说明'), 'the Chinese file keeps its Chinese notes').toBeDefined();
    }
  });

  it('refuses an export whose filter leaves nothing, in Chinese', async () => {
    const error = await caller.metrics
      .drillExport({ indicator: 'partyOrgCoverage', asOf: FIXTURE_AS_OF, filter: { search: '不存在的小区名' } })
      .catch((e: unknown) => e);
    expect((error as TRPCError).code).toBe('BAD_REQUEST');
    expect((error as TRPCError).message).toBe('没有可导出的小区：当前筛选没有小区');
  });

  it('writes the workbench filter that made a table into its XLSX 说明 sheet', async () => {
    const codes = raw.compounds.slice(0, 3).map((c) => c.code);
    const file = await caller.workbench.export({
      asOf: FIXTURE_AS_OF,
      codes,
      format: 'xlsx',
      filter: '小区类型：商品房',
    });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(file.base64, 'base64') as unknown as ArrayBuffer);
    const about = new Map<string, unknown>();
    workbook.getWorksheet('说明')!.eachRow((row) => about.set(String(row.getCell(1).value), row.getCell(2).value));
    expect(about.get('筛选条件')).toContain('小区类型：商品房');
  });
});
