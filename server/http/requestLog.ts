/**
 * The request log: one line when each request finishes (or the client goes away) — request id,
 * method, path, user, the tRPC procedures called, status, duration and client address — and the
 * unexpected errors of tRPC calls with their stacks.
 *
 * Only the path is logged, never the query string (a wall opens /wall?token=…, and a stream's
 * display token travels in `connectionParams`), and never headers or bodies: the user is named
 * from what the tRPC context found (requestContext.ts), not from the cookie or token themselves.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { TRPCError } from '@trpc/server';
import { clientIpOf } from '../api/context.ts';
import { log } from '../log/logger.ts';
import { requestRecordOf, runAsRequest } from '../log/requestContext.ts';
import { newRequestId, REQUEST_ID_HEADER } from './requestId.ts';

const TRPC_BASE = '/api/trpc/';
/** A batch names at most this many procedures on its line (the count says how many there were). */
const MAX_PROCEDURES_LOGGED = 20;
const MAX_PATH_LOGGED = 300;

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

/** Wraps the server's handler: gives the request its id, and logs it when the response ends. */
export function withRequestLog(handle: Handler): Handler {
  return (req, res) => {
    const started = performance.now();
    const requestId = newRequestId();
    res.setHeader(REQUEST_ID_HEADER, requestId);
    res.once('close', () => logRequest(req, res, started));
    runAsRequest(req, requestId, () => handle(req, res));
  };
}

/** The id given to this request by withRequestLog. */
export function requestIdOf(req: IncomingMessage): string | undefined {
  return requestRecordOf(req)?.requestId;
}

/** The path without its query string, bounded. */
export function loggedPath(url: string | undefined): string {
  const path = (url ?? '/').split('?')[0] || '/';
  return path.length > MAX_PATH_LOGGED ? `${path.slice(0, MAX_PATH_LOGGED)}…` : path;
}

/** `/api/trpc/a.b,c.d` → ['a.b', 'c.d']; [] for anything else. */
export function proceduresOf(path: string): string[] {
  if (!path.startsWith(TRPC_BASE)) return [];
  const names = path.slice(TRPC_BASE.length);
  let decoded = names;
  try {
    decoded = decodeURIComponent(names);
  } catch {
    // A malformed escape: the names as sent.
  }
  return decoded.split(',').filter(Boolean);
}

function logRequest(req: IncomingMessage, res: ServerResponse, started: number): void {
  const path = loggedPath(req.url);
  const procedures = proceduresOf(path);
  const record = requestRecordOf(req);
  const line = {
    requestId: record?.requestId,
    method: req.method,
    path,
    user: record?.user ?? null,
    ...(procedures.length > 0
      ? { procedures: procedures.slice(0, MAX_PROCEDURES_LOGGED), procedureCount: procedures.length }
      : {}),
    status: res.statusCode,
    durationMs: Math.round((performance.now() - started) * 10) / 10,
    clientIp: clientIpOf(req),
    // The client left before the answer was complete (or a stream ended by disconnecting).
    ...(res.writableFinished ? {} : { aborted: true }),
  };
  if (res.statusCode >= 500) log.warn(line, 'request');
  else log.info(line, 'request');
}

/** tRPC's onError: an INTERNAL_SERVER_ERROR is a bug or an outage, logged with its stack. */
export function logTrpcError({
  error,
  path,
  req,
}: {
  error: TRPCError;
  path: string | undefined;
  req: IncomingMessage;
}): void {
  if (error.code !== 'INTERNAL_SERVER_ERROR') return;
  log.error({ err: error.cause ?? error, procedure: path ?? null, requestId: requestIdOf(req) }, '接口内部错误');
}
