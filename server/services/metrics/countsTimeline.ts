/**
 * The per-township counts as a step function of the day (table `township_counts_timeline`),
 * so that the counts on any day are 19 index probes (≈ 1 ms at any scale) instead of joining
 * every compound with its records (≈ 650 ms per day at ×100).
 *
 * Every count is a sum over compounds of something that holds on half-open day ranges: a
 * compound is in scope on [listedOn, ∞), has a party organisation on the union of its
 * organisations' ranges, an open issue contributes 1 on [openedOn, closedOn), a petition 1 on
 * [receivedOn, receivedOn + 28), a meeting makes [heldOn, heldOn + 30) covered, and so on. Each
 * range, clipped to the compound's listing, becomes +v on its first day and −v on its end day;
 * the running sum of those changes per township is the timeline.
 *
 * Exactness: statement triggers on every table the counts read (migration
 * counts_timeline_triggers) mark the townships whose records changed in `counts_timeline_dirty`,
 * in the writer's own transaction — whichever process writes: this server, the CLI, an import.
 * A lookup checks, in the same statement as the counts, that nothing is marked; otherwise the
 * marked townships are rebuilt first, from the records, in one statement (one snapshot) that
 * also clears exactly the marks it saw. Rebuild cost grows with the township's records: the
 * whole city at ×100 takes seconds (mostly its 1.3 M resident issues and 1.4 M petitions), one
 * township about a seventh of that (its records are read by index, row by row); it is paid
 * once per change, not per query.
 */
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/connection.ts';
import { queryRows } from '../../db/rows.ts';
import { DELIBERATION_WINDOW_DAYS, PETITION_WINDOW_DAYS } from '../../../shared/indicators/index.ts';
import { countsFromRow, type CountsRow, type ScopeCounts } from './scopeCounts.ts';

/** The count columns of township_counts_timeline (also the column names of CountsRow). */
const COLUMNS = [
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
type Column = (typeof COLUMNS)[number];

const FOREVER = `'infinity'::date`;

const columnIndex = (column: Column) => COLUMNS.indexOf(column);

/**
 * Each range [a, b) of a compound (cid) as two changes: +v on day a and −v on day b (none for a
 * range without end; none at all for an empty range). `column` is the SQL giving the column
 * index, `where` picks the ranges that count.
 */
function changes(
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
 * One statement: rebuild the marked townships (all of them when never built or after a TRUNCATE)
 * from the records, and clear the marks it saw — one snapshot, so a change committed meanwhile
 * stays marked for the next rebuild. Changes are kept narrow (compound, day, column, ±v) and
 * summed per township and day, then pivoted and accumulated. Where the time goes at ×100 (see
 * BENCHMARKS.md): the ≈ 8 M changes of 1.3 M resident issues and 1.4 M petitions, joined to their
 * compound's township and listing day and hashed by (township, day, column), are most of it;
 * meetings (1 M, one window pass) and the small per-compound window functions over
 * organisations, committee terms, contracts and evaluations are the rest.
 */
export function rebuildStatement(scope: 'all' | 'marked'): string {
  // Records of the compounds being rebuilt: all of them (sequential scans), or those of the
  // marked townships (index scans by compound). The marked variant still rebuilds everything
  // when a '*' mark or a never-built timeline says so.
  const all = scope === 'all';
  const IN_TARGET = all ? '' : 'where compound_id in (select id from target)';
  const COMPOUND_IN_TARGET = all ? 'true' : 'id in (select id from target)';
  return `
  with dirty as (select township_code, changes from counts_timeline_dirty),
  everything as (
    select ${all ? 'true' : `(select revision from counts_timeline_state where id = 1) is null or exists (select 1 from dirty where township_code = '*')`} as yes
  ),
  target_township as (select code from townships where (select yes from everything) or code in (select township_code from dirty)),
  target as (select id from compounds where township_code in (select code from target_township)),
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
  ),
  -- Nothing counts before the compound is listed: a range [a, b) counts on [max(a, listed), b),
  -- i.e. both its changes move to max(day, listed) (a range ending before the listing nets 0).
  township_change as (
    select c.township_code, greatest(x.day, c.listed_on) as day, x.col, sum(x.v) as v
    from change x join compounds c on c.id = x.cid
    group by 1, 2, 3
  ),
  step as (
    select township_code, day, ${COLUMNS.map((c, i) => `coalesce(sum(v) filter (where col = ${i}), 0) as ${c}`).join(', ')}
    from township_change group by township_code, day
  ),
  removed as (
    delete from township_counts_timeline where (select yes from everything) or township_code in (select code from target_township)
  ),
  -- A mark a writer is changing right now is skipped: it will be marked again anyway.
  cleared as (
    delete from counts_timeline_dirty where township_code in (
      select township_code from counts_timeline_dirty where (township_code, changes) in (select township_code, changes from dirty)
      for update skip locked
    )
  ),
  inserted as (
    insert into township_counts_timeline (township_code, from_day, ${COLUMNS.join(', ')})
    select township_code, day, ${COLUMNS.map((col) => `(sum(${col}) over w)::int`).join(', ')}
    from step window w as (partition by township_code order by day)
  )
  update counts_timeline_state set revision = (select revision from data_revision where id = 1) where id = 1`;
}

const rebuilding = new WeakMap<Db, Promise<void>>();

/**
 * Rebuilds the marked townships, if any. One rebuild at a time: per process by a shared promise,
 * across processes by the lock on the state row.
 */
export function refreshCountsTimeline(db: Db): Promise<void> {
  let running = rebuilding.get(db);
  if (!running) {
    running = rebuild(db).finally(() => rebuilding.delete(db));
    rebuilding.set(db, running);
  }
  return running;
}

async function rebuild(db: Db): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.execute(sql`insert into counts_timeline_state (id, revision) values (1, null) on conflict do nothing`);
    // Waits for another rebuild to commit, then reads its stamp (read committed re-reads the row).
    const [state] = await queryRows<{ fresh: boolean; all: boolean }>(
      tx,
      sql`select revision is not null and not exists (select 1 from counts_timeline_dirty) as fresh,
          revision is null or exists (select 1 from counts_timeline_dirty where township_code = '*') as all
        from counts_timeline_state where id = 1 for update`,
    );
    if (state?.fresh) return;
    // Hash aggregates in memory; and no JIT: compiling this statement's 300 expressions costs
    // PostgreSQL more (≈ 8 s at ×100) than running them.
    await tx.execute(sql`set local work_mem = '64MB'`);
    await tx.execute(sql`set local jit = off`);
    await tx.execute(sql.raw(rebuildStatement(state?.all ? 'all' : 'marked')));
  });
}

type LookupRow = CountsRow & { fresh: boolean };

/**
 * Counts per township on `asOf` from the timeline, or null when records changed since it was
 * built (the check is part of the same statement).
 */
async function lookup(db: Db, asOf: string): Promise<Map<string, ScopeCounts> | null> {
  const rows = await queryRows<LookupRow>(
    db,
    sql`select t.code as township_code,
      coalesce((select revision from counts_timeline_state where id = 1) is not null and not exists (select 1 from counts_timeline_dirty), false) as fresh,
      ${sql.raw(COLUMNS.map((c) => `x.${c}`).join(', '))}
    from townships t left join lateral (
      select * from township_counts_timeline x where x.township_code = t.code and x.from_day <= ${asOf}::date
      order by x.from_day desc limit 1
    ) x on true
    order by t.code`,
  );
  if (rows.some((row) => !row.fresh)) return null;
  return new Map(rows.map((row) => [row.township_code, countsFromRow(row)]));
}

/** Tries before giving up on the timeline when records keep changing under it. */
const ATTEMPTS = 3;

/** Counts per township on `asOf` from the timeline (rebuilt first when records changed). */
export async function timelineCountsAsOf(db: Db, asOf: string): Promise<Map<string, ScopeCounts> | null> {
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const counts = await lookup(db, asOf);
    if (counts) return counts;
    await refreshCountsTimeline(db);
  }
  return null;
}
