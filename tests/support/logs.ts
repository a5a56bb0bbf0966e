/**
 * The server's log, captured: every line the process writes while a test runs, parsed, for tests
 * that assert what an operator would read (and what must never be there).
 */
import { vi } from 'vitest';
import { log, logTo, type LogLevel } from '../../server/log/logger.ts';

export interface LogLine {
  level: string;
  time: string;
  msg: string;
  [field: string]: unknown;
}

export interface CapturedLog {
  /** Everything written, exactly as it would reach standard output. */
  text(): string;
  lines(): LogLine[];
  /** Waits for (and returns) the first line that satisfies `match`. */
  waitFor(match: (line: LogLine) => boolean, what: string): Promise<LogLine>;
  stop(): void;
}

export function captureLog(level: LogLevel = 'info'): CapturedLog {
  const written: string[] = [];
  const previousLevel = log.level;
  logTo({ write: (line) => void written.push(line) });
  log.level = level;
  const lines = () =>
    written
      .join('')
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as LogLine);
  return {
    text: () => written.join(''),
    lines,
    waitFor: (match, what) =>
      vi.waitFor(
        () => {
          const found = lines().find(match);
          if (!found) throw new Error(`no log line: ${what}`);
          return found;
        },
        { timeout: 10_000, interval: 20 },
      ),
    stop() {
      logTo('stdout');
      log.level = previousLevel;
    },
  };
}
