/**
 * The map-at-scale section of BENCHMARKS.md (scaledMapBench.ts measures): the cold first render
 * at ×N against ×1, the pans at zoom 14 with where their time goes, and map.view's server side.
 */
import { provenance } from './benchReport.ts';
import type { PanSample, ScaledMapFigures } from './scaledMapBench.ts';
import { ms, percentile, ratio } from './stats.ts';

const median = (values: readonly number[]) => percentile(values, 50);

export function scaledMapSection(f: ScaledMapFigures, command: string, loadAtStart: number): string {
  const fr = f.firstRender;
  const frRatio = median(fr.scaled) / median(fr.base);
  const panP50 = median(f.pans.scaled.map((s) => s.total));
  const panMax = Math.max(...f.pans.scaled.map((s) => s.total));
  const opt = (v: number | null) => (v === null ? '—' : ms(v));
  const sampleRow = (label: string, s: PanSample) =>
    `| ${label} | ${ms(s.total)} | ${ms(s.moved)} | ${opt(s.asking)} (${opt(s.busy)}) | ${opt(s.answer)} | ${s.answerBytes === null ? '—' : `${(s.answerBytes / 1024).toFixed(0)} KB`} | ${opt(s.drawing)} | ${s.compounds.toLocaleString('en')} of ${s.viewTotal.toLocaleString('en')} | ${s.load.toFixed(1)} |`;
  const afterMove = f.pans.scaled.map((s) => s.total - s.moved);
  const part = (pick: (s: PanSample) => number | null) =>
    ms(median(f.pans.scaled.map(pick).filter((v): v is number => v !== null)));
  const sv = f.server;
  return [
    provenance(command, loadAtStart),
    '',
    `The dashboard at ×${f.scale} (${f.compounds.toLocaleString('en')} compounds${f.records ? ', with their records' : ', compounds only (no records)'}) on PostgreSQL against the demo city (×1) on PostgreSQL, one server each in the bench process, signed in as the demo analyst, 1920×1080, set up in ${ms(f.setupMs)}.`,
    '',
    `First full render of \`/\`, cold (a browser just started, ${fr.base.length} runs each, interleaved; load average ${Math.min(...fr.loads).toFixed(1)}–${Math.max(...fr.loads).toFixed(1)}): at ×${f.scale} "drawn" is one bubble per township counting every compound (the map's \`data-drawn\` naming the township bubbles, \`data-total\` the whole city), at ×1 every compound. Navigation → seen drawn: median **${ms(median(fr.scaled))}** at ×${f.scale} against ${ms(median(fr.base))} at ×1 = **${ratio(median(fr.scaled), median(fr.base))}** (goal ≤ 2× ${frRatio <= 2 ? '✅' : '❌'}); the page's own \`onemap:drawn\` mark: ${ms(median(fr.scaledPage))} against ${ms(median(fr.basePage))} (${ratio(median(fr.scaledPage), median(fr.basePage))}). Runs: ×${f.scale} ${fr.scaled.map(ms).join(', ')}; ×1 ${fr.base.map(ms).join(', ')}.`,
    '',
    `A pan at zoom 14 to a place not seen yet (the mouse dragged across 85 % of the map's width or height, a snake about the centre, held still before the release so the camera stops there; each view a new snapped question, most of it off screen before): mouse released → the view's compounds drawn (\`onemap:drawn\` after map.view's answer). ×${f.scale}: p50 **${ms(panP50)}**, max **${ms(panMax)}** over ${f.pans.scaled.length} pans (goal ≤ 1 s ${panMax <= 1000 ? '✅' : panP50 <= 1000 ? '(p50 ✅, max ❌)' : '❌'})${f.pans.skipped ? `, ${f.pans.skipped} left out (held at the city's edge or an empty view)` : ''}; from the camera's move ended (maplibre's moveend, \`onemap:moved\`): p50 ${ms(median(afterMove))}, max ${ms(Math.max(...afterMove))}. Medians of the parts: release → moved ${part((s) => s.moved)} (the drag's last frames), → asked ${part((s) => s.asking)} (of it the main thread in long tasks ${part((s) => s.busy)}), answer ${part((s) => s.answer)}, → drawn ${part((s) => s.drawing)}. ×1 asks nothing on a pan (the city is drawn whole): its baseline is release → the basemap settled (maplibre idle after the move, \`onemap:settled\`): p50 ${ms(median(f.pans.base.map((s) => s.total)))}, max ${ms(Math.max(...f.pans.base.map((s) => s.total)))}.`,
    '',
    '| pan | release → drawn | release → moved | moved → asked (of it, long tasks) | answer (sent → last byte) | answer size (encoded) | last byte → drawn | compounds drawn of in view | load average |',
    '|---|---|---|---|---|---|---|---|---|',
    ...f.pans.scaled.map((s, i) => sampleRow(`×${f.scale} #${i + 1}`, s)),
    ...f.pans.base.map((s, i) => sampleRow(`×1 #${i + 1}`, s)),
    '',
    `map.view's service for a zoom-14 view at the city's centre at ×${f.scale}, called in the process (no HTTP, no memo): ${sv.serviceMs.map(ms).join(', ')}; its parts: the count ${ms(sv.countMs)}, the ${sv.rows.toLocaleString('en')} compounds with their status (compoundStatusAsOf) ${ms(sv.statusMs)}, their JSON ${ms(sv.jsonMs)} (${(sv.jsonBytes / 1024).toFixed(0)} KB). The choice of the view's compounds (EXPLAIN ANALYZE):`,
    '',
    '```',
    f.server.explain,
    '```',
  ].join('\n');
}
