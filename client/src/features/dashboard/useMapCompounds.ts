/**
 * The compounds the dashboard's map draws, from map.view. First the whole city: when the server
 * answers with every compound (a city of a few thousand at most, the demo's 347), that is all —
 * the map draws them, and panning asks nothing, as before. A larger city answers with townships;
 * from then on each view the map settles on is asked for (snapped outward, so a small pan asks the
 * same question and gets the memoised answer): grid cells at middle zoom, its compounds zoomed in.
 */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { snapView, type CompoundAggregate, type ViewBox } from '../../../../shared/map/mapView.ts';
import { trpc, type RouterOutputs } from '../../app/trpc.ts';
import type { CompoundRow } from '../layers/coverageLayers.ts';
import type { AggregateKind } from './aggregateGeometry.ts';

type Answer = RouterOutputs['map']['view'];

export interface SettledView {
  bbox: ViewBox;
  zoom: number;
}

export interface MapCompounds {
  /** The compounds drawn one by one (none while aggregated). */
  rows: CompoundRow[];
  /** Set while the map shows aggregates instead. */
  aggregated: { kind: AggregateKind; aggregates: CompoundAggregate[]; cellDeg: number | null } | null;
  /** Compounds in the view the answer is for (the whole city on the first view). */
  total: number;
  /** The city is too large to draw whole: the map asks per view (the dashboard then reports its views). */
  perView: boolean;
  /** The answer for the current date and view has arrived (not a placeholder). */
  ready: boolean;
  isSuccess: boolean;
}

const EMPTY: CompoundRow[] = [];

export function useMapCompounds(asOf: string, view: SettledView | null): MapCompounds {
  const city = useQuery({
    ...trpc.map.view.queryOptions({ asOf, bbox: null, zoom: null }),
    placeholderData: keepPreviousData,
  });
  const perView =
    city.data !== undefined && !(city.data.kind === 'compounds' && city.data.rows.length === city.data.total);
  const snapped = perView && view ? snapView(view.bbox, view.zoom) : null;
  const inView = useQuery({
    ...trpc.map.view.queryOptions({ asOf, bbox: snapped?.bbox ?? null, zoom: snapped?.zoom ?? null }),
    enabled: snapped !== null,
    placeholderData: keepPreviousData,
  });
  const source = snapped ? inView : city;
  // Until the first per-view answer arrives, the whole city's stays on screen.
  const answer: Answer | undefined = source.data ?? city.data;
  return useMemo(() => {
    const ready = source.isSuccess && !source.isPlaceholderData;
    if (!answer) return { rows: EMPTY, aggregated: null, total: 0, perView, ready, isSuccess: false };
    if (answer.kind === 'compounds')
      return { rows: answer.rows, aggregated: null, total: answer.total, perView, ready, isSuccess: true };
    return {
      rows: EMPTY,
      aggregated: { kind: answer.kind, aggregates: answer.aggregates, cellDeg: answer.cellDeg },
      total: answer.total,
      perView,
      ready,
      isSuccess: true,
    };
  }, [answer, perView, source.isSuccess, source.isPlaceholderData]);
}
