/**
 * The drill-through's files in words, per language: the export's 说明 (notes) sheet, its column
 * headers, sections and sort keys. Each compound's reason is its indicator's own, declared in both
 * languages (shared/indicators/reasons.ts).
 */
import {
  DRILL_SECTION_ZH,
  DRILL_SORT_ZH,
  type DrillSection,
  type DrillSortKey,
} from '../../../shared/indicators/drillList.ts';
import { INDICATORS, type Direction, type IndicatorKey } from '../../../shared/indicators/index.ts';
import type { Locale } from '../../../shared/language/index.ts';
import { said } from '../../../shared/language/said.ts';

/** What the drill-through's export refuses with, in both languages (shared/language/said.ts). */
export const DRILL_REFUSALS = {
  nothingToExport: said('没有可导出的小区：当前筛选没有小区', 'No compounds to export: the filter leaves none'),
};

export interface DrillWords {
  section(direction: Direction, section: DrillSection): string;
  sort: Record<DrillSortKey, string>;
  ascending: string;
  descending: string;
  city: string;
  indicator(key: IndicatorKey): string;
  numeratorLabel(key: IndicatorKey): string;
  denominatorLabel(key: IndicatorKey): string;
  numeratorHeader(key: IndicatorKey): string;
  filter: { township: string; reason: string; community: string; search(text: string): string; none: string };
  and: string;
  about: {
    indicator: string;
    scope: string;
    asOf: string;
    filter: string;
    sort: string;
    value: string;
    numerator: string;
    denominator: string;
    listed: string;
    dataNature: string;
  };
  column: {
    section: string;
    code: string;
    name: string;
    township: string;
    community: string;
    households: string;
    inNumerator: string;
    reason: string;
    date: string;
  };
  yes: string;
  no: string;
  aboutSheet: string;
  compoundsSheet(demo: boolean): string;
  fileName(indicator: IndicatorKey, scope: string, asOf: string, rows: number, demo: boolean): string;
}

const zh: DrillWords = {
  section: (direction, section) => DRILL_SECTION_ZH[direction][section],
  sort: DRILL_SORT_ZH,
  ascending: '（升序）',
  descending: '（降序）',
  city: '全市',
  indicator: (key) => INDICATORS[key].name,
  numeratorLabel: (key) => INDICATORS[key].numeratorLabel,
  denominatorLabel: (key) => INDICATORS[key].denominatorLabel,
  numeratorHeader: (key) => INDICATORS[key].pack.numeratorHeader,
  filter: {
    township: '镇街：',
    reason: '原因：',
    community: '社区/村：',
    search: (s) => `搜索：“${s}”`,
    none: '无（全部小区）',
  },
  and: '；',
  about: {
    indicator: '指标',
    scope: '范围',
    asOf: '截至日期',
    filter: '筛选',
    sort: '排序',
    value: '指标值',
    numerator: '分子',
    denominator: '分母',
    listed: '列出小区',
    dataNature: '数据性质',
  },
  column: {
    section: '分组',
    code: '小区编码',
    name: '小区名称',
    township: '镇街',
    community: '社区/村',
    households: '户数',
    inNumerator: '计入分子',
    reason: '原因',
    date: '日期',
  },
  yes: '是',
  no: '否',
  aboutSheet: '说明',
  compoundsSheet: (demo) => (demo ? '小区（演示数据）' : '小区'),
  fileName: (key, scope, asOf, rows, demo) =>
    `${INDICATORS[key].name}-${scope}-${asOf}-${rows}个${demo ? '-演示数据' : ''}.xlsx`,
};

/** "Owners' committee rate" → "owners-committee-rate", for a file name. */
const slug = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

const SECTION_EN: Record<Direction, Record<DrillSection, string>> = {
  up: { short: 'Not in numerator', counted: 'In numerator', excluded: 'Outside the denominator' },
  down: { short: 'In numerator (fewer is better)', counted: 'Not in numerator', excluded: 'Outside the denominator' },
};

const en: DrillWords = {
  section: (direction, section) => SECTION_EN[direction][section],
  sort: {
    name: 'Compound',
    township: 'Township',
    community: 'Community/village',
    reason: 'Reason',
    date: 'Date',
    value: 'In numerator',
    households: 'Households',
  },
  ascending: ' (ascending)',
  descending: ' (descending)',
  city: 'City',
  indicator: (key) => INDICATORS[key].nameEn,
  numeratorLabel: (key) => INDICATORS[key].packEn.numeratorLabel,
  denominatorLabel: (key) => INDICATORS[key].packEn.denominatorLabel,
  numeratorHeader: (key) => INDICATORS[key].packEn.numeratorHeader,
  filter: {
    township: 'Township: ',
    reason: 'Reason: ',
    community: 'Community/village: ',
    search: (s) => `Search: "${s}"`,
    none: 'none (every compound)',
  },
  and: '; ',
  about: {
    indicator: 'Indicator',
    scope: 'Scope',
    asOf: 'As of',
    filter: 'Filter',
    sort: 'Sort',
    value: 'Value',
    numerator: 'Numerator',
    denominator: 'Denominator',
    listed: 'Compounds listed',
    dataNature: 'Data',
  },
  column: {
    section: 'Section',
    code: 'Compound code',
    name: 'Compound',
    township: 'Township',
    community: 'Community/village',
    households: 'Households',
    inNumerator: 'In numerator',
    reason: 'Reason',
    date: 'Date',
  },
  yes: 'Yes',
  no: 'No',
  aboutSheet: 'Notes',
  compoundsSheet: (demo) => (demo ? 'Compounds (demo data)' : 'Compounds'),
  fileName: (key, scope, asOf, rows, demo) =>
    `${slug(INDICATORS[key].nameEn)}-${scope}-${asOf}-${rows}-compounds${demo ? '-demo-data' : ''}.xlsx`,
};

export const DRILL_WORDS: Record<Locale, DrillWords> = { 'zh-CN': zh, en };
