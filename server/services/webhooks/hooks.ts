/**
 * Outgoing webhooks as an administrator sets them (the 'business' duty, on /admin): a township's
 * group robot or the department's, 企业微信 or 钉钉, with an optional 钉钉 加签 secret. The address
 * is the administrator's choice (it may be an intranet relay), so any http(s) address is
 * accepted; it is never followed through a redirect (outbox.ts). The secret is stored to sign
 * each post and never given back: the list says only whether there is one. Every change is audited
 * (the secret masked).
 */
import { PLACE_WORDS } from '../compounds/placeWords.ts';
import { said } from '../../../shared/language/said.ts';
import { desc, eq, gte, sql } from 'drizzle-orm';
import { z } from 'zod';
import { townships, webhookDeliveries, webhooks } from '../../../data/schema/index.ts';
import type { Db } from '../../db/connection.ts';
import { writeAudit } from '../audit/auditLog.ts';
import type { Actor } from '../auth/roles.ts';
import { parseEdit, recordId } from '../editing/editableCompound.ts';
import { BadInputError } from '../errors.ts';
import { deliverNow, notify } from './outbox.ts';

const webhookUrl = z
  .string({ error: '机器人地址应为文本' })
  .trim()
  .min(1, '请填写机器人地址（Webhook URL）')
  .max(1000, '机器人地址不能超过1000个字符')
  .refine((value) => {
    try {
      const url = new URL(value);
      return (url.protocol === 'http:' || url.protocol === 'https:') && !url.username && !url.password;
    } catch {
      return false;
    }
  }, '机器人地址应为以 http:// 或 https:// 开头的完整网址（不含用户名密码）');

export const addWebhookInput = z
  .strictObject({
    scope: z
      .string({ error: '范围应为镇街代码或 department（组织部门）' })
      .trim()
      .regex(/^(department|\d{9})$/, '范围应为9位镇街代码或 department（组织部门）'),
    kind: z.enum(['wecom', 'dingtalk'], { error: '类型应为 wecom（企业微信）或 dingtalk（钉钉）' }),
    url: webhookUrl,
    name: z.string({ error: '名称应为文本' }).trim().max(60, '名称不能超过60个字符').default(''),
    secret: z
      .string({ error: '加签密钥应为文本' })
      .trim()
      .max(200, '加签密钥不能超过200个字符')
      .nullable()
      .default(null)
      .transform((s) => (s ? s : null)),
  })
  .refine((v) => v.kind === 'dingtalk' || v.secret === null, {
    message: '只有钉钉机器人可设置加签密钥',
    path: ['secret'],
  });
export type AddWebhookInput = z.input<typeof addWebhookInput>;

export const webhookIdInput = z.strictObject({ webhookId: recordId('机器人') });
export const setWebhookEnabledInput = z.strictObject({
  webhookId: recordId('机器人'),
  enabled: z.boolean({ error: 'enabled 应为 true 或 false' }),
});

export interface WebhookView {
  id: number;
  scope: string;
  /** The township's name, or 组织部门. */
  scopeName: string;
  name: string;
  kind: 'wecom' | 'dingtalk';
  url: string;
  hasSecret: boolean;
  enabled: boolean;
  createdAt: string;
  /** Deliveries given up in the last 7 days, and waiting to be retried now. */
  failed7d: number;
  retrying: number;
}

type WebhookRow = typeof webhooks.$inferSelect;
const masked = (row: WebhookRow) => ({ ...row, secret: row.secret ? '***' : null });

export async function listWebhooks(db: Db, now = new Date()): Promise<WebhookView[]> {
  const since = new Date(now.getTime() - 7 * 86_400_000);
  const [rows, names, stats] = await Promise.all([
    db.select().from(webhooks).orderBy(webhooks.scope, webhooks.id),
    db.select({ code: townships.code, name: townships.name }).from(townships),
    db
      .select({
        webhookId: webhookDeliveries.webhookId,
        failed: sql<number>`count(*) filter (where ${webhookDeliveries.state} = 'failed')::int`,
        retrying: sql<number>`count(*) filter (where ${webhookDeliveries.state} = 'pending' and ${webhookDeliveries.attempts} > 0)::int`,
      })
      .from(webhookDeliveries)
      .where(gte(webhookDeliveries.createdAt, since))
      .groupBy(webhookDeliveries.webhookId),
  ]);
  const nameOf = new Map(names.map((t) => [t.code, t.name]));
  const statOf = new Map(stats.map((s) => [s.webhookId, s]));
  return rows.map((r) => ({
    id: r.id,
    scope: r.scope,
    scopeName: r.scope === 'department' ? '组织部门' : (nameOf.get(r.scope) ?? r.scope),
    name: r.name,
    kind: r.kind,
    url: r.url,
    hasSecret: r.secret !== null,
    enabled: r.enabled,
    createdAt: r.createdAt.toISOString(),
    failed7d: Number(statOf.get(r.id)?.failed ?? 0),
    retrying: Number(statOf.get(r.id)?.retrying ?? 0),
  }));
}

export async function addWebhook(db: Db, actor: Actor | null, raw: AddWebhookInput): Promise<WebhookView> {
  const input = parseEdit(addWebhookInput, raw, '通知机器人');
  if (input.scope !== 'department') {
    const [t] = await db.select({ code: townships.code }).from(townships).where(eq(townships.code, input.scope));
    if (!t) throw new BadInputError(PLACE_WORDS.unknownTownship(input.scope));
  }
  const row = await db.transaction(async (tx) => {
    const [inserted] = await tx.insert(webhooks).values(input).returning();
    await writeAudit(tx, actor, {
      action: 'insert',
      tableName: 'webhooks',
      recordId: inserted!.id,
      after: masked(inserted!),
    });
    return inserted!;
  });
  return (await listWebhooks(db)).find((w) => w.id === row.id)!;
}

async function hookOrFail(db: Db, id: number): Promise<WebhookRow> {
  const [row] = await db.select().from(webhooks).where(eq(webhooks.id, id));
  if (!row) throw new BadInputError(said(`通知机器人不存在：${id}`, `No such group robot: ${id}`));
  return row;
}

export async function setWebhookEnabled(
  db: Db,
  actor: Actor | null,
  raw: z.input<typeof setWebhookEnabledInput>,
): Promise<WebhookView> {
  const input = parseEdit(setWebhookEnabledInput, raw, '通知机器人');
  const before = await hookOrFail(db, input.webhookId);
  if (before.enabled !== input.enabled)
    await db.transaction(async (tx) => {
      const [after] = await tx
        .update(webhooks)
        .set({ enabled: input.enabled })
        .where(eq(webhooks.id, input.webhookId))
        .returning();
      await writeAudit(tx, actor, {
        action: 'update',
        tableName: 'webhooks',
        recordId: before.id,
        before: masked(before),
        after: masked(after!),
      });
    });
  return (await listWebhooks(db)).find((w) => w.id === before.id)!;
}

/** Removes the webhook and its deliveries. */
export async function removeWebhook(db: Db, actor: Actor | null, raw: z.input<typeof webhookIdInput>): Promise<void> {
  const input = parseEdit(webhookIdInput, raw, '通知机器人');
  const before = await hookOrFail(db, input.webhookId);
  await db.transaction(async (tx) => {
    await tx.delete(webhooks).where(eq(webhooks.id, before.id));
    await writeAudit(tx, actor, {
      action: 'delete',
      tableName: 'webhooks',
      recordId: before.id,
      before: masked(before),
    });
  });
}

export interface DeliveryView {
  id: number;
  webhookId: number;
  eventKey: string;
  title: string;
  state: 'pending' | 'delivered' | 'failed';
  attempts: number;
  nextAttemptAt: string | null;
  lastStatus: number | null;
  lastError: string | null;
  createdAt: string;
  deliveredAt: string | null;
}

type DeliveryRow = typeof webhookDeliveries.$inferSelect;
export function toDeliveryView(r: DeliveryRow): DeliveryView {
  return {
    id: r.id,
    webhookId: r.webhookId,
    eventKey: r.eventKey,
    title: r.title,
    state: r.state,
    attempts: r.attempts,
    nextAttemptAt: r.state === 'pending' ? r.nextAttemptAt.toISOString() : null,
    lastStatus: r.lastStatus,
    lastError: r.lastError,
    createdAt: r.createdAt.toISOString(),
    deliveredAt: r.deliveredAt?.toISOString() ?? null,
  };
}

/** The newest deliveries (of one webhook, or all), newest first. */
export async function listDeliveries(db: Db, options: { webhookId?: number; limit?: number } = {}) {
  const rows = await db
    .select()
    .from(webhookDeliveries)
    .where(options.webhookId ? eq(webhookDeliveries.webhookId, options.webhookId) : undefined)
    .orderBy(desc(webhookDeliveries.createdAt), desc(webhookDeliveries.id))
    .limit(Math.min(options.limit ?? 50, 200));
  return rows.map(toDeliveryView);
}

/** Sends a test message to one webhook at once (tried once; the outcome is also in its deliveries). */
export async function testWebhook(
  db: Db,
  actor: Actor | null,
  raw: z.input<typeof webhookIdInput>,
  options: { now?: Date; fetch?: typeof fetch } = {},
): Promise<DeliveryView> {
  const input = parseEdit(webhookIdInput, raw, '通知机器人');
  const hook = await hookOrFail(db, input.webhookId);
  const now = options.now ?? new Date();
  const eventKey = `test:${now.getTime()}`;
  const title = '【OneMap】测试消息';
  const [row] = await db
    .insert(webhookDeliveries)
    .values({
      webhookId: hook.id,
      eventKey,
      title,
      text: `### ${title}\n- 发送人：${actor?.displayName ?? '系统'}\n- 如收到本消息，说明机器人配置正确。`,
      nextAttemptAt: now,
      createdAt: now,
    })
    .returning();
  return toDeliveryView(await deliverNow(db, row!.id, now, options.fetch));
}

export { notify };
