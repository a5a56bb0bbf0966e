/**
 * 一页纸: a township's week on exactly one A4 page, what its staff bring to the weekly review —
 * its rank and change, the 红黑榜 entry with reasons, the five indicators with goal, status and
 * change, its open supervision items with their lights (in words), the summary, what moved compound by compound, its lagging compounds with reasons, and
 * the data notice. Long lists are cut at a count that keeps the page to one sheet (tested for
 * every township of the demo city) and say how many more there are and where to find them.
 */
import type { Db } from '../../db/connection.ts';
import { INDICATOR_KEYS } from '../../../shared/indicators/index.ts';
import type { Locale } from '../../../shared/language/index.ts';
import { shanghaiDateTime } from '../../../shared/time/dates.ts';
import { weekStateLabel } from '../../../shared/time/weeks.ts';
import { fixed, rankChangeLabel } from './format.ts';
import { boardIn, townshipReviewIn } from './inLanguage.ts';
import { PACK_PAGE_WORDS, type PackPageWords } from './packPageWords.ts';
import { PACK_WORDS, type PackWords } from './packWords.ts';
import { sharedPdfPrinter } from './pdfPrinter.ts';
import type { ReviewBoard } from './rankingBoard.ts';
import { openReviewWeek } from './reviewedWeeks.ts';
import { checkTownshipCodeForm } from './reviewWeek.ts';
import { openItemsHtml } from './supervisionPack.ts';
import { escapeXml as esc } from './svgCharts.ts';
import { townshipReviewFrom, type TownshipReview } from './townshipReview.ts';
import type { WeekSource } from './weekSource.ts';

/** Rows that fit beside everything else on one page (9 pt text, reasons up to two lines). */
export const ONE_PAGE_LIMITS = { lagging: 12, changes: 8, sentences: 4, supervision: 4 } as const;

export interface TownshipOnePagerData {
  board: ReviewBoard;
  township: TownshipReview;
}

/** The week's board and the township's review, their sentences in `locale` (inLanguage.ts). */
export async function collectOnePager(
  source: WeekSource,
  code: string,
  locale: Locale = 'zh-CN',
): Promise<TownshipOnePagerData> {
  const board = await source.board();
  const township = await townshipReviewFrom(source, code);
  return { board: boardIn(board, locale), township: townshipReviewIn(township, locale, board) };
}

interface Words {
  w: PackWords;
  p: PackPageWords;
}

const STYLE = `
@page { size: A4; margin: 11mm 12mm 11mm; }
* { box-sizing: border-box; }
html, body { margin: 0; }
body { font-family: 'Noto Sans CJK SC', 'Noto Sans SC', sans-serif; font-size: 9pt; color: #111; line-height: 1.35; }
h1 { font-size: 15pt; margin: 0; }
h2 { font-size: 10.5pt; margin: 3.2mm 0 1.2mm; border-bottom: 1.2pt solid #2f6fb0; padding-bottom: 0.6mm; }
.meta { color: #333; margin: 1mm 0 0; }
.demo { color: #b03a2e; font-weight: bold; }
.standing { display: flex; gap: 6mm; align-items: baseline; margin-top: 2.5mm; padding: 2mm 3mm; border: 0.8pt solid #999; }
.standing .rank { font-size: 20pt; font-weight: bold; }
.standing .lists { flex: 1; }
.red { color: #b3122a; font-weight: bold; }
.black { color: #111; font-weight: bold; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 0.6pt solid #999; padding: 0.5mm 1.4mm; text-align: right; white-space: nowrap; }
th { background: #e8eef6; text-align: center; }
td.text { text-align: left; }
td.wrap { text-align: left; white-space: normal; }
ul { margin: 0; padding-left: 4.5mm; }
li { margin-bottom: 0.5mm; }
.more { color: #444; font-size: 8pt; margin: 0.8mm 0 0; }
footer { margin-top: 3mm; padding-top: 1.2mm; border-top: 0.6pt solid #999; color: #444; font-size: 7.5pt; }
`;

/** "另有 N 个…" under a list cut to fit the page. */
const more = (shown: number, total: number, sentence: (n: number) => string) =>
  total > shown ? `<p class="more">${sentence(total - shown)}</p>` : '';

function standing({ board, township: t }: TownshipOnePagerData, { w, p }: Words): string {
  const entry = (list: 'red' | 'black') => (e: { reasons: string[] }) =>
    `<span class="${list}">${w.list[list]}</span>${p.colon}${esc(e.reasons.join(w.semicolon))}`;
  const entries = [
    ...board.redList.filter((e) => e.code === t.code).map(entry('red')),
    ...board.blackList.filter((e) => e.code === t.code).map(entry('black')),
  ];
  const c = t.standing.composite;
  return (
    `<div class="standing"><span>${p.compositeRankOf(String(c.rank ?? '—'), t.ranked)}</span>` +
    `<span>${p.vsLastWeek(rankChangeLabel(c.rankChange))}</span><span>${p.compositeScoreOf(c.score === null ? '—' : fixed(c.score, 1))}</span>` +
    `<span class="lists">${entries.join('<br>') || p.notListed}</span></div>`
  );
}

function indicators({ township: t }: TownshipOnePagerData, { w, p }: Words): string {
  const rows = INDICATOR_KEYS.map((k) => {
    const r = t.indicators[k];
    const b = t.standing.indicators[k];
    return (
      `<tr><td class="text">${esc(w.indicator(k))}</td><td>${w.value(k, r.value)}</td><td>${w.value(k, r.previousWeek)}</td>` +
      `<td>${w.delta(k, r.delta)}</td><td>${b.rank ?? '—'}${w.locale === 'en' ? ` (${rankChangeLabel(b.rankChange)})` : `（${rankChangeLabel(b.rankChange)}）`}</td><td>${w.value(k, r.target)}</td>` +
      `<td class="text">${w.status(k, r.status)}</td></tr>`
    );
  });
  const th = p.th;
  const heads = [th.indicator, th.thisWeek, th.lastWeek, th.vsLastWeek, th.rankWithChange, th.target, th.pace];
  return `<table><tr>${heads.map((h) => `<th>${h}</th>`).join('')}</tr>${rows.join('')}</table>`;
}

function summary({ township: t }: TownshipOnePagerData, { p }: Words): string {
  const lines = t.summary.slice(0, ONE_PAGE_LIMITS.sentences);
  return lines.length ? `<ul>${lines.map((s) => `<li>${esc(s.text)}</li>`).join('')}</ul>` : `<p>${p.noSummary}</p>`;
}

function changes({ township: t }: TownshipOnePagerData, { w, p }: Words): string {
  if (!t.changes.length) return `<p>${p.noChanges}</p>`;
  const shown = t.changes.slice(0, ONE_PAGE_LIMITS.changes);
  const rows = shown.map(
    (c) =>
      `<tr><td class="text">${esc(c.name)}</td><td class="wrap">${esc(c.changes.map((x) => x.text).join(w.semicolon))}</td></tr>`,
  );
  return `<table><tr><th>${p.th.compound}</th><th>${p.th.change}</th></tr>${rows.join('')}</table>${more(shown.length, t.changes.length, p.moreChanges)}`;
}

function lagging({ township: t }: TownshipOnePagerData, { w, p }: Words): string {
  if (!t.lagging.length) return `<p>${p.noLagging}</p>`;
  const shown = t.lagging.slice(0, ONE_PAGE_LIMITS.lagging);
  const rows = shown.map(
    (c) =>
      `<tr><td class="text">${esc(c.name)}</td><td class="text">${esc(c.community)}</td><td class="wrap">${esc(c.reasonText.join(w.semicolon))}</td></tr>`,
  );
  return `<table><tr><th>${p.th.compound}</th><th>${p.th.community}</th><th>${p.th.reasons}</th></tr>${rows.join('')}</table>${more(shown.length, t.lagging.length, p.moreLagging)}`;
}

/** The township's open supervision items, most urgent first, each light in words. */
function supervision({ board, township: t }: TownshipOnePagerData, { w, p }: Words): { title: string; html: string } {
  const { html, total } = openItemsHtml(board.supervision, t.code, ONE_PAGE_LIMITS.supervision, w.locale);
  return {
    title: p.supervisionOf(total),
    html: html + more(Math.min(total, ONE_PAGE_LIMITS.supervision), total, p.moreItems),
  };
}

/** `generatedAt` as people read it, in the city's time zone; `data` already in `locale` (collectOnePager). */
export function townshipOnePagerHtml(
  data: TownshipOnePagerData,
  generatedAt: string,
  locale: Locale = 'zh-CN',
): string {
  const words: Words = { w: PACK_WORDS[locale], p: PACK_PAGE_WORDS[locale] };
  const { w, p } = words;
  const { board, township: t } = data;
  const state = weekStateLabel(
    board.state,
    { asOf: board.asOf, frozenAt: board.reviewed ? shanghaiDateTime(board.reviewed.reviewedAt) : null },
    locale,
  );
  const items = supervision(data, words);
  const sections = [
    `<h1>${esc(p.onePagerTitle(t.name, w.week(board.week)))}</h1>`,
    `<p class="meta">${esc(p.asOfLine(board.asOf, board.previousAsOf, state))}</p>`,
    board.demo ? `<p class="meta demo">${esc(w.dataNature(true))}</p>` : '',
    standing(data, words),
    `<h2>${p.fourUpOneDown}</h2>`,
    indicators(data, words),
    `<h2>${items.title}</h2>`,
    items.html,
    `<h2>${p.h.summary}</h2>`,
    summary(data, words),
    `<h2>${p.changesOf(t.changes.length)}</h2>`,
    changes(data, words),
    `<h2>${p.laggingOf(t.lagging.length)}</h2>`,
    lagging(data, words),
    `<footer>${esc(p.footer(board.asOf, t.ranked, board.demo, generatedAt))}</footer>`,
  ];
  return `<!doctype html><html lang="${p.htmlLang}"><head><meta charset="utf-8"><title>${esc(p.onePagerDocTitle(t.name, board.week))}</title><style>${STYLE}</style></head><body>${sections.join('\n')}</body></html>`;
}

/** "一页纸_2026-W48_陈埭镇.pdf", "one-pager-2026-W48-陈埭镇.pdf" in English. */
export function onePagerFileName(data: TownshipOnePagerData, locale: Locale = 'zh-CN'): string {
  return PACK_WORDS[locale].onePagerFileName(data.board.week, data.township.name);
}

/**
 * The one-page PDF. Takes its place in the print queue first (ServiceBusyError when full, before
 * any figure is collected), like the weekly pack.
 */
export async function townshipOnePager(
  db: Db,
  request: { code: string; week: string; today?: string; now?: Date; locale?: Locale },
): Promise<{ data: TownshipOnePagerData; body: Buffer }> {
  checkTownshipCodeForm(request.code);
  const ticket = sharedPdfPrinter.admit();
  try {
    const source = await openReviewWeek(db, request.week, request.today ? { today: request.today } : {});
    const locale = request.locale ?? 'zh-CN';
    const data = await collectOnePager(source, request.code, locale);
    const body = await ticket.print(townshipOnePagerHtml(data, shanghaiDateTime(request.now ?? new Date()), locale));
    return { data, body };
  } finally {
    ticket.release();
  }
}
