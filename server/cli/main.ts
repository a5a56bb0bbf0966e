/**
 * `onemap`: one entry for every operation a person or a cron job runs. Each failure a person
 * can act on is printed as one line and exits non-zero; set ONEMAP_DEBUG=1 for stacks.
 */
import { processIo } from './command.ts';
import { runOnemap } from './run.ts';

// The exit code, not process.exit(): a server started by `serve` keeps the process running.
process.exitCode = await runOnemap(process.argv.slice(2), processIo);
