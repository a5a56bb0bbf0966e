/**
 * The dashboard's map at scale (issue 23's client goals): a server over a ×N city on PostgreSQL
 * against the same over the demo city (×1), both in this process, measured in one run.
 *
 * - First full render of `/`, cold (a browser just started), signed in as the demo analyst,
 *   ×N and ×1 interleaved. "Drawn" at ×N is the first view aggregated: one bubble per township
 *   counting every compound (`compound-aggregates:<townships>` in the map's `data-drawn`, with
 *   `data-total` the whole city); at ×1 every compound (`compounds:347`). Goal: ×N ≤ 2 × ×1.
 * - Pans at zoom 14 (compounds drawn one by one, loaded per view) to places not seen yet
 *   (scaledMapPans.ts): from the mouse released (the camera stops there: no inertia) to the
 *   view's compounds drawn (the `onemap:drawn` mark after map.view's answer), split into the
 *   move ending, asking, the answer (its resource timing) and drawing. Goal: ≤ 1 s. At ×1 the
 *   city is drawn whole and a pan asks nothing: its baseline is the release to the basemap
 *   settled (MapAdapter's `onemap:settled`), at the same zoom.
 * - map.view's server side for one such view, in the process, with its parts and a plan.
 *
 * The two databases (`<ONEMAP_BENCH_DATABASE>_map_x1`, `…_map_xN`) are made and dropped here; the
 * servers listen on ONEMAP_BENCH_PORT and the next port when it is set.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { sql } from 'drizzle-orm';
import { openDatabase, type Database } from '../../server/db/connection.ts';
import { queryRows } from '../../server/db/rows.ts';
import { startServer, type RunningServer } from '../../server/http/server.ts';
import { DEMO_ACCOUNTS } from '../../server/services/auth/demoAccounts.ts';
import { compoundStatusAsOf } from '../../server/services/compounds/compoundStatus.ts';
import { mapView } from '../../server/services/map/mapView.ts';
import { ensureCountsTimeline } from '../../server/services/metrics/countsTimeline.ts';
import { seedDemoCity } from '../../server/services/seed/seedDemoCity.ts';
import { MAP_ROW_CAP, snapView } from '../../shared/map/mapView.ts';
import { adminStatement, BENCH_POSTGRES_ADMIN_URL } from './benchPostgres.ts';
import { currentLoad } from './benchReport.ts';
import { launch } from './clientBench.ts';
import { pans, type PanSample } from './scaledMapPans.ts';
import { scaleCity } from './scaleCity.ts';
import { ms, timeIt } from './stats.ts';

export interface ScaledMapOptions {
  scale: number;
  asOf: string;
  /** Cold first renders per city (interleaved). */
  runs: number;
  /** Copy the compounds' records too (false: compounds only, seconds to set up; the status columns are then empty). */
  records: boolean;
  /** Database names are `${databasePrefix}_map_x1` and `_map_xN`, dropped at the end. */
  databasePrefix: string;
  /** The ×1 server listens on `port`, the ×N one on `port + 1` (0: any free port). */
  port: number;
  log: (line: string) => void;
  adminUrl?: string;
  /**
   * A database already holding the ×`scale` city (the one the engine's run left: tens of minutes
   * to make at ×1000): used as it is, neither made nor dropped.
   */
  existing?: string;
}

export interface City {
  scale: number;
  database: Database;
  name: string;
  /** Made for this run, and dropped after it. */
  made: boolean;
  server: RunningServer;
  compounds: number;
  townships: number;
  /** The signed-in analyst's cookies, for a cold browser to start with. */
  cookies: Awaited<ReturnType<BrowserContext['cookies']>>;
}

export type { PanSample };

export interface ScaledMapFigures {
  scale: number;
  records: boolean;
  compounds: number;
  setupMs: number;
  firstRender: { base: number[]; scaled: number[]; basePage: number[]; scaledPage: number[]; loads: number[] };
  pans: { base: PanSample[]; scaled: PanSample[]; skipped: number };
  /** map.view for a zoom-14 view at the centre, in the process (no HTTP, no memo), and its choice of compounds' plan. */
  server: ServerSide;
}

export interface ServerSide {
  serviceMs: number[];
  countMs: number;
  /** compoundStatusAsOf for the view's compounds, `rows` of them, and their JSON (what map.view sends, unencoded). */
  statusMs: number;
  rows: number;
  jsonMs: number;
  jsonBytes: number;
  explain: string;
}

const VIEWPORT = { width: 1920, height: 1080 };

async function openCity(
  scale: number,
  options: ScaledMapOptions,
  browser: Browser,
  port: number,
): Promise<City & { setupMs: number }> {
  const admin = options.adminUrl ?? BENCH_POSTGRES_ADMIN_URL;
  const existing = scale > 1 ? options.existing : undefined;
  const name = existing ?? `${options.databasePrefix}_map_x${scale}`;
  if (!existing) {
    await adminStatement(`drop database if exists ${name} with (force)`, admin);
    await adminStatement(`create database ${name}`, admin);
  }
  const url = new URL(admin);
  url.pathname = `/${name}`;
  const database = await openDatabase({ databaseUrl: url.toString() });
  const [setupMs] = await timeIt(async () => {
    if (!existing) {
      await seedDemoCity(database.db, { seed: 1, asOf: options.asOf });
      if (scale > 1) await scaleCity(database.db, scale, (line) => options.log(line), { records: options.records });
    }
    await ensureCountsTimeline(database.db);
  });
  const [counted] = await queryRows<{ compounds: number | string; townships: number | string }>(
    database.db,
    sql`select count(*) as compounds, count(distinct township_code) as townships from compounds
      where listed_on <= ${options.asOf}::date`,
  );
  const server = await startServer({ database, port });
  const context = await browser.newContext({ viewport: VIEWPORT });
  try {
    const page = await context.newPage();
    const analyst = DEMO_ACCOUNTS.find((a) => a.role === 'analyst')!;
    await page.goto(`${server.url}/login?next=%2Fcompare`);
    await page.getByTestId('login-username').fill(analyst.username);
    await page.getByTestId('login-password').fill(analyst.password);
    await page.getByTestId('login-submit').click();
    await page.waitForSelector('[data-testid="user-menu"]', { state: 'attached', timeout: 60_000 });
    const cookies = await context.cookies();
    return {
      scale,
      database,
      name,
      made: !existing,
      server,
      compounds: Number(counted!.compounds),
      townships: Number(counted!.townships),
      cookies,
      setupMs,
    };
  } finally {
    await context.close();
  }
}

export async function signedInPage(browser: Browser, city: City): Promise<Page> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  await context.addCookies(city.cookies);
  return context.newPage();
}

/** What the first full view draws: every compound when the city is drawn whole, else a bubble per township. */
export const firstViewToken = (city: City, wholeCity: boolean) =>
  wholeCity ? `compounds:${city.compounds}` : `compound-aggregates:${city.townships}`;

/** One cold first render of `/`: [harness ms (navigation → seen drawn), in-page ms (→ the `onemap:drawn` mark)]. */
async function coldFirstRender(city: City): Promise<[number, number]> {
  const browser = await launch();
  try {
    const page = await signedInPage(browser, city);
    const started = Date.now();
    await page.goto(`${city.server.url}/`);
    const token = firstViewToken(city, city.scale === 1);
    await page.waitForSelector(
      `[data-testid="compound-count"][data-ready="true"][data-total="${city.compounds}"][data-aggregated="${city.scale === 1 ? '' : 'townships'}"]`,
      { state: 'attached', timeout: 120_000 },
    );
    await page.waitForSelector(`[data-testid="map"][data-drawn~="${token}"]`, { state: 'attached', timeout: 120_000 });
    const harness = Date.now() - started;
    const inPage = await page.evaluate(
      (t) =>
        performance.getEntriesByName('onemap:drawn').find((m) =>
          String((m as PerformanceMark).detail)
            .split(' ')
            .includes(t),
        )?.startTime ?? NaN,
      token,
    );
    return [harness, inPage];
  } finally {
    await browser.close();
  }
}

/**
 * map.view's server side for a zoom-14 view at the city's centre (snapped as the client asks):
 * the service timed without HTTP or memo, and the plan of its choice of the view's compounds.
 */
async function serverSide(city: City, asOf: string): Promise<ServerSide> {
  const [centre] = await queryRows<{ lon: number; lat: number }>(
    city.database.db,
    sql`select avg(lon)::float8 as lon, avg(lat)::float8 as lat from compounds`,
  );
  // About the 1920×1080 view at zoom 14 (0.165° × 0.08° here), snapped outward as useMapCompounds does.
  const { bbox, zoom } = snapView(
    [centre!.lon - 0.082, centre!.lat - 0.04, centre!.lon + 0.082, centre!.lat + 0.04],
    14,
  );
  const serviceMs: number[] = [];
  for (let i = 0; i < 3; i++) serviceMs.push((await timeIt(() => mapView(city.database.db, { asOf, bbox, zoom })))[0]);
  // Its parts: the count that decides the kind, then the view's compounds with their status.
  const [countMs] = await timeIt(() =>
    queryRows(
      city.database.db,
      sql`select count(*) as n from compounds c where c.listed_on <= ${asOf}::date
        and c.lon between ${bbox[0]} and ${bbox[2]} and c.lat between ${bbox[1]} and ${bbox[3]}`,
    ),
  );
  const [statusMs, rows] = await timeIt(() =>
    compoundStatusAsOf(city.database.db, asOf, undefined, { bbox, limit: MAP_ROW_CAP }),
  );
  const [jsonMs, json] = await timeIt(async () => JSON.stringify(rows));
  const plan = await queryRows<{ 'QUERY PLAN': string }>(
    city.database.db,
    sql`explain (analyze, costs off) select v.id from compounds v
      where v.listed_on <= ${asOf}::date and v.lon between ${bbox[0]} and ${bbox[2]} and v.lat between ${bbox[1]} and ${bbox[3]}
      order by v.households desc, v.id limit ${MAP_ROW_CAP}`,
  );
  return {
    serviceMs,
    countMs,
    statusMs,
    jsonMs,
    rows: rows.length,
    jsonBytes: Buffer.byteLength(json),
    explain: plan.map((r) => r['QUERY PLAN']).join('\n'),
  };
}

export async function benchScaledMap(options: ScaledMapOptions): Promise<ScaledMapFigures> {
  const { log } = options;
  const browser = await launch();
  const cities: City[] = [];
  try {
    log('· map at scale: ×1 city');
    const base = await openCity(1, options, browser, options.port);
    cities.push(base);
    log(`· map at scale: ×${options.scale} city${options.records ? '' : ' (compounds only)'}`);
    const scaled = await openCity(options.scale, options, browser, options.port ? options.port + 1 : 0);
    cities.push(scaled);
    log(`  set up in ${ms(scaled.setupMs)}`);
    // One untimed page each: the servers' memoised answers warm, as a server that has run a while.
    await coldFirstRender(base);
    await coldFirstRender(scaled);
    const firstRender: ScaledMapFigures['firstRender'] = {
      base: [],
      scaled: [],
      basePage: [],
      scaledPage: [],
      loads: [],
    };
    for (let i = 0; i < options.runs; i++) {
      for (const city of i % 2 === 0 ? [base, scaled] : [scaled, base]) {
        firstRender.loads.push(currentLoad());
        const [harness, inPage] = await coldFirstRender(city);
        const key = city === base ? 'base' : 'scaled';
        firstRender[key].push(harness);
        firstRender[`${key}Page`].push(inPage);
        log(`  first render ×${city.scale} run ${i + 1}: ${ms(harness)} (in page ${ms(inPage)})`);
      }
    }
    log('· map at scale: pans at zoom 14');
    const scaledPans = await pans(browser, scaled);
    const basePans = await pans(browser, base, scaledPans.presses);
    for (const [label, p] of [
      ['×1', basePans],
      [`×${options.scale}`, scaledPans],
    ] as const)
      log(`  pans ${label}: ${p.samples.map((s) => ms(s.total)).join(', ')}; skipped ${p.skipped}`);
    return {
      scale: options.scale,
      records: options.records,
      compounds: scaled.compounds,
      setupMs: scaled.setupMs,
      firstRender,
      pans: { base: basePans.samples, scaled: scaledPans.samples, skipped: scaledPans.skipped },
      server: await serverSide(scaled, options.asOf),
    };
  } finally {
    await browser.close();
    for (const city of cities) {
      await city.server.close();
      await city.database.close();
      if (city.made)
        await adminStatement(
          `drop database if exists ${city.name} with (force)`,
          options.adminUrl ?? BENCH_POSTGRES_ADMIN_URL,
        );
    }
  }
}
