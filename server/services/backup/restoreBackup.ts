/**
 * `onemap restore`: a backup file (format.ts) into this database, in one transaction. Refuses a
 * file from another schema version, and a database that already holds data unless forced (then
 * every table but the audit log is emptied first; the audit log is append-only: restoreAudit.ts
 * says what becomes of the backup's audit rows). Sequences are moved past the restored ids;
 * data_revision is moved past both its old and its restored value so no cache mistakes the
 * restored data for what it had.
 */
import { createReadStream } from 'node:fs';
import { access } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';
import { sql } from 'drizzle-orm';
import { basename } from 'node:path';
import type { Db } from '../../db/connection.ts';
import { log } from '../../log/logger.ts';
import { queryRows } from '../../db/rows.ts';
import { BadInputError } from '../errors.ts';
import { BACKUP_WORDS } from './backupWords.ts';
import type { Said } from '../../../shared/language/said.ts';
import { BACKUP_FORMAT, BACKUP_VERSION, type BackupHeader } from './format.ts';
import { describeSchema, sameSchema, schemaVersionOf } from './schemaVersion.ts';
import {
  AUDIT_TABLE,
  defaultSideFile,
  prepareIncomingAudit,
  settleAudit,
  type AuditRestoreOutcome,
} from './restoreAudit.ts';
import { deferCountsTimeline, rebuildCountsTimeline } from '../metrics/countsTimeline.ts';
import { DERIVED_TABLES, describeRecordTables, ident, type TableInfo } from './tables.ts';

const CHUNK = 1000;
/** Tables a freshly migrated database already fills (the revision counter). */
const BOOKKEEPING = new Set(['data_revision']);

export interface RestoreOptions {
  force: boolean;
  /** Where backup audit rows that cannot join this database's chain are written (default: next to the backup). */
  auditSideFile?: string | undefined;
}

export interface RestoreSummary {
  tables: { name: string; rows: number }[];
  rows: number;
  createdAt: string;
  from: string;
  audit: AuditRestoreOutcome;
}

/** Restores the backup and logs the outcome: which file, how many rows, forced or not, or why not. */
export async function restoreBackup(db: Db, path: string, options: RestoreOptions): Promise<RestoreSummary> {
  const about = { event: 'backup.restore', file: basename(path), force: options.force };
  try {
    const summary = await restoreFromFile(db, path, options);
    log.info(
      {
        ...about,
        status: 'restored',
        tables: summary.tables.length,
        rows: summary.rows,
        backupCreatedAt: summary.createdAt,
        backupFrom: summary.from,
      },
      '已从备份恢复',
    );
    return summary;
  } catch (error) {
    if (error instanceof BadInputError)
      log.warn({ ...about, status: 'refused', reason: error.message }, '备份恢复被拒绝');
    throw error;
  }
}

async function restoreFromFile(db: Db, path: string, options: RestoreOptions): Promise<RestoreSummary> {
  try {
    await access(path);
  } catch (error) {
    throw new BadInputError(
      BACKUP_WORDS.cannotRead(path, (error as NodeJS.ErrnoException).code ?? (error as Error).message),
    );
  }
  const gunzip = createGunzip();
  const input = createReadStream(path).pipe(gunzip);
  let streamError: Error | null = null;
  const onError = (error: Error) => {
    streamError = error;
  };
  input.on('error', onError);
  const lines = createInterface({ input, crlfDelay: Infinity })[Symbol.asyncIterator]();
  const next = async (): Promise<string | null> => {
    let result: IteratorResult<string>;
    try {
      result = await lines.next();
    } catch (error) {
      throw notABackup(path, error as Error);
    }
    if (streamError) throw notABackup(path, streamError);
    return result.done ? null : result.value;
  };
  const parse = (line: string | null, what: Said): unknown => {
    if (line === null) throw new BadInputError(BACKUP_WORDS.cutShort(path, what));
    try {
      return JSON.parse(line);
    } catch {
      throw new BadInputError(BACKUP_WORDS.notJson(path, what));
    }
  };

  try {
    const header = parse(await next(), BACKUP_WORDS.part.header) as Partial<BackupHeader>;
    if (header.format !== BACKUP_FORMAT) throw new BadInputError(BACKUP_WORDS.notOneMapBackup(path));
    if (header.version !== BACKUP_VERSION)
      throw new BadInputError(BACKUP_WORDS.formatVersion(header.version, BACKUP_VERSION));
    const current = await schemaVersionOf(db);
    if (!header.schema || !sameSchema(header.schema, current)) {
      throw new BadInputError(
        BACKUP_WORDS.otherSchema(
          header.schema ? describeSchema(header.schema) : BACKUP_WORDS.unknownSchema,
          describeSchema(current),
        ),
      );
    }
    const tables = await describeRecordTables(db);
    const byName = new Map(tables.map((t) => [t.name, t]));
    const inFile = new Set((header.tables ?? []).map((t) => t.name));
    const absent = tables.filter((t) => !inFile.has(t.name)).map((t) => t.name);
    const unknown = [...inFile].filter((n) => !byName.has(n));
    if (absent.length || unknown.length) throw new BadInputError(BACKUP_WORDS.otherTables(absent, unknown));

    if (!options.force) {
      const occupied: { table: string; rows: string }[] = [];
      for (const t of tables) {
        if (BOOKKEEPING.has(t.name)) continue;
        const [row] = await queryRows<{ n: number | string }>(
          db,
          sql.raw(`select count(*) as n from ${ident(t.name)}`),
        );
        if (Number(row?.n ?? 0) > 0) occupied.push({ table: t.name, rows: String(row?.n) });
      }
      if (occupied.length) throw new BadInputError(BACKUP_WORDS.notEmpty(occupied.slice(0, 4), occupied.length > 4));
    }

    const restored: { name: string; rows: number }[] = [];
    let audit: AuditRestoreOutcome | null = null;
    await db.transaction(async (tx) => {
      const [revisionBefore] = await queryRows<{ revision: number | string }>(
        tx,
        sql`select coalesce(max(revision), 0) as revision from data_revision`,
      );
      const emptied = [...tables.map((t) => t.name).filter((n) => n !== AUDIT_TABLE), ...DERIVED_TABLES];
      await tx.execute(sql.raw(`truncate ${emptied.map(ident).join(', ')} restart identity cascade`));
      // The counts timeline is derived: counted once from the restored records at the end.
      await deferCountsTimeline(tx);
      const incomingAudit = await prepareIncomingAudit(tx);
      let restoredRevision = 0;
      for (;;) {
        const section = parse(await next(), BACKUP_WORDS.part.section) as {
          table?: string;
          rows?: number;
          end?: boolean;
        };
        if (section.end) break;
        const table = section.table ? byName.get(section.table) : undefined;
        if (!table || typeof section.rows !== 'number')
          throw new BadInputError(BACKUP_WORDS.unknownSection(path, JSON.stringify(section).slice(0, 60)));
        let chunk: string[] = [];
        for (let i = 0; i < section.rows; i++) {
          const line = await next();
          if (line === null) throw new BadInputError(BACKUP_WORDS.rowsMissing(path, table.name));
          chunk.push(line);
          if (chunk.length === CHUNK) {
            await insertRows(tx, table, chunk, table.name === AUDIT_TABLE ? incomingAudit : table.name);
            chunk = [];
          }
        }
        if (chunk.length) await insertRows(tx, table, chunk, table.name === AUDIT_TABLE ? incomingAudit : table.name);
        restored.push({ name: table.name, rows: section.rows });
        if (table.name === 'data_revision') {
          const [r] = await queryRows<{ revision: number | string }>(
            tx,
            sql`select coalesce(max(revision), 0) as revision from data_revision`,
          );
          restoredRevision = Number(r?.revision ?? 0);
        }
      }
      const missing = tables.filter((t) => !restored.some((r) => r.name === t.name));
      if (missing.length)
        throw new BadInputError(
          BACKUP_WORDS.tablesMissing(
            path,
            missing.map((t) => t.name),
          ),
        );
      audit = await settleAudit(tx, {
        sideFile: options.auditSideFile ?? defaultSideFile(path),
        backup: { path, createdAt: String(header.createdAt ?? ''), from: String(header.database ?? '') },
      });
      for (const t of tables) {
        if (t.name === AUDIT_TABLE) continue; // settleAudit moved it, forward only
        for (const [column, sequence] of t.sequences) {
          await tx.execute(
            sql.raw(
              `select setval('${sequence.replaceAll("'", "''")}', coalesce((select max(${ident(column)}) from ${ident(t.name)}), 0) + 1, false)`,
            ),
          );
        }
      }
      const revision = Math.max(Number(revisionBefore?.revision ?? 0), restoredRevision) + 1;
      await tx.execute(sql`update data_revision set revision = ${revision}`);
      await rebuildCountsTimeline(tx);
    });
    return {
      tables: restored,
      rows: restored.reduce((n, t) => n + t.rows, 0),
      createdAt: String(header.createdAt ?? ''),
      from: String(header.database ?? ''),
      audit: audit!,
    };
  } finally {
    input.off('error', onError);
    input.destroy();
  }
}

/** Rows of `table` from the file into `into` (the table itself, or where the audit rows wait). */
async function insertRows(db: Db, table: TableInfo, rows: string[], into: string): Promise<void> {
  const columns = table.columns.map(ident).join(', ');
  const overriding = table.identityAlways ? ' overriding system value' : '';
  await db.execute(
    sql`${sql.raw(`insert into ${ident(into)} (${columns})${overriding} select ${columns} from jsonb_populate_recordset(null::${ident(table.name)}, `)}${`[${rows.join(',')}]`}${sql.raw('::jsonb)')}`,
  );
}

function notABackup(path: string, error: Error): BadInputError {
  return new BadInputError(
    BACKUP_WORDS.notABackup(path, (error as NodeJS.ErrnoException).code === 'Z_DATA_ERROR' ? null : error.message),
  );
}
