/**
 * `onemap backup`: every row of every table, read in one repeatable-read snapshot, written as
 * gzipped JSON lines (see format.ts) to a temporary file renamed into place when complete.
 */
import { createWriteStream } from 'node:fs';
import { rename, rm, writeFile } from 'node:fs/promises';
import { once } from 'node:events';
import { createGzip } from 'node:zlib';
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/connection.ts';
import { queryRows } from '../../db/rows.ts';
import { BadInputError } from '../errors.ts';
import { BACKUP_WORDS } from './backupWords.ts';
import { BACKUP_FORMAT, BACKUP_VERSION, type BackupEnd, type BackupHeader, type TableSection } from './format.ts';
import { schemaVersionOf } from './schemaVersion.ts';
import { describeRecordTables, ident } from './tables.ts';

const PAGE = 5000;

export interface BackupSummary {
  path: string;
  tables: { name: string; rows: number }[];
  rows: number;
}

export async function writeBackup(db: Db, databaseKind: string, path: string): Promise<BackupSummary> {
  const temporary = `${path}.${process.pid}.tmp`;
  try {
    // Fails here, before any reading, when the place cannot be written. Readable by its owner
    // only: a backup holds every password hash (and may sit in a shared temporary folder).
    await writeFile(temporary, '', { mode: 0o600 });
  } catch (error) {
    throw new BadInputError(
      BACKUP_WORDS.cannotWrite(path, (error as NodeJS.ErrnoException).code ?? (error as Error).message),
    );
  }
  const gzip = createGzip();
  const out = createWriteStream(temporary);
  let streamError: Error | null = null;
  out.on('error', (error) => {
    streamError = error;
  });
  gzip.pipe(out);
  const write = async (line: string) => {
    if (streamError) throw streamError;
    if (!gzip.write(line + '\n')) await once(gzip, 'drain');
  };
  try {
    let summary: BackupSummary | null = null;
    await db.transaction(
      async (tx) => {
        const tables = await describeRecordTables(tx);
        const counts: { name: string; rows: number }[] = [];
        for (const t of tables) {
          const [row] = await queryRows<{ n: number | string }>(
            tx,
            sql.raw(`select count(*) as n from ${ident(t.name)}`),
          );
          counts.push({ name: t.name, rows: Number(row?.n ?? 0) });
        }
        const header: BackupHeader = {
          format: BACKUP_FORMAT,
          version: BACKUP_VERSION,
          createdAt: new Date().toISOString(),
          database: databaseKind,
          schema: await schemaVersionOf(tx),
          tables: counts,
        };
        await write(JSON.stringify(header));
        let total = 0;
        for (const [i, t] of tables.entries()) {
          const rows = counts[i]!.rows;
          await write(JSON.stringify({ table: t.name, rows } satisfies TableSection));
          const minus = t.generated.map((c) => ` - '${c.replaceAll("'", "''")}'`).join('');
          const order = (t.primaryKey.length ? t.primaryKey : t.columns).map(ident).join(', ');
          for (let offset = 0; offset < rows; offset += PAGE) {
            const page = await queryRows<{ r: string }>(
              tx,
              sql.raw(
                `select (to_jsonb(t)${minus})::text as r from ${ident(t.name)} t order by ${order} limit ${PAGE} offset ${offset}`,
              ),
            );
            for (const { r } of page) await write(r);
          }
          total += rows;
        }
        await write(JSON.stringify({ end: true, tables: tables.length, rows: total } satisfies BackupEnd));
        summary = { path, tables: counts, rows: total };
      },
      { isolationLevel: 'repeatable read', accessMode: 'read only' },
    );
    gzip.end();
    await once(out, 'close');
    await rename(temporary, path);
    return summary!;
  } catch (error) {
    gzip.destroy();
    out.destroy();
    await rm(temporary, { force: true });
    const code = (error as NodeJS.ErrnoException).code;
    if (code && /^E[A-Z]+$/.test(code)) throw new BadInputError(BACKUP_WORDS.cannotWrite(path, code));
    throw error;
  }
}
