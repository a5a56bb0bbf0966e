/**
 * Where a procedure's statements go when the server has a read replica (`DATABASE_REPLICA_URL`):
 * queries to the replica, mutations to the primary, and a client's reads after its own write to
 * the primary until the replica has replayed that write.
 *
 * "Until replayed", not "for a few seconds": after a mutation the primary's WAL position
 * (`pg_current_wal_lsn()`, at or past the write's commit) travels back to the browser in a cookie
 * (`onemap_wrote`), and a query carrying it is answered by the primary while the replica's
 * `pg_last_wal_replay_lsn()` is behind it — exact whatever the lag, where a time window would be
 * too long on a quiet day and too short under load. A cookie rather than a table or a map in
 * memory: every server process sees it at no cost (no extra write per mutation, no state shared
 * between workers), and a forged one only sends its own reads to the primary. Once the replica has
 * caught up the cookie is cleared and the client's reads go back to the replica.
 */
import type { ServerResponse } from 'node:http';
import type { Db } from '../db/connection.ts';
import { currentWalLsn, isLsn, isReadOnlyError, type Replica } from '../db/replica.ts';
import { log } from '../log/logger.ts';

export const WRITE_MARK_COOKIE = 'onemap_wrote';
/** Past this a lagging replica serves the client's reads anyway (and a stale cookie goes away). */
const WRITE_MARK_SECONDS = 600;

/** The WAL position of this client's last write, as far as its cookie says. */
export interface WriteMark {
  readonly lsn: string | null;
  remember(lsn: string): void;
  forget(): void;
}

export const NO_WRITE_MARK: WriteMark = { lsn: null, remember: () => {}, forget: () => {} };

function markCookie(value: string, maxAge: number, secure: boolean): string {
  return [`${WRITE_MARK_COOKIE}=${value}`, 'Path=/', 'HttpOnly', 'SameSite=Strict', `Max-Age=${maxAge}`]
    .concat(secure ? ['Secure'] : [])
    .join('; ');
}

/** The mark of an HTTP request: read from its cookie, written to its response. */
export function writeMarkOf(
  cookie: string | undefined,
  res: ServerResponse,
  secure: boolean,
  append: (res: ServerResponse, value: string) => void,
): WriteMark {
  let lsn = isLsn(cookie) ? cookie : null;
  return {
    get lsn() {
      return lsn;
    },
    remember(next) {
      lsn = next;
      if (!res.headersSent) append(res, markCookie(next, WRITE_MARK_SECONDS, secure));
    },
    forget() {
      if (lsn === null) return;
      lsn = null;
      if (!res.headersSent) append(res, markCookie('', 0, secure));
    },
  };
}

interface RoutingContext {
  db: Db;
  replica?: Replica | undefined;
  writeMark: WriteMark;
}

/** One check of the replica per request (a batch of queries shares it). */
const caughtUp = new WeakMap<WriteMark, Promise<boolean>>();

/** Whether this request's reads may go to the replica. */
async function replicaServes(ctx: RoutingContext & { replica: Replica }): Promise<boolean> {
  const { lsn } = ctx.writeMark;
  if (lsn === null) return true;
  let check = caughtUp.get(ctx.writeMark);
  if (!check) {
    check = ctx.replica.hasReplayed(lsn).then((replayed) => {
      if (replayed) ctx.writeMark.forget();
      return replayed;
    });
    caughtUp.set(ctx.writeMark, check);
  }
  return check;
}

type Result = { ok: true } | { ok: false; error: { cause?: unknown } };

/**
 * The routing itself, as a tRPC middleware body: `next(db)` runs the rest of the procedure on
 * that database. A query that turns out to write fails on the replica (SQLSTATE 25006); it is run
 * again on the primary and logged, so that it can be made a pure read.
 */
export async function routeStatements<R extends Result>(
  ctx: RoutingContext,
  type: string,
  path: string,
  next: (db?: Db) => Promise<R>,
): Promise<R> {
  const { replica } = ctx;
  if (!replica) return next();
  if (type === 'mutation') {
    const result = await next();
    // Failed mutations too: one may have written before it failed (an audit row).
    await currentWalLsn(ctx.db)
      .then((lsn) => ctx.writeMark.remember(lsn))
      .catch((error: unknown) => log.warn({ err: error, procedure: path }, '读取主库 WAL 位置失败'));
    return result;
  }
  if (type !== 'query' || !(await replicaServes({ ...ctx, replica }).catch(() => false))) return next();
  const result = await next(replica.db);
  if (result.ok || !isReadOnlyError(result.error)) return result;
  log.warn({ procedure: path, event: 'replica.read-wrote' }, '只读请求在只读副本上需要写入，已改由主库执行');
  return next();
}
