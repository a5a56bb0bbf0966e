/**
 * Where the dashboard's selection takes the map: a township chosen (ranking, search) is selected
 * and fitted; a compound found by the search box opens its card and the map flies to it;
 * 返回全市 clears the selection and fits the city.
 */
import type { RefObject } from 'react';
import type { Place } from '../../../../shared/search/placeSearch.ts';
import type { MapHandle } from '../../map/MapView.tsx';
import { boundsOf, type townshipFeatures } from './townshipFeatures.ts';

type TownshipFeature = ReturnType<typeof townshipFeatures>[number];

interface Selection {
  setCompound(code: string | null): void;
  setTownship(code: string | null): void;
}

/** Half the side of the box fitted around a compound (about 200 m); fitBounds stops at MAP_MAX_ZOOM. */
const COMPOUND_BOX = 0.002;

export function useMapFocus(
  mapRef: RefObject<MapHandle | null>,
  features: readonly TownshipFeature[],
  compounds: readonly { code: string; lon: number; lat: number }[],
  selection: Selection,
) {
  const fitTownship = (code: string) => {
    const feature = features.find((f) => f.properties.code === code);
    if (feature) mapRef.current?.fitBounds(boundsOf(feature));
  };
  const selectTownship = (code: string) => {
    selection.setCompound(null);
    selection.setTownship(code);
    fitTownship(code);
  };
  /** The search box's pick. */
  const pickPlace = ({ kind, code }: Pick<Place, 'kind' | 'code'>) => {
    if (kind === 'township') return selectTownship(code);
    selection.setCompound(code);
    const c = compounds.find((row) => row.code === code);
    if (c)
      mapRef.current?.fitBounds([
        c.lon - COMPOUND_BOX,
        c.lat - COMPOUND_BOX,
        c.lon + COMPOUND_BOX,
        c.lat + COMPOUND_BOX,
      ]);
  };
  const backToCity = () => {
    selection.setCompound(null);
    selection.setTownship(null);
    mapRef.current?.fitCity();
  };
  return { fitTownship, selectTownship, pickPlace, backToCity };
}
