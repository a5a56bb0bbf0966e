/** The import report as lines a person reads (CLI and logs). */
import type { LedgerChange, LedgerImportReport } from './importLedger.ts';
import type { LedgerProblem } from './validateRow.ts';

export function describeProblem(p: LedgerProblem): string {
  if (p.row === 0) return p.message;
  return `第${p.row}行${p.column ? `「${p.column}」` : ''}：${p.message}`;
}

const show = (v: string | number | null) => (v === null || v === '' ? '（空）' : String(v));

export function describeChange(c: LedgerChange): string {
  if (c.action === 'new') return `新增  第${c.row}行 ${c.code} ${c.name}`;
  return `更新  第${c.row}行 ${c.code} ${c.name}：${c.changes.map((ch) => `${ch.label} ${show(ch.before)} → ${show(ch.after)}`).join('；')}`;
}

export function describeSummary(report: LedgerImportReport): string {
  const { counts } = report;
  const head =
    report.status === 'dry-run' ? '试运行（未写入任何数据）：将' : report.status === 'imported' ? '已导入：' : '';
  const parts = [`新增 ${counts.new} 个小区`, `更新 ${counts.updated} 个`, `不变 ${counts.unchanged} 个`];
  if (counts.newCommunities) parts.push(`新建社区(村) ${counts.newCommunities} 个`);
  if (counts.newCompanies) parts.push(`新建物业企业 ${counts.newCompanies} 家`);
  const tail = counts.untouched ? `；数据库中另有 ${counts.untouched} 个小区台账未提及，保持不变` : '';
  const demo = report.replacedDemo ? '（已清除演示数据）' : '';
  return `${head}${parts.join('，')}${tail}${demo}（共 ${report.rows} 行，坐标系 ${report.crs.toUpperCase()}）`;
}
