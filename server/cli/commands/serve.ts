import { existsSync, readdirSync, statSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describePostgresUrl, openDatabase, optionsFromEnv } from '../../db/connection.ts';
import { CLIENT_DIST, DEFAULT_PORT, startServer, type ServerOptions } from '../../http/server.ts';
import { logServerStart } from '../../log/lifecycle.ts';
import { log, logProcessFailures } from '../../log/logger.ts';
import { TlsConfigError, tlsFilesFrom, type TlsFiles } from '../../http/tls.ts';
import { ensureCountsTimeline } from '../../services/metrics/countsTimeline.ts';
import { describeDemoAccounts, warnAboutDemoPasswords } from '../../services/auth/demoAccounts.ts';
import { readDatasetInfo } from '../../services/dataset/datasetInfo.ts';
import { activeCity } from '../../services/city/activeCity.ts';
import { demoAvailable, isEmpty, seedDemoCity } from '../../services/seed/seedDemoCity.ts';
import { todayInCity } from '../../../shared/time/dates.ts';
import { CliError, parseCommandArgs, parseInteger, processIo, type CliIo, type Command } from '../command.ts';
import { backgroundSettingsFrom, startBackground, type Background } from './serveBackground.ts';
import { isServeWorker, onWorkerStop, startWorkers, workerCount } from './serveWorkers.ts';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

function newestMtime(path: string): number {
  const info = statSync(path);
  if (!info.isDirectory()) return info.mtimeMs;
  return readdirSync(path).reduce((max, name) => Math.max(max, newestMtime(join(path, name))), info.mtimeMs);
}

/** The built client is stale when any client source, shared module or the Vite config is newer than it. */
export function clientBuildIsStale(): boolean {
  const index = join(CLIENT_DIST, 'index.html');
  if (!existsSync(index)) return true;
  const built = statSync(index).mtimeMs;
  return ['client', 'shared', 'vite.config.ts'].some((path) => newestMtime(join(ROOT, path)) > built);
}

/** Vite, or null in a production install (`npm ci --omit=dev`), which leaves the build tools out. */
async function importVite(): Promise<typeof import('vite') | null> {
  try {
    return await import('vite');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ERR_MODULE_NOT_FOUND') return null;
    throw error;
  }
}

/**
 * Builds the page with Vite. Without Vite (a production install) the page built before the
 * install is served (README § Deploy), with a line saying so; with no built page, one line says
 * what to do.
 */
export async function buildClient(io: Pick<CliIo, 'stderr'> = processIo): Promise<void> {
  const vite = await importVite();
  if (vite) return void (await vite.build({ configFile: join(ROOT, 'vite.config.ts'), logLevel: 'warn' }));
  if (!existsSync(join(CLIENT_DIST, 'index.html')))
    throw new CliError(
      '页面尚未构建，本安装也没有构建工具（生产安装）：请在完整安装（npm ci）中运行 npm run build，再部署 dist/client',
    );
  io.stderr.write(
    '页面源码比已构建的页面新，但本安装没有构建工具（生产安装）：使用已构建的页面；升级时请先 npm run build\n',
  );
}

/** The certificate and key, checked before anything starts; a bad pair is one Chinese line. */
function httpsFiles(certPath: string | undefined, keyPath: string | undefined): TlsFiles | undefined {
  try {
    return tlsFilesFrom(certPath, keyPath);
  } catch (error) {
    if (error instanceof TlsConfigError) throw new CliError(error.message);
    throw error;
  }
}

/**
 * One of several server processes (serveWorkers.ts): it serves requests and nothing else — the
 * primary ran the migrations and runs the background jobs.
 */
async function serveAsWorker(options: Omit<ServerOptions, 'database'>, io: CliIo): Promise<void> {
  const database = await openDatabase({ ...optionsFromEnv(io.env), migrate: false });
  const running = await startServer({ database, ...options });
  let stopped = false;
  onWorkerStop((reason) => {
    if (stopped) return;
    stopped = true;
    log.debug({ event: 'worker.stop', reason }, '服务进程停止');
    void running
      .close()
      .then(() => database.close())
      .then(
        () => process.exit(0),
        (error: unknown) => {
          log.error({ err: error }, '停止时关闭服务或数据库失败');
          process.exit(1);
        },
      );
  });
}

export const serveCommand: Command = {
  name: 'serve',
  summary: '启动服务：页面与接口同一端口（默认 5180）',
  usage: `用法：onemap serve [--port N] [--host ADDR] [--tls-cert FILE --tls-key FILE] [--build-if-needed] [--seed-if-empty] [--workers N]

  --port N            端口，默认 ${DEFAULT_PORT}（或环境变量 PORT）
  --host ADDR         监听地址，默认 127.0.0.1；供大屏等其他机器访问时用 0.0.0.0（或环境变量 HOST）
  --tls-cert FILE     以 HTTPS 提供服务：PEM 证书（含中间证书链；或环境变量 ONEMAP_TLS_CERT）
  --tls-key FILE      证书的未加密 PEM 私钥（或环境变量 ONEMAP_TLS_KEY）
  --build-if-needed   页面未构建或源码更新时先构建
  --seed-if-empty     数据库为空时先生成演示数据（种子 1，截至今天）
  --workers N         服务进程数（或环境变量 ONEMAP_WORKERS）；PostgreSQL 默认每核一个，嵌入式数据库只用 1 个

环境变量 DATABASE_REPLICA_URL：PostgreSQL 流复制只读副本，只读请求由它回答`,
  async run(argv, io) {
    const args = parseCommandArgs(this, io, argv, {
      port: { type: 'string' },
      host: { type: 'string' },
      'tls-cert': { type: 'string' },
      'tls-key': { type: 'string' },
      'build-if-needed': { type: 'boolean' },
      'seed-if-empty': { type: 'boolean' },
      workers: { type: 'string' },
    });
    if (!args) return;
    logProcessFailures();
    const portText = args.values.port ?? io.env.PORT;
    const port = portText === undefined ? DEFAULT_PORT : parseInteger(portText, '端口', 0, 65535);
    const host = args.values.host ?? io.env.HOST ?? '127.0.0.1';
    const tls = httpsFiles(
      args.values['tls-cert'] ?? io.env.ONEMAP_TLS_CERT,
      args.values['tls-key'] ?? io.env.ONEMAP_TLS_KEY,
    );
    if (isServeWorker()) return serveAsWorker({ port, host, ...(tls ? { tls } : {}) }, io);
    const settings = backgroundSettingsFrom(io.env);
    const databaseOptions = optionsFromEnv(io.env);
    const workers = workerCount(
      args.values.workers ?? io.env.ONEMAP_WORKERS,
      databaseOptions.databaseUrl ? 'postgres' : 'pglite',
      io,
    );
    if (args.values['build-if-needed'] && clientBuildIsStale()) {
      io.stderr.write('正在构建页面…\n');
      await buildClient(io);
    }
    // With workers the primary serves no request: it needs no replica.
    const database = await openDatabase(workers > 1 ? { ...databaseOptions, replicaUrl: undefined } : databaseOptions);
    if (args.values['seed-if-empty'] && (await isEmpty(database.db))) {
      if (demoAvailable()) {
        io.stderr.write('数据库为空，正在生成演示数据…\n');
        await seedDemoCity(database.db, { seed: 1, asOf: todayInCity() });
      } else {
        io.stderr.write(`数据库为空；${activeCity().name}没有演示数据，请导入台账（onemap import ledger）\n`);
      }
    }
    let serving: { url: string; address: AddressInfo; close(): Promise<void> };
    if (workers === 1) {
      const running = await startServer({ database, port, host, ...(tls ? { tls } : {}) });
      serving = { url: running.url, address: running.server.address() as AddressInfo, close: running.close };
    } else {
      // The migrations ran above, before any worker opens the database.
      const started = await startWorkers(workers, argv, io.env, !!tls).catch(async (error: unknown) => {
        await database.close();
        throw error;
      });
      serving = { ...started, close: started.stop };
    }
    // Listening from here on, so a stop signal is handled from here on, before anything else is
    // awaited: a SIGTERM just after the start line used to find no handler yet and kill the process
    // without its stop line and without closing the database.
    let stopping = false;
    let background: Background | null = null;
    const stop = async (signal: NodeJS.Signals) => {
      stopping = true;
      log.info({ event: 'server.stop', signal }, 'OneMap 停止');
      let code = 0;
      try {
        await background?.stop();
        await serving.close();
        await database.close();
      } catch (error) {
        log.error({ err: error }, '停止时关闭服务或数据库失败');
        code = 1;
      }
      process.exit(code);
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    // Writes keep the counts timeline current; it is built here only when nothing built it yet (a
    // database generated with triggers off). Meanwhile, and if this fails, dated counts are
    // computed from the records (slower, same figures).
    void ensureCountsTimeline(database.db).catch((error: unknown) =>
      log.warn({ err: error }, '启动时建立数量时间线失败（在此之前按记录直接计算）'),
    );
    const where = database.kind === 'pglite' ? `嵌入式 ${database.location}` : `PostgreSQL ${database.location}`;
    const replica = databaseOptions.replicaUrl ? `，只读副本 ${describePostgresUrl(databaseOptions.replicaUrl)}` : '';
    io.stderr.write(
      `OneMap 已启动：${serving.url}/ （数据库：${where}${replica}${workers > 1 ? `；${workers} 个服务进程` : ''}）\n`,
    );
    logServerStart(serving, database, {
      workers,
      replicaLocation: databaseOptions.replicaUrl && describePostgresUrl(databaseOptions.replicaUrl),
    });
    if (!stopping) background = startBackground(database, settings, io);
    // Stopped meanwhile, the database may close under this read: that is no start-up failure.
    const dataset = await readDatasetInfo(database.db).catch((error: unknown) => {
      if (stopping) return null;
      throw error;
    });
    if (dataset?.source === 'demo') io.stderr.write(`${describeDemoAccounts()}\n`);
    void warnAboutDemoPasswords(database.db);
  },
};

export const devCommand: Command = {
  name: 'dev',
  summary: '开发模式：Vite 热更新 + 接口，同一端口',
  usage: `用法：onemap dev [--port N]\n\n以 Vite 开发中间件提供页面（热更新），接口与 serve 相同。数据库为空时先生成演示数据。`,
  async run(argv, io) {
    const args = parseCommandArgs(this, io, argv, { port: { type: 'string' } });
    if (!args) return;
    const port = parseInteger(args.values.port ?? io.env.PORT ?? String(DEFAULT_PORT), '端口', 0, 65535);
    const tools = await importVite();
    if (!tools) throw new CliError('开发模式需要完整安装（npm ci）：本安装没有构建工具 Vite（生产安装）');
    const { createServer } = tools;
    const vite = await createServer({
      configFile: join(ROOT, 'vite.config.ts'),
      server: { middlewareMode: true },
      appType: 'spa',
    });
    const database = await openDatabase(optionsFromEnv(io.env));
    if (demoAvailable() && (await isEmpty(database.db)))
      await seedDemoCity(database.db, { seed: 1, asOf: todayInCity() });
    const running = await startServer({ database, port, clientMiddleware: vite.middlewares });
    io.stderr.write(`OneMap 开发模式：${running.url}/\n`);
  },
};
