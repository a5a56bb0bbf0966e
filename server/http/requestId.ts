/**
 * Every request gets an id: sent back in the X-Request-Id header and in every error body, so
 * that a user reporting "服务器内部错误（请求编号 …）" points the operator to the log line.
 * The id of the request being handled is kept in async context, for error formatting deep in tRPC.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomBytes } from 'node:crypto';

export const REQUEST_ID_HEADER = 'X-Request-Id';

/** 12 URL-safe characters (72 random bits): short enough to read out on the phone. */
export function newRequestId(): string {
  return randomBytes(9).toString('base64url');
}

const current = new AsyncLocalStorage<string>();

/** Runs `handle` with `id` as the current request id. */
export function withRequestId<T>(id: string, handle: () => T): T {
  return current.run(id, handle);
}

/** The id of the request being handled, or null outside a request (CLI, in-process callers). */
export function currentRequestId(): string | null {
  return current.getStore() ?? null;
}
