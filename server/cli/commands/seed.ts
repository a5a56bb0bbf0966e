import { describeDemoAccounts } from '../../services/auth/demoAccounts.ts';
import { seedDemoCity } from '../../services/seed/seedDemoCity.ts';
import { HISTORY_START, parseIsoDate, todayInCity } from '../../../shared/time/dates.ts';
import { CliError, parseCommandArgs, parseInteger, type Command } from '../command.ts';
import { withDatabase } from '../withDatabase.ts';

export const seedCommand: Command = {
  name: 'seed',
  summary: '生成演示城市数据（确定性：同一种子同一结果）',
  usage: `用法：onemap seed [--reset] [--seed N] [--as-of YYYY-MM-DD]

按公开数字生成晋江演示数据（347个小区，2024-01-01 起的历史）并写入数据库。
  --reset            先清空现有记录（用户与审计日志保留）
同时创建每种角色一个演示账号（已有则保留），密码公开，仅限演示。
  --seed N           随机种子，默认 1
  --as-of DATE       历史截止日，默认今天（Asia/Shanghai）
数据库：设置了 DATABASE_URL 时用 PostgreSQL，否则用嵌入式数据库 ONEMAP_DATA_DIR（默认 ./var/db）。`,
  async run(argv, io) {
    const args = parseCommandArgs(this, io, argv, {
      reset: { type: 'boolean' },
      seed: { type: 'string' },
      'as-of': { type: 'string' },
    });
    if (!args) return;
    // Validate everything before the database is touched.
    const seed = args.values.seed === undefined ? 1 : parseInteger(args.values.seed, '--seed', 0, 2 ** 31 - 1);
    const asOf = args.values['as-of'] === undefined ? todayInCity() : parseIsoDate(args.values['as-of'], '--as-of ');
    if (asOf < HISTORY_START) throw new CliError(`--as-of ${asOf} 早于数据起始日 ${HISTORY_START}`);
    if (asOf > todayInCity()) throw new CliError(`--as-of ${asOf} 晚于今天（${todayInCity()}）`);
    const started = Date.now();
    const summary = await withDatabase(io, (database) =>
      seedDemoCity(database.db, { seed, asOf, reset: args.values.reset === true }),
    );
    io.stderr.write(
      `已生成演示数据：${summary.townships} 个镇街，${summary.compounds} 个小区，共 ${summary.rows} 条记录（种子 ${seed}，截至 ${asOf}，${((Date.now() - started) / 1000).toFixed(1)} 秒）\n`,
    );
    io.stderr.write(`${describeDemoAccounts()}\n`);
  },
};
