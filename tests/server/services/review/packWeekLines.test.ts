/** The pack says which week it is, in which state, and what 上周 is — times in Asia/Shanghai. */
import { describe, expect, it } from 'vitest';
import { previousWeekLine, weekStatusLine } from '../../../../server/services/review/packHtml.ts';
import type { ReviewBoard } from '../../../../server/services/review/rankingBoard.ts';

const board = (part: Partial<ReviewBoard>) =>
  ({
    week: '2026-W48',
    asOf: '2026-11-29',
    state: 'ended',
    corrections: [],
    previousWeek: null,
    reviewed: null,
    ...part,
  }) as ReviewBoard;

describe('the pack’s week lines', () => {
  it('prints a freeze at 17:50 UTC on the 4th as 01:50 on the 5th in Shanghai', () => {
    const reviewed = { reviewedAt: '2026-12-04T17:50:00.000Z', reviewedBy: '组织部' };
    const line = weekStatusLine(board({ state: 'reviewed', reviewed }));
    expect(line).toContain('快照冻结于 2026-12-05 01:50');
    expect(line).not.toContain('2026-12-04');
  });

  it('says a week in progress is live and an ended one is open to corrections', () => {
    expect(weekStatusLine(board({ week: '2026-W49', asOf: '2026-12-05', state: 'in-progress' }))).toContain(
      '本周进行中，截至 12月5日',
    );
    expect(weekStatusLine(board({ state: 'ended' }))).toMatch(/待晾晒.*0 条更正/);
  });

  it('names last week with its dates, and says when a correction changed it after its freeze', () => {
    const previousWeek = {
      week: '2026-W47',
      asOf: '2026-11-22',
      reviewed: { reviewedAt: '2026-11-23T01:00:00.000Z', reviewedBy: '定时晾晒（每周一 09:00）' },
      corrections: [
        { townshipCode: null, name: '全市', indicator: 'deliberationCoverage' as const, shown: 0.9, now: 0.91 },
      ],
    };
    const line = previousWeekLine(board({ previousWeek }));
    expect(line).toContain('2026-W47（11月16日—22日）');
    expect(line).toContain('冻结于 2026-11-23 09:00');
    expect(line).toMatch(/更正改变了上周 1 项/);
    expect(previousWeekLine(board({ previousWeek: { ...previousWeek, reviewed: null, corrections: [] } }))).toBe(
      '上周 = 2026-W47（11月16日—22日）（2026-11-22 周日数据）',
    );
    expect(previousWeekLine(board({}))).toMatch(/数据起始周/);
  });
});
