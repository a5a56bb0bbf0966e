/**
 * 上周督办事项办理情况 in the review: made-up items issued at the review of W (2026-W20) — closed on
 * time, closed late, returned, answered past the deadline, never answered — show on the board of
 * W+1 with their counts as of W+1's Sunday; the pack's XLSX has the counts sheet and the items
 * with date cells, its PDF the section; a township with two overdue items is on the black list
 * with the reason in words; and once W+1 is reviewed its board keeps the section as it was shown,
 * whatever is recorded later (and a snapshot frozen before the section says it had none).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../../../server/services/auth/roles.ts';
import { packHtml } from '../../../../server/services/review/packHtml.ts';
import { packXlsx } from '../../../../server/services/review/packXlsx.ts';
import { sharedPdfPrinter } from '../../../../server/services/review/pdfPrinter.ts';
import { markWeekReviewed, openReviewWeek } from '../../../../server/services/review/reviewedWeeks.ts';
import { collectPackFrom } from '../../../../server/services/review/weeklyPack.ts';
import { issueItem } from '../../../../server/services/supervision/issue.ts';
import { acceptItem, answerItem, returnItem } from '../../../../server/services/supervision/moves.ts';
import { actorAs } from '../../../support/callers.ts';
import { availableBackends, openFixtureDatabase, type TestDatabase } from '../../../support/databases.ts';

const X = '350582103'; // 陈埭镇
const Y = '350582101'; // 安海镇
const W = '2026-W20'; // 5月11日—17日; its review on Monday 2026-05-18
const NEXT = '2026-W21'; // 5月18日—24日: its board opens with W's items, counted to Sunday 05-24
const TODAY = '2026-12-05';

const at = (day: string, time = '10:00') => new Date(`${day}T${time}:00+08:00`);

describe.each(availableBackends())('last week’s supervision items in the review (%s)', (kind) => {
  let database: TestDatabase;
  let admin: Actor;
  const board = async () => (await openReviewWeek(database.db, NEXT, { today: TODAY })).board();

  beforeAll(async () => {
    database = await openFixtureDatabase(kind);
    admin = (await actorAs(database, 'admin')).actor;
    const db = database.db;
    const issue = async (township: string, deadline: string) =>
      (
        await issueItem(
          db,
          admin,
          { townshipCode: township, task: '组织召开四方联席会议', deadline, reviewWeek: W },
          { at: at('2026-05-18', '09:30') },
        )
      ).id;
    const answer = (itemId: number, day: string) =>
      answerItem(db, admin, { itemId, answer: '已召开' }, { at: at(day) });
    const accept = (itemId: number, day: string) => acceptItem(db, admin, { itemId }, { at: at(day) });
    const a = await issue(X, '2026-05-25'); // closed on time
    await answer(a, '2026-05-20');
    await accept(a, '2026-05-21');
    const b = await issue(X, '2026-05-20'); // closed late
    await answer(b, '2026-05-22');
    await accept(b, '2026-05-23');
    const c = await issue(Y, '2026-05-25'); // returned by the Sunday
    await answer(c, '2026-05-19');
    await returnItem(db, admin, { itemId: c, reason: '佐证不足' }, { at: at('2026-05-20') });
    await issue(Y, '2026-05-20'); // never answered: overdue
    const e = await issue(Y, '2026-05-21'); // answered past its deadline, not yet accepted: overdue
    await answer(e, '2026-05-22');
  });
  afterAll(async () => {
    await sharedPdfPrinter.close();
    await database?.dispose();
  });

  it('opens the next week’s board with the items’ outcome, per township and for the city', async () => {
    const b = await board();
    const section = b.supervision!;
    expect(section.summary).toMatchObject({ week: W, asOf: '2026-05-24', final: true });
    const zero = { pending: 0, answered: 0, returned: 0, closed: 0, closedLate: 0, overdueAsOf: 0 };
    expect(section.summary.townships).toEqual([
      {
        ...zero,
        code: Y,
        name: '安海镇',
        issued: 3,
        pending: 1,
        answered: 1,
        returned: 1,
        overdueAsOf: 2,
        overdueNow: 3,
      },
      { ...zero, code: X, name: '陈埭镇', issued: 2, closed: 2, closedLate: 1, overdueNow: 0 },
    ]);
    expect(section.summary.city).toMatchObject({
      issued: 5,
      closed: 2,
      closedLate: 1,
      returned: 1,
      pending: 1,
      answered: 1,
    });
    expect(section.items.map((i) => i.week)).toEqual([W, W, W, W, W]);
    // Still open today (any week): the three of 安海镇, the most overdue first.
    expect(section.open.filter((i) => i.townshipCode === Y).map((i) => i.deadline)).toEqual([
      '2026-05-20',
      '2026-05-21',
      '2026-05-25',
    ]);
  });

  it('puts a township with two overdue items on the black list, the reason in words, never on both lists', async () => {
    const b = await board();
    const entry = b.blackList.find((e) => e.code === Y)!;
    expect(entry.rules).toContain('overdueSupervision');
    expect(entry.reasons).toContain('逾期督办事项 2 项');
    expect(b.redList.some((e) => e.code === Y)).toBe(false);
    // 陈埭镇's items were closed: no such reason.
    expect(b.blackList.find((e) => e.code === X)?.rules ?? []).not.toContain('overdueSupervision');
  });

  it('puts the section in the pack: a counts sheet, the items with date cells, a table in the PDF', async () => {
    const data = await collectPackFrom(await openReviewWeek(database.db, NEXT, { today: TODAY }));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await packXlsx(data)) as unknown as ArrayBuffer);
    const counts = workbook.getWorksheet('督办办理情况')!;
    expect(counts.getRow(1).values).toEqual([
      undefined,
      '镇街代码',
      '镇街',
      '交办',
      '已销号（按期）',
      '已销号（逾期）',
      '已反馈待审核',
      '退回重办',
      '待办理',
      '逾期未销号',
      '目前仍逾期',
    ]);
    expect(counts.getRow(2).values).toEqual([undefined, Y, '安海镇', 3, 0, 0, 1, 1, 1, 2, 3]);
    expect(counts.getRow(3).values).toEqual([undefined, X, '陈埭镇', 2, 1, 1, 0, 0, 0, 0, 0]);
    expect(counts.getRow(4).values).toEqual([undefined, undefined, '全市', 5, 1, 1, 1, 1, 1, 2, 3]);
    const items = workbook.getWorksheet('上周督办事项')!;
    const header = items.getRow(1).values as unknown[];
    const deadline = items.getRow(2).getCell(header.indexOf('办理期限'));
    expect(deadline.value).toBeInstanceOf(Date);
    expect((deadline.value as Date).toISOString().slice(0, 10)).toBe('2026-05-20');
    expect(deadline.numFmt).toBe('yyyy-mm-dd');
    expect(items.rowCount).toBe(6);

    if (kind !== 'pglite') return; // The PDF is the same HTML on either database; print it once.
    const dir = mkdtempSync(join(tmpdir(), 'onemap-supervision-pack-'));
    const pdf = join(dir, 'pack.pdf');
    writeFileSync(pdf, await sharedPdfPrinter.print(packHtml(data)));
    const text = execFileSync('pdftotext', ['-raw', pdf, '-']).toString().replace(/\s+/g, '');
    expect(text).toContain('上周督办事项办理情况');
    expect(text).toContain(`上周${W}（5月11日—17日）晾晒后交办的督办事项，办理情况统计截至2026-05-24（周日24:00）`);
    expect(text).toContain('安海镇3001112');
    expect(text).toContain('逾期督办事项2项');
  });

  it('keeps the section as shown once the week is reviewed, and says when a snapshot had none', async () => {
    await markWeekReviewed(database.db, NEXT, { today: TODAY, reviewedBy: '组织部' });
    // A late entry for W recorded afterwards: the live count would include it, the frozen board not.
    await issueItem(
      database.db,
      admin,
      { townshipCode: X, task: '补录', deadline: '2026-12-31', reviewWeek: W },
      { at: new Date('2026-12-04T02:00:00Z') },
    );
    const frozen = await board();
    expect(frozen.state).toBe('reviewed');
    expect(frozen.supervision!.summary.city.issued).toBe(5);
    expect(frozen.blackList.find((e) => e.code === Y)!.reasons).toContain('逾期督办事项 2 项');

    await database.db.execute(
      sql`update reviewed_weeks set snapshot = snapshot #- '{board,supervision}' where week = ${NEXT}`,
    );
    const old = await board();
    expect(old.supervision).toBeUndefined();
    const html = packHtml(await collectPackFrom(await openReviewWeek(database.db, NEXT, { today: TODAY })));
    expect(html).toContain('本周晾晒时尚未统计督办办理情况');
  });
});
