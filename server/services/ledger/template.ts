/**
 * The published ledger template (小区台账模板): an empty workbook with the Chinese headers
 * (required ones in red), drop-down lists for 小区类型 and 所属镇街, a 填写说明 sheet describing
 * every column, and a 镇街代码 sheet with the city's township codes. Also as a CSV header line.
 * For a reader in English the instructions (the header cells' notes, the instructions sheet, the
 * drop-down's message) are in English (templateWords.ts); the ledger sheet's headers and values
 * stay as the import reads them.
 */
import ExcelJS from 'exceljs';
import { activeCity } from '../city/activeCity.ts';
import { toCsv } from '../csv.ts';
import { cityColumnHints, KIND_LABELS, LEDGER_COLUMNS, type LedgerColumn } from './columns.ts';
import { LEDGER_SHEET } from './readLedgerFile.ts';
import { CRS_LABELS } from './validateRow.ts';
import type { Locale } from '../../../shared/language/index.ts';
import { columnName } from './ledgerReportWords.ts';
import { columnNotesEn, TEMPLATE_WORDS_EN as EN } from './templateWords.ts';

/** Rows prepared with drop-downs and formats (more can be added; the reader reads every row). */
const PREPARED_ROWS = 1000;

export const TEMPLATE_FILE_NAME = '小区台账模板.xlsx';

function columnLetter(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** The columns with the city's own examples laid over the generic notes. */
function columnsForCity(): LedgerColumn[] {
  const hints = cityColumnHints(activeCity());
  return LEDGER_COLUMNS.map((c) => ({ ...c, ...hints[c.field] }));
}

export async function ledgerTemplateXlsx(locale: Locale = 'zh-CN'): Promise<Buffer> {
  const city = activeCity();
  const en = locale === 'en';
  const notesEn = columnNotesEn(city);
  const columns = columnsForCity().map((c) => (en ? { ...c, note: notesEn[c.field] } : c));
  const workbook = new ExcelJS.Workbook();
  workbook.creator = en ? EN.creator : 'OneMap 住宅小区治理一张图';
  workbook.created = new Date('2026-01-01T00:00:00Z');
  workbook.modified = workbook.created;

  const sheet = workbook.addWorksheet(LEDGER_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = LEDGER_COLUMNS.map((c) => ({
    header: c.header,
    key: c.field,
    width: c.width,
    style: { numFmt: c.format === 'text' ? '@' : c.format === 'date' ? 'yyyy-mm-dd' : 'General' },
  }));
  const header = sheet.getRow(1);
  header.font = { bold: true };
  columns.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.font = { bold: true, color: { argb: c.required ? 'FFC00000' : 'FF000000' } };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };
    const [required, optional, example] = en
      ? [EN.required, EN.optional, EN.example]
      : ['【必填】', '【选填】', '例：'];
    cell.note = `${c.required ? required : optional}${c.note}${c.example ? `\n${example}${c.example}` : ''}`;
  });
  const kindList = `"${Object.values(KIND_LABELS).join(',')}"`;
  const kindCol = columnLetter(LEDGER_COLUMNS.findIndex((c) => c.field === 'kind'));
  const townshipCol = columnLetter(LEDGER_COLUMNS.findIndex((c) => c.field === 'township'));
  for (let r = 2; r <= PREPARED_ROWS + 1; r++) {
    sheet.getCell(`${kindCol}${r}`).dataValidation = {
      type: 'list',
      allowBlank: true,
      formulae: [kindList],
      showErrorMessage: true,
      errorTitle: en ? EN.kindTitle : '小区类型',
      error: en ? EN.kindError : '请从列表中选择',
    };
    sheet.getCell(`${townshipCol}${r}`).dataValidation = {
      // Names or codes are both accepted, so the list only suggests.
      type: 'list',
      allowBlank: true,
      formulae: [`镇街代码!$B$2:$B$${city.townships.length + 1}`],
      showErrorMessage: false,
    };
  }

  const guide = workbook.addWorksheet(en ? EN.guideSheet : '填写说明');
  const heads = en ? EN.guideHeaders : { header: '列', required: '必填', note: '说明', example: '示例' };
  guide.columns = [
    { header: heads.header, key: 'header', width: en ? 40 : 24 },
    { header: heads.required, key: 'required', width: en ? 9 : 6 },
    { header: heads.note, key: 'note', width: 70 },
    { header: heads.example, key: 'example', width: 26 },
  ];
  guide.getRow(1).font = { bold: true };
  for (const c of columns)
    guide.addRow({
      header: columnName(c.field, locale),
      required: c.required ? (en ? EN.yes : '是') : '',
      note: c.note,
      example: c.example,
    });
  guide.addRow({});
  if (en) {
    guide.addRow({ header: EN.crs, note: EN.crsNote(EN.crsLabels) });
    guide.addRow({ header: EN.reimport, note: EN.reimportNote });
    guide.addRow({ header: EN.checks, note: EN.checksNote });
  } else {
    guide.addRow({
      header: '坐标系',
      note: `导入时选择：${Object.values(CRS_LABELS).join('；')}。系统统一存为 WGS84。`,
    });
    guide.addRow({
      header: '重复导入',
      note: '按小区编码更新已有小区（保留其党组织、业委会、会议、诉求等历史记录）；台账中没有的已有小区保持不变，不会删除。',
    });
    guide.addRow({
      header: '校验',
      note: '导入前逐行校验，任何一处错误都会列出行号、列名和原因，整个文件都不导入。全角数字和多余空格可以识别。',
    });
  }
  guide.getColumn('note').alignment = { wrapText: true, vertical: 'top' };

  const codes = workbook.addWorksheet('镇街代码');
  // Named in Chinese in either language: the township drop-down's formula and the problems name it.
  codes.columns = [
    { header: en ? EN.codesHeaders.code : '镇街代码', key: 'code', width: 14 },
    { header: en ? EN.codesHeaders.name : '镇街名称', key: 'name', width: 14 },
  ];
  codes.getRow(1).font = { bold: true };
  for (const t of city.townships) codes.addRow({ code: t.code, name: t.name });

  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The header line as CSV (UTF-8 with BOM so Excel opens it in the right encoding). */
export function ledgerTemplateCsv(): string {
  return (
    '\uFEFF' +
    toCsv(
      LEDGER_COLUMNS.map((c) => c.header),
      [],
    )
  );
}
