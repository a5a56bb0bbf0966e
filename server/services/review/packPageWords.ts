/**
 * The printed pages in words, per language: the weekly pack's PDF (packHtml.ts) and the township's
 * one-pager (townshipOnePager.ts) — headings, table headers, notes and the sentences that say
 * when a list is empty or cut. Chinese is the official wording, unchanged.
 */
import type { Locale } from '../../../shared/language/index.ts';

export interface PackPageWords {
  /** The `lang` of the HTML page (fonts, hyphenation). */
  htmlLang: string;
  packTitle(week: string, scope: string): string;
  packDocTitle(week: string): string;
  h: {
    ranking: string;
    townshipIndicators(scope: string): string;
    indicators: string;
    charts: string;
    summary: string;
    supervision: string;
    lists: string;
    lagging(scope: string): string;
    changes: string;
    rules: string;
  };
  th: {
    compositeRank: string;
    township: string;
    compositeScore: string;
    vsLastWeek: string;
    previousRank: string;
    indicatorRank(short: string): string;
    lists: string;
    value: string;
    rank: string;
    indicator: string;
    thisWeek: string;
    lastWeek: string;
    rankChange: string;
    target: string;
    status: string;
    fraction: string;
    compound: string;
    community: string;
    reasons: string;
    change: string;
    rankWithChange: string;
    pace: string;
  };
  compositeScore: string;
  goal: string;
  recentWeeks(name: string, weeks: number): string;
  statusKey: Record<'met' | 'on_track' | 'at_risk' | 'off_track', string>;
  barColours(key: string, standing: readonly string[]): string;
  /** '陈埭镇：reason；reason' as a list entry. */
  colon: string;
  biggestMoves(moves: readonly string[]): string;
  noLagging: string;
  laggingNote(count: number): string;
  noChanges: string;
  // The one-pager.
  onePagerTitle(township: string, week: string): string;
  onePagerDocTitle(township: string, week: string): string;
  asOfLine(asOf: string, previousAsOf: string | null, state: string): string;
  compositeRankOf(rank: string, ranked: number): string;
  vsLastWeek(change: string): string;
  compositeScoreOf(score: string): string;
  notListed: string;
  fourUpOneDown: string;
  noSummary: string;
  changesOf(count: number): string;
  laggingOf(count: number): string;
  supervisionOf(open: number): string;
  moreChanges(n: number): string;
  moreLagging(n: number): string;
  moreItems(n: number): string;
  footer(asOf: string, ranked: number, demo: boolean, generatedAt: string): string;
}

const WHERE_ZH = '，见镇街页面或全市晾晒材料。';

const zh: PackPageWords = {
  htmlLang: 'zh-CN',
  packTitle: (week, scope) => `住宅小区治理“四升一降”每周调度晾晒 · ${week} · ${scope}`,
  packDocTitle: (week) => `每周调度晾晒 ${week}`,
  h: {
    ranking: '综合排名',
    townshipIndicators: (scope) => `${scope}各项指标`,
    indicators: '各镇街指标',
    charts: '图表',
    summary: '本周摘要',
    supervision: '上周督办事项办理情况',
    lists: '红黑榜与进退',
    lagging: (scope) => `后进小区（${scope}）`,
    changes: '本周变化（逐个小区）',
    rules: '规则说明',
  },
  th: {
    compositeRank: '综合排名',
    township: '镇街',
    compositeScore: '综合得分',
    vsLastWeek: '较上周',
    previousRank: '上周排名',
    indicatorRank: (short) => `${short}排名`,
    lists: '红黑榜',
    value: '数值',
    rank: '排名',
    indicator: '指标',
    thisWeek: '本周',
    lastWeek: '上周',
    rankChange: '排名变化',
    target: '目标',
    status: '达标/进度',
    fraction: '分子/分母',
    compound: '小区',
    community: '社区/村',
    reasons: '原因',
    change: '变化',
    rankWithChange: '排名（变化）',
    pace: '进度',
  },
  compositeScore: '综合得分',
  goal: '目标',
  recentWeeks: (name, weeks) => `${name}（近${weeks}周）`,
  statusKey: { met: '达标', on_track: '按期推进', at_risk: '有风险', off_track: '滞后/未达标' },
  barColours: (key, standing) =>
    `条形颜色：${key}（仅达标为绿色${standing.length ? `；${standing.join('、')}为常态要求，未达标即为红色` : ''}）`,
  colon: '：',
  biggestMoves: (moves) => `综合排名变化最大：${moves.join('，') || '无'}`,
  noLagging: '本周没有后进小区。',
  laggingNote: (count) =>
    `共 ${count} 个小区：30天内未召开四方联席会议、无在任业委会、星级三星及以下或未达标、有超期诉求（每个小区列出全部原因）。`,
  noChanges: '与上周相比没有小区状态变化。',
  onePagerTitle: (township, week) => `${township} · 每周调度晾晒一页纸 · ${week}`,
  onePagerDocTitle: (township, week) => `${township} ${week} 一页纸`,
  asOfLine: (asOf, previousAsOf, state) => `截至 ${asOf}${previousAsOf ? `，对比 ${previousAsOf}` : ''} · ${state}`,
  compositeRankOf: (rank, ranked) => `综合排名 <span class="rank">${rank}</span> / ${ranked}`,
  vsLastWeek: (change) => `较上周 ${change}`,
  compositeScoreOf: (score) => `综合得分 ${score}`,
  notListed: '本周未列入红黑榜',
  fourUpOneDown: '四升一降',
  noSummary: '本周无摘要。',
  changesOf: (count) => `本周变化（${count} 个小区）`,
  laggingOf: (count) => `后进小区（${count} 个）`,
  supervisionOf: (open) => `督办事项（${open} 项未销号）`,
  moreChanges: (n) => `另有 ${n} 个小区有变化${WHERE_ZH}`,
  moreLagging: (n) => `另有 ${n} 个后进小区${WHERE_ZH}`,
  moreItems: (n) => `另有 ${n} 项未销号的督办事项${WHERE_ZH}`,
  footer: (asOf, ranked, demo, generatedAt) =>
    `数据说明：各项数字由小区台账记录按 ${asOf}（Asia/Shanghai）计算，排名为全市 ${ranked} 个镇街；` +
    `${demo ? '本页为演示数据；' : ''}生成于 ${generatedAt}。`,
};

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
const WHERE_EN = '; see the township page or the city pack.';

const en: PackPageWords = {
  htmlLang: 'en',
  packTitle: (week, scope) =>
    `Residential compound governance, "four up, one down": weekly review · ${week} · ${scope}`,
  packDocTitle: (week) => `Weekly review pack ${week}`,
  h: {
    ranking: 'Composite ranking',
    townshipIndicators: (scope) => `${scope}: indicators`,
    indicators: 'Indicators by township',
    charts: 'Charts',
    summary: 'Summary of the week',
    supervision: "Last week's supervision items",
    lists: 'Red and black lists, movers',
    lagging: (scope) => `Lagging compounds (${scope})`,
    changes: 'Changes this week (compound by compound)',
    rules: 'Rules',
  },
  th: {
    compositeRank: 'Composite rank',
    township: 'Township',
    compositeScore: 'Composite score',
    vsLastWeek: 'vs last week',
    previousRank: 'Rank last week',
    indicatorRank: (short) => `${short} rank`,
    lists: 'Lists',
    value: 'Value',
    rank: 'Rank',
    indicator: 'Indicator',
    thisWeek: 'This week',
    lastWeek: 'Last week',
    rankChange: 'Rank change',
    target: 'Goal',
    status: 'Met / pace',
    fraction: 'Numerator / denominator',
    compound: 'Compound',
    community: 'Community/village',
    reasons: 'Reasons',
    change: 'Changes',
    rankWithChange: 'Rank (change)',
    pace: 'Pace',
  },
  compositeScore: 'Composite score',
  goal: 'Goal',
  recentWeeks: (name, weeks) => `${name} (last ${weeks} weeks)`,
  statusKey: { met: 'Met', on_track: 'On track', at_risk: 'At risk', off_track: 'Off track / not met' },
  barColours: (key, standing) =>
    `Bar colours: ${key} (green only when met${standing.length ? `; ${standing.join(', ')} ${standing.length === 1 ? 'is a standing rule' : 'are standing rules'}: red when not met` : ''})`,
  colon: ': ',
  biggestMoves: (moves) => `Biggest composite rank changes: ${moves.join(', ') || 'none'}`,
  noLagging: 'No lagging compounds this week.',
  laggingNote: (n) =>
    `${count(n, 'compound', 'compounds')}: no joint meeting in 30 days, no committee in office, rated three stars or less or failed, or overdue issues (every reason listed for each compound).`,
  noChanges: 'No compound changed state since last week.',
  onePagerTitle: (township, week) => `${township} · weekly review one-pager · ${week}`,
  onePagerDocTitle: (township, week) => `${township} ${week} one-pager`,
  asOfLine: (asOf, previousAsOf, state) =>
    `As of ${asOf}${previousAsOf ? `, compared with ${previousAsOf}` : ''} · ${state}`,
  compositeRankOf: (rank, ranked) => `Composite rank <span class="rank">${rank}</span> / ${ranked}`,
  vsLastWeek: (change) => `vs last week ${change}`,
  compositeScoreOf: (score) => `Composite score ${score}`,
  notListed: 'Not on the red or black list this week',
  fourUpOneDown: 'Four up, one down',
  noSummary: 'No summary this week.',
  changesOf: (n) => `Changes this week (${count(n, 'compound', 'compounds')})`,
  laggingOf: (n) => `Lagging compounds (${n})`,
  supervisionOf: (open) => `Supervision items (${open} open)`,
  moreChanges: (n) => `${count(n, 'more compound has', 'more compounds have')} changed${WHERE_EN}`,
  moreLagging: (n) => `${count(n, 'more lagging compound', 'more lagging compounds')}${WHERE_EN}`,
  moreItems: (n) => `${count(n, 'more open supervision item', 'more open supervision items')}${WHERE_EN}`,
  footer: (asOf, ranked, demo, generatedAt) =>
    `About the data: every figure is computed from the compound ledger records as of ${asOf} (Asia/Shanghai); ranks are among the city's ${ranked} townships; ` +
    `${demo ? 'this page shows demo data; ' : ''}generated ${generatedAt}.`,
};

export const PACK_PAGE_WORDS: Record<Locale, PackPageWords> = { 'zh-CN': zh, en };
