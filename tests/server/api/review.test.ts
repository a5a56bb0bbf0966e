/** The review procedures as the UI calls them: answers, and BAD_REQUEST in Chinese for bad input. */
import { shanghaiDateTime } from '../../../shared/time/dates.ts';
import { TRPCError } from '@trpc/server';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openReviewWeek } from '../../../server/services/review/reviewedWeeks.ts';
import { callerAs, type Caller } from '../../support/callers.ts';
import { availableBackends, openFixtureDatabase, type TestDatabase } from '../../support/databases.ts';
import { chineseOutside, dataWords, loadWorkbook, workbookTexts } from '../../support/fileLanguage.ts';

const WEEK = '2025-W30';

describe.each(availableBackends())('review procedures (%s)', (kind) => {
  let database: TestDatabase;
  let caller: Caller;
  beforeAll(async () => {
    database = await openFixtureDatabase(kind);
    caller = await callerAs(database, 'admin');
  });
  afterAll(() => database?.dispose());

  it('gives the board and a township, as the services compute them', async () => {
    const board = await caller.review.board({ week: WEEK });
    expect(board).toEqual(await (await openReviewWeek(database.db, WEEK)).board());
    expect(board.townships).toHaveLength(19);
    const township = await caller.review.township({ code: '350582103', week: WEEK });
    expect(township.standing).toEqual(board.townships.find((t) => t.code === '350582103'));
    expect(township.history.weeks.at(-1)!.week).toBe(WEEK);
  });

  it('reads and changes the rules; the board follows them', async () => {
    const settings = await caller.review.settings();
    expect(settings.rules).toEqual(settings.defaults);
    const updated = await caller.review.updateSettings({ composite: { weights: { petitionRate: 3 } } });
    expect(updated.rules.composite.weights.petitionRate).toBe(3);
    expect((await caller.review.board({ week: WEEK })).rules.composite.weights.petitionRate).toBe(3);
    await caller.review.updateSettings(settings.defaults);
  });

  it('marks a week reviewed and lists it', async () => {
    const marked = await caller.review.markReviewed({ week: WEEK });
    expect(marked).toMatchObject({ week: WEEK, alreadyReviewed: false });
    expect((await caller.review.board({ week: WEEK })).reviewed).toMatchObject({ reviewedAt: marked.reviewedAt });
    expect((await caller.review.reviewedWeeks()).map((w) => w.week)).toContain(WEEK);
  });

  it('gives the pack as a file to download', async () => {
    const pack = await caller.review.pack({ week: WEEK, townshipCode: '350582103', format: 'xlsx' });
    expect(pack.fileName).toBe(`晾晒_${WEEK}_陈埭镇.xlsx`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(pack.base64, 'base64') as unknown as ArrayBuffer);
    expect(workbook.getWorksheet('说明')!.getColumn(2).values).toContain(
      // The freeze time in Asia/Shanghai, not the instant's UTC form.
      `已晾晒，快照冻结于 ${shanghaiDateTime((await caller.review.board({ week: WEEK })).reviewed!.reviewedAt)}` +
        '（此后的记录修改不影响本周数字）',
    );
  });

  it('gives the pack in English for a reader in English: every sheet, header and note, the same figures', async () => {
    const english = await callerAs(database, 'admin', { locale: 'en' });
    const data = await dataWords(database.db);
    for (const townshipCode of ['350582103', undefined]) {
      const input = { week: WEEK, format: 'xlsx' as const, ...(townshipCode ? { townshipCode } : {}) };
      const [zhPack, enPack] = [await caller.review.pack(input), await english.review.pack(input)];
      expect(enPack.fileName).toBe(townshipCode ? `weekly-pack-${WEEK}-陈埭镇.xlsx` : `weekly-pack-${WEEK}.xlsx`);
      expect(zhPack.fileName).toBe(`晾晒_${WEEK}_${townshipCode ? '陈埭镇' : '全市'}.xlsx`);
      const [zh, en] = [await loadWorkbook(zhPack.base64), await loadWorkbook(enPack.base64)];
      expect(zh.worksheets.map((s) => s.name)).toEqual([
        '总览',
        '红黑榜',
        '进退',
        '摘要',
        '督办办理情况',
        '上周督办事项',
        '小区党组织覆盖率',
        '业委会组建率',
        '议事协商覆盖率',
        '服务品质',
        '信访矛盾',
        '后进小区',
        '本周变化',
        '明细-小区党组织覆盖率',
        '明细-业委会组建率',
        '明细-议事协商覆盖率',
        '明细-服务品质',
        '明细-信访矛盾',
        '说明',
      ]);
      expect(en.worksheets.map((s) => s.name)).toEqual([
        'Overview',
        'Red and black lists',
        'Movers',
        'Summary',
        'Supervision outcomes',
        "Last week's items",
        'Party organisation coverage',
        "Owners' committee rate",
        'Deliberation coverage',
        'Service quality',
        'Petitions and disputes',
        'Lagging compounds',
        'Changes this week',
        'Detail - Party org.',
        'Detail - Committees',
        'Detail - Deliberation',
        'Detail - Service',
        'Detail - Petitions',
        'Notes',
      ]);
      expect(chineseOutside(workbookTexts(en), data), townshipCode ?? 'city').toEqual([]);
      // The same cells hold the same figures: only the words differ.
      zh.worksheets.forEach((sheet, i) =>
        sheet.eachRow((row, n) =>
          row.eachCell((cell, c) => {
            if (typeof cell.value === 'number' || cell.value instanceof Date)
              expect(en.worksheets[i]!.getRow(n).getCell(c).value, `${sheet.name}!${cell.address}`).toEqual(cell.value);
          }),
        ),
      );
    }
  });

  it("writes last week's supervision items in English too: lights, states and sources in words, tasks as written", async () => {
    const english = await callerAs(database, 'admin', { locale: 'en' });
    const pack = await english.review.pack({ week: '2026-W46', format: 'xlsx' });
    const workbook = await loadWorkbook(pack.base64);
    const items = workbook.getWorksheet("Last week's items")!;
    expect(items.rowCount, 'the demo history has items issued that week').toBeGreaterThan(1);
    expect(items.getRow(1).getCell(10).value).toBe('Deadline light');
    const states = (items.getColumn(11).values as unknown[]).slice(2);
    for (const state of states) expect(['Pending', 'Answered', 'Closed', 'Returned', 'Overdue']).toContain(state);
    expect(workbook.getWorksheet('Supervision outcomes')!.getRow(1).getCell(3).value).toBe('Issued');
    expect(chineseOutside(workbookTexts(workbook), await dataWords(database.db))).toEqual([]);
  });

  it.each([
    ['board', { week: '2025-13' }, /周次无效/],
    ['board', { week: '2099-W01' }, /尚未到来/],
    ['board', { week: '2023-W50' }, /早于数据起始周/],
    ['board', { week: 202530 }, /周次应为 YYYY-Www/],
    ['township', { code: '350582999', week: WEEK }, /未知镇街代码：350582999/],
    ['township', { code: 'x', week: WEEK }, /未知镇街代码：x/],
    ['markReviewed', { week: '2099-W01' }, /尚未到来/],
    [
      'updateSettings',
      { composite: { weights: { committeeRate: -2 } } },
      /晾晒规则设置无效：composite\.weights\.committeeRate：权重不能为负/,
    ],
    ['pack', { week: WEEK, format: 'docx' }, /格式应为 pdf 或 xlsx/],
  ] as const)('refuses %s(%j) with BAD_REQUEST and a Chinese message', async (procedure, input, message) => {
    const call = (caller.review as unknown as Record<string, (i: unknown) => Promise<unknown>>)[procedure]!;
    const error = await call(input).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TRPCError);
    expect((error as TRPCError).code).toBe('BAD_REQUEST');
    expect((error as TRPCError).message).toMatch(message);
    expect((error as TRPCError).message).not.toMatch(/^\[/);
  });
});
