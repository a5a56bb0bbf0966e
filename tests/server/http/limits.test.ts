/**
 * Limits a client cannot talk the server out of: a body past 1 MB (30 MB for the uploads) is
 * refused before it is read, whether it declares its length or streams it chunked; a tRPC batch
 * holds at most 20 calls. A 300 MB body is streamed from a small buffer, never allocated.
 */
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../../server/http/server.ts';
import { MAX_BATCH_CALLS, UPLOAD_PROCEDURES } from '../../../server/http/limits.ts';
import { openFixtureDatabase, type TestDatabase } from '../../support/databases.ts';

const MB = 1024 * 1024;

interface Streamed {
  status: number;
  body: string;
  /** Bytes the client had handed to the socket when the answer came. */
  sentBeforeAnswer: number;
}

/**
 * POSTs `total` bytes of one repeated 64 KB chunk (declared in Content-Length, or chunked),
 * stopping as soon as the server answers or closes the connection.
 */
function streamPost(url: string, total: number, declareLength: boolean): Promise<Streamed> {
  const chunk = Buffer.alloc(64 * 1024, 'a');
  return new Promise((resolve, reject) => {
    let sent = 0;
    let answered = false;
    const req = request(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(declareLength ? { 'content-length': String(total) } : {}) },
    });
    req.on('response', (res) => {
      answered = true;
      const sentBeforeAnswer = sent;
      const parts: Buffer[] = [];
      res.on('data', (part: Buffer) => parts.push(part));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, body: Buffer.concat(parts).toString(), sentBeforeAnswer }),
      );
      res.on('error', reject);
    });
    // Writing into a socket the server closed: expected once it has answered.
    req.on('error', (error) => {
      if (!answered) reject(error);
    });
    const stopped = () => answered || req.destroyed;
    const pump = () => {
      while (!stopped() && sent < total) {
        sent += chunk.length;
        if (!req.write(chunk)) return void req.once('drain', pump);
      }
      if (!stopped()) req.end();
    };
    pump();
  });
}

describe('request limits over HTTP', () => {
  let database: TestDatabase;
  let server: RunningServer;
  beforeAll(async () => {
    database = await openFixtureDatabase('pglite');
    server = await startServer({ database, port: 0 });
  });
  afterAll(async () => {
    await server?.close();
    await database?.dispose();
  });

  it.each([
    ['declared in Content-Length', true],
    ['streamed chunked', false],
  ])(
    'refuses a 300 MB POST to auth.login (%s) with 413 in Chinese, without reading it into memory',
    { timeout: 60_000 },
    async (_, declared) => {
      global.gc?.();
      const before = process.memoryUsage().rss;
      const reply = await streamPost(`${server.url}/api/trpc/auth.login`, 300 * MB, declared);
      const grown = process.memoryUsage().rss - before;
      expect(reply.status).toBe(413);
      expect(JSON.parse(reply.body).error.message).toBe('请求内容过大（上限 1 MB）');
      expect(reply.sentBeforeAnswer, 'the server answered long before the body ended').toBeLessThan(64 * MB);
      expect(grown, 'server memory grew by less than 64 MB').toBeLessThan(64 * MB);
      // The server is still there for the next request.
      expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
    },
  );

  it('lets an upload procedure receive more than 1 MB, and no more than 30 MB', { timeout: 60_000 }, async () => {
    expect(UPLOAD_PROCEDURES).toEqual(['ledger.import', 'ledger.importBoundaries', 'attachments.upload']);
    const twoMb = await streamPost(`${server.url}/api/trpc/ledger.import`, 2 * MB, true);
    expect(twoMb.status, 'read and answered by the procedure (nobody signed in)').toBe(401);
    const tooBig = await streamPost(`${server.url}/api/trpc/ledger.import`, 31 * MB, true);
    expect(tooBig.status).toBe(413);
    expect(JSON.parse(tooBig.body).error.message).toBe('请求内容过大（上限 30 MB）');
    // An ordinary call batched with an upload gets the ordinary limit.
    const mixed = await streamPost(`${server.url}/api/trpc/ledger.import,auth.login?batch=1`, 2 * MB, true);
    expect(mixed.status).toBe(413);
  });

  it(`refuses a batch of more than ${MAX_BATCH_CALLS} calls with 400 in Chinese, before any call runs`, async () => {
    const batch = (n: number) => {
      const paths = Array.from({ length: n }, () => 'auth.me').join(',');
      const input = Object.fromEntries(Array.from({ length: n }, (_, i) => [i, {}]));
      return fetch(`${server.url}/api/trpc/${paths}?batch=1&input=${encodeURIComponent(JSON.stringify(input))}`);
    };
    const ok = await batch(MAX_BATCH_CALLS);
    expect(ok.status).toBe(200);
    expect(((await ok.json()) as unknown[]).length).toBe(MAX_BATCH_CALLS);
    const refused = await batch(200);
    expect(refused.status).toBe(400);
    const body = (await refused.json()) as { error: { message: string; data: { code: string; requestId: string } } };
    expect(body.error.message).toBe('一次请求最多包含 20 个调用');
    expect(body.error.data.code).toBe('BAD_REQUEST');
    expect(body.error.data.requestId).toBe(refused.headers.get('x-request-id'));
  });
});
