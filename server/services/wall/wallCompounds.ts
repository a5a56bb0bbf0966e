/**
 * The wall's compounds for a day (wall.compounds): the rows themselves while the city has no more
 * than MAP_ROW_CAP of them (what the wall always drew), else what it draws from them counted and
 * cut here — per-township class counts, this week's started / stopped lagging — and the spotlit
 * township's first lagging compounds apart (wallLagging), so two hundred walls refetching after an
 * edit each get tens of kilobytes instead of 15 MB at ×100 (shared/wall/wallCompounds.ts).
 * Read-only; both procedures memoise each answer per data revision, so the city's rows are read
 * once per change, not once per wall.
 */
import { sql } from 'drizzle-orm';
import { MAP_ROW_CAP } from '../../../shared/map/mapView.ts';
import { laggingChanges, weekAgoOf } from '../../../shared/review/laggingChanges.ts';
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

export interface WallCompoundsQuery {
  /** YYYY-MM-DD (Asia/Shanghai): the wall's today. */
  asOf: string;
  /** Also the compounds that started or stopped lagging since last week's Sunday (the movers scene). */
  movers: boolean;
}

export async function wallCompounds(db: Db, query: WallCompoundsQuery): Promise<WallCompounds> {
  const { asOf, movers } = query;
  // Counted as map.view counts, so the wall and the dashboard switch to aggregates at the same size.
  const [counted] = await queryRows<{ n: number | string }>(
    db,
    sql`select count(*) as n from compounds c where c.listed_on <= ${asOf}::date`,
  );
  const total = Number(counted?.n ?? 0);
  const few = total <= MAP_ROW_CAP;
  const weekAgo = weekAgoOf(asOf);
  // Reading the rows is nearly all the time this takes (×100: seconds; the counting, a few hundred
  // ms): both days at once, which a PostgreSQL pool runs side by side.
  const [rows, before] = await Promise.all([
    compoundStatusAsOf(db, asOf),
    movers && !few ? compoundStatusAsOf(db, weekAgo) : null,
  ]);
  if (few) return { kind: 'compounds', total, rows };
  return {
    kind: 'townships',
    total,
    townships: townshipClassCounts(rows),
    changes: before ? laggingChanges(rows, before, asOf, weekAgo, WALL_LIST_CAP) : null,
  };
}

/** One township's lagging compounds on `asOf`: the first WALL_LIST_CAP rows and how many (the spotlight's list). */
export async function wallLagging(db: Db, asOf: string, townshipCode: string): Promise<TownshipLaggingRows> {
  const rows = await compoundStatusAsOf(db, asOf, townshipCode);
  return townshipLaggingRows(rows, asOf, WALL_LIST_CAP)[0] ?? { code: townshipCode, count: 0, rows: [] };
}
