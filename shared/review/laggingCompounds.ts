/**
 * Lagging compounds (后进小区) of a township on a day, from the compound status rows
 * (compoundStatusAsOf): each compound in scope listed once with every reason that applies —
 * - noMeeting: no 四方联席 meeting in the 30 days ending the day (the deliberation window);
 * - noCommittee: no owners' committee in office;
 * - lowRating: under property management and latest evaluation 3★ or below, or 未达标;
 * - overdueIssues: at least one overdue resident issue.
 * Most reasons first, then by compound code.
 */
import type { CompoundStatus } from '../compounds/compoundStatus.ts';
import { addDays } from '../time/dates.ts';
import { DELIBERATION_WINDOW_DAYS } from '../indicators/windows.ts';

export type LagReason = 'noMeeting' | 'noCommittee' | 'lowRating' | 'overdueIssues';

export const LAG_REASON_LABELS: Record<LagReason, string> = {
  noMeeting: '30天内未召开四方联席会议',
  noCommittee: '无在任业委会',
  lowRating: '星级三星及以下或未达标',
  overdueIssues: '有超期诉求',
};

export interface LaggingCompound {
  code: string;
  name: string;
  townshipCode: string;
  townshipName: string;
  community: string;
  reasons: LagReason[];
  /** The reasons in Chinese, with the figures behind them. */
  reasonText: string[];
  lastMeetingDate: string | null;
  rating: CompoundStatus['rating'];
  overdueIssues: number;
}

const STARS = { '5': '五星', '4': '四星', '3': '三星', '2': '二星', '1': '一星', fail: '未达标' } as const;
const LOW_RATINGS = new Set(['3', '2', '1', 'fail']);

export function laggingCompounds(rows: readonly CompoundStatus[], asOf: string): LaggingCompound[] {
  const since = addDays(asOf, -(DELIBERATION_WINDOW_DAYS - 1));
  const lagging = rows.flatMap((c): LaggingCompound[] => {
    const found: [LagReason, string][] = [];
    if (c.lastMeetingDate === null || c.lastMeetingDate < since) {
      found.push([
        'noMeeting',
        c.lastMeetingDate
          ? `${DELIBERATION_WINDOW_DAYS}天内未召开四方联席会议（最近 ${c.lastMeetingDate}）`
          : '从未召开四方联席会议',
      ]);
    }
    if (!c.committeeInOffice) found.push(['noCommittee', LAG_REASON_LABELS.noCommittee]);
    if (c.propertyManaged && c.rating !== null && LOW_RATINGS.has(c.rating))
      found.push(['lowRating', `最近评定${STARS[c.rating]}`]);
    if (c.overdueIssues > 0) found.push(['overdueIssues', `超期诉求${c.overdueIssues}件`]);
    if (!found.length) return [];
    return [
      {
        code: c.code,
        name: c.name,
        townshipCode: c.townshipCode,
        townshipName: c.townshipName,
        community: c.community,
        reasons: found.map((f) => f[0]),
        reasonText: found.map((f) => f[1]),
        lastMeetingDate: c.lastMeetingDate,
        rating: c.rating,
        overdueIssues: c.overdueIssues,
      },
    ];
  });
  return lagging.sort((a, b) => b.reasons.length - a.reasons.length || (a.code < b.code ? -1 : 1));
}
