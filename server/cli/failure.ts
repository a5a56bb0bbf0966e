/**
 * How a failed command ends: a failure a person can act on is one line and exit code 1; anything
 * else is one line and exit code 2. ONEMAP_DEBUG=1 adds the stack. Shared by `onemap` and the
 * benchmark harness's own entry (scripts/bench/cli.ts).
 */
import { DatabaseError } from '../db/connection.ts';
import { SeedError } from '../services/seed/seedDemoCity.ts';
import { BadInputError } from '../services/errors.ts';
import { CliError } from './command.ts';

const EXPECTED_ERRORS = [CliError, DatabaseError, BadInputError, SeedError];

export function reportFailure(prefix: string, error: unknown): void {
  const err = error as Error;
  const expected = EXPECTED_ERRORS.some((E) => err instanceof E);
  process.stderr.write(`${prefix}: ${expected ? err.message : `出错：${err.message}`}\n`);
  if (process.env.ONEMAP_DEBUG) process.stderr.write(`${err.stack}\n`);
  process.exitCode = expected ? 1 : 2;
}
