/**
 * The walls-at-scale figures (wallsAtScale.ts) as their BENCHMARKS.md section, beside the goal of
 * issue 23, and the `--scale` list of a `--walls-only` run.
 */
import { BadInputError } from '../../server/services/errors.ts';
import { REFETCH_SPREAD_MS } from '../../shared/live/refetchSpread.ts';
import { provenance } from './benchReport.ts';
import { WALL_REFETCH_DESCRIPTION, type WallReport } from './loadClients.ts';
import { ms, percentile, ratio } from './stats.ts';

/** One change, from its commit (ms). */
export interface WallChange {
  revision: number;
  /** The last wall to hear of it, and how many did. */
  heardMs: number;
  heard: number;
  /** The last wall's refetch back (its random wait included), and how many came back. */
  refetchedMs: number;
  refetched: number;
  /** Every wall's refetch ended (answered or failed) within the wait (60 s). */
  settled: boolean;
}

export interface ScaleWalls {
  scale: number;
  compounds: number;
  wallCount: number;
  workers: number;
  served: string;
  /** Seeding, scaling and building the counts timeline, before the server starts. */
  prepareMs: number;
  wallsOpenMs: number;
  changes: WallChange[];
  walls: WallReport;
  load: { start: number; end: number };
}

/** The goal of issue 23 for one edit to reach every wall's figures (p99, ms). */
export const wallGoalMs = (scale: number): number => (scale >= 1000 ? 2000 : 1000);

export const kb = (bytes: number) =>
  Number.isFinite(bytes)
    ? bytes >= 2 ** 20
      ? `${(bytes / 2 ** 20).toFixed(1)} MB`
      : `${(bytes / 1024).toFixed(0)} KB`
    : '—';

/** a ÷ b, or — when either is missing (no wall's refetch came back). */
const versus = (a: number, b: number) => (Number.isFinite(a) && Number.isFinite(b) ? ratio(a, b) : '—');

/** p50 / p99 / max of the changes some wall answered (a change no wall's refetch came back for has no time). */
export const figures = (samples: number[]) => {
  const xs = samples.filter(Number.isFinite);
  return `${ms(percentile(xs, 50))} / ${ms(percentile(xs, 99))} / ${ms(percentile(xs, 100))}`;
};

/** Every change reached every wall's figures, without a failed refetch. */
const complete = (r: ScaleWalls) =>
  r.walls.refetchFailures === 0 && r.changes.every((c) => c.settled && c.refetched === r.wallCount);

/** Every wall's figures updated, p99 over the changes. */
const refetchP99 = (r: ScaleWalls) => percentile(r.changes.map((c) => c.refetchedMs).filter(Number.isFinite), 99);

function goalLine(r: ScaleWalls, base: ScaleWalls | undefined): string {
  const p99 = refetchP99(r);
  const goal = wallGoalMs(r.scale);
  const met = p99 <= goal && complete(r);
  const beside =
    base && base !== r ? ` (×1 in the same run ${ms(refetchP99(base))}: ${versus(p99, refetchP99(base))})` : '';
  return `- ×${r.scale}: every wall's figures updated p99 **${ms(p99)}**${beside}, goal ≤ ${ms(goal)} ${met ? '✅' : '❌'}${complete(r) ? '' : ' (not every wall refetched every change)'}`;
}

/** The BENCHMARKS.md section. */
export function wallsAtScaleSection(results: readonly ScaleWalls[], command: string): string {
  const base = results.find((r) => r.scale === 1);
  const first = results[0];
  const spread = REFETCH_SPREAD_MS;
  return [
    provenance(command, first?.load.start ?? Number.NaN),
    '',
    `One edit → every wall's figures updated, by scale: the demo city on PostgreSQL (127.0.0.1:5432) made N times larger (scaleCity.ts, the counts timeline built before the server starts), \`onemap serve --workers ${first?.workers ?? 2}\` in its own process, ${first?.wallCount ?? 200} walls in a child process (each on its own socket, subscribed to \`live.revision\` with a display token; on a new revision each waits a random delay uniform in [0, ${spread} ms) as the wall page does, then refetches what the page refetches: ${WALL_REFETCH_DESCRIPTION}), no analysts. One change at a time (a meeting inserted, then removed), the next once every wall's refetch of the previous one has ended; one change before them not measured (warm-up). Times from the change's commit; "p50 / p99 / max" over the changes (with ${results[0]?.changes.length ?? 0} changes, p99 is the slowest).`,
    '',
    "| scale | compounds | changes | last wall heard it p50 / p99 / max | every wall's refetch back p50 / p99 / max | p99 ÷ ×1 | one wall's refetch (from sending) p50 / p99 | failed refetches | one refetch's answers | walls connected at the end | load average start → end |",
    '|---|---|---|---|---|---|---|---|---|---|---|',
    ...results.map((r) => {
      const refetched = r.changes.map((c) => c.refetchedMs);
      const missed = r.changes.filter((c) => c.refetched < r.wallCount).length;
      return `| ×${r.scale} | ${r.compounds.toLocaleString('en')} | ${r.changes.length}${missed ? ` (${missed} not refetched by every wall)` : ''} | ${figures(r.changes.map((c) => c.heardMs))} | ${figures(refetched)} | ${!base || r === base ? '—' : versus(refetchP99(r), refetchP99(base))} | ${ms(percentile(r.walls.refetchMs, 50))} / ${ms(percentile(r.walls.refetchMs, 99))} | ${r.walls.refetchFailures}${
        r.walls.refetchFailures
          ? ` (${Object.entries(r.walls.refetchFailureReasons)
              .map(([reason, n]) => `${reason}: ${n}`)
              .join(', ')})`
          : ''
      } | ${kb(percentile(r.walls.refetchBytes, 50))} | ${r.walls.connected} of ${r.walls.count} | ${r.load.start.toFixed(1)} → ${r.load.end.toFixed(1)} |`;
    }),
    '',
    'Goal (issue 23): ≤ 1 s p99 at ×1 and ×100, ≤ 2 s at ×1000, every wall refetched, no failed refetch.',
    '',
    ...results.map((r) => goalLine(r, base)),
    '',
    "One refetch's answers by call (each GET's first answer at each scale):",
    '',
    ...results.map(
      (r) =>
        `- ×${r.scale}: ${Object.entries(r.walls.refetchCallBytes)
          .map(([call, bytes]) => `\`${call}\` ${kb(bytes)}`)
          .join(', ')}`,
    ),
    '',
    `Preparing each scale (seed, scale, counts timeline; not part of the figures): ${results.map((r) => `×${r.scale} ${ms(r.prepareMs)}`).join(', ')}.`,
    '',
  ].join('\n');
}

/** `--scale` with `--walls-only`: any factor from 1 to 1000 (×10 to try things out), comma separated. */
export function parseWallScales(text: string): number[] {
  const scales = text.split(',').map((t) => Number(t.trim().replace(/^[x×]/, '')));
  if (!scales.length || scales.some((n) => !Number.isInteger(n) || n < 1 || n > 1000))
    throw new BadInputError(`--walls-only 时 --scale 为 1 到 1000 的整数（逗号分隔），收到：${text}`);
  return [...new Set(scales)].sort((a, b) => a - b);
}
