import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStaticHandler } from '../../../server/http/staticFiles.ts';

function get(
  url: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; headers: Record<string, unknown>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    request(url, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    })
      .on('error', reject)
      .end();
  });
}

describe('static client files', () => {
  let server: Server;
  let base: string;
  const script = 'console.log("onemap");\n'.repeat(200);
  beforeAll(async () => {
    const root = mkdtempSync(join(tmpdir(), 'onemap-static-'));
    mkdirSync(join(root, 'assets'));
    writeFileSync(join(root, 'index.html'), '<!doctype html><title>一张图</title>');
    writeFileSync(join(root, 'assets', 'app-1234.js'), script);
    const serve = createStaticHandler(root);
    server = createServer((req, res) => void serve(req, res));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  it('serves hashed assets gzip-compressed and cached for a year', async () => {
    const res = await get(`${base}/assets/app-1234.js`, { 'accept-encoding': 'gzip' });
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(res.headers['cache-control']).toMatch(/immutable/);
    expect(gunzipSync(res.body).toString()).toBe(script);
  });

  it('falls back to index.html for app routes, but not for missing files', async () => {
    const route = await get(`${base}/township/350582103`);
    expect(route.status).toBe(200);
    expect(route.body.toString()).toContain('一张图');
    expect((await get(`${base}/assets/missing.js`)).status).toBe(404);
  });

  it('never serves files outside its folder', async () => {
    const res = await get(`${base}/..%2f..%2fetc/passwd`);
    expect([403, 404]).toContain(res.status);
    expect(res.body.toString()).not.toContain('root:');
  });
});
