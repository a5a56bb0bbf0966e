/** The supervision item's states and moves, its deadline lights on Asia/Shanghai days, and the suggestions. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_SUPERVISION_SUGGESTIONS } from '../../../data/supervision-rules.ts';
import { STATUS_COLOURS } from '../../../shared/colours/judgement.ts';
import {
  canMove,
  closedLate,
  DEADLINE_LIGHT_COLOURS,
  deadlineLight,
  displayState,
  isOverdue,
  lightColour,
  movesFrom,
  refusedMoveMessage,
  suggestItem,
  SUPERVISION_MOVES,
  SUPERVISION_STATE_LABELS,
  SUPERVISION_STATES,
  type SupervisionMove,
  type SupervisionState,
} from '../../../shared/supervision/index.ts';
import { INDICATOR_KEYS } from '../../../shared/indicators/keys.ts';
import { todayInCity } from '../../../shared/time/dates.ts';

describe('supervision states and moves', () => {
  it('allows exactly answer from 待办理/退回, accept and return from 已反馈, and nothing from 已销号', () => {
    const allowed: Record<SupervisionState, SupervisionMove[]> = {
      pending: ['answer'],
      answered: ['accept', 'return'],
      returned: ['answer'],
      closed: [],
    };
    for (const state of SUPERVISION_STATES) {
      expect(movesFrom(state), state).toEqual(allowed[state]);
      for (const move of SUPERVISION_MOVES) expect(canMove(state, move)).toBe(allowed[state].includes(move));
    }
  });

  it('labels the states and 逾期 in Chinese, and says in Chinese why a move is refused', () => {
    expect(SUPERVISION_STATE_LABELS).toEqual({
      pending: '待办理',
      answered: '已反馈',
      closed: '已销号',
      returned: '退回',
      overdue: '逾期',
    });
    expect(refusedMoveMessage('closed', 'answer')).toBe('该督办事项已销号，不能再反馈办理情况');
    expect(refusedMoveMessage('pending', 'accept')).toBe('该督办事项当前为“待办理”，只有“已反馈”的事项才能审核销号');
    expect(refusedMoveMessage('answered', 'answer')).toBe(
      '该督办事项当前为“已反馈”，只有“待办理或退回”的事项才能反馈办理情况',
    );
  });
});

describe('deadline lights (Asia/Shanghai days)', () => {
  const deadline = '2026-03-10';

  it('is green with more than 3 days left, yellow from 3 days to the deadline day, red from the day after', () => {
    expect(deadlineLight(deadline, '2026-03-01')).toBe('green');
    expect(deadlineLight(deadline, '2026-03-06')).toBe('green');
    expect(deadlineLight(deadline, '2026-03-07')).toBe('yellow');
    expect(deadlineLight(deadline, '2026-03-10')).toBe('yellow');
    expect(deadlineLight(deadline, '2026-03-11')).toBe('red');
    expect(deadlineLight(deadline, '2027-01-01', 'returned')).toBe('red');
    // Closed: no light, however late.
    expect(deadlineLight(deadline, '2026-03-20', 'closed')).toBeNull();
  });

  it('turns red at 00:00 in Shanghai (16:00 UTC), not at midnight UTC', () => {
    const lastMinute = todayInCity(new Date('2026-03-10T15:59:59Z'));
    const nextDay = todayInCity(new Date('2026-03-10T16:00:00Z'));
    expect([lastMinute, nextDay]).toEqual(['2026-03-10', '2026-03-11']);
    expect(deadlineLight(deadline, lastMinute)).toBe('yellow');
    expect(isOverdue({ deadline, state: 'pending' }, lastMinute)).toBe(false);
    expect(deadlineLight(deadline, nextDay)).toBe('red');
    expect(isOverdue({ deadline, state: 'pending' }, nextDay)).toBe(true);
    expect(displayState({ deadline, state: 'answered' }, nextDay)).toBe('overdue');
    expect(isOverdue({ deadline, state: 'closed' }, nextDay)).toBe(false);
    expect(displayState({ deadline, state: 'closed' }, nextDay)).toBe('closed');
    // Four days left turns to three at 00:00 Shanghai (16:00 UTC the day before).
    expect(deadlineLight(deadline, todayInCity(new Date('2026-03-06T15:59:00Z')))).toBe('green');
    expect(deadlineLight(deadline, todayInCity(new Date('2026-03-06T16:00:00Z')))).toBe('yellow');
  });

  it('closes late only after the deadline day', () => {
    expect(closedLate(deadline, '2026-03-10')).toBe(false);
    expect(closedLate(deadline, '2026-03-11')).toBe(true);
    expect(closedLate(deadline, null)).toBe(false);
  });

  it("draws the lights in the colour language's met, on-track yellow and off-track colours", () => {
    expect(DEADLINE_LIGHT_COLOURS.green).toBe(STATUS_COLOURS.met);
    expect(DEADLINE_LIGHT_COLOURS.yellow).toBe(STATUS_COLOURS.on_track);
    expect(DEADLINE_LIGHT_COLOURS.red).toBe(STATUS_COLOURS.off_track);
    expect(lightColour('red', 'print')).toBe(STATUS_COLOURS.off_track.print);
    expect(lightColour(null)).toBe(STATUS_COLOURS.none.dark);
  });
});

describe('suggested items', () => {
  it('has a task and a positive number of days for every indicator and for overdue issues', () => {
    for (const topic of [...INDICATOR_KEYS, 'overdueIssues'] as const) {
      const s = DEFAULT_SUPERVISION_SUGGESTIONS[topic];
      expect(s.task.length, topic).toBeGreaterThan(0);
      expect(s.task.length).toBeLessThanOrEqual(500);
      expect(s.days, topic).toBeGreaterThan(0);
    }
  });

  it('prefills a 四方联席 item due in 7 days, across a month end', () => {
    expect(suggestItem(DEFAULT_SUPERVISION_SUGGESTIONS, 'deliberationCoverage', '2026-02-25')).toEqual({
      problem: '四方联席会议覆盖率未达标',
      task: '组织召开四方联席会议',
      deadline: '2026-03-04',
    });
    expect(suggestItem(DEFAULT_SUPERVISION_SUGGESTIONS, 'committeeRate', '2026-01-01').deadline).toBe('2026-01-31');
  });
});
