/**
 * Jinjiang (晋江市, 350582) as a city definition: the facts in ../geography/jinjiang.ts and the
 * published goals in ../targets.ts, gathered in the shape every layer reads a city from.
 */
import type { CityDefinition } from '../../shared/city/cityDefinition.ts';
import {
  CITY,
  CITY_OUTLINE,
  LABEL_POSITIONS,
  SHISHI,
  SHISHI_OUTLINE,
  SURROUNDING_LAND,
  TOWNSHIPS,
} from '../geography/jinjiang.ts';
import type { IndicatorKey } from '../schema/admin.ts';
import { CITY_TARGETS } from '../targets.ts';

export const JINJIANG: CityDefinition<IndicatorKey> = {
  id: 'jinjiang',
  code: CITY.code,
  name: CITY.name,
  shortName: '晋江',
  nameEn: CITY.nameEn,
  townships: TOWNSHIPS,
  outline: CITY_OUTLINE,
  bounds: [118.405, 24.505, 118.715, 24.895],
  neighbours: [
    // Drawn in this order: the mainland first, Shishi (with its edge) over it.
    { id: 'surroundings', name: '泉州市区、南安市', outline: SURROUNDING_LAND, edge: false },
    { id: 'shishi', name: SHISHI.name, outline: SHISHI_OUTLINE, edge: true },
  ],
  labelPositions: LABEL_POSITIONS,
  approximateBoundaries: {
    // 西滨镇 (2.1 km², enclosed by 陈埭 on three sides) would get a far too large Voronoi cell.
    discTownships: ['350582114'],
    // 西滨's seat belongs to 陈埭's cell, so 陈埭 surrounds the disc as it does on the ground.
    extraSites: [{ at: [118.628, 24.803], owner: '350582103' }],
  },
  demoStaffTownship: '350582103', // 陈埭镇
  targets: CITY_TARGETS,
};
