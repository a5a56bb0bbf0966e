/** `onemap users …`: accounts, passwords and wall-screen display tokens. */
import {
  createDisplayToken,
  DEFAULT_DISPLAY_TOKEN_DAYS,
  listDisplayTokens,
  MAX_DISPLAY_TOKEN_DAYS,
  revokeDisplayToken,
} from '../../services/auth/displayTokens.ts';
import { ROLES, ROLE_NAMES } from '../../services/auth/roles.ts';
import { addUser, listUsers, resetPassword, setUserDisabled } from '../../services/auth/users.ts';
import { CliError, oneOf, parseCommandArgs, parseInteger, type Command } from '../command.ts';
import { readNewPassword } from '../readPassword.ts';
import { withDatabase } from '../withDatabase.ts';

const USAGE = `用法：onemap users <子命令> [选项]

  add --username U --name 姓名 --role ${ROLES.join('|')} [--township 镇街代码] [--password-stdin]
                          新建账号（镇街工作人员须给出 --township）；密码在终端中输入两次，或用 --password-stdin 从标准输入读一行
  list                    列出账号
  disable USERNAME        停用账号，其所有登录会话立即失效
  enable USERNAME         重新启用账号
  reset-password USERNAME [--password-stdin]
                          重设密码，其所有登录会话立即失效
  display-token --name 名称 [--expires-days N]
                          为大屏生成只读令牌（市领导的查看权限），大屏打开 /wall?token=令牌；令牌只显示这一次；
                          有效期默认 ${DEFAULT_DISPLAY_TOKEN_DAYS} 天（1–${MAX_DISPLAY_TOKEN_DAYS}），过期与吊销一样不能再用
  display-tokens          列出大屏令牌及其到期时间
  revoke-display-token ID 吊销大屏令牌

角色：${ROLES.map((r) => `${r}=${ROLE_NAMES[r]}`).join('，')}
三员分立：system_admin 管账号与大屏令牌，security_auditor 只看审计日志，business_admin 管导入、评比规则、目标与周评比；admin 兼有全部。
密码：至少 10 个字符，含大写字母、小写字母、数字、符号中的至少 3 种，不含用户名，不是常见密码；
新建账号和重设密码后，本人首次登录须先修改密码。密码从不出现在命令行上。
首个管理员：onemap users add --username admin --name 管理员 --role admin`;

function positional(args: { positionals: string[] }, what: string): string {
  const [, value, extra] = args.positionals;
  if (!value) throw new CliError(`缺少${what}（用 --help 查看用法）`);
  if (extra) throw new CliError(`多余的参数 ${extra}（用 --help 查看用法）`);
  return value;
}

export const usersCommand: Command = {
  name: 'users',
  summary: '账号、密码与大屏只读令牌',
  usage: USAGE,
  async run(argv, io) {
    const args = parseCommandArgs(
      this,
      io,
      argv,
      {
        username: { type: 'string' },
        name: { type: 'string' },
        role: { type: 'string' },
        township: { type: 'string' },
        'password-stdin': { type: 'boolean' },
        'expires-days': { type: 'string' },
      },
      true,
    );
    if (!args) return;
    const sub = args.positionals[0];
    const fromStdin = args.values['password-stdin'] === true;
    switch (sub) {
      case 'add': {
        if (!args.values.username) throw new CliError('缺少 --username');
        if (!args.values.name) throw new CliError('缺少 --name（姓名）');
        const role = oneOf(args.values.role, ROLES, '--role');
        const password = await readNewPassword(fromStdin, io);
        const user = await withDatabase(io, (database) =>
          addUser(database.db, null, {
            username: args.values.username!,
            displayName: args.values.name!,
            role,
            townshipCode: args.values.township ?? null,
            password,
          }),
        );
        io.stdout.write(
          `已创建账号 ${user.username}（${user.displayName}，${user.roleName}${user.townshipCode ? `，镇街 ${user.townshipCode}` : ''}），本人首次登录须修改密码\n`,
        );
        return;
      }
      case 'list': {
        const users = await withDatabase(io, (database) => listUsers(database.db));
        if (users.length === 0)
          io.stdout.write('还没有账号。新建管理员：onemap users add --username admin --name 管理员 --role admin\n');
        for (const u of users) {
          io.stdout.write(
            `${u.username}\t${u.displayName}\t${u.role}\t${u.townshipCode ?? '-'}\t${u.disabled ? '已停用' : '启用'}${u.mustChangePassword ? '\t须修改密码' : ''}\n`,
          );
        }
        return;
      }
      case 'disable':
      case 'enable': {
        const username = positional(args, '用户名');
        const user = await withDatabase(io, (database) =>
          setUserDisabled(database.db, null, username, sub === 'disable'),
        );
        io.stdout.write(
          sub === 'disable' ? `已停用 ${user.username}，其登录会话均已失效\n` : `已启用 ${user.username}\n`,
        );
        return;
      }
      case 'reset-password': {
        const username = positional(args, '用户名');
        const password = await readNewPassword(fromStdin, io);
        const user = await withDatabase(io, (database) => resetPassword(database.db, null, username, password));
        io.stdout.write(`已重设 ${user.username} 的密码，其登录会话均已失效；本人下次登录须修改密码\n`);
        return;
      }
      case 'display-token': {
        if (!args.values.name) throw new CliError('缺少 --name（大屏名称，如 大厅LED）');
        const days =
          args.values['expires-days'] === undefined
            ? DEFAULT_DISPLAY_TOKEN_DAYS
            : parseInteger(args.values['expires-days'], '--expires-days', 1, MAX_DISPLAY_TOKEN_DAYS);
        const created = await withDatabase(io, (database) =>
          createDisplayToken(database.db, null, args.values.name!, days),
        );
        io.stderr.write(
          `已为“${created.name}”生成只读令牌 #${created.id}，有效至 ${created.expiresAt.slice(0, 10)}（只显示这一次，请妥善保存；吊销：onemap users revoke-display-token ${created.id}）\n`,
        );
        io.stdout.write(`${created.token}\n`);
        return;
      }
      case 'display-tokens': {
        const tokens = await withDatabase(io, (database) => listDisplayTokens(database.db));
        const now = new Date().toISOString();
        for (const t of tokens) {
          const state = t.revokedAt ? `已吊销 ${t.revokedAt}` : t.expiresAt <= now ? '已过期' : '有效';
          io.stdout.write(`#${t.id}\t${t.name}\t${t.createdAt}\t到期 ${t.expiresAt}\t${state}\n`);
        }
        return;
      }
      case 'revoke-display-token': {
        const id = parseInteger(positional(args, '令牌编号').replace(/^#/, ''), '令牌编号', 1, 2_147_483_647);
        await withDatabase(io, (database) => revokeDisplayToken(database.db, null, id));
        io.stdout.write(`已吊销大屏令牌 #${id}\n`);
        return;
      }
      case undefined:
        throw new CliError(
          '缺少子命令（add|list|disable|enable|reset-password|display-token|display-tokens|revoke-display-token）',
        );
      default:
        throw new CliError(`未知子命令 "${sub}"（用 onemap users --help 查看用法）`);
    }
  },
};
