/**
 * Refusals in the reader's language, over real HTTP: with `x-onemap-lang: en` a procedure's
 * refusal (not signed in, wrong password, a missing permission, an unknown compound, a form the
 * input schema refuses) and a plain download's refusal read in English; without it, in the same
 * Chinese as before, byte for byte. The rarer ones too (issue 21): a boundary file, a backup, the
 * demonstration's safety catch, an evidence file's issue stage, a wall's ended sign-in, Chromium.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../../server/http/server.ts';
import { addUser } from '../../../server/services/auth/users.ts';
import { approximateTownshipBoundaries } from '../../../server/services/geo/townshipBoundaries.ts';
import { ChromiumError, launchChromium } from '../../../server/services/review/chromium.ts';
import { LANGUAGE_HEADER } from '../../../shared/language/index.ts';
import { openFixtureDatabase, type TestDatabase } from '../../support/databases.ts';
import { goodRows, ledgerCsv, uploadForm } from '../../support/ledgers.ts';

interface Refusal {
  status: number;
  message: string | undefined;
  zodIssues?: string[] | null;
}

const PASSWORD = 'Blue#Harbour-24';
const EN = { [LANGUAGE_HEADER]: 'en' };
/** Chinese characters: in an English sentence only inside the data it quotes. */
const HAN = /[\u4e00-\u9fff]/;

describe('refusals in the reader’s language', () => {
  let database: TestDatabase;
  let server: RunningServer;
  const sessions: Record<'analyst' | 'admin', string> = { analyst: '', admin: '' };

  async function signIn(username: string): Promise<string> {
    const res = await fetch(`${server.url}/api/trpc/auth.login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password: PASSWORD }),
    });
    return /onemap_session=[^;]*/.exec(res.headers.get('set-cookie') ?? '')![0];
  }

  beforeAll(async () => {
    database = await openFixtureDatabase('pglite');
    server = await startServer({ database, port: 0 });
    for (const role of ['analyst', 'admin'] as const) {
      const username = `lang-${role}`;
      await addUser(
        database.db,
        null,
        { username, displayName: username, role, password: PASSWORD },
        {
          mustChangePassword: false,
        },
      );
      sessions[role] = await signIn(username);
    }
  });
  afterAll(async () => {
    await server?.close();
    await database?.dispose();
  });

  async function call(
    path: string,
    input: unknown,
    headers: Record<string, string> = {},
    method: 'GET' | 'POST' = 'GET',
  ): Promise<Refusal> {
    const query = method === 'GET' && input !== undefined ? `?input=${encodeURIComponent(JSON.stringify(input))}` : '';
    const res = await fetch(`${server.url}/api/trpc/${path}${query}`, {
      method,
      headers: { 'content-type': 'application/json', ...headers },
      ...(method === 'POST' ? { body: JSON.stringify(input) } : {}),
    });
    const body = (await res.json()) as { error?: { message: string; data: { zodIssues?: string[] | null } } };
    return { status: res.status, message: body.error?.message, zodIssues: body.error?.data.zodIssues };
  }
  const as = (role: 'analyst' | 'admin', lang: Record<string, string> = {}) => ({ cookie: sessions[role], ...lang });

  /** A file sent as the /admin page and the phone send it (multipart/form-data). */
  async function upload(path: string, form: FormData, headers: Record<string, string>): Promise<Refusal> {
    const res = await fetch(`${server.url}/api/trpc/${path}`, { method: 'POST', headers, body: form });
    const body = (await res.json()) as { error?: { message: string } };
    return { status: res.status, message: body.error?.message };
  }

  it('says "sign in first" and a wrong password in English, and in the same Chinese without the header', async () => {
    expect(await call('geography.townships', undefined)).toMatchObject({ status: 401, message: '请先登录' });
    expect(await call('geography.townships', undefined, EN)).toMatchObject({
      status: 401,
      message: 'Please sign in first',
    });
    const wrong = { username: 'lang-analyst', password: 'Not#The-Password-1' };
    expect(await call('auth.login', wrong, {}, 'POST')).toMatchObject({ status: 401, message: '用户名或密码错误' });
    expect(await call('auth.login', wrong, EN, 'POST')).toMatchObject({
      status: 401,
      message: 'Wrong user name or password',
    });
  });

  it('says a missing permission in English', async () => {
    expect(await call('admin.auditLog', {}, as('analyst'))).toMatchObject({
      status: 403,
      message: '无权执行此操作（需要“审计查看”权限）',
    });
    expect(await call('admin.auditLog', {}, as('analyst', EN))).toMatchObject({
      status: 403,
      message: 'Not allowed (needs the “Audit viewing” permission)',
    });
  });

  it('says an unknown compound in English', async () => {
    const input = { code: 'no-such-compound' };
    expect(await call('compounds.history', input, as('analyst'))).toMatchObject({
      status: 400,
      message: '未知小区编码：no-such-compound',
    });
    expect(await call('compounds.history', input, as('analyst', EN))).toMatchObject({
      status: 400,
      message: 'Unknown compound code: no-such-compound',
    });
  });

  it('says a wrong week (checked by the shared week rules) in English', async () => {
    const input = { week: '2025-W7' };
    expect(await call('metrics.report', input, as('analyst'))).toMatchObject({
      status: 400,
      message: '周次无效：2025-W7（应为 YYYY-Www，如 2025-W07）',
    });
    expect(await call('metrics.report', input, as('analyst', EN))).toMatchObject({
      status: 400,
      message: 'Not a valid week: 2025-W7 (YYYY-Www, e.g. 2025-W07)',
    });
  });

  it('says a date range the wrong way round and a malformed township code in English', async () => {
    const range = { from: '2026-03-01', to: '2026-02-01' };
    expect(await call('admin.auditLog', range, as('admin'))).toMatchObject({
      status: 400,
      message: '起始日期不能晚于截止日期',
    });
    expect(await call('admin.auditLog', range, as('admin', EN))).toMatchObject({
      status: 400,
      message: 'The start date cannot be after the end date',
    });
    const township = { code: '12345' };
    expect((await call('review.township', township, as('analyst'))).message).toMatch(
      /^未知镇街代码：12345（镇街代码为9位数字，如 \d{9}）$/,
    );
    expect((await call('review.township', township, as('analyst', EN))).message).toMatch(
      /^Unknown township code: 12345 \(a township code has 9 digits, e.g. \d{9}\)$/,
    );
  });

  it('says what the input schema refused in English, field by field', async () => {
    const input = { page: 0, pageSize: 500 };
    expect(await call('admin.auditLog', input, as('admin'))).toMatchObject({
      status: 400,
      message: '请求参数无效：page：页码至少为1；pageSize：每页最多200条',
    });
    expect(await call('admin.auditLog', input, as('admin', EN))).toMatchObject({
      status: 400,
      message: 'Invalid request: page: must be at least 1; pageSize: must be at most 200',
    });
  });

  it('says a refused download in the language of the header or of the link', async () => {
    const text = async (path: string, headers: Record<string, string> = {}) => {
      const res = await fetch(`${server.url}${path}`, { headers });
      return [res.status, await res.text()];
    };
    expect(await text('/api/backup')).toEqual([401, '请先登录']);
    expect(await text('/api/backup', EN)).toEqual([401, 'Please sign in first']);
    expect(await text('/api/backup?lang=en')).toEqual([401, 'Please sign in first']);
    expect(await text('/api/backup?lang=en', { cookie: sessions.analyst })).toEqual([
      403,
      'Not allowed (needs the “Account management” permission)',
    ]);
  });
  it('says what is wrong with a boundary file in English, the townships and the values read left as they are', async () => {
    const point = {
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', properties: { name: '陈埭镇' }, geometry: { type: 'Point', coordinates: [118.6, 24.8] } },
      ],
    };
    const form = (json: unknown, fields: Record<string, string> = {}) =>
      uploadForm('towns.geojson', JSON.stringify(json), { dryRun: 'true', ...fields });
    expect(await upload('ledger.importBoundaries', form(point), as('admin'))).toEqual({
      status: 400,
      message: '第1个要素的几何类型为 Point：镇街边界应为 Polygon 或 MultiPolygon',
    });
    expect(await upload('ledger.importBoundaries', form(point), as('admin', EN))).toEqual({
      status: 400,
      message: 'Feature 1 is a Point: a township boundary is a Polygon or MultiPolygon',
    });

    const ring = [
      [118.5, 24.8],
      [118.6, 24.8],
      [118.6, 24.9],
      [118.5, 24.8],
    ];
    const mars = {
      type: 'FeatureCollection',
      features: [{ type: 'Feature', properties: { name: '火星' }, geometry: { type: 'Polygon', coordinates: [ring] } }],
    };
    const zh = await upload('ledger.importBoundaries', form(mars), as('admin'));
    expect(zh.message).toMatch(
      /^towns\.geojson 中没有任何要素能对应到晋江市的镇街：要素属性中应有镇街代码（如 \d{9}）或名称（如 \S+）；读到的属性值为 “火星”（GeoJSON 应为 UTF-8）$/,
    );
    const en = await upload('ledger.importBoundaries', form(mars), as('admin', EN));
    const example = /\(e\.g\. (\S+)\);/.exec(en.message ?? '')?.[1] ?? '';
    expect(en.message).toMatch(
      /^No feature in towns\.geojson matches a township of Jinjiang: a feature's properties should hold a township code \(e\.g\. \d{9}\) or name \(e\.g\. \S+\); the values read were “火星” \(GeoJSON should be UTF-8\)$/,
    );
    expect(en.message!.replaceAll('火星', '').replaceAll(example, ''), 'Chinese only in the data').not.toMatch(HAN);

    // A dry run's skipped feature: its properties punctuated in the reader's language.
    const [first] = approximateTownshipBoundaries().features;
    const mixed = {
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', properties: { code: first!.properties.code }, geometry: first!.geometry },
        mars.features[0],
      ],
    };
    const unmatched = async (headers: Record<string, string>) => {
      const res = await fetch(`${server.url}/api/trpc/ledger.importBoundaries`, {
        method: 'POST',
        headers,
        body: form(mixed),
      });
      const body = (await res.json()) as { result: { data: { unmatched: { label: string }[] } } };
      return body.result.data.unmatched.map((u) => u.label);
    };
    expect(await unmatched(as('admin'))).toEqual(['name：火星']);
    expect(await unmatched(as('admin', EN))).toEqual(['name: 火星']);
  });

  it('says what the request guards refuse, and an unknown address, in English', async () => {
    const plain = async (headers: Record<string, string>) => {
      const res = await fetch(`${server.url}/api/trpc/auth.logout`, {
        method: 'POST',
        headers: { 'content-type': 'text/plain', ...headers },
        body: 'null',
      });
      return [res.status, ((await res.json()) as { error: { message: string } }).error.message];
    };
    expect(await plain({})).toEqual([415, '请求格式不受支持（应为 JSON）']);
    expect(await plain(EN)).toEqual([415, 'Request format not supported (it should be JSON)']);
    const unknown = async (headers: Record<string, string>) => {
      const res = await fetch(`${server.url}/api/nothing-here`, { headers });
      return [res.status, ((await res.json()) as { error: string }).error];
    };
    expect(await unknown({})).toEqual([404, '未知接口']);
    expect(await unknown(EN)).toEqual([404, 'Unknown API']);
  });

  it('says a backup that is not there in English', async () => {
    const text = async (path: string, headers: Record<string, string>) => {
      const res = await fetch(`${server.url}${path}`, { headers });
      return [res.status, await res.text()];
    };
    expect(await text('/api/backup?file=nope.jsonl.gz', as('admin'))).toEqual([400, '没有定时备份 nope.jsonl.gz']);
    expect(await text('/api/backup?file=nope.jsonl.gz&lang=en', as('admin'))).toEqual([
      400,
      'There is no scheduled backup nope.jsonl.gz',
    ]);
  });

  it('says the demonstration’s safety catch in English, the city’s name as it is typed', async () => {
    const ledger = (fields: Record<string, string>) =>
      uploadForm('台账.csv', ledgerCsv(goodRows(3)), { dryRun: 'false', ...fields });
    const unticked = { replaceDemo: 'false' };
    expect(await upload('ledger.import', ledger(unticked), as('admin'))).toEqual({
      status: 400,
      message:
        '数据库中是演示数据：真实台账不能与演示小区混在一起。请勾选“清除演示数据后导入”，先试导入查看将删除的内容，再输入城市名称确认导入（镇街、边界和目标保留）',
    });
    const en = await upload('ledger.import', ledger(unticked), as('admin', EN));
    expect(en.message).toMatch(/^The database holds the demonstration: .*Tick "Remove the demonstration data first"/);
    expect(en.message).not.toMatch(HAN);

    const wrongCity = { replaceDemo: 'true', confirmCity: '泉州市' };
    expect(await upload('ledger.import', ledger(wrongCity), as('admin'))).toEqual({
      status: 400,
      message: '这次导入将删除全部演示小区及其全部历史记录：请输入城市名称“晋江市”确认后再导入',
    });
    expect(await upload('ledger.import', ledger(wrongCity), as('admin', EN))).toEqual({
      status: 400,
      message:
        'This import deletes every demonstration compound and all its history: type the city\'s name "晋江市" to confirm, then import',
    });
  });

  it('says an evidence file’s unknown issue stage in English', async () => {
    const jpeg = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]);
    const form = () => uploadForm('photo.jpg', jpeg, { ownerKind: 'issue_stage', ownerId: '1', stage: 'finished' });
    expect(await upload('attachments.upload', form(), as('admin'))).toEqual({
      status: 400,
      message: '诉求环节应为 受理、派单、办理中、办结、回访 之一',
    });
    expect(await upload('attachments.upload', form(), as('admin', EN))).toEqual({
      status: 400,
      message: "An issue's stage should be one of accepted, dispatched, in progress, closed, revisited",
    });
  });

  it('ends a wall’s live stream in English when its sign-in has ended', async () => {
    await addUser(
      database.db,
      null,
      { username: 'lang-wall', displayName: 'lang-wall', role: 'leader', password: PASSWORD },
      { mustChangePassword: false },
    );
    const cookie = await signIn('lang-wall');
    const stream = new AbortController();
    const res = await fetch(`${server.url}/api/trpc/live.revision`, {
      headers: { cookie, accept: 'text/event-stream', ...EN },
      signal: stream.signal,
    });
    const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
    try {
      let heard = '';
      const until = async (pattern: RegExp): Promise<RegExpExecArray> => {
        for (;;) {
          const match = pattern.exec(heard);
          if (match) return match;
          const { value, done } = await reader.read();
          if (done) throw new Error(`stream ended before ${pattern}: ${heard}`);
          heard += value;
        }
      };
      await until(/"revision":\d+/);
      await fetch(`${server.url}/api/trpc/auth.logout`, {
        method: 'POST',
        headers: { cookie, 'content-type': 'application/json' },
        body: '{}',
      });
      // The stream checks its sign-in every STILL_SIGNED_IN_MS (10 s), then ends with UNAUTHORIZED.
      const ended = await until(/"message":"([^"]*)"[^\n]*"code":"UNAUTHORIZED"/);
      expect(ended[1]).toBe('Your sign-in has expired; please sign in again');
    } finally {
      stream.abort();
    }
  }, 60_000);

  it('says in both languages why Chromium cannot print', async () => {
    const before = process.env.CHROMIUM_PATH;
    process.env.CHROMIUM_PATH = '/nonexistent/chromium';
    try {
      const error = await launchChromium().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ChromiumError);
      const { message, said } = error as ChromiumError;
      expect(message).toMatch(
        /^无法启动 Chromium（\/nonexistent\/chromium）：.*。请安装 chromium 与 fonts-noto-cjk，或用 CHROMIUM_PATH 指定。$/,
      );
      expect(said?.en).toMatch(
        /^Cannot start Chromium \(\/nonexistent\/chromium\): .*\. Install chromium and fonts-noto-cjk, or name it with CHROMIUM_PATH\.$/,
      );
      expect(said?.en).not.toMatch(HAN);
    } finally {
      if (before === undefined) delete process.env.CHROMIUM_PATH;
      else process.env.CHROMIUM_PATH = before;
    }
  });
});
