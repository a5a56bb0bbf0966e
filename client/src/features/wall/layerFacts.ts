/** The headline figures beside each coverage layer's legend on the wall. */
import { formatIndicator } from '../../app/format.ts';
import type { RouterOutputs } from '../../app/trpc.ts';
import type { Translate } from '../../i18n/index.tsx';
import type { CoverageLayer } from '../layers/coverageLayers.ts';
import type { LegendFact } from './WallLegend.tsx';

type Report = RouterOutputs['metrics']['report'];

export function layerFacts(layer: CoverageLayer, report: Report, t: Translate): LegendFact[] {
  const { indicators, secondary } = report.city;
  const rate = (key: 'partyOrgCoverage' | 'committeeRate' | 'serviceQuality') => ({
    label: t(`indicator.short.${key}`),
    value: formatIndicator(key, indicators[key].value),
  });
  switch (layer) {
    case 'party':
      return [
        rate('partyOrgCoverage'),
        { label: t('wall.figure.chairIsSecretary'), value: String(secondary.chairIsSecretary) },
      ];
    case 'committee':
      return [
        rate('committeeRate'),
        {
          label: t('wall.figure.partyMajority'),
          value: String(secondary.partyMajorityCommittees),
          extra: `/ ${secondary.committeesInOffice}`,
        },
      ];
    case 'rating':
      return [rate('serviceQuality'), { label: t('wall.figure.managed'), value: String(secondary.managed) }];
    case 'issues':
      return [
        { label: t('wall.figure.openIssues'), value: String(secondary.openIssues) },
        {
          label: t('wall.figure.overdueIssues'),
          value: String(secondary.overdueIssues),
          ...(secondary.overdueIssues > 0 ? { tone: 'bad' as const } : {}),
        },
      ];
  }
}
