/** Ledgers for tests: rows keyed by the template's headers, written as CSV or XLSX. */
import ExcelJS from 'exceljs';
import { sql } from 'drizzle-orm';
import { TOWNSHIPS } from '../../data/geography/jinjiang.ts';
import type { Db } from '../../server/db/connection.ts';
import { queryRows } from '../../server/db/rows.ts';
import { describeRecordTables } from '../../server/services/backup/tables.ts';
import { compoundStatusAsOf } from '../../server/services/compounds/compoundStatus.ts';
import { compoundsToCsv, compoundsToGeoJson } from '../../server/services/compounds/exportCompounds.ts';
import { rfc4180Field } from '../../server/services/csv.ts';
import { LEDGER_COLUMNS } from '../../server/services/ledger/columns.ts';
import type { LedgerFile } from '../../server/services/ledger/readLedgerFile.ts';

export type LedgerRow = Record<string, string | number | Date | null>;
export const HEADERS = LEDGER_COLUMNS.map((c) => c.header);

export function ledgerCsv(rows: readonly LedgerRow[], headers: readonly string[] = HEADERS): string {
  return (
    [
      headers.join(','),
      ...rows.map((r) =>
        headers
          .map((h) => rfc4180Field(r[h] instanceof Date ? (r[h] as Date).toISOString().slice(0, 10) : r[h]))
          .join(','),
      ),
    ].join('\r\n') + '\r\n'
  );
}

export function csvFile(rows: readonly LedgerRow[], name = 'ledger.csv', headers?: readonly string[]): LedgerFile {
  return { name, data: new TextEncoder().encode(ledgerCsv(rows, headers)) };
}

export async function xlsxFile(rows: readonly LedgerRow[], name = 'ledger.xlsx'): Promise<LedgerFile> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('小区台账');
  sheet.addRow(HEADERS);
  for (const r of rows) sheet.addRow(HEADERS.map((h) => r[h] ?? null));
  return { name, data: new Uint8Array(await workbook.xlsx.writeBuffer()) };
}

/**
 * `n` WGS84 points spread round the township seats (within ≈ 300 m), each with its township,
 * deterministic.
 */
export function samplePoints(n: number): { townshipCode: string; townshipName: string; lon: number; lat: number }[] {
  return Array.from({ length: n }, (_, i) => {
    const t = TOWNSHIPS[i % TOWNSHIPS.length]!;
    const k = Math.floor(i / TOWNSHIPS.length);
    const angle = (k * 137.508 * Math.PI) / 180;
    const r = 0.0005 + ((k * 0.618) % 1) * 0.0022;
    return {
      townshipCode: t.code,
      townshipName: t.name,
      lon: round(t.seat[0] + r * Math.cos(angle)),
      lat: round(t.seat[1] + r * Math.sin(angle)),
    };
  });
}
const round = (x: number) => Math.round(x * 1e7) / 1e7;

/** A valid ledger of `n` compounds (codes T-0001…), in WGS84. */
export function goodRows(n: number, prefix = 'T'): LedgerRow[] {
  return samplePoints(n).map((p, i) => ({
    小区编码: `${prefix}-${String(i + 1).padStart(4, '0')}`,
    小区名称: `测试小区${i + 1}`,
    详细地址: `晋江市${p.townshipName}测试路${i + 1}号`,
    所属镇街: i % 2 ? p.townshipName : p.townshipCode,
    '所属社区(村)': `测试${i % 3 ? '社区' : '村'}${i % 5}`,
    经度: p.lon,
    纬度: p.lat,
    户数: 100 + i,
    楼栋数: 1 + (i % 20),
    建成年份: 1990 + (i % 30),
    小区类型: ['商品房', '安置房', '老旧小区', '混合'][i % 4]!,
    纳入台账日期: '2024-01-01',
    美好家园命名日期: null,
    物业企业: i % 3 === 0 ? null : `测试物业${i % 7}有限公司`,
    物业企业统一社会信用代码: null,
    物业合同开始日期: i % 3 === 0 ? null : '2023-07-01',
    物业合同到期日: null,
  }));
}

/** What `onemap export compounds` gives for the database (CSV and GeoJSON), and every table's row count. */
export async function snapshot(
  db: Db,
  asOf: string,
): Promise<{ csv: string; geojson: string; counts: Record<string, number>; revision: number }> {
  const rows = await compoundStatusAsOf(db, asOf);
  const counts: Record<string, number> = {};
  for (const t of await describeRecordTables(db)) {
    const [r] = await queryRows<{ n: number | string }>(db, sql.raw(`select count(*) as n from "${t.name}"`));
    counts[t.name] = Number(r?.n ?? 0);
  }
  const [rev] = await queryRows<{ revision: number | string }>(db, sql`select revision from data_revision`);
  return {
    csv: compoundsToCsv(rows),
    geojson: JSON.stringify(compoundsToGeoJson(rows, { asOf, demo: false })),
    counts,
    revision: Number(rev?.revision ?? 0),
  };
}

/** The FormData the /admin page sends to ledger.import or ledger.importBoundaries. */
export function uploadForm(
  name: string,
  data: Uint8Array | string,
  fields: Record<string, string | boolean> = {},
): FormData {
  const form = new FormData();
  form.append('file', new File([typeof data === 'string' ? data : new Uint8Array(data)], name));
  for (const [key, value] of Object.entries(fields)) form.append(key, String(value));
  return form;
}
