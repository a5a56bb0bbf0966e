/**
 * Makes a seeded demo city N times larger in place, set-based in SQL: every compound gets
 * N−1 copies (same township and place, new code) with copies of all its dated records. Used for
 * the province-scale (×100) benchmark on PostgreSQL.
 */
import { sql } from 'drizzle-orm';
import type { Db } from '../../server/db/connection.ts';

const COPY_OFFSET = 1_000_000;

export async function scaleCity(db: Db, factor: number): Promise<void> {
  if (factor <= 1) return;
  const k = sql`generate_series(1, ${factor - 1}::int)`;
  await db.transaction(async (tx) => {
    const run = (q: ReturnType<typeof sql>) => tx.execute(q);
    await run(sql`insert into compounds (id, code, name, address, township_code, community_id, lon, lat, households, buildings, year_built, kind, listed_on, model_home_since)
      select c.id + k * ${COPY_OFFSET}, c.code || '-x' || k, c.name || '（副本' || k || '）', c.address, c.township_code, c.community_id, c.lon, c.lat,
        c.households, c.buildings, c.year_built, c.kind, c.listed_on, c.model_home_since
      from compounds c cross join ${k} as k where c.id < ${COPY_OFFSET}`);
    const copy = (table: string, columns: string) =>
      run(sql.raw(`insert into ${table} (compound_id, ${columns}) select t.compound_id + k * ${COPY_OFFSET}, ${columns.split(', ').map((c) => `t.${c}`).join(', ')}
        from ${table} t cross join generate_series(1, ${factor - 1}) as k where t.compound_id < ${COPY_OFFSET}`));
    await copy('property_contracts', 'company_id, start_on, end_on');
    await copy('party_organisations', 'type, name, established_on, dissolved_on');
    await copy('committee_terms', 'formed_on, term_end, ended_on, members, party_members, chair_is_party_secretary');
    await copy('meetings', 'held_on, attendees, topics, problems_resolved');
    await copy('evaluations', 'company_id, evaluated_on, score, safety_score, rating');
    await copy('resident_issues', 'channel, category, summary, opened_on, dispatched_on, in_progress_on, closed_on, revisited_on, due_on');
    await copy('petitions', 'kind, category, received_on, resolved_on');
    await run(sql.raw(`select setval(pg_get_serial_sequence('compounds', 'id'), (select max(id) from compounds))`));
  });
  // Fresh bulk rows: vacuum sets the visibility map so covering indexes answer without the heap.
  await db.execute(sql`vacuum analyze`);
}
