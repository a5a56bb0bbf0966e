import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import postgres from 'postgres';
import { benchEngine, type EngineFigures } from '../../../scripts/bench/engineBench.ts';
import { FRAME_MOTIONS, firstRender, firstViewBundle, frameTimes, launch, type FrameFigures } from '../../../scripts/bench/clientBench.ts';
import { scaleCity } from '../../../scripts/bench/scaleCity.ts';
import { ms, percentile, ratio, timeIt } from '../../../scripts/bench/stats.ts';
import { soakSection, wallSoak } from '../../../scripts/bench/wallSoak.ts';
import { openDatabase, type Database } from '../../db/connection.ts';
import { CLIENT_DIST, startServer } from '../../http/server.ts';
import { createDisplayToken, DISPLAY_TOKEN_HEADER } from '../../services/auth/displayTokens.ts';
import { seedDemoCity } from '../../services/seed/seedDemoCity.ts';
import { todayInCity } from '../../services/time/dates.ts';
import { parseCommandArgs, parseInteger, type Command } from '../command.ts';
import { buildClient, clientBuildIsStale } from './serve.ts';

const DEFAULT_PG = 'postgres://postgres@127.0.0.1:5432/postgres';

async function freshPostgres(adminUrl: string, name: string): Promise<Database | null> {
  const admin = postgres(adminUrl, { max: 1, connect_timeout: 3, onnotice: () => {} });
  try {
    await admin.unsafe(`drop database if exists ${name} with (force)`);
    await admin.unsafe(`create database ${name}`);
  } catch {
    return null;
  } finally {
    await admin.end({ timeout: 1 });
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return openDatabase({ databaseUrl: url.toString() });
}

const log = (line: string) => process.stderr.write(`${line}\n`);

/** The wall-soak section of BENCHMARKS.md sits between these markers; each kind of run keeps the other's part. */
const SOAK_START = '<!-- wall-soak -->';
const SOAK_END = '<!-- /wall-soak -->';

function soakBlockOf(text: string): string | null {
  const i = text.indexOf(SOAK_START);
  const j = text.indexOf(SOAK_END);
  return i >= 0 && j > i ? text.slice(i, j + SOAK_END.length) : null;
}

async function runSoak(minutes: number, out: string, command: string, heapSnapshots?: string): Promise<void> {
  log(`· wall soak: ${minutes} min (demo city on PGlite)`);
  if (clientBuildIsStale()) await buildClient();
  const database = await openDatabase({ dataDir: 'memory://soak' });
  try {
    await seedDemoCity(database.db, { seed: 1, asOf: todayInCity() });
    const figures = await wallSoak(database, minutes, log, heapSnapshots ? { heapSnapshots } : {});
    const block = `${SOAK_START}\n${soakSection(figures, command, `${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`)}${SOAK_END}`;
    const existing = existsSync(out) ? readFileSync(out, 'utf8') : '# Benchmarks\n';
    const old = soakBlockOf(existing);
    writeFileSync(out, old ? existing.replace(old, block) : `${existing.trimEnd()}\n\n${block}\n`);
    log(`已写入 ${out}`);
  } finally {
    await database.close();
  }
}

function engineRows(label: string, f: EngineFigures, goal: number): string[] {
  return [
    `| ${label} | ${ms(f.singleDateP50)} / ${ms(f.singleDateP95)} | ${ms(goal)} ${f.singleDateP50 <= goal && f.singleDateP95 <= goal ? '✅' : '❌'} | ${ms(f.naiveP50)} | ${ratio(f.naiveP50, f.singleDateP50)} | ${ms(f.timelineRebuild)} / ${ms(f.townshipRebuild)} | ${ms(f.drillP50)} | ${f.weeks ? `${ms(f.seriesCold)} / ${ms(f.seriesWarm)} (${f.weeks} weeks)` : '—'} |`,
  ];
}

export const benchCommand: Command = {
  name: 'bench',
  summary: '性能基准：指标引擎（PGlite、PostgreSQL、×100）与地图前端，写入 BENCHMARKS.md',
  usage: `用法：onemap bench [--quick] [--no-client] [--no-scale] [--out FILE]
       onemap bench --soak MINUTES [--out FILE] [--heap-snapshots DIR]

  --quick      少量样本、不做 ×100（约 3 分钟）
  --no-client  不测前端（Chromium）
  --no-scale   不做 ×100 PostgreSQL 省级规模
  --out FILE   结果文件，默认 BENCHMARKS.md
  --soak N     大屏长稳测试：场景每10秒轮换、数据每10秒变化，运行 N 分钟，
               比较预热后与结束时的 JS 堆（npm run bench:soak 为 30 分钟）
  --heap-snapshots DIR  长稳测试时每次采样后另存 V8 堆快照（供 DevTools 对比，每个数十 MB）
PostgreSQL：ONEMAP_BENCH_POSTGRES_URL，默认 ${DEFAULT_PG}（不可达则跳过）；
基准库名 ONEMAP_BENCH_DATABASE，默认 onemap_bench（每次重建）。`,
  async run(argv) {
    const args = parseCommandArgs(this, argv, { quick: { type: 'boolean' }, 'no-client': { type: 'boolean' }, 'no-scale': { type: 'boolean' }, out: { type: 'string' }, soak: { type: 'string' }, 'heap-snapshots': { type: 'string' } });
    if (!args) return;
    if (args.values.soak !== undefined) {
      const minutes = parseInteger(args.values.soak, '--soak 分钟数', 1, 24 * 60);
      return runSoak(minutes, args.values.out ?? 'BENCHMARKS.md', `npm run bench -- ${argv.join(' ')}`, args.values['heap-snapshots']);
    }
    const quick = args.values.quick === true;
    const asOf = todayInCity();
    const samples = quick ? 6 : 20;
    const lines: string[] = [];
    const command = `npm run bench${argv.length ? ` -- ${argv.join(' ')}` : ''}`;

    log('· demo city on PGlite');
    const pglite = await openDatabase({ dataDir: 'memory://bench' });
    const [seedMs] = await timeIt(() => seedDemoCity(pglite.db, { seed: 1, asOf }));
    const enginePglite = await benchEngine(pglite.db, { asOf, samples, series: true });

    const adminUrl = process.env.ONEMAP_BENCH_POSTGRES_URL ?? DEFAULT_PG;
    let enginePostgres: EngineFigures | null = null;
    let engineProvince: EngineFigures | null = null;
    let scaleMs = Number.NaN;
    const pg = await freshPostgres(adminUrl, process.env.ONEMAP_BENCH_DATABASE || 'onemap_bench');
    if (pg) {
      log('· demo city on PostgreSQL');
      await seedDemoCity(pg.db, { seed: 1, asOf });
      enginePostgres = await benchEngine(pg.db, { asOf, samples, series: true });
      if (!quick && !args.values['no-scale']) {
        log('· ×100 (province) on PostgreSQL');
        [scaleMs] = await timeIt(() => scaleCity(pg.db, 100));
        engineProvince = await benchEngine(pg.db, { asOf, samples: 6, series: true });
      }
      await pg.close();
    }

    lines.push(
      '## Engine: 四升一降 for the city and all 19 townships',
      '',
      'Single-date query = `metricsReport` (five indicators × 20 scopes, each with last week and the 8-week trailing value: three dated counts), uncached (a new date each sample). Naive = the same five indicators recomputed compound by compound (the drill-through path, correlated per-compound lookups, one date only). Timeline rebuild = recomputing the per-township counts timeline from every record (all: never built or after a TRUNCATE) / the one township whose records changed (after one new meeting: the usual edit), paid once by the first query after the change. Series = every ISO week from 2024-W01, cold (empty cache) / warm (cache valid).',
      '',
      '| scale / database | single date p50 / p95 | goal | naive p50 | naive ÷ engine | timeline rebuild all / one township | drill-through p50 | weekly series cold / warm |',
      '|---|---|---|---|---|---|---|---|',
      ...engineRows('×1 (347 compounds), PGlite', enginePglite, 50),
      ...(enginePostgres ? engineRows('×1, PostgreSQL', enginePostgres, 50) : []),
      ...(engineProvince ? engineRows('×100 (34,700 compounds), PostgreSQL', engineProvince, 300) : []),
      '',
      `Seeding the demo city into PGlite: ${ms(seedMs)}.${Number.isFinite(scaleMs) ? ` Scaling it ×100 on PostgreSQL (set-based copy): ${ms(scaleMs)}.` : ''}${pg ? '' : ' PostgreSQL was not reachable: its rows are missing.'}`,
      '',
    );

    if (!args.values['no-client']) {
      if (clientBuildIsStale()) await buildClient();
      const bundle = firstViewBundle(CLIENT_DIST);
      const server = await startServer({ database: pglite, port: 0 });
      // Every page needs credentials: the benchmark browses as a wall screen (read only).
      const { token } = await createDisplayToken(pglite.db, null, 'bench');
      const headers = { [DISPLAY_TOKEN_HEADER]: token };
      const browser = await launch();
      try {
        log('· first render');
        const renders = await firstRender(browser, server.url, quick ? 2 : 4, headers);
        const frames: FrameFigures[] = [];
        for (const scale of [1, 100])
          for (const motion of FRAME_MOTIONS)
            for (const mode of ['maplibre', 'deck', 'product'] as const) {
              log(`· frame time ${motion} ${mode} ×${scale}`);
              // ×100 frames take a second each in software WebGL: fewer of them.
              frames.push(await frameTimes(browser, server.url, mode, scale, (quick ? 25 : 100) / (scale > 1 ? 2 : 1) + 10, motion, headers));
            }
        const find = (mode: string, motion: string, scale: number) => frames.find((f) => f.mode === mode && f.motion === motion && f.scale === scale)!;
        lines.push(
          '## Map client (headless Debian Chromium, software WebGL, 1920×1080)',
          '',
          `JavaScript and CSS for the first view (index.html's scripts, preloads and styles, plus the map worker), gzip: **${(bundle.totalGzipBytes / 1024).toFixed(0)} KB** (goal ≤ 900 KB ${bundle.totalGzipBytes <= 900 * 1024 ? '✅' : '❌'}; the bare stack floor is ≈ 625 KB).`,
          '',
          ...bundle.files.map((f) => `- \`${f.name}\`: ${(f.gzipBytes / 1024).toFixed(1)} KB`),
          '',
          `Time to the first full render of \`/\` (navigation → data loaded and drawn), ${renders.length} runs: median ${ms(percentile(renders, 50))}, worst ${ms(Math.max(...renders))} (goal ≤ 2 s ${percentile(renders, 50) <= 2000 ? '✅' : '❌'}).`,
          '',
          'Frame time, one step every animation frame (steady state, after 10 warm-up frames). *pan*: 6 px left and right; *zoom*: ±0.05 levels; *replay*: the compounds step through 12 consecutive ISO weeks as the play button does (weeks fetched beforehand; the maplibre map replaces its source data and is timed until it has drawn it). *maplibre* = bare maplibre circle layer with the same points at the same size; *deck* = deck.gl ScatterplotLayer, interleaved; *product* = all the dashboard layers (township areas, points, labels).',
          '',
          '| points | motion | maplibre median / p95 | deck median / p95 | deck ÷ maplibre | product median / p95 | product ÷ maplibre |',
          '|---|---|---|---|---|---|---|',
          ...[1, 100].flatMap((s) =>
            FRAME_MOTIONS.map((motion) => {
              const [m, d, p] = [find('maplibre', motion, s), find('deck', motion, s), find('product', motion, s)];
              return `| ${m.points.toLocaleString('en')} | ${motion} | ${ms(m.median)} / ${ms(m.p95)} | ${ms(d.median)} / ${ms(d.p95)} | ${ratio(d.median, m.median)} | ${ms(p.median)} / ${ms(p.p95)} | ${ratio(p.median, m.median)} |`;
            }),
          ),
          '',
          'Goal: ≤ 1.2× the bare maplibre map. Software rendering here is fill-rate bound (≈ 100 ms per 1080p frame), so absolute times say little about a real GPU; the ratio is the figure to watch.',
          '',
        );
      } finally {
        await browser.close();
        await server.close();
      }
    }
    await pglite.close();

    const cpu = cpus();
    const header = [
      '# Benchmarks',
      '',
      `Measured ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC on ${cpu.length} × ${cpu[0]?.model ?? 'CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}.`,
      `Command: \`${command}\` (quick mode: ${quick ? 'yes' : 'no'}). Machines are noisy: compare the ratios measured in one run.`,
      '',
    ];
    const out = args.values.out ?? 'BENCHMARKS.md';
    const soak = existsSync(out) ? soakBlockOf(readFileSync(out, 'utf8')) : null;
    writeFileSync(out, [...header, ...lines, ...(soak ? ['', soak, ''] : [])].join('\n'));
    log(`已写入 ${out}`);
  },
};
