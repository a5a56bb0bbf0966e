/** `onemap users …` on an embedded database: accounts, passwords from standard input, display tokens. */
import { beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../../server/db/connection.ts';
import { actorFromDisplayToken } from '../../../server/services/auth/displayTokens.ts';
import { login } from '../../../server/services/auth/login.ts';
import { actorFromSession } from '../../../server/services/auth/sessions.ts';
import * as schema from '../../../data/schema/index.ts';
import { runCli, spawnCli } from '../../support/cli.ts';
import { fixtureDataDir } from '../../support/databases.ts';

// Each command opens the embedded database (in this process; serve in its own): slow on a busy machine.
describe('onemap users', { timeout: 240_000 }, () => {
  let env: Record<string, string>;
  beforeAll(async () => {
    env = { ONEMAP_DATA_DIR: await fixtureDataDir() };
  });

  async function withDb<T>(work: (database: Database) => Promise<T>): Promise<T> {
    const database = await openDatabase({ dataDir: env.ONEMAP_DATA_DIR });
    try {
      return await work(database);
    } finally {
      await database.close();
    }
  }

  it('adds a user with the password from standard input, never echoed, and lists it', async () => {
    const added = await runCli(
      [
        'users',
        'add',
        '--username',
        'Zhang.Wei',
        '--name',
        '张伟',
        '--role',
        'township_staff',
        '--township',
        '350582103',
        '--password-stdin',
      ],
      env,
      'Correct-Horse-9\n',
    );
    expect(added.stderr).toBe('');
    expect(added.code).toBe(0);
    expect(added.stdout).toBe('已创建账号 zhang.wei（张伟，镇街工作人员，镇街 350582103），本人首次登录须修改密码\n');
    expect(added.stdout + added.stderr).not.toContain('Correct-Horse-9');
    const list = await runCli(['users', 'list'], env);
    expect(list.stdout).toContain('zhang.wei\t张伟\ttownship_staff\t350582103\t启用\t须修改密码');
    expect(list.stdout).toContain('demo-admin\t');
    await withDb(async (database) => {
      const result = await login(database.db, { username: 'zhang.wei', password: 'Correct-Horse-9', ip: 'cli-test' });
      expect(result.actor).toMatchObject({ role: 'township_staff', mustChangePassword: true });
    });
  });

  it('refuses bad input in one Chinese line and a non-zero exit', async () => {
    const cases: [string[], string, RegExp][] = [
      [
        ['users', 'add', '--username', 'li', '--name', '李', '--role', 'township_staff', '--password-stdin'],
        'long-enough-1\n',
        /镇街工作人员须指定所属镇街/,
      ],
      [
        ['users', 'add', '--username', 'li', '--name', '李', '--role', 'boss', '--password-stdin'],
        'long-enough-1\n',
        /--role 不支持 "boss"/,
      ],
      [
        ['users', 'add', '--username', 'li', '--name', '李', '--role', 'analyst', '--password-stdin'],
        'short\n',
        /密码至少 10 个字符/,
      ],
      [['users', 'add', '--username', 'li', '--name', '李', '--role', 'analyst'], '', /请用 --password-stdin/],
      [
        ['users', 'add', '--username', 'demo-admin', '--name', '重复', '--role', 'admin', '--password-stdin'],
        'long-enough-1\n',
        /已存在/,
      ],
      [['users', 'disable', 'nobody'], '', /没有用户 "nobody"/],
      [['users', 'frobnicate'], '', /未知子命令/],
    ];
    // One at a time: an embedded data directory has one user.
    for (const [args, input, message] of cases) {
      const result = await runCli(args, env, input);
      expect(result.code, args.join(' ')).toBe(1);
      expect(result.stderr, args.join(' ')).toMatch(message);
      expect(result.stderr.trim().split('\n'), args.join(' ')).toHaveLength(1);
    }
  });

  it('refuses a password against the rule, and a display token for no days, in one Chinese line', async () => {
    const cases: [string[], string, RegExp][] = [
      [
        ['users', 'add', '--username', 'li', '--name', '李', '--role', 'analyst', '--password-stdin'],
        'long-enough\n',
        /密码须包含大写字母、小写字母、数字、符号中的至少 3 种/,
      ],
      [
        ['users', 'add', '--username', 'li', '--name', '李', '--role', 'analyst', '--password-stdin'],
        'Admin@123456\n',
        /密码过于常见/,
      ],
      [
        ['users', 'add', '--username', 'wang.fang', '--name', '王芳', '--role', 'analyst', '--password-stdin'],
        'Wang.Fang-2025\n',
        /密码不能包含用户名/,
      ],
      [['users', 'display-token', '--name', '大厅', '--expires-days', '0'], '', /--expires-days 应在 1–3650 之间/],
    ];
    for (const [args, input, message] of cases) {
      const result = await runCli(args, env, input);
      expect(result.code, args.join(' ')).toBe(1);
      expect(result.stderr, args.join(' ')).toMatch(message);
      expect(result.stderr.trim().split('\n'), args.join(' ')).toHaveLength(1);
    }
  });

  it('disables a user and resets a password, ending their sessions', async () => {
    const token = await withDb(
      async (database) =>
        (await login(database.db, { username: 'demo-analyst', password: 'analyst-demo', ip: 'cli-test' })).token,
    );
    expect(
      (await runCli(['users', 'reset-password', 'demo-analyst', '--password-stdin'], env, 'New#Analyst-Pass1\n')).code,
    ).toBe(0);
    await withDb(async (database) => {
      expect(await actorFromSession(database.db, token)).toBeNull();
      await expect(
        login(database.db, { username: 'demo-analyst', password: 'analyst-demo', ip: 'cli-test-2' }),
      ).rejects.toThrow('用户名或密码错误');
    });
    const disabled = await runCli(['users', 'disable', 'demo-analyst'], env);
    expect(disabled.stdout).toContain('已停用 demo-analyst');
    await withDb(async (database) => {
      await expect(
        login(database.db, { username: 'demo-analyst', password: 'New#Analyst-Pass1', ip: 'cli-test-3' }),
      ).rejects.toThrow('用户名或密码错误');
    });
  });

  it('adds accounts of the three separated duties (三员分立)', async () => {
    for (const [username, role, name] of [
      ['sys.admin', 'system_admin', '系统管理员'],
      ['sec.auditor', 'security_auditor', '安全审计员'],
      ['biz.admin', 'business_admin', '业务管理员'],
    ] as const) {
      const added = await runCli(
        ['users', 'add', '--username', username, '--name', name, '--role', role, '--password-stdin'],
        env,
        'Duty#Separated-2025\n',
      );
      expect(added.stdout, role).toBe(`已创建账号 ${username}（${name}，${name}），本人首次登录须修改密码\n`);
    }
  });

  it('creates a display token (printed once, a year by default or --expires-days) and revokes it', async () => {
    const shortLived = await runCli(['users', 'display-token', '--name', '会议室', '--expires-days', '30'], env);
    expect(shortLived.code).toBe(0);
    const in30Days = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
    expect(shortLived.stderr).toContain(`有效至 ${in30Days}`);
    const created = await runCli(['users', 'display-token', '--name', '大厅LED'], env);
    const inAYear = new Date(Date.now() + 365 * 86_400_000).toISOString().slice(0, 10);
    expect(created.stderr).toContain(`有效至 ${inAYear}`);
    expect(created.code).toBe(0);
    const token = created.stdout.trim();
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const id = /#(\d+)/.exec(created.stderr)![1]!;
    expect((await runCli(['users', 'display-tokens'], env)).stdout).toContain(`#${id}\t大厅LED\t`);
    expect((await runCli(['users', 'display-tokens'], env)).stdout).toMatch(
      new RegExp(`#${id}\\t大厅LED\\t\\S+\\t到期 ${inAYear}T\\S+\\t有效`),
    );
    await withDb(async (database) => expect((await actorFromDisplayToken(database.db, token))?.role).toBe('leader'));
    expect((await runCli(['users', 'revoke-display-token', id], env)).code).toBe(0);
    await withDb(async (database) => expect(await actorFromDisplayToken(database.db, token)).toBeNull());
  });

  it('names at serve start, in one Chinese line, the accounts a published demo password still opens once the data is not demo data', async () => {
    // As after a restore of a real ledger's backup or direct SQL: the demo accounts still enabled.
    await withDb(async (database) => {
      await database.db.delete(schema.datasetInfo);
      await database.db.insert(schema.datasetInfo).values({ key: 'source', value: 'ledger' });
    });
    const child = spawnCli(['serve', '--port', '0'], env);
    try {
      const stderr = await new Promise<string>((resolve, reject) => {
        let text = '';
        child.stderr!.setEncoding('utf8');
        child.stderr!.on('data', (chunk: string) => {
          text += chunk;
          if (text.includes('警告：')) resolve(text);
        });
        child.stdout!.resume();
        child.on('exit', () => reject(new Error(`serve ended: ${text}`)));
      });
      const warning = stderr.split('\n').filter((line) => line.startsWith('警告：'));
      expect(warning).toHaveLength(1);
      expect(warning[0]).toMatch(
        /^警告：数据已非演示数据，以下账号仍使用公开的演示密码，已禁止其登录，请停用或重设密码：/,
      );
      // demo-analyst's password was reset above and it was disabled: not named.
      for (const name of ['demo-leader', 'demo-staff', 'demo-admin']) expect(warning[0]).toContain(name);
      expect(warning[0]).not.toContain('demo-analyst');
    } finally {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
  });
});
