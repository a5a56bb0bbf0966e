/**
 * What backing up and restoring refuse with, in both languages (shared/language/said.ts). Paths,
 * table names and system error codes (ENOENT …) are data and stay as they are.
 */
import { said, type Said } from '../../../shared/language/said.ts';

export const BACKUP_WORDS = {
  badSchedule: (text: string | undefined) =>
    said(
      `定时备份设置无效：${text}（应为每天的“时:分”，如 02:30；或 off 关闭）`,
      `Invalid backup schedule: ${text} (a time of day "hh:mm", e.g. 02:30; or off)`,
    ),
  badKeep: (text: string, max: number) =>
    said(
      `保留备份份数设置无效：${text}（应为 1–${max} 的整数）`,
      `Invalid number of backups to keep: ${text} (a whole number from 1 to ${max})`,
    ),
  noScheduledBackup: (file: string) => said(`没有定时备份 ${file}`, `There is no scheduled backup ${file}`),
  cannotWrite: (path: string, why: string) =>
    said(`无法写入备份文件 ${path}（${why}）`, `Cannot write the backup file ${path} (${why})`),
  cannotRead: (path: string, why: string) =>
    said(`无法读取备份文件 ${path}（${why}）`, `Cannot read the backup file ${path} (${why})`),
  notABackup: (path: string, why: string | null) =>
    said(
      `${path} 不是有效的 OneMap 备份文件（${why ?? '不是 gzip 压缩文件'}）`,
      `${path} is not a valid OneMap backup file (${why ?? 'not gzip-compressed'})`,
    ),
  notOneMapBackup: (path: string) => said(`${path} 不是 OneMap 备份文件`, `${path} is not a OneMap backup file`),
  /** The parts of the file a refusal names. */
  part: {
    header: said('文件头', 'the file header'),
    section: said('表头或结束标记', 'a table header or the end mark'),
  },
  cutShort: (path: string, what: Said) =>
    said(
      `备份文件 ${path} 不完整（缺少${what['zh-CN']}），可能在写出时中断`,
      `The backup file ${path} is incomplete (${what.en} is missing); writing it may have been interrupted`,
    ),
  notJson: (path: string, what: Said) =>
    said(
      `备份文件 ${path} 已损坏（${what['zh-CN']}不是有效的 JSON）`,
      `The backup file ${path} is damaged (${what.en} is not valid JSON)`,
    ),
  unknownSection: (path: string, section: string) =>
    said(
      `备份文件 ${path} 已损坏（无法识别的段落：${section}）`,
      `The backup file ${path} is damaged (a section OneMap does not know: ${section})`,
    ),
  rowsMissing: (path: string, table: string) =>
    said(
      `备份文件 ${path} 不完整（表 ${table} 缺少数据行），可能在写出时中断`,
      `The backup file ${path} is incomplete (rows of the table ${table} are missing); writing it may have been interrupted`,
    ),
  tablesMissing: (path: string, tables: string[]) =>
    said(
      `备份文件 ${path} 不完整（缺少表：${tables.join('、')}）`,
      `The backup file ${path} is incomplete (tables missing: ${tables.join(', ')})`,
    ),
  formatVersion: (version: unknown, readable: number) =>
    said(
      `备份文件格式版本 ${version} 不受支持（本程序读取版本 ${readable}）`,
      `Backup file format version ${version} is not supported (this program reads version ${readable})`,
    ),
  /** `backup`, `current`: the last migration and how many, as describeSchema says them. */
  otherSchema: (backup: Said, current: Said) =>
    said(
      `备份文件的数据库结构版本与当前数据库不同，无法恢复：备份为 ${backup['zh-CN']}，当前为 ${current['zh-CN']}。请用生成该备份的同一版本 OneMap 恢复`,
      `The backup's database structure differs from this database's, so it cannot be restored: the backup has ${backup.en}, this database ${current.en}. Restore it with the OneMap version that wrote it`,
    ),
  unknownSchema: said('未知', 'an unknown structure'),
  otherTables: (absent: string[], extra: string[]) =>
    said(
      `备份文件的表与当前数据库不符（缺少：${absent.join('、') || '无'}；多出：${extra.join('、') || '无'}）`,
      `The backup's tables do not match this database's (missing: ${absent.join(', ') || 'none'}; extra: ${extra.join(', ') || 'none'})`,
    ),
  /** `occupied`: table name and row count, the first four. */
  notEmpty: (occupied: { table: string; rows: string }[], more: boolean) =>
    said(
      `数据库中已有数据（${occupied.map((o) => `${o.table} ${o.rows} 行`).join('，')}${more ? '……' : ''}）；恢复会清空并覆盖全部现有数据，确认请加 --force`,
      `The database already holds data (${occupied.map((o) => `${o.table}: ${o.rows} rows`).join(', ')}${more ? ', …' : ''}); restoring empties and overwrites all of it: add --force to confirm`,
    ),
  auditSideFile: (rows: number, sideFile: string, why: string) =>
    said(
      `备份中有 ${rows} 条审计日志无法接入本库的散列链，须另存到 ${sideFile}，但无法写入（${why}）；请用 --audit-out 指定另存文件。未做任何改动`,
      `${rows} audit log entries in the backup cannot join this database's hash chain and must be set aside in ${sideFile}, which cannot be written (${why}): name another file with --audit-out. Nothing was changed`,
    ),
};
