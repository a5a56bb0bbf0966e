import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import postgres from 'postgres';
import { benchEngine, type EngineFigures } from '../../../scripts/bench/engineBench.ts';
import { FRAME_MOTIONS, firstRender, firstViewBundle, frameTimes, launch, type FrameFigures } from '../../../scripts/bench/clientBench.ts';
import { loadSection, loadTest } from '../../../scripts/bench/loadTest.ts';
import { scaleCity } from '../../../scripts/bench/scaleCity.ts';
import { currentLoad, provenance, replaceSection } from '../../../scripts/bench/benchReport.ts';
import { ms, percentile, ratio, timeIt } from '../../../scripts/bench/stats.ts';
import { soakSection, wallSoak } from '../../../scripts/bench/wallSoak.ts';
import { openDatabase, type Database } from '../../db/connection.ts';
import { CLIENT_DIST, startServer } from '../../http/server.ts';
import { createDisplayToken, DISPLAY_TOKEN_HEADER } from '../../services/auth/displayTokens.ts';
import { BadInputError } from '../../services/errors.ts';
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

/** The scales a run can measure: the demo city, a province (×100) and a country (×1000, PostgreSQL only). */
export const BENCH_SCALES = [1, 100, 1000] as const;
type Scale = (typeof BENCH_SCALES)[number];

function parseScales(text: string): Scale[] {
  const scales = text.split(',').map((t) => Number(t.trim().replace(/^[x×]/, '')));
  const bad = scales.filter((n) => !(BENCH_SCALES as readonly number[]).includes(n));
  if (bad.length || scales.length === 0) throw new BadInputError(`--scale 只能是 ${BENCH_SCALES.join('、')} 中的一个或多个（逗号分隔），收到：${text}`);
  return [...new Set(scales as Scale[])].sort((a, b) => a - b);
}

function writeSections(out: string, sections: ReadonlyMap<string, string>): void {
  let text = existsSync(out) ? readFileSync(out, 'utf8') : '# Benchmarks\n';
  for (const [name, body] of sections) text = replaceSection(text, name, body);
  writeFileSync(out, text);
  log(`已写入 ${out}（${[...sections.keys()].join('、')}）`);
}

async function runSoak(minutes: number, out: string, command: string): Promise<void> {
  log(`· wall soak: ${minutes} min (demo city on PGlite)`);
  if (clientBuildIsStale()) await buildClient();
  const loadAtStart = currentLoad();
  const database = await openDatabase({ dataDir: 'memory://soak' });
  try {
    await seedDemoCity(database.db, { seed: 1, asOf: todayInCity() });
    const figures = await wallSoak(database, minutes, log);
    writeSections(out, new Map([['wall-soak', `${soakSection(figures, command, `${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, load average ${loadAtStart.toFixed(1)} at the start`)}`]]));
  } finally {
    await database.close();
  }
}

function engineRow(label: string, f: EngineFigures, goal: number): string {
  return `| ${label} | ${ms(f.singleDateP50)} / ${ms(f.singleDateP95)} | ${ms(goal)} ${f.singleDateP50 <= goal && f.singleDateP95 <= goal ? '✅' : '❌'} | ${ms(f.naiveP50)} | ${ratio(f.naiveP50, f.singleDateP50)} | ${ms(f.timelineRebuild)} / ${ms(f.townshipRebuild)} | ${ms(f.drillP50)} | ${f.weeks ? `${ms(f.seriesCold)} / ${ms(f.seriesWarm)} (${f.weeks} weeks)` : '—'} |`;
}

const ENGINE_TABLE_HEAD = [
  '| scale / database | single date p50 / p95 | goal | naive p50 | naive ÷ engine | timeline rebuild all / one township | drill-through p50 | weekly series cold / warm |',
  '|---|---|---|---|---|---|---|---|',
];

/** Single-date goal of issue 9, by scale. */
const SINGLE_DATE_GOAL: Record<Scale, number> = { 1: 50, 100: 300, 1000: 2000 };

export const benchCommand: Command = {
  name: 'bench',
  summary: '性能基准：指标引擎（×1、×100、×1000）、服务端负载与地图前端，写入 BENCHMARKS.md',
  usage: `用法：onemap bench [--quick] [--scale 1,100,1000] [--no-client] [--no-load] [--out FILE]
       onemap bench --soak MINUTES [--out FILE]

  --quick        少量样本、只测 ×1，负载测试缩短（约 5 分钟）
  --scale LIST   规模：1（晋江示范城市，PGlite 与 PostgreSQL）、100（省级，约 3.5 万小区）、
                 1000（全国级，约 35 万小区，仅 PostgreSQL，约 20 分钟、十余 GB 磁盘）；
                 默认 1,100
  --no-client    不测前端（Chromium）
  --no-load      不测服务端负载（默认测：×1 示范城市、PGlite，200 块大屏订阅 + 20 个分析员
                 不停查询 2 分钟，再以每人每秒一屏测 30 秒，另测无大屏时的基线；
                 --quick 时为 20 秒与 10 秒）
  --out FILE     结果文件，默认 BENCHMARKS.md；只替换本次测到的小节，其余内容保留
  --soak N       大屏长稳测试：场景每10秒轮换、数据每10秒变化，运行 N 分钟，
                 比较预热后与结束时的 JS 堆（npm run bench:soak 为 30 分钟）
PostgreSQL：ONEMAP_BENCH_POSTGRES_URL，默认 ${DEFAULT_PG}（不可达则跳过）；
基准库名 ONEMAP_BENCH_DATABASE，默认 onemap_bench（每次重建）。`,
  async run(argv) {
    const args = parseCommandArgs(this, argv, { quick: { type: 'boolean' }, scale: { type: 'string' }, 'no-client': { type: 'boolean' }, 'no-load': { type: 'boolean' }, out: { type: 'string' }, soak: { type: 'string' } });
    if (!args) return;
    const out = args.values.out ?? 'BENCHMARKS.md';
    const command = `npm run bench${argv.length ? ` -- ${argv.join(' ')}` : ''}`;
    if (args.values.soak !== undefined) {
      const minutes = parseInteger(args.values.soak, '--soak 分钟数', 1, 24 * 60);
      return runSoak(minutes, out, command);
    }
    const quick = args.values.quick === true;
    const scales = parseScales(args.values.scale ?? (quick ? '1' : '1,100'));
    const asOf = todayInCity();
    const samples = quick ? 6 : 20;
    const sections = new Map<string, string>();
    const adminUrl = process.env.ONEMAP_BENCH_POSTGRES_URL ?? DEFAULT_PG;
    const pgName = process.env.ONEMAP_BENCH_DATABASE || 'onemap_bench';

    // The demo city on PGlite serves the ×1 engine rows and the client figures.
    log('· demo city on PGlite');
    let loadAtStart = currentLoad();
    const pglite = await openDatabase({ dataDir: 'memory://bench' });
    const [seedMs] = await timeIt(() => seedDemoCity(pglite.db, { seed: 1, asOf }));

    for (const scale of scales) {
      loadAtStart = currentLoad();
      const rows: string[] = [];
      const notes: string[] = [];
      const goal = SINGLE_DATE_GOAL[scale];
      if (scale === 1) {
        rows.push(engineRow('×1 (347 compounds), PGlite', await benchEngine(pglite.db, { asOf, samples, series: true }), goal));
        notes.push(`Seeding the demo city into PGlite: ${ms(seedMs)}.`);
      }
      const pg = await freshPostgres(adminUrl, pgName);
      if (pg) {
        try {
          log(`· ×${scale} on PostgreSQL`);
          await seedDemoCity(pg.db, { seed: 1, asOf });
          const [scaleMs] = await timeIt(() => scaleCity(pg.db, scale));
          const compounds = 347 * scale;
          rows.push(engineRow(`×${scale} (${compounds.toLocaleString('en')} compounds), PostgreSQL`, await benchEngine(pg.db, { asOf, samples: scale > 1 ? 6 : samples, series: true }), goal));
          if (scale > 1) notes.push(`Scaling the demo city ×${scale} on PostgreSQL (set-based copy): ${ms(scaleMs)}.`);
        } finally {
          await pg.close();
        }
      } else notes.push('PostgreSQL was not reachable: its rows are missing.');
      sections.set(`engine-x${scale}`, [provenance(command, loadAtStart), '', ...ENGINE_TABLE_HEAD, ...rows, '', notes.join(' ')].join('\n'));
    }

    if (!args.values['no-load']) {
      // The load test has its own demo city (×1) and server: --scale does not change it.
      log(`· server load: 200 walls + 20 analysts, ${quick ? 20 : 120} s (×1 on PGlite)`);
      const figures = await loadTest({ seconds: quick ? 20 : 120, baselineSeconds: quick ? 20 : 60, pacedSeconds: quick ? 10 : 30, log }, currentLoad);
      sections.set('load', loadSection(figures, command));
    }

    const clientScales = scales.filter((s) => s <= 100);
    if (!args.values['no-client']) {
      loadAtStart = currentLoad();
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
        for (const scale of clientScales)
          for (const motion of FRAME_MOTIONS)
            for (const mode of ['maplibre', 'deck', 'product'] as const) {
              log(`· frame time ${motion} ${mode} ×${scale}`);
              // ×100 frames take a second each in software WebGL: fewer of them.
              frames.push(await frameTimes(browser, server.url, mode, scale, (quick ? 25 : 100) / (scale > 1 ? 2 : 1) + 10, motion, headers));
            }
        const find = (mode: string, motion: string, scale: number) => frames.find((f) => f.mode === mode && f.motion === motion && f.scale === scale)!;
        sections.set(
          'client',
          [
            provenance(command, loadAtStart),
            '',
            `JavaScript and CSS for the first view (index.html's scripts, preloads and styles, plus the map worker), gzip: **${(bundle.totalGzipBytes / 1024).toFixed(0)} KB** (goal ≤ 900 KB ${bundle.totalGzipBytes <= 900 * 1024 ? '✅' : '❌'}; the bare stack floor is ≈ 625 KB).`,
            '',
            ...bundle.files.map((f) => `- \`${f.name}\`: ${(f.gzipBytes / 1024).toFixed(1)} KB`),
            '',
            `Time to the first full render of \`/\` (navigation → data loaded and drawn), ${renders.length} runs: median ${ms(percentile(renders, 50))}, worst ${ms(Math.max(...renders))} (goal ≤ 2 s ${percentile(renders, 50) <= 2000 ? '✅' : '❌'}).`,
            '',
            '| points | motion | maplibre median / p95 | deck median / p95 | deck ÷ maplibre | product median / p95 | product ÷ maplibre |',
            '|---|---|---|---|---|---|---|',
            ...clientScales.flatMap((s) =>
              FRAME_MOTIONS.map((motion) => {
                const [m, d, p] = [find('maplibre', motion, s), find('deck', motion, s), find('product', motion, s)];
                return `| ${m.points.toLocaleString('en')} | ${motion} | ${ms(m.median)} / ${ms(m.p95)} | ${ms(d.median)} / ${ms(d.p95)} | ${ratio(d.median, m.median)} | ${ms(p.median)} / ${ms(p.p95)} | ${ratio(p.median, m.median)} |`;
              }),
            ),
          ].join('\n'),
        );
      } finally {
        await browser.close();
        await server.close();
      }
    }
    await pglite.close();
    writeSections(out, sections);
  },
};
