/**
 * The five compound-level warning rules, each one statement on the records as of a day D
 * (Asia/Shanghai calendar days, half-open ranges as everywhere in OneMap). Each returns every
 * cause it finds on D — new or already raised — so the runner can tell new causes from old ones
 * and resolve the warnings whose cause is gone.
 */
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/connection.ts';
import { queryRows } from '../../db/rows.ts';
import { addDays, daysBetween, fromDayNumber, toDayNumber } from '../../../shared/time/dates.ts';
import { PETITION_WINDOW_DAYS } from '../../../shared/indicators/index.ts';
import type { WarningRuleKey } from '../../../shared/supervision/warnings.ts';
import type { IndicatorKey } from '../../../shared/indicators/keys.ts';

export interface WarningHit {
  rule: WarningRuleKey;
  /** Unique per cause (data/schema/warnings.ts lists the forms). */
  causeKey: string;
  townshipCode: string;
  compoundCode: string | null;
  indicator: IndicatorKey | null;
  details: string;
  figures: Record<string, string | number | null>;
}

interface CompoundRow extends Record<string, unknown> {
  code: string;
  name: string;
  township_code: string;
}

const day = (d: string) => sql`${d}::date`;

/** No 四方联席 meeting in the last N days (counting D): since the last meeting, or since listing. */
export async function noMeetingHits(db: Db, asOf: string, n: number): Promise<WarningHit[]> {
  const rows = await queryRows<CompoundRow & { listed_on: string; last: string | null }>(
    db,
    sql`select c.code, c.name, c.township_code, c.listed_on::text as listed_on, m.last::text as last
      from compounds c
      left join (select compound_id, max(held_on) as last from meetings where held_on <= ${day(asOf)} group by compound_id) m
        on m.compound_id = c.id
      where c.listed_on <= ${day(asOf)} and coalesce(m.last, c.listed_on) <= ${day(addDays(asOf, -n))}
      order by c.code`,
  );
  return rows.map((r) => {
    const days = daysBetween(r.last ?? r.listed_on, asOf);
    return {
      rule: 'noMeeting',
      causeKey: `noMeeting:${r.code}:${r.last ?? 'none'}`,
      townshipCode: r.township_code,
      compoundCode: r.code,
      indicator: null,
      details: r.last
        ? `${r.name}已${days}天未召开四方联席会议（上次：${r.last}）`
        : `${r.name}自${r.listed_on}纳入台账以来未召开四方联席会议（${days}天）`,
      figures: { days, lastMeeting: r.last, threshold: n },
    };
  });
}

/**
 * A committee term in office on D that ends (term_end, exclusive) within N days, with no later
 * term recorded for the compound (a re-election is recorded as the next term, whatever its date).
 * Once the term is over the warning is resolved: the 业委会组建率 shows the compound from then on.
 */
export async function termEndingHits(db: Db, asOf: string, n: number): Promise<WarningHit[]> {
  const rows = await queryRows<CompoundRow & { id: number; term_end: string }>(
    db,
    sql`select t.id, c.code, c.name, c.township_code, t.term_end::text as term_end
      from committee_terms t join compounds c on c.id = t.compound_id
      where c.listed_on <= ${day(asOf)} and t.formed_on <= ${day(asOf)} and ${day(asOf)} < t.term_end
        and t.term_end <= ${day(addDays(asOf, n))} and (t.ended_on is null or ${day(asOf)} < t.ended_on)
        and not exists (select 1 from committee_terms l
          where l.compound_id = t.compound_id and l.id <> t.id and l.formed_on > t.formed_on)
      order by c.code, t.id`,
  );
  return rows.map((r) => {
    const days = daysBetween(asOf, r.term_end);
    return {
      rule: 'termEnding',
      causeKey: `termEnding:${r.code}:term-${r.id}`,
      townshipCode: r.township_code,
      compoundCode: r.code,
      indicator: null,
      details: `${r.name}业委会任期将于${r.term_end}届满（还剩${days}天），尚未登记换届`,
      figures: { days, termEnd: r.term_end, termId: r.id, threshold: n },
    };
  });
}

/** A resident issue open on D and past its due day by more than N days (overdue from the day after due_on). */
export async function issueOverdueHits(db: Db, asOf: string, n: number): Promise<WarningHit[]> {
  const rows = await queryRows<CompoundRow & { id: number; due_on: string; summary: string }>(
    db,
    sql`select i.id, c.code, c.name, c.township_code, i.due_on::text as due_on, i.summary
      from resident_issues i join compounds c on c.id = i.compound_id
      where i.opened_on <= ${day(asOf)} and coalesce(i.closed_on, '9999-12-31'::date) > ${day(asOf)}
        and i.due_on < ${day(addDays(asOf, -n))}
      order by i.id`,
  );
  return rows.map((r) => {
    const days = daysBetween(r.due_on, asOf);
    const what = r.summary ? `“${r.summary.slice(0, 40)}”` : `#${r.id}`;
    return {
      rule: 'issueOverdue',
      causeKey: `issueOverdue:issue-${r.id}`,
      townshipCode: r.township_code,
      compoundCode: r.code,
      indicator: null,
      details: `${r.name}居民诉求${what}已逾期${days}天未办结（办理期限${r.due_on}）`,
      figures: { days, dueOn: r.due_on, issueId: r.id, threshold: n },
    };
  });
}

const STARS: Record<string, number> = { '5': 5, '4': 4, '3': 3, '2': 2, '1': 1, fail: 0 };
const ratingText = (r: string) => (r === 'fail' ? '未达标' : `${r}星`);

/** The latest evaluation on or before D is N stars or more below the one before it, or fell to 未达标. */
export async function ratingDropHits(db: Db, asOf: string, n: number): Promise<WarningHit[]> {
  const rows = await queryRows<
    CompoundRow & { id: number; rating: string; evaluated_on: string; prev_rating: string; prev_on: string }
  >(
    db,
    sql`with ranked as (
        select id, compound_id, rating, evaluated_on,
          row_number() over (partition by compound_id order by evaluated_on desc, id desc) as n
        from evaluations where evaluated_on <= ${day(asOf)})
      select l.id, l.rating, l.evaluated_on::text as evaluated_on, p.rating as prev_rating,
        p.evaluated_on::text as prev_on, c.code, c.name, c.township_code
      from ranked l join ranked p on p.compound_id = l.compound_id and p.n = 2
      join compounds c on c.id = l.compound_id
      where l.n = 1 and c.listed_on <= ${day(asOf)}
      order by c.code`,
  );
  return rows
    .filter((r) => {
      const drop = STARS[r.prev_rating]! - STARS[r.rating]!;
      return drop >= n || (r.rating === 'fail' && r.prev_rating !== 'fail');
    })
    .map((r) => ({
      rule: 'ratingDrop',
      causeKey: `ratingDrop:${r.code}:eval-${r.id}`,
      townshipCode: r.township_code,
      compoundCode: r.code,
      indicator: null,
      details: `${r.name}物业考评由${ratingText(r.prev_rating)}（${r.prev_on}）降为${ratingText(r.rating)}（${r.evaluated_on}）`,
      figures: { rating: r.rating, previous: r.prev_rating, evaluatedOn: r.evaluated_on, evaluationId: r.id },
    }));
}

/**
 * More than N petitions and disputes received in a compound in the 28 days ending on D. The cause
 * is the surge: keyed by its first day (the first day of the run of days, up to D, on which the
 * 28-day count was above N), so a surge lasting weeks is one warning and a later one another.
 */
export async function petitionSurgeHits(db: Db, asOf: string, n: number): Promise<WarningHit[]> {
  const from = addDays(asOf, -(PETITION_WINDOW_DAYS - 1));
  const rows = await queryRows<CompoundRow & { id: number; count: number }>(
    db,
    sql`select c.id, c.code, c.name, c.township_code, count(*)::int as count
      from petitions p join compounds c on c.id = p.compound_id
      where p.received_on between ${day(from)} and ${day(asOf)}
      group by c.id, c.code, c.name, c.township_code having count(*) > ${n}
      order by c.code`,
  );
  const hits: WarningHit[] = [];
  for (const r of rows) {
    const received = await queryRows<{ d: string }>(
      db,
      sql`select received_on::text as d from petitions
        where compound_id = ${r.id} and received_on between ${day(addDays(asOf, -400))} and ${day(asOf)}`,
    );
    const start = surgeStart(
      received.map((x) => x.d),
      asOf,
      n,
    );
    hits.push({
      rule: 'petitionSurge',
      causeKey: `petitionSurge:${r.code}:${start}`,
      townshipCode: r.township_code,
      compoundCode: r.code,
      indicator: null,
      details: `${r.name}近28天新增信访件和矛盾纠纷${r.count}件（超过${n}件），自${start}起持续偏多`,
      figures: { count: r.count, since: start, threshold: n },
    });
  }
  return hits;
}

/** The first day of the run of days ending on `asOf` whose 28-day count of `dates` is above n. */
export function surgeStart(dates: readonly string[], asOf: string, n: number): string {
  const perDay = new Map<number, number>();
  for (const d of dates) perDay.set(toDayNumber(d), (perDay.get(toDayNumber(d)) ?? 0) + 1);
  const end = toDayNumber(asOf);
  let count = 0;
  for (let d = end - PETITION_WINDOW_DAYS + 1; d <= end; d++) count += perDay.get(d) ?? 0;
  let start = end;
  // Walk back a day at a time: the window [d-27, d] loses day d and gains day d-28.
  for (let d = end; count > n; d--) {
    start = d;
    count += (perDay.get(d - PETITION_WINDOW_DAYS) ?? 0) - (perDay.get(d) ?? 0);
    if (end - d > 400) break;
  }
  return fromDayNumber(start);
}
