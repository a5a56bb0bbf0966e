/**
 * 上周督办事项办理情况 in the weekly pack and the township's one-pager: the counts table (HTML for
 * the PDF, a sheet for the XLSX), the items of last week (a sheet with date cells), and a
 * township's open items with their lights — always in words (红灯/黄灯/绿灯), the colour only
 * repeats them, so a black-and-white print loses nothing. Words per language in
 * supervisionPackWords.ts.
 */
import type ExcelJS from 'exceljs';
import { STATUS_COLOURS } from '../../../shared/colours/judgement.ts';
import type { Locale } from '../../../shared/language/index.ts';
import { DEADLINE_LIGHT_COLOURS } from '../../../shared/supervision/deadlines.ts';
import { addItemsSheet } from '../supervision/exportItems.ts';
import type { SupervisionItemView } from '../supervision/itemView.ts';
import { ITEM_WORDS } from '../supervision/itemWords.ts';
import type { SupervisionCounts, SupervisionWeekSummary } from '../supervision/weekSummary.ts';
import { escapeXml as esc } from './svgCharts.ts';
import type { BoardSupervision } from './supervisionOutcome.ts';
import { SUPERVISION_PACK_WORDS } from './supervisionPackWords.ts';

/** '上周（2026-W47（11月16日—22日））交办的督办事项，统计截至 2026-11-29（周日 24:00）'. */
export function outcomeHeadline(summary: SupervisionWeekSummary, locale: Locale = 'zh-CN'): string {
  return SUPERVISION_PACK_WORDS[locale].headline(summary);
}

/** The rows for a township's pack (its row and the city), or every township and the city. */
export function outcomeRows(summary: SupervisionWeekSummary, townshipCode?: string, locale: Locale = 'zh-CN') {
  const townships = townshipCode ? summary.townships.filter((t) => t.code === townshipCode) : summary.townships;
  return [
    ...townships.map((t) => ({ name: t.name, code: t.code as string | null, counts: t as SupervisionCounts })),
    { name: SUPERVISION_PACK_WORDS[locale].city, code: null, counts: summary.city },
  ];
}

/** The PDF section: the counts table, or a sentence when there is nothing to count. */
export function outcomeHtml(
  section: BoardSupervision | null | undefined,
  townshipCode?: string,
  locale: Locale = 'zh-CN',
): string {
  const w = SUPERVISION_PACK_WORDS[locale];
  if (section === undefined) return `<p>${w.notShown}</p>`;
  if (section === null) return `<p>${w.first}</p>`;
  const { summary } = section;
  const head = `<p class="meta">${esc(w.headline(summary))}</p>`;
  if (summary.city.issued === 0) return `${head}<p>${w.noneIssued}</p>`;
  const warn = (n: number) => (n > 0 ? ` style="color:${STATUS_COLOURS.off_track.print};font-weight:bold"` : '');
  const good = (n: number) => (n > 0 ? ` style="color:${STATUS_COLOURS.met.print}"` : '');
  const rows = outcomeRows(summary, townshipCode, locale).map(
    ({ name, counts }) =>
      `<tr><td class="text">${esc(name)}</td>${w.columns
        .map((col, i) => {
          const v = col.value(counts);
          const style = i === 1 ? good(v) : i === 2 || i === 6 ? warn(v) : '';
          return `<td${style}>${v}</td>`;
        })
        .join('')}</tr>`,
  );
  const header = `<tr><th>${w.township}</th>${w.columns.map((c) => `<th>${esc(c.header)}</th>`).join('')}</tr>`;
  return `${head}<table>${header}${rows.join('')}</table><p class="note">${esc(w.tableNote)}</p>`;
}

/** A light in words with its colour, e.g. '● 红灯（逾期3天）'. */
export function lightText(item: SupervisionItemView, locale: Locale = 'zh-CN'): string {
  const w = SUPERVISION_PACK_WORDS[locale];
  if (!item.light) return ITEM_WORDS[locale].state.closed;
  const words =
    item.light === 'red'
      ? w.red(-item.daysLeft)
      : item.light === 'yellow'
        ? item.daysLeft === 0
          ? w.dueToday
          : w.yellow(item.daysLeft)
        : w.green(item.daysLeft);
  return `<span style="color:${DEADLINE_LIGHT_COLOURS[item.light].print};font-weight:bold">●</span> ${words}`;
}

/** A township's open items (most urgent first), cut at `limit` rows. */
export function openItemsHtml(
  section: BoardSupervision | null | undefined,
  townshipCode: string,
  limit: number,
  locale: Locale = 'zh-CN',
) {
  const w = SUPERVISION_PACK_WORDS[locale];
  if (!section) return { html: `<p>${w.noItems}</p>`, total: 0 };
  const mine = section.open.filter((i) => i.townshipCode === townshipCode);
  if (!mine.length) return { html: `<p>${esc(w.noneOpen(section.summary.today))}</p>`, total: 0 };
  const rows = mine
    .slice(0, limit)
    .map(
      (i) =>
        `<tr><td class="text">${lightText(i, locale)}</td><td class="wrap">${esc(i.task)}</td><td>${i.deadline}</td><td class="text">${ITEM_WORDS[locale].state[i.displayState]}</td></tr>`,
    );
  return {
    html: `<table><tr>${w.openHeaders.map((h) => `<th>${h}</th>`).join('')}</tr>${rows.join('')}</table>`,
    total: mine.length,
  };
}

/** The XLSX sheets: 督办办理情况 (the counts) and 上周督办事项 (the items, dates as date cells). */
export function addOutcomeSheets(
  workbook: ExcelJS.Workbook,
  section: BoardSupervision | null | undefined,
  townshipCode?: string,
  locale: Locale = 'zh-CN',
): void {
  const w = SUPERVISION_PACK_WORDS[locale];
  const sheet = workbook.addWorksheet(w.countsSheet);
  sheet.columns = [
    { header: w.townshipCode, width: 12 },
    { header: w.township, width: 12 },
    ...w.columns.map((c) => ({ header: c.header, width: 14 })),
    { header: w.overdueNow, width: 12 },
  ];
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  if (!section) {
    sheet.addRow([section === null ? w.firstCell : w.notShown]);
    return;
  }
  for (const { code, name, counts } of outcomeRows(section.summary, townshipCode, locale))
    sheet.addRow([code, name, ...w.columns.map((c) => c.value(counts)), counts.overdueNow]);
  sheet.addRow([]);
  sheet.addRow([w.note, w.headline(section.summary)]);
  sheet.addRow(['', w.overdueNowNote(section.summary.today)]);
  const items = townshipCode ? section.items.filter((i) => i.townshipCode === townshipCode) : section.items;
  addItemsSheet(workbook, w.itemsSheet, items, locale);
}
