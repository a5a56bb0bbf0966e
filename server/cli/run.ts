/**
 * `onemap <command> …` as a function: argv in, exit code out, reading and writing through `io`.
 * bin/onemap.js runs it on the process (main.ts); the tests run most commands in-process with
 * buffers and their own environment, which spares a Node start-up and a TypeScript load per call.
 */
import { logLevelFrom, useCommandLog } from '../log/logger.ts';
import { CliError, type CliIo, type Command } from './command.ts';
import { describeFailure } from './failure.ts';
import { auditCommand } from './commands/audit.ts';
import { backupCommand, restoreCommand } from './commands/backup.ts';
import { exportCommand } from './commands/export.ts';
import { importCommand } from './commands/import.ts';
import { devCommand, serveCommand } from './commands/serve.ts';
import { metricsCommand } from './commands/metrics.ts';
import { reportCommand } from './commands/report.ts';
import { seedCommand } from './commands/seed.ts';
import { supervisionCommand } from './commands/supervision.ts';
import { usersCommand } from './commands/users.ts';

export const COMMANDS: readonly Command[] = [
  serveCommand,
  devCommand,
  seedCommand,
  importCommand,
  exportCommand,
  metricsCommand,
  reportCommand,
  supervisionCommand,
  usersCommand,
  backupCommand,
  restoreCommand,
  auditCommand,
];

/** Commands that keep running (a server): they log to standard output and stay in the process. */
const LONG_RUNNING = new Set(['serve', 'dev']);

const HELP = `OneMap 住宅小区治理一张图

用法：onemap <命令> [选项]     （每个命令都有 --help）

${COMMANDS.map((c) => `  ${c.name.padEnd(12)}${c.summary}`).join('\n')}

环境变量：DATABASE_URL（PostgreSQL，否则用嵌入式数据库）、ONEMAP_DATA_DIR（嵌入式数据目录，默认 ./var/db）、PORT、HOST、ONEMAP_LOG_LEVEL（日志级别，默认 info；silent 不记录）`;

function findCommand(name: string): Command {
  // The benchmarks left `onemap` for their own entry: they need the development tools.
  if (name === 'bench')
    throw new CliError('基准测试不是 onemap 的命令：请在完整安装（npm ci）的源码目录中运行 npm run bench');
  const command = COMMANDS.find((c) => c.name === name);
  if (!command)
    throw new CliError(
      `未知命令 "${name}"（可用：${COMMANDS.map((c) => c.name).join('、')}；用 onemap --help 查看说明）`,
    );
  return command;
}

/**
 * Runs one command; resolves with its exit code (0, 1 for a failure a person can act on, 2 for
 * anything else) after writing the failure's one line to io.stderr. A one-shot command's log goes
 * to io.stderr too, at io.env's ONEMAP_LOG_LEVEL; the log is as before once it returns.
 */
export async function runOnemap(argv: readonly string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.stdout.write(HELP + '\n');
    return 0;
  }
  let restoreLog = () => {};
  try {
    const command = findCommand(name);
    // The server logs to standard output; every other command keeps that for what it prints.
    if (!LONG_RUNNING.has(command.name)) {
      const level = io.env === process.env ? undefined : (logLevelFrom(io.env.ONEMAP_LOG_LEVEL) ?? 'info');
      restoreLog = useCommandLog(command.name, { write: (line) => void io.stderr.write(line) }, level);
    }
    await command.run(rest, io);
    return 0;
  } catch (error) {
    return describeFailure('onemap', error, io);
  } finally {
    restoreLog();
  }
}
