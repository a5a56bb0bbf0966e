/**
 * The compound files for people in words, per language: column headers, the words of enum
 * columns (kind, party organisation, rating), the 说明 (notes) sheet and the file name. Chinese
 * is the official wording, unchanged; the program CSV keeps its fixed English header
 * (CSV_COLUMNS) in either language. Names, companies and communities are data.
 */
import type { Locale } from '../../../shared/language/index.ts';
import type { CompoundStatus } from './compoundStatus.ts';

export type ExportColumn =
  | 'code'
  | 'name'
  | 'townshipCode'
  | 'townshipName'
  | 'community'
  | 'lon'
  | 'lat'
  | 'households'
  | 'kind'
  | 'propertyManaged'
  | 'propertyCompany'
  | 'partyOrgType'
  | 'committeeInOffice'
  | 'committeePartyMajority'
  | 'lastMeetingDate'
  | 'rating'
  | 'openIssues'
  | 'overdueIssues';

type Party = NonNullable<CompoundStatus['partyOrgType']>;
type Rating = NonNullable<CompoundStatus['rating']>;

export interface CompoundExportWords {
  header: Record<ExportColumn, string>;
  kind: Record<CompoundStatus['kind'], string>;
  party: Record<Party, string>;
  noParty: string;
  rating: Record<Rating, string>;
  notRated: string;
  yes: string;
  no: string;
  sheet(demo: boolean): string;
  aboutSheet: string;
  about(o: {
    count: number;
    sheet: string;
    filter: string | undefined;
    asOf: string;
    dataNature: string;
  }): [string, string][];
  /** What the workbench's file holds, said on its notes sheet. */
  workbenchFilter(filter: string | undefined, count: number): string;
  fileName(asOf: string, count: number, demo: boolean, format: string): string;
}

const zh: CompoundExportWords = {
  header: {
    code: '小区编码',
    name: '小区名称',
    townshipCode: '镇街代码',
    townshipName: '镇街',
    community: '社区/村',
    lon: '经度(WGS84)',
    lat: '纬度(WGS84)',
    households: '户数',
    kind: '小区类型',
    propertyManaged: '物业管理',
    propertyCompany: '物业企业',
    partyOrgType: '党组织类型',
    committeeInOffice: '业委会在任',
    committeePartyMajority: '业委会党员过半',
    lastMeetingDate: '最近四方联席会议',
    rating: '星级评定',
    openIssues: '未办结诉求',
    overdueIssues: '超期诉求',
  },
  kind: { commercial: '商品房', resettlement: '安置房', old: '老旧小区', mixed: '混合' },
  party: { standalone: '建制式', combined: '兼合式', joint: '联建式' },
  noParty: '无',
  rating: { '5': '五星', '4': '四星', '3': '三星', '2': '二星', '1': '一星', fail: '未达标' },
  notRated: '未评定',
  yes: '是',
  no: '否',
  sheet: (demo) => (demo ? '小区（演示数据）' : '小区'),
  aboutSheet: '说明',
  about: (o) => [
    ['内容', `住宅小区及其在截至日期的状态，每个小区一行（共 ${o.count} 个），见「${o.sheet}」表`],
    ['筛选条件', o.filter ?? '无（全部小区）'],
    ['截至日期', o.asOf],
    ['数据性质', o.dataNature],
    ['坐标系', 'WGS84 经纬度'],
    ['格式', '户数、经纬度、诉求数为数值；日期为日期单元格（yyyy-mm-dd）'],
  ],
  workbenchFilter: (filter, count) =>
    filter
      ? `${filter}（分析工作台，${count} 个小区，按表格顺序）`
      : `分析工作台当前的筛选与选区（${count} 个小区，按表格顺序）`,
  fileName: (asOf, count, demo, format) => `小区-${asOf}-${count}个${demo ? '-演示数据' : ''}.${format}`,
};

const en: CompoundExportWords = {
  header: {
    code: 'Compound code',
    name: 'Compound',
    townshipCode: 'Township code',
    townshipName: 'Township',
    community: 'Community/village',
    lon: 'Longitude (WGS84)',
    lat: 'Latitude (WGS84)',
    households: 'Households',
    kind: 'Kind',
    propertyManaged: 'Property management',
    propertyCompany: 'Property company',
    partyOrgType: 'Party organisation',
    committeeInOffice: 'Committee in office',
    committeePartyMajority: 'Committee party majority',
    lastMeetingDate: 'Last joint meeting',
    rating: 'Star rating',
    openIssues: 'Open issues',
    overdueIssues: 'Overdue issues',
  },
  kind: { commercial: 'Commercial', resettlement: 'Resettlement', old: 'Old housing', mixed: 'Mixed' },
  party: { standalone: 'Standalone', combined: 'Combined', joint: 'Joint' },
  noParty: 'None',
  rating: { '5': '5 stars', '4': '4 stars', '3': '3 stars', '2': '2 stars', '1': '1 star', fail: 'Failed' },
  notRated: 'Not evaluated',
  yes: 'Yes',
  no: 'No',
  sheet: (demo) => (demo ? 'Compounds (demo data)' : 'Compounds'),
  aboutSheet: 'Notes',
  about: (o) => [
    [
      'Contents',
      `Residential compounds and their state on the as-of date, one row each (${o.count} in all), in the "${o.sheet}" sheet`,
    ],
    ['Filter', o.filter ?? 'none (every compound)'],
    ['As of', o.asOf],
    ['Data', o.dataNature],
    ['Coordinates', 'WGS84 longitude and latitude'],
    ['Format', 'Households, coordinates and issue counts are numbers; dates are date cells (yyyy-mm-dd)'],
  ],
  workbenchFilter: (filter, count) =>
    filter
      ? `${filter} (analysis workbench, ${count} compounds, in table order)`
      : `The analysis workbench's filter and selection (${count} compounds, in table order)`,
  fileName: (asOf, count, demo, format) => `compounds-${asOf}-${count}${demo ? '-demo-data' : ''}.${format}`,
};

export const COMPOUND_EXPORT_WORDS: Record<Locale, CompoundExportWords> = { 'zh-CN': zh, en };
