/**
 * Serves the built client (dist/client) with gzip, long caching for hashed assets and the
 * SPA fallback to index.html. Compressed bodies are kept in memory: the client is small.
 */
import { readFile, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { constants, createGzip, gzipSync } from 'node:zlib';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.geojson': 'application/geo+json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.pbf': 'application/x-protobuf',
  '.wasm': 'application/wasm',
};
const COMPRESSIBLE = new Set(['.html', '.js', '.css', '.json', '.webmanifest', '.geojson', '.svg', '.pbf']);

interface CachedFile {
  body: Buffer;
  gzip: Buffer | null;
  type: string;
  mtimeMs: number;
}

/**
 * What a page may carry besides the built index.html: HTML to put before `</body>`, read while the
 * browser already fetches the scripts the head names. Null: the file as built.
 */
export type PageExtras = (
  req: IncomingMessage,
  res: ServerResponse,
  pathname: string,
  search: URLSearchParams,
) => Promise<(() => Promise<string>) | null>;

export function createStaticHandler(root: string, pageExtras?: PageExtras) {
  const cache = new Map<string, CachedFile>();

  async function load(path: string): Promise<CachedFile | null> {
    let info;
    try {
      info = await stat(path);
    } catch {
      return null;
    }
    if (!info.isFile()) return null;
    const hit = cache.get(path);
    if (hit && hit.mtimeMs === info.mtimeMs) return hit;
    const body = await readFile(path);
    const ext = extname(path);
    const file = {
      body,
      gzip: COMPRESSIBLE.has(ext) && body.length > 1024 ? gzipSync(body, { level: 9 }) : null,
      type: TYPES[ext] ?? 'application/octet-stream',
      mtimeMs: info.mtimeMs,
    };
    cache.set(path, file);
    return file;
  }

  return async function serveStatic(req: IncomingMessage, res: ServerResponse): Promise<void> {
    // The path as sent, not through new URL(): '//a%2fb' would read as a host and throw.
    const [rawPath = '/', query = ''] = (req.url ?? '/').split('?', 2);
    let pathname: string;
    try {
      pathname = decodeURIComponent(rawPath);
    } catch {
      pathname = '';
    }
    if (!pathname.startsWith('/') || pathname.includes('\0')) {
      res.writeHead(400, { 'content-type': 'text/plain; charset=utf-8' }).end('请求路径无效');
      return;
    }
    const target = normalize(join(root, pathname));
    if (target !== root && !target.startsWith(root + sep)) {
      res.writeHead(403).end();
      return;
    }
    let file = await load(target);
    if (!file && !extname(pathname)) {
      file = await load(join(root, 'index.html'));
      const extras = file && pageExtras ? await pageExtras(req, res, pathname, new URLSearchParams(query)) : null;
      if (file && extras) return servePageWithExtras(req, res, file.body.toString('utf8'), extras);
    }
    if (!file) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('未找到');
      return;
    }
    const hashed = pathname.startsWith('/assets/');
    const headers: Record<string, string> = {
      'content-type': file.type,
      'cache-control': hashed ? 'public, max-age=31536000, immutable' : 'no-cache',
      vary: 'accept-encoding',
    };
    const acceptsGzip = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
    const body = file.gzip && acceptsGzip ? file.gzip : file.body;
    if (body === file.gzip) headers['content-encoding'] = 'gzip';
    headers['content-length'] = String(body.length);
    res.writeHead(200, headers);
    res.end(req.method === 'HEAD' ? undefined : body);
  };
}

/**
 * The page up to `</body>` at once (the browser starts on its scripts, which run only once the
 * document is complete), then the extras, then the end. Never cached: the extras are this
 * person's. Gzip flushed after the first part, so that part is not held back.
 */
async function servePageWithExtras(
  req: IncomingMessage,
  res: ServerResponse,
  html: string,
  extras: () => Promise<string>,
): Promise<void> {
  const end = html.lastIndexOf('</body>');
  const [head, tail] = end < 0 ? [html, ''] : [html.slice(0, end), html.slice(end)];
  const acceptsGzip = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
  res.writeHead(200, {
    'content-type': TYPES['.html']!,
    'cache-control': 'no-store',
    vary: 'accept-encoding, cookie',
    ...(acceptsGzip ? { 'content-encoding': 'gzip' } : {}),
  });
  if (req.method === 'HEAD') return void res.end();
  const out = acceptsGzip ? createGzip({ level: 6 }) : null;
  if (out) out.pipe(res);
  const write = (text: string) => (out ? out.write(text) : res.write(text));
  write(head);
  // Out to the socket before the extras are read: on PGlite their queries hold this thread.
  if (out) await new Promise<void>((resolve) => out.flush(constants.Z_SYNC_FLUSH, () => resolve()));
  let inserted = '';
  try {
    inserted = await extras();
  } finally {
    // Whatever happened, the page ends: without the extras it asks the API as before.
    if (out) out.end(inserted + tail);
    else res.end(inserted + tail);
  }
}
