/**
 * The four coverage layers: how each compound is classed and coloured, and the legend with
 * the count in each class. Pure functions of the compound status rows, so the legend always
 * equals what `onemap export compounds` says for the same day.
 */
import type { MessageKey } from '../../i18n/zh-CN.ts';
import type { RouterOutputs } from '../../app/trpc.ts';
import { classOf, type CoverageLayer } from '../../../../shared/compounds/compoundClasses.ts';

export { classOf, COVERAGE_LAYERS, type CoverageLayer } from '../../../../shared/compounds/compoundClasses.ts';
export type CompoundRow = RouterOutputs['compounds']['status'][number];

export interface LayerClass {
  id: string;
  label: MessageKey;
  color: string;
}

export const LAYER_CLASSES: Record<CoverageLayer, readonly LayerClass[]> = {
  party: [
    { id: 'standalone', label: 'class.party.standalone', color: '#ff4d5e' },
    { id: 'combined', label: 'class.party.combined', color: '#ff9f43' },
    { id: 'joint', label: 'class.party.joint', color: '#ffd84d' },
    { id: 'none', label: 'class.party.none', color: '#7d8ba1' },
  ],
  committee: [
    { id: 'partyMajority', label: 'class.committee.partyMajority', color: '#ff4d5e' },
    { id: 'inOffice', label: 'class.committee.inOffice', color: '#3fc1ff' },
    { id: 'none', label: 'class.committee.none', color: '#7d8ba1' },
  ],
  rating: [
    { id: '5', label: 'class.rating.5', color: '#1fd286' },
    { id: '4', label: 'class.rating.4', color: '#9be15d' },
    { id: '3', label: 'class.rating.3', color: '#ffd84d' },
    { id: '2', label: 'class.rating.2', color: '#ff9f43' },
    { id: '1', label: 'class.rating.1', color: '#ff5e3a' },
    { id: 'fail', label: 'class.rating.fail', color: '#d63cff' },
    { id: 'notEvaluated', label: 'class.rating.notEvaluated', color: '#b7c4d6' },
    { id: 'unmanaged', label: 'class.rating.unmanaged', color: '#55647a' },
  ],
  issues: [
    { id: 'overdue', label: 'class.issues.overdue', color: '#ff4d5e' },
    { id: 'open', label: 'class.issues.open', color: '#ffb020' },
    { id: 'none', label: 'class.issues.none', color: '#2fd39a' },
  ],
};

export interface LegendEntry extends LayerClass {
  count: number;
}

export function legendFor(layer: CoverageLayer, rows: readonly CompoundRow[]): LegendEntry[] {
  const counts = new Map<string, number>();
  for (const row of rows) {
    const id = classOf(layer, row);
    counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  return LAYER_CLASSES[layer].map((c) => ({ ...c, count: counts.get(c.id) ?? 0 }));
}

export function colorOf(layer: CoverageLayer): (c: CompoundRow) => string {
  const colors = new Map(LAYER_CLASSES[layer].map((c) => [c.id, c.color]));
  return (c) => colors.get(classOf(layer, c)) ?? '#7d8ba1';
}
