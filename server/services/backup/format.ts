/**
 * The backup file: gzipped JSON lines.
 *
 *   line 1    header  {"format":"onemap-backup","version":1,"createdAt":…,"database":"pglite",
 *                      "schema":{"migrations":[{"tag","hash"},…]},"tables":[{"name","rows"},…]}
 *   then, per table (parents before children):
 *             {"table":"compounds","rows":347}
 *             one line per row: the row as PostgreSQL's to_jsonb (generated columns left out)
 *   last      {"end":true,"tables":19,"rows":123456}
 *
 * Portable between PGlite and PostgreSQL: values are written and read back by PostgreSQL itself
 * (to_jsonb / jsonb_populate_recordset), so dates, numerics, doubles and jsonb round-trip exactly.
 */
import type { SchemaVersion } from './schemaVersion.ts';

export const BACKUP_FORMAT = 'onemap-backup';
export const BACKUP_VERSION = 1;

export interface BackupHeader {
  format: typeof BACKUP_FORMAT;
  version: number;
  createdAt: string;
  database: string;
  schema: SchemaVersion;
  tables: { name: string; rows: number }[];
}

export interface TableSection {
  table: string;
  rows: number;
}

export interface BackupEnd {
  end: true;
  tables: number;
  rows: number;
}
