/** The shape of an `onemap` command, and the parsing every command shares. */
import { parseArgs, type ParseArgsConfig } from 'node:util';

export class CliError extends Error {
  override name = 'CliError';
}

/**
 * Where a command reads and writes: the process's own streams and environment when `onemap` runs,
 * buffers and a given environment when a test runs a command in-process (server/cli/run.ts).
 */
export interface CliIo {
  stdout: { write(chunk: string | Uint8Array): unknown };
  stderr: { write(chunk: string): unknown };
  /** Read by --password-stdin; a terminal (isTTY) allows the hidden prompt instead. */
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  env: NodeJS.ProcessEnv;
}

export const processIo: CliIo = {
  stdout: process.stdout,
  stderr: process.stderr,
  stdin: process.stdin,
  env: process.env,
};

export interface Command {
  name: string;
  summary: string;
  usage: string;
  run(argv: string[], io: CliIo): Promise<void>;
}

type Options = NonNullable<ParseArgsConfig['options']>;

/** parseArgs with one-line Chinese errors; `--help` prints the usage and returns null. */
export function parseCommandArgs<O extends Options>(
  command: Pick<Command, 'usage'>,
  io: Pick<CliIo, 'stdout'>,
  argv: string[],
  options: O,
  allowPositionals = false,
) {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      options: { ...options, help: { type: 'boolean', short: 'h' } },
      allowPositionals,
      strict: true,
    });
  } catch (error) {
    const message = (error as Error).message.split('\n')[0] ?? '';
    const unknown = /Unknown option '([^']+)'/.exec(message);
    if (unknown) throw new CliError(`未知选项 ${unknown[1]}（用 --help 查看用法）`);
    const positional = /Unexpected argument '([^']+)'/.exec(message);
    if (positional) throw new CliError(`多余的参数 ${positional[1]}（用 --help 查看用法）`);
    const missing = /Option '([^']+)'.* argument missing/.exec(message);
    if (missing) throw new CliError(`选项 ${missing[1]?.split(',')[0]} 缺少取值`);
    throw new CliError(message);
  }
  if ((parsed.values as Record<string, unknown>).help) {
    io.stdout.write(command.usage.trimEnd() + '\n');
    return null;
  }
  return parsed;
}

/** Validates a value against a fixed list, naming the allowed values. */
export function oneOf<T extends string>(value: string | undefined, allowed: readonly T[], what: string): T {
  if (value === undefined) throw new CliError(`缺少 ${what}（可选：${allowed.join('|')}）`);
  if (!(allowed as readonly string[]).includes(value))
    throw new CliError(`${what} 不支持 "${value}"（可选：${allowed.join('|')}）`);
  return value as T;
}

export function parseInteger(value: string, what: string, min = 0, max = Number.MAX_SAFE_INTEGER): number {
  if (!/^\d+$/.test(value)) throw new CliError(`${what} 应为整数：${value}`);
  const n = Number(value);
  if (n < min || n > max) throw new CliError(`${what} 应在 ${min}–${max} 之间：${value}`);
  return n;
}
