/**
 * Lagging compounds (后进小区) of a township on a day, from the compound status rows
 * (compoundStatusAsOf): each compound in scope listed once with every reason that applies —
 * - noMeeting: no 四方联席 meeting in the 30 days ending the day (the deliberation window);
 * - noCommittee: no owners' committee in office;
 * - lowRating: under property management and latest evaluation 3★ or below, or 未达标;
 * - overdueIssues: at least one overdue resident issue.
 * Most reasons first, then by compound code.
 */
import { RATING_NAMES, type CompoundStatus } from '../compounds/compoundStatus.ts';
import { addDays } from '../time/dates.ts';
import { DELIBERATION_WINDOW_DAYS } from '../indicators/windows.ts';
import type { Locale } from '../language/index.ts';

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
  /** The reasons in words (Chinese as stored; laggingIn writes them in another language), with their figures. */
  reasonText: string[];
  lastMeetingDate: string | null;
  rating: CompoundStatus['rating'];
  overdueIssues: number;
}

const STARS = RATING_NAMES['zh-CN'];
const STARS_EN = RATING_NAMES.en;
const LOW_RATINGS = new Set(['3', '2', '1', 'fail']);

type ReasonFigures = Pick<LaggingCompound, 'lastMeetingDate' | 'rating' | 'overdueIssues'>;

/** One reason in words, with the compound's figures behind it. */
export function lagReasonText(reason: LagReason, c: ReasonFigures, locale: Locale): string {
  const days = DELIBERATION_WINDOW_DAYS;
  if (locale === 'en') {
    switch (reason) {
      case 'noMeeting':
        return c.lastMeetingDate
          ? `No four-party meeting in ${days} days (last ${c.lastMeetingDate})`
          : 'Never held a four-party meeting';
      case 'noCommittee':
        return "No owners' committee in office";
      case 'lowRating':
        return c.rating ? `Latest rating: ${STARS_EN[c.rating]}` : '3 stars or below, or failed';
      case 'overdueIssues':
        return `${c.overdueIssues} overdue resident ${c.overdueIssues === 1 ? 'issue' : 'issues'}`;
    }
  }
  switch (reason) {
    case 'noMeeting':
      return c.lastMeetingDate ? `${days}天内未召开四方联席会议（最近 ${c.lastMeetingDate}）` : '从未召开四方联席会议';
    case 'noCommittee':
      return LAG_REASON_LABELS.noCommittee;
    case 'lowRating':
      return c.rating ? `最近评定${STARS[c.rating]}` : LAG_REASON_LABELS.lowRating;
    case 'overdueIssues':
      return `超期诉求${c.overdueIssues}件`;
  }
}

/** The list with its reasons written in `locale` (the stored text is Chinese). */
export function laggingIn(list: readonly LaggingCompound[], locale: Locale): LaggingCompound[] {
  if (locale === 'zh-CN') return [...list];
  return list.map((c) => ({ ...c, reasonText: c.reasons.map((r) => lagReasonText(r, c, locale)) }));
}

export function laggingCompounds(rows: readonly CompoundStatus[], asOf: string): LaggingCompound[] {
  const since = addDays(asOf, -(DELIBERATION_WINDOW_DAYS - 1));
  const lagging = rows.flatMap((c): LaggingCompound[] => {
    const found: LagReason[] = [];
    if (c.lastMeetingDate === null || c.lastMeetingDate < since) found.push('noMeeting');
    if (!c.committeeInOffice) found.push('noCommittee');
    if (c.propertyManaged && c.rating !== null && LOW_RATINGS.has(c.rating)) found.push('lowRating');
    if (c.overdueIssues > 0) found.push('overdueIssues');
    if (!found.length) return [];
    return [
      {
        code: c.code,
        name: c.name,
        townshipCode: c.townshipCode,
        townshipName: c.townshipName,
        community: c.community,
        reasons: found,
        reasonText: found.map((r) => lagReasonText(r, c, 'zh-CN')),
        lastMeetingDate: c.lastMeetingDate,
        rating: c.rating,
        overdueIssues: c.overdueIssues,
      },
    ];
  });
  return lagging.sort((a, b) => b.reasons.length - a.reasons.length || (a.code < b.code ? -1 : 1));
}
