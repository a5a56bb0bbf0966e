/**
 * The SQL that turns a compound's records into its count changes, and the database functions
 * that keep the counts timeline current in the writer's own transaction. The functions live in
 * the database (migration counts_timeline_per_compound: the triggers call them, whichever process
 * writes), and their text is generated here, from one definition: `timelineFunctionsSql()` is what
 * the migration holds below its `-- hand-written below` line (a test checks they are the same).
 *
 * Every count is a sum over compounds of something that holds on half-open day ranges: a
 * compound is in scope on [listedOn, ∞), has a party organisation on the union of its
 * organisations' ranges, an open issue contributes 1 on [openedOn, closedOn), a petition 1 on
 * [receivedOn, receivedOn + 28), a meeting makes [heldOn, heldOn + 30) covered, and so on. Each
 * range, clipped to the compound's listing, becomes +v on its first day and −v on its end day.
 */
import { DELIBERATION_WINDOW_DAYS, PETITION_WINDOW_DAYS } from '../../../shared/indicators/index.ts';

/** The count columns of township_counts_timeline (also the column names of CountsRow). */
export const COLUMNS = [
  'compounds',
  'households',
  'with_party_org',
  'with_committee',
  'with_recent_meeting',
  'managed_evaluated',
  'managed_four_star_plus',
  'petitions',
  'managed',
  'party_majority_committees',
  'chair_is_secretary',
  'open_issues',
  'overdue_issues',
  'r5',
  'r4',
  'r3',
  'r2',
  'r1',
  'rfail',
  'model_homes',
] as const;
export type Column = (typeof COLUMNS)[number];

export const FOREVER = `'infinity'::date`;

export const columnIndex = (column: Column) => COLUMNS.indexOf(column);

/**
 * Each range [a, b) of a compound (cid) as two changes: +v on day a and −v on day b (none for a
 * range without end; none at all for an empty range).
 */
export function changes(
  from: string,
  column: Column | { sql: string },
  options: { value?: string; where?: string } = {},
): string {
  const col = typeof column === 'string' ? String(columnIndex(column)) : column.sql;
  const v = options.value ?? '1';
  const where = options.where ? ` and (${options.where})` : '';
  return `select cid, a as day, ${col} as col, ${v} as v from ${from} where a < b${where}
    union all select cid, b, ${col}, -(${v}) from ${from} where a < b and b < ${FOREVER}${where}`;
}

/**
 * Overlapping ranges of one compound merged into disjoint islands (a compound with two party
 * organisations at once counts once): a range starts a new island when it begins after every
 * earlier range of the compound has ended.
 */
function islands(name: string, source: string): string {
  return `${name}_marked as (
      select cid, a, b, case when a <= max(b) over (partition by cid order by a, b rows between unbounded preceding and 1 preceding)
        then 0 else 1 end as starts
      from (${source}) s
    ),
    ${name} as (
      select cid, min(a) as a, max(b) as b from (
        select cid, a, b, sum(starts) over (partition by cid order by a, b rows unbounded preceding) as island from ${name}_marked
      ) m group by cid, island
    )`;
}

const RATING_COLUMN = `case rating when '5' then ${columnIndex('r5')} when '4' then ${columnIndex('r4')} when '3' then ${columnIndex('r3')}
  when '2' then ${columnIndex('r2')} when '1' then ${columnIndex('r1')} else ${columnIndex('rfail')} end`;

/**
 * More changes on columns numbered after COLUMNS (the compound's own state, not counted per
 * township), given the filter of the records to read: CTEs (they may use `meeting_run`) and a
 * union of (cid, day, col, v) selects.
 */
export type ExtraChanges = (inTarget: string) => { ctes: string; changes: string };

/**
 * The net changes (compound, township, day, column, ±v) of every compound (`all`: sequential
 * scans) or of the compounds in the array parameter `ids` (index scans by compound). Nothing
 * counts before the compound is listed: a range [a, b) counts on [max(a, listed), b), i.e. both
 * its changes move to max(day, listed) (a range ending before the listing nets 0). A compound
 * that no longer exists has no changes.
 */
export function compoundChangesQuery(scope: 'all' | 'ids', extra?: ExtraChanges): string {
  const all = scope === 'all';
  const IN_TARGET = all ? '' : 'where compound_id = any(ids)';
  const more = extra?.(IN_TARGET);
  const COMPOUND_IN_TARGET = all ? 'true' : 'id = any(ids)';
  return `with
  ${islands('org', `select compound_id as cid, established_on as a, coalesce(dissolved_on, ${FOREVER}) as b from party_organisations ${IN_TARGET}`)},
  ${islands('managed', `select compound_id as cid, start_on as a, coalesce(end_on, ${FOREVER}) as b from property_contracts ${IN_TARGET}`)},
  -- A meeting covers [heldOn, heldOn + 30); consecutive meetings less than 30 days apart make
  -- one covered stretch, which starts at its first meeting and ends 30 days after its last.
  meeting_run as (
    select compound_id as cid, held_on, held_on - lag(held_on) over w as since_previous, lead(held_on) over w - held_on as to_next
    from meetings ${IN_TARGET} window w as (partition by compound_id order by held_on)
  ),
  committee_term as (
    select compound_id as cid, formed_on as a, least(term_end, coalesce(ended_on, ${FOREVER})) as b from committee_terms ${IN_TARGET}
  ),
  -- Between consecutive start/end days of a compound's terms the terms in office do not change;
  -- the one shown is the latest formed (as in the direct computation), found by index.
  committee_day as (
    select cid, a as day from committee_term union select cid, b from committee_term where b < ${FOREVER}
  ),
  committee_piece as (
    select cid, day as a, coalesce(lead(day) over (partition by cid order by day), ${FOREVER}) as b from committee_day
  ),
  committee as (
    select p.cid, p.a, p.b, t.members, t.party_members, t.chair_is_party_secretary
    from committee_piece p cross join lateral (
      select members, party_members, chair_is_party_secretary from committee_terms t
      where t.compound_id = p.cid and t.formed_on <= p.a and p.a < least(t.term_end, coalesce(t.ended_on, ${FOREVER}))
      order by t.formed_on desc, t.id desc limit 1
    ) t
  ),
  -- An evaluation is the latest from its day until the compound's next one (same-day ties: the
  -- higher id wins, the other gets an empty range); it counts while under property management.
  latest_rating as (
    select compound_id as cid, evaluated_on as a,
      coalesce(lead(evaluated_on) over (partition by compound_id order by evaluated_on, id), ${FOREVER}) as b, rating
    from evaluations ${IN_TARGET}
  ),
  -- Each read once (they are the bulk of the records), then split into their changes.
  petition as materialized (select compound_id as cid, received_on as a, received_on + ${PETITION_WINDOW_DAYS} as b from petitions ${IN_TARGET}),
  issue as materialized (select compound_id as cid, opened_on, closed_on, due_on from resident_issues ${IN_TARGET}),
  ${more ? `${more.ctes},` : ''}
  managed_rating as (
    select r.cid, greatest(r.a, m.a) as a, least(r.b, m.b) as b, r.rating
    from latest_rating r join managed m on m.cid = r.cid and r.a < m.b and m.a < r.b
  ),
  change as (
    ${changes(`(select id as cid, listed_on as a, ${FOREVER} as b from compounds where ${COMPOUND_IN_TARGET}) c`, 'compounds')}
    union all ${changes(`(select id as cid, listed_on as a, ${FOREVER} as b, households from compounds where ${COMPOUND_IN_TARGET}) c`, 'households', { value: 'households' })}
    union all ${changes(`(select id as cid, model_home_since as a, ${FOREVER} as b from compounds where model_home_since is not null and ${COMPOUND_IN_TARGET}) c`, 'model_homes')}
    union all ${changes('org', 'with_party_org')}
    union all ${changes('committee', 'with_committee')}
    union all ${changes('committee', 'party_majority_committees', { where: 'party_members * 2 >= members' })}
    union all ${changes('committee', 'chair_is_secretary', { where: 'chair_is_party_secretary' })}
    union all select cid, held_on, ${columnIndex('with_recent_meeting')}, 1 from meeting_run
      where since_previous is null or since_previous >= ${DELIBERATION_WINDOW_DAYS}
    union all select cid, held_on + ${DELIBERATION_WINDOW_DAYS}, ${columnIndex('with_recent_meeting')}, -1 from meeting_run
      where to_next is null or to_next >= ${DELIBERATION_WINDOW_DAYS}
    union all ${changes('managed', 'managed')}
    union all ${changes('managed_rating', 'managed_evaluated')}
    union all ${changes('managed_rating', 'managed_four_star_plus', { where: `rating in ('5', '4')` })}
    union all ${changes('managed_rating', { sql: RATING_COLUMN })}
    union all ${changes('petition', 'petitions')}
    union all ${changes(`(select cid, opened_on as a, coalesce(closed_on, ${FOREVER}) as b from issue) i`, 'open_issues')}
    union all ${changes(`(select cid, due_on + 1 as a, coalesce(closed_on, ${FOREVER}) as b from issue) i`, 'overdue_issues')}
    ${more ? `union all ${more.changes}` : ''}
  )
  select x.cid, c.township_code, greatest(x.day, c.listed_on) as day, x.col::smallint as col, sum(x.v)::int as v
  from change x join (select id, township_code, listed_on from compounds where ${COMPOUND_IN_TARGET}) c on c.id = x.cid
  group by 1, 2, 3, 4 having sum(x.v) <> 0`;
}
