/**
 * What a log line written while serving a request knows about that request: its id and, once the
 * tRPC context has read the session cookie or display token, who is asking. Kept beside the
 * request (a WeakMap, gone with it) and in the async context of its handling, so that a line a
 * service writes deep inside a call (an import, a restore) carries the request id and the user
 * without every service taking them as parameters.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { IncomingMessage } from 'node:http';
import type { Actor } from '../services/auth/roles.ts';

export interface RequestRecord {
  readonly requestId: string;
  /** The username, or `display-token:名称` for a wall screen; null while nobody is known. */
  user: string | null;
}

const records = new WeakMap<IncomingMessage, RequestRecord>();
const handling = new AsyncLocalStorage<RequestRecord>();

/** Runs `work` as the handling of `req`: log lines written meanwhile carry its id. */
export function runAsRequest<T>(req: IncomingMessage, requestId: string, work: () => T): T {
  const record: RequestRecord = { requestId, user: null };
  records.set(req, record);
  return handling.run(record, work);
}

export function requestRecordOf(req: IncomingMessage): RequestRecord | undefined {
  return records.get(req);
}

/** The request being handled in this async context, if any. */
export function currentRequest(): RequestRecord | undefined {
  return handling.getStore();
}

/** Who is asking, as the log names them: never a token, only a username or a wall's name. */
export function describeActor(actor: Actor): string {
  return actor.via === 'display-token' ? `display-token:${actor.displayName}` : (actor.username ?? actor.displayName);
}

/** Called by the tRPC context once it knows who is asking. */
export function noteActor(req: IncomingMessage, actor: Actor | null): void {
  const record = records.get(req);
  if (record && actor) record.user = describeActor(actor);
}
