import { drillThrough } from '../../services/metrics/drillThrough.ts';
import { INDICATOR_KEYS, INDICATORS } from '../../../shared/indicators/index.ts';
import { contributionIn } from '../../../shared/indicators/reasons.ts';
import { metricsReport, type MetricsReport } from '../../services/metrics/metricsReport.ts';
import { parseIndicatorKey, resolveScope } from '../../services/metrics/scope.ts';
import { toCsv } from '../../services/csv.ts';
import { oneOf, parseCommandArgs, CliError, type Command } from '../command.ts';
import { withDatabase } from '../withDatabase.ts';

const FORMATS = ['json', 'csv'] as const;

const REPORT_FIELDS = [
  'value',
  'numerator',
  'denominator',
  'target',
  'deadline',
  'targetSource',
  'previousWeek',
  'delta',
  'rank',
  'requiredWeeklyPace',
  'projectedDate',
  'met',
  'status',
  'reason',
] as const;

/** One CSV row per scope and indicator. */
export function metricsToCsv(report: MetricsReport): string {
  const scopes = [{ code: 'city', name: '全市', indicators: report.city.indicators }, ...report.townships];
  return toCsv(
    ['asOf', 'week', 'scope', 'scopeName', 'indicator', ...REPORT_FIELDS],
    scopes.flatMap((s) =>
      INDICATOR_KEYS.map((key) => {
        const r = s.indicators[key];
        return [report.asOf, report.week, s.code, s.name, key, ...REPORT_FIELDS.map((f) => r[f] ?? null)];
      }),
    ),
  );
}

export const metricsCommand: Command = {
  name: 'metrics',
  summary: '四升一降指标（全市与各镇街），或某指标的小区明细（drill）',
  usage: `用法：onemap metrics [--as-of YYYY-MM-DD | --week YYYY-Www] [--township CODE] [--format json|csv] [--for-programs]
      onemap metrics drill --indicator KEY [--township CODE] [--as-of YYYY-MM-DD | --week YYYY-Www] [--format json|csv] [--for-programs]

指标 KEY：${INDICATOR_KEYS.join('、')}
默认截至今天（Asia/Shanghai）；--week 取该周周日（本周取今天）。默认格式 json。
比率为 0–1 的小数；petitionRate 为每千户28天内信访件与矛盾纠纷数（越低越好）。
csv 为 UTF-8，默认以 BOM 开头，Excel、WPS 和 LibreOffice 直接打开时中文不乱码；加 --for-programs 则不写 BOM。`,
  async run(argv, io) {
    const args = parseCommandArgs(
      this,
      io,
      argv,
      {
        'as-of': { type: 'string' },
        week: { type: 'string' },
        township: { type: 'string' },
        format: { type: 'string' },
        indicator: { type: 'string' },
        'for-programs': { type: 'boolean' },
      },
      true,
    );
    if (!args) return;
    const [sub, ...rest] = args.positionals;
    if (rest.length || (sub !== undefined && sub !== 'drill'))
      throw new CliError(`多余的参数 ${args.positionals.join(' ')}（子命令只有 drill）`);
    const format = oneOf(args.values.format ?? 'json', FORMATS, '--format');
    const forPrograms = args.values['for-programs'] === true;
    if (forPrograms && format !== 'csv') throw new CliError('--for-programs 只用于 --format csv');
    if (sub !== 'drill' && args.values.indicator !== undefined)
      throw new CliError('--indicator 只用于 onemap metrics drill');
    const indicator = sub === 'drill' ? parseIndicatorKey(args.values.indicator) : null;
    const output = await withDatabase(io, async ({ db }) => {
      const scope = await resolveScope(db, {
        asOf: args.values['as-of'],
        week: args.values.week,
        townshipCode: args.values.township,
      });
      if (indicator) {
        const found = await drillThrough(db, { indicator, ...scope });
        // The reasons as written (Chinese), without the kind they are written from.
        const { reasons } = INDICATORS[indicator];
        const drill = { ...found, compounds: found.compounds.map((c) => contributionIn(c, reasons, 'zh-CN')) };
        return format === 'json'
          ? JSON.stringify(drill, null, 2) + '\n'
          : toCsv(
              [
                'code',
                'name',
                'townshipCode',
                'townshipName',
                'households',
                'inDenominator',
                'inNumerator',
                'numeratorContribution',
                'denominatorContribution',
                'reason',
              ],
              drill.compounds.map((c) => [
                c.code,
                c.name,
                c.townshipCode,
                c.townshipName,
                c.households,
                c.inDenominator,
                c.inNumerator,
                c.numeratorContribution,
                c.denominatorContribution,
                c.reason,
              ]),
            );
      }
      const report = await metricsReport(db, scope);
      return format === 'json' ? JSON.stringify(report, null, 2) + '\n' : metricsToCsv(report);
    });
    // The BOM tells Excel on Chinese Windows, WPS and LibreOffice that the file is UTF-8.
    io.stdout.write(format === 'csv' && !forPrograms ? `\uFEFF${output}` : output);
  },
};
