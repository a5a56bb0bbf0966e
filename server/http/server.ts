/**
 * One process serves the page and the API: /api/health, /api/trpc/*, and the client, either
 * built (dist/client) or through Vite's dev middleware.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { createHTTPHandler } from '@trpc/server/adapters/standalone';
import { count } from 'drizzle-orm';
import { compounds } from '../../data/schema/index.ts';
import { createHttpContext } from '../api/context.ts';
import { appRouter } from '../api/root.ts';
import type { Database } from '../db/connection.ts';
import { sharedPdfPrinter } from '../services/review/pdfPrinter.ts';
import { createStaticHandler } from './staticFiles.ts';

export const CLIENT_DIST = fileURLToPath(new URL('../../dist/client', import.meta.url));
export const DEFAULT_PORT = 5180;

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
}

export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const { database } = options;
  const trpc = createHTTPHandler({
    router: appRouter,
    basePath: '/api/trpc/',
    createContext: ({ req, res, info }) => createHttpContext(database, req, res, info.connectionParams),
  });
  const serveStatic = createStaticHandler(CLIENT_DIST);

  async function health(res: ServerResponse): Promise<void> {
    try {
      const [row] = await database.db.select({ n: count() }).from(compounds);
      sendJson(res, 200, { ok: true, database: database.kind, compounds: row?.n ?? 0 });
    } catch (error) {
      sendJson(res, 503, { ok: false, database: database.kind, error: (error as Error).message });
    }
  }

  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    if (path === '/api/health') return void health(res);
    if (path.startsWith('/api/trpc/')) return void trpc(req, res);
    if (path.startsWith('/api/')) return sendJson(res, 404, { ok: false, error: '未知接口' });
    if (options.clientMiddleware) return options.clientMiddleware(req, res, () => res.writeHead(404).end());
    serveStatic(req, res).catch((error: Error) => {
      if (!res.headersSent) sendJson(res, 500, { ok: false, error: error.message });
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? DEFAULT_PORT, options.host ?? '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    server,
    url: `http://${options.host ?? '127.0.0.1'}:${port}`,
    close: async () => {
      await new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      });
      // The review packs' Chromium goes with the server.
      await sharedPdfPrinter.close();
    },
  };
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}
