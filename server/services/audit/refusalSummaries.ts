/**
 * Repeated refusals, counted instead of written one by one: a reader scripting 200 forbidden calls
 * must not write 200 audit rows (the log is append-only, so a flood could never be cleaned up).
 *
 * Per database, actor and procedure: the first refusal is written at once (count 1); the ones
 * that follow within the minute are only counted in memory and written as one summary row with
 * their count when the minute ends. While refusals keep coming, each following minute writes one
 * summary row; a quiet minute ends the series, and the next refusal is again written at once.
 * `flushRefusalSummaries` writes what is counted before the server stops, so the counts are exact.
 */
import type { Db } from '../../db/connection.ts';
import type { Actor } from '../auth/roles.ts';
import { writeAudit } from './auditLog.ts';

export interface ForbiddenAttempt {
  tableName: string;
  recordId?: string | null;
  detail?: Record<string, unknown>;
}

/** One actor's refusals on one procedure, counted since `since`. */
interface Series {
  db: Db;
  key: string;
  actor: Actor | null;
  attempt: ForbiddenAttempt;
  since: Date;
  /** Refusals counted and not yet written. */
  repeats: number;
  lastAt: Date;
  /** A few of the records asked for, so the summary still says what was tried. */
  recordIds: Set<string>;
  timer: NodeJS.Timeout;
}

const RECORD_IDS_KEPT = 20;
let windowMs = 60_000;
const series = new Map<Db, Map<string, Series>>();
/** Writes in flight, so a flush also waits for a first row still being written. */
const pending = new Set<Promise<void>>();

/** For tests: a shorter minute. */
export function setRefusalWindowForTests(ms: number): void {
  windowMs = ms;
}

export async function countRefusal(db: Db, actor: Actor | null, attempt: ForbiddenAttempt): Promise<void> {
  const key = JSON.stringify([
    actor?.userId ?? null,
    actor?.displayTokenId ?? null,
    actor?.role ?? null,
    attempt.tableName,
    attempt.detail?.procedure ?? null,
  ]);
  let ofDb = series.get(db);
  if (!ofDb) series.set(db, (ofDb = new Map()));
  const running = ofDb.get(key);
  if (running) {
    // Counted synchronously: parallel refusals can never be lost between a read and a write.
    running.repeats += 1;
    running.lastAt = new Date();
    if (attempt.recordId && running.recordIds.size < RECORD_IDS_KEPT) running.recordIds.add(attempt.recordId);
    return;
  }
  const started: Series = {
    db,
    key,
    actor,
    attempt,
    since: new Date(),
    repeats: 0,
    lastAt: new Date(),
    recordIds: new Set(),
    timer: undefined as never,
  };
  started.timer = setTimeout(() => track(endOfMinute(started)), windowMs).unref();
  ofDb.set(key, started);
  await track(
    writeAudit(db, actor, {
      action: 'forbidden',
      tableName: attempt.tableName,
      recordId: attempt.recordId ?? null,
      after: detailOf(actor, attempt),
    }),
  );
}

/** Writes every counted refusal not yet written (before the server stops or the database closes). */
export async function flushRefusalSummaries(db?: Db): Promise<void> {
  const all = db ? [...(series.get(db)?.values() ?? [])] : [...series.values()].flatMap((m) => [...m.values()]);
  for (const s of all) {
    clearTimeout(s.timer);
    forget(s);
  }
  await Promise.all(pending);
  await Promise.all(all.map((s) => writeSummary(s)));
}

async function endOfMinute(s: Series): Promise<void> {
  if (s.repeats === 0) {
    forget(s);
    return;
  }
  const written = writeSummary(s);
  s.since = new Date();
  s.repeats = 0;
  s.recordIds = new Set();
  s.timer = setTimeout(() => track(endOfMinute(s)), windowMs).unref();
  await written;
}

/** Takes what is counted now (later refusals count towards the next row) and writes it. */
async function writeSummary(s: Series): Promise<void> {
  const count = s.repeats;
  if (count === 0) return;
  const after = {
    ...detailOf(s.actor, s.attempt),
    repeated: { from: s.since.toISOString(), to: s.lastAt.toISOString(), recordIds: [...s.recordIds] },
  };
  s.repeats = 0;
  try {
    await writeAudit(s.db, s.actor, {
      action: 'forbidden',
      tableName: s.attempt.tableName,
      recordId: null,
      after,
      count,
    });
  } catch (error) {
    // The database is gone (closed or down): say so where an operator looks, with the count.
    process.stderr.write(
      `审计日志写入失败：${count} 次被拒绝的操作（${s.attempt.tableName}）未能记录：${(error as Error).message}\n`,
    );
  }
}

function forget(s: Series): void {
  const ofDb = series.get(s.db);
  if (ofDb?.get(s.key) === s) ofDb.delete(s.key);
  if (ofDb?.size === 0) series.delete(s.db);
}

function track(work: Promise<void>): Promise<void> {
  const p = work.finally(() => pending.delete(p));
  pending.add(p);
  return p;
}

function detailOf(actor: Actor | null, attempt: ForbiddenAttempt): Record<string, unknown> {
  return {
    ...attempt.detail,
    role: actor?.role ?? null,
    townshipCode: actor?.townshipCode ?? null,
    ...(actor?.via === 'display-token' ? { displayToken: actor.displayName } : {}),
  };
}
