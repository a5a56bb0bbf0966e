/**
 * A boundary import's report as lines of text for the command line, in Chinese or English.
 * Codes, township and compound names and the skipped features' properties are data and stay as
 * the file and the database hold them.
 */
import type { Locale } from '../../../shared/language/index.ts';
import { activeCity } from '../city/activeCity.ts';
import type { BoundaryImportReport } from './importBoundaries.ts';

type Report = BoundaryImportReport;
type Source = 'approximate' | 'official';

interface ReportWords {
  matched: (m: Report['matched'][number]) => string;
  unmatched: (u: Report['unmatched'][number]) => string;
  missing: (m: Report['missing'][number]) => string;
  outside: (o: Report['outside'][number]) => string;
  summary: (report: Report) => string;
}

const SOURCE_ZH: Record<Source, string> = { official: '官方', approximate: '示意' };

const ZH: ReportWords = {
  matched: (m) =>
    `边界  ${m.code} ${m.name}：第${m.feature}个要素（按${m.matchedBy === 'code' ? '代码' : '名称'}匹配），${m.areaKm2} km²，原为${SOURCE_ZH[m.previousSource]}边界`,
  unmatched: (u) => `忽略  第${u.feature}个要素：对应不到${activeCity().name}的镇街 ${u.label}`,
  missing: (m) => `保留  ${m.code} ${m.name}：文件中没有，保持${SOURCE_ZH[m.source]}边界`,
  outside: (o) =>
    `待定  ${o.code} ${o.name}（${o.townshipName}）在所属镇街边界以外，${o.fallsIn ? `落在${o.fallsIn.name}` : '不在任何镇街内'}（${o.lon}, ${o.lat}）：未移动，请核对`,
  summary: (r) =>
    `${r.status === 'dry-run' ? '试运行（未写入任何数据）：将导入' : '已导入'} ${r.matched.length} 个镇街的官方边界；${r.outside.length} 个小区落在所属镇街边界以外（未移动，请核对）${r.allOfficial ? '；全部镇街均为官方边界' : ''}`,
};

const EN: ReportWords = {
  matched: (m) =>
    `boundary  ${m.code} ${m.name}: feature ${m.feature} (matched by ${m.matchedBy}), ${m.areaKm2} km², was an ${m.previousSource} boundary`,
  unmatched: (u) => `skipped   feature ${u.feature}: matches no township of ${activeCity().nameEn} ${u.label}`,
  missing: (m) => `kept      ${m.code} ${m.name}: not in the file, keeps its ${m.source} boundary`,
  outside: (o) =>
    `to check  ${o.code} ${o.name} (${o.townshipName}) lies outside its township's boundary, ${o.fallsIn ? `in ${o.fallsIn.name}` : 'in no township'} (${o.lon}, ${o.lat}): not moved, please check`,
  summary: (r) =>
    `${r.status === 'dry-run' ? 'Dry run (nothing written): would import' : 'Imported'} official boundaries of ${r.matched.length} township${r.matched.length === 1 ? '' : 's'}; ${r.outside.length} compound${r.outside.length === 1 ? '' : 's'} outside their township's boundary (not moved, please check)${r.allOfficial ? '; every township has an official boundary' : ''}`,
};

/** Lines for stdout (the details) and one summary line for stderr. */
export function describeBoundaryReport(
  report: BoundaryImportReport,
  locale: Locale = 'zh-CN',
): { lines: string[]; summary: string } {
  const words = locale === 'en' ? EN : ZH;
  const lines = [
    ...report.matched.map(words.matched),
    ...report.unmatched.map(words.unmatched),
    ...report.missing.map(words.missing),
    ...report.outside.map(words.outside),
  ];
  return { lines, summary: words.summary(report) };
}
