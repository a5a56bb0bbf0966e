/**
 * The first render of two builds side by side, interleaved, on one seeded demo city (issue #23):
 * this tree's server and client against another checkout's (its client built there, its
 * node_modules the same packages), each cold run with its own bare-maplibre baseline just before
 * it, after one untimed page each. Prints each run (with the load average) and the medians of both clocks: the harness's
 * (navigation → the drawn map seen) and the page's own (`onemap:drawn`).
 *
 *   npx tsx scripts/bench/firstRenderAb.ts <other checkout> [runs=5] [port=5450]
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { openDatabase } from '../../server/db/connection.ts';
import { startServer, type RunningServer, type ServerOptions } from '../../server/http/server.ts';
import { createDisplayToken, DISPLAY_TOKEN_HEADER } from '../../server/services/auth/displayTokens.ts';
import { seedDemoCity } from '../../server/services/seed/seedDemoCity.ts';
import { todayInCity } from '../../shared/time/dates.ts';
import { firstRender } from './clientBench.ts';
import { percentile } from './stats.ts';

const [other, runsArg = '5', portArg = '5450'] = process.argv.slice(2);
if (!other) throw new Error('usage: npx tsx scripts/bench/firstRenderAb.ts <other checkout> [runs] [port]');
const runs = Number(runsArg);
const port = Number(portArg);
const loadAverage = () => readFileSync('/proc/loadavg', 'utf8').split(' ')[0];

const database = await openDatabase({ dataDir: 'memory://first-render-ab' });
await seedDemoCity(database.db, { seed: 1, asOf: todayInCity() });
const otherServer = (await import(pathToFileURL(join(resolve(other), 'server/http/server.ts')).href)) as {
  startServer(options: ServerOptions): Promise<RunningServer>;
};
const servers = {
  this: await startServer({ database, port }),
  other: await otherServer.startServer({ database, port: port + 1 }),
};
const { token } = await createDisplayToken(database.db, null, 'bench');
// One untimed page each first: the servers' memoised answers are warm, as in `npm run bench`'s later runs.
for (const server of Object.values(servers)) await firstRender(server.url, 1, { [DISPLAY_TOKEN_HEADER]: token });
const figures: Record<string, number[]> = {};
const add = (key: string, value: number) => (figures[key] ??= []).push(value);
for (let i = 0; i < runs; i++) {
  for (const build of i % 2 === 0 ? (['this', 'other'] as const) : (['other', 'this'] as const)) {
    const load = loadAverage();
    const f = await firstRender(servers[build].url, 1, { [DISPLAY_TOKEN_HEADER]: token });
    const [harness, bare, page, barePage] = [f.cold[0]!, f.baseline[0]!, f.inPage.cold[0]!, f.inPage.baseline[0]!];
    add(`${build} harness ms`, harness);
    add(`${build} harness ÷ bare`, harness / bare);
    add(`${build} page ms`, page);
    add(`${build} page ÷ bare`, page / barePage);
    console.log(
      `run ${i + 1} ${build}: load ${load}; harness ${harness} ms ÷ bare ${bare} ms = ${(harness / bare).toFixed(2)}×; ` +
        `page ${page.toFixed(0)} ms ÷ bare ${barePage.toFixed(0)} ms = ${(page / barePage).toFixed(2)}×`,
    );
  }
}
for (const [key, values] of Object.entries(figures))
  console.log(`${key}: median ${percentile(values, 50).toFixed(2)} [${values.map((v) => v.toFixed(2)).join(', ')}]`);
await servers.this.close();
await servers.other.close();
await database.close();
