/**
 * GET /api/backup[?file=NAME]: a backup as a plain HTTP download, streamed from a file rather
 * than as base64 inside a tRPC answer (like the weekly pack): a city's backup can be hundreds of
 * megabytes, which base64 in a JSON string would hold whole in the server's and the browser's
 * memory, a third larger. The session cookie (SameSite=Strict) says who asks; the accounts duty
 * (系统管理员) may, because a backup holds every password hash and the audit log. A refusal is
 * audited like a refused procedure.
 */
import { createReadStream } from 'node:fs';
import { rm, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { actorOfRequest } from '../api/context.ts';
import type { Database } from '../db/connection.ts';
import { log } from '../log/logger.ts';
import { auditForbidden } from '../services/audit/auditLog.ts';
import { can } from '../services/auth/roles.ts';
import { backupSettingsFromEnv } from '../services/backup/backupFiles.ts';
import { prepareBackupDownload } from '../services/backup/backupDownload.ts';
import { BadInputError } from '../services/errors.ts';

export const BACKUP_DOWNLOAD_PATH = '/api/backup';

function refuse(res: ServerResponse, status: number, message: string): void {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' });
  res.end(message);
}

export async function backupDownload(
  database: Database,
  req: IncomingMessage,
  res: ServerResponse,
  query: string,
): Promise<void> {
  if (req.method !== 'GET') return refuse(res, 405, '请求方法不受支持');
  const { actor } = await actorOfRequest(database, req);
  if (!actor || actor.via !== 'session') return refuse(res, 401, '请先登录');
  if (actor.mustChangePassword) return refuse(res, 403, '请先修改管理员设置的初始密码');
  if (!can(actor.role, 'accounts')) {
    await auditForbidden(database.db, actor, {
      tableName: 'backups',
      detail: { procedure: 'backup.download', required: 'accounts' },
    });
    return refuse(res, 403, '无权执行此操作（需要“账号管理”权限）');
  }
  let prepared;
  try {
    prepared = await prepareBackupDownload(database.db, database.kind, actor, {
      backupsDir: backupSettingsFromEnv().dir,
      file: new URLSearchParams(query).get('file'),
    });
  } catch (error) {
    if (error instanceof BadInputError) return refuse(res, 400, error.message);
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
