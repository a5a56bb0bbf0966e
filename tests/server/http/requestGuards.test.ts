/**
 * Writes come only from OneMap's own pages, as JSON: a POST with a foreign Origin (or a browser's
 * Sec-Fetch-Site saying cross-site), or one a plain HTML form could send (form-encoded,
 * text/plain, multipart to an ordinary procedure), is refused before any procedure runs.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../../server/http/server.ts';
import { actorAs } from '../../support/callers.ts';
import { openFixtureDatabase, type TestDatabase } from '../../support/databases.ts';

interface Reply {
  status: number;
  message: string | undefined;
}

describe('same-origin JSON writes', () => {
  let database: TestDatabase;
  let server: RunningServer;
  let cookie: string;
  beforeAll(async () => {
    database = await openFixtureDatabase('pglite');
    server = await startServer({ database, port: 0 });
    cookie = `onemap_session=${(await actorAs(database, 'admin')).token}`;
  });
  afterAll(async () => {
    await server?.close();
    await database?.dispose();
  });

  async function post(path: string, headers: Record<string, string>, body = 'null'): Promise<Reply> {
    const res = await fetch(`${server.url}/api/trpc/${path}`, {
      method: 'POST',
      headers: { cookie, ...headers },
      body,
    });
    const text = await res.text();
    let message: string | undefined;
    try {
      message = (JSON.parse(text) as { error?: { message: string } }).error?.message;
    } catch {
      message = text;
    }
    return { status: res.status, message };
  }
  const signedIn = async () =>
    (await fetch(`${server.url}/api/trpc/system.info`, { headers: { cookie } })).status === 200;
  const own = () => new URL(server.url).origin;

  it('refuses auth.logout from a foreign Origin or a cross-site fetch: the session stays', async () => {
    const json = { 'content-type': 'application/json' };
    const foreign = await post('auth.logout', { ...json, origin: 'https://evil.example' });
    expect(foreign.status).toBe(403);
    expect(foreign.message).toBe('拒绝来自其他网站的请求');
    expect((await post('auth.logout', { ...json, origin: 'null' })).status).toBe(403);
    expect((await post('auth.logout', { ...json, 'sec-fetch-site': 'cross-site' })).status).toBe(403);
    expect(
      (await post('auth.logout', { ...json, origin: `http://localhost.evil.example:${new URL(server.url).port}` }))
        .status,
    ).toBe(403);
    expect(await signedIn(), 'still signed in after the refused logouts').toBe(true);
  });

  it.each([
    ['application/x-www-form-urlencoded', 'input=null'],
    ['text/plain', 'null'],
    ['multipart/form-data; boundary=x', '--x--\r\n'],
  ])('refuses a write sent as %s with 415, even from the same origin', async (type, body) => {
    const reply = await post('auth.logout', { 'content-type': type, origin: own() }, body);
    expect(reply.status).toBe(415);
    expect(reply.message).toBe('请求格式不受支持（应为 JSON）');
    expect(await signedIn()).toBe(true);
    // No content type at all is no JSON either.
    expect((await post('review.markReviewed', {}, '{"week":"2025-W30"}')).status).toBe(415);
  });

  it('accepts JSON from its own origin, and from programs that send no Origin', async () => {
    const fromPage = await post(
      'review.markReviewed',
      { 'content-type': 'application/json', origin: own(), 'sec-fetch-site': 'same-origin' },
      JSON.stringify({ week: '2025-W30' }),
    );
    expect(fromPage.status).toBe(200);
    const out = await post('auth.logout', { 'content-type': 'application/json' });
    expect(out.status).toBe(200);
    expect(await signedIn(), 'a same-origin logout signs out').toBe(false);
  });
});
