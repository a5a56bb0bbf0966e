import { access, constants } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { restoreBackup } from '../../services/backup/restoreBackup.ts';
import { writeBackup } from '../../services/backup/writeBackup.ts';
import { CliError, parseCommandArgs, type Command } from '../command.ts';
import { withDatabase } from '../withDatabase.ts';

export const backupCommand: Command = {
  name: 'backup',
  summary: '备份全部数据到一个文件（gzip 压缩的 JSON 行，PGlite 与 PostgreSQL 通用）',
  usage: `用法：onemap backup --out FILE

把数据库中每个表的每一行（含用户与审计日志）在同一快照中写到 FILE（gzip 压缩的 JSON 行），
文件头记录数据库结构版本（已执行的迁移）。写完才改名为 FILE，中断不会留下残缺文件。
备份含用户密码的散列值，请妥善保管。`,
  async run(argv, io) {
    const args = parseCommandArgs(this, io, argv, { out: { type: 'string' } });
    if (!args) return;
    const out = args.values.out;
    if (!out) throw new CliError('请用 --out 指定备份文件');
    // Before the database is opened: a wrong place fails at once.
    try {
      await access(dirname(resolve(out)), constants.W_OK);
    } catch (error) {
      throw new CliError(
        `无法写入备份文件 ${out}（${(error as NodeJS.ErrnoException).code ?? (error as Error).message}）`,
      );
    }
    const started = Date.now();
    const summary = await withDatabase(io, (database) => writeBackup(database.db, database.kind, out));
    io.stderr.write(
      `已备份 ${summary.tables.length} 个表共 ${summary.rows} 行到 ${out}（${((Date.now() - started) / 1000).toFixed(1)} 秒）\n`,
    );
  },
};

export const restoreCommand: Command = {
  name: 'restore',
  summary: '从备份文件恢复全部数据（一个事务；结构版本须相同）',
  usage: `用法：onemap restore FILE [--force] [--audit-out FILE]

把 onemap backup 写出的文件恢复到当前数据库（DATABASE_URL 或嵌入式数据库），在一个事务中完成：
失败则数据库保持原样。备份须来自相同的数据库结构版本。
  --force      数据库中已有数据时必须加：先清空除审计日志外的全部表（含用户）再恢复
  --audit-out  审计日志只能追加，恢复从不删除本库已有的审计记录。备份中的审计记录若能接续本库的
               散列链（本库日志为空，或备份由本库日志延续而来）则导入；否则原样另存到此文件
               （默认为备份文件旁的 FILE.audit-not-restored-时间.jsonl），并在输出中写明。
               恢复本身也记入审计日志`,
  async run(argv, io) {
    const args = parseCommandArgs(
      this,
      io,
      argv,
      { force: { type: 'boolean' }, 'audit-out': { type: 'string' } },
      true,
    );
    if (!args) return;
    const [path, ...rest] = args.positionals;
    if (!path) throw new CliError('缺少备份文件：onemap restore FILE');
    if (rest.length) throw new CliError(`多余的参数 ${rest.join(' ')}`);
    try {
      await access(path, constants.R_OK);
    } catch (error) {
      throw new CliError(
        `无法读取备份文件 ${path}（${(error as NodeJS.ErrnoException).code ?? (error as Error).message}）`,
      );
    }
    const started = Date.now();
    const summary = await withDatabase(io, (database) =>
      restoreBackup(database.db, path, { force: args.values.force === true, auditSideFile: args.values['audit-out'] }),
    );
    io.stderr.write(
      `已恢复 ${summary.tables.length} 个表共 ${summary.rows} 行（备份于 ${summary.createdAt}，来自 ${summary.from}；${((Date.now() - started) / 1000).toFixed(1)} 秒）\n`,
    );
    const audit = summary.audit;
    io.stderr.write(
      `审计日志：本库原有记录全部保留；备份中 ${audit.inBackup} 条，已在本库 ${audit.alreadyPresent} 条，导入 ${audit.imported} 条\n`,
    );
    if (audit.sideFile) {
      io.stderr.write(
        `注意：备份中另有 ${audit.setAside} 条审计记录无法接续本库的散列链，未导入，已原样另存到 ${audit.sideFile}\n`,
      );
    }
  },
};
