/**
 * The weekly pack's workbook in words, per language: sheet names, column headers and the 说明
 * (notes) sheet. Chinese is the official wording, unchanged; English names the same columns in
 * the same order, so a figure is found in the same cell in either file. Sheet names stay within
 * Excel's 31 characters.
 */
import { INDICATORS, type IndicatorKey } from '../../../shared/indicators/index.ts';
import type { Locale } from '../../../shared/language/index.ts';

export interface PackSheetWords {
  sheet: {
    overview: string;
    lists: string;
    movers: string;
    summary: string;
    indicator(key: IndicatorKey): string;
    lagging: string;
    changes: string;
    drill(key: IndicatorKey): string;
    about: string;
  };
  column: {
    compositeRank: string;
    townshipCode: string;
    township: string;
    compositeScore: string;
    previousCompositeRank: string;
    rankChange: string;
    vsLastWeek: string;
    previousCompositeScore: string;
    lists: string;
    listReasons: string;
    indicatorRank(key: IndicatorKey): string;
    list: string;
    item: string;
    direction: string;
    valueChange: string;
    rankThisWeek: string;
    scope: string;
    summary: string;
    rank: string;
    value: string;
    numerator: string;
    denominator: string;
    target: string;
    deadline: string;
    lastWeek: string;
    previousRank: string;
    status: string;
    score: string;
    note: string;
    compoundCode: string;
    compoundName: string;
    community: string;
    overdueIssues: string;
    lastMeeting: string;
    reasons: string;
    change: string;
    households: string;
    inDenominator: string;
    inNumerator: string;
  };
  composite: string;
  up: string;
  down: string;
  total: string;
  about: {
    material: string;
    title: string;
    asOf: string;
    comparedWith: string;
    noPrevious: string;
    dataNature: string;
    weekState: string;
    lastWeek: string;
    rules: string;
    conventions: string;
    conventionsText: string;
  };
}

const zh: PackSheetWords = {
  sheet: {
    overview: '总览',
    lists: '红黑榜',
    movers: '进退',
    summary: '摘要',
    indicator: (key) => INDICATORS[key].name,
    lagging: '后进小区',
    changes: '本周变化',
    drill: (key) => `明细-${INDICATORS[key].name}`,
    about: '说明',
  },
  column: {
    compositeRank: '综合排名',
    townshipCode: '镇街代码',
    township: '镇街',
    compositeScore: '综合得分',
    previousCompositeRank: '上周综合排名',
    rankChange: '排名变化',
    vsLastWeek: '较上周',
    previousCompositeScore: '上周综合得分',
    lists: '红黑榜',
    listReasons: '入榜理由',
    indicatorRank: (key) => `${INDICATORS[key].name}排名`,
    list: '榜单',
    item: '项目',
    direction: '方向',
    valueChange: '数值变化',
    rankThisWeek: '本周排名',
    scope: '范围',
    summary: '摘要',
    rank: '排名',
    value: '数值',
    numerator: '分子',
    denominator: '分母',
    target: '目标',
    deadline: '目标期限',
    lastWeek: '上周',
    previousRank: '上周排名',
    status: '达标/进度',
    score: '得分',
    note: '说明',
    compoundCode: '小区编码',
    compoundName: '小区名称',
    community: '社区/村',
    overdueIssues: '超期诉求',
    lastMeeting: '最近四方联席会议',
    reasons: '原因',
    change: '变化',
    households: '户数',
    inDenominator: '计入分母',
    inNumerator: '计入分子',
  },
  composite: '综合排名',
  up: '进步',
  down: '退步',
  total: '合计',
  about: {
    material: '材料',
    title: '每周调度晾晒',
    asOf: '截至日期',
    comparedWith: '对比日期',
    noPrevious: '无（数据起始周）',
    dataNature: '数据性质',
    weekState: '晾晒状态',
    lastWeek: '上周',
    rules: '规则',
    conventions: '口径',
    conventionsText:
      '比率为0–1的小数（以百分比格式显示）；信访矛盾为每千户28天内信访件与矛盾纠纷数（越低越好）；排名1为最好。',
  },
};

const en: PackSheetWords = {
  sheet: {
    overview: 'Overview',
    lists: 'Red and black lists',
    movers: 'Movers',
    summary: 'Summary',
    indicator: (key) => INDICATORS[key].nameEn,
    lagging: 'Lagging compounds',
    changes: 'Changes this week',
    drill: (key) => `Detail - ${INDICATORS[key].names.en.short}`,
    about: 'Notes',
  },
  column: {
    compositeRank: 'Composite rank',
    townshipCode: 'Township code',
    township: 'Township',
    compositeScore: 'Composite score',
    previousCompositeRank: 'Composite rank last week',
    rankChange: 'Rank change',
    vsLastWeek: 'vs last week',
    previousCompositeScore: 'Composite score last week',
    lists: 'Red/black list',
    listReasons: 'Why listed',
    indicatorRank: (key) => `${INDICATORS[key].nameEn} rank`,
    list: 'List',
    item: 'Ranking',
    direction: 'Direction',
    valueChange: 'Value change',
    rankThisWeek: 'Rank this week',
    scope: 'Scope',
    summary: 'Summary',
    rank: 'Rank',
    value: 'Value',
    numerator: 'Numerator',
    denominator: 'Denominator',
    target: 'Goal',
    deadline: 'Goal deadline',
    lastWeek: 'Last week',
    previousRank: 'Rank last week',
    status: 'Met / pace',
    score: 'Score',
    note: 'Note',
    compoundCode: 'Compound code',
    compoundName: 'Compound',
    community: 'Community/village',
    overdueIssues: 'Overdue issues',
    lastMeeting: 'Last joint meeting',
    reasons: 'Reasons',
    change: 'Changes',
    households: 'Households',
    inDenominator: 'In denominator',
    inNumerator: 'In numerator',
  },
  composite: 'Composite rank',
  up: 'Up',
  down: 'Down',
  total: 'Total',
  about: {
    material: 'Document',
    title: 'Weekly review pack',
    asOf: 'As of',
    comparedWith: 'Compared with',
    noPrevious: 'none (first week of the data)',
    dataNature: 'Data',
    weekState: 'Review state',
    lastWeek: 'Last week',
    rules: 'Rules',
    conventions: 'Conventions',
    conventionsText:
      'Rates are fractions 0–1 (shown as percentages); petitions and disputes are counted per 1,000 households over 28 days (lower is better); rank 1 is the best.',
  },
};

export const PACK_SHEET_WORDS: Record<Locale, PackSheetWords> = { 'zh-CN': zh, en };
