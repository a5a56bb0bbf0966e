/**
 * The import report as lines a person reads (CLI and logs), in the language the report was made
 * in (importLedger's `locale`): its problems and changes are already in it, these lines add the
 * row, the counts and the frame around them.
 */
import type { Locale } from '../../../shared/language/index.ts';
import type { LedgerChange, LedgerImportReport } from './importLedger.ts';
import { REPORT_WORDS, type ReportedProblem } from './ledgerReportWords.ts';

export function describeProblem(p: ReportedProblem, locale: Locale = 'zh-CN'): string {
  if (p.row === 0) return p.message;
  return REPORT_WORDS.problem(p.row, p.column, p.message)[locale];
}

export function describeChange(c: LedgerChange, locale: Locale = 'zh-CN'): string {
  if (c.action === 'new') return REPORT_WORDS.newCompound(c.row, c.code, c.name)[locale];
  const show = (v: string | number | null) => (v === null || v === '' ? REPORT_WORDS.blank[locale] : String(v));
  const changes = c.changes.map((ch) => [ch.label, show(ch.before), show(ch.after)] as [string, string, string]);
  return REPORT_WORDS.updated(c.row, c.code, c.name, changes)[locale];
}

export function describeSummary(report: LedgerImportReport, locale: Locale = 'zh-CN'): string {
  const { counts } = report;
  const head = report.status === 'invalid' ? '' : REPORT_WORDS.head[report.status][locale];
  const tail = counts.untouched ? REPORT_WORDS.untouched(counts.untouched)[locale] : '';
  const demo = report.replacedDemo ? REPORT_WORDS.replacedDemo[locale] : '';
  const totals = REPORT_WORDS.totals(report.rows, report.crs.toUpperCase())[locale];
  return `${head}${REPORT_WORDS.counts(counts)[locale]}${tail}${demo}${totals}`;
}
