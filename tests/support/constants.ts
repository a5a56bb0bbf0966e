/** The seeded fixture every database test starts from (history fixed so results are stable). */
export const FIXTURE_SEED = 1;
export const FIXTURE_AS_OF = '2026-11-25';
export const DEFAULT_POSTGRES_URL = 'postgres://postgres@127.0.0.1:5432/postgres';
