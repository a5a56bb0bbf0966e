/**
 * The logger itself: the level from ONEMAP_LOG_LEVEL (silent writes nothing, a wrong value is
 * said and treated as info), secrets redacted should a caller pass one, SQL parameters kept out
 * of logged errors, and a crash of the server logged with its stack before the process ends.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DrizzleQueryError } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { log, REDACTED, serializeError } from '../../../server/log/logger.ts';
import { captureLog, type CapturedLog, type LogLine } from '../../support/logs.ts';

const LOGGER = fileURLToPath(new URL('../../../server/log/logger.ts', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'onemap-logger-'));

/** Runs a small script against the logger in its own process: its exit code and standard output. */
function runScript(body: string, env: Record<string, string>): Promise<{ code: number; stdout: string }> {
  const script = join(dir, `script-${Math.random().toString(36).slice(2)}.ts`);
  writeFileSync(script, `import { log, logProcessFailures } from ${JSON.stringify(LOGGER)};\n${body}\n`);
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', script],
      { env: { ...process.env, ...env }, timeout: 60_000 },
      (error, stdout) => {
        resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout });
      },
    );
  });
}
const parse = (stdout: string) =>
  stdout
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as LogLine);

describe('the logger', () => {
  let captured: CapturedLog | undefined;
  afterEach(() => captured?.stop());

  it('redacts secrets and whole headers or bodies, should any caller pass them', () => {
    captured = captureLog('info');
    log.info(
      {
        password: 'p1-secret',
        user: { password: 'p2-secret', token: 't-secret' },
        headers: { cookie: 'c-secret' },
        body: 'b-secret',
        'x-onemap-display-token': 'd-secret',
      },
      'careless',
    );
    const [line] = captured.lines();
    expect(line).toMatchObject({
      password: REDACTED,
      user: { password: REDACTED, token: REDACTED },
      headers: REDACTED,
      body: REDACTED,
      'x-onemap-display-token': REDACTED,
    });
    expect(captured.text()).not.toMatch(/secret/);
  });

  it('keeps the statement of a failed query but not its parameters, in the message, the stack and the causes', () => {
    const error = new DrizzleQueryError(
      'insert into "sessions" ("token_hash", "user_id") values ($1, $2)',
      ['9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08', 7],
      new Error('relation "sessions" does not exist'),
    );
    const logged = JSON.stringify(serializeError(new Error('wrapped', { cause: error })));
    expect(logged).toContain('insert into \\"sessions\\"');
    expect(logged).toContain('relation \\"sessions\\" does not exist');
    expect(logged).not.toContain('9f86d081');
  });

  it('writes nothing at ONEMAP_LOG_LEVEL=silent, and says so when the level is not one it knows', async () => {
    const silent = await runScript(`log.error('should not appear');`, { ONEMAP_LOG_LEVEL: 'silent' });
    expect(silent).toEqual({ code: 0, stdout: '' });
    const wrong = await runScript(`log.info('still logged');`, { ONEMAP_LOG_LEVEL: 'verbose' });
    expect(parse(wrong.stdout).map((l) => [l.level, l.msg])).toEqual([
      ['warn', 'ONEMAP_LOG_LEVEL 无效，按 info 记录'],
      ['info', 'still logged'],
    ]);
  });

  it('logs an unhandled rejection with its stack, and the process still ends as Node ends it', async () => {
    const run = await runScript(
      `logProcessFailures();\nlog.info('serving');\nvoid Promise.reject(new Error('lost promise'));`,
      { ONEMAP_LOG_LEVEL: 'info' },
    );
    expect(run.code).toBe(1);
    const lines = parse(run.stdout);
    expect(lines.map((l) => l.msg)).toEqual(['serving', '未处理的 Promise 拒绝，进程退出']);
    expect(lines[1]).toMatchObject({ level: 'fatal', origin: 'unhandledRejection', err: { message: 'lost promise' } });
    expect((lines[1]!.err as { stack: string }).stack).toMatch(/\n {4}at /);
  });
});
