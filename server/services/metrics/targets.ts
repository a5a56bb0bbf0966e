/**
 * Targets are data: each has an indicator, a scope (the city, or one township), a value, a
 * deadline, a source (published | assumed) and a note. The goal that applies on a day is the one
 * with the nearest deadline not yet passed; once every deadline has passed, the last one holds.
 * A township without its own target follows the city's.
 */
import { asc, isNull } from 'drizzle-orm';
import { targets } from '../../../data/schema/index.ts';
import type { Db } from '../../db/connection.ts';
import type { IndicatorKey } from '../../../shared/indicators/index.ts';

export interface Target {
  id: number;
  indicator: IndicatorKey;
  /** null = the city. */
  townshipCode: string | null;
  value: number;
  deadline: string;
  source: 'published' | 'assumed';
  note: string;
}

/** The targets in force (retired ones are kept for the history, and apply no more). */
export async function loadTargets(db: Db): Promise<Target[]> {
  return db
    .select({
      id: targets.id,
      indicator: targets.indicator,
      townshipCode: targets.townshipCode,
      value: targets.value,
      deadline: targets.deadline,
      source: targets.source,
      note: targets.note,
    })
    .from(targets)
    .where(isNull(targets.retiredAt))
    .orderBy(asc(targets.deadline), asc(targets.id));
}

export function applicableTarget(
  all: readonly Target[],
  /** A key without targets (an indicator added in code only) has none. */
  indicator: string,
  townshipCode: string | null,
  asOf: string,
): Target | null {
  const own = all.filter((t) => t.indicator === indicator && t.townshipCode === townshipCode);
  const candidates =
    own.length > 0 || townshipCode === null
      ? own
      : all.filter((t) => t.indicator === indicator && t.townshipCode === null);
  if (candidates.length === 0) return null;
  const sorted = [...candidates].sort((a, b) =>
    a.deadline < b.deadline ? -1 : a.deadline > b.deadline ? 1 : a.id - b.id,
  );
  return sorted.find((t) => t.deadline >= asOf) ?? sorted.at(-1)!;
}
