/** The review procedures as the UI calls them: answers, and BAD_REQUEST in Chinese for bad input. */
import { shanghaiDateTime } from '../../../shared/time/dates.ts';
import { TRPCError } from '@trpc/server';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openReviewWeek } from '../../../server/services/review/reviewedWeeks.ts';
import { callerAs, type Caller } from '../../support/callers.ts';
import { availableBackends, openFixtureDatabase, type TestDatabase } from '../../support/databases.ts';

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
