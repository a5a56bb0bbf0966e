/**
 * The SQL of each compound's state ranges (table `compound_state_ranges`): what the compound
 * table, the workbench and the drill-through show of a compound on a day, as a step function of
 * the day. It is built from the same per-compound changes as the counts timeline (timelineSql.ts):
 * a compound's running sum of its changes, column by column and day by day, is its state from that
 * day until its next change. The counts columns already say most of it (a committee in office,
 * a party majority, the rating while managed, open and overdue issues, petitions in the window);
 * the columns below add what a count cannot say (which company, which kind of organisation, the
 * last meeting's day, how the last committee ended), encoded as integers so that they too are
 * sums of changes: each value v over [a, b) is +v on day a and −v on day b.
 *
 * Dates are calendar days in Asia/Shanghai; ranges are half-open, [from, to).
 */
import { changes, COLUMNS, columnIndex, FOREVER, type ExtraChanges } from './timelineSql.ts';

/** The state-only columns, numbered after COLUMNS (never summed per township). */
export const STATE_COLUMNS = [
  'property_company',
  'party_org_type',
  'last_meeting',
  'committee_fact_day',
  'committee_fact_ended',
] as const;
type StateColumn = (typeof STATE_COLUMNS)[number];

const stateIndex = (column: StateColumn) => COLUMNS.length + STATE_COLUMNS.indexOf(column);

/** A day as a positive integer (0 stays free for "none"), and back. */
const DAY_ZERO = `date '0001-01-01'`;
const encodeDay = (day: string) => `(${day} - ${DAY_ZERO} + 1)`;
const decodeDay = (v: string) => `case when ${v} > 0 then ${DAY_ZERO} + (${v} - 1)::int end`;

const ORG_TYPES = ['standalone', 'combined', 'joint'] as const;
const RATINGS = [
  ['r5', '5'],
  ['r4', '4'],
  ['r3', '3'],
  ['r2', '2'],
  ['r1', '1'],
  ['rfail', 'fail'],
] as const;

/**
 * Pieces between consecutive start and end days of a compound's overlapping ranges, each with
 * the latest-started range in force on it (ties: the higher id), as the direct statement picks it.
 */
function latestInForce(name: string, table: string, start: string, end: (alias: string) => string, inTarget: string) {
  return `${name}_day as (
    select compound_id as cid, ${start} as day from ${table} ${inTarget}
    union select compound_id, ${end(table)} from ${table} ${inTarget}
  ),
  ${name}_piece as (
    select cid, day as a, coalesce(lead(day) over (partition by cid order by day), ${FOREVER}) as b from ${name}_day where day < ${FOREVER}
  ),
  ${name} as (
    select p.cid, p.a, p.b, t.* from ${name}_piece p cross join lateral (
      select x.* from ${table} x where x.compound_id = p.cid and x.${start} <= p.a and p.a < ${end('x')}
      order by x.${start} desc, x.id desc limit 1
    ) t
  )`;
}

/** The state-only changes, added to the counts' changes (compoundChangesQuery's `extra`). */
export const stateChanges: ExtraChanges = (inTarget) => ({
  ctes: `${latestInForce('contract_in_force', 'property_contracts', 'start_on', (t) => `coalesce(${t}.end_on, ${FOREVER})`, inTarget)},
  ${latestInForce('org_in_force', 'party_organisations', 'established_on', (t) => `coalesce(${t}.dissolved_on, ${FOREVER})`, inTarget)},
  -- The latest term formed so far (ties: the higher id), from its formation to the next one's, and how it ends.
  committee_formed as (
    select compound_id as cid, formed_on as a,
      coalesce(lead(formed_on) over (partition by compound_id order by formed_on, id), ${FOREVER}) as b,
      coalesce(ended_on < term_end, false) as ended, case when ended_on < term_end then ended_on else term_end end as ends_on
    from committee_terms ${inTarget}
  )`,
  changes: [
    changes('contract_in_force', { sql: String(stateIndex('property_company')) }, { value: 'company_id' }),
    changes(
      'org_in_force',
      { sql: String(stateIndex('party_org_type')) },
      { value: `case type ${ORG_TYPES.map((t, i) => `when '${t}' then ${i + 1}`).join(' ')} end` },
    ),
    // The last meeting so far: from each meeting until the compound's next one.
    changes(
      `(select cid, held_on as a, coalesce(held_on + to_next, ${FOREVER}) as b, ${encodeDay('held_on')} as held from meeting_run) m`,
      { sql: String(stateIndex('last_meeting')) },
      { value: 'held' },
    ),
    changes('committee_formed', { sql: String(stateIndex('committee_fact_day')) }, { value: encodeDay('ends_on') }),
    changes('committee_formed', { sql: String(stateIndex('committee_fact_ended')) }, { where: 'ended' }),
  ].join('\n    union all '),
});

/** Only the counted columns go to compound_counts_changes and the townships' sums. */
export const COUNTED = `col < ${COLUMNS.length}`;

const sumOf = (i: number) => `coalesce(sum(v) filter (where col = ${i}), 0)`;

/**
 * Replaces the stored ranges of the compounds in `source` (cid, day, col, v: every change of
 * those compounds, counted and state-only) by their running sums: one range per day on which
 * something changes, until the next such day (the last one without end).
 */
export function storeStateRanges(source: string): string {
  const counted = (c: (typeof COLUMNS)[number]) => `s${columnIndex(c)}`;
  const state = (c: StateColumn) => `s${stateIndex(c)}`;
  const used = [
    ...(['with_committee', 'party_majority_committees', 'open_issues', 'overdue_issues', 'petitions'] as const).map(
      columnIndex,
    ),
    ...RATINGS.map(([c]) => columnIndex(c)),
    ...STATE_COLUMNS.map(stateIndex),
  ];
  return `INSERT INTO compound_state_ranges (compound_id, during, property_company_id, party_org_type, committee_in_office,
      committee_party_majority, last_meeting_on, rating, open_issues, overdue_issues, petitions, committee_fact_on, committee_fact_ended)
    SELECT cid, daterange(day, lead(day) OVER w),
      nullif(${state('property_company')}, 0),
      (CASE ${state('party_org_type')} ${ORG_TYPES.map((t, i) => `WHEN ${i + 1} THEN '${t}'`).join(' ')} END)::party_org_type,
      ${counted('with_committee')} > 0, ${counted('party_majority_committees')} > 0,
      ${decodeDay(state('last_meeting'))},
      CASE ${RATINGS.map(([c, r]) => `WHEN ${counted(c)} > 0 THEN '${r}'`).join(' ')} END,
      ${counted('open_issues')}, ${counted('overdue_issues')}, ${counted('petitions')},
      ${decodeDay(state('committee_fact_day'))},
      CASE WHEN ${state('committee_fact_day')} > 0 THEN ${state('committee_fact_ended')} > 0 END
    FROM (
      SELECT cid, day, ${used.map((i) => `sum(s${i}) OVER w AS s${i}`).join(', ')}
      FROM (SELECT cid, day, ${used.map((i) => `${sumOf(i)} AS s${i}`).join(', ')} FROM ${source} GROUP BY cid, day) d
      WINDOW w AS (PARTITION BY cid ORDER BY day)
    ) r
    WINDOW w AS (PARTITION BY cid ORDER BY day)`;
}
