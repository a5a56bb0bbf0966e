/**
 * HTTPS without a proxy: `onemap serve --tls-cert --tls-key` (or ONEMAP_TLS_CERT/KEY) with a
 * self-signed certificate made here by openssl. The server speaks HTTPS with HSTS, the session
 * cookie is Secure, and a missing, non-PEM or mismatched file stops `serve` with one Chinese line.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { request } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../../server/http/server.ts';
import { readTlsFiles } from '../../../server/http/tls.ts';
import { DEMO_ACCOUNTS } from '../../../server/services/auth/demoAccounts.ts';
import { runCliProcess, spawnCli } from '../../support/cli.ts';
import { fixtureDataDir, openFixtureDatabase, type TestDatabase } from '../../support/databases.ts';

const dir = mkdtempSync(join(tmpdir(), 'onemap-tls-'));

/** A self-signed certificate for 127.0.0.1 and its key (PEM), written into `dir`. */
function selfSigned(name: string): { cert: string; key: string } {
  const cert = join(dir, `${name}.crt`);
  const key = join(dir, `${name}.key`);
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:prime256v1',
      '-nodes',
      '-days',
      '2',
      '-subj',
      '/CN=127.0.0.1',
      '-addext',
      'subjectAltName=IP:127.0.0.1',
      '-keyout',
      key,
      '-out',
      cert,
    ],
    { stdio: 'ignore' },
  );
  return { cert, key };
}

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** An HTTPS request trusting only the test's certificate. */
function httpsRequest(
  url: string,
  ca: Buffer,
  options: { method?: string; body?: string; headers?: Record<string, string> } = {},
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(url, { ca, method: options.method ?? 'GET', headers: options.headers ?? {} }, (res) => {
      const parts: Buffer[] = [];
      res.on('data', (part: Buffer) => parts.push(part));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(parts).toString() }),
      );
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

describe('HTTPS', () => {
  const good = selfSigned('good');
  const other = selfSigned('other');
  let database: TestDatabase;
  let server: RunningServer;
  beforeAll(async () => {
    database = await openFixtureDatabase('pglite');
    server = await startServer({ database, port: 0, tls: readTlsFiles(good.cert, good.key) });
  });
  afterAll(async () => {
    await server?.close();
    await database?.dispose();
  });

  it('serves the API over HTTPS with HSTS, and signs in with a Secure cookie', async () => {
    expect(server.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    const ca = readTlsFiles(good.cert, good.key).cert;
    const health = await httpsRequest(`${server.url}/api/health`, ca);
    expect(health.status).toBe(200);
    expect(health.headers['strict-transport-security']).toBe('max-age=31536000');
    const admin = DEMO_ACCOUNTS.find((a) => a.role === 'admin')!;
    const login = await httpsRequest(`${server.url}/api/trpc/auth.login`, ca, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: server.url },
      body: JSON.stringify({ username: admin.username, password: admin.password }),
    });
    expect(login.status).toBe(200);
    expect(String(login.headers['set-cookie'])).toMatch(/; Secure/);
    // Plain HTTP to the HTTPS port is no way around it.
    await expect(fetch(server.url.replace('https:', 'http:') + '/api/health')).rejects.toThrow();
  });

  it('starts `onemap serve --tls-cert --tls-key` on HTTPS', { timeout: 120_000 }, async () => {
    const dataDir = await fixtureDataDir();
    const child = spawnCli(['serve', '--port', '0', '--tls-cert', good.cert, '--tls-key', good.key], {
      ONEMAP_DATA_DIR: dataDir,
    });
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let err = '';
        child.stderr!.on('data', (part: Buffer) => {
          err += part.toString();
          const started = /OneMap 已启动：(https:\/\/[^/]+)\//.exec(err);
          if (started) resolve(started[1]!);
        });
        child.once('exit', () => reject(new Error(`serve exited: ${err}`)));
      });
      const health = await httpsRequest(`${url}/api/health`, readTlsFiles(good.cert, good.key).cert);
      expect(health.status).toBe(200);
      expect(health.headers['strict-transport-security']).toBeDefined();
    } finally {
      child.kill('SIGTERM');
    }
  });

  it.each([
    [
      'a missing certificate',
      () => ['--tls-cert', join(dir, 'none.crt'), '--tls-key', good.key],
      /^onemap: 无法读取证书文件 .*none\.crt（ENOENT）$/,
    ],
    [
      'a key that is not PEM',
      () => ['--tls-cert', good.cert, '--tls-key', writeJunk('junk.key')],
      /^onemap: 私钥文件 .*junk\.key 不是有效的 PEM 私钥/,
    ],
    [
      'a certificate that is not PEM',
      () => ['--tls-cert', writeJunk('junk.crt'), '--tls-key', good.key],
      /^onemap: 证书文件 .*junk\.crt 不是有效的 PEM 证书$/,
    ],
    [
      'a key of another certificate',
      () => ['--tls-cert', good.cert, '--tls-key', other.key],
      /^onemap: 私钥 .*other\.key 与证书 .*good\.crt 不匹配$/,
    ],
    ['a certificate without its key', () => ['--tls-cert', good.cert], /^onemap: HTTPS 需要同时指定证书与私钥/],
  ])('refuses to start with %s, in one Chinese line', { timeout: 60_000 }, async (_, args, message) => {
    const result = await runCliProcess(['serve', '--port', '0', ...args()], {
      ONEMAP_DATA_DIR: join(dir, 'never-opened'),
    });
    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toMatch(message);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('reads the files from ONEMAP_TLS_CERT and ONEMAP_TLS_KEY too', { timeout: 60_000 }, async () => {
    const result = await runCliProcess(['serve', '--port', '0'], {
      ONEMAP_DATA_DIR: join(dir, 'never-opened'),
      ONEMAP_TLS_CERT: good.cert,
      ONEMAP_TLS_KEY: other.key,
    });
    expect(result.stderr.trim()).toMatch(/^onemap: 私钥 .*other\.key 与证书 .*good\.crt 不匹配$/);
  });
});

function writeJunk(name: string): string {
  const path = join(dir, name);
  writeFileSync(path, 'not a pem file\n');
  return path;
}
