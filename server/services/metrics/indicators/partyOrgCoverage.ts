import { partyOrgCoverage as meta } from '../../../../shared/indicators/partyOrgCoverage.ts';
import { sayer } from '../../../../shared/indicators/reasons.ts';
import { rateContribution, type ServerIndicator } from './types.ts';

const say = sayer(meta.reasons);

export const partyOrgCoverage = {
  ...meta,
  fraction: (c) => [c.withPartyOrg, c.compounds],
  classify: (c) =>
    c.partyOrgType
      ? rateContribution(true, say('has', { type: c.partyOrgType }))
      : rateContribution(false, say('none')),
} satisfies ServerIndicator;
