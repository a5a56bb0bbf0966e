/**
 * Running `onemap …` from a test: in this process (runCli: the command's own code with buffers
 * for its output and the given environment, no Node start-up or TypeScript load per call), or as
 * a real process through bin/onemap.js for what only a process shows — the entry itself, exit
 * codes from Node, signals, two processes on one data directory (runCliProcess, spawnCli).
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { runOnemap } from '../../server/cli/run.ts';

const BIN = fileURLToPath(new URL('../../bin/onemap.js', import.meta.url));

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** The test process's environment without DATABASE_URL, plus `env` (undefined removes a key). */
function commandEnv(env: Record<string, string | undefined>): NodeJS.ProcessEnv {
  const merged: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: undefined, ...env };
  for (const key of Object.keys(merged)) if (merged[key] === undefined) delete merged[key];
  return merged;
}

/** In-process runs share the log's destination, so they take turns. */
let previousRun: Promise<unknown> = Promise.resolve();

/**
 * Runs `onemap …` in this process with the given environment additions; `input` is what the
 * command reads from standard input. The command sees only `env` (services that read
 * process.env directly, such as CHROMIUM_PATH, need vi.stubEnv as well).
 */
export function runCli(args: string[], env: Record<string, string | undefined> = {}, input = ''): Promise<CliResult> {
  // Their --help only prints the usage; anything else starts a server in this process.
  const help = args.includes('--help') || args.includes('-h');
  if ((args[0] === 'serve' || args[0] === 'dev') && !help)
    throw new Error(`onemap ${args[0]} keeps running and owns its process: use runCliProcess or spawnCli`);
  const run = previousRun.then(async () => {
    const stdout: Buffer[] = [];
    const stderr: string[] = [];
    const code = await runOnemap(args, {
      stdout: { write: (chunk) => void stdout.push(Buffer.from(chunk)) },
      stderr: { write: (chunk) => void stderr.push(chunk) },
      stdin: Readable.from([Buffer.from(input)]),
      env: commandEnv(env),
    });
    return { code, stdout: Buffer.concat(stdout).toString('utf8'), stderr: stderr.join('') };
  });
  previousRun = run.catch(() => {});
  return run;
}

/** Runs `onemap …` in a child process (bin/onemap.js); `input` is written to its standard input. */
export function runCliProcess(
  args: string[],
  env: Record<string, string | undefined> = {},
  input = '',
): Promise<CliResult> {
  return new Promise((resolve) => {
    const child = execFile(
      process.execPath,
      [BIN, ...args],
      { env: commandEnv(env), maxBuffer: 64 * 1024 * 1024, timeout: 120_000 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
    child.stdin?.end(input);
  });
}

/** Starts `onemap …` without waiting, for tests that watch its progress or kill it. */
export function spawnCli(args: string[], env: Record<string, string | undefined> = {}): ChildProcess {
  return spawn(process.execPath, [BIN, ...args], { env: commandEnv(env), stdio: ['ignore', 'pipe', 'pipe'] });
}
