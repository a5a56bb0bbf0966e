/**
 * Notifications on both databases: the webhooks post the JSON 企业微信 and 钉钉 group robots accept
 * (钉钉 signed) to a local receiver (node:http on an ephemeral port — never a real service), on
 * the events each scope hears of; a failed post is retried after the back-off (driven by
 * deliverDue with a later `now`), given up after 5 tries and shown to the administrator; a
 * redirect is not followed. Then warnings through the API (to an item, dismissed) and the inbox
 * as each role sees it.
 */
import { createHmac } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../../../server/db/connection.ts';
import { deliverDue, RETRY_DELAYS_MS } from '../../../../server/services/webhooks/outbox.ts';
import { runWarnings } from '../../../../server/services/warnings/runWarnings.ts';
import { callerAs, type Caller } from '../../../support/callers.ts';
import { availableBackends, openEmptyDatabase, type TestDatabase } from '../../../support/databases.ts';
import { addDays, todayInCity } from '../../../../shared/time/dates.ts';
import { buildTinyCity, D, JIA, YI } from './tinyCity.ts';

interface Received {
  path: string;
  query: URLSearchParams;
  body: unknown;
}

/** A receiver answering each path from a script of statuses (then 200), recording every post. */
async function startReceiver() {
  const received: Received[] = [];
  const script = new Map<string, number[]>();
  const server: Server = createServer((req, res) => {
    let data = '';
    req.on('data', (chunk: Buffer) => (data += chunk.toString('utf8')));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://receiver');
      received.push({ path: url.pathname, query: url.searchParams, body: JSON.parse(data || 'null') });
      const status = script.get(url.pathname)?.shift() ?? 200;
      if (status === 302) res.writeHead(302, { location: '/elsewhere' }).end();
      else
        res
          .writeHead(status, { 'content-type': 'application/json' })
          .end(JSON.stringify(status === 200 ? { errcode: 0, errmsg: 'ok' } : { error: 'down' }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { base, received, script, close: () => new Promise<void>((r) => server.close(() => r())) };
}

async function refusal(promise: Promise<unknown>): Promise<TRPCError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TRPCError);
  return error as TRPCError;
}

describe.each(availableBackends())('notifications (%s)', (kind) => {
  let database: TestDatabase;
  let db: Db;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  let admin: Caller;
  let analyst: Caller;
  let staff: Caller;
  const today = todayInCity();
  const SECRET = 'SEC-test-secret';

  beforeAll(async () => {
    database = await openEmptyDatabase(kind);
    db = database.db;
    await buildTinyCity(db);
    receiver = await startReceiver();
    admin = await callerAs(database, 'admin');
    analyst = await callerAs(database, 'analyst');
    staff = await callerAs(database, 'township_staff', { townshipCode: JIA });
  });
  afterAll(async () => {
    await receiver?.close();
    await database?.dispose();
  });

  it('refuses a webhook address that is not http(s), and a secret on a 企业微信 robot, in Chinese', async () => {
    const bad = await refusal(admin.webhooks.add({ scope: JIA, kind: 'wecom', url: 'file:///etc/passwd' }));
    expect(bad.message).toBe(
      '通知机器人填写有误：url：机器人地址应为以 http:// 或 https:// 开头的完整网址（不含用户名密码）',
    );
    const secret = await refusal(
      admin.webhooks.add({ scope: JIA, kind: 'wecom', url: `${receiver.base}/x`, secret: 'S' }),
    );
    expect(secret.message).toContain('只有钉钉机器人可设置加签密钥');
    const scope = await refusal(admin.webhooks.add({ scope: '999999999', kind: 'wecom', url: `${receiver.base}/x` }));
    expect(scope.message).toBe('未知镇街代码：999999999');
    expect(await admin.webhooks.list()).toEqual([]);
  });

  it('posts an issued item to its township as 企业微信 markdown, and an answer to the department as signed 钉钉 markdown', async () => {
    const wecom = await admin.webhooks.add({
      scope: JIA,
      kind: 'wecom',
      url: `${receiver.base}/wecom`,
      name: '甲街道群',
    });
    await admin.webhooks.add({ scope: YI, kind: 'wecom', url: `${receiver.base}/yi` });
    const ding = await admin.webhooks.add({
      scope: 'department',
      kind: 'dingtalk',
      url: `${receiver.base}/ding?access_token=t`,
      secret: SECRET,
    });
    expect(wecom).toMatchObject({ scopeName: '甲街道', hasSecret: false, enabled: true });
    expect(ding).toMatchObject({ scopeName: '组织部门', hasSecret: true });
    expect(JSON.stringify(await admin.webhooks.list())).not.toContain(SECRET);

    const item = await analyst.supervision.issue({
      townshipCode: JIA,
      task: '组织召开四方联席会议',
      deadline: addDays(today, 7),
    });
    const now = new Date();
    const sent = await deliverDue(db, now);
    expect(sent.map((d) => d.state)).toEqual(['delivered']);
    expect(receiver.received.map((r) => r.path)).toEqual(['/wecom']);
    const body = receiver.received[0]!.body as { msgtype: string; markdown: { content: string } };
    expect(Object.keys(body)).toEqual(['msgtype', 'markdown']);
    expect(body.msgtype).toBe('markdown');
    expect(Object.keys(body.markdown)).toEqual(['content']);
    expect(body.markdown.content).toContain('### 【督办】甲街道：新督办事项');
    expect(body.markdown.content).toContain(`- 办理期限：${addDays(today, 7)}`);

    await staff.supervision.answer({ itemId: item.id, answer: '已于本周召开四方联席会议' });
    await deliverDue(db, new Date());
    const post = receiver.received[1]!;
    expect(post.path).toBe('/ding');
    const dingBody = post.body as { msgtype: string; markdown: { title: string; text: string } };
    expect(dingBody.msgtype).toBe('markdown');
    expect(dingBody.markdown.title).toBe('【督办反馈】甲街道已反馈');
    expect(dingBody.markdown.text).toContain('- 反馈：已于本周召开四方联席会议');
    // 钉钉 加签: sign = base64(HMAC-SHA256(secret, timestamp + "\n" + secret)), the token kept.
    const timestamp = post.query.get('timestamp')!;
    expect(post.query.get('access_token')).toBe('t');
    expect(post.query.get('sign')).toBe(
      createHmac('sha256', SECRET).update(`${timestamp}\n${SECRET}`).digest('base64'),
    );
    // Nothing else was due: nothing posted twice.
    expect(await deliverDue(db, new Date())).toEqual([]);
    expect(receiver.received.length).toBe(2);
  });

  it('retries a failed post after the back-off, and gives up after 5 tries, shown on /admin', async () => {
    receiver.received.length = 0;
    receiver.script.set('/wecom', [500]);
    const t0 = new Date(Date.now() + 1000);
    await analyst.supervision.issue({ townshipCode: JIA, task: '推进业委会组建或换届', deadline: addDays(today, 30) });
    const [first] = await deliverDue(db, t0);
    expect(first).toMatchObject({ state: 'pending', attempts: 1, lastStatus: 500, lastError: '对方返回 HTTP 500' });
    expect(await deliverDue(db, new Date(t0.getTime() + RETRY_DELAYS_MS[0]! - 1000))).toEqual([]);
    const [second] = await deliverDue(db, new Date(t0.getTime() + RETRY_DELAYS_MS[0]!));
    expect(second).toMatchObject({ state: 'delivered', attempts: 2, lastError: null });
    expect(receiver.received.map((r) => r.path)).toEqual(['/wecom', '/wecom']);

    // Always down: tried at 0, 1 min, +5 min, +30 min, +2 h — then failed, listed in red on /admin.
    receiver.received.length = 0;
    receiver.script.set('/wecom', [500, 503, 500, 500, 500]);
    await analyst.supervision.issue({ townshipCode: JIA, task: '督促物业企业整改', deadline: addDays(today, 14) });
    let now = t0.getTime() + 3600_000;
    let last = (await deliverDue(db, new Date(now)))[0]!;
    for (const delay of RETRY_DELAYS_MS) {
      now += delay;
      last = (await deliverDue(db, new Date(now)))[0]!;
    }
    expect(last).toMatchObject({ state: 'failed', attempts: 5, lastError: '对方返回 HTTP 500' });
    expect(receiver.received.length).toBe(5);
    expect(await deliverDue(db, new Date(now + 86_400_000))).toEqual([]);
    const hook = (await admin.webhooks.list()).find((h) => h.scope === JIA)!;
    expect(hook.failed7d).toBe(1);
    const deliveries = await admin.webhooks.deliveries({ webhookId: hook.id });
    expect(deliveries.find((d) => d.state === 'failed')).toMatchObject({ attempts: 5, lastStatus: 500 });
  });

  it('does not follow a redirect; a test send is tried once; a disabled or removed robot gets nothing', async () => {
    receiver.received.length = 0;
    receiver.script.set('/wecom', [302]);
    const hook = (await admin.webhooks.list()).find((h) => h.scope === JIA)!;
    const test = await admin.webhooks.test({ webhookId: hook.id });
    expect(test).toMatchObject({ state: 'failed', attempts: 1, lastStatus: 302 });
    expect(test.lastError).toContain('不跟随重定向');
    expect(receiver.received.map((r) => r.path)).toEqual(['/wecom']);
    expect((await admin.webhooks.test({ webhookId: hook.id })).state).toBe('delivered');

    await admin.webhooks.setEnabled({ webhookId: hook.id, enabled: false });
    receiver.received.length = 0;
    await analyst.supervision.issue({ townshipCode: JIA, task: '限期办结逾期诉求', deadline: addDays(today, 7) });
    expect(await deliverDue(db, new Date(Date.now() + 86_400_000 * 2))).toEqual([]);
    await admin.webhooks.remove({ webhookId: hook.id });
    expect((await admin.webhooks.list()).map((h) => h.scope).sort()).toEqual([YI, 'department'].sort());
    expect(receiver.received).toEqual([]);
  });

  it('posts new warnings to their township and the department, once', async () => {
    await admin.webhooks.add({ scope: JIA, kind: 'dingtalk', url: `${receiver.base}/jia-ding` });
    receiver.received.length = 0;
    const run = await runWarnings(db, { asOf: D });
    expect(run.raised.length).toBe(8);
    await deliverDue(db, new Date(Date.now() + 86_400_000 * 3));
    const paths = receiver.received.map((r) => r.path).sort();
    expect(paths).toEqual(['/ding', '/jia-ding']);
    const township = receiver.received.find((r) => r.path === '/jia-ding')!.body as {
      markdown: { title: string; text: string };
    };
    expect(township.markdown.title).toBe('【预警】甲街道新增预警8条');
    expect(township.markdown.text).toContain('A1小区已50天未召开四方联席会议');
    await runWarnings(db, { asOf: D });
    expect(await deliverDue(db, new Date(Date.now() + 86_400_000 * 4))).toEqual([]);
  });

  it('turns a warning into an item or dismisses it through the API, only once and only with 督办', async () => {
    const [warning, other] = await analyst.warnings.list({ townshipCode: JIA, state: 'open', rule: 'noMeeting' });
    const refused = await refusal(staff.warnings.toItem({ warningId: warning!.id }));
    expect(refused.code).toBe('FORBIDDEN');
    const item = await analyst.warnings.toItem({ warningId: warning!.id, deadline: addDays(today, 10) });
    expect(item).toMatchObject({
      source: 'warning',
      sourceRef: warning!.causeKey,
      deadline: addDays(today, 10),
      task: '组织召开四方联席会议',
    });
    const again = await refusal(analyst.warnings.toItem({ warningId: warning!.id }));
    expect(again.message).toBe('该预警已转督办，只有待处理的预警可以转督办或忽略');
    const empty = await refusal(analyst.warnings.dismiss({ warningId: other!.id, reason: ' ' }));
    expect(empty.message).toContain('请填写忽略理由');
    await analyst.warnings.dismiss({ warningId: other!.id, reason: '小区已拆迁' });
    const after = await analyst.warnings.list({ townshipCode: JIA, rule: 'noMeeting' });
    expect(after.map((w) => [w.id, w.state, w.dismissedReason]).sort()).toEqual(
      [
        [warning!.id, 'issued', null],
        [other!.id, 'dismissed', '小区已拆迁'],
      ].sort(),
    );
  });

  it('gives each role its inbox: township staff their township, supervisors the department, a leader the city', async () => {
    const mine = await staff.inbox.summary();
    expect(mine.kind).toBe('township');
    if (mine.kind !== 'township') return;
    expect(mine.townshipName).toBe('甲街道');
    // Items of 甲: four issued (one answered), one from a warning; open warnings: 8 raised, 2 handled.
    expect(mine.counts).toMatchObject({ open: 5, answered: 1, overdue: 0, openWarnings: 6 });
    expect(mine.items.length).toBe(5);
    expect(mine.warnings.length).toBe(5);
    expect(mine.warnings.every((w) => w.townshipCode === JIA && w.state === 'open')).toBe(true);
    const yiStaff = await callerAs(database, 'township_staff', { townshipCode: YI });
    expect((await yiStaff.inbox.summary()).counts).toMatchObject({ open: 0, openWarnings: 0 });

    const department = await analyst.inbox.summary();
    expect(department.kind).toBe('department');
    if (department.kind !== 'department') return;
    expect(department.counts).toMatchObject({ open: 5, answered: 1, openWarnings: 6 });
    expect(department.items.map((i) => i.state)).toEqual(['answered']);

    const leader = await (await callerAs(database, 'leader')).inbox.summary();
    expect(leader).toEqual({ kind: 'city', counts: department.counts });
  });
});
