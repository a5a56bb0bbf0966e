/**
 * The benchmark harness's own entry (`npm run bench`, `npm run bench:soak`, run through tsx): the
 * engine at ×1/×100/×1000, the server under load, the map client and the wall soak, written to
 * BENCHMARKS.md section by section. It is not an `onemap` command: it needs the development tools
 * (autocannon, vite, a Chromium), which a production install leaves out.
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import { openDatabase, type Database } from '../../server/db/connection.ts';
import { queryRows } from '../../server/db/rows.ts';
import { CLIENT_DIST, startServer } from '../../server/http/server.ts';
import { parseCommandArgs, parseInteger, processIo, type Command } from '../../server/cli/command.ts';
import { buildClient, clientBuildIsStale } from '../../server/cli/commands/serve.ts';
import { reportFailure } from '../../server/cli/failure.ts';
import { createDisplayToken, DISPLAY_TOKEN_HEADER } from '../../server/services/auth/displayTokens.ts';
import { BadInputError } from '../../server/services/errors.ts';
import { seedDemoCity } from '../../server/services/seed/seedDemoCity.ts';
import { todayInCity } from '../../shared/time/dates.ts';
import { currentLoad, provenance, replaceSection } from './benchReport.ts';
import { bundleOf, FRAME_MOTIONS, firstRender, frameTimes, launch, type FrameFigures } from './clientBench.ts';
import { benchEngine } from './engineBench.ts';
import { DETAIL_TABLE_HEAD, detailRows, ENGINE_TABLE_HEAD, engineRow, firstRenderLines } from './figureTables.ts';
import { loadSection, loadTest, type StressFigures } from './loadTest.ts';
import type { LoadTargetSpec } from './loadTarget.ts';
import { scaleCity } from './scaleCity.ts';
import { benchScaledMap } from './scaledMapBench.ts';
import { scaledMapSection } from './scaledMapReport.ts';
import { benchExports, benchServerStart } from './serverBench.ts';
import { ms, ratio, timeIt } from './stats.ts';
import { soakSection, wallSoak, type SoakOptions } from './wallSoak.ts';
import { wallsAtScale } from './wallsAtScale.ts';
import { parseWallScales, wallsAtScaleSection } from './wallsAtScaleReport.ts';

const DEFAULT_PG = 'postgres://postgres@127.0.0.1:5432/postgres';

async function freshPostgres(adminUrl: string, name: string): Promise<{ database: Database; url: string } | null> {
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
  return { database: await openDatabase({ databaseUrl: url.toString() }), url: url.toString() };
}

const log = (line: string) => process.stderr.write(`${line}\n`);

/** --load-db, --workers, --replica as the load test's target. */
function loadTargetOf(
  values: { 'load-db'?: string | undefined; workers?: string | undefined; replica?: boolean | undefined },
  adminUrl: string,
): LoadTargetSpec {
  const kind = values['load-db'] ?? 'pglite';
  if (kind !== 'pglite' && kind !== 'postgres') throw new BadInputError(`--load-db 只能是 pglite 或 postgres：${kind}`);
  if (kind === 'pglite') {
    if (values.workers !== undefined || values.replica)
      throw new BadInputError('--workers 与 --replica 需要 --load-db postgres');
    return { database: 'pglite' };
  }
  const workers = values.workers === undefined ? 1 : parseInteger(values.workers, '--workers', 1, 64);
  const name = `${process.env.ONEMAP_BENCH_DATABASE || 'onemap_bench'}_load`;
  return { database: 'postgres', adminUrl, name, workers, replica: values.replica === true };
}

/** The stress run in one line, with the load average. */
function stressLine(f: StressFigures): string {
  const s = f.stress;
  const loads = f.load.samples.length
    ? `, ${Math.min(...f.load.samples).toFixed(1)}–${Math.max(...f.load.samples).toFixed(1)} during`
    : '';
  return `  ${f.served}: ${s.rps.toFixed(1)} requests/s, p50 ${ms(s.p50)}, p99 ${ms(s.p99)}, max ${ms(s.max)}, ${s.requests} requests, non-2xx/errors/timeouts ${s.non2xx}/${s.errors}/${s.timeouts}; load average ${f.load.start.toFixed(1)} at the start${loads}, ${f.load.end.toFixed(1)} at the end`;
}

/** The scales a run can measure: the demo city, a province (×100) and a country (×1000, PostgreSQL only). */
const BENCH_SCALES = [1, 100, 1000] as const;
type Scale = (typeof BENCH_SCALES)[number];

function parseScales(text: string): Scale[] {
  const scales = text.split(',').map((t) => Number(t.trim().replace(/^[x×]/, '')));
  const bad = scales.filter((n) => !(BENCH_SCALES as readonly number[]).includes(n));
  if (bad.length || scales.length === 0)
    throw new BadInputError(`--scale 只能是 ${BENCH_SCALES.join('、')} 中的一个或多个（逗号分隔），收到：${text}`);
  return [...new Set(scales as Scale[])].sort((a, b) => a - b);
}

function writeSections(out: string, sections: ReadonlyMap<string, string>): void {
  let text = existsSync(out) ? readFileSync(out, 'utf8') : '# Benchmarks\n';
  for (const [name, body] of sections) text = replaceSection(text, name, body);
  writeFileSync(out, text);
  log(`已写入 ${out}（${[...sections.keys()].join('、')}）`);
}

async function runSoak(minutes: number, out: string, command: string, options: SoakOptions): Promise<void> {
  log(`· wall soak: ${options.warmupMinutes ?? 2} min warm-up + ${minutes} min (demo city on PGlite)`);
  if (clientBuildIsStale()) await buildClient();
  const loadAtStart = currentLoad();
  const utc = (d: Date) => d.toISOString().slice(0, 16).replace('T', ' ');
  const startedAt = new Date();
  const database = await openDatabase({ dataDir: 'memory://soak' });
  try {
    await seedDemoCity(database.db, { seed: 1, asOf: todayInCity() });
    const figures = await wallSoak(database, minutes, log, options);
    writeSections(
      out,
      new Map([
        [
          'wall-soak',
          soakSection(
            figures,
            command,
            `from ${utc(startedAt)} to ${utc(new Date()).slice(11)} UTC, load average ${loadAtStart.toFixed(1)} at the start`,
          ),
        ],
      ]),
    );
  } finally {
    await database.close();
  }
}

/** Walls at scale (issue 23) on PostgreSQL, ×1 and `scales`; `workers` server processes (default 2). */
async function wallsAtScaleOf(
  scales: readonly number[],
  values: { workers?: string | undefined; 'walls-changes'?: string | undefined },
  adminUrl: string,
  command: string,
  existing: ReadonlyMap<number, string> = new Map(),
) {
  const { workers, 'walls-changes': changes } = values;
  const figures = await wallsAtScale(
    {
      scales,
      adminUrl,
      existing,
      databaseName: `${process.env.ONEMAP_BENCH_DATABASE || 'onemap_bench'}_walls`,
      ...(workers !== undefined ? { workers: parseInteger(workers, '--workers', 1, 64) } : {}),
      ...(changes !== undefined ? { changes: parseInteger(changes, '--walls-changes', 1, 1000) } : {}),
      log,
    },
    currentLoad,
  );
  return wallsAtScaleSection(figures, command);
}

/** Single-date goal of issue 9, by scale. */
const SINGLE_DATE_GOAL: Record<Scale, number> = { 1: 50, 100: 300, 1000: 2000 };

const benchCommand: Command = {
  name: 'bench',
  summary: '性能基准：指标引擎（×1、×100、×1000）、服务端负载与地图前端，写入 BENCHMARKS.md',
  usage: `用法：npm run bench -- [--quick] [--scale 1,100,1000] [--no-pglite-100] [--no-engine] [--no-client] [--no-load] [--no-walls] [--out FILE]
       npm run bench -- --walls-only [--scale 1,10,100] [--workers N] [--walls-changes N] [--scaled-db NAME] [--out FILE]
       npm run bench -- --soak MINUTES [--warmup M] [--every M] [--out FILE] [--heap-snapshots DIR] [--js-flags FLAGS]

  --quick        少量样本、只测 ×1，负载测试缩短（约 5 分钟）
  --scale LIST   规模：1（晋江示范城市，PGlite 与 PostgreSQL）、100（省级，约 3.5 万小区）、
                 1000（全国级，约 35 万小区，仅 PostgreSQL，约 20 分钟、约 6 GB 磁盘）；
                 默认 1,100
  --no-pglite-100 ×100 不在 PGlite 上测（默认测：文件数据目录 var/bench-pglite-x100，约 1.5 GB、数分钟）
  --no-engine    不测指标引擎与导出（只测负载与前端时用）
  --no-client    不测前端（Chromium）
  --only-map     只测大规模地图（--scale 中大于 1 的每个规模对 ×1：首屏与缩放 14 级的平移，PostgreSQL；
                 端口 ONEMAP_BENCH_PORT 及其下一个，未设则任取）
  --map-compounds-only  大规模地图只复制小区、不复制记录（开发用，几秒建好）
  （--scaled-db NAME 对 --only-map 同样有效：最大规模直接用该库中已有的城市）
  --no-load      不测服务端负载（默认测：×1 示范城市、PGlite，200 块大屏订阅 + 20 个分析员
                 每人每 5 秒打开一屏，持续 2 分钟；再测不停查询 30 秒（压力）；
                 另测无大屏时的基线；--quick 时为 20 秒与 10 秒）
  --load-db DB   负载测试的数据库：pglite（默认，服务在本进程）或 postgres（onemap serve 子进程）
  --workers N    --load-db postgres 时的服务进程数（默认 1）
  --replica      --load-db postgres 时读请求走流复制只读副本（端口 5441，pg_basebackup 建立，需 root）
  --no-walls     不测各规模的大屏刷新（默认测：PostgreSQL 上 ×1 与 --scale 中大于 1 的规模，
                 onemap serve --workers 2，200 块大屏、无分析员，逐次改一条记录 10 次，
                 量每块大屏收到通知与重新取数完成的时间）
  --walls-only   只测各规模的大屏刷新；此时 --scale 可为 1–1000 的任意整数（如 10），
                 --workers 为服务进程数（默认 2）
  --walls-changes N  大屏刷新测试中改记录的次数（默认 10；×100 以上每次可能需数十秒）
  --scaled-db NAME   --walls-only 时，--scale 中最大的规模直接用此 PostgreSQL 库中已有的城市（如上次
                 引擎测试留下的 onemap_bench），不再生成（×1000 生成需数十分钟）
  --stress-only  负载测试只测压力基线（20 个分析员不停查询，无大屏），结果只打印不写文件
  --out FILE     结果文件，默认 BENCHMARKS.md；只替换本次测到的小节，其余内容保留
  --soak N       大屏长稳测试：场景每10秒轮换、数据每10秒变化，预热后再运行 N 分钟，
                 比较预热结束与测试结束时的 JS 堆，并按堆快照分为编译代码与其他
                 （npm run bench:soak 为 30 分钟）
  --warmup M     长稳测试的预热分钟数（默认 2）
  --every M      长稳测试的采样间隔分钟数（默认 1）
  --heap-snapshots DIR  长稳测试时每次采样的 V8 堆快照另存到此目录（供 DevTools 对比，每个数十 MB）
  --js-flags F   传给 Chromium 的 V8 参数（诊断用，如 "--no-maglev --no-turbofan"）
PostgreSQL：ONEMAP_BENCH_POSTGRES_URL，默认 ${DEFAULT_PG}（不可达则跳过）；
基准库名 ONEMAP_BENCH_DATABASE，默认 onemap_bench（每次重建）。`,
  async run(argv, io) {
    const args = parseCommandArgs(this, io, argv, {
      quick: { type: 'boolean' },
      scale: { type: 'string' },
      'no-client': { type: 'boolean' },
      'only-map': { type: 'boolean' },
      'map-compounds-only': { type: 'boolean' },
      'no-pglite-100': { type: 'boolean' },
      'no-load': { type: 'boolean' },
      'no-engine': { type: 'boolean' },
      'load-db': { type: 'string' },
      workers: { type: 'string' },
      replica: { type: 'boolean' },
      'stress-only': { type: 'boolean' },
      'no-walls': { type: 'boolean' },
      'walls-only': { type: 'boolean' },
      'walls-changes': { type: 'string' },
      'scaled-db': { type: 'string' },
      out: { type: 'string' },
      soak: { type: 'string' },
      warmup: { type: 'string' },
      every: { type: 'string' },
      'heap-snapshots': { type: 'string' },
      'js-flags': { type: 'string' },
    });
    if (!args) return;
    const out = args.values.out ?? 'BENCHMARKS.md';
    const command = `npm run bench${argv.length ? ` -- ${argv.join(' ')}` : ''}`;
    if (args.values.soak !== undefined) {
      const minutes = parseInteger(args.values.soak, '--soak 分钟数', 1, 24 * 60);
      const v = args.values;
      const options: SoakOptions = {
        ...(v.warmup !== undefined ? { warmupMinutes: parseInteger(v.warmup, '--warmup 分钟数', 0, 24 * 60) } : {}),
        ...(v.every !== undefined ? { everyMinutes: parseInteger(v.every, '--every 分钟数', 1, 24 * 60) } : {}),
        ...(v['heap-snapshots'] !== undefined ? { heapSnapshots: v['heap-snapshots'] } : {}),
        ...(v['js-flags'] !== undefined ? { jsFlags: v['js-flags'] } : {}),
      };
      return runSoak(minutes, out, command, options);
    }
    const quick = args.values.quick === true;
    if (args.values['walls-only']) {
      const scales = parseWallScales(args.values.scale ?? (quick ? '1' : '1,100'));
      const adminUrl = process.env.ONEMAP_BENCH_POSTGRES_URL ?? DEFAULT_PG;
      const scaledDb = args.values['scaled-db'];
      const largest = Math.max(...scales);
      const existing = new Map(scaledDb && largest > 1 ? [[largest, scaledDb]] : []);
      const section = await wallsAtScaleOf(scales, args.values, adminUrl, command, existing);
      return writeSections(out, new Map([['walls-at-scale', section]]));
    }
    // --only-map: the map at scale alone (its own cities and servers, below).
    if (args.values['only-map'])
      Object.assign(args.values, { 'no-engine': true, 'no-load': true, 'no-client': true, 'no-walls': true });
    const pgliteAt100 = args.values['no-pglite-100'] !== true;
    const scales = parseScales(args.values.scale ?? (quick ? '1' : '1,100'));
    const asOf = todayInCity();
    const samples = quick ? 6 : 20;
    const sections = new Map<string, string>();
    const adminUrl = process.env.ONEMAP_BENCH_POSTGRES_URL ?? DEFAULT_PG;
    const pgName = process.env.ONEMAP_BENCH_DATABASE || 'onemap_bench';
    /** The scale of the city the engine's PostgreSQL run left in `pgName` (kept after the run). */
    let engineLeft = 0;

    // The demo city on PGlite serves the ×1 engine rows and the client figures.
    log('· demo city on PGlite');
    let loadAtStart = currentLoad();
    const pglite = await openDatabase({ dataDir: 'memory://bench' });
    // Not seeded when neither the engine nor the client is measured (a load run on PostgreSQL).
    const [seedMs] =
      args.values['no-engine'] && args.values['no-client']
        ? [0]
        : await timeIt(() => seedDemoCity(pglite.db, { seed: 1, asOf }));

    for (const scale of args.values['no-engine'] ? [] : scales) {
      loadAtStart = currentLoad();
      const rows: string[] = [];
      const details: string[] = [];
      const notes: string[] = [];
      const goal = SINGLE_DATE_GOAL[scale];
      const compounds = (347 * scale).toLocaleString('en');
      // Figures that read every compound (city drill-through, naive, city export) get fewer samples as the city grows.
      const slowSamples = scale === 1 ? Math.max(3, Math.ceil(samples / 4)) : scale === 100 ? 3 : 2;
      const measure = async (database: Database, label: string) => {
        const f = await benchEngine(database.db, {
          asOf,
          samples: scale === 1 ? samples : 6,
          slowSamples,
          series: true,
          // ×1000: the full rebuild takes hours and one township's recount tens of minutes (measured
          // at ×1 and ×100); the scaled city's derived tables are copied instead (scaleCity.ts).
          rebuilds: scale < 1000,
          log,
        });
        rows.push(engineRow(label, f, goal));
        log(`  exports`);
        const exports = await benchExports(database.db, {
          asOf,
          townshipCode: f.township.code,
          samples: scale === 1 ? Math.min(samples, 10) : 3,
          citySamples: scale === 1 ? Math.min(samples, 10) : scale === 100 ? 3 : 1,
          // A 347,000-row workbook of the whole country is not what the workbench is for (and
          // takes minutes and gigabytes of heap to build): at ×1000 the city is exported as CSV only.
          formats: { city: scale >= 1000 ? ['csv'] : ['csv', 'xlsx'] },
        });
        return { f, exports };
      };
      if (scale === 1) {
        const { f, exports } = await measure(pglite, '×1 (347 compounds), PGlite');
        details.push(...detailRows('PGlite', f, exports, null, goal));
        notes.push(`Seeding the demo city into PGlite: ${ms(seedMs)}.`);
      }
      if (scale === 100 && pgliteAt100) {
        log('· ×100 on PGlite');
        const dataDir = 'var/bench-pglite-x100';
        rmSync(dataDir, { recursive: true, force: true });
        try {
          const big = await openDatabase({ dataDir });
          try {
            await seedDemoCity(big.db, { seed: 1, asOf });
            const [scaleMs, t] = await timeIt(() => scaleCity(big.db, scale, log));
            const { f, exports } = await measure(big, `×100 (${compounds} compounds), PGlite`);
            details.push(...detailRows('PGlite', f, exports, null, goal));
            notes.push(
              `Scaling the demo city ×100 on PGlite (file-backed, ${dataDir}): ${ms(scaleMs)} (copy ${ms(t.copyMs)}, indexes ${ms(t.indexMs)}, vacuum ${ms(t.vacuumMs)}).`,
            );
          } finally {
            await big.close();
          }
        } catch (error) {
          notes.push(`×100 on PGlite failed: ${(error as Error).message}.`);
        } finally {
          rmSync(dataDir, { recursive: true, force: true });
        }
      }
      const fresh = await freshPostgres(adminUrl, pgName);
      if (fresh) {
        const pg = fresh.database;
        try {
          log(`· ×${scale} on PostgreSQL`);
          await seedDemoCity(pg.db, { seed: 1, asOf });
          const [scaleMs, t] = await timeIt(() => scaleCity(pg.db, scale, log));
          engineLeft = scale;
          const { f, exports } = await measure(
            pg,
            scale === 1 ? '×1, PostgreSQL' : `×${scale} (${compounds} compounds), PostgreSQL`,
          );
          log('  server start');
          const { token } = await createDisplayToken(pg.db, null, 'bench');
          const start = await benchServerStart({
            databaseUrl: fresh.url,
            displayToken: token,
            headerName: DISPLAY_TOKEN_HEADER,
            asOf,
            samples: scale === 1 ? 5 : 3,
          });
          details.push(...detailRows('PostgreSQL', f, exports, start, goal));
          if (scale > 1) {
            const size = await queryRows<{ size: string }>(
              pg.db,
              sql`select pg_size_pretty(pg_database_size(current_database())) as size`,
            );
            notes.push(
              `Scaling the demo city ×${scale} on PostgreSQL (set-based copy of ${(t.rows / 1e6).toFixed(1)} M record rows in chunks, triggers off, ${t.derivedCopied ? 'the counts timeline and state ranges copied with them, ' : ''}secondary indexes rebuilt after): ${ms(scaleMs)} (copy ${ms(t.copyMs)}, indexes ${ms(t.indexMs)}, vacuum analyze ${ms(t.vacuumMs)}); database size ${size[0]?.size}.${scale >= 1000 ? ' The full timeline rebuild and one township recounted are not run at this scale (hours; see ×100).' : ''}`,
            );
          }
        } finally {
          await pg.close();
        }
      } else notes.push('PostgreSQL was not reachable: its rows are missing.');
      sections.set(
        `engine-x${scale}`,
        [
          provenance(command, loadAtStart),
          '',
          ...ENGINE_TABLE_HEAD,
          ...rows,
          '',
          ...DETAIL_TABLE_HEAD,
          ...details,
          '',
          notes.join(' '),
        ].join('\n'),
      );
    }

    if (!args.values['no-load']) {
      // The load test has its own demo city (×1) and server: --scale does not change it.
      const target = loadTargetOf(args.values, adminUrl);
      const where =
        target.database === 'pglite'
          ? 'PGlite'
          : `PostgreSQL, --workers ${target.workers}${target.replica ? ', replica' : ''}`;
      const timing = {
        seconds: quick ? 20 : 120,
        baselineSeconds: quick ? 20 : 60,
        stressSeconds: quick ? 10 : 30,
        log,
        target,
      };
      if (args.values['stress-only']) {
        log(`· server stress: 20 analysts without pause, ${timing.stressSeconds} s (×1 on ${where})`);
        log(stressLine(await loadTest({ ...timing, stressOnly: true }, currentLoad)));
      } else {
        log(`· server load: 200 walls + 20 analysts, ${timing.seconds} s (×1 on ${where})`);
        sections.set('load', loadSection(await loadTest(timing, currentLoad), command));
      }
    }

    if (!args.values['no-walls']) {
      // Its own database and server for each scale, but the largest: the engine's PostgreSQL run
      // left that city in its database (minutes to tens of minutes to make again).
      try {
        const { 'walls-changes': changes } = args.values;
        const largest = Math.max(...scales);
        const existing = new Map(largest > 1 && engineLeft === largest ? [[largest, pgName]] : []);
        sections.set(
          'walls-at-scale',
          await wallsAtScaleOf(scales, { 'walls-changes': changes }, adminUrl, command, existing),
        );
      } catch (error) {
        log(`· walls at scale failed (section not written): ${(error as Error).message}`);
      }
    }

    const clientScales = scales.filter((s) => s <= 100);
    if (!args.values['no-client']) {
      loadAtStart = currentLoad();
      if (clientBuildIsStale()) await buildClient();
      const server = await startServer({ database: pglite, port: 0 });
      // Every page needs credentials: the benchmark browses as a wall screen (read only).
      const { token } = await createDisplayToken(pglite.db, null, 'bench');
      const headers = { [DISPLAY_TOKEN_HEADER]: token };
      const browser = await launch();
      try {
        log('· first render');
        const renders = await firstRender(server.url, quick ? 2 : 5, headers);
        // What the browser asked for before the full render (the largest of the cold runs).
        const bundle = renders.firstViewFiles
          .map((files) => bundleOf(CLIENT_DIST, files))
          .reduce((a, b) => (b.totalGzipBytes > a.totalGzipBytes ? b : a));
        const scriptBytes = bundle.files.filter((f) => f.name.endsWith('.js')).reduce((n, f) => n + f.gzipBytes, 0);
        const frames: FrameFigures[] = [];
        for (const scale of clientScales)
          for (const motion of FRAME_MOTIONS)
            for (const mode of ['maplibre', 'deck', 'quad', 'product'] as const) {
              log(`· frame time ${motion} ${mode} ×${scale}`);
              // ×100 frames take a second each in software WebGL: fewer of them.
              const f = await frameTimes(
                browser,
                server.url,
                mode,
                scale,
                (quick ? 25 : scale > 1 ? 40 : 80) + 10,
                motion,
                headers,
              );
              log(
                `  median ${ms(f.median)}; CPU per frame: GPU process ${ms(f.gpuCpuPerFrame)}, renderer ${ms(f.rendererCpuPerFrame)}`,
              );
              frames.push(f);
            }
        const find = (mode: string, motion: string, scale: number) =>
          frames.find((f) => f.mode === mode && f.motion === motion && f.scale === scale)!;
        sections.set(
          'client',
          [
            provenance(command, loadAtStart),
            '',
            `JavaScript the first view loads (every script the page and its workers asked for before the full render), gzip: **${(scriptBytes / 1024).toFixed(0)} KB** (goal ≤ 625 KB ${scriptBytes <= 625 * 1024 ? '✅' : '❌'}); with its CSS ${(bundle.totalGzipBytes / 1024).toFixed(0)} KB.`,
            '',
            ...bundle.files.map((f) => `- \`${f.name}\`: ${(f.gzipBytes / 1024).toFixed(1)} KB`),
            '',
            ...firstRenderLines(renders),
            '',
            '| points | motion | maplibre median / p95 | deck (instanced) median / p95 | ÷ maplibre | quad median / p95 | ÷ maplibre | product median / p95 | product ÷ maplibre |',
            '|---|---|---|---|---|---|---|---|---|',
            ...clientScales.flatMap((s) =>
              FRAME_MOTIONS.map((motion) => {
                const [m, d, q, p] = [
                  find('maplibre', motion, s),
                  find('deck', motion, s),
                  find('quad', motion, s),
                  find('product', motion, s),
                ];
                const goal = p.median <= 1.2 * m.median ? ' ✅' : ' ❌';
                return `| ${m.points.toLocaleString('en')} | ${motion} | ${ms(m.median)} / ${ms(m.p95)} | ${ms(d.median)} / ${ms(d.p95)} | ${ratio(d.median, m.median)} | ${ms(q.median)} / ${ms(q.p95)} | ${ratio(q.median, m.median)} | ${ms(p.median)} / ${ms(p.p95)} | ${ratio(p.median, m.median)}${goal} |`;
              }),
            ),
          ].join('\n'),
        );
      } finally {
        await browser.close();
        await server.close();
      }
    }
    for (const scale of args.values['no-client'] && !args.values['only-map'] ? [] : scales.filter((s) => s > 1)) {
      loadAtStart = currentLoad();
      if (clientBuildIsStale()) await buildClient();
      const figures = await benchScaledMap({
        scale,
        asOf,
        runs: quick ? 2 : 5,
        records: args.values['map-compounds-only'] !== true,
        databasePrefix: pgName,
        // The engine's PostgreSQL run left this scale's city (or --scaled-db names one).
        ...(args.values['scaled-db'] && scale === Math.max(...scales)
          ? { existing: args.values['scaled-db'] }
          : engineLeft === scale
            ? { existing: pgName }
            : {}),
        port: Number(process.env.ONEMAP_BENCH_PORT ?? 0),
        log,
        adminUrl,
      });
      sections.set(`map-at-scale-x${scale}`, scaledMapSection(figures, command, loadAtStart));
    }
    await pglite.close();
    writeSections(out, sections);
  },
};

benchCommand.run(process.argv.slice(2), processIo).catch((error: unknown) => reportFailure('bench', error));
