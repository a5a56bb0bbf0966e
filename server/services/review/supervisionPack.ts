/**
 * 上周督办事项办理情况 in the weekly pack and the township's one-pager: the counts table (HTML for
 * the PDF, a sheet for the XLSX), the items of last week (a sheet with date cells), and a
 * township's open items with their lights — always in words (红灯/黄灯/绿灯), the colour only
 * repeats them, so a black-and-white print loses nothing.
 */
import type ExcelJS from 'exceljs';
import { STATUS_COLOURS } from '../../../shared/colours/judgement.ts';
import { DEADLINE_LIGHT_COLOURS } from '../../../shared/supervision/deadlines.ts';
import { SUPERVISION_STATE_LABELS } from '../../../shared/supervision/states.ts';
import { weekLabel } from '../../../shared/time/weeks.ts';
import { addItemsSheet } from '../supervision/exportItems.ts';
import type { SupervisionItemView } from '../supervision/itemView.ts';
import type { SupervisionCounts, SupervisionWeekSummary } from '../supervision/weekSummary.ts';
import { escapeXml as esc } from './svgCharts.ts';
import type { BoardSupervision } from './supervisionOutcome.ts';

/** The columns, in the order the review reads them: what was issued, then what became of it. */
export const OUTCOME_COLUMNS: readonly { header: string; value: (c: SupervisionCounts) => number }[] = [
  { header: '交办', value: (c) => c.issued },
  { header: '已销号（按期）', value: (c) => c.closed - c.closedLate },
  { header: '已销号（逾期）', value: (c) => c.closedLate },
  { header: '已反馈待审核', value: (c) => c.answered },
  { header: '退回重办', value: (c) => c.returned },
  { header: '待办理', value: (c) => c.pending },
  { header: '逾期未销号', value: (c) => c.overdueAsOf },
];

/** '上周（2026-W47（11月16日—22日））交办的督办事项，统计截至 2026-11-29（周日 24:00）'. */
export function outcomeHeadline(summary: SupervisionWeekSummary): string {
  const when = summary.final ? `${summary.asOf}（周日 24:00）` : `${summary.today}（本周尚未结束，数字仍会变化）`;
  return `上周 ${weekLabel(summary.week)} 晾晒后交办的督办事项，办理情况统计截至 ${when}`;
}

/** The rows for a township's pack (its row and the city), or every township and the city. */
export function outcomeRows(summary: SupervisionWeekSummary, townshipCode?: string) {
  const townships = townshipCode ? summary.townships.filter((t) => t.code === townshipCode) : summary.townships;
  return [
    ...townships.map((t) => ({ name: t.name, code: t.code as string | null, counts: t as SupervisionCounts })),
    { name: '全市', code: null, counts: summary.city },
  ];
}

const NOT_SHOWN = '本周晾晒时尚未统计督办办理情况（快照早于该功能）。';

/** The PDF section: the counts table, or a sentence when there is nothing to count. */
export function outcomeHtml(section: BoardSupervision | null | undefined, townshipCode?: string): string {
  if (section === undefined) return `<p>${NOT_SHOWN}</p>`;
  if (section === null) return '<p>上周：无（数据起始周）。</p>';
  const { summary } = section;
  const head = `<p class="meta">${esc(outcomeHeadline(summary))}</p>`;
  if (summary.city.issued === 0) return `${head}<p>上周未交办督办事项。</p>`;
  const warn = (n: number) => (n > 0 ? ` style="color:${STATUS_COLOURS.off_track.print};font-weight:bold"` : '');
  const good = (n: number) => (n > 0 ? ` style="color:${STATUS_COLOURS.met.print}"` : '');
  const rows = outcomeRows(summary, townshipCode).map(
    ({ name, counts }) =>
      `<tr><td class="text">${esc(name)}</td>${OUTCOME_COLUMNS.map((col, i) => {
        const v = col.value(counts);
        const style = i === 1 ? good(v) : i === 2 || i === 6 ? warn(v) : '';
        return `<td${style}>${v}</td>`;
      }).join('')}</tr>`,
  );
  const header = `<tr><th>镇街</th>${OUTCOME_COLUMNS.map((c) => `<th>${c.header}</th>`).join('')}</tr>`;
  return `${head}<table>${header}${rows.join('')}</table><p class="note">逾期未销号：统计截至日已过办理期限仍未销号。已销号、已反馈待审核、退回重办、待办理四种状态之和等于交办数。</p>`;
}

/** A light in words with its colour, e.g. '● 红灯（逾期3天）'. */
export function lightText(item: SupervisionItemView): string {
  if (!item.light) return SUPERVISION_STATE_LABELS.closed;
  const words =
    item.light === 'red'
      ? `红灯（逾期${-item.daysLeft}天）`
      : item.light === 'yellow'
        ? item.daysLeft === 0
          ? '黄灯（今天到期）'
          : `黄灯（剩${item.daysLeft}天）`
        : `绿灯（剩${item.daysLeft}天）`;
  return `<span style="color:${DEADLINE_LIGHT_COLOURS[item.light].print};font-weight:bold">●</span> ${words}`;
}

/** A township's open items (most urgent first), cut at `limit` rows. */
export function openItemsHtml(section: BoardSupervision | null | undefined, townshipCode: string, limit: number) {
  if (!section) return { html: '<p>无督办事项记录。</p>', total: 0 };
  const mine = section.open.filter((i) => i.townshipCode === townshipCode);
  if (!mine.length) return { html: `<p>截至 ${section.summary.today} 没有未销号的督办事项。</p>`, total: 0 };
  const rows = mine
    .slice(0, limit)
    .map(
      (i) =>
        `<tr><td class="text">${lightText(i)}</td><td class="wrap">${esc(i.task)}</td><td>${i.deadline}</td><td class="text">${SUPERVISION_STATE_LABELS[i.displayState]}</td></tr>`,
    );
  return {
    html: `<table><tr><th>期限灯</th><th>督办任务</th><th>办理期限</th><th>状态</th></tr>${rows.join('')}</table>`,
    total: mine.length,
  };
}

/** The XLSX sheets: 督办办理情况 (the counts) and 上周督办事项 (the items, dates as date cells). */
export function addOutcomeSheets(
  workbook: ExcelJS.Workbook,
  section: BoardSupervision | null | undefined,
  townshipCode?: string,
): void {
  const sheet = workbook.addWorksheet('督办办理情况');
  sheet.columns = [
    { header: '镇街代码', width: 12 },
    { header: '镇街', width: 12 },
    ...OUTCOME_COLUMNS.map((c) => ({ header: c.header, width: 14 })),
    { header: '目前仍逾期', width: 12 },
  ];
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  if (!section) {
    sheet.addRow([section === null ? '上周：无（数据起始周）' : NOT_SHOWN]);
    return;
  }
  for (const { code, name, counts } of outcomeRows(section.summary, townshipCode))
    sheet.addRow([code, name, ...OUTCOME_COLUMNS.map((c) => c.value(counts)), counts.overdueNow]);
  sheet.addRow([]);
  sheet.addRow(['说明', outcomeHeadline(section.summary)]);
  sheet.addRow(['', `“目前仍逾期”按 ${section.summary.today} 计；其余各列按统计截至日计。`]);
  const items = townshipCode ? section.items.filter((i) => i.townshipCode === townshipCode) : section.items;
  addItemsSheet(workbook, '上周督办事项', items);
}
