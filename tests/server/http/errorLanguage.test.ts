/**
 * Refusals in the reader's language, over real HTTP: with `x-onemap-lang: en` a procedure's
 * refusal (not signed in, wrong password, a missing permission, an unknown compound, a form the
 * input schema refuses) and a plain download's refusal read in English; without it, in the same
 * Chinese as before, byte for byte.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../../server/http/server.ts';
import { addUser } from '../../../server/services/auth/users.ts';
import { LANGUAGE_HEADER } from '../../../shared/language/index.ts';
import { openFixtureDatabase, type TestDatabase } from '../../support/databases.ts';

interface Refusal {
  status: number;
  message: string | undefined;
  zodIssues?: string[] | null;
}

const PASSWORD = 'Blue#Harbour-24';
const EN = { [LANGUAGE_HEADER]: 'en' };

describe('refusals in the reader’s language', () => {
  let database: TestDatabase;
  let server: RunningServer;
  const sessions: Record<'analyst' | 'admin', string> = { analyst: '', admin: '' };

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
      const res = await fetch(`${server.url}/api/trpc/auth.login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username, password: PASSWORD }),
      });
      sessions[role] = /onemap_session=[^;]*/.exec(res.headers.get('set-cookie') ?? '')![0];
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
});
