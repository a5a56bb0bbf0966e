import { committeeRate as meta } from '../../../../shared/indicators/committeeRate.ts';
import { rateContribution, type ServerIndicator } from './types.ts';

export const committeeRate = {
  ...meta,
  fraction: (c) => [c.withCommittee, c.compounds],
  classify: (c) =>
    rateContribution(
      c.committeeInOffice,
      c.committeeInOffice ? (c.committeePartyMajority ? '业委会在任（党员过半）' : '业委会在任') : '无在任业委会',
    ),
} satisfies ServerIndicator;
