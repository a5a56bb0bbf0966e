/**
 * Several server processes on one PostgreSQL database: a change made through one process reaches
 * a wall on another at once (LISTEN/NOTIFY, no poll), a login made on one is valid on the other and
 * failed logins count across them; `serve --workers 2` answers on one port from two processes and
 * stops them all; the embedded database keeps one process and says so.
 */
import type { ChildProcess } from 'node:child_process';
import { get } from 'node:http';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { sql } from 'drizzle-orm';
import { compounds } from '../../../data/schema/index.ts';
import { workerCount } from '../../../server/cli/commands/serveWorkers.ts';
import { MAX_FAILURES_PER_USERNAME } from '../../../server/services/auth/login.ts';
import { todayInCity } from '../../../shared/time/dates.ts';
import { TEST_PASSWORD, testUser } from '../../support/callers.ts';
import { spawnCli } from '../../support/cli.ts';
import { availableBackends, openFixtureDatabase, type TestDatabase } from '../../support/databases.ts';
import type { LogLine } from '../../support/logs.ts';

interface Served {
  child: ChildProcess;
  lines(): LogLine[];
  url: string;
  exited: Promise<number | null>;
}

/** `onemap serve …` in a child process, once it has written its start line. */
async function serve(args: string[], env: Record<string, string>): Promise<Served> {
  const child = spawnCli(['serve', '--port', '0', ...args], { ...env, ONEMAP_LOG_LEVEL: 'info' });
  let stdout = '';
  child.stdout!.setEncoding('utf8');
  child.stdout!.on('data', (chunk: string) => (stdout += chunk));
  child.stderr!.resume();
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const lines = () =>
    stdout
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map((l) => JSON.parse(l) as LogLine);
  const start = await vi.waitFor(
    () => {
      const line = lines().find((l) => l.event === 'server.start');
      if (!line) throw new Error('not started yet');
      return line;
    },
    { timeout: 120_000, interval: 100 },
  );
  return { child, lines, url: start.url as string, exited };
}

async function login(url: string, username: string, password: string): Promise<Response> {
  return fetch(`${url}/api/trpc/auth.login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
}

/** A GET on a connection of its own, so that the cluster hands it to the next worker. */
function getOnNewConnection(url: string): Promise<string> {
  return new Promise((resolve, reject) => {
    get(url, { agent: false, headers: { connection: 'close' } }, (res) => {
      res.resume();
      res.on('end', () => resolve(String(res.headers['x-request-id'])));
    }).on('error', reject);
  });
}

describe.runIf(availableBackends().includes('postgres'))('server processes sharing PostgreSQL', () => {
  let database: TestDatabase;
  let env: Record<string, string>;
  const running: Served[] = [];
  beforeAll(async () => {
    database = await openFixtureDatabase('postgres');
    env = { DATABASE_URL: database.url! };
  });
  afterAll(async () => {
    for (const served of running) {
      served.child.kill('SIGTERM');
      await served.exited;
    }
    await database?.dispose();
  });

  it('pushes a change made through one process to a wall on another, with a login from the first', async () => {
    const [a, b] = await Promise.all([serve(['--workers', '1'], env), serve(['--workers', '1'], env)]);
    running.push(a!, b!);
    const staff = await testUser(database, 'township_staff');
    const signedIn = await login(a!.url, staff.username, TEST_PASSWORD);
    expect(signedIn.status).toBe(200);
    const cookie = signedIn.headers.getSetCookie().join('; ');

    // The wall on B, signed in with the session made on A.
    const stream = new AbortController();
    const res = await fetch(`${b!.url}/api/trpc/live.revision`, {
      headers: { cookie, accept: 'text/event-stream' },
      signal: stream.signal,
    });
    expect(res.status).toBe(200);
    const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
    let buffered = '';
    const nextRevision = async (): Promise<number> => {
      for (;;) {
        const match = /"revision":(\d+)/.exec(buffered);
        if (match) {
          buffered = buffered.slice(match.index + match[0].length);
          return Number(match[1]);
        }
        const { value, done } = await reader.read();
        if (done) throw new Error('the stream ended');
        buffered += value;
      }
    };
    try {
      const first = await nextRevision();
      const [compound] = await database.db
        .select({ code: compounds.code })
        .from(compounds)
        .where(sql`${compounds.townshipCode} = '350582103'`)
        .limit(1);
      const edit = await fetch(`${a!.url}/api/trpc/editing.recordMeeting`, {
        method: 'POST',
        headers: { cookie, 'content-type': 'application/json' },
        body: JSON.stringify({ compoundCode: compound!.code, heldOn: todayInCity(), attendees: 8, topics: '跨进程' }),
      });
      expect(edit.status, await edit.clone().text()).toBe(200);
      // B never polls: what it tells the wall came from the notification of A's commit.
      expect(await nextRevision()).toBeGreaterThan(first);
    } finally {
      stream.abort();
    }
  });

  it('counts failed logins across processes', async () => {
    const [a, b] = running;
    const user = await testUser(database, 'analyst');
    for (let i = 0; i < MAX_FAILURES_PER_USERNAME; i++)
      expect((await login(a!.url, user.username, 'wrong-password')).status).toBe(401);
    const refused = await login(b!.url, user.username, TEST_PASSWORD);
    expect(refused.status).toBe(429);
  });

  it('serves one port from two workers and stops them all on SIGTERM', async () => {
    const served = await serve(['--workers', '2'], env);
    const start = served.lines().find((l) => l.event === 'server.start');
    expect(start).toMatchObject({ workers: 2, database: 'postgres' });
    const pids = new Set<number>();
    await vi.waitFor(
      async () => {
        const id = await getOnNewConnection(`${served.url}/api/health`);
        const line = await vi.waitFor(() => {
          const found = served.lines().find((l) => l.msg === 'request' && l.requestId === id);
          if (!found) throw new Error('not logged yet');
          return found;
        });
        pids.add(line.pid as number);
        expect(pids.size).toBe(2);
      },
      { timeout: 30_000, interval: 0 },
    );
    expect(pids.has(served.child.pid!), 'the primary serves no request').toBe(false);
    served.child.kill('SIGTERM');
    expect(await served.exited).toBe(0);
    expect(served.lines().find((l) => l.event === 'server.stop')).toBeDefined();
    for (const pid of pids) expect(() => process.kill(pid, 0), `worker ${pid} is gone`).toThrow();
  });
});

describe('the number of server processes', () => {
  it('is one on the embedded database, said when more were asked for', () => {
    const said: string[] = [];
    const io = { stderr: { write: (line: string) => said.push(line) } };
    expect(workerCount('3', 'pglite', io, 8)).toBe(1);
    expect(said.join('')).toMatch(/只启动 1 个服务进程.*--workers 3 需要 PostgreSQL/);
    expect(workerCount(undefined, 'pglite', io, 8)).toBe(1);
    expect(said).toHaveLength(1);
  });

  it('is one per core on PostgreSQL unless asked', () => {
    const io = { stderr: { write: () => {} } };
    expect(workerCount(undefined, 'postgres', io, 2)).toBe(2);
    expect(workerCount('3', 'postgres', io, 2)).toBe(3);
    expect(() => workerCount('0', 'postgres', io, 2)).toThrow(/工作进程数/);
  });
});
