/**
 * What the supervision (督办) screens share: who may do what, the light's words (never colour
 * alone: 剩余N天 / 今日到期 / 逾期N天), and which topic a problem seen on a screen is about, so the
 * issue form can prefill its suggestion. Days are Asia/Shanghai days, computed by the server.
 */
import type { LagReason } from '../../../../shared/review/laggingCompounds.ts';
import type { IndicatorKey } from '../../../../shared/indicators/index.ts';
import { INDICATOR_ORDER } from '../../../../shared/indicators/index.ts';
import { closedLate, lightColour, type SupervisionTopic } from '../../../../shared/supervision/index.ts';
import { shanghaiDateTime } from '../../../../shared/time/dates.ts';
import type { RouterOutputs } from '../../app/trpc.ts';
import type { MessageKey } from '../../i18n/zh-CN.ts';
import { canEditTownship, hasPermission, type Me } from '../auth/session.ts';

export type SupervisionItem = RouterOutputs['supervision']['list'][number];
export type SupervisionDetail = NonNullable<RouterOutputs['supervision']['get']>;

/** Issuing, accepting and returning: the organisation department (analyst, business admin, admin). */
export function canSupervise(me: Me | null | undefined): boolean {
  return hasPermission(me, 'supervise');
}

/** Answering: the township's own staff (an administrator for any township), as the server checks. */
export function canAnswer(me: Me | null | undefined, townshipCode: string): boolean {
  return canEditTownship(me, townshipCode);
}

type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

/** The light in words: 剩余N天, 今日到期, 逾期N天; once closed 按期销号 or 逾期销号 (by the Shanghai day it was closed). */
export function lightText(
  item: Pick<SupervisionItem, 'light' | 'daysLeft' | 'deadline' | 'closedAt'>,
  t: Translate,
): string {
  if (item.light === null) {
    const closedOn = item.closedAt === null ? null : shanghaiDateTime(item.closedAt).slice(0, 10);
    return t(closedLate(item.deadline, closedOn) ? 'supervision.light.closedLate' : 'supervision.light.closed');
  }
  if (item.daysLeft < 0) return t('supervision.light.overdue', { days: -item.daysLeft });
  if (item.daysLeft === 0) return t('supervision.light.today');
  return t('supervision.light.left', { days: item.daysLeft });
}

/** The light's colour on the dark ground (closed: the neutral grey). */
export const lightCss = (item: Pick<SupervisionItem, 'light'>) => lightColour(item.light, 'dark');

/** The topic behind a lagging compound's reason. */
export const LAG_TOPIC: Readonly<Record<LagReason, SupervisionTopic>> = {
  noMeeting: 'deliberationCoverage',
  noCommittee: 'committeeRate',
  lowRating: 'serviceQuality',
  overdueIssues: 'overdueIssues',
};

/** The indicator an item is about ('overdueIssues' is not one of the five). */
export function indicatorOf(topic: SupervisionTopic): IndicatorKey | null {
  return topic === 'overdueIssues' ? null : topic;
}

/** A township's weakest indicator on the board: the worst rank (ties: the order of the five). */
export function worstIndicator(indicators: Record<IndicatorKey, { rank: number | null }>): IndicatorKey {
  let worst: IndicatorKey = INDICATOR_ORDER[0]!;
  for (const key of INDICATOR_ORDER) if ((indicators[key].rank ?? 0) > (indicators[worst].rank ?? 0)) worst = key;
  return worst;
}

/** What a black-list entry is about: its overdue or deliberation rule, else the weakest indicator. */
export function blackListTopic(
  rules: readonly string[],
  indicators: Record<IndicatorKey, { rank: number | null }> | undefined,
): SupervisionTopic {
  if (rules.includes('overdueShare')) return 'overdueIssues';
  if (rules.includes('deliberationCoverage')) return 'deliberationCoverage';
  return indicators ? worstIndicator(indicators) : 'deliberationCoverage';
}

/** Open items first (the server's order: overdue, then by deadline), closed ones after. */
export function openFirst<T extends Pick<SupervisionItem, 'state'>>(items: readonly T[]): T[] {
  return [...items.filter((i) => i.state !== 'closed'), ...items.filter((i) => i.state === 'closed')];
}
