/**
 * GET /api/attachments/<id>: an evidence file's bytes, for a signed-in person allowed to see its
 * township. The id is a random UUID, yet the township is checked on every read (an address passed
 * on is not a key), and a refused read is audited like a refused procedure. The type sent is the
 * one decided from the file's bytes when it was stored; nosniff (set for every response) keeps
 * the browser to it.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Database } from '../db/connection.ts';
import { actorOfRequest, localeOfRequest } from '../api/context.ts';
import type { Locale } from '../../shared/language/index.ts';
import { said, type Said } from '../../shared/language/said.ts';
import { AUTH_WORDS } from '../services/auth/authWords.ts';
import { EVIDENCE_WORDS } from '../services/evidence/evidenceWords.ts';
import { auditForbidden } from '../services/audit/auditLog.ts';
import { ForbiddenError } from '../services/errors.ts';
import { readAttachment } from '../services/evidence/attachments.ts';

export const ATTACHMENT_BASE = '/api/attachments/';

const READ_ONLY = said('只支持读取', 'Only reading is supported');

const EXTENSIONS: Record<string, string> = {
  'image/jpeg': '.jpg',
  'image/png': '.png',
  'image/webp': '.webp',
  'application/pdf': '.pdf',
};

function reply(res: ServerResponse, status: number, words: Said, locale: Locale): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify({ ok: false, error: words[locale] }));
}

/** "会议照片.jpg" for the Save dialog: the stored name, its extension matching the stored type. */
function downloadName(fileName: string, mediaType: string): string {
  const ext = EXTENSIONS[mediaType] ?? '';
  const base = fileName.replace(/[\r\n"\\/]/g, '_').replace(/\.[A-Za-z0-9]{1,5}$/, '') || 'attachment';
  return base + ext;
}

export async function serveAttachment(database: Database, req: IncomingMessage, res: ServerResponse, id: string) {
  const locale = localeOfRequest(req);
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.setHeader('allow', 'GET, HEAD');
    return reply(res, 405, READ_ONLY, locale);
  }
  const { actor } = await actorOfRequest(database, req);
  if (!actor) return reply(res, 401, AUTH_WORDS.signInFirst, locale);
  if (actor.mustChangePassword) return reply(res, 403, AUTH_WORDS.changeInitialPasswordShort, locale);
  let file;
  try {
    file = await readAttachment(database.db, actor, id);
  } catch (error) {
    if (!(error instanceof ForbiddenError)) throw error;
    await auditForbidden(database.db, actor, {
      ...error.attempt,
      detail: { procedure: 'attachments.file', ...error.attempt.detail },
    });
    return reply(res, 403, error.said ?? said(error.message, 'You are not allowed to see this'), locale);
  }
  if (!file) return reply(res, 404, EVIDENCE_WORDS.notFound, locale);
  const name = downloadName(file.fileName, file.mediaType);
  res.writeHead(200, {
    'content-type': file.mediaType,
    'content-length': String(file.data.length),
    // Shown in the page (inline), saved under its own name; never kept by shared caches.
    'content-disposition': `inline; filename="${encodeURIComponent(name)}"; filename*=UTF-8''${encodeURIComponent(name)}`,
    'cache-control': 'private, no-store',
    'x-content-type-options': 'nosniff',
    // A file is never a page: nothing in it may run, even opened on its own. (A PDF keeps only
    // frame-ancestors: Chromium's PDF viewer does not open inside a sandboxed document.)
    'content-security-policy':
      file.mediaType === 'application/pdf'
        ? "frame-ancestors 'none'"
        : "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox; frame-ancestors 'none'",
  });
  res.end(req.method === 'HEAD' ? undefined : Buffer.from(file.data));
}
