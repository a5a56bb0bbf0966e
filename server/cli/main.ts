/**
 * `onemap`: one entry for every operation a person or a cron job runs. Each failure a person
 * can act on is printed as one line and exits non-zero; set ONEMAP_DEBUG=1 for stacks.
 */
import { useCommandLog } from '../log/logger.ts';
import { CliError, type Command } from './command.ts';
import { reportFailure } from './failure.ts';
import { auditCommand } from './commands/audit.ts';
import { backupCommand, restoreCommand } from './commands/backup.ts';
import { exportCommand } from './commands/export.ts';
import { importCommand } from './commands/import.ts';
import { devCommand, serveCommand } from './commands/serve.ts';
import { metricsCommand } from './commands/metrics.ts';
import { reportCommand } from './commands/report.ts';
import { seedCommand } from './commands/seed.ts';
import { usersCommand } from './commands/users.ts';

const COMMANDS: readonly Command[] = [
  serveCommand,
  devCommand,
  seedCommand,
  importCommand,
  exportCommand,
  metricsCommand,
  reportCommand,
  usersCommand,
  backupCommand,
  restoreCommand,
  auditCommand,
];

const HELP = `OneMap 住宅小区治理一张图

用法：onemap <命令> [选项]     （每个命令都有 --help）

${COMMANDS.map((c) => `  ${c.name.padEnd(10)}${c.summary}`).join('\n')}

环境变量：DATABASE_URL（PostgreSQL，否则用嵌入式数据库）、ONEMAP_DATA_DIR（嵌入式数据目录，默认 ./var/db）、PORT、HOST、ONEMAP_LOG_LEVEL（日志级别，默认 info；silent 不记录）`;

async function main(argv: string[]): Promise<void> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(HELP + '\n');
    return;
  }
  // The benchmarks left `onemap` for their own entry: they need the development tools.
  if (name === 'bench')
    throw new CliError('基准测试不是 onemap 的命令：请在完整安装（npm ci）的源码目录中运行 npm run bench');
  const command = COMMANDS.find((c) => c.name === name);
  if (!command)
    throw new CliError(
      `未知命令 "${name}"（可用：${COMMANDS.map((c) => c.name).join('、')}；用 onemap --help 查看说明）`,
    );
  // The server logs to standard output; every other command keeps that for what it prints.
  if (command.name !== 'serve' && command.name !== 'dev') useCommandLog(command.name);
  await command.run(rest);
}

main(process.argv.slice(2)).catch((error: unknown) => reportFailure('onemap', error));
