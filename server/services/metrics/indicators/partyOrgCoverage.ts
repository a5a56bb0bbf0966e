import { partyOrgCoverage as meta } from '../../../../shared/indicators/partyOrgCoverage.ts';
import { rateContribution, type ServerIndicator } from './types.ts';

const PARTY_TYPE = { standalone: '建制式', combined: '兼合式', joint: '联建式' } as const;

export const partyOrgCoverage = {
  ...meta,
  fraction: (c) => [c.withPartyOrg, c.compounds],
  classify: (c) =>
    c.partyOrgType
      ? rateContribution(true, `有党组织（${PARTY_TYPE[c.partyOrgType]}）`, '有党组织')
      : rateContribution(false, '无党组织'),
} satisfies ServerIndicator;
