/**
 * The pack as one self-contained HTML page for printing on A4 (chromium.ts): inline CSS, inline
 * SVG charts, Noto Sans CJK SC, nothing fetched. The composite ranking comes first, so the 19
 * township names first appear in rank order; then the indicator table, charts, the summary
 * sentences, the red and black lists with the movers, the lagging compounds, and — for a
 * township — what changed compound by compound.
 */
import { shanghaiDateTime } from '../../../shared/time/dates.ts';
import { weekLabel, weekStateLabel } from '../../../shared/time/weeks.ts';
import { DEMO_NOTICE } from '../dataset/datasetInfo.ts';
import { INDICATOR_KEYS, INDICATORS, type IndicatorKey } from '../../../shared/indicators/index.ts';
import { CATEGORICAL } from '../../../shared/colours/categorical.ts';
import { LIST_COLOURS, STATUS_COLOURS, statusColour } from '../../../shared/colours/judgement.ts';
import { fixed, formatDelta, formatValue, percent, rankChangeLabel, statusLabel } from './format.ts';
import type { ReviewBoard } from './rankingBoard.ts';
import type { ListEntry } from './redBlackList.ts';
import { describeRules } from './reviewRules.ts';
import { barChart, escapeXml as esc, lineChart } from './svgCharts.ts';
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

const STATUS_KEY_WORDS = { met: '达标', on_track: '按期推进', at_risk: '有风险', off_track: '滞后/未达标' } as const;

const cls = (names: readonly string[]) =>
  names.map((l) => (l === 'red' ? '<span class="red">红榜</span>' : '<span class="black">黑榜</span>')).join(' ');
const opt = (v: number | null, f: (v: number) => string) => (v === null ? '—' : f(v));

function rankingTable(data: PackData): string {
  const mine = data.township?.code;
  const rows = data.board.townships.map(
    (t) =>
      `<tr${t.code === mine ? ' class="mine"' : ''}><td>${t.composite.rank ?? '—'}</td><td class="text">${esc(t.name)}</td><td>${opt(t.composite.score, (v) => fixed(v, 1))}</td>` +
      `<td>${rankChangeLabel(t.composite.rankChange)}</td><td>${t.composite.previousRank ?? '—'}</td>` +
      INDICATOR_KEYS.map((k) => `<td>${t.indicators[k].rank ?? '—'}</td>`).join('') +
      `<td class="text">${cls(t.lists)}</td></tr>`,
  );
  const head = `<tr><th>综合排名</th><th>镇街</th><th>综合得分</th><th>较上周</th><th>上周排名</th>${INDICATOR_KEYS.map((k) => `<th>${INDICATORS[k].pack.short}排名</th>`).join('')}<th>红黑榜</th></tr>`;
  return `<table><thead>${head}</thead><tbody>${rows.join('')}</tbody></table>`;
}

function indicatorTable(data: PackData): string {
  const mine = data.township?.code;
  const cells = (k: IndicatorKey, value: number | null, rank: number | null, change: number | null) =>
    `<td>${formatValue(k, value).replace('每千户', '').replace('件', '')}</td><td>${rank ?? ''}${rank !== null ? ` ${rankChangeLabel(change)}` : ''}</td>`;
  const rows = data.board.townships.map(
    (t) =>
      `<tr${t.code === mine ? ' class="mine"' : ''}><td class="text">${esc(t.name)}</td>${INDICATOR_KEYS.map((k) => cells(k, t.indicators[k].value, t.indicators[k].rank, t.indicators[k].rankChange)).join('')}</tr>`,
  );
  const city = `<tr><td class="text">全市</td>${INDICATOR_KEYS.map((k) => cells(k, data.board.city[k].value, null, null)).join('')}</tr>`;
  const head = `<tr><th rowspan="2">镇街</th>${INDICATOR_KEYS.map((k) => `<th colspan="2">${esc(INDICATORS[k].name)}${INDICATORS[k].pack.unitNote}</th>`).join('')}</tr><tr>${INDICATOR_KEYS.map(() => '<th>数值</th><th>排名</th>').join('')}</tr>`;
  return `<table><thead>${head}</thead><tbody>${rows.join('')}${city}</tbody></table>`;
}

function townshipIndicators(data: PackData): string {
  const t = data.township!;
  const rows = INDICATOR_KEYS.map((k) => {
    const r = t.indicators[k];
    const b = t.standing.indicators[k];
    return (
      `<tr><td class="text">${esc(INDICATORS[k].name)}</td><td>${formatValue(k, r.value)}</td><td>${formatValue(k, r.previousWeek)}</td><td>${formatDelta(k, r.delta)}</td>` +
      `<td>${b.rank ?? '—'}</td><td>${rankChangeLabel(b.rankChange)}</td><td>${formatValue(k, r.target)}</td><td class="st-${r.status ?? 'none'}">${statusLabel(k, r.status)}</td><td>${r.numerator} / ${r.denominator}</td></tr>`
    );
  });
  return `<table><thead><tr><th>指标</th><th>本周</th><th>上周</th><th>较上周</th><th>排名</th><th>排名变化</th><th>目标</th><th>达标/进度</th><th>分子/分母</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

function charts(data: PackData): string {
  const mine = data.township?.code;
  const ranked = (k: IndicatorKey) =>
    [...data.board.townships].sort((a, b) => (a.indicators[k].rank ?? 99) - (b.indicators[k].rank ?? 99));
  const verdicts = new Map(data.metrics.townships.map((t) => [t.code, t.indicators]));
  const statusOf = (code: string, k: IndicatorKey) => verdicts.get(code)?.[k].status ?? null;
  const fmt = (k: IndicatorKey) => (v: number) => (INDICATORS[k].unit === 'rate' ? percent(v) : fixed(v, 2));
  const composite = barChart({
    title: '综合得分',
    rows: data.board.townships.map((t) => ({ label: t.name, value: t.composite.score, highlight: t.code === mine })),
    format: (v) => fixed(v, 1),
  });
  if (data.township) {
    const h = data.township.history;
    const recent = Math.max(0, h.weeks.length - 26);
    const lines = INDICATOR_KEYS.map((k) =>
      lineChart({
        title: `${INDICATORS[k].name}（近${h.weeks.length - recent}周）`,
        labels: h.weeks.slice(recent).map((w) => w.week),
        series: [
          { name: data.township!.name, values: h.township[k].slice(recent), color: CATEGORICAL.violet.print },
          { name: '全市', values: h.city[k].slice(recent), color: CATEGORICAL.blue.print },
        ],
        format: fmt(k),
      }),
    );
    return `<div class="charts">${composite}${lines.join('')}</div>`;
  }
  const bars = INDICATOR_KEYS.map((k) =>
    barChart({
      title: INDICATORS[k].name + INDICATORS[k].pack.chartNote,
      // Each township's bar in its verdict's colour: green only where the goal is met.
      rows: ranked(k).map((t) => ({
        label: t.name,
        value: t.indicators[k].value,
        color: statusColour(statusOf(t.code, k), 'print'),
      })),
      format: fmt(k),
      goal: data.metrics.city.indicators[k].target,
    }),
  );
  const key = (['met', 'on_track', 'at_risk', 'off_track'] as const)
    .map((st) => `<span style="color:${statusColour(st, 'print')}">■</span> ${STATUS_KEY_WORDS[st]}`)
    .join('　');
  const standing = INDICATOR_KEYS.filter((k) => INDICATORS[k].goal === 'standing').map((k) => INDICATORS[k].pack.short);
  const standingNote = standing.length ? `；${standing.join('、')}为常态要求，未达标即为红色` : '';
  return `<div class="charts">${composite}${bars.join('')}</div><p class="note">条形颜色：${key}（仅达标为绿色${standingNote}）</p>`;
}

function sentences(data: PackData): string {
  const { board } = data;
  const townshipLines = data.township
    ? data.township.summary
    : board.townships.flatMap((t) => board.summary.townships[t.code] ?? []);
  return `<ul class="sentences">${[...board.summary.city, ...townshipLines].map((s) => `<li>${esc(s.text)}</li>`).join('')}</ul>`;
}

function listsSection(data: PackData): string {
  const { board } = data;
  const entries = (list: readonly ListEntry[]) =>
    list.length
      ? list.map((e) => `<li><b>${esc(e.name)}</b>：${esc(e.reasons.join('；'))}</li>`).join('')
      : '<li>无</li>';
  const movers = [
    ...board.movers.composite.gainers.map((m) => `${esc(m.name)} ${rankChangeLabel(m.rankChange)}`),
    ...board.movers.composite.fallers.map((m) => `${esc(m.name)} ${rankChangeLabel(m.rankChange)}`),
  ];
  return (
    `<p class="red">红榜</p><ul>${entries(board.redList)}</ul><p class="black">黑榜</p><ul>${entries(board.blackList)}</ul>` +
    `<p class="note">综合排名变化最大：${movers.join('，') || '无'}</p>`
  );
}

function laggingTable(data: PackData): string {
  if (!data.lagging.length) return '<p>本周没有后进小区。</p>';
  const rows = data.lagging.map(
    (c) =>
      `<tr><td class="text">${esc(c.townshipName)}</td><td class="text">${esc(c.name)}</td><td class="wrap">${esc(c.reasonText.join('；'))}</td></tr>`,
  );
  return `<p class="note">共 ${data.lagging.length} 个小区：30天内未召开四方联席会议、无在任业委会、星级三星及以下或未达标、有超期诉求（每个小区列出全部原因）。</p><table><thead><tr><th>镇街</th><th>小区</th><th>原因</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

function changesTable(data: PackData): string {
  if (!data.changes.length) return '<p>与上周相比没有小区状态变化。</p>';
  const rows = data.changes.map(
    (c) =>
      `<tr><td class="text">${esc(c.name)}</td><td class="wrap">${esc(c.changes.map((x) => x.text).join('；'))}</td></tr>`,
  );
  return `<table><thead><tr><th>小区</th><th>变化</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

/** The week's state, e.g. '已晾晒，快照冻结于 2026-12-05 01:50（此后的记录修改不影响本周数字）'. */
export function weekStatusLine(board: ReviewBoard): string {
  const frozenAt = board.reviewed ? shanghaiDateTime(board.reviewed.reviewedAt) : null;
  const state = weekStateLabel(board.state, { asOf: board.asOf, frozenAt });
  if (board.state === 'reviewed') return `${state}（此后的记录修改不影响本周数字）`;
  if (board.state === 'ended')
    return `${state}：按当前记录计算至 ${board.asOf}，已有 ${board.corrections.length} 条更正`;
  return `${state}（实时数字）`;
}

/** What 上周 is: the previous week as it was shown, and whether a later correction changed it. */
export function previousWeekLine(board: ReviewBoard): string {
  const p = board.previousWeek;
  if (!p) return '上周：无（数据起始周）';
  const how = p.reviewed ? `已晾晒快照，冻结于 ${shanghaiDateTime(p.reviewed.reviewedAt)}` : `${p.asOf} 周日数据`;
  const corrected = p.corrections.length
    ? `；晾晒后有更正改变了上周 ${p.corrections.length} 项数字，“上周”仍按当时展示的数字`
    : '';
  return `上周 = ${weekLabel(p.week)}（${how}）${corrected}`;
}

export function packHtml(data: PackData): string {
  const { board } = data;
  const scope = data.township ? data.township.name : '全市';
  const sections = [
    `<h1>住宅小区治理“四升一降”每周调度晾晒 · ${esc(weekLabel(board.week))} · ${esc(scope)}</h1>`,
    `<p class="meta">${esc(weekStatusLine(board))}</p>`,
    `<p class="meta">${esc(previousWeekLine(board))}</p>`,
    board.demo ? `<p class="meta demo">${esc(DEMO_NOTICE)}</p>` : '',
    '<h2>综合排名</h2>',
    rankingTable(data),
    data.township ? `<h2>${esc(scope)}各项指标</h2>${townshipIndicators(data)}` : '',
    '<h2>各镇街指标</h2>',
    indicatorTable(data),
    '<h2>图表</h2>',
    charts(data),
    '<h2>本周摘要</h2>',
    sentences(data),
    '<h2>红黑榜与进退</h2>',
    listsSection(data),
    `<h2>后进小区（${esc(scope)}）</h2>`,
    laggingTable(data),
    data.township ? `<h2>本周变化（逐个小区）</h2>${changesTable(data)}` : '',
    '<h2>规则说明</h2>',
    `<ul class="note">${describeRules(board.rules)
      .map((l) => `<li>${esc(l)}</li>`)
      .join('')}</ul>`,
  ];
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>每周调度晾晒 ${esc(board.week)}</title><style>${STYLE}</style></head><body>${sections.join('\n')}</body></html>`;
}
