/**
 * What the wall draws from wall.compounds, the same whichever form the answer took: with every
 * compound (a city up to MAP_ROW_CAP) the wall counts and lists them itself — dots on the layer
 * scenes, the spotlight's and the movers' lists from the rows, as it always did; above it, the
 * server's township counts (bubbles instead of dots) and capped lists, the spotlit township's
 * from wall.lagging, the movers from wall.movers. The counting is
 * shared/wall/wallCompounds.ts's either way, so the legends and bars say the same figures. Pure.
 */
import type { CompoundAggregate } from '../../../../shared/map/mapView.ts';
import { laggingChanges, type LaggingChanges } from '../../../../shared/review/laggingChanges.ts';
import { laggingCompounds, type LaggingCompound } from '../../../../shared/review/laggingCompounds.ts';
import {
  townshipClassCounts,
  townshipLaggingRows,
  type TownshipClassCounts,
  type TownshipLaggingRows,
  type WallCompounds,
} from '../../../../shared/wall/wallCompounds.ts';
import type { CompoundRow } from '../layers/coverageLayers.ts';

export interface WallCompoundView {
  /** Compounds drawn one by one (the layer scenes' dots): all of them, or none when aggregated. */
  rows: readonly CompoundRow[];
  /** One bubble per township instead of the dots; null while every compound is drawn. */
  aggregates: CompoundAggregate[] | null;
  townships: readonly TownshipClassCounts[];
  changes: LaggingChanges | null;
  /** A township's lagging compounds on the day (the first of them when capped), how many, and their rows. */
  laggingIn(code: string): { list: LaggingCompound[]; count: number; rows: readonly CompoundRow[] };
}

const EMPTY = { list: [], count: 0, rows: [] };
const NONE: WallCompoundView['laggingIn'] = () => EMPTY;

/**
 * `weekAgoRows`: compounds.status on `weekAgo`, asked for only while the answer lists every
 * compound; above the cap the server compares the two days itself (`movers`: wall.movers) and
 * lists the spotlit township's lagging compounds (`spotlit`: wall.lagging).
 */
export function wallCompoundView(
  answer: WallCompounds | undefined,
  weekAgoRows: readonly CompoundRow[] | undefined,
  movers: LaggingChanges | undefined,
  spotlit: TownshipLaggingRows | undefined,
  today: string | null,
  weekAgo: string | null,
): WallCompoundView {
  if (!answer || !today) return { rows: [], aggregates: null, townships: [], changes: null, laggingIn: NONE };
  if (answer.kind === 'compounds') {
    const { rows } = answer;
    return {
      rows,
      aggregates: null,
      townships: townshipClassCounts(rows),
      changes: weekAgoRows && weekAgo ? laggingChanges(rows, weekAgoRows, today, weekAgo) : null,
      laggingIn: laggingLookup(townshipLaggingRows(rows, today, Number.POSITIVE_INFINITY), today),
    };
  }
  return {
    rows: [],
    aggregates: answer.townships.map((t) => ({
      key: t.code,
      lon: t.lon,
      lat: t.lat,
      compounds: t.compounds,
      households: t.households,
    })),
    townships: answer.townships,
    changes: movers ?? null,
    laggingIn: laggingLookup(spotlit ? [spotlit] : [], today),
  };
}

/** The listed rows are lagging ones already: laggingCompounds gives them back with their reasons, in its order. */
function laggingLookup(townships: readonly TownshipLaggingRows[], today: string): WallCompoundView['laggingIn'] {
  const byCode = new Map(townships.map((t) => [t.code, t]));
  return (code) => {
    const found = byCode.get(code);
    return found ? { list: laggingCompounds(found.rows, today), count: found.count, rows: found.rows } : EMPTY;
  };
}
