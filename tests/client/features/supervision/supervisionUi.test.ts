/**
 * The supervision screens' pure parts: the light in words (never colour alone), the topic a problem
 * seen on the board is about, and the wall's scene — by township with its lights, the oldest
 * overdue first, in the default rotation only when the city has items.
 */
import { describe, expect, it } from 'vitest';
import { zhCN, type MessageKey } from '../../../../client/src/i18n/zh-CN.ts';
import { en } from '../../../../client/src/i18n/en.ts';
import {
  blackListTopic,
  lightText,
  openFirst,
  worstIndicator,
  type SupervisionItem,
} from '../../../../client/src/features/supervision/supervisionUi.ts';
import { scenesInRotation } from '../../../../client/src/features/wall/scenePlan.ts';
import {
  oldestOverdue,
  openByTownship,
  supervisionShading,
} from '../../../../client/src/features/wall/supervisionFacts.ts';
import { WALL_SCENES } from '../../../../client/src/features/wall/wallParams.ts';

const t = (key: MessageKey, params: Record<string, string | number> = {}) =>
  zhCN[key].replace(/\{(\w+)\}/g, (_, k: string) => String(params[k]));

let nextId = 1;
function item(over: Partial<SupervisionItem>): SupervisionItem {
  return {
    id: nextId++,
    townshipCode: '350582101',
    townshipName: '青阳街道',
    state: 'pending',
    light: 'green',
    daysLeft: 10,
    overdue: false,
    deadline: '2026-12-15',
    closedAt: null,
    task: '组织召开四方联席会议',
    ...over,
  } as SupervisionItem;
}

describe('the light in words', () => {
  it('says how many days are left, due today, how long overdue, and whether it was closed in time', () => {
    expect(lightText(item({ light: 'green', daysLeft: 5 }), t)).toBe('剩余5天');
    expect(lightText(item({ light: 'yellow', daysLeft: 1 }), t)).toBe('剩余1天');
    expect(lightText(item({ light: 'yellow', daysLeft: 0 }), t)).toBe('今日到期');
    expect(lightText(item({ light: 'red', daysLeft: -3 }), t)).toBe('逾期3天');
    // Closed at 23:30 Shanghai on the deadline day (15:30 UTC) is in time; 00:30 the next day is late.
    const closed = { light: null, deadline: '2026-12-01' } as const;
    expect(lightText(item({ ...closed, closedAt: '2026-12-01T15:30:00.000Z' }), t)).toBe('按期销号');
    expect(lightText(item({ ...closed, closedAt: '2026-12-01T16:30:00.000Z' }), t)).toBe('逾期销号');
  });

  it('has every supervision message in English too', () => {
    const keys = Object.keys(zhCN).filter((k) => k.startsWith('supervision.')) as MessageKey[];
    expect(keys.length).toBeGreaterThan(50);
    for (const k of keys) expect(en[k], k).toBeTruthy();
  });
});

describe('what an item from the board is about', () => {
  const ranks = (r: number[]) =>
    Object.fromEntries(
      ['partyOrgCoverage', 'committeeRate', 'deliberationCoverage', 'serviceQuality', 'petitionRate'].map((k, i) => [
        k,
        { rank: r[i] ?? null },
      ]),
    ) as Parameters<typeof worstIndicator>[0];
  it('takes the black-list rule, else the township’s worst-ranked indicator', () => {
    expect(blackListTopic(['bottom', 'overdueShare'], ranks([1, 1, 1, 1, 1]))).toBe('overdueIssues');
    expect(blackListTopic(['deliberationCoverage'], ranks([1, 1, 1, 1, 1]))).toBe('deliberationCoverage');
    expect(blackListTopic(['bottom'], ranks([1, 3, 2, 19, 4]))).toBe('serviceQuality');
    expect(worstIndicator(ranks([null as never, 2, 2, 1, 1]))).toBe('committeeRate');
  });
  it('lists open items before closed ones, keeping the server’s order', () => {
    const a = item({ state: 'closed' });
    const b = item({ overdue: true });
    const c = item({});
    expect(openFirst([a, b, c]).map((i) => i.id)).toEqual([b.id, c.id, a.id]);
  });
});

describe('the wall’s supervision scene', () => {
  const items = [
    item({ townshipCode: 'A', townshipName: '甲镇', light: 'red', overdue: true, daysLeft: -2 }),
    item({ townshipCode: 'B', townshipName: '乙镇', light: 'red', overdue: true, daysLeft: -9 }),
    item({ townshipCode: 'B', townshipName: '乙镇', light: 'yellow', daysLeft: 2 }),
    item({ townshipCode: 'C', townshipName: '丙镇', light: 'green' }),
    item({ townshipCode: 'C', townshipName: '丙镇', light: 'green' }),
    item({ townshipCode: 'D', townshipName: '丁镇', light: null, state: 'closed' }),
  ];
  it('counts open items by township and light, the most overdue first; closed ones not at all', () => {
    expect(openByTownship(items)).toEqual([
      { code: 'B', name: '乙镇', open: 2, overdue: 1, yellow: 1, green: 0 },
      { code: 'A', name: '甲镇', open: 1, overdue: 1, yellow: 0, green: 0 },
      { code: 'C', name: '丙镇', open: 2, overdue: 0, yellow: 0, green: 2 },
    ]);
  });
  it('lists the longest overdue first and shades each township by its worst light', () => {
    expect(oldestOverdue(items).map((i) => [i.townshipName, i.daysLeft])).toEqual([
      ['乙镇', -9],
      ['甲镇', -2],
    ]);
    const shading = supervisionShading(items);
    expect(shading.entries.map((e) => [e.id, e.count])).toEqual([
      ['red', 2],
      ['yellow', 0],
      ['green', 1],
    ]);
    expect(shading.shading.colorOf('D')).toBeNull();
    expect(shading.shading.colorOf('B')).toEqual(shading.shading.colorOf('A'));
  });
  it('rotates only when the city has items, unless the address names it', () => {
    expect(scenesInRotation(WALL_SCENES, false, 0)).not.toContain('supervision');
    expect(scenesInRotation(WALL_SCENES, false, undefined)).not.toContain('supervision');
    expect(scenesInRotation(WALL_SCENES, false, 3)).toContain('supervision');
    expect(scenesInRotation(['supervision'], true, 0)).toEqual(['supervision']);
  });
});
