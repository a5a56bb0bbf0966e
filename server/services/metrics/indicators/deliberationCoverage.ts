import { deliberationCoverage as meta } from '../../../../shared/indicators/deliberationCoverage.ts';
import { sayer } from '../../../../shared/indicators/reasons.ts';
import { DELIBERATION_WINDOW_DAYS } from '../../../../shared/indicators/windows.ts';
import { addDays } from '../../../../shared/time/dates.ts';
import { rateContribution, type ServerIndicator } from './types.ts';

const say = sayer(meta.reasons);

export const deliberationCoverage = {
  ...meta,
  fraction: (c) => [c.withRecentMeeting, c.compounds],
  classify: (c, asOf) => {
    const since = addDays(asOf, -(DELIBERATION_WINDOW_DAYS - 1));
    const last = c.lastMeetingDate;
    if (last === null) return rateContribution(false, say('never'));
    const recent = last >= since;
    return recent
      ? rateContribution(true, say('met', { last }), last)
      : rateContribution(false, say('lapsed', { last }), last);
  },
} satisfies ServerIndicator;
