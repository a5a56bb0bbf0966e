/**
 * The drill-through's files in words, per language: the export's 说明 (notes) sheet, its column
 * headers, sections and sort keys, and each compound's reason. The engine writes reasons in
 * Chinese, the official wording (indicators/*.ts); for a reader in English each is written again
 * from its own particulars — the date, the count, the households — which stay exactly as they are.
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

/** An engine reason (or reason group) and the same in English; each pattern matches a whole reason. */
const REASONS_EN: readonly [RegExp, (...m: string[]) => string][] = [
  [/^业委会在任（党员过半）$/, () => 'Committee in office (party majority)'],
  [/^业委会在任$/, () => 'Committee in office'],
  [/^未组建业委会$/, () => 'No committee formed'],
  [/^业委会任期已满$/, () => "Committee's term ran out"],
  [/^业委会提前终止$/, () => 'Committee ended early'],
  [/^业委会任期已满（到期 (\S+)）$/, (_, d) => `Committee's term ran out (expired ${d})`],
  [/^业委会提前终止（终止于 (\S+)）$/, (_, d) => `Committee ended early (ended ${d})`],
  [/^近(\d+)天召开四方联席会议$/, (_, n) => `Joint meeting in the last ${n} days`],
  [/^近(\d+)天无四方联席会议$/, (_, n) => `No joint meeting in the last ${n} days`],
  [/^近(\d+)天召开四方联席会议（最近 (\S+)）$/, (_, n, d) => `Joint meeting in the last ${n} days (latest ${d})`],
  [/^近(\d+)天无四方联席会议（上次 (\S+)）$/, (_, n, d) => `No joint meeting in the last ${n} days (last ${d})`],
  [/^从未召开四方联席会议$/, () => 'Never held a joint meeting'],
  [/^有党组织$/, () => 'Has a party organisation'],
  [/^有党组织（(建制式|兼合式|联建式)）$/, (_, type) => `Has a party organisation (${PARTY_TYPE_EN[type!]})`],
  [/^无党组织$/, () => 'No party organisation'],
  [/^(\d+)天内有信访矛盾$/, (_, n) => `Petitions or disputes in ${n} days`],
  [/^(\d+)天内无信访矛盾$/, (_, n) => `No petitions or disputes in ${n} days`],
  [
    /^(\d+)天内信访矛盾 (\d+) 件（(\d+) 户）$/,
    (_, n, count, households) =>
      `${count} ${count === '1' ? 'petition or dispute' : 'petitions and disputes'} in ${n} days (${households} households)`,
  ],
  [
    /^(\d+)天内无信访矛盾（(\d+) 户）$/,
    (_, n, households) => `No petitions or disputes in ${n} days (${households} households)`,
  ],
  [/^无物业管理，不计入$/, () => 'No property management: not counted'],
  [/^无物业管理$/, () => 'No property management'],
  [/^有物业但未评价，不计入$/, () => 'Managed but not rated: not counted'],
  [/^未评价$/, () => 'Not rated'],
  [/^四星及以上$/, () => 'Four stars or more'],
  [/^低于四星$/, () => 'Below four stars'],
  [
    /^最近评定(五星|四星|三星|二星|一星|未达标)(（低于四星）)?$/,
    (_, stars, low) => `Last rated ${STARS_EN[stars!]}${low ? ' (below four stars)' : ''}`,
  ],
];

const PARTY_TYPE_EN: Record<string, string> = { 建制式: 'standalone', 兼合式: 'combined', 联建式: 'joint' };
const STARS_EN: Record<string, string> = {
  五星: 'five stars',
  四星: 'four stars',
  三星: 'three stars',
  二星: 'two stars',
  一星: 'one star',
  未达标: 'failed',
};

/** A reason in `locale`; a reason no pattern knows (a new one) stays as the engine wrote it. */
export function drillReasonIn(reason: string, locale: Locale): string {
  if (locale === 'zh-CN') return reason;
  for (const [pattern, english] of REASONS_EN) {
    const m = pattern.exec(reason);
    if (m) return english(...m);
  }
  return reason;
}

/**
 * A compound's contribution with its reason (and the group the list filters on) in `locale`: the
 * drill-through and the workbench rows say them in the reader's language, and the export filters
 * on the same words the screen showed.
 */
export function contributionIn<C extends { reason: string; reasonGroup?: string | undefined }>(
  contribution: C,
  locale: Locale,
): C {
  if (locale === 'zh-CN') return contribution;
  return {
    ...contribution,
    reason: drillReasonIn(contribution.reason, locale),
    ...(contribution.reasonGroup === undefined ? {} : { reasonGroup: drillReasonIn(contribution.reasonGroup, locale) }),
  };
}

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
