/**
 * What the group robots receive: markdown text, wrapped as 企业微信 and 钉钉 accept it
 * (企业微信 {"msgtype":"markdown","markdown":{"content"}}; 钉钉 {"msgtype":"markdown","markdown":
 * {"title","text"}}), and the messages for each event. 钉钉's 加签: the URL gets `timestamp`
 * (milliseconds) and `sign` = base64(HMAC-SHA256(key = secret, "timestamp\nsecret")), URL-encoded.
 */
import { createHmac } from 'node:crypto';
import { SUPERVISION_STATE_LABELS } from '../../../shared/supervision/states.ts';
import type { SupervisionItemView } from '../supervision/itemView.ts';

export type WebhookKind = 'wecom' | 'dingtalk';

export interface Message {
  /** Unique per webhook: enqueueing the same event twice is a no-op. */
  eventKey: string;
  title: string;
  text: string;
}

export function messageBody(kind: WebhookKind, message: Pick<Message, 'title' | 'text'>): string {
  return JSON.stringify(
    kind === 'wecom'
      ? { msgtype: 'markdown', markdown: { content: message.text } }
      : { msgtype: 'markdown', markdown: { title: message.title, text: message.text } },
  );
}

/** The address to post to: 钉钉 with a secret gets its signature (valid for an hour from `now`). */
export function signedUrl(kind: WebhookKind, url: string, secret: string | null, now: Date): string {
  if (kind !== 'dingtalk' || !secret) return url;
  const timestamp = String(now.getTime());
  const sign = createHmac('sha256', secret).update(`${timestamp}\n${secret}`).digest('base64');
  return `${url}${url.includes('?') ? '&' : '?'}timestamp=${timestamp}&sign=${encodeURIComponent(sign)}`;
}

const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max)}…` : text);

function itemLines(item: SupervisionItemView): string[] {
  return [
    ...(item.problem ? [`- 问题：${clip(item.problem, 200)}`] : []),
    `- 任务：${clip(item.task, 200)}`,
    `- 办理期限：${item.deadline}`,
    `- 状态：${SUPERVISION_STATE_LABELS[item.displayState]}`,
  ];
}

export function itemIssuedMessage(item: SupervisionItemView): Message {
  const title = `【督办】${item.townshipName}：新督办事项`;
  return {
    eventKey: `issued:${item.id}`,
    title,
    text: [`### ${title}`, ...itemLines(item), `- 交办：${item.issuedByName}`].join('\n'),
  };
}

/** `answers` counts the item's answers so far: a second answer after a return is a new message. */
export function itemAnsweredMessage(item: SupervisionItemView, answers: number): Message {
  const title = `【督办反馈】${item.townshipName}已反馈`;
  return {
    eventKey: `answered:${item.id}:${answers}`,
    title,
    text: [`### ${title}`, ...itemLines(item), `- 反馈：${clip(item.answer ?? '', 300)}`].join('\n'),
  };
}

export function itemOverdueMessage(item: SupervisionItemView): Message {
  const title = `【督办逾期】${item.townshipName}：已逾期${-item.daysLeft}天`;
  return { eventKey: `overdue:${item.id}`, title, text: [`### ${title}`, ...itemLines(item)].join('\n') };
}

/** New warnings of one run, for one township (`scope` its name) or the department (全市). */
export function warningsMessage(
  scopeKey: string,
  scopeName: string,
  asOf: string,
  warnings: { townshipName: string; details: string }[],
): Message {
  const title = `【预警】${scopeName}新增预警${warnings.length}条`;
  const shown = warnings.slice(0, 20);
  const lines = shown.map((w) => `- ${scopeKey === 'department' ? `${w.townshipName}：` : ''}${clip(w.details, 200)}`);
  if (warnings.length > shown.length) lines.push(`- ……另有${warnings.length - shown.length}条，请登录系统查看`);
  return { eventKey: `warnings:${asOf}:${scopeKey}`, title, text: [`### ${title}（${asOf}）`, ...lines].join('\n') };
}
