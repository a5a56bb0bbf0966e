/** One statement on the local PostgreSQL's admin connection (create or drop a bench database). */
import postgres from 'postgres';

export const BENCH_POSTGRES_ADMIN_URL =
  process.env.ONEMAP_BENCH_POSTGRES_URL || 'postgres://postgres@127.0.0.1:5432/postgres';

export async function adminStatement(statement: string, adminUrl = BENCH_POSTGRES_ADMIN_URL): Promise<void> {
  const client = postgres(adminUrl, { max: 1, onnotice: () => {} });
  try {
    await client.unsafe(statement);
  } finally {
    await client.end({ timeout: 1 });
  }
}
