/** The engine tables of BENCHMARKS.md: each figure beside its goal and its baseline. */
import type { EngineFigures, Timing } from './engineBench.ts';
import type { FirstRenderFigures } from './clientBench.ts';
import type { ExportFigure, StartFigures } from './serverBench.ts';
import { ms, percentile, ratio } from './stats.ts';

/** "p50 / p95 (n)": with n ≤ 20 samples the p95 is the worst sample. */
export const pp = (t: Timing) => `${ms(t.p50)} / ${ms(t.p95)}${t.n && t.n < 20 ? ` (n=${t.n})` : ''}`;
export const mark = (t: Timing, goal: number) => `${ms(goal)} ${t.p50 <= goal && t.p95 <= goal ? '✅' : '❌'}`;

export function engineRow(label: string, f: EngineFigures, goal: number): string {
  return `| ${label} | ${pp(f.single)} | ${mark(f.single, goal)} | ${ms(f.naive.p50)} | ${ratio(f.naive.p50, f.single.p50)} | ${orNot(f.timelineRebuild)} / ${ms(f.edit.p50)} (township recount ${orNot(f.townshipRebuild)}) | ${f.weeks ? `${ms(f.seriesCold.p50)} / ${ms(f.seriesWarm.p50)} (${f.weeks} weeks)` : '—'} |`;
}

/** A figure not measured at this scale (NaN): said so rather than "NaN ms". */
const orNot = (v: number) => (Number.isNaN(v) ? 'not run' : ms(v));

export const ENGINE_TABLE_HEAD = [
  '| scale / database | single date p50 / p95 | goal | naive p50 | naive ÷ engine | timeline rebuild all / one edit p50 | weekly series cold / warm p50 |',
  '|---|---|---|---|---|---|---|',
];

export function firstRenderLines(f: FirstRenderFigures): string[] {
  const cold = percentile(f.cold, 50);
  const mean = (pick: (c: FirstRenderFigures['cpu'][number]) => number) =>
    f.cpu.reduce((n, c) => n + pick(c), 0) / Math.max(1, f.cpu.length);
  return [
    `Time to the first full render of \`/\` (navigation → figures loaded and every compound drawn), ${f.cold.length} runs, each in a browser just started: median **${ms(cold)}**, worst ${ms(Math.max(...f.cold))} (goal ≤ 2 s ${cold <= 2000 ? '✅' : '❌'}). Opened again in the same browser: median ${ms(percentile(f.warm, 50))}. Baseline, the same basemap and points drawn by maplibre alone (bench page, browser just started): median ${ms(percentile(f.baseline, 50))}; the dashboard takes ${ratio(cold, percentile(f.baseline, 50))} that.`,
    '',
    `Timed by the page itself (navigation → the map idle with every compound drawn, free of the harness's polling): the dashboard cold ${ms(percentile(f.inPage.cold, 50))}, bare maplibre ${ms(percentile(f.inPage.baseline, 50))}, ratio per run ${f.inPage.cold.map((c, i) => ratio(c, f.inPage.baseline[i]!)).join(', ')} (goal ≤ 1.1×).`,
    '',
    `CPU spent by Chromium for one cold first render (mean): GPU process (software WebGL: shader compilation and drawing) ${mean((c) => c.gpu).toFixed(2)} s, renderer (JavaScript, layout) ${mean((c) => c.renderer).toFixed(2)} s, browser process ${mean((c) => c.browser).toFixed(2)} s.`,
  ];
}

export const DETAIL_TABLE_HEAD = [
  '| database | figure | p50 / p95 | baseline (same run) | baseline p50 | ÷ baseline | goal |',
  '|---|---|---|---|---|---|---|',
];

const kb = (bytes: number) =>
  bytes >= 2 ** 20 ? `${(bytes / 2 ** 20).toFixed(1)} MB` : `${(bytes / 1024).toFixed(0)} KB`;

/** One row per figure, each beside its baseline: the second table of a scale. */
export function detailRows(
  db: string,
  f: EngineFigures,
  exports: ExportFigure[],
  start: StartFigures | null,
  goal: number,
): string[] {
  // Far below the baseline, a ratio reads better as a fraction (1/15609) than as 0.00×.
  const share = (a: number, b: number) => (b > 0 && a / b < 0.1 ? `1/${Math.round(b / a)}` : ratio(a, b));
  const row = (figure: string, t: Timing, baseline: string, base: number, goalText = '') =>
    `| ${db} | ${figure} | ${pp(t)} | ${baseline} | ${ms(base)} | ${share(t.p50, base)} | ${goalText} |`;
  const n = f.township.compounds.toLocaleString('en');
  const rows = [
    row(
      'single-date query, all indicators, city + townships',
      f.single,
      'naive recomputation (five city drill-throughs)',
      f.naive.p50,
      mark(f.single, goal),
    ),
    row(`weekly series, cold (${f.weeks} weeks)`, f.seriesCold, `${f.weeks} × single-date p50`, f.weeks * f.single.p50),
    row('weekly series, warm', f.seriesWarm, 'weekly series cold', f.seriesCold.p50),
    ...(Number.isNaN(f.timelineRebuild)
      ? []
      : [
          row(
            `timeline rebuild, everything`,
            { p50: f.timelineRebuild, p95: f.timelineRebuild, n: 1 },
            `count(*) of the ${f.records.toLocaleString('en')} rows it reads`,
            f.recordScan,
          ),
        ]),
    ...(Number.isNaN(f.townshipRebuild)
      ? []
      : [
          row(
            `one edit's own latency (a meeting added or removed; the timeline kept current in the same transaction)`,
            f.edit,
            'one township recounted from its records (what the next read paid before)',
            f.townshipRebuild,
            mark(f.edit, 50),
          ),
        ]),
    row(
      `one edit's own latency, beside the statements alone`,
      f.edit,
      'the same insert and delete in a copy of the table with no trigger',
      f.plainEdit.p50,
      mark(f.edit, 50),
    ),
    row(
      `drill-through, one township (${n} compounds)`,
      f.drillTownship,
      'plain SELECT of those compounds',
      f.plainTownship.p50,
    ),
    row(
      `drill-through, city (${f.compounds.toLocaleString('en')} compounds)`,
      f.drillCity,
      'plain SELECT of all compounds',
      f.plainCity.p50,
    ),
  ];
  for (const e of exports) {
    const plain = e.scope === 'township' ? f.plainTownship : f.plainCity;
    rows.push(
      row(
        `export ${e.format.toUpperCase()}, ${e.scope === 'township' ? 'one township' : 'city'} (${e.rows.toLocaleString('en')} rows, ${kb(e.bytes)})`,
        e.time,
        'plain SELECT of the same compounds',
        plain.p50,
      ),
    );
  }
  if (start)
    rows.push(
      row(
        'server start → first metrics.report answer',
        start.start,
        'bare `node -e` HTTP server, spawned and probed the same way',
        start.bare.p50,
      ),
    );
  return rows;
}
