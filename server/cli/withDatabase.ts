import { openDatabase, optionsFromEnv, type Database } from '../db/connection.ts';

/** Opens the configured database (DATABASE_URL or the embedded one), runs `work`, closes it. */
export async function withDatabase<T>(work: (database: Database) => Promise<T>): Promise<T> {
  const database = await openDatabase(optionsFromEnv());
  try {
    return await work(database);
  } finally {
    await database.close();
  }
}
