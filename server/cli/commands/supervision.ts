/**
 * `onemap supervision <subcommand>`: supervision items (督办) from the command line. Each
 * subcommand is one entry of SUBCOMMANDS (name, usage line, run), so another (e.g. `warn`, the
 * early-warning rules) is added by adding an entry.
 *
 *   list [--township CODE] [--state S] [--week W] --format json|csv|xlsx [--out FILE]
 *     json: the item views (as the API gives them); csv: for people, Chinese headers, UTF-8 with
 *     BOM; xlsx: the same with date cells (needs --out). Overdue first, then by deadline.
 */
import { SUPERVISION_STATES } from '../../../shared/supervision/states.ts';
import { todayInCity } from '../../../shared/time/dates.ts';
import { itemsToCsv, itemsToXlsx } from '../../services/supervision/exportItems.ts';
import { listItems } from '../../services/supervision/queries.ts';
import { CliError, oneOf, parseCommandArgs, type CliIo, type Command } from '../command.ts';
import { withDatabase } from '../withDatabase.ts';
import { writeAtomically } from './export.ts';

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
  usage: `onemap supervision list [--township CODE] [--state ${STATE_FILTERS.join('|')}] [--week YYYY-Www] --format json|csv|xlsx [--out FILE]
  列出督办事项（逾期的在前，其余按办理期限）。--state overdue 为已过期限未销号的事项；--week 为事项所属周次
  （晾晒周次；非晾晒交办的按交办日所在周）。csv 为中文表头、UTF-8（带 BOM）；xlsx 须给 --out。`,
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
      },
      false,
    );
    if (!args) return;
    const format = oneOf(args.values.format, LIST_FORMATS, '--format');
    const state = args.values.state === undefined ? undefined : oneOf(args.values.state, STATE_FILTERS, '--state');
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
        ? itemsToCsv(items)
        : format === 'xlsx'
          ? await itemsToXlsx(items, { today })
          : JSON.stringify({ today, items }, null, 2) + '\n';
    if (out) {
      await writeAtomically(out, body);
      io.stderr.write(`已导出 ${items.length} 个督办事项到 ${out}\n`);
    } else io.stdout.write(body);
  },
};

export const SUBCOMMANDS: Subcommand[] = [listSubcommand];

export const supervisionCommand: Command = {
  name: 'supervision',
  summary: '督办事项：列出与导出（json|csv|xlsx）',
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
