/**
 * Every procedure of the router, over HTTP to a running server, as a signed-in administrator:
 * 1,000 malformed inputs to each that takes an input in CI, 150 locally (random JSON shapes, wrong
 * types, huge numbers, weird strings, weeks and dates past the calendar, deep nesting), sent in
 * batches as the client does.
 * Not one answer is a 500, and nothing changes: the data revision and every table's row count.
 * Procedures are listed from the router, so those added later are fuzzed too.
 *
 * One test file for each database (tests/server/http/fuzzPglite.test.ts, fuzzPostgres.test.ts):
 * minutes each in CI, so they run side by side on the two workers.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_BATCH_CALLS } from '../../server/http/limits.ts';
import { startServer, type RunningServer } from '../../server/http/server.ts';
import type { DatabaseKind, Db } from '../../server/db/connection.ts';
import { ensureCountsTimeline } from '../../server/services/metrics/countsTimeline.ts';
import { actorAs } from './callers.ts';
import { openFixtureDatabase, type TestDatabase } from './databases.ts';
import { malformedInput, seededRandom, TEMPLATES } from './fuzzInputs.ts';
import { parsersAccept, procedures } from './procedures.ts';
import { sweepSize } from './sweeps.ts';

/** A thousand malformed inputs a procedure in CI (or ONEMAP_TEST_FULL=1), 150 locally (sweeps.ts). */
const PER_PROCEDURE = sweepSize(1_000, 150);
/**
 * A procedure without an input parser never reads its input (tRPC hands it nothing): a sample
 * shows that, and saves re-running ledger.template's spreadsheet a thousand times.
 */
const PER_INPUTLESS_PROCEDURE = sweepSize(100, 20);
/** Under Node's 16 KB header limit, so that a query batch reaches tRPC. */
const MAX_URL = 12_000;
/** Under the 1 MB body limit. */
const MAX_BODY = 900_000;
const PARALLEL = 4;

interface Call {
  path: string;
  input: unknown;
}

interface Outcome {
  httpStatus: number;
  /** One status per call (the batch's own status when the batch was refused as a whole). */
  statuses: number[];
}

/** Every base table's row count and the data revision. */
async function snapshot(db: Db): Promise<Record<string, number>> {
  const tables = (await db.execute(
    sql`select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`,
  )) as unknown;
  const names = ((Array.isArray(tables) ? tables : (tables as { rows: unknown[] }).rows) as { name: string }[]).map(
    (t) => t.name,
  );
  const out: Record<string, number> = {};
  for (const name of names) {
    const result = (await db.execute(sql.raw(`select count(*)::int as n from "${name}"`))) as unknown;
    out[name] = ((Array.isArray(result) ? result : (result as { rows: unknown[] }).rows)[0] as { n: number }).n;
  }
  const revision = (await db.execute(sql`select revision from data_revision`)) as unknown;
  out['data_revision.revision'] = Number(
    ((Array.isArray(revision) ? revision : (revision as { rows: unknown[] }).rows)[0] as { revision: number }).revision,
  );
  return out;
}

/** Greedy batches of at most MAX_BATCH_CALLS calls that fit the URL (queries) or body (mutations). */
function batches(calls: Call[], measure: (batch: Call[]) => number, limit: number): Call[][] {
  const out: Call[][] = [];
  let current: Call[] = [];
  for (const call of calls) {
    const next = [...current, call];
    if (current.length > 0 && (next.length > MAX_BATCH_CALLS || measure(next) > limit)) {
      out.push(current);
      current = [call];
    } else current = next;
  }
  if (current.length > 0) out.push(current);
  return out;
}

const inputsOf = (batch: Call[]) => JSON.stringify(Object.fromEntries(batch.map((c, i) => [i, c.input])));
const pathsOf = (batch: Call[]) => batch.map((c) => c.path).join(',');
const queryUrl = (batch: Call[]) => `/api/trpc/${pathsOf(batch)}?batch=1&input=${encodeURIComponent(inputsOf(batch))}`;

/** The fuzz test on one database, skipped where that database is not among the `available` ones. */
export function describeFuzzOverHttp(kind: DatabaseKind, available: readonly DatabaseKind[]): void {
  describe.skipIf(!available.includes(kind))(`fuzzing every procedure over HTTP (${kind})`, () => {
    let database: TestDatabase;
    let server: RunningServer;
    let cookie: string;
    beforeAll(async () => {
      database = await openFixtureDatabase(kind);
      server = await startServer({ database, port: 0 });
      cookie = `onemap_session=${(await actorAs(database, 'admin')).token}`;
    });
    afterAll(async () => {
      await server?.close();
      await database?.dispose();
    });

    async function send(batch: Call[], method: 'GET' | 'POST', signedIn: boolean): Promise<Outcome> {
      const headers: Record<string, string> = signedIn ? { cookie } : {};
      const res =
        method === 'GET'
          ? await fetch(server.url + queryUrl(batch), { headers })
          : await fetch(`${server.url}/api/trpc/${pathsOf(batch)}?batch=1`, {
              method: 'POST',
              headers: { ...headers, 'content-type': 'application/json' },
              body: inputsOf(batch),
            });
      const body = (await res.json().catch(() => null)) as unknown;
      const statuses = Array.isArray(body)
        ? body.map((item: { error?: { data?: { httpStatus?: number } } }) => item.error?.data?.httpStatus ?? 200)
        : batch.map(() => res.status);
      return { httpStatus: res.status, statuses };
    }

    /** Opens the subscription with a malformed input and stops at its first answer. */
    async function subscribe(call: Call): Promise<Outcome> {
      const controller = new AbortController();
      const res = await fetch(
        `${server.url}/api/trpc/${call.path}?input=${encodeURIComponent(JSON.stringify(call.input)).slice(0, MAX_URL)}`,
        {
          headers: { cookie, accept: 'text/event-stream' },
          signal: controller.signal,
        },
      );
      controller.abort();
      return { httpStatus: res.status, statuses: [res.status] };
    }

    it(
      `never answers 500 and changes nothing (${PER_PROCEDURE} inputs to each procedure that reads one)`,
      { timeout: 600_000 },
      async () => {
        // The counts timeline is derived from the records and written only by writes; built first if
        // it is not, so that any change seen below is a procedure's write.
        await ensureCountsTimeline(database.db);
        const before = await snapshot(database.db);
        const rng = seededRandom(kind === 'pglite' ? 20_261_204 : 20_261_205);
        const queries: Call[] = [];
        const mutations: Call[] = [];
        const anonymous: Call[] = [];
        const streams: Call[] = [];
        const list = procedures();
        for (const { path, type, inputs } of list) {
          const wanted = inputs.length > 0 ? PER_PROCEDURE : PER_INPUTLESS_PROCEDURE;
          for (let given = 0, attempt = 0; given < wanted && attempt < wanted * 20; attempt++) {
            const input = JSON.parse(JSON.stringify(malformedInput(rng, TEMPLATES[path]) ?? null)) as unknown;
            // A mutation's input its parsers accept is not malformed: it could legitimately write.
            if (type === 'mutation' && inputs.length > 0 && (await parsersAccept(inputs, input))) continue;
            // A query travels in the URL: past Node's 16 KB of headers it never reaches OneMap.
            if (type !== 'mutation' && queryUrl([{ path, input }]).length > MAX_URL) continue;
            given++;
            // Signing out is fuzzed without the administrator's session, which it would end.
            if (path === 'auth.logout') anonymous.push({ path, input });
            else if (type === 'subscription') streams.push({ path, input });
            else (type === 'query' ? queries : mutations).push({ path, input });
          }
        }
        const work: (() => Promise<Outcome & { calls: Call[] }>)[] = [
          ...batches(queries, (b) => queryUrl(b).length, MAX_URL).map((b) => async () => ({
            ...(await send(b, 'GET', true)),
            calls: b,
          })),
          ...batches(mutations, (b) => inputsOf(b).length, MAX_BODY).map((b) => async () => ({
            ...(await send(b, 'POST', true)),
            calls: b,
          })),
          ...batches(anonymous, (b) => inputsOf(b).length, MAX_BODY).map((b) => async () => ({
            ...(await send(b, 'POST', false)),
            calls: b,
          })),
          ...streams.map((c) => async () => ({ ...(await subscribe(c)), calls: [c] })),
        ];

        const byStatus: Record<number, number> = {};
        const slow: Record<string, number> = {};
        const failures: string[] = [];
        let next = 0;
        const started = Date.now();
        await Promise.all(
          Array.from({ length: PARALLEL }, async () => {
            while (next < work.length) {
              const t0 = Date.now();
              const outcome = await work[next++]!();
              const ms = Date.now() - t0;
              for (const c of outcome.calls) slow[c.path] = (slow[c.path] ?? 0) + ms / outcome.calls.length;
              outcome.statuses.forEach((status, i) => {
                byStatus[status] = (byStatus[status] ?? 0) + 1;
                if (status >= 500)
                  failures.push(
                    `${outcome.calls[i]?.path}(${JSON.stringify(outcome.calls[i]?.input).slice(0, 200)}) → ${status}`,
                  );
              });
              if (outcome.httpStatus >= 500 && outcome.statuses.every((s) => s < 500))
                failures.push(`batch of ${outcome.calls.length} → HTTP ${outcome.httpStatus}`);
            }
          }),
        );
        const calls = queries.length + mutations.length + anonymous.length + streams.length;
        console.info(
          `${kind}: ${calls} malformed inputs to ${list.length} procedures in ${work.length} requests, ${((Date.now() - started) / 1000).toFixed(1)} s:`,
          byStatus,
        );
        console.info(
          'slowest (ms of requests, summed):',
          Object.entries(slow)
            .sort((a, b) => b[1] - a[1])
            .slice(0, 5)
            .map(([p, ms]) => `${p} ${Math.round(ms)}`)
            .join(', '),
        );
        expect(failures.slice(0, 10), `${failures.length} answers of 500`).toEqual([]);
        expect(calls).toBeGreaterThanOrEqual(
          list.reduce((sum, p) => sum + (p.inputs.length > 0 ? PER_PROCEDURE : PER_INPUTLESS_PROCEDURE), 0),
        );
        expect(byStatus[400] ?? 0, 'most inputs reached a procedure and were refused as bad input').toBeGreaterThan(
          calls / 2,
        );
        expect(await snapshot(database.db)).toEqual(before);
      },
    );
  });
}
