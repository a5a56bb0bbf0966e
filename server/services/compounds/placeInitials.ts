/**
 * The pinyin initials of every township and compound name, for the map's search box
 * (shared/search/placeSearch.ts). Computed here rather than in the browser: pinyin-pro carries a
 * dictionary of several hundred kilobytes that the dashboard would otherwise load before its first
 * view, and the names change only with the data, so the answer is kept per data revision (the
 * procedure is revision-cached) and each name's initials are remembered across revisions. The
 * client asks only when the search box is first used, so the map's first render is unchanged.
 */
import { asc } from 'drizzle-orm';
import { compounds, townships } from '../../../data/schema/index.ts';
import type { Db } from '../../db/connection.ts';
import { cachedInitials } from './initials.ts';

export interface PlaceInitials {
  /** Township code → initials ("350582103" → "cdz"). */
  townships: Record<string, string>;
  /** Compound code → initials; every compound in the ledger (the client keeps those on its map's day). */
  compounds: Record<string, string>;
}

export async function placeInitials(db: Db): Promise<PlaceInitials> {
  const [townshipRows, compoundRows] = await Promise.all([
    db.select({ code: townships.code, name: townships.name }).from(townships).orderBy(asc(townships.code)),
    db.select({ code: compounds.code, name: compounds.name }).from(compounds).orderBy(asc(compounds.code)),
  ]);
  const byCode = (rows: { code: string; name: string }[]) =>
    Object.fromEntries(rows.map((r) => [r.code, cachedInitials(r.name)]));
  return { townships: byCode(townshipRows), compounds: byCode(compoundRows) };
}
