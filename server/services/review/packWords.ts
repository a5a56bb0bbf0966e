/**
 * The words the review's files share, per language: the weekly pack (XLSX and PDF) and the
 * township's one-pager. Chinese is the official wording, kept exactly as the pack has always
 * written it; English says the same with the same figures and rounding (format.ts). Data — the
 * names of places and compounds, what people typed — is never translated.
 */
import { INDICATORS, type IndicatorKey, type IndicatorStatus } from '../../../shared/indicators/index.ts';
import type { Locale } from '../../../shared/language/index.ts';
import type { LagReason } from '../../../shared/review/laggingCompounds.ts';
import { LAG_REASON_LABELS } from '../../../shared/review/laggingCompounds.ts';
import { shanghaiDateTime } from '../../../shared/time/dates.ts';
import { weekLabel, weekStateLabel } from '../../../shared/time/weeks.ts';
import { DATA_NATURE } from '../dataset/datasetInfo.ts';
import { deltaMagnitude, fixed, formatDelta, formatValue, formatValueEn, statusLabel } from './format.ts';
import type { ReviewBoard } from './rankingBoard.ts';

export interface PackWords {
  locale: Locale;
  /** The whole city as a scope, beside the townships. */
  city: string;
  none: string;
  yes: string;
  no: string;
  list: Record<'red' | 'black', string>;
  /** Between items of a list ('、') and between reasons or changes ('；'). */
  and: string;
  semicolon: string;
  value(key: IndicatorKey, value: number | null): string;
  /** A value in a table whose header gives the unit. */
  bareValue(key: IndicatorKey, value: number | null): string;
  delta(key: IndicatorKey, delta: number | null): string;
  status(key: IndicatorKey, status: IndicatorStatus | null): string;
  indicator(key: IndicatorKey): string;
  numeratorLabel(key: IndicatorKey): string;
  denominatorLabel(key: IndicatorKey): string;
  numeratorHeader(key: IndicatorKey): string;
  denominatorHeader(key: IndicatorKey): string;
  unitNote(key: IndicatorKey): string;
  chartNote(key: IndicatorKey): string;
  /** Why a value cannot be computed (the engine's reason is Chinese). */
  noValueReason(key: IndicatorKey, reason: string): string;
  lagReason: Record<LagReason, string>;
  dataNature(demo: boolean): string;
  week(week: string): string;
  /** The week's state, e.g. '已晾晒，快照冻结于 2026-12-05 01:50（此后的记录修改不影响本周数字）'. */
  weekStatusLine(board: ReviewBoard): string;
  /** What 上周 is: the previous week as it was shown, and whether a later correction changed it. */
  previousWeekLine(board: ReviewBoard): string;
  /** The township's name in it, or none for the city's pack. */
  packFileName(week: string, township: string | null, format: string): string;
  onePagerFileName(week: string, township: string): string;
}

const frozen = (board: ReviewBoard) => (board.reviewed ? shanghaiDateTime(board.reviewed.reviewedAt) : null);

const zh: PackWords = {
  locale: 'zh-CN',
  city: '全市',
  none: '无',
  yes: '是',
  no: '否',
  list: { red: '红榜', black: '黑榜' },
  and: '、',
  semicolon: '；',
  value: formatValue,
  bareValue: (key, value) => formatValue(key, value).replace('每千户', '').replace('件', ''),
  delta: formatDelta,
  status: statusLabel,
  indicator: (key) => INDICATORS[key].name,
  numeratorLabel: (key) => INDICATORS[key].numeratorLabel,
  denominatorLabel: (key) => INDICATORS[key].denominatorLabel,
  numeratorHeader: (key) => INDICATORS[key].pack.numeratorHeader,
  denominatorHeader: (key) => INDICATORS[key].pack.denominatorHeader,
  unitNote: (key) => INDICATORS[key].pack.unitNote,
  chartNote: (key) => INDICATORS[key].pack.chartNote,
  noValueReason: (_key, reason) => reason,
  lagReason: LAG_REASON_LABELS,
  dataNature: (demo) => DATA_NATURE['zh-CN'][demo ? 'demo' : 'ledger'],
  week: (week) => weekLabel(week),
  weekStatusLine(board) {
    const state = weekStateLabel(board.state, { asOf: board.asOf, frozenAt: frozen(board) });
    if (board.state === 'reviewed') return `${state}（此后的记录修改不影响本周数字）`;
    if (board.state === 'ended')
      return `${state}：按当前记录计算至 ${board.asOf}，已有 ${board.corrections.length} 条更正`;
    return `${state}（实时数字）`;
  },
  previousWeekLine(board) {
    const p = board.previousWeek;
    if (!p) return '上周：无（数据起始周）';
    const how = p.reviewed ? `已晾晒快照，冻结于 ${shanghaiDateTime(p.reviewed.reviewedAt)}` : `${p.asOf} 周日数据`;
    const corrected = p.corrections.length
      ? `；晾晒后有更正改变了上周 ${p.corrections.length} 项数字，“上周”仍按当时展示的数字`
      : '';
    return `上周 = ${weekLabel(p.week)}（${how}）${corrected}`;
  },
  packFileName: (week, township, format) => `晾晒_${week}_${township ?? '全市'}.${format}`,
  onePagerFileName: (week, township) => `一页纸_${week}_${township}.pdf`,
};

const STATUS_EN: Record<IndicatorStatus, string> = {
  met: 'Met',
  on_track: 'On track',
  at_risk: 'At risk',
  off_track: 'Off track',
};

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

const en: PackWords = {
  locale: 'en',
  city: 'City',
  none: 'none',
  yes: 'Yes',
  no: 'No',
  list: { red: 'Red list', black: 'Black list' },
  and: ', ',
  semicolon: '; ',
  value: formatValueEn,
  bareValue: (key, value) =>
    value === null ? '—' : INDICATORS[key].unit === 'rate' ? formatValueEn(key, value) : fixed(value, 2),
  delta(key, delta) {
    if (delta === null) return '—';
    // The Chinese table's figure and rounding with the unit in English: "+3.2 pts", "-0.05".
    const size = deltaMagnitude(key, delta);
    const sign = Number(size) === 0 ? '' : delta > 0 ? '+' : '-';
    return `${sign}${size}${INDICATORS[key].unit === 'rate' ? ' pts' : ''}`;
  },
  status(key, status) {
    if (status === null) return '—';
    if (INDICATORS[key].goal === 'standing' && status !== 'met') return 'Not met';
    return STATUS_EN[status];
  },
  indicator: (key) => INDICATORS[key].nameEn,
  numeratorLabel: (key) => INDICATORS[key].packEn.numeratorLabel,
  denominatorLabel: (key) => INDICATORS[key].packEn.denominatorLabel,
  numeratorHeader: (key) => INDICATORS[key].packEn.numeratorHeader,
  denominatorHeader: (key) => INDICATORS[key].packEn.denominatorHeader,
  unitNote: (key) => INDICATORS[key].packEn.unitNote,
  chartNote: (key) => INDICATORS[key].packEn.chartNote,
  noValueReason: (key) => INDICATORS[key].packEn.noDenominatorReason,
  lagReason: {
    noMeeting: 'No joint meeting in 30 days',
    noCommittee: 'No committee in office',
    lowRating: 'Rated three stars or less, or failed',
    overdueIssues: 'Overdue issues',
  },
  dataNature: (demo) => DATA_NATURE.en[demo ? 'demo' : 'ledger'],
  week: (week) => weekLabel(week, 'en'),
  weekStatusLine(board) {
    const state = weekStateLabel(board.state, { asOf: board.asOf, frozenAt: frozen(board) }, 'en');
    if (board.state === 'reviewed') return `${state} (later changes to the records do not change this week's figures)`;
    if (board.state === 'ended')
      return `${state}: computed from current records to ${board.asOf}, ${plural(board.corrections.length, 'correction', 'corrections')} so far`;
    return `${state} (live figures)`;
  },
  previousWeekLine(board) {
    const p = board.previousWeek;
    if (!p) return 'Last week: none (first week of the data)';
    const how = p.reviewed
      ? `its reviewed snapshot, frozen at ${shanghaiDateTime(p.reviewed.reviewedAt)}`
      : `its Sunday, ${p.asOf}`;
    const corrected = p.corrections.length
      ? `; since it was reviewed, corrections changed ${p.corrections.length} of its figures; "last week" keeps the figures it showed`
      : '';
    return `Last week = ${weekLabel(p.week, 'en')} (${how})${corrected}`;
  },
  packFileName: (week, township, format) => `weekly-pack-${week}${township ? `-${township}` : ''}.${format}`,
  onePagerFileName: (week, township) => `one-pager-${week}-${township}.pdf`,
};

export const PACK_WORDS: Record<Locale, PackWords> = { 'zh-CN': zh, en };
