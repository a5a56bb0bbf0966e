/** `onemap audit verify`: walks the audit log's hash chain (a cron job can run it every night). */
import { describeVerdict, verifyAuditChain } from '../../services/audit/auditChain.ts';
import { CliError, parseCommandArgs, type Command } from '../command.ts';
import { withDatabase } from '../withDatabase.ts';

export const auditCommand: Command = {
  name: 'audit',
  summary: '校验审计日志的散列链（是否有记录被改动或删除）',
  usage: `用法：onemap audit verify

逐条重算审计日志的散列链。完整时输出“审计日志完整：N 条”，退出码 0；
有记录被改动、删除或插入时，指出第一条出问题的记录（序号、id、时间），退出码 1。`,
  async run(argv, io) {
    const args = parseCommandArgs(this, io, argv, {}, true);
    if (!args) return;
    const [sub, ...rest] = args.positionals;
    if (sub !== 'verify')
      throw new CliError(sub ? `未知子命令 "${sub}"（可用：verify）` : '缺少子命令（可用：verify）');
    if (rest.length) throw new CliError(`多余的参数 ${rest.join(' ')}`);
    const verdict = await withDatabase(io, (database) => verifyAuditChain(database.db));
    if (!verdict.intact) throw new CliError(describeVerdict(verdict));
    io.stdout.write(`${describeVerdict(verdict)}\n`);
  },
};
