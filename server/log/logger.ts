/**
 * The server's log: JSON lines (pino), one object a line, for journald or a log shipper. The level
 * comes from ONEMAP_LOG_LEVEL (fatal, error, warn, info — the default —, debug, trace, or silent).
 * `onemap serve` writes to standard output; the one-shot commands write to standard error, so
 * that what they print for a person or a pipe (CSV, reports) stays clean.
 *
 * Nothing secret is logged: no request bodies or headers are ever passed to the log, errors are
 * reduced to their type, message and stack without SQL parameters (they can hold password hashes
 * and personal data), and the usual secret-bearing keys are redacted should one slip in.
 */
import { readFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import pino, { type DestinationStream, type Logger } from 'pino';
import { currentRequest } from './requestContext.ts';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export const ONEMAP_VERSION = (
  JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }
).version;

/**
 * Keys whose values never reach the log, at the top or one level down: secrets, and the wholes
 * (headers, bodies, inputs) that carry them.
 */
const SECRET_KEYS = [
  'password',
  'newPassword',
  'currentPassword',
  'token',
  'sessionToken',
  'displayToken',
  'cookie',
  'authorization',
  'x-onemap-display-token',
  'set-cookie',
  'headers',
  'body',
  'input',
  'rawInput',
  'connectionParams',
];
const REDACT_PATHS = SECRET_KEYS.flatMap((key) =>
  /^[A-Za-z]+$/.test(key) ? [key, `*.${key}`] : [`["${key}"]`, `*["${key}"]`],
);
export const REDACTED = '[已隐藏]';

/** The ONEMAP_LOG_LEVEL value as a level; undefined when it names none. */
export function logLevelFrom(value: string | undefined): LogLevel | undefined {
  const level = (value ?? '').trim().toLowerCase() || 'info';
  return (LOG_LEVELS as readonly string[]).includes(level) ? (level as LogLevel) : undefined;
}

/**
 * An error as the log keeps it: type, message, stack, the driver's code, and its causes. Drizzle
 * puts the statement's parameters into the message (`params: …`) and onto the error: both go.
 */
export function serializeError(error: unknown, depth = 0): Record<string, unknown> {
  if (!(error instanceof Error)) return { type: typeof error, message: withoutParams(String(error)) };
  const code = (error as { code?: unknown }).code;
  return {
    type: error.constructor?.name ?? error.name,
    message: withoutParams(error.message),
    stack: error.stack === undefined ? undefined : withoutParams(error.stack),
    ...(typeof code === 'string' || typeof code === 'number' ? { code } : {}),
    ...(error.cause !== undefined && depth < 3 ? { cause: serializeError(error.cause, depth + 1) } : {}),
  };
}

/** Drizzle's `params:` runs to the end of the message (in a stack, up to the first frame); values may hold newlines. */
function withoutParams(text: string): string {
  return text.replace(/\nparams: [\s\S]*?(?=\n {4}at |$)/g, '\nparams: [未记录]');
}

export interface LogSink {
  write(line: string): void;
}

let stdout: LogSink | null = null;
/**
 * Written synchronously, as console.log does: lines stay in order and none is lost when the
 * process crashes or is killed, at a cost a dashboard's request rate does not notice.
 */
const standardOutput = (): LogSink => (stdout ??= pino.destination({ dest: 1, sync: true }));
let sink: LogSink | null = null;

const destination: DestinationStream = {
  write: (line: string) => (sink ?? standardOutput()).write(line),
};

const configured = logLevelFrom(process.env.ONEMAP_LOG_LEVEL);

export const log: Logger = pino(
  {
    level: configured ?? 'info',
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
    serializers: { err: serializeError },
    redact: { paths: REDACT_PATHS, censor: REDACTED },
    // A line written while a request is handled names it and its user (requestContext.ts).
    mixin: () => {
      const request = currentRequest();
      return request ? { requestId: request.requestId, ...(request.user ? { user: request.user } : {}) } : {};
    },
  },
  destination,
);

if (configured === undefined)
  log.warn({ value: process.env.ONEMAP_LOG_LEVEL, allowed: LOG_LEVELS }, 'ONEMAP_LOG_LEVEL 无效，按 info 记录');

/** Sends the log elsewhere: a stream, 'stderr', or back to 'stdout'. Tests pass a collector. */
export function logTo(target: LogSink | 'stdout' | 'stderr'): void {
  sink = target === 'stdout' ? null : target === 'stderr' ? process.stderr : target;
}

/**
 * A one-shot command logs to standard error (or `to`, for a command run in-process by a test, with
 * that run's level), naming the command and the system user who ran it. Returns what undoes it.
 */
export function useCommandLog(command: string, to: LogSink = process.stderr, level?: LogLevel): () => void {
  // pino only adds bindings; undoing them restores its serialised bindings (a public symbol).
  const before: { sink: LogSink | null; level: string; bindings: unknown } = {
    sink,
    level: log.level,
    bindings: Reflect.get(log, pino.symbols.chindingsSym),
  };
  sink = to;
  log.setBindings({ command, osUser: systemUser() });
  if (level) log.level = level;
  // The benchmark's in-process servers answer tens of thousands of requests: their lines would
  // bury its report. Asked for explicitly, they are written like any other.
  else if (command === 'bench' && !process.env.ONEMAP_LOG_LEVEL) log.level = 'warn';
  return () => {
    sink = before.sink;
    log.level = before.level;
    Reflect.set(log, pino.symbols.chindingsSym, before.bindings);
  };
}

function systemUser(): string | null {
  try {
    return userInfo().username;
  } catch {
    return null;
  }
}

/**
 * A crash is logged with its stack before Node ends the process as it always would (the monitor
 * event changes nothing about the crash itself).
 */
export function logProcessFailures(): void {
  process.on('uncaughtExceptionMonitor', (error, origin) => {
    log.fatal(
      { err: error, origin },
      origin === 'unhandledRejection' ? '未处理的 Promise 拒绝，进程退出' : '未捕获的异常，进程退出',
    );
  });
}
