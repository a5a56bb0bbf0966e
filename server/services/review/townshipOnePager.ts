/**
 * 一页纸: a township's week on exactly one A4 page, what its staff bring to the weekly review —
 * its rank and change, the 红黑榜 entry with reasons, the five indicators with goal, status and
 * change, its open supervision items with their lights (in words), the summary, what moved compound by compound, its lagging compounds with reasons, and
 * the data notice. Long lists are cut at a count that keeps the page to one sheet (tested for
 * every township of the demo city) and say how many more there are and where to find them.
 */
import type { Db } from '../../db/connection.ts';
import { DEMO_NOTICE } from '../dataset/datasetInfo.ts';
import { INDICATOR_KEYS, INDICATORS } from '../../../shared/indicators/index.ts';
import { shanghaiDateTime } from '../../../shared/time/dates.ts';
import { weekLabel, weekStateLabel } from '../../../shared/time/weeks.ts';
import { fixed, formatDelta, formatValue, rankChangeLabel, statusLabel } from './format.ts';
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

export async function collectOnePager(source: WeekSource, code: string): Promise<TownshipOnePagerData> {
  return { board: await source.board(), township: await townshipReviewFrom(source, code) };
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
const more = (shown: number, total: number, what: string) =>
  total > shown ? `<p class="more">另有 ${total - shown} ${what}，见镇街页面或全市晾晒材料。</p>` : '';

function standing({ board, township: t }: TownshipOnePagerData): string {
  const entries = [
    ...board.redList
      .filter((e) => e.code === t.code)
      .map((e) => `<span class="red">红榜</span>：${esc(e.reasons.join('；'))}`),
    ...board.blackList
      .filter((e) => e.code === t.code)
      .map((e) => `<span class="black">黑榜</span>：${esc(e.reasons.join('；'))}`),
  ];
  const c = t.standing.composite;
  return (
    `<div class="standing"><span>综合排名 <span class="rank">${c.rank ?? '—'}</span> / ${t.ranked}</span>` +
    `<span>较上周 ${rankChangeLabel(c.rankChange)}</span><span>综合得分 ${c.score === null ? '—' : fixed(c.score, 1)}</span>` +
    `<span class="lists">${entries.join('<br>') || '本周未列入红黑榜'}</span></div>`
  );
}

function indicators({ township: t }: TownshipOnePagerData): string {
  const rows = INDICATOR_KEYS.map((k) => {
    const r = t.indicators[k];
    const b = t.standing.indicators[k];
    return (
      `<tr><td class="text">${esc(INDICATORS[k].name)}</td><td>${formatValue(k, r.value)}</td><td>${formatValue(k, r.previousWeek)}</td>` +
      `<td>${formatDelta(k, r.delta)}</td><td>${b.rank ?? '—'}（${rankChangeLabel(b.rankChange)}）</td><td>${formatValue(k, r.target)}</td>` +
      `<td class="text">${statusLabel(k, r.status)}</td></tr>`
    );
  });
  return `<table><tr><th>指标</th><th>本周</th><th>上周</th><th>较上周</th><th>排名（变化）</th><th>目标</th><th>进度</th></tr>${rows.join('')}</table>`;
}

function summary({ township: t }: TownshipOnePagerData): string {
  const lines = t.summary.slice(0, ONE_PAGE_LIMITS.sentences);
  return lines.length ? `<ul>${lines.map((s) => `<li>${esc(s.text)}</li>`).join('')}</ul>` : '<p>本周无摘要。</p>';
}

function changes({ township: t }: TownshipOnePagerData): string {
  if (!t.changes.length) return '<p>与上周相比没有小区状态变化。</p>';
  const shown = t.changes.slice(0, ONE_PAGE_LIMITS.changes);
  const rows = shown.map(
    (c) =>
      `<tr><td class="text">${esc(c.name)}</td><td class="wrap">${esc(c.changes.map((x) => x.text).join('；'))}</td></tr>`,
  );
  return `<table><tr><th>小区</th><th>变化</th></tr>${rows.join('')}</table>${more(shown.length, t.changes.length, '个小区有变化')}`;
}

function lagging({ township: t }: TownshipOnePagerData): string {
  if (!t.lagging.length) return '<p>本周没有后进小区。</p>';
  const shown = t.lagging.slice(0, ONE_PAGE_LIMITS.lagging);
  const rows = shown.map(
    (c) =>
      `<tr><td class="text">${esc(c.name)}</td><td class="text">${esc(c.community)}</td><td class="wrap">${esc(c.reasonText.join('；'))}</td></tr>`,
  );
  return `<table><tr><th>小区</th><th>社区/村</th><th>原因</th></tr>${rows.join('')}</table>${more(shown.length, t.lagging.length, '个后进小区')}`;
}

/** The township's open supervision items, most urgent first, each light in words. */
function supervision({ board, township: t }: TownshipOnePagerData): { title: string; html: string } {
  const { html, total } = openItemsHtml(board.supervision, t.code, ONE_PAGE_LIMITS.supervision);
  return {
    title: `督办事项（${total} 项未销号）`,
    html: html + more(Math.min(total, ONE_PAGE_LIMITS.supervision), total, '项未销号的督办事项'),
  };
}

/** `generatedAt` as people read it, in the city's time zone. */
export function townshipOnePagerHtml(data: TownshipOnePagerData, generatedAt: string): string {
  const { board, township: t } = data;
  const state = weekStateLabel(board.state, {
    asOf: board.asOf,
    frozenAt: board.reviewed ? shanghaiDateTime(board.reviewed.reviewedAt) : null,
  });
  const items = supervision(data);
  const sections = [
    `<h1>${esc(t.name)} · 每周调度晾晒一页纸 · ${esc(weekLabel(board.week))}</h1>`,
    `<p class="meta">截至 ${board.asOf}${board.previousAsOf ? `，对比 ${board.previousAsOf}` : ''} · ${state}</p>`,
    board.demo ? `<p class="meta demo">${esc(DEMO_NOTICE)}</p>` : '',
    standing(data),
    '<h2>四升一降</h2>',
    indicators(data),
    `<h2>${items.title}</h2>`,
    items.html,
    '<h2>本周摘要</h2>',
    summary(data),
    `<h2>本周变化（${t.changes.length} 个小区）</h2>`,
    changes(data),
    `<h2>后进小区（${t.lagging.length} 个）</h2>`,
    lagging(data),
    `<footer>数据说明：各项数字由小区台账记录按 ${board.asOf}（Asia/Shanghai）计算，排名为全市 ${t.ranked} 个镇街；` +
      `${board.demo ? '本页为演示数据；' : ''}生成于 ${esc(generatedAt)}。</footer>`,
  ];
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${esc(t.name)} ${esc(board.week)} 一页纸</title><style>${STYLE}</style></head><body>${sections.join('\n')}</body></html>`;
}

/** "一页纸_2026-W48_陈埭镇.pdf" */
export function onePagerFileName(data: TownshipOnePagerData): string {
  return `一页纸_${data.board.week}_${data.township.name}.pdf`;
}

/**
 * The one-page PDF. Takes its place in the print queue first (ServiceBusyError when full, before
 * any figure is collected), like the weekly pack.
 */
export async function townshipOnePager(
  db: Db,
  request: { code: string; week: string; today?: string; now?: Date },
): Promise<{ data: TownshipOnePagerData; body: Buffer }> {
  checkTownshipCodeForm(request.code);
  const ticket = sharedPdfPrinter.admit();
  try {
    const source = await openReviewWeek(db, request.week, request.today ? { today: request.today } : {});
    const data = await collectOnePager(source, request.code);
    const body = await ticket.print(townshipOnePagerHtml(data, shanghaiDateTime(request.now ?? new Date())));
    return { data, body };
  } finally {
    ticket.release();
  }
}
