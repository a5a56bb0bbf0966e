import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../../server/http/server.ts';
import { actorAs } from '../../support/callers.ts';
import { availableBackends, openFixtureDatabase, type TestDatabase } from '../../support/databases.ts';

describe.each(availableBackends())('HTTP server (%s)', (kind) => {
  let database: TestDatabase;
  let server: RunningServer;
  let session: { cookie: string };
  beforeAll(async () => {
    database = await openFixtureDatabase(kind);
    server = await startServer({ database, port: 0 });
    session = { cookie: `onemap_session=${(await actorAs(database, 'leader')).token}` };
  });
  afterAll(async () => {
    await server?.close();
    await database?.dispose();
  });

  it('reports health with the database kind and the number of compounds', async () => {
    const res = await fetch(`${server.url}/api/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true, database: kind, compounds: 347 });
  });

  it('answers tRPC queries and refuses a malformed date with a Chinese message', async () => {
    const good = await fetch(
      `${server.url}/api/trpc/compounds.status?input=${encodeURIComponent(JSON.stringify({ asOf: '2025-06-30' }))}`,
      { headers: session },
    );
    expect(good.status).toBe(200);
    const body = (await good.json()) as { result: { data: unknown[] } };
    expect(body.result.data.length).toBeGreaterThan(300);

    const bad = await fetch(
      `${server.url}/api/trpc/compounds.status?input=${encodeURIComponent(JSON.stringify({ asOf: '2023-13-01' }))}`,
      { headers: session },
    );
    expect(bad.status).toBe(400);
    const error = (await bad.json()) as { error: { message: string; data: { code: string } } };
    expect(error.error.data.code).toBe('BAD_REQUEST');
    expect(error.error.message).toMatch(/无效/);
  });

  it('answers an unknown API path with 404 JSON', async () => {
    const res = await fetch(`${server.url}/api/nothing-here`);
    expect(res.status).toBe(404);
  });
});
