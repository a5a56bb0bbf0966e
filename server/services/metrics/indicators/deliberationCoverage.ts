import { deliberationCoverage as meta } from '../../../../shared/indicators/deliberationCoverage.ts';
import { DELIBERATION_WINDOW_DAYS } from '../../../../shared/indicators/windows.ts';
import { addDays } from '../../../../shared/time/dates.ts';
import { rateContribution, type ServerIndicator } from './types.ts';

export const deliberationCoverage = {
  ...meta,
  fraction: (c) => [c.withRecentMeeting, c.compounds],
  classify: (c, asOf) => {
    const since = addDays(asOf, -(DELIBERATION_WINDOW_DAYS - 1));
    const recent = c.lastMeetingDate !== null && c.lastMeetingDate >= since;
    return rateContribution(
      recent,
      recent
        ? `${DELIBERATION_WINDOW_DAYS}天内召开四方联席会议（最近 ${c.lastMeetingDate}）`
        : c.lastMeetingDate
          ? `${DELIBERATION_WINDOW_DAYS}天内未召开（最近 ${c.lastMeetingDate}）`
          : '从未召开四方联席会议',
    );
  },
} satisfies ServerIndicator;
