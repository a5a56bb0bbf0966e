/**
 * Server-side figures besides the engine: export of the workbench selection (CSV, XLSX) for one
 * township's compounds and for the whole city, against the plain SELECT of the same compound
 * rows; and server start — `onemap serve --port 0` spawned against the benchmark database until
 * the dashboard's first query (metrics.report) answers — against a bare Node HTTP server spawned
 * and probed the same way.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import type { Db } from '../../server/db/connection.ts';
import { queryRows } from '../../server/db/rows.ts';
import { exportSelection, type SelectionExportFormat } from '../../server/services/workbench/exportSelection.ts';
import { sample, timing, type Timing } from './engineBench.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface ExportFigure {
  scope: 'township' | 'city';
  format: SelectionExportFormat;
  rows: number;
  bytes: number;
  time: Timing;
}

export async function benchExports(
  db: Db,
  options: {
    asOf: string;
    townshipCode: string;
    samples: number;
    citySamples: number;
    formats?: { city: SelectionExportFormat[] };
  },
): Promise<ExportFigure[]> {
  const figures: ExportFigure[] = [];
  const codesOf = async (townshipCode: string | null) =>
    (
      await queryRows<{ code: string }>(
        db,
        townshipCode
          ? sql`select code from compounds where township_code = ${townshipCode} order by code`
          : sql`select code from compounds order by code`,
      )
    ).map((r) => r.code);
  for (const scope of ['township', 'city'] as const) {
    const codes = await codesOf(scope === 'township' ? options.townshipCode : null);
    const formats: SelectionExportFormat[] =
      scope === 'city' ? (options.formats?.city ?? ['csv', 'xlsx']) : ['csv', 'xlsx'];
    for (const format of formats) {
      let bytes = 0;
      const time = await sample(scope === 'city' ? options.citySamples : options.samples, async () => {
        const file = await exportSelection(db, { asOf: options.asOf, codes, format });
        bytes = Math.round((file.base64.length * 3) / 4);
      });
      figures.push({ scope, format, rows: codes.length, bytes, time });
    }
  }
  return figures;
}

/** Spawns a server, waits for its "listening" line on stderr, then probes `path` until it answers 200. */
async function timeToFirstAnswer(
  command: string[],
  env: NodeJS.ProcessEnv,
  path: string,
  headers: Record<string, string>,
): Promise<number> {
  const started = performance.now();
  const child = spawn(command[0]!, command.slice(1), { cwd: ROOT, env, stdio: ['ignore', 'ignore', 'pipe'] });
  try {
    const url = await new Promise<string>((resolve, reject) => {
      let text = '';
      const timer = setTimeout(() => reject(new Error(`server start: no URL after 120 s: ${text}`)), 120_000);
      child.stderr!.on('data', (chunk: Buffer) => {
        text += chunk.toString();
        const match = /(http:\/\/127\.0\.0\.1:\d+)/.exec(text);
        if (match) {
          clearTimeout(timer);
          resolve(match[1]!);
        }
      });
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`server exited (${code}) before listening: ${text}`));
      });
    });
    for (;;) {
      try {
        const response = await fetch(url + path, { headers });
        await response.arrayBuffer();
        if (response.ok) return performance.now() - started;
        if (response.status !== 503) throw new Error(`server start: ${path} answered ${response.status}`);
      } catch (error) {
        if (!(error instanceof TypeError)) throw error;
      }
      await new Promise((r) => setTimeout(r, 5));
    }
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => (child.exitCode === null ? child.once('exit', r) : r(null)));
  }
}

const BARE_SERVER = `require('node:http').createServer((q, s) => { s.setHeader('content-type', 'application/json'); s.end('{"ok":true}'); })
  .listen(0, '127.0.0.1', function () { process.stderr.write('listening http://127.0.0.1:' + this.address().port + '/\\n'); });`;

export interface StartFigures {
  /** Spawn → metrics.report (the dashboard's first query) answered by `onemap serve`. */
  start: Timing;
  /** Spawn → first answer of a bare `node -e` HTTP server. */
  bare: Timing;
}

export async function benchServerStart(options: {
  databaseUrl: string;
  displayToken: string;
  headerName: string;
  asOf: string;
  samples: number;
}): Promise<StartFigures> {
  const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: options.databaseUrl, PORT: '0' };
  delete env.ONEMAP_DATA_DIR;
  const input = encodeURIComponent(JSON.stringify({ asOf: options.asOf }));
  const start: number[] = [];
  const bare: number[] = [];
  for (let i = 0; i < options.samples; i++) {
    bare.push(await timeToFirstAnswer([process.execPath, '-e', BARE_SERVER], env, '/', {}));
    start.push(
      await timeToFirstAnswer(
        [process.execPath, 'bin/onemap.js', 'serve', '--port', '0'],
        env,
        `/api/trpc/metrics.report?input=${input}`,
        {
          [options.headerName]: options.displayToken,
        },
      ),
    );
  }
  return { start: timing(start), bare: timing(bare) };
}
