/**
 * Checks an API request must pass before any procedure runs or its body is read: the number of
 * calls in a batch, that a write comes from OneMap's own pages (same origin) as JSON, and the
 * declared body size. A refusal is an HTTP status with one line in both languages; the server
 * answers in the reader's.
 */
import type { IncomingMessage } from 'node:http';
import { said, type Said } from '../../shared/language/said.ts';
import { bodyLimitOf, describeBytes, isUploadRequest, MAX_BATCH_CALLS, procedurePathsOf } from './limits.ts';

export interface Refusal {
  status: 400 | 403 | 413 | 415;
  /** tRPC's name for the status, so that the client reads the refusal like any other error. */
  code: 'BAD_REQUEST' | 'FORBIDDEN' | 'PAYLOAD_TOO_LARGE' | 'UNSUPPORTED_MEDIA_TYPE';
  message: Said;
}

const READ_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const CROSS_SITE = said('拒绝来自其他网站的请求', 'Requests from other websites are refused');
const NOT_JSON = said('请求格式不受支持（应为 JSON）', 'Request format not supported (it should be JSON)');

/** `trpcPath` is the path after /api/trpc/ ('a.b' or 'a.b,c.d'); `batch` whether ?batch=1. */
export function refuseApiRequest(req: IncomingMessage, trpcPath: string, batch: boolean): Refusal | null {
  if (batch && procedurePathsOf(trpcPath).length > MAX_BATCH_CALLS) {
    return {
      status: 400,
      code: 'BAD_REQUEST',
      message: said(
        `一次请求最多包含 ${MAX_BATCH_CALLS} 个调用`,
        `A request may hold at most ${MAX_BATCH_CALLS} calls`,
      ),
    };
  }
  if (READ_METHODS.has(req.method ?? 'GET')) return null;
  if (isCrossSite(req)) return { status: 403, code: 'FORBIDDEN', message: CROSS_SITE };
  const type = mediaTypeOf(req);
  const acceptable = type === 'application/json' || (type === 'multipart/form-data' && isUploadRequest(trpcPath));
  if (!acceptable) return { status: 415, code: 'UNSUPPORTED_MEDIA_TYPE', message: NOT_JSON };
  const limit = bodyLimitOf(trpcPath);
  if (Number(req.headers['content-length'] ?? 0) > limit) return tooLarge(limit);
  return null;
}

export function tooLarge(limit: number): Refusal {
  return {
    status: 413,
    code: 'PAYLOAD_TOO_LARGE',
    message: said(
      `请求内容过大（上限 ${describeBytes(limit)}）`,
      `The request is too large (at most ${describeBytes(limit)})`,
    ),
  };
}

/**
 * A browser says where a write comes from: Origin on every POST, and Sec-Fetch-Site. Requests
 * without either come from programs (curl, scripts), which cannot ride on a user's cookie.
 * The host is compared, not the scheme: behind a TLS proxy the server itself sees http. Behind a
 * trusted proxy (ONEMAP_TRUST_PROXY=1) the host it forwards (X-Forwarded-Host) counts too.
 */
function isCrossSite(req: IncomingMessage): boolean {
  const site = req.headers['sec-fetch-site'];
  if (site === 'cross-site' || site === 'same-site') return true;
  const origin = req.headers.origin;
  if (origin === undefined) return false;
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    return true; // 'null' (a sandboxed frame, a data: page) or garbage
  }
  const ownHosts = [
    req.headers.host,
    ...(process.env.ONEMAP_TRUST_PROXY === '1' ? [req.headers['x-forwarded-host']] : []),
  ];
  return (
    originHost === '' ||
    !ownHosts.some(
      (host) => typeof host === 'string' && host.split(',')[0]!.trim().toLowerCase() === originHost.toLowerCase(),
    )
  );
}

function mediaTypeOf(req: IncomingMessage): string {
  return String(req.headers['content-type'] ?? '')
    .split(';')[0]!
    .trim()
    .toLowerCase();
}
