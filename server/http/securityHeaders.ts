/**
 * Headers every response carries so that a browser limits what a page can do: no script but
 * OneMap's own files (Content-Security-Policy), no framing by other sites except what an
 * administrator allows for the wall, no MIME sniffing, no addresses leaked in Referer, and on
 * HTTPS a promise to stay on HTTPS (HSTS).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { isSecureRequest } from '../api/context.ts';

/**
 * maplibre starts its workers from blob: URLs; map images and icons may be data:/blob:. Styles
 * may be inline: React, maplibre and deck.gl set element styles (no script runs from a style).
 */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "worker-src 'self' blob:",
  "child-src 'self' blob:",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "style-src 'self' 'unsafe-inline'",
  "connect-src 'self' data: blob:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ');

const HSTS = 'max-age=31536000';

/**
 * Origins allowed to frame the wall page (ONEMAP_FRAME_ANCESTORS, space separated, e.g.
 * "https://portal.example.gov"); anything but origins and 'self' is ignored.
 */
export function wallFrameAncestors(env: NodeJS.ProcessEnv = process.env): string[] {
  return (env.ONEMAP_FRAME_ANCESTORS ?? '')
    .split(/\s+/)
    .filter((source) => source === "'self'" || /^https?:\/\/[a-z0-9.-]+(:\d+)?$/i.test(source));
}

/**
 * `page` is false for Vite's dev middleware, whose pages run inline scripts (hot reload): they
 * get every header but the CSP.
 */
export function setSecurityHeaders(
  req: IncomingMessage,
  res: ServerResponse,
  options: { page: boolean; path: string },
): void {
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'same-origin');
  const allowed = options.path === '/wall' ? wallFrameAncestors() : [];
  const frameAncestors = `frame-ancestors ${allowed.length > 0 ? allowed.join(' ') : "'none'"}`;
  res.setHeader(
    'Content-Security-Policy',
    options.page ? `${CONTENT_SECURITY_POLICY}; ${frameAncestors}` : frameAncestors,
  );
  // The older header for older browsers; it cannot name origins, so it is left off a framable wall.
  if (allowed.length === 0) res.setHeader('X-Frame-Options', 'DENY');
  if (isSecureRequest(req)) res.setHeader('Strict-Transport-Security', HSTS);
}
