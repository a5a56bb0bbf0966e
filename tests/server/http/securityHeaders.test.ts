/**
 * Every response carries the headers that keep a browser from running foreign script in OneMap's
 * pages, framing them, sniffing types or leaking addresses; the wall may be framed only by the
 * origins an administrator names in ONEMAP_FRAME_ANCESTORS.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../../server/http/server.ts';
import { openFixtureDatabase, type TestDatabase } from '../../support/databases.ts';

describe('security headers', () => {
  let database: TestDatabase;
  let server: RunningServer;
  let previous: string | undefined;
  beforeAll(async () => {
    previous = process.env.ONEMAP_FRAME_ANCESTORS;
    process.env.ONEMAP_FRAME_ANCESTORS =
      'https://portal.example.gov javascript:alert(1) https://screens.example.gov:8443';
    database = await openFixtureDatabase('pglite');
    server = await startServer({ database, port: 0 });
  });
  afterAll(async () => {
    if (previous === undefined) delete process.env.ONEMAP_FRAME_ANCESTORS;
    else process.env.ONEMAP_FRAME_ANCESTORS = previous;
    await server?.close();
    await database?.dispose();
  });

  it.each([
    '/',
    '/workbench',
    '/assets/missing.js',
    '/api/health',
    '/api/trpc/auth.me',
    '/api/trpc/no.such',
    '/api/nothing',
  ])('%s: CSP without inline script, no framing, nosniff, same-origin referrer, a request id', async (path) => {
    const res = await fetch(`${server.url}${path}`);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toMatch(/frame-ancestors 'none'/);
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('same-origin');
    expect(res.headers.get('strict-transport-security'), 'HSTS only on https').toBeNull();
    expect(res.headers.get('x-request-id')).toMatch(/^[A-Za-z0-9_-]{12}$/);
    const scriptSrc = /script-src ([^;]*)/.exec(csp)?.[1] ?? '';
    expect(scriptSrc).toBe("'self'");
    expect(csp).not.toMatch(/unsafe-eval/);
    expect(csp).toMatch(/default-src 'self'/);
  });

  it('lets only the configured origins frame the wall', async () => {
    const res = await fetch(`${server.url}/wall`);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toMatch(/frame-ancestors https:\/\/portal\.example\.gov https:\/\/screens\.example\.gov:8443(;|$)/);
    expect(csp, 'what is not an origin is ignored').not.toMatch(/javascript/);
    expect(res.headers.get('x-frame-options')).toBeNull();
  });

  it('gives each response its own request id', async () => {
    const ids = await Promise.all(
      Array.from({ length: 5 }, async () => (await fetch(`${server.url}/api/health`)).headers.get('x-request-id')),
    );
    expect(new Set(ids).size).toBe(5);
  });
});
