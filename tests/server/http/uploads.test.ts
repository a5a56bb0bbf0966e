/**
 * The ledger and boundary uploads over real HTTP, as the /admin page sends them (multipart/
 * form-data): a ledger of several megabytes goes through (base64 in JSON stopped near 75 KB),
 * official boundaries are checked then imported, a file above 30 MB is refused in Chinese, and
 * only administrators may upload.
 */
import { request } from 'node:http';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as schema from '../../../data/schema/index.ts';
import { UPLOAD_PROCEDURES } from '../../../server/http/limits.ts';
import { startServer, type RunningServer } from '../../../server/http/server.ts';
import { approximateTownshipBoundaries } from '../../../server/services/geo/townshipBoundaries.ts';
import { actorAs } from '../../support/callers.ts';
import { availableBackends, openFixtureDatabase, type TestDatabase } from '../../support/databases.ts';
import { goodRows, ledgerCsv, uploadForm } from '../../support/ledgers.ts';
import { parsersAccept, procedures } from '../../support/procedures.ts';

interface Reply<T = unknown> {
  status: number;
  body: { result?: { data: T }; error?: { message: string; data: { code: string } } };
}

const LEDGER_ROWS = 25_000;

describe('the upload procedures', () => {
  it('are mutations of the router that take a FormData, and nothing else', async () => {
    for (const path of UPLOAD_PROCEDURES) {
      const procedure = procedures().find((p) => p.path === path);
      expect(procedure?.type, path).toBe('mutation');
      // An evidence file names the record it belongs to; the ledger's and boundaries' fields have defaults.
      const fields: Record<string, string> =
        path === 'attachments.upload' ? { ownerKind: 'meeting', ownerId: '1' } : {};
      expect(await parsersAccept(procedure!.inputs, uploadForm('台账.csv', 'x', fields)), path).toBe(true);
      expect(await parsersAccept(procedure!.inputs, { fileName: '台账.csv', base64: 'eA==' }), path).toBe(false);
    }
  });
});

describe.each(availableBackends())('uploads over HTTP (%s)', (kind) => {
  let database: TestDatabase;
  let server: RunningServer;
  let admin: Record<string, string>;
  let analyst: Record<string, string>;
  beforeAll(async () => {
    database = await openFixtureDatabase(kind);
    server = await startServer({ database, port: 0 });
    admin = { cookie: `onemap_session=${(await actorAs(database, 'admin')).token}` };
    analyst = { cookie: `onemap_session=${(await actorAs(database, 'analyst')).token}` };
  });
  afterAll(async () => {
    await server?.close();
    await database?.dispose();
  });

  /**
   * A POST as the page sends it, each on a new connection: a reused keep-alive connection that the
   * server closes after 5 s idle (Node's default) can be reset under a 30 MB body in this shared,
   * busy test process — a browser retries that on a new connection by itself.
   */
  async function upload<T>(path: string, form: FormData | string, headers: Record<string, string>): Promise<Reply<T>> {
    const encoded = new Request(server.url, {
      method: 'POST',
      body: form,
      headers: typeof form === 'string' ? { 'content-type': 'application/json' } : {},
    });
    const body = Buffer.from(await encoded.arrayBuffer());
    return new Promise((resolve, reject) => {
      const req = request(
        `${server.url}/api/trpc/${path}`,
        {
          method: 'POST',
          agent: false,
          headers: { ...headers, 'content-type': encoded.headers.get('content-type')!, 'content-length': body.length },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () =>
            resolve({
              status: res.statusCode!,
              body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as Reply<T>['body'],
            }),
          );
        },
      );
      req.on('error', reject);
      req.end(body);
    });
  }

  it('takes a ledger of several megabytes as a file and reports every row', async () => {
    const csv = ledgerCsv(goodRows(LEDGER_ROWS));
    expect(Buffer.byteLength(csv), 'a ledger of over 4 MB').toBeGreaterThan(4_000_000);
    const reply = await upload<{ status: string; rows: number; counts: { new: number } }>(
      'ledger.import',
      uploadForm('台账.csv', csv, { crs: 'wgs84', dryRun: true, replaceDemo: true }),
      admin,
    );
    expect(reply.status, reply.body.error?.message).toBe(200);
    expect(reply.body.result?.data).toMatchObject({
      status: 'dry-run',
      rows: LEDGER_ROWS,
      counts: { new: LEDGER_ROWS },
    });
    expect(
      (await database.db.select().from(schema.compounds).where(eq(schema.compounds.code, 'T-0001'))).length,
      'a dry run writes nothing',
    ).toBe(0);
  }, 300_000);

  it('checks official boundaries in a dry run, then imports them', async () => {
    const official = JSON.stringify({
      type: 'FeatureCollection',
      features: approximateTownshipBoundaries()
        .features.slice(0, 3)
        .map((f) => ({ type: 'Feature', geometry: f.geometry, properties: { XZQDM: f.properties.code } })),
    });
    type Report = { status: string; matched: { code: string }[]; missing: unknown[] };
    const dry = await upload<Report>(
      'ledger.importBoundaries',
      uploadForm('镇街边界.geojson', official, { crs: 'wgs84', dryRun: true }),
      admin,
    );
    expect(dry.status, dry.body.error?.message).toBe(200);
    expect(dry.body.result?.data).toMatchObject({ status: 'dry-run', missing: expect.any(Array) });
    expect(dry.body.result!.data.matched).toHaveLength(3);
    const code = dry.body.result!.data.matched[0]!.code;
    const sourceOf = async () =>
      (await database.db.select().from(schema.townships).where(eq(schema.townships.code, code)))[0]!.boundarySource;
    expect(await sourceOf()).toBe('approximate');

    const done = await upload<Report>(
      'ledger.importBoundaries',
      uploadForm('镇街边界.geojson', official, { dryRun: false }),
      admin,
    );
    expect(done.status, done.body.error?.message).toBe(200);
    expect(done.body.result?.data.status).toBe('imported');
    expect(await sourceOf()).toBe('official');

    const bad = await upload('ledger.importBoundaries', uploadForm('边界.geojson', '{"type":"Point"'), admin);
    expect(bad.status).toBe(400);
    expect(bad.body.error?.message).toMatch(/^边界\.geojson 不是有效的 GeoJSON/);
  }, 120_000);

  it('refuses a file above 30 MB with one Chinese line', async () => {
    const big = new Uint8Array(30 * 1024 * 1024 + 1).fill(0x41);
    for (const path of UPLOAD_PROCEDURES) {
      const reply = await upload(path, uploadForm('大文件.csv', big, { dryRun: true }), admin);
      expect(reply.status, path).toBe(400);
      expect(reply.body.error?.message, path).toBe('文件过大（30.0 MB）：最大 30 MB');
    }
  }, 120_000);

  it('refuses a base64 body in JSON, and uploads by anyone but an administrator', async () => {
    const json = await upload(
      'ledger.import',
      JSON.stringify({ fileName: '台账.csv', base64: Buffer.from(ledgerCsv(goodRows(2))).toString('base64') }),
      admin,
    );
    expect(json.status).toBe(400);
    expect(json.body.error?.message).toMatch(/文件上传/);
    for (const path of UPLOAD_PROCEDURES) {
      const reply = await upload(
        path,
        uploadForm('台账.csv', ledgerCsv(goodRows(2)), { dryRun: false, replaceDemo: true }),
        analyst,
      );
      expect(reply.status, path).toBe(403);
      const anonymous = await upload(path, uploadForm('台账.csv', ledgerCsv(goodRows(2))), {});
      expect(anonymous.status, path).toBe(401);
    }
    expect((await database.db.select().from(schema.compounds).where(eq(schema.compounds.code, 'T-0001'))).length).toBe(
      0,
    );
  });
});
