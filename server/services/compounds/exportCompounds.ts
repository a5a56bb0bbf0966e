/**
 * `onemap export compounds`: the compound status rows as CSV (machine-readable, fixed English
 * header), XLSX (Chinese headers and labels, for people) or GeoJSON (WGS84 points).
 */
import ExcelJS from 'exceljs';
import type { Feature, FeatureCollection, Point } from 'geojson';
import { toCsv } from '../csv.ts';
import { DEMO_NOTICE } from '../dataset/datasetInfo.ts';
import type { CompoundStatus } from './compoundStatus.ts';

export const EXPORT_FORMATS = ['csv', 'xlsx', 'geojson'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const CSV_COLUMNS = [
  'code',
  'name',
  'townshipCode',
  'townshipName',
  'community',
  'lon',
  'lat',
  'households',
  'kind',
  'propertyManaged',
  'propertyCompany',
  'partyOrgType',
  'committeeInOffice',
  'committeePartyMajority',
  'lastMeetingDate',
  'rating',
  'openIssues',
  'overdueIssues',
] as const satisfies readonly (keyof CompoundStatus)[];
type Column = (typeof CSV_COLUMNS)[number];

const ZH_HEADERS: Record<Column, string> = {
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
};
const ZH_KIND = { commercial: '商品房', resettlement: '安置房', old: '老旧小区', mixed: '混合' } as const;
const ZH_PARTY = { standalone: '建制式', combined: '兼合式', joint: '联建式' } as const;
const ZH_RATING = { '5': '五星', '4': '四星', '3': '三星', '2': '二星', '1': '一星', fail: '未达标' } as const;

export function compoundsToCsv(rows: readonly CompoundStatus[]): string {
  return toCsv(
    CSV_COLUMNS,
    rows.map((row) => CSV_COLUMNS.map((c) => row[c])),
  );
}

/** Chinese cell values for people reading the workbook. */
function zhCell(column: Column, row: CompoundStatus): string | number | null {
  const v = row[column];
  if (typeof v === 'boolean') return v ? '是' : '否';
  if (column === 'kind') return ZH_KIND[row.kind];
  if (column === 'partyOrgType') return row.partyOrgType ? ZH_PARTY[row.partyOrgType] : '无';
  if (column === 'rating') return row.rating ? ZH_RATING[row.rating] : row.propertyManaged ? '未评定' : '';
  return v ?? '';
}

/** CSV for people (the workbench's download): Chinese headers and labels, with a BOM so Excel reads it as UTF-8. */
export function compoundsToZhCsv(rows: readonly CompoundStatus[]): string {
  return (
    '\uFEFF' +
    toCsv(
      CSV_COLUMNS.map((c) => ZH_HEADERS[c]),
      rows.map((row) => CSV_COLUMNS.map((c) => zhCell(c, row))),
    )
  );
}

export async function compoundsToXlsx(
  rows: readonly CompoundStatus[],
  options: { asOf: string; demo: boolean; filter?: string },
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'OneMap 住宅小区治理一张图';
  // Fixed timestamps keep the file byte-identical for identical data.
  workbook.created = new Date(`${options.asOf}T00:00:00Z`);
  workbook.modified = workbook.created;
  const sheet = workbook.addWorksheet(options.demo ? '小区（演示数据）' : '小区');
  sheet.columns = CSV_COLUMNS.map((c) => ({
    header: ZH_HEADERS[c],
    key: c,
    width: c === 'name' || c === 'propertyCompany' ? 24 : 12,
  }));
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  for (const row of rows) sheet.addRow(Object.fromEntries(CSV_COLUMNS.map((c) => [c, zhCell(c, row)])));
  const about = workbook.addWorksheet('说明');
  about.addRow(['截至日期', options.asOf]);
  about.addRow(['数据性质', options.demo ? DEMO_NOTICE : '真实台账']);
  about.addRow(['坐标系', 'WGS84 经纬度']);
  // The workbench's download says which filter made it (the CLI's export has none).
  if (options.filter !== undefined) about.addRow(['筛选', options.filter]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export function compoundsToGeoJson(
  rows: readonly CompoundStatus[],
  options: { asOf: string; demo: boolean },
): FeatureCollection<Point, Pick<CompoundStatus, Column>> & { metadata: Record<string, unknown> } {
  const features: Feature<Point, Pick<CompoundStatus, Column>>[] = rows.map((row) => ({
    type: 'Feature',
    geometry: { type: 'Point', coordinates: [row.lon, row.lat] },
    properties: Object.fromEntries(CSV_COLUMNS.map((c) => [c, row[c]])) as Pick<CompoundStatus, Column>,
  }));
  return {
    type: 'FeatureCollection',
    metadata: {
      asOf: options.asOf,
      crs: 'WGS84',
      dataset: options.demo ? 'demo' : 'ledger',
      ...(options.demo ? { notice: DEMO_NOTICE } : {}),
    },
    features,
  };
}
