/**
 * Owners'-committee terms (业委会). About 40 % of the compounds have a committee in office at
 * the start of 2024 (terms formed 2019–2023, five-year terms, re-elected on the day the old
 * term ends); the rest form through 2024–2025 (≈ 83 % by March 2025, all by about
 * September 2025). A few committees leave office early and are re-formed weeks later, so
 * the rate does not stay flat at 100 %. Committees formed from 2024 on have a party-member
 * majority far more often; exactly 59 committees in office on asOf are chaired by the
 * compound's party secretary (一肩挑).
 */
import type { committeeTerms } from '../../../../data/schema/index.ts';
import type { CompoundPlan } from './compounds.ts';
import { addYears, dayNumberOf, toDayNumber, fromDayNumber } from '../../../../shared/time/dates.ts';
import { clamp, type Random } from './random.ts';
import { dayAtFraction } from './schedule.ts';

export type CommitteeRow = typeof committeeTerms.$inferInsert;

export const INITIAL_COMMITTEE_RATE = 0.405;
export const CHAIR_IS_SECRETARY_ON_AS_OF = 59;

interface Term {
  compoundId: number;
  formed: number;
  termEnd: number;
  ended: number | null;
  members: number;
  partyMembers: number;
  chair: boolean;
}

export function generateCommitteeTerms(
  rng: Random,
  compounds: readonly CompoundPlan[],
  lag: readonly number[],
  asOf: string,
): CommitteeRow[] {
  const asOfDay = toDayNumber(asOf);
  const firstFormed = new Map<number, number>();
  const original = compounds.filter((c) => !c.isNewBuild);
  const ranked = original
    .map((c) => ({
      c,
      key:
        (c.kind === 'commercial' ? 1 : c.kind === 'old' ? -0.8 : 0) +
        0.5 * c.quality -
        0.5 * lag[c.townshipIndex]! +
        rng.normal(0, 0.8),
    }))
    .sort((a, b) => b.key - a.key || a.c.row.id - b.c.row.id);
  const initialCount = Math.round(INITIAL_COMMITTEE_RATE * original.length);
  for (const { c } of ranked.slice(0, initialCount))
    firstFormed.set(c.row.id, rng.int(dayNumberOf(2019, 1, 16), dayNumberOf(2023, 12, 20)));
  const later = ranked.slice(initialCount).map((r) => r.c);
  const schedule = [
    [0, dayNumberOf(2024, 1, 16)],
    [0.719, dayNumberOf(2025, 3, 4)],
    [0.84, dayNumberOf(2025, 5, 31)],
    [1, dayNumberOf(2025, 9, 12)],
  ] as const;
  later.forEach((c, i) => {
    const f = (i + rng.next()) / later.length;
    firstFormed.set(
      c.row.id,
      clamp(dayAtFraction(schedule, f) + rng.int(-7, 7), dayNumberOf(2024, 1, 16), dayNumberOf(2025, 9, 12)),
    );
  });
  for (const c of compounds.filter((x) => x.isNewBuild)) {
    const formed = c.listedDay + rng.int(75, 160);
    firstFormed.set(
      c.row.id,
      c.listedDay <= dayNumberOf(2025, 6, 30) ? Math.min(formed, dayNumberOf(2025, 9, 12)) : formed,
    );
  }

  // Early ends: about five a year, each re-formed 2–8 weeks later.
  const earlyEnds = new Map<number, number[]>();
  const firstEvent = dayNumberOf(2024, 4, 1);
  if (asOfDay - 10 > firstEvent) {
    const count = Math.round(((asOfDay - firstEvent) / 365) * 5);
    const ids = [...firstFormed.keys()].sort((a, b) => a - b);
    for (let i = 0; i < count; i++) {
      const day = rng.int(firstEvent, asOfDay - 10);
      const eligible = ids.filter((id) => firstFormed.get(id)! <= day - 120);
      if (eligible.length === 0) continue;
      const id = rng.pick(eligible);
      earlyEnds.set(
        id,
        [...(earlyEnds.get(id) ?? []), day].sort((a, b) => a - b),
      );
    }
  }

  const terms: Term[] = [];
  for (const c of compounds) {
    let formed = firstFormed.get(c.row.id);
    const events = earlyEnds.get(c.row.id) ?? [];
    while (formed !== undefined && formed <= asOfDay) {
      const termEnd = toDayNumber(addYears(fromDayNumber(formed), 5));
      const start = formed;
      const ended = events.find((e) => e > start + 90 && e < termEnd) ?? null;
      terms.push({ compoundId: c.row.id, formed, termEnd, ended, ...composition(rng, formed), chair: false });
      formed = ended !== null ? ended + rng.int(14, 56) : termEnd;
    }
  }

  // 一肩挑: exactly 59 of the committees in office on asOf (party-majority ones first).
  const inOffice = (t: Term) => t.formed <= asOfDay && asOfDay < t.termEnd && (t.ended === null || asOfDay < t.ended);
  const current = terms
    .filter(inOffice)
    .map((t) => ({ t, key: t.partyMembers / t.members + rng.normal(0, 0.25) }))
    .sort((a, b) => b.key - a.key || a.t.compoundId - b.t.compoundId);
  current.slice(0, CHAIR_IS_SECRETARY_ON_AS_OF).forEach(({ t }) => {
    t.chair = true;
  });
  for (const t of terms) if (!inOffice(t)) t.chair = t.partyMembers > 0 && rng.chance(0.12);
  for (const t of terms) if (t.chair && t.partyMembers === 0) t.partyMembers = 1;

  return terms.map((t) => ({
    compoundId: t.compoundId,
    formedOn: fromDayNumber(t.formed),
    termEnd: fromDayNumber(t.termEnd),
    endedOn: t.ended !== null && t.ended <= asOfDay ? fromDayNumber(t.ended) : null,
    members: t.members,
    partyMembers: t.partyMembers,
    chairIsPartySecretary: t.chair,
  }));
}

function composition(rng: Random, formed: number): { members: number; partyMembers: number } {
  const members = rng.weighted([
    [5, 35],
    [7, 45],
    [9, 14],
    [6, 3],
    [8, 2],
    [11, 1],
  ] as const);
  const half = Math.ceil(members / 2);
  const majority = rng.chance(formed < dayNumberOf(2024, 1, 1) ? 0.4 : 0.85);
  const partyMembers = majority
    ? Math.min(
        members,
        half +
          rng.weighted([
            [0, 5],
            [1, 3],
            [2, 1],
          ] as const),
      )
    : rng.int(Math.max(0, half - 3), half - 1);
  return { members, partyMembers };
}
