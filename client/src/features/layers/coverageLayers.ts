/**
 * The four coverage layers: how each compound is classed and coloured, and the legend with
 * the count in each class. Pure functions of the compound status rows, so the legend always
 * equals what `onemap export compounds` says for the same day.
 */
import type { MessageKey } from '../../i18n/zh-CN.ts';
import type { RouterOutputs } from '../../app/trpc.ts';
import { ABSENT, CATEGORICAL, ORDINAL_BLUES } from '../../../../shared/colours/categorical.ts';
import { STATUS_COLOURS } from '../../../../shared/colours/judgement.ts';
import { classOf, type CoverageLayer } from '../../../../shared/compounds/compoundClasses.ts';

export { classOf, COVERAGE_LAYERS, type CoverageLayer } from '../../../../shared/compounds/compoundClasses.ts';
export type CompoundRow = RouterOutputs['compounds']['status'][number];

export interface LayerClass {
  id: string;
  label: MessageKey;
  color: string;
}

/**
 * Party type, committee kind and star class are categories, not verdicts: the categorical
 * palette (never green/yellow/orange/red). Open and overdue issues are a judgement: the judgement
 * colours, overdue at the worse end (shared/colours).
 */
export const LAYER_CLASSES: Record<CoverageLayer, readonly LayerClass[]> = {
  party: [
    { id: 'standalone', label: 'class.party.standalone', color: CATEGORICAL.blue.dark },
    { id: 'combined', label: 'class.party.combined', color: CATEGORICAL.violet.dark },
    { id: 'joint', label: 'class.party.joint', color: CATEGORICAL.cyan.dark },
    { id: 'none', label: 'class.party.none', color: ABSENT.dark },
  ],
  committee: [
    { id: 'partyMajority', label: 'class.committee.partyMajority', color: CATEGORICAL.violet.dark },
    { id: 'inOffice', label: 'class.committee.inOffice', color: CATEGORICAL.blue.dark },
    { id: 'none', label: 'class.committee.none', color: ABSENT.dark },
  ],
  rating: [
    { id: '5', label: 'class.rating.5', color: ORDINAL_BLUES[0]!.dark },
    { id: '4', label: 'class.rating.4', color: ORDINAL_BLUES[1]!.dark },
    { id: '3', label: 'class.rating.3', color: ORDINAL_BLUES[2]!.dark },
    { id: '2', label: 'class.rating.2', color: ORDINAL_BLUES[3]!.dark },
    { id: '1', label: 'class.rating.1', color: ORDINAL_BLUES[4]!.dark },
    { id: 'fail', label: 'class.rating.fail', color: CATEGORICAL.pink.dark },
    { id: 'notEvaluated', label: 'class.rating.notEvaluated', color: CATEGORICAL.slate.dark },
    { id: 'unmanaged', label: 'class.rating.unmanaged', color: ABSENT.dark },
  ],
  issues: [
    { id: 'overdue', label: 'class.issues.overdue', color: STATUS_COLOURS.off_track.dark },
    { id: 'open', label: 'class.issues.open', color: STATUS_COLOURS.on_track.dark },
    // Nothing open is not a met goal: neutral, not green.
    { id: 'none', label: 'class.issues.none', color: CATEGORICAL.slate.dark },
  ],
};

export interface LegendEntry extends LayerClass {
  count: number;
}

export function legendFor(layer: CoverageLayer, rows: readonly CompoundRow[]): LegendEntry[] {
  const counts: Record<string, number> = {};
  for (const row of rows) {
    const id = classOf(layer, row);
    counts[id] = (counts[id] ?? 0) + 1;
  }
  return legendOfCounts(layer, counts);
}

/** The legend from compounds already counted per class id (the wall's township counts). */
export function legendOfCounts(layer: CoverageLayer, counts: Readonly<Record<string, number>>): LegendEntry[] {
  return LAYER_CLASSES[layer].map((c) => ({ ...c, count: counts[c.id] ?? 0 }));
}

export function colorOf(layer: CoverageLayer): (c: CompoundRow) => string {
  const colors = new Map(LAYER_CLASSES[layer].map((c) => [c.id, c.color]));
  return (c) => colors.get(classOf(layer, c)) ?? ABSENT.dark;
}
