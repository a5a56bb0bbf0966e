/**
 * The drill-through beside the map and the compounds it rings there: open while the list is open,
 * kept after "在地图上显示" (the map fits them) until cleared.
 */
import { useCallback, useState, type RefObject } from 'react';
import type { MapHandle } from '../../map/MapView.tsx';
import type { IndicatorKey } from '../layers/choropleth.ts';

export function useDrillHighlight(
  mapRef: RefObject<MapHandle | null>,
  rows: readonly { code: string; lon: number; lat: number }[],
) {
  const [drill, setDrill] = useState<IndicatorKey | null>(null);
  const [highlight, setHighlight] = useState<{ indicator: IndicatorKey; codes: ReadonlySet<string> } | null>(null);
  const [highlightKept, setHighlightKept] = useState(false);

  const onDrillHighlight = useCallback(
    (codes: readonly string[] | null) =>
      setHighlight(codes && drill ? { indicator: drill, codes: new Set(codes) } : null),
    [drill, setHighlight],
  );
  /** The list closes; its compounds stay ringed, the map fits them, and a chip offers to clear them. */
  const keepHighlight = (codes: readonly string[]) => {
    setHighlightKept(true);
    setDrill(null);
    const listed = rows.filter((c) => codes.includes(c.code));
    if (listed.length > 0)
      mapRef.current?.fitBounds([
        Math.min(...listed.map((c) => c.lon)),
        Math.min(...listed.map((c) => c.lat)),
        Math.max(...listed.map((c) => c.lon)),
        Math.max(...listed.map((c) => c.lat)),
      ]);
  };
  const closeDrill = () => {
    setDrill(null);
    setHighlight(null);
  };
  const openDrill = (key: IndicatorKey) => {
    setHighlightKept(false);
    setDrill(key);
  };
  const clearHighlight = () => {
    setHighlight(null);
    setHighlightKept(false);
  };
  /** A name in the list was clicked: the list closes, the ring stays behind the compound's card. */
  const leaveForCompound = () => {
    setHighlightKept(true);
    setDrill(null);
  };
  return {
    drill,
    highlight,
    /** The ring is kept with its chip shown (the list is closed). */
    chipShown: highlight !== null && highlightKept && drill === null,
    onDrillHighlight,
    keepHighlight,
    closeDrill,
    openDrill,
    clearHighlight,
    leaveForCompound,
  };
}
