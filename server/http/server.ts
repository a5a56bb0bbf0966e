/**
 * One process serves the page and the API: /api/health, /api/trpc/*, and the client, either
 * built (dist/client) or through Vite's dev middleware; over HTTP, or HTTPS given a certificate.
 * Evidence files are read at /api/attachments/<id> (attachmentFiles.ts).
 * Every response carries a request id (X-Request-Id) and the security headers; API requests pass
 * the guards (batch size, same origin, JSON, body size) before a procedure runs.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { createHTTPHandler } from '@trpc/server/adapters/standalone';
import { count } from 'drizzle-orm';
import { compounds } from '../../data/schema/index.ts';
import { internalErrorMessage } from '../api/clientErrors.ts';
import { createHttpContext, localeOfRequest } from '../api/context.ts';
import { appRouter } from '../api/root.ts';
import type { Database } from '../db/connection.ts';
import { log } from '../log/logger.ts';
import { flushRefusalSummaries } from '../services/audit/refusalSummaries.ts';
import { isUploadRequest, MAX_BATCH_CALLS, ORDINARY_BODY_LIMIT, UPLOAD_BODY_LIMIT } from './limits.ts';
import { refuseApiRequest, type Refusal } from './requestGuards.ts';
import { newRequestId, withRequestId } from './requestId.ts';
import { logTrpcError, requestIdOf, withRequestLog } from './requestLog.ts';
import { setSecurityHeaders } from './securityHeaders.ts';
import { ATTACHMENT_BASE, serveAttachment } from './attachmentFiles.ts';
import { sharedPdfPrinter } from '../services/review/pdfPrinter.ts';
import { createStaticHandler } from './staticFiles.ts';
import { firstViewElement, firstViewReader, wantsFirstView } from './firstViewPayload.ts';
import { BACKUP_DOWNLOAD_PATH, backupDownload } from './backupDownload.ts';
import type { TlsFiles } from './tls.ts';
import { watchRevisions } from '../services/live/revisionWatcher.ts';
import type { Locale } from '../../shared/language/index.ts';
import { said } from '../../shared/language/said.ts';

const UNKNOWN_API = said('未知接口', 'Unknown API');

export const CLIENT_DIST = fileURLToPath(new URL('../../dist/client', import.meta.url));
export const DEFAULT_PORT = 5180;

const TRPC_BASE = '/api/trpc/';

export interface RunningServer {
  server: Server;
  url: string;
  close(): Promise<void>;
}

type Middleware = (req: IncomingMessage, res: ServerResponse, next: () => void) => void;

export interface ServerOptions {
  database: Database;
  port?: number;
  host?: string;
  /** Vite's connect middleware in dev mode; otherwise the built client is served. */
  clientMiddleware?: Middleware;
  /** A certificate and its key (PEM): the server speaks HTTPS only. */
  tls?: TlsFiles;
}

export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const { database } = options;
  // Two handlers, one per body limit: tRPC counts a body's bytes as they arrive (a chunked body
  // has no Content-Length to refuse it by) and stops at its handler's limit.
  const trpcHandler = (maxBodySize: number) =>
    createHTTPHandler({
      router: appRouter,
      basePath: TRPC_BASE,
      maxBodySize,
      maxBatchSize: MAX_BATCH_CALLS,
      createContext: ({ req, res, info }) => createHttpContext(database, req, res, info.connectionParams),
      // A body cut at the limit leaves the rest unread on the socket: close it rather than read on.
      responseMeta: ({ errors }) =>
        errors.some((e) => e.code === 'PAYLOAD_TOO_LARGE') ? { headers: { connection: 'close' } } : {},
      onError: logTrpcError,
    });
  const ordinaryCalls = trpcHandler(ORDINARY_BODY_LIMIT);
  const uploads = trpcHandler(UPLOAD_BODY_LIMIT);
  // A signed-in person's page carries its first view's answers (firstViewPayload.ts).
  const serveStatic = createStaticHandler(CLIENT_DIST, async (req, res, pathname, search) => {
    if (!wantsFirstView(req, pathname)) return null;
    const read = await firstViewReader(database, req, res, search);
    return read && (async () => firstViewElement(await read()));
  });
  // Walls hear of changes from this process's watcher: on PostgreSQL a LISTEN, set up here.
  watchRevisions(database);

  async function health(res: ServerResponse): Promise<void> {
    try {
      const [row] = await database.db.select({ n: count() }).from(compounds);
      sendJson(res, 200, { ok: true, database: database.kind, compounds: row?.n ?? 0 });
    } catch (error) {
      log.error({ err: error }, '健康检查失败：数据库不可用');
      sendJson(res, 503, { ok: false, database: database.kind, error: '数据库不可用' });
    }
  }

  function handle(req: IncomingMessage, res: ServerResponse, requestId: string): void {
    const [path = '/', query = ''] = (req.url ?? '/').split('?', 2);
    setSecurityHeaders(req, res, { page: !options.clientMiddleware, path });
    if (path === '/api/health') return void health(res);
    if (path.startsWith(TRPC_BASE)) {
      const trpcPath = path.slice(TRPC_BASE.length);
      const refusal = refuseApiRequest(req, trpcPath, new URLSearchParams(query).get('batch') === '1');
      if (refusal) return sendRefusal(res, refusal, requestId, localeOfRequest(req));
      return void (isUploadRequest(trpcPath) ? uploads : ordinaryCalls)(req, res);
    }
    if (path === BACKUP_DOWNLOAD_PATH)
      return void backupDownload(database, req, res, query).catch((error: unknown) => {
        log.error({ err: error }, '备份下载失败');
        if (!res.headersSent) sendJson(res, 500, { ok: false, error: internalErrorMessage(requestId), requestId });
        else res.destroy();
      });
    if (path.startsWith(ATTACHMENT_BASE)) {
      return void serveAttachment(database, req, res, path.slice(ATTACHMENT_BASE.length)).catch((error: unknown) => {
        log.error({ err: error, path }, '读取佐证材料出错');
        if (!res.headersSent) sendJson(res, 500, { ok: false, error: internalErrorMessage(requestId), requestId });
      });
    }
    if (path.startsWith('/api/'))
      return sendJson(res, 404, { ok: false, error: UNKNOWN_API[localeOfRequest(req)], requestId });
    if (options.clientMiddleware) return options.clientMiddleware(req, res, () => res.writeHead(404).end());
    serveStatic(req, res).catch((error: unknown) => {
      log.error({ err: error, path }, '页面文件出错');
      if (!res.headersSent) sendJson(res, 500, { ok: false, error: internalErrorMessage(requestId), requestId });
    });
  }

  // The request log gives each request its id (and the X-Request-Id header); the id is also kept
  // in async context for the error formatter deep inside tRPC.
  const listener = withRequestLog((req: IncomingMessage, res: ServerResponse) => {
    const requestId = requestIdOf(req) ?? newRequestId();
    withRequestId(requestId, () => handle(req, res, requestId));
  });
  const server = options.tls
    ? createHttpsServer({ cert: options.tls.cert, key: options.tls.key }, listener)
    : createServer(listener);

  // An idle kept-alive connection is closed after a minute, not Node's 5 s: on PGlite a long
  // statement holds this thread, and a client reusing its connection as the late 5 s timer closes
  // it met ECONNRESET (the fuzz test's parallel batches did, reliably, under load). Browsers keep
  // idle connections longer than a minute and retry; the headers timeout must stay above it.
  server.keepAliveTimeout = 60_000;
  server.headersTimeout = 65_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? DEFAULT_PORT, options.host ?? '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    server,
    url: `${options.tls ? 'https' : 'http'}://${options.host ?? '127.0.0.1'}:${port}`,
    close: async () => {
      await new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      });
      // Counted refusals are written before the database can be closed: the counts stay exact.
      await flushRefusalSummaries(database.db);
      // The review packs' Chromium goes with the server.
      await sharedPdfPrinter.close();
    },
  };
}

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers });
  res.end(JSON.stringify(body));
}

/**
 * A refusal in tRPC's error shape, so the client shows its message like any other. A body too
 * large is not read: the connection is closed after the answer instead of draining it.
 */
function sendRefusal(res: ServerResponse, refusal: Refusal, requestId: string, locale: Locale): void {
  const error = {
    message: refusal.message[locale],
    code: JSONRPC_CODES[refusal.code],
    data: { code: refusal.code, httpStatus: refusal.status, requestId },
  };
  sendJson(res, refusal.status, { error }, refusal.status === 413 ? { connection: 'close' } : {});
}

/** tRPC's JSON-RPC numbers for the codes a guard answers with. */
const JSONRPC_CODES: Record<Refusal['code'], number> = {
  BAD_REQUEST: -32600,
  FORBIDDEN: -32003,
  PAYLOAD_TOO_LARGE: -32013,
  UNSUPPORTED_MEDIA_TYPE: -32015,
};
