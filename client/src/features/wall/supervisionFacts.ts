/**
 * The wall's supervision (督办) scene from the item list: open and overdue items by township, the
 * oldest overdue first, and the map shaded by the worst light of each township's open items
 * (red: something overdue; yellow: due within 3 days; green: open, in time). Pure.
 */
import { hexToRgb } from '../../../../shared/colours/judgement.ts';
import { DEADLINE_LIGHT_COLOURS } from '../../../../shared/supervision/index.ts';
import type { RouterOutputs } from '../../app/trpc.ts';
import { classed, shade, type WallShading } from './wallShading.ts';

export type WallItem = RouterOutputs['supervision']['list'][number];

export interface TownshipLoad {
  code: string;
  name: string;
  open: number;
  overdue: number;
  /** Open items by light: red (overdue) = overdue, yellow (due within 3 days), green (in time). */
  yellow: number;
  green: number;
}

/** Townships with open items, most overdue first, then most open, then by name. */
export function openByTownship(items: readonly WallItem[]): TownshipLoad[] {
  const by = new Map<string, TownshipLoad>();
  for (const i of items) {
    if (i.state === 'closed') continue;
    const row = by.get(i.townshipCode) ?? {
      code: i.townshipCode,
      name: i.townshipName,
      open: 0,
      overdue: 0,
      yellow: 0,
      green: 0,
    };
    row.open += 1;
    if (i.light === 'red') row.overdue += 1;
    else if (i.light === 'yellow') row.yellow += 1;
    else row.green += 1;
    by.set(i.townshipCode, row);
  }
  return [...by.values()].sort(
    (a, b) => b.overdue - a.overdue || b.open - a.open || a.name.localeCompare(b.name, 'zh-CN'),
  );
}

/** Overdue items, the longest overdue first (then by id, so the order holds between refreshes). */
export function oldestOverdue(items: readonly WallItem[]): WallItem[] {
  return items.filter((i) => i.overdue).sort((a, b) => a.daysLeft - b.daysLeft || a.id - b.id);
}

/** Each township by the worst light among its open items; townships without open items unshaded. */
export function supervisionShading(items: readonly WallItem[]): WallShading {
  const rank = { green: 1, yellow: 2, red: 3 } as const;
  const worst = new Map<string, 'green' | 'yellow' | 'red'>();
  for (const i of items) {
    if (i.light === null) continue;
    const was = worst.get(i.townshipCode);
    if (!was || rank[i.light] > rank[was]) worst.set(i.townshipCode, i.light);
  }
  const colour = (l: 'green' | 'yellow' | 'red') => shade(hexToRgb(DEADLINE_LIGHT_COLOURS[l].dark));
  return classed(
    'supervision.wall.key',
    [
      { id: 'red', label: 'supervision.wall.keyRed', color: colour('red') },
      { id: 'yellow', label: 'supervision.wall.keyYellow', color: colour('yellow') },
      { id: 'green', label: 'supervision.wall.keyGreen', color: colour('green') },
    ],
    worst,
  );
}
