/**
 * The pack as one self-contained HTML page for printing on A4 (chromium.ts): inline CSS, inline
 * SVG charts, Noto Sans CJK SC, nothing fetched. The composite ranking comes first, so the 19
 * township names first appear in rank order; then the indicator table, charts, the summary
 * sentences, 上周督办事项办理情况 (supervisionPack.ts), the red and black lists with the movers,
 * the lagging compounds, and — for a township — what changed compound by compound.
 */
import { INDICATOR_KEYS, INDICATORS, type IndicatorKey } from '../../../shared/indicators/index.ts';
import type { Locale } from '../../../shared/language/index.ts';
import { CATEGORICAL } from '../../../shared/colours/categorical.ts';
import { LIST_COLOURS, STATUS_COLOURS, statusColour } from '../../../shared/colours/judgement.ts';
import { fixed, percent, rankChangeLabel } from './format.ts';
import { PACK_PAGE_WORDS, type PackPageWords } from './packPageWords.ts';
import { PACK_WORDS, type PackWords } from './packWords.ts';
import type { ReviewBoard } from './rankingBoard.ts';
import type { ListEntry } from './redBlackList.ts';
import { describeRules } from './reviewRules.ts';
import { barChart, escapeXml as esc, lineChart } from './svgCharts.ts';
import { outcomeHtml } from './supervisionPack.ts';
import type { PackData } from './weeklyPack.ts';

const STYLE = `
@page { size: A4; margin: 12mm 11mm 14mm; }
* { box-sizing: border-box; }
/* Fonts in the PDF: Chromium embeds a TrueType-outline font as a named CID TrueType font, but a
   CFF-outline one (every Noto Sans CJK face) as unnamed Type 3 glyphs, poor for archiving; a
   synthesised bold is Type 3 too. So, when it is installed (Debian fonts-wqy-microhei), all text
   is set in WenQuanYi Micro Hei (TrueType, one weight: headings and emphasis keep their size,
   colour and shading, not a heavier stroke); without it, Noto Sans CJK SC regular and bold, as
   before. */
@font-face { font-family: 'Pack Sans'; font-weight: 400; src: local('WenQuanYi Micro Hei'), local('Noto Sans CJK SC'); }
@font-face { font-family: 'Pack Sans'; font-weight: 700; src: local('WenQuanYi Micro Hei'), local('Noto Sans CJK SC Bold'); }
body { font-family: 'Pack Sans', 'Noto Sans CJK SC', 'Noto Sans SC', sans-serif; font-synthesis: none; font-size: 9pt; color: #111; margin: 0; }
h1 { font-size: 15pt; margin: 0 0 2mm; }
h2 { font-size: 11.5pt; margin: 5mm 0 2mm; border-bottom: 1.5px solid #2f6fb0; padding-bottom: 1mm; break-after: avoid; }
.meta { color: #333; margin: 0 0 1mm; }
.demo { color: #b03a2e; font-weight: bold; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 0.6pt solid #999; padding: 0.6mm 1.4mm; text-align: right; white-space: nowrap; }
th { background: #e8eef6; text-align: center; }
td.text { text-align: left; }
td.wrap { text-align: left; white-space: normal; }
/* A table running onto the next page repeats its header there and never splits a row. */
thead { display: table-header-group; }
tr, th, td { break-inside: avoid; }
tr.mine td { background: #fdf1d8; font-weight: bold; }
/* The colour language (shared/colours), print variants: the black list at the worse end (the
   judgement red), the 红榜 in the "better" accent — never red, which means worst everywhere. */
.red { color: ${LIST_COLOURS.red.print}; font-weight: bold; }
.black { color: ${LIST_COLOURS.black.print}; font-weight: bold; }
${Object.entries(STATUS_COLOURS)
  .map(([status, swatch]) => `td.st-${status} { color: ${swatch.print}; font-weight: bold; }`)
  .join('\n')}
.charts { display: flex; flex-wrap: wrap; gap: 3mm 6mm; }
.charts svg { break-inside: avoid; }
ul.sentences { margin: 0; padding-left: 5mm; }
ul.sentences li { break-inside: avoid; margin-bottom: 0.8mm; }
.note { color: #444; font-size: 8pt; }
`;

/** The words of one page: the shared review words and the page's own. */
interface Words {
  w: PackWords;
  p: PackPageWords;
}

const cls = (names: readonly ('red' | 'black')[], w: PackWords) =>
  names.map((l) => `<span class="${l}">${w.list[l]}</span>`).join(' ');
const opt = (v: number | null, f: (v: number) => string) => (v === null ? '—' : f(v));
/** An indicator's short name in the page's language. */
const short = (k: IndicatorKey, w: PackWords) =>
  w.locale === 'en' ? INDICATORS[k].names.en.short : INDICATORS[k].pack.short;

function rankingTable(data: PackData, { w, p }: Words): string {
  const mine = data.township?.code;
  const rows = data.board.townships.map(
    (t) =>
      `<tr${t.code === mine ? ' class="mine"' : ''}><td>${t.composite.rank ?? '—'}</td><td class="text">${esc(t.name)}</td><td>${opt(t.composite.score, (v) => fixed(v, 1))}</td>` +
      `<td>${rankChangeLabel(t.composite.rankChange)}</td><td>${t.composite.previousRank ?? '—'}</td>` +
      INDICATOR_KEYS.map((k) => `<td>${t.indicators[k].rank ?? '—'}</td>`).join('') +
      `<td class="text">${cls(t.lists, w)}</td></tr>`,
  );
  const th = p.th;
  const head = `<tr><th>${th.compositeRank}</th><th>${th.township}</th><th>${th.compositeScore}</th><th>${th.vsLastWeek}</th><th>${th.previousRank}</th>${INDICATOR_KEYS.map((k) => `<th>${esc(th.indicatorRank(short(k, w)))}</th>`).join('')}<th>${th.lists}</th></tr>`;
  return `<table><thead>${head}</thead><tbody>${rows.join('')}</tbody></table>`;
}

function indicatorTable(data: PackData, { w, p }: Words): string {
  const mine = data.township?.code;
  const cells = (k: IndicatorKey, value: number | null, rank: number | null, change: number | null) =>
    `<td>${w.bareValue(k, value)}</td><td>${rank ?? ''}${rank !== null ? ` ${rankChangeLabel(change)}` : ''}</td>`;
  const rows = data.board.townships.map(
    (t) =>
      `<tr${t.code === mine ? ' class="mine"' : ''}><td class="text">${esc(t.name)}</td>${INDICATOR_KEYS.map((k) => cells(k, t.indicators[k].value, t.indicators[k].rank, t.indicators[k].rankChange)).join('')}</tr>`,
  );
  const city = `<tr><td class="text">${w.city}</td>${INDICATOR_KEYS.map((k) => cells(k, data.board.city[k].value, null, null)).join('')}</tr>`;
  const head = `<tr><th rowspan="2">${p.th.township}</th>${INDICATOR_KEYS.map((k) => `<th colspan="2">${esc(w.indicator(k))}${esc(w.unitNote(k))}</th>`).join('')}</tr><tr>${INDICATOR_KEYS.map(() => `<th>${p.th.value}</th><th>${p.th.rank}</th>`).join('')}</tr>`;
  return `<table><thead>${head}</thead><tbody>${rows.join('')}${city}</tbody></table>`;
}

function townshipIndicators(data: PackData, { w, p }: Words): string {
  const t = data.township!;
  const rows = INDICATOR_KEYS.map((k) => {
    const r = t.indicators[k];
    const b = t.standing.indicators[k];
    return (
      `<tr><td class="text">${esc(w.indicator(k))}</td><td>${w.value(k, r.value)}</td><td>${w.value(k, r.previousWeek)}</td><td>${w.delta(k, r.delta)}</td>` +
      `<td>${b.rank ?? '—'}</td><td>${rankChangeLabel(b.rankChange)}</td><td>${w.value(k, r.target)}</td><td class="st-${r.status ?? 'none'}">${w.status(k, r.status)}</td><td>${r.numerator} / ${r.denominator}</td></tr>`
    );
  });
  const th = p.th;
  const heads = [
    th.indicator,
    th.thisWeek,
    th.lastWeek,
    th.vsLastWeek,
    th.rank,
    th.rankChange,
    th.target,
    th.status,
    th.fraction,
  ];
  return `<table><thead><tr>${heads.map((h) => `<th>${h}</th>`).join('')}</tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

function charts(data: PackData, { w, p }: Words): string {
  const mine = data.township?.code;
  const ranked = (k: IndicatorKey) =>
    [...data.board.townships].sort((a, b) => (a.indicators[k].rank ?? 99) - (b.indicators[k].rank ?? 99));
  const verdicts = new Map(data.metrics.townships.map((t) => [t.code, t.indicators]));
  const statusOf = (code: string, k: IndicatorKey) => verdicts.get(code)?.[k].status ?? null;
  const fmt = (k: IndicatorKey) => (v: number) => (INDICATORS[k].unit === 'rate' ? percent(v) : fixed(v, 2));
  const composite = barChart({
    title: p.compositeScore,
    rows: data.board.townships.map((t) => ({ label: t.name, value: t.composite.score, highlight: t.code === mine })),
    format: (v) => fixed(v, 1),
  });
  if (data.township) {
    const h = data.township.history;
    const recent = Math.max(0, h.weeks.length - 26);
    const lines = INDICATOR_KEYS.map((k) =>
      lineChart({
        title: p.recentWeeks(w.indicator(k), h.weeks.length - recent),
        labels: h.weeks.slice(recent).map((week) => week.week),
        series: [
          { name: data.township!.name, values: h.township[k].slice(recent), color: CATEGORICAL.violet.print },
          { name: w.city, values: h.city[k].slice(recent), color: CATEGORICAL.blue.print },
        ],
        format: fmt(k),
      }),
    );
    return `<div class="charts">${composite}${lines.join('')}</div>`;
  }
  const bars = INDICATOR_KEYS.map((k) =>
    barChart({
      title: w.indicator(k) + w.chartNote(k),
      // Each township's bar in its verdict's colour: green only where the goal is met.
      rows: ranked(k).map((t) => ({
        label: t.name,
        value: t.indicators[k].value,
        color: statusColour(statusOf(t.code, k), 'print'),
      })),
      format: fmt(k),
      goal: data.metrics.city.indicators[k].target,
      goalLabel: p.goal,
    }),
  );
  const key = (['met', 'on_track', 'at_risk', 'off_track'] as const)
    .map((st) => `<span style="color:${statusColour(st, 'print')}">■</span> ${p.statusKey[st]}`)
    .join(w.locale === 'en' ? '  ' : '　');
  const standing = INDICATOR_KEYS.filter((k) => INDICATORS[k].goal === 'standing').map((k) => short(k, w));
  return `<div class="charts">${composite}${bars.join('')}</div><p class="note">${p.barColours(key, standing)}</p>`;
}

function sentences(data: PackData): string {
  const { board } = data;
  const townshipLines = data.township
    ? data.township.summary
    : board.townships.flatMap((t) => board.summary.townships[t.code] ?? []);
  return `<ul class="sentences">${[...board.summary.city, ...townshipLines].map((s) => `<li>${esc(s.text)}</li>`).join('')}</ul>`;
}

function listsSection(data: PackData, { w, p }: Words): string {
  const { board } = data;
  const entries = (list: readonly ListEntry[]) =>
    list.length
      ? list.map((e) => `<li><b>${esc(e.name)}</b>${p.colon}${esc(e.reasons.join(w.semicolon))}</li>`).join('')
      : `<li>${w.none}</li>`;
  const movers = [
    ...board.movers.composite.gainers.map((m) => `${esc(m.name)} ${rankChangeLabel(m.rankChange)}`),
    ...board.movers.composite.fallers.map((m) => `${esc(m.name)} ${rankChangeLabel(m.rankChange)}`),
  ];
  return (
    `<p class="red">${w.list.red}</p><ul>${entries(board.redList)}</ul><p class="black">${w.list.black}</p><ul>${entries(board.blackList)}</ul>` +
    `<p class="note">${p.biggestMoves(movers)}</p>`
  );
}

function laggingTable(data: PackData, { w, p }: Words): string {
  if (!data.lagging.length) return `<p>${p.noLagging}</p>`;
  const rows = data.lagging.map(
    (c) =>
      `<tr><td class="text">${esc(c.townshipName)}</td><td class="text">${esc(c.name)}</td><td class="wrap">${esc(c.reasonText.join(w.semicolon))}</td></tr>`,
  );
  return `<p class="note">${esc(p.laggingNote(data.lagging.length))}</p><table><thead><tr><th>${p.th.township}</th><th>${p.th.compound}</th><th>${p.th.reasons}</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

function changesTable(data: PackData, { w, p }: Words): string {
  if (!data.changes.length) return `<p>${p.noChanges}</p>`;
  const rows = data.changes.map(
    (c) =>
      `<tr><td class="text">${esc(c.name)}</td><td class="wrap">${esc(c.changes.map((x) => x.text).join(w.semicolon))}</td></tr>`,
  );
  return `<table><thead><tr><th>${p.th.compound}</th><th>${p.th.change}</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

/** The week's state, e.g. '已晾晒，快照冻结于 2026-12-05 01:50（此后的记录修改不影响本周数字）'. */
export function weekStatusLine(board: ReviewBoard, locale: Locale = 'zh-CN'): string {
  return PACK_WORDS[locale].weekStatusLine(board);
}

/** What 上周 is: the previous week as it was shown, and whether a later correction changed it. */
export function previousWeekLine(board: ReviewBoard, locale: Locale = 'zh-CN'): string {
  return PACK_WORDS[locale].previousWeekLine(board);
}

/** `data` already in `locale` (packIn in weeklyPack.ts): this writes the page's own words. */
export function packHtml(data: PackData, locale: Locale = 'zh-CN'): string {
  const words: Words = { w: PACK_WORDS[locale], p: PACK_PAGE_WORDS[locale] };
  const { w, p } = words;
  const { board } = data;
  const scope = data.township ? data.township.name : w.city;
  const sections = [
    `<h1>${esc(p.packTitle(w.week(board.week), scope))}</h1>`,
    `<p class="meta">${esc(w.weekStatusLine(board))}</p>`,
    `<p class="meta">${esc(w.previousWeekLine(board))}</p>`,
    board.demo ? `<p class="meta demo">${esc(w.dataNature(true))}</p>` : '',
    `<h2>${p.h.ranking}</h2>`,
    rankingTable(data, words),
    data.township ? `<h2>${esc(p.h.townshipIndicators(scope))}</h2>${townshipIndicators(data, words)}` : '',
    `<h2>${p.h.indicators}</h2>`,
    indicatorTable(data, words),
    `<h2>${p.h.charts}</h2>`,
    charts(data, words),
    `<h2>${p.h.summary}</h2>`,
    sentences(data),
    `<h2>${esc(p.h.supervision)}</h2>`,
    outcomeHtml(board.supervision, data.township?.code, locale),
    `<h2>${p.h.lists}</h2>`,
    listsSection(data, words),
    `<h2>${esc(p.h.lagging(scope))}</h2>`,
    laggingTable(data, words),
    data.township ? `<h2>${p.h.changes}</h2>${changesTable(data, words)}` : '',
    `<h2>${p.h.rules}</h2>`,
    `<ul class="note">${describeRules(board.rules, locale)
      .map((l) => `<li>${esc(l)}</li>`)
      .join('')}</ul>`,
  ];
  return `<!doctype html><html lang="${p.htmlLang}"><head><meta charset="utf-8"><title>${esc(p.packDocTitle(board.week))}</title><style>${STYLE}</style></head><body>${sections.join('\n')}</body></html>`;
}
