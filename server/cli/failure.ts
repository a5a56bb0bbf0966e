/**
 * How a failed command ends: a failure a person can act on is one line and exit code 1; anything
 * else is one line and exit code 2. ONEMAP_DEBUG=1 adds the stack. Shared by `onemap` and the
 * benchmark harness's own entry (scripts/bench/cli.ts).
 */
import { DatabaseError } from '../db/connection.ts';
import { SeedError } from '../services/seed/seedDemoCity.ts';
import { BadInputError } from '../services/errors.ts';
import { CliError, processIo, type CliIo } from './command.ts';

const EXPECTED_ERRORS = [CliError, DatabaseError, BadInputError, SeedError];

/** Writes the failure's line and returns the exit code. */
export function describeFailure(prefix: string, error: unknown, io: Pick<CliIo, 'stderr' | 'env'>): 1 | 2 {
  const err = error as Error;
  const expected = EXPECTED_ERRORS.some((E) => err instanceof E);
  io.stderr.write(`${prefix}: ${expected ? err.message : `出错：${err.message}`}\n`);
  if (io.env.ONEMAP_DEBUG) io.stderr.write(`${err.stack}\n`);
  return expected ? 1 : 2;
}

/** The same, ending this process with that exit code. */
export function reportFailure(prefix: string, error: unknown): void {
  process.exitCode = describeFailure(prefix, error, processIo);
}
