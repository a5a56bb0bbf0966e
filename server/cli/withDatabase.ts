import { openDatabase, optionsFromEnv, type Database } from '../db/connection.ts';
import type { CliIo } from './command.ts';

/** Opens the configured database (DATABASE_URL or the embedded one), runs `work`, closes it. */
export async function withDatabase<T>(io: Pick<CliIo, 'env'>, work: (database: Database) => Promise<T>): Promise<T> {
  const database = await openDatabase(optionsFromEnv(io.env));
  try {
    return await work(database);
  } finally {
    await database.close();
  }
}
