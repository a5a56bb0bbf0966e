/**
 * How a compound is classed on each coverage layer (party organisation, owners' committee,
 * star rating, open issues). Pure: the map's colours and legend, the workbench's filters and
 * `onemap export compounds --filter` all class compounds with these functions.
 */
import type { CompoundStatus } from './compoundStatus.ts';

export const COVERAGE_LAYERS = ['party', 'committee', 'rating', 'issues'] as const;
export type CoverageLayer = (typeof COVERAGE_LAYERS)[number];

/** The class ids of each layer, in legend order. */
export const LAYER_CLASS_IDS = {
  party: ['standalone', 'combined', 'joint', 'none'],
  committee: ['partyMajority', 'inOffice', 'none'],
  rating: ['5', '4', '3', '2', '1', 'fail', 'notEvaluated', 'unmanaged'],
  issues: ['overdue', 'open', 'none'],
} as const satisfies Record<CoverageLayer, readonly string[]>;

export type LayerClassId<L extends CoverageLayer> = (typeof LAYER_CLASS_IDS)[L][number];

/** The fields classing needs, so client rows (dates as strings) and server rows both fit. */
export type ClassedCompound = Pick<
  CompoundStatus,
  | 'partyOrgType'
  | 'committeeInOffice'
  | 'committeePartyMajority'
  | 'propertyManaged'
  | 'rating'
  | 'openIssues'
  | 'overdueIssues'
>;

export function classOf<L extends CoverageLayer>(layer: L, c: ClassedCompound): LayerClassId<L>;
export function classOf(layer: CoverageLayer, c: ClassedCompound): string {
  switch (layer) {
    case 'party':
      return c.partyOrgType ?? 'none';
    case 'committee':
      return !c.committeeInOffice ? 'none' : c.committeePartyMajority ? 'partyMajority' : 'inOffice';
    case 'rating':
      return !c.propertyManaged ? 'unmanaged' : (c.rating ?? 'notEvaluated');
    case 'issues':
      return c.overdueIssues > 0 ? 'overdue' : c.openIssues > 0 ? 'open' : 'none';
  }
}
