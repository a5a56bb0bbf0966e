/**
 * The workbench's whole view in its URL: week, coverage layer, filters, drawn selection, map
 * view, table sort and the open compound. Parsing never throws: whatever a hand-edited link gets
 * wrong is dropped, listed in `problems` and replaced by the default.
 */
import {
  parseFilter,
  serialiseFilter,
  EMPTY_FILTER,
  type CompoundFilter,
} from '../../../../shared/compounds/compoundFilter.ts';
import { COVERAGE_LAYERS, type CoverageLayer } from '../../../../shared/compounds/compoundClasses.ts';
import {
  parseSelection,
  selectionRegion,
  serialiseSelection,
  type SpatialSelection,
} from '../../../../shared/workbench/spatialSelection.ts';
import type { MapViewState } from '../../map/MapAdapter.ts';
import type { Bounds } from '../../../../shared/city/cityDefinition.ts';
import { SORT_KEYS, type SortKey, type TableSort } from './compoundColumns.ts';

export interface WorkbenchView {
  week: string;
  layer: CoverageLayer;
  filter: CompoundFilter;
  selection: SpatialSelection | null;
  view: MapViewState | null;
  sort: TableSort;
  compound: string | null;
}

export const DEFAULT_SORT: TableSort = { key: 'households', descending: true };

export function defaultView(lastWeek: string): WorkbenchView {
  return {
    week: lastWeek,
    layer: 'party',
    filter: EMPTY_FILTER,
    selection: null,
    view: null,
    sort: DEFAULT_SORT,
    compound: null,
  };
}

export function parseWorkbenchUrl(
  search: string,
  weeks: readonly string[],
  townshipCodes: ReadonlySet<string>,
  cityBounds: Bounds,
): { view: WorkbenchView; problems: string[] } {
  const [west, south, east, north] = selectionRegion(cityBounds);
  const params = new URLSearchParams(search);
  const view = defaultView(weeks[weeks.length - 1]!);
  const { filter, problems } = parseFilter(params);
  const unknown = filter.townships.filter((code) => !townshipCodes.has(code));
  if (unknown.length) problems.push(`未知镇街：${unknown.join('、')}`);
  view.filter = { ...filter, townships: filter.townships.filter((code) => townshipCodes.has(code)) };

  const week = params.get('week');
  if (week !== null) {
    if (weeks.includes(week)) view.week = week;
    else problems.push(`周次 "${week}" 不在 ${weeks[0]} 至 ${weeks[weeks.length - 1]} 之间`);
  }
  const layer = params.get('layer');
  if (layer !== null) {
    if ((COVERAGE_LAYERS as readonly string[]).includes(layer)) view.layer = layer as CoverageLayer;
    else problems.push(`未知图层 "${layer}"`);
  }
  const sel = params.get('sel');
  if (sel !== null) {
    view.selection = parseSelection(sel, cityBounds);
    if (!view.selection) problems.push('选区无法识别，已清除');
  }
  const v = params.get('v');
  if (v !== null) {
    const [lon, lat, zoom] = v.split(',').map(Number);
    if (
      [lon, lat, zoom].every((n) => Number.isFinite(n)) &&
      lon! > west &&
      lon! < east &&
      lat! > south &&
      lat! < north &&
      zoom! >= 8 &&
      zoom! <= 17
    )
      view.view = { lon: lon!, lat: lat!, zoom: zoom! };
    else problems.push('地图视野无法识别，已显示全市');
  }
  const sort = params.get('sort');
  if (sort !== null) {
    const [key, direction] = sort.split(':');
    if ((SORT_KEYS as readonly string[]).includes(key ?? '') && (direction === 'asc' || direction === 'desc'))
      view.sort = { key: key as SortKey, descending: direction === 'desc' };
    else problems.push(`排序 "${sort}" 无法识别`);
  }
  const compound = params.get('compound');
  if (compound !== null) {
    if (/^[\w-]{1,40}$/.test(compound)) view.compound = compound;
    else problems.push('小区编码无法识别');
  }
  return { view, problems };
}

export function workbenchSearch(view: WorkbenchView, lastWeek: string): string {
  const params = serialiseFilter(view.filter);
  if (view.week !== lastWeek) params.set('week', view.week);
  if (view.layer !== 'party') params.set('layer', view.layer);
  if (view.selection) params.set('sel', serialiseSelection(view.selection));
  if (view.view)
    params.set('v', `${view.view.lon.toFixed(5)},${view.view.lat.toFixed(5)},${view.view.zoom.toFixed(2)}`);
  if (view.sort.key !== DEFAULT_SORT.key || view.sort.descending !== DEFAULT_SORT.descending)
    params.set('sort', `${view.sort.key}:${view.sort.descending ? 'desc' : 'asc'}`);
  if (view.compound) params.set('compound', view.compound);
  return params.toString();
}
