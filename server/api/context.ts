/**
 * The context of an HTTP request: who is asking (the session cookie, or a wall screen's display
 * token in a header), the client's address, and the cookie jar the login writes to.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { TLSSocket } from 'node:tls';
import type { Database } from '../db/connection.ts';
import { noteActor } from '../log/requestContext.ts';
import { actorFromDisplayToken, DISPLAY_TOKEN_HEADER } from '../services/auth/displayTokens.ts';
import type { Actor } from '../services/auth/roles.ts';
import { actorFromSession, SESSION_COOKIE } from '../services/auth/sessions.ts';
import { NO_WRITE_MARK, WRITE_MARK_COOKIE, writeMarkOf } from './readRouting.ts';
import type { Context, SessionCookieJar } from './trpc.ts';
import { DEFAULT_LOCALE, LANGUAGE_HEADER, localeOf, type Locale } from '../../shared/language/index.ts';

export function parseCookies(header: string | undefined): Map<string, string> {
  const cookies = new Map<string, string>();
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    const name = part.slice(0, eq).trim();
    if (!cookies.has(name)) cookies.set(name, part.slice(eq + 1).trim());
  }
  return cookies;
}

/** Behind an https reverse proxy (X-Forwarded-Proto) or on TLS itself: the cookie gets Secure. */
export function isSecureRequest(req: IncomingMessage): boolean {
  const proto = String(req.headers['x-forwarded-proto'] ?? '')
    .split(',')[0]
    ?.trim();
  return proto === 'https' || (req.socket as TLSSocket).encrypted === true;
}

/**
 * The client's address; X-Forwarded-For only when ONEMAP_TRUST_PROXY=1 (set it behind a proxy),
 * and then its rightmost entry: the one the trusted proxy appended. Entries to its left are what
 * the client sent and could be anything (a forged address would dodge the login limit).
 */
export function clientIpOf(req: IncomingMessage, env: NodeJS.ProcessEnv = process.env): string {
  if (env.ONEMAP_TRUST_PROXY === '1') {
    const header = req.headers['x-forwarded-for'];
    // Several X-Forwarded-For headers are one list in order; the proxy's entry is the last of all.
    const entries = (Array.isArray(header) ? header.join(',') : String(header ?? '')).split(',');
    const forwarded = entries[entries.length - 1]?.trim();
    if (forwarded) return forwarded.slice(0, 64);
  }
  return req.socket.remoteAddress ?? 'unknown';
}

export function sessionCookie(token: string, maxAgeSeconds: number, secure: boolean): string {
  return [
    `${SESSION_COOKIE}=${token}`,
    'Path=/',
    'HttpOnly',
    'SameSite=Strict',
    `Max-Age=${maxAgeSeconds}`,
    ...(secure ? ['Secure'] : []),
  ].join('; ');
}

function appendCookie(res: ServerResponse, value: string): void {
  const existing = res.getHeader('set-cookie');
  const list = Array.isArray(existing) ? existing : existing === undefined ? [] : [String(existing)];
  res.setHeader('set-cookie', [...list, value]);
}

function cookieJar(res: ServerResponse, secure: boolean): SessionCookieJar {
  const append = (value: string) => appendCookie(res, value);
  return {
    set: (token, expiresAt) =>
      append(sessionCookie(token, Math.max(0, Math.ceil((expiresAt.getTime() - Date.now()) / 1000)), secure)),
    clear: () => append(sessionCookie('', 0, secure)),
  };
}

/**
 * Who is asking: the session cookie first, else a display token — from the header, or for a
 * server-sent-events stream (EventSource cannot send headers) from the tRPC connection
 * parameters, `displayToken`.
 */
export async function actorOfRequest(
  database: Database,
  req: IncomingMessage,
  connectionParams: Record<string, string | undefined> | null = null,
): Promise<{ actor: Actor | null; sessionToken: string | null }> {
  const sessionToken = parseCookies(req.headers.cookie).get(SESSION_COOKIE) ?? null;
  const fromSession = sessionToken ? await actorFromSession(database.db, sessionToken) : null;
  if (fromSession) return { actor: fromSession, sessionToken };
  const displayToken = req.headers[DISPLAY_TOKEN_HEADER] ?? connectionParams?.displayToken;
  const fromDisplay = typeof displayToken === 'string' ? await actorFromDisplayToken(database.db, displayToken) : null;
  return { actor: fromDisplay, sessionToken };
}

export async function createHttpContext(
  database: Database,
  req: IncomingMessage,
  res: ServerResponse,
  connectionParams: Record<string, string | undefined> | null = null,
): Promise<Context> {
  const { actor, sessionToken } = await actorOfRequest(database, req, connectionParams);
  noteActor(req, actor); // for the request log line
  const secure = isSecureRequest(req);
  return {
    db: database.db,
    databaseKind: database.kind,
    actor,
    sessionToken,
    clientIp: clientIpOf(req),
    cookies: cookieJar(res, secure),
    replica: database.replica,
    writeMark: database.replica
      ? writeMarkOf(parseCookies(req.headers.cookie).get(WRITE_MARK_COOKIE), res, secure, appendCookie)
      : NO_WRITE_MARK,
    locale: localeOf(req.headers[LANGUAGE_HEADER] ?? connectionParams?.lang),
  };
}

/**
 * The reader's language for a plain HTTP route (a download, a file): the header the client's
 * requests send, else a link's `lang` parameter (a browser following a link sends no header).
 */
export function localeOfRequest(req: IncomingMessage): Locale {
  const header = req.headers[LANGUAGE_HEADER];
  if (header !== undefined) return localeOf(header);
  return localeOf(new URLSearchParams((req.url ?? '').split('?')[1] ?? '').get('lang'));
}

/** The context of an in-process caller (tests, scripts) acting as `actor`. */
export function contextFor(
  database: Pick<Database, 'db' | 'kind'>,
  actor: Actor | null,
  extra: Partial<Pick<Context, 'sessionToken' | 'clientIp' | 'locale'>> = {},
): Context {
  return {
    db: database.db,
    databaseKind: database.kind,
    actor,
    sessionToken: extra.sessionToken ?? null,
    clientIp: extra.clientIp ?? '127.0.0.1',
    cookies: { set: () => {}, clear: () => {} },
    writeMark: NO_WRITE_MARK,
    locale: extra.locale ?? DEFAULT_LOCALE,
  };
}
