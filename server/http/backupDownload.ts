/**
 * GET /api/backup[?file=NAME]: a backup as a plain HTTP download, streamed from a file rather
 * than as base64 inside a tRPC answer (like the weekly pack): a city's backup can be hundreds of
 * megabytes, which base64 in a JSON string would hold whole in the server's and the browser's
 * memory, a third larger. The session cookie (SameSite=Strict) says who asks; the accounts duty
 * (系统管理员) may, because a backup holds every password hash and the audit log. A refusal is
 * audited like a refused procedure. A refusal is said in the reader's language (the header, or
 * the link's `lang`).
 */
import { createReadStream } from 'node:fs';
import { rm, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { actorOfRequest, localeOfRequest } from '../api/context.ts';
import type { Locale } from '../../shared/language/index.ts';
import { said, type Said } from '../../shared/language/said.ts';
import { AUTH_WORDS } from '../services/auth/authWords.ts';
import type { Database } from '../db/connection.ts';
import { log } from '../log/logger.ts';
import { auditForbidden } from '../services/audit/auditLog.ts';
import { can, PERMISSION_NAMES } from '../services/auth/roles.ts';
import { backupSettingsFromEnv } from '../services/backup/backupFiles.ts';
import { prepareBackupDownload } from '../services/backup/backupDownload.ts';
import { BadInputError } from '../services/errors.ts';

export const BACKUP_DOWNLOAD_PATH = '/api/backup';

const METHOD_NOT_SUPPORTED = said('请求方法不受支持', 'Request method not supported');

function refuse(res: ServerResponse, status: number, words: Said, locale: Locale): void {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' });
  res.end(words[locale]);
}

export async function backupDownload(
  database: Database,
  req: IncomingMessage,
  res: ServerResponse,
  query: string,
): Promise<void> {
  const locale = localeOfRequest(req);
  if (req.method !== 'GET') return refuse(res, 405, METHOD_NOT_SUPPORTED, locale);
  const { actor } = await actorOfRequest(database, req);
  if (!actor || actor.via !== 'session') return refuse(res, 401, AUTH_WORDS.signInFirst, locale);
  if (actor.mustChangePassword) return refuse(res, 403, AUTH_WORDS.changeInitialPassword, locale);
  if (!can(actor.role, 'accounts')) {
    await auditForbidden(database.db, actor, {
      tableName: 'backups',
      detail: { procedure: 'backup.download', required: 'accounts' },
    });
    return refuse(res, 403, AUTH_WORDS.needsPermission('accounts', PERMISSION_NAMES.accounts), locale);
  }
  let prepared;
  try {
    prepared = await prepareBackupDownload(database.db, database.kind, actor, {
      backupsDir: backupSettingsFromEnv().dir,
      file: new URLSearchParams(query).get('file'),
    });
  } catch (error) {
    if (error instanceof BadInputError)
      return refuse(res, 400, error.said ?? said(error.message, 'Invalid request'), locale);
    throw error;
  }
  const { path, fileName, temporary } = prepared;
  const size = (await stat(path)).size;
  res.writeHead(200, {
    'content-type': 'application/gzip',
    'content-length': String(size),
    'content-disposition': `attachment; filename="${fileName}"`,
    'cache-control': 'no-store',
  });
  const stream = createReadStream(path);
  const done = () => {
    if (temporary) void rm(path, { force: true });
  };
  stream.on('error', (error) => {
    log.error({ err: error, path }, '发送备份文件失败');
    res.destroy();
    done();
  });
  res.on('close', done);
  stream.pipe(res);
}
