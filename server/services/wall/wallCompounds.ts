/**
 * The wall's compounds for a day (wall.compounds): the rows themselves while the city has no more
 * than MAP_ROW_CAP of them (what the wall always drew), else what it draws from them counted
 * here — per-township class counts — and the spotlit township's first lagging compounds
 * (wallLagging) and this week's movers (wallMovers) apart, so two hundred walls refetching after
 * an edit each get tens of kilobytes instead of 15 MB at ×100 (shared/wall/wallCompounds.ts).
 * Above the cap the counts are one SQL aggregate over the stored state ranges
 * (townshipClassCountsSql.ts), not every compound's row read and classed in JS; the JS count
 * stays for a city whose ranges are not built. Read-only; the procedures memoise each answer per
 * data revision, so the city is read once per change, not once per wall.
 */
import { sql } from 'drizzle-orm';
import { MAP_ROW_CAP } from '../../../shared/map/mapView.ts';
import { laggingChanges, weekAgoOf, type LaggingChanges } from '../../../shared/review/laggingChanges.ts';
import {
  townshipClassCounts,
  townshipLaggingRows,
  WALL_LIST_CAP,
  type TownshipLaggingRows,
  type WallCompounds,
} from '../../../shared/wall/wallCompounds.ts';
import type { Db } from '../../db/connection.ts';
import { queryRows } from '../../db/rows.ts';
import { compoundStatusAsOf } from '../compounds/compoundStatus.ts';
import { townshipClassCountsSql } from './townshipClassCountsSql.ts';

/** `asOf`: YYYY-MM-DD (Asia/Shanghai), the wall's today. */
export async function wallCompounds(db: Db, asOf: string): Promise<WallCompounds> {
  // Counted as map.view counts, so the wall and the dashboard switch to aggregates at the same size.
  const [counted] = await queryRows<{ n: number | string }>(
    db,
    sql`select count(*) as n from compounds c where c.listed_on <= ${asOf}::date`,
  );
  const total = Number(counted?.n ?? 0);
  if (total <= MAP_ROW_CAP) return { kind: 'compounds', total, rows: await compoundStatusAsOf(db, asOf) };
  const townships = (await townshipClassCountsSql(db, asOf)) ?? townshipClassCounts(await compoundStatusAsOf(db, asOf));
  return { kind: 'townships', total, townships };
}

/**
 * The compounds that started or stopped lagging since last week's Sunday, the first WALL_LIST_CAP
 * of each and how many (the movers scene of a large city; a small one compares compounds.status
 * of the two days itself). Per-compound lagging reasons, so both days' rows are read: seconds at
 * ×100, which is why the wall asks for it only as the movers scene comes up.
 */
export async function wallMovers(db: Db, asOf: string): Promise<LaggingChanges> {
  const weekAgo = weekAgoOf(asOf);
  // Both days at once, which a PostgreSQL pool runs side by side.
  const [rows, before] = await Promise.all([compoundStatusAsOf(db, asOf), compoundStatusAsOf(db, weekAgo)]);
  return laggingChanges(rows, before, asOf, weekAgo, WALL_LIST_CAP);
}

/** One township's lagging compounds on `asOf`: the first WALL_LIST_CAP rows and how many (the spotlight's list). */
export async function wallLagging(db: Db, asOf: string, townshipCode: string): Promise<TownshipLaggingRows> {
  const rows = await compoundStatusAsOf(db, asOf, townshipCode);
  return townshipLaggingRows(rows, asOf, WALL_LIST_CAP)[0] ?? { code: townshipCode, count: 0, rows: [] };
}
