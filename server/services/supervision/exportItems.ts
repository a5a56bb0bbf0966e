/**
 * Supervision items as files for people: CSV (Chinese headers and labels, UTF-8 with a BOM so
 * Excel reads it) and XLSX (dates as date cells; times as Asia/Shanghai wall clock), and JSON for
 * programs (the item views as they are). Used by `onemap supervision list`.
 */
import ExcelJS from 'exceljs';
import { INDICATORS } from '../../../shared/indicators/index.ts';
import { DEADLINE_LIGHT_LABELS } from '../../../shared/supervision/deadlines.ts';
import { SUPERVISION_SOURCE_LABELS, SUPERVISION_STATE_LABELS } from '../../../shared/supervision/states.ts';
import { shanghaiDateTime } from '../../../shared/time/dates.ts';
import { toCsv } from '../csv.ts';
import type { SupervisionItemView } from './itemView.ts';

const COLUMNS = [
  ['id', '编号'],
  ['townshipCode', '镇街代码'],
  ['townshipName', '镇街'],
  ['compounds', '关联小区编码'],
  ['indicator', '指标'],
  ['problem', '问题'],
  ['task', '督办任务'],
  ['deadline', '办理期限'],
  ['daysLeft', '剩余天数'],
  ['light', '期限灯'],
  ['state', '状态'],
  ['source', '来源'],
  ['week', '周次'],
  ['issuedBy', '交办人'],
  ['issuedAt', '交办时间'],
  ['answer', '反馈内容'],
  ['answeredAt', '反馈时间'],
  ['closedAt', '销号时间'],
  ['returnedReason', '退回理由'],
] as const;
type Column = (typeof COLUMNS)[number][0];

const DATE_COLUMNS = new Set<Column>(['deadline']);
const TIME_COLUMNS = new Set<Column>(['issuedAt', 'answeredAt', 'closedAt']);

function cell(item: SupervisionItemView, column: Column): string | number | null {
  switch (column) {
    case 'compounds':
      return item.compoundCodes.join('、');
    case 'indicator':
      return item.indicator ? INDICATORS[item.indicator].name : '';
    case 'light':
      return item.light ? DEADLINE_LIGHT_LABELS[item.light] : '';
    case 'state':
      return SUPERVISION_STATE_LABELS[item.displayState];
    case 'source':
      return SUPERVISION_SOURCE_LABELS[item.source];
    case 'issuedBy':
      return item.issuedByName;
    case 'issuedAt':
    case 'answeredAt':
    case 'closedAt':
      return item[column] === null ? '' : shanghaiDateTime(item[column]);
    default:
      return item[column] ?? '';
  }
}

export function itemsToCsv(items: readonly SupervisionItemView[]): string {
  return (
    '\uFEFF' +
    toCsv(
      COLUMNS.map(([, zh]) => zh),
      items.map((item) => COLUMNS.map(([c]) => cell(item, c))),
    )
  );
}

/** A city day or Shanghai wall-clock time as the Date exceljs writes as that day/time (it writes UTC). */
function excelDate(text: string): Date {
  return new Date(`${text.replace(' ', 'T')}${text.length === 10 ? 'T00:00' : ''}:00Z`);
}

/** Adds a sheet of the items (one row each, Chinese headers; deadline and times as date cells). */
export function addItemsSheet(
  workbook: ExcelJS.Workbook,
  name: string,
  items: readonly SupervisionItemView[],
): ExcelJS.Worksheet {
  const sheet = workbook.addWorksheet(name);
  sheet.columns = COLUMNS.map(([key, header]) => ({
    header,
    key,
    width: key === 'task' || key === 'problem' || key === 'answer' ? 40 : TIME_COLUMNS.has(key) ? 18 : 12,
    ...(DATE_COLUMNS.has(key) ? { style: { numFmt: 'yyyy-mm-dd' } } : {}),
    ...(TIME_COLUMNS.has(key) ? { style: { numFmt: 'yyyy-mm-dd hh:mm' } } : {}),
  }));
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  for (const item of items) {
    sheet.addRow(
      Object.fromEntries(
        COLUMNS.map(([c]) => {
          const value = cell(item, c);
          const dated = (DATE_COLUMNS.has(c) || TIME_COLUMNS.has(c)) && typeof value === 'string' && value !== '';
          return [c, dated ? excelDate(value) : value];
        }),
      ),
    );
  }
  return sheet;
}

export async function itemsToXlsx(items: readonly SupervisionItemView[], options: { today: string }): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'OneMap 住宅小区治理一张图';
  workbook.created = new Date(`${options.today}T00:00:00Z`);
  workbook.modified = workbook.created;
  addItemsSheet(workbook, '督办事项', items);
  const about = workbook.addWorksheet('说明');
  about.addRow(['统计日期', options.today]);
  about.addRow(['期限灯', '绿灯：剩余3天以上；黄灯：剩余3天及以内（含期限当日）；红灯：已逾期（期限次日起未销号）']);
  about.addRow(['时间', '北京时间（Asia/Shanghai）']);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
