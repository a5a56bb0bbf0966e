/**
 * The tables of the database as PostgreSQL itself describes them (so tables added by later
 * migrations are backed up without changing this code): every base table of the public schema,
 * parents before children, with their writable columns, primary key and serial sequences.
 */
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/connection.ts';
import { queryRows } from '../../db/rows.ts';

export interface TableInfo {
  name: string;
  /** Columns that can be written (generated columns are left out: the database computes them). */
  columns: string[];
  /** Generated columns, dropped from the backup rows. */
  generated: string[];
  primaryKey: string[];
  /** Identity columns declared GENERATED ALWAYS need OVERRIDING SYSTEM VALUE to restore. */
  identityAlways: boolean;
  /** [column, sequence] for serial/identity columns, to move past the restored ids. */
  sequences: [string, string][];
}

export const ident = (name: string) => `"${name.replaceAll('"', '""')}"`;

/**
 * Tables computed from the records (the per-township counts timeline and its bookkeeping): not
 * backed up; a restore empties them, and the first query rebuilds them from the restored records.
 */
export const DERIVED_TABLES: ReadonlySet<string> = new Set([
  'township_counts_timeline',
  'counts_timeline_state',
  'compound_counts_changes',
  'compound_state_ranges',
]);

/**
 * The audit chain's head (its last position and hash): kept by the chain trigger alone, so not
 * backed up; a restore appends through the trigger, which moves it.
 */
export const CHAIN_HEAD_TABLE = 'audit_chain_head';

/** The tables whose rows a backup carries: every table but the derived ones and the chain head. */
export async function describeRecordTables(db: Db): Promise<TableInfo[]> {
  return (await describeTables(db)).filter((t) => !DERIVED_TABLES.has(t.name) && t.name !== CHAIN_HEAD_TABLE);
}

export async function describeTables(db: Db): Promise<TableInfo[]> {
  const [tables, columns, keys, fks] = await Promise.all([
    queryRows<{ name: string }>(
      db,
      sql`select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace where n.nspname = 'public' and c.relkind in ('r', 'p') order by c.relname`,
    ),
    queryRows<{
      table_name: string;
      column_name: string;
      is_generated: string;
      identity_generation: string | null;
      seq: string | null;
    }>(
      db,
      sql`select table_name, column_name, is_generated, identity_generation,
            pg_get_serial_sequence(format('%I.%I', table_schema, table_name), column_name) as seq
          from information_schema.columns where table_schema = 'public' order by table_name, ordinal_position`,
    ),
    queryRows<{ table_name: string; column_name: string }>(
      db,
      sql`select c.relname as table_name, a.attname as column_name
          from pg_index i join pg_class c on c.oid = i.indrelid join pg_namespace n on n.oid = c.relnamespace
          join lateral unnest(i.indkey) with ordinality as k(attnum, ord) on true
          join pg_attribute a on a.attrelid = c.oid and a.attnum = k.attnum
          where i.indisprimary and n.nspname = 'public' order by c.relname, k.ord`,
    ),
    queryRows<{ child: string; parent: string }>(
      db,
      sql`select ch.relname as child, pa.relname as parent from pg_constraint f
          join pg_class ch on ch.oid = f.conrelid join pg_class pa on pa.oid = f.confrelid
          join pg_namespace n on n.oid = ch.relnamespace where f.contype = 'f' and n.nspname = 'public'`,
    ),
  ]);
  const infos = new Map<string, TableInfo>(
    tables.map((t) => [
      t.name,
      { name: t.name, columns: [], generated: [], primaryKey: [], identityAlways: false, sequences: [] },
    ]),
  );
  for (const c of columns) {
    const info = infos.get(c.table_name);
    if (!info) continue;
    if (c.is_generated === 'ALWAYS') info.generated.push(c.column_name);
    else info.columns.push(c.column_name);
    if (c.identity_generation === 'ALWAYS') info.identityAlways = true;
    if (c.seq) info.sequences.push([c.column_name, c.seq]);
  }
  for (const k of keys) infos.get(k.table_name)?.primaryKey.push(k.column_name);

  // Parents first (a table referencing itself is its own parent and ignored).
  const parents = new Map<string, Set<string>>([...infos.keys()].map((n) => [n, new Set<string>()]));
  for (const f of fks) if (f.child !== f.parent && infos.has(f.parent)) parents.get(f.child)?.add(f.parent);
  const ordered: TableInfo[] = [];
  const placed = new Set<string>();
  while (placed.size < infos.size) {
    const ready = [...infos.keys()].filter((n) => !placed.has(n) && [...parents.get(n)!].every((p) => placed.has(p)));
    if (ready.length === 0) throw new Error('foreign keys form a cycle between tables');
    for (const n of ready.sort()) {
      placed.add(n);
      ordered.push(infos.get(n)!);
    }
  }
  return ordered;
}
