/**
 * Files made the way offices make them, by other programs than OneMap's own library: LibreOffice
 * (soffice) turns an HTML table with merged cells into a workbook or a CSV, GDAL (ogr2ogr) writes
 * Shapefiles in GBK with its .cpg. Tests that need a program skip, saying which one, when it is
 * missing (.ci/run installs both).
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { rfc4180Field } from '../../server/services/csv.ts';
import { HEADERS, type LedgerRow } from './ledgers.ts';

export function hasProgram(name: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${name}`]).status === 0;
}

/** The reason a test is skipped, for its title: "(needs LibreOffice: soffice not installed)". */
export function needs(program: string, what: string): string {
  return hasProgram(program)
    ? ''
    : ` — SKIPPED: needs ${what} (${program} not installed; apt-get install ${what === 'LibreOffice' ? 'libreoffice-calc-nogui' : 'gdal-bin'})`;
}

/**
 * A cell of the office grid: text, or text spanning columns or rows (an HTML colspan/rowspan,
 * merged in Calc); undefined: covered by a merged cell above.
 */
export type OfficeCell = string | number | null | undefined | { text: string; colspan?: number; rowspan?: number };
export type OfficeGrid = OfficeCell[][];

const TITLE = '晋江市住宅小区台账（2025年12月）';
const NOTE = '说明：1. 坐标为高德地图拾取；2. 户数以物业登记为准；3. 本表由各镇街填报，住建局汇总。';
const FOOTER = ['填表人：王丽', '审核人：陈建国', '填报日期：2025年12月5日', '联系电话：0595-85612345'];

/**
 * The ledger as an office keeps it: a merged title row and a notes row above the header (so the
 * header is row 3), a 序号 first column, each row's cells from `rows`, a 序号 column filled down
 * three rows past the last compound, a 合计 row and a signature footer. Data starts at row 4.
 */
export function officeLedgerGrid(rows: readonly LedgerRow[], options: { mergeTownships?: boolean } = {}): OfficeGrid {
  const width = HEADERS.length + 1;
  const grid: OfficeGrid = [[{ text: TITLE, colspan: width }], [{ text: NOTE, colspan: width }], ['序号', ...HEADERS]];
  rows.forEach((r, i) => {
    const cells: OfficeCell[] = [i + 1, ...HEADERS.map((h) => cellOf(r[h]))];
    grid.push(cells);
  });
  if (options.mergeTownships) {
    // Runs of the same township as one merged cell, as people lay out a ledger sorted by township.
    const column = HEADERS.indexOf('所属镇街') + 1;
    let start = 3;
    for (let i = 4; i <= grid.length; i++) {
      const same = i < grid.length && grid[i]![column] === grid[start]![column];
      if (!same) {
        if (i - start > 1) {
          grid[start]![column] = { text: String(grid[start]![column]), rowspan: i - start };
          for (let k = start + 1; k < i; k++) grid[k]![column] = undefined;
        }
        start = i;
      }
    }
  }
  for (let k = 1; k <= 3; k++) grid.push([rows.length + k]);
  grid.push(['合计', null, null, null, null, null, null, null, String(rows.reduce((s, r) => s + Number(r.户数), 0))]);
  grid.push([{ text: FOOTER.join('    '), colspan: width }]);
  return grid;
}

const cellOf = (v: LedgerRow[string] | undefined): OfficeCell =>
  v === null || v === undefined ? null : v instanceof Date ? v.toISOString().slice(0, 10) : v;

const textOf = (cell: OfficeCell) =>
  cell === null || cell === undefined ? '' : typeof cell === 'object' ? cell.text : String(cell);

/** The grid as a CSV as Excel saves it: a merged cell's text in its first cell, the cells it covers empty. */
export function officeCsv(grid: OfficeGrid): string {
  return grid.map((row) => row.map((c) => rfc4180Field(textOf(c))).join(',')).join('\r\n') + '\r\n';
}

/** The grid as a workbook written by exceljs, merged cells merged (the sheet keeps Excel's default name). */
export async function officeXlsx(grid: OfficeGrid): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Sheet1');
  grid.forEach((row, r) => {
    row.forEach((cell, c) => {
      if (cell === undefined) return;
      sheet.getCell(r + 1, c + 1).value = cell !== null && typeof cell === 'object' ? cell.text : cell;
      if (cell !== null && typeof cell === 'object')
        sheet.mergeCells(r + 1, c + 1, r + (cell.rowspan ?? 1), c + (cell.colspan ?? 1));
    });
  });
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

const escapeHtml = (text: string) => text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');

/** The grid as an HTML table (colspan/rowspan become merged cells when Calc opens it). */
export function officeHtml(grid: OfficeGrid): string {
  const rows = grid.map(
    (row) =>
      `<tr>${row
        .filter((c) => c !== undefined)
        .map((c) => {
          const span =
            c !== null && typeof c === 'object'
              ? `${c.colspan ? ` colspan="${c.colspan}"` : ''}${c.rowspan ? ` rowspan="${c.rowspan}"` : ''}`
              : '';
          // Text cells stay text (codes with leading zeros, dates as written).
          return `<td${span}>${escapeHtml(textOf(c))}</td>`;
        })
        .join('')}</tr>`,
  );
  return `<!DOCTYPE html><html><head><meta charset="utf-8"></head><body><table>${rows.join('')}</table></body></html>`;
}

/**
 * A file converted by LibreOffice: `to` is the soffice --convert-to argument (e.g. "xlsx", or
 * 'csv:Text - txt - csv (StarCalc):44,34,76' for UTF-8 CSV); `infilter` the import filter.
 */
export function soffice(input: { name: string; data: Uint8Array | string }, to: string, infilter?: string): Uint8Array {
  // The same file converted the same way is the same file: each backend's run of a test reuses the
  // conversion (LibreOffice takes seconds to start), on a copy so no caller sees another's edits.
  const key = createHash('sha256')
    .update(JSON.stringify([input.name, to, infilter ?? null]))
    .update(input.data)
    .digest('hex');
  let converted = conversions.get(key);
  if (!converted) conversions.set(key, (converted = convertWithSoffice(input, to, infilter)));
  return converted.slice();
}

/** Conversions made in this worker, by their input, target and import filter. */
const conversions = new Map<string, Uint8Array>();

function convertWithSoffice(
  input: { name: string; data: Uint8Array | string },
  to: string,
  infilter?: string,
): Uint8Array {
  const dir = mkdtempSync(join(tmpdir(), 'onemap-soffice-'));
  try {
    writeFileSync(join(dir, input.name), input.data);
    const out = join(dir, 'out');
    const run = spawnSync(
      'soffice',
      [
        // Its own profile: conversions run beside other LibreOffice processes.
        `-env:UserInstallation=file://${join(dir, 'profile')}`,
        '--headless',
        ...(infilter ? [`--infilter=${infilter}`] : []),
        '--convert-to',
        to,
        '--outdir',
        out,
        join(dir, input.name),
      ],
      { encoding: 'utf8', timeout: 120_000 },
    );
    const produced = readdirSafe(out);
    if (run.status !== 0 || produced.length !== 1)
      throw new Error(`soffice failed (${run.status}): ${run.stderr} ${run.stdout}`);
    return new Uint8Array(readFileSync(join(out, produced[0]!)));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function readdirSafe(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

/**
 * A zipped Shapefile written by GDAL from GeoJSON (WGS84): `encoding` is the DBF layer creation
 * option (CP936 writes GBK and a .cpg saying "CP936"), `srs` the target CRS (e.g. EPSG:4549);
 * `cpg` replaces the .cpg GDAL wrote (null: none), as other programs spell it.
 */
export async function ogrShapefile(
  geojson: unknown,
  options: { encoding: string; srs?: string; cpg?: string | null },
): Promise<{ zip: Uint8Array; cpgWritten: string | null }> {
  const dir = mkdtempSync(join(tmpdir(), 'onemap-ogr-'));
  try {
    writeFileSync(join(dir, 'in.geojson'), JSON.stringify(geojson));
    const run = spawnSync(
      'ogr2ogr',
      [
        '-f',
        'ESRI Shapefile',
        '-lco',
        `ENCODING=${options.encoding}`,
        ...(options.srs ? ['-t_srs', options.srs] : []),
        join(dir, 'towns.shp'),
        join(dir, 'in.geojson'),
      ],
      { encoding: 'utf8', timeout: 60_000 },
    );
    if (run.status !== 0) throw new Error(`ogr2ogr failed: ${run.stderr}`);
    const zip = new JSZip();
    let cpgWritten: string | null = null;
    for (const name of readdirSync(dir).filter((n) => n.startsWith('towns.'))) {
      if (name === 'towns.cpg') {
        cpgWritten = readFileSync(join(dir, name), 'utf8');
        if (options.cpg !== undefined) continue;
      }
      zip.file(name, readFileSync(join(dir, name)));
    }
    if (options.cpg) zip.file('towns.cpg', options.cpg);
    return { zip: await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' }), cpgWritten };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
