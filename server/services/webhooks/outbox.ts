/**
 * The webhook outbox. `notify` writes one delivery per enabled webhook of the given scopes, in
 * the caller's transaction (so the message is stored with the change it reports, and a receiver
 * that is down loses nothing); `deliverDue(db, now)` posts what is due. A failed post is tried
 * again after 1 min, 5 min, 30 min and 2 h, then given up (5 tries); its HTTP status and error
 * stay on the row for /admin. Posts never follow a redirect (a 3xx is a failure) and time out
 * after 5 s. The server polls every 30 s (startWebhookOutbox); tests call deliverDue with a
 * later `now` instead of waiting.
 */
import { and, asc, eq, inArray, lte } from 'drizzle-orm';
import { webhookDeliveries, webhooks } from '../../../data/schema/index.ts';
import type { Db } from '../../db/connection.ts';
import { log } from '../../log/logger.ts';
import { systemClock, type SchedulerClock } from '../review/reviewScheduler.ts';
import { messageBody, signedUrl, type Message } from './messages.ts';

export const RETRY_DELAYS_MS = [60_000, 5 * 60_000, 30 * 60_000, 2 * 3600_000];
export const MAX_TRIES = RETRY_DELAYS_MS.length + 1;
export const POST_TIMEOUT_MS = 5000;
const BATCH = 50;

/** Queues the message for every enabled webhook of these scopes (township codes or 'department'). */
export async function notify(db: Db, scopes: readonly string[], message: Message, now = new Date()): Promise<number> {
  if (!scopes.length) return 0;
  const hooks = await db
    .select({ id: webhooks.id })
    .from(webhooks)
    .where(and(inArray(webhooks.scope, [...new Set(scopes)]), eq(webhooks.enabled, true)));
  if (!hooks.length) return 0;
  const rows = await db
    .insert(webhookDeliveries)
    .values(
      hooks.map((h) => ({
        webhookId: h.id,
        eventKey: message.eventKey,
        title: message.title,
        text: message.text,
        nextAttemptAt: now,
        createdAt: now,
      })),
    )
    .onConflictDoNothing()
    .returning({ id: webhookDeliveries.id });
  return rows.length;
}

export type PostResult = { ok: true; status: number } | { ok: false; status: number | null; error: string };

/** One POST of a JSON body: 2xx and no robot error code is success. */
export async function postJson(url: string, body: string, fetchImpl: typeof fetch = fetch): Promise<PostResult> {
  let response: Response;
  try {
    response = await fetchImpl(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-8' },
      body,
      redirect: 'manual',
      signal: AbortSignal.timeout(POST_TIMEOUT_MS),
    });
  } catch (error) {
    const e = error as Error & { cause?: { code?: string; message?: string } };
    if (e.name === 'TimeoutError' || e.name === 'AbortError')
      return { ok: false, status: null, error: `超时（${POST_TIMEOUT_MS / 1000}秒）未响应` };
    return { ok: false, status: null, error: `无法连接：${e.cause?.code ?? e.cause?.message ?? e.message}` };
  }
  const text = await response.text().catch(() => '');
  if (response.status >= 300 && response.status < 400)
    return { ok: false, status: response.status, error: `对方返回重定向 HTTP ${response.status}（不跟随重定向）` };
  if (!response.ok) return { ok: false, status: response.status, error: `对方返回 HTTP ${response.status}` };
  // 企业微信 and 钉钉 answer 200 with {"errcode":0,"errmsg":"ok"}; a non-zero code is a refusal.
  try {
    const answer = JSON.parse(text) as { errcode?: unknown; errmsg?: unknown };
    if (typeof answer.errcode === 'number' && answer.errcode !== 0)
      return {
        ok: false,
        status: response.status,
        error: `机器人拒收：errcode ${answer.errcode} ${String(answer.errmsg ?? '')}`.trim(),
      };
  } catch {
    // Not JSON: a plain 2xx receiver took it.
  }
  return { ok: true, status: response.status };
}

type DeliveryRow = typeof webhookDeliveries.$inferSelect;

/** Posts one delivery (already claimed) and records the outcome. A test send is tried once. */
async function attempt(db: Db, row: DeliveryRow, now: Date, fetchImpl?: typeof fetch): Promise<DeliveryRow> {
  const [hook] = await db.select().from(webhooks).where(eq(webhooks.id, row.webhookId));
  const tries = row.attempts + 1;
  const result: PostResult = !hook
    ? { ok: false, status: null, error: '机器人已删除' }
    : await postJson(signedUrl(hook.kind, hook.url, hook.secret, now), messageBody(hook.kind, row), fetchImpl);
  const final = row.eventKey.startsWith('test:') || tries >= MAX_TRIES;
  const [after] = await db
    .update(webhookDeliveries)
    .set(
      result.ok
        ? { state: 'delivered', attempts: tries, lastStatus: result.status, lastError: null, deliveredAt: now }
        : {
            state: final ? 'failed' : 'pending',
            attempts: tries,
            lastStatus: result.status,
            lastError: result.error,
            nextAttemptAt: final ? now : new Date(now.getTime() + RETRY_DELAYS_MS[tries - 1]!),
          },
    )
    .where(eq(webhookDeliveries.id, row.id))
    .returning();
  if (!result.ok)
    log.warn({ deliveryId: row.id, webhookId: row.webhookId, tries, error: result.error }, '通知推送失败');
  return after!;
}

/**
 * Posts every pending delivery due at `now` (oldest first, at most 50 a call). Each is claimed
 * first (its next try moved a minute on, only if it is still due and untried since read), so two pollers never
 * post the same message twice at once.
 */
export async function deliverDue(
  db: Db,
  now: Date = new Date(),
  options: { fetch?: typeof fetch } = {},
): Promise<DeliveryRow[]> {
  const due = await db
    .select()
    .from(webhookDeliveries)
    .where(and(eq(webhookDeliveries.state, 'pending'), lte(webhookDeliveries.nextAttemptAt, now)))
    .orderBy(asc(webhookDeliveries.nextAttemptAt), asc(webhookDeliveries.id))
    .limit(BATCH);
  const done: DeliveryRow[] = [];
  for (const row of due) {
    const [claimed] = await db
      .update(webhookDeliveries)
      .set({ nextAttemptAt: new Date(now.getTime() + 60_000) })
      .where(
        and(
          eq(webhookDeliveries.id, row.id),
          eq(webhookDeliveries.state, 'pending'),
          eq(webhookDeliveries.attempts, row.attempts),
          lte(webhookDeliveries.nextAttemptAt, now),
        ),
      )
      .returning();
    if (claimed) done.push(await attempt(db, claimed, now, options.fetch));
  }
  return done;
}

/** Posts one delivery now (a test send), whatever its next try. */
export async function deliverNow(db: Db, id: number, now = new Date(), fetchImpl?: typeof fetch): Promise<DeliveryRow> {
  const [row] = await db.select().from(webhookDeliveries).where(eq(webhookDeliveries.id, id));
  if (!row) throw new Error(`delivery ${id} not found`);
  return attempt(db, row, now, fetchImpl);
}

export interface OutboxPoller {
  idle(): Promise<void>;
  stop(): void;
}

/** Delivers what is due every `intervalMs` (30 s) inside the server. */
export function startWebhookOutbox(
  db: Db,
  options: { clock?: SchedulerClock; intervalMs?: number } = {},
): OutboxPoller {
  const clock = options.clock ?? systemClock;
  const interval = options.intervalMs ?? 30_000;
  let stopped = false;
  let cancel: (() => void) | null = null;
  let running: Promise<void> = Promise.resolve();
  const tick = async () => {
    try {
      await deliverDue(db, clock.now());
    } catch (error) {
      log.error({ err: error }, '通知推送出错（下次再试）');
    }
    if (!stopped)
      cancel = clock.setTimer(interval, () => {
        running = tick();
      });
  };
  running = tick();
  return {
    idle: () => running,
    stop: () => {
      stopped = true;
      cancel?.();
    },
  };
}
