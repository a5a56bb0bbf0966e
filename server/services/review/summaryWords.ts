/**
 * The words of the week's summary, per language, from the same numbers. Chinese is the official
 * wording (kept exactly as the review has always written it); English says the same things with
 * the same figures and rounding (format.ts), so a figure checked in one language holds in the other.
 */
import { INDICATORS, type IndicatorKey, type IndicatorStatus, type Locale } from '../../../shared/indicators/index.ts';
import { deltaMagnitude, fixed, formatValue, formatValueEn, points } from './format.ts';

export interface SummaryWords {
  indicatorName(key: IndicatorKey): string;
  value(key: IndicatorKey, value: number | null): string;
  score(score: number): string;
  /** "提升3.2个百分点" / "up 3.2 percentage points"; null when the change rounds to nothing. */
  change(key: IndicatorKey, delta: number): string | null;
  rank(rank: number | null, change: number | null): string;
  /** Met first; a goal not met is then judged on pace, a standing rule (no pace) just not met. */
  verdict(key: IndicatorKey, status: IndicatorStatus | null | undefined): string;
  cityNoValue(name: string): string;
  cityIndicator(name: string, value: string, change: string | null | undefined, verdict: string): string;
  leaders(items: readonly string[]): string;
  leader(name: string, score: string): string;
  moverUp(name: string, places: number): string;
  moverDown(name: string, places: number): string;
  movers(parts: readonly string[]): string;
  lists(red: readonly string[], black: readonly string[]): string;
  townshipNoScore(name: string): string;
  townshipComposite(name: string, score: string, rank: number, rankChange: number | null): string;
  townshipSteady(name: string): string;
  townshipNothingToCompare(name: string): string;
  townshipIndicator(name: string, indicator: string, change: string | null, value: string, rank: string): string;
}

const PACE_ZH = {
  on_track: '，尚未达标，按当前进度可按期达标',
  at_risk: '，尚未达标，有不能按期达标的风险',
  off_track: '，尚未达标，进度滞后',
} as const;

const zh: SummaryWords = {
  indicatorName: (key) => INDICATORS[key].name,
  value: formatValue,
  score: points,
  change(key, delta) {
    const size = deltaMagnitude(key, delta);
    if (Number(size) === 0) return null;
    if (INDICATORS[key].unit === 'rate') return `${delta > 0 ? '提升' : '下降'}${size}个百分点`;
    return `${delta > 0 ? '增加' : '减少'}${size}件`;
  },
  rank(rank, change) {
    if (rank === null) return '暂无排名';
    if (change === null) return `排名第${rank}位`;
    if (change === 0) return `排名不变（第${rank}位）`;
    return `排名${change > 0 ? '上升' : '下降'}${Math.abs(change)}位至第${rank}位`;
  },
  verdict(key, status) {
    if (status === null || status === undefined) return '';
    if (status === 'met') return '，已达标';
    if (INDICATORS[key].goal === 'standing') return '，未达标';
    return PACE_ZH[status];
  },
  cityNoValue: (name) => `全市${name}本周无法计算。`,
  cityIndicator(name, value, change, verdict) {
    const head = `全市${name}为${value}`;
    if (change === undefined) return `${head}${verdict}。`;
    return `${head}，${change ? `较上周${change}` : '与上周持平'}${verdict}。`;
  },
  leader: (name, score) => `${name}（${score}）`,
  leaders: (items) => `综合得分居前的是${items.join('、')}。`,
  moverUp: (name, places) => `综合排名上升最多的是${name}（上升${places}位）`,
  moverDown: (name, places) => `下降最多的是${name}（下降${places}位）`,
  movers: (parts) => `${parts.join('，')}。`,
  lists: (red, black) =>
    `本周红榜：${red.length ? red.join('、') : '无'}；黑榜：${black.length ? black.join('、') : '无'}。`,
  townshipNoScore: (name) => `${name}本周无法计算综合得分。`,
  townshipComposite(name, score, rank, rankChange) {
    const change =
      rankChange === null
        ? ''
        : rankChange === 0
          ? '，与上周持平'
          : `，较上周${rankChange > 0 ? '上升' : '下降'}${Math.abs(rankChange)}位`;
    return `${name}综合得分${score}，列第${rank}位${change}。`;
  },
  townshipSteady: (name) => `${name}各项指标与上周持平。`,
  townshipNothingToCompare: (name) => `${name}本周没有可与上周比较的指标。`,
  townshipIndicator: (name, indicator, change, value, rank) =>
    change
      ? `${name}${indicator}较上周${change}（至${value}），${rank}。`
      : `${name}${indicator}与上周持平（${value}），${rank}。`,
};

const ordinal = (n: number): string => {
  const tens = n % 100;
  if (tens >= 11 && tens <= 13) return `${n}th`;
  return `${n}${({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[n % 10] ?? 'th'}`;
};
const places = (n: number): string => `${n} ${n === 1 ? 'place' : 'places'}`;
const list = (items: readonly string[]): string =>
  items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;

const PACE_EN = {
  on_track: ', not yet met, on track to meet it in time',
  at_risk: ', not yet met, at risk of missing the deadline',
  off_track: ', not yet met, behind schedule',
} as const;

const en: SummaryWords = {
  indicatorName: (key) => INDICATORS[key].nameEn.charAt(0).toLowerCase() + INDICATORS[key].nameEn.slice(1),
  value: formatValueEn,
  score: (score) => `${fixed(score, 1)} points`,
  change(key, delta) {
    const size = deltaMagnitude(key, delta);
    if (Number(size) === 0) return null;
    if (INDICATORS[key].unit === 'rate')
      return `${delta > 0 ? 'up' : 'down'} ${size} percentage ${size === '1.0' ? 'point' : 'points'}`;
    return `${delta > 0 ? 'up' : 'down'} ${size} per 1,000 households`;
  },
  rank(rank, change) {
    if (rank === null) return 'not ranked';
    if (change === null) return `ranked ${ordinal(rank)}`;
    if (change === 0) return `rank unchanged (${ordinal(rank)})`;
    return `${change > 0 ? 'up' : 'down'} ${places(Math.abs(change))} to ${ordinal(rank)}`;
  },
  verdict(key, status) {
    if (status === null || status === undefined) return '';
    if (status === 'met') return ', goal met';
    if (INDICATORS[key].goal === 'standing') return ', not met';
    return PACE_EN[status];
  },
  cityNoValue: (name) => `The city's ${name} cannot be computed this week.`,
  cityIndicator(name, value, change, verdict) {
    const head = `The city's ${name} is ${value}`;
    if (change === undefined) return `${head}${verdict}.`;
    return `${head}, ${change ? `${change} on last week` : 'unchanged from last week'}${verdict}.`;
  },
  leader: (name, score) => `${name} (${score})`,
  leaders: (items) => `Highest composite scores: ${list(items)}.`,
  moverUp: (name, n) => `Biggest composite rise: ${name} (up ${places(n)})`,
  moverDown: (name, n) => `biggest fall: ${name} (down ${places(n)})`,
  movers: (parts) => `${parts.join('; ')}.`,
  lists: (red, black) =>
    `This week's red list: ${red.length ? red.join(', ') : 'none'}; black list: ${black.length ? black.join(', ') : 'none'}.`,
  townshipNoScore: (name) => `${name}: no composite score can be computed this week.`,
  townshipComposite(name, score, rank, rankChange) {
    const change =
      rankChange === null
        ? ''
        : rankChange === 0
          ? ', same as last week'
          : `, ${rankChange > 0 ? 'up' : 'down'} ${places(Math.abs(rankChange))} on last week`;
    return `${name}: composite score ${score}, ranked ${ordinal(rank)}${change}.`;
  },
  townshipSteady: (name) => `${name}: every indicator unchanged from last week.`,
  townshipNothingToCompare: (name) => `${name}: no indicator can be compared with last week.`,
  townshipIndicator: (name, indicator, change, value, rank) =>
    change
      ? `${name}: ${indicator} ${change} on last week (to ${value}), ${rank}.`
      : `${name}: ${indicator} unchanged from last week (${value}), ${rank}.`,
};

export const SUMMARY_WORDS: Record<Locale, SummaryWords> = { 'zh-CN': zh, en };

export { ordinal as ordinalEn };
