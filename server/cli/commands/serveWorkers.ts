/**
 * `onemap serve --workers N` on PostgreSQL: N server processes sharing one port (node:cluster —
 * the primary accepts the connections and hands them out in turn), so that a city's analysts are
 * answered on every core rather than queued behind one JavaScript thread.
 *
 * What must be one for the whole server lives in the database, so a worker holds no state another
 * needs: sessions and the login limit are rows (a login on one worker is valid on every other, and
 * failed attempts count across them), caches are checked against the data revision, and walls hear
 * of a change from any process through LISTEN/NOTIFY. The primary serves no request: it runs the
 * migrations before any worker starts, then the background jobs (serveBackground.ts) exactly
 * once, replaces a worker that dies, and on SIGINT/SIGTERM stops every worker (each closes its
 * server and its connections) before it closes the database.
 */
import cluster, { type Worker } from 'node:cluster';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { AddressInfo } from 'node:net';
import type { DatabaseKind } from '../../db/connection.ts';
import { log } from '../../log/logger.ts';
import { CliError, parseInteger, type CliIo } from '../command.ts';

const BIN = fileURLToPath(new URL('../../../bin/onemap.js', import.meta.url));
const STOP_MESSAGE = 'onemap:stop';
/** A worker that has not finished its requests by then is killed. */
const WORKER_STOP_MS = 15_000;

/**
 * The number of server processes: `--workers` (or `ONEMAP_WORKERS`), else one per core on
 * PostgreSQL. The embedded database has one writer in one process, so it always gets one — and
 * says so when more were asked for.
 */
export function workerCount(
  requested: string | undefined,
  kind: DatabaseKind,
  io: Pick<CliIo, 'stderr'>,
  cores = availableParallelism(),
): number {
  const asked = requested === undefined ? null : parseInteger(requested, '工作进程数', 1, 64);
  if (kind === 'pglite') {
    if (asked !== null && asked > 1)
      io.stderr.write(
        `嵌入式数据库只能由一个进程写入：只启动 1 个服务进程（--workers ${asked} 需要 PostgreSQL，请设置 DATABASE_URL）\n`,
      );
    return 1;
  }
  return asked ?? cores;
}

/** This process is a worker started by `serve --workers N`. */
export function isServeWorker(): boolean {
  return cluster.isWorker;
}

/** In a worker: `stop` runs on the primary's word, on a signal, or when the primary is gone. */
export function onWorkerStop(stop: (reason: string) => void): void {
  const worker = cluster.worker;
  if (!worker) throw new Error('not a cluster worker');
  worker.on('message', (message: unknown) => {
    if (message === STOP_MESSAGE) stop('primary');
  });
  worker.on('disconnect', () => stop('disconnect'));
  // Ctrl-C in a terminal signals the whole process group: the primary stops the workers in order.
  process.on('SIGINT', () => {});
  process.on('SIGTERM', () => stop('SIGTERM'));
}

export interface Workers {
  url: string;
  address: AddressInfo;
  /** Stops every worker (each finishes its requests), resolving when all have exited. */
  stop(): Promise<void>;
}

/**
 * Starts `count` workers running `onemap serve <argv>` and resolves when all of them listen; a
 * worker that dies before listening fails the start (its reason is in the log), one that dies later
 * is replaced.
 */
export function startWorkers(
  count: number,
  argv: readonly string[],
  env: NodeJS.ProcessEnv,
  tls: boolean,
): Promise<Workers> {
  cluster.setupPrimary({ exec: BIN, args: ['serve', ...argv] });
  let stopping = false;
  const exited = new Set<Promise<void>>();
  const fork = (): Worker => {
    const worker = cluster.fork(env);
    const gone = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
    exited.add(gone);
    void gone.then(() => exited.delete(gone));
    return worker;
  };
  return new Promise((resolve, reject) => {
    let listening = 0;
    let started = false;
    cluster.on('listening', (_worker, address) => {
      if (started || ++listening < count) return;
      started = true;
      const host = address.address ?? '127.0.0.1';
      const info: AddressInfo = {
        address: host,
        port: address.port,
        family: address.addressType === 6 ? 'IPv6' : 'IPv4',
      };
      resolve({ url: `${tls ? 'https' : 'http'}://${host}:${address.port}`, address: info, stop });
    });
    cluster.on('exit', (worker, code, signal) => {
      if (stopping) return;
      if (!started) {
        stopping = true;
        for (const other of Object.values(cluster.workers ?? {})) other?.kill();
        reject(new CliError(`服务进程启动失败（退出码 ${code ?? signal}），详见日志`));
        return;
      }
      log.error({ event: 'worker.exit', pid: worker.process.pid, code, signal }, '服务进程意外退出，正在重启');
      fork();
    });
    for (let i = 0; i < count; i++) fork();
  });

  async function stop(): Promise<void> {
    stopping = true;
    const workers = Object.values(cluster.workers ?? {}).filter((w): w is Worker => !!w);
    for (const worker of workers) if (worker.isConnected()) worker.send(STOP_MESSAGE);
    const timer = setTimeout(() => workers.forEach((w) => w.process.kill('SIGKILL')), WORKER_STOP_MS);
    await Promise.all(exited);
    clearTimeout(timer);
  }
}
