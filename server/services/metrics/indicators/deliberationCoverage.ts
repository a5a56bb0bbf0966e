import { deliberationCoverage as meta } from '../../../../shared/indicators/deliberationCoverage.ts';
import { DELIBERATION_WINDOW_DAYS } from '../../../../shared/indicators/windows.ts';
import { addDays } from '../../../../shared/time/dates.ts';
import { rateContribution, type ServerIndicator } from './types.ts';

const MET = `近${DELIBERATION_WINDOW_DAYS}天召开四方联席会议`;
const NOT_MET = `近${DELIBERATION_WINDOW_DAYS}天无四方联席会议`;
const NEVER = '从未召开四方联席会议';

export const deliberationCoverage = {
  ...meta,
  fraction: (c) => [c.withRecentMeeting, c.compounds],
  classify: (c, asOf) => {
    const since = addDays(asOf, -(DELIBERATION_WINDOW_DAYS - 1));
    const last = c.lastMeetingDate;
    if (last === null) return rateContribution(false, NEVER);
    const recent = last >= since;
    return recent
      ? rateContribution(true, `${MET}（最近 ${last}）`, MET, last)
      : rateContribution(false, `${NOT_MET}（上次 ${last}）`, NOT_MET, last);
  },
} satisfies ServerIndicator;
