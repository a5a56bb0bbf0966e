/**
 * A warning in the reader's language. Its stored `details` is the Chinese sentence written when it
 * was raised (the official wording, also sent to webhooks); for a reader in English the sentence
 * is written again from the warning's figures and names. A figure missing (a warning raised
 * before it was kept) leaves the Chinese as it is.
 */
import type { Locale } from '../../../shared/language/index.ts';
import { INDICATORS, isIndicatorKey } from '../../../shared/indicators/index.ts';
import type { WarningRuleKey } from '../../../shared/supervision/warnings.ts';
import type { WarningView } from './warningQueries.ts';

export const WARNING_RULE_LABELS_EN: Record<WarningRuleKey, string> = {
  noMeeting: 'No four-party meeting for a long time',
  termEnding: "Owners' committee term ending, no re-election",
  issueOverdue: 'Resident issue overdue',
  ratingDrop: 'Property rating dropped',
  petitionSurge: 'Surge of petitions and disputes',
  indicatorUnmet: 'Goal unmet for weeks in a row',
};

const RATING_EN: Record<string, string> = {
  '5': '5 stars',
  '4': '4 stars',
  '3': '3 stars',
  '2': '2 stars',
  '1': '1 star',
  fail: 'failed',
};
const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** The details in English from the figures; null when a figure it needs is missing. */
export function warningDetailsEn(
  w: Pick<WarningView, 'rule' | 'figures' | 'compoundName' | 'townshipName' | 'indicator'>,
): string | null {
  const f = w.figures;
  const num = (key: string) => (typeof f[key] === 'number' ? (f[key] as number) : null);
  const str = (key: string) => (typeof f[key] === 'string' ? (f[key] as string) : null);
  const who = w.compoundName ?? w.townshipName;
  switch (w.rule) {
    case 'noMeeting': {
      const days = num('days');
      if (days === null) return null;
      const last = str('lastMeeting');
      return last
        ? `${who}: no four-party meeting for ${plural(days, 'day', 'days')} (last: ${last})`
        : `${who}: no four-party meeting since it was listed (${plural(days, 'day', 'days')})`;
    }
    case 'termEnding': {
      const days = num('days');
      const end = str('termEnd');
      if (days === null || !end) return null;
      return `${who}: owners' committee term ends on ${end} (${plural(days, 'day', 'days')} left), no re-election recorded`;
    }
    case 'issueOverdue': {
      const days = num('days');
      const due = str('dueOn');
      const id = num('issueId');
      if (days === null || !due) return null;
      return `${who}: resident issue${id === null ? '' : ` #${id}`} overdue by ${plural(days, 'day', 'days')} (due ${due})`;
    }
    case 'ratingDrop': {
      const to = str('rating');
      const from = str('previous');
      const on = str('evaluatedOn');
      if (!to || !from || !on) return null;
      return `${who}: property rating fell from ${RATING_EN[from] ?? from} to ${RATING_EN[to] ?? to} (${on})`;
    }
    case 'petitionSurge': {
      const count = num('count');
      const threshold = num('threshold');
      const since = str('since');
      if (count === null || threshold === null || !since) return null;
      return `${who}: ${count} petitions and disputes in 28 days (more than ${threshold}), high since ${since}`;
    }
    case 'indicatorUnmet': {
      const weeks = num('weeks');
      const first = str('firstWeek');
      if (weeks === null || !first || !isIndicatorKey(w.indicator)) return null;
      return `${who}: ${INDICATORS[w.indicator].nameEn} below its goal for ${plural(weeks, 'week', 'weeks')} in a row, since ${first}`;
    }
  }
}

export function warningIn(w: WarningView, locale: Locale): WarningView {
  if (locale === 'zh-CN') return w;
  return { ...w, ruleLabel: WARNING_RULE_LABELS_EN[w.rule], details: warningDetailsEn(w) ?? w.details };
}
