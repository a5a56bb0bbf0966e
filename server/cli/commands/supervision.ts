/**
 * `onemap supervision <subcommand>`: supervision items (督办) from the command line. Each
 * subcommand is one entry of SUBCOMMANDS (name, usage line, run).
 *
 *   list [--township CODE] [--state S] [--week W] --format json|csv|xlsx [--out FILE]
 *     json: the item views (as the API gives them); csv: for people, Chinese headers, UTF-8 with
 *     BOM; xlsx: the same with date cells (needs --out). Overdue first, then by deadline.
 *   warn [--as-of D] [--dry-run] [--format text|json]
 *     the early-warning run (services/warnings/runWarnings.ts) as of D; a dry run writes nothing.
 */
import { SUPERVISION_STATES } from '../../../shared/supervision/states.ts';
import { parseAsOf, todayInCity } from '../../../shared/time/dates.ts';
import { WARNING_RULE_TEXT } from '../../../shared/supervision/warnings.ts';
import { townships } from '../../../data/schema/index.ts';
import { runWarnings } from '../../services/warnings/runWarnings.ts';
import { itemsToCsv, itemsToXlsx } from '../../services/supervision/exportItems.ts';
import { listItems } from '../../services/supervision/queries.ts';
import { CliError, oneOf, parseCommandArgs, type CliIo, type Command } from '../command.ts';
import { withDatabase } from '../withDatabase.ts';
import { writeAtomically } from './export.ts';
import { LOCALES } from '../../../shared/language/index.ts';

export const LIST_FORMATS = ['json', 'csv', 'xlsx'] as const;
const STATE_FILTERS = [...SUPERVISION_STATES, 'overdue'] as const;

export interface Subcommand {
  name: string;
  /** One usage line (or a few), shown by `onemap supervision --help`. */
  usage: string;
  run(argv: string[], io: CliIo): Promise<void>;
}

const listSubcommand: Subcommand = {
  name: 'list',
  usage: `onemap supervision list [--township CODE] [--state ${STATE_FILTERS.join('|')}] [--week YYYY-Www] --format json|csv|xlsx [--out FILE] [--lang zh-CN|en]
  列出督办事项（逾期的在前，其余按办理期限）。--state overdue 为已过期限未销号的事项；--week 为事项所属周次
  （晾晒周次；非晾晒交办的按交办日所在周）。csv 为中文表头、UTF-8（带 BOM）；xlsx 须给 --out。
  --lang en 以英文写 csv 与 xlsx 的表头、状态与说明（所填内容不译）。`,
  async run(argv, io) {
    const args = parseCommandArgs(
      { usage: this.usage },
      io,
      argv,
      {
        township: { type: 'string' },
        state: { type: 'string' },
        week: { type: 'string' },
        format: { type: 'string' },
        out: { type: 'string' },
        lang: { type: 'string' },
      },
      false,
    );
    if (!args) return;
    const format = oneOf(args.values.format, LIST_FORMATS, '--format');
    const state = args.values.state === undefined ? undefined : oneOf(args.values.state, STATE_FILTERS, '--state');
    const locale = oneOf(args.values.lang ?? 'zh-CN', LOCALES, '--lang');
    const out = args.values.out;
    if (format === 'xlsx' && !out) throw new CliError('xlsx 为二进制文件，请用 --out 指定输出文件');
    const today = todayInCity();
    const items = await withDatabase(io, ({ db }) =>
      listItems(
        db,
        {
          ...(args.values.township === undefined ? {} : { townshipCode: args.values.township }),
          ...(state === undefined ? {} : { state }),
          ...(args.values.week === undefined ? {} : { week: args.values.week }),
        },
        today,
      ),
    );
    const body =
      format === 'csv'
        ? itemsToCsv(items, locale)
        : format === 'xlsx'
          ? await itemsToXlsx(items, { today, locale })
          : JSON.stringify({ today, items }, null, 2) + '\n';
    if (out) {
      await writeAtomically(out, body);
      io.stderr.write(`已导出 ${items.length} 个督办事项到 ${out}\n`);
    } else io.stdout.write(body);
  },
};

export const WARN_FORMATS = ['text', 'json'] as const;

const warnSubcommand: Subcommand = {
  name: 'warn',
  usage: `onemap supervision warn [--as-of YYYY-MM-DD] [--dry-run] [--format text|json]
  运行预警规则（截至某日的记录，默认今天），列出新增与消除的预警；同一原因只预警一次。
  --dry-run 只列出将新增、将消除的预警，不写入任何内容（不转督办、不推送）。`,
  async run(argv, io) {
    const args = parseCommandArgs(
      { usage: this.usage },
      io,
      argv,
      { 'as-of': { type: 'string' }, 'dry-run': { type: 'boolean' }, format: { type: 'string' } },
      false,
    );
    if (!args) return;
    const format = oneOf(args.values.format ?? 'text', WARN_FORMATS, '--format');
    const asOf = parseAsOf(args.values['as-of'] ?? todayInCity());
    const dryRun = args.values['dry-run'] ?? false;
    const { result, names } = await withDatabase(io, async ({ db }) => ({
      result: await runWarnings(db, { asOf, dryRun }),
      names: new Map(
        (await db.select({ code: townships.code, name: townships.name }).from(townships)).map((t) => [t.code, t.name]),
      ),
    }));
    if (format === 'json') {
      io.stdout.write(JSON.stringify(result, null, 2) + '\n');
      return;
    }
    const lines = [
      `预警 截至 ${result.asOf}${dryRun ? '（试运行，未写入）' : ''}：新增 ${result.raised.length} 条，消除 ${result.resolved.length} 条` +
        (result.issued.length ? `，自动转督办 ${result.issued.length} 项` : ''),
      ...result.raised.map(
        (w) =>
          `  + [${WARNING_RULE_TEXT[w.rule].label}] ${names.get(w.townshipCode) ?? w.townshipCode}：${w.details}` +
          (w.itemId ? `（督办事项 #${w.itemId}）` : ''),
      ),
      ...result.resolved.map((w) => `  - 已消除：${w.details}`),
    ];
    io.stdout.write(lines.join('\n') + '\n');
  },
};

export const SUBCOMMANDS: Subcommand[] = [listSubcommand, warnSubcommand];

export const supervisionCommand: Command = {
  name: 'supervision',
  summary: '督办事项：列出与导出（json|csv|xlsx）；运行预警规则',
  get usage() {
    return `用法：\n${SUBCOMMANDS.map((s) => `  ${s.usage}`).join('\n')}`;
  },
  async run(argv, io) {
    const [name, ...rest] = argv;
    if (name === undefined || name === '--help' || name === '-h') {
      if (name === undefined) throw new CliError(`缺少子命令（可用：${SUBCOMMANDS.map((s) => s.name).join('、')}）`);
      io.stdout.write(this.usage.trimEnd() + '\n');
      return;
    }
    const sub = SUBCOMMANDS.find((s) => s.name === name);
    if (!sub) throw new CliError(`未知子命令 "${name}"（可用：${SUBCOMMANDS.map((s) => s.name).join('、')}）`);
    await sub.run(rest, io);
  },
};
