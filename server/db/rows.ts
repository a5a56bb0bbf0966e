/** Raw SQL results come back as `{ rows }` from PGlite and as an array from postgres.js. */
import type { SQL } from 'drizzle-orm';
import type { Db } from './connection.ts';

export async function queryRows<T extends Record<string, unknown>>(db: Db, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown;
  if (Array.isArray(result)) return result as T[];
  return ((result as { rows: T[] }).rows ?? []) as T[];
}
