/**
 * The drill-through as the analyst has it on screen, as an XLSX: the compounds of the list in
 * its sections and order, under a 说明 sheet that says which indicator, scope, day, filter and
 * sort made it. Days are date cells (Excel sorts and filters them as dates), not text.
 */
import ExcelJS from 'exceljs';
import { townships } from '../../../data/schema/index.ts';
import {
  DRILL_SECTION_ZH,
  DRILL_SORT_ZH,
  drillSections,
  type DrillFilter,
  type DrillSort,
} from '../../../shared/indicators/drillList.ts';
import { formatValue, valueOfFraction } from '../../../shared/indicators/values.ts';
import type { IndicatorKey } from '../../../shared/indicators/index.ts';
import type { Db } from '../../db/connection.ts';
import { DEMO_NOTICE, readDatasetInfo } from '../dataset/datasetInfo.ts';
import { BadInputError } from '../errors.ts';
import type { ExportedFile } from '../workbench/exportSelection.ts';
import { drillThrough } from './drillThrough.ts';
import { SERVER_INDICATORS } from './indicators/index.ts';

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A calendar day as an Excel date cell: midnight UTC, so no time zone shifts the day. */
const dateCell = (day: string): Date => new Date(`${day}T00:00:00Z`);

/** The filter in words, as the 说明 sheet gives it ('无' when nothing narrows the list). */
export function describeDrillFilter(filter: DrillFilter, townshipName: (code: string) => string): string {
  const parts = [
    filter.townshipCode ? `镇街：${townshipName(filter.townshipCode)}` : '',
    filter.reasonGroup ? `原因：${filter.reasonGroup}` : '',
    filter.community ? `社区/村：${filter.community}` : '',
    filter.search?.trim() ? `搜索：“${filter.search.trim()}”` : '',
  ].filter(Boolean);
  return parts.length ? parts.join('；') : '无（全部小区）';
}

export async function drillExport(
  db: Db,
  options: {
    indicator: IndicatorKey;
    asOf: string;
    townshipCode?: string;
    filter: DrillFilter;
    sort: DrillSort;
    goalMet: boolean | null;
  },
): Promise<ExportedFile> {
  const definition = SERVER_INDICATORS[options.indicator];
  const [drill, info, names] = await Promise.all([
    drillThrough(db, {
      indicator: options.indicator,
      asOf: options.asOf,
      ...(options.townshipCode ? { townshipCode: options.townshipCode } : {}),
    }),
    readDatasetInfo(db),
    db.select({ code: townships.code, name: townships.name }).from(townships),
  ]);
  const townshipName = (code: string) => names.find((t) => t.code === code)?.name ?? code;
  const scope = options.townshipCode ? townshipName(options.townshipCode) : '全市';
  const sections = drillSections(drill.compounds, {
    direction: definition.direction,
    goalMet: options.goalMet,
    filter: options.filter,
    sort: options.sort,
  });
  const rows = sections.reduce((n, s) => n + s.rows.length, 0);
  if (rows === 0) throw new BadInputError('没有可导出的小区：当前筛选没有小区');
  const demo = info.source === 'demo';
  const perRecord = definition.unit !== 'rate';

  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'OneMap 住宅小区治理一张图';
  // Fixed timestamps keep the file byte-identical for identical data.
  workbook.created = dateCell(options.asOf);
  workbook.modified = workbook.created;
  const about = workbook.addWorksheet('说明');
  const sheet = workbook.addWorksheet(demo ? '小区（演示数据）' : '小区');
  about.columns = [
    { key: 'label', width: 14 },
    { key: 'value', width: 60 },
  ];
  const value = valueOfFraction(definition, drill.numerator, drill.denominator);
  const aboutRows: [string, string | number | Date][] = [
    ['指标', definition.name],
    ['范围', scope],
    ['截至日期', dateCell(options.asOf)],
    ['筛选', describeDrillFilter(options.filter, townshipName)],
    ['排序', `${DRILL_SORT_ZH[options.sort.key]}${options.sort.descending ? '（降序）' : '（升序）'}`],
    ['指标值', `${formatValue(definition, value.value)}（${drill.numerator} / ${drill.denominator}）`],
    ['分子', definition.numeratorLabel],
    ['分母', definition.denominatorLabel],
    ['列出小区', rows],
    ...sections.map((s): [string, number] => [DRILL_SECTION_ZH[definition.direction][s.section], s.rows.length]),
    ['数据性质', demo ? DEMO_NOTICE : '真实台账'],
  ];
  for (const [label, v] of aboutRows) about.addRow([label, v]);
  about.getColumn(1).font = { bold: true };
  about.getCell('B3').numFmt = 'yyyy-mm-dd';

  sheet.columns = [
    { header: '分组', key: 'section', width: 14 },
    { header: '小区编码', key: 'code', width: 14 },
    { header: '小区名称', key: 'name', width: 24 },
    { header: '镇街', key: 'township', width: 12 },
    { header: '社区/村', key: 'community', width: 14 },
    { header: '户数', key: 'households', width: 8 },
    { header: perRecord ? definition.pack.numeratorHeader : '计入分子', key: 'numerator', width: 12 },
    { header: '原因', key: 'reason', width: 40 },
    { header: '日期', key: 'date', width: 12, style: { numFmt: 'yyyy-mm-dd' } },
  ];
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  for (const s of sections)
    for (const r of s.rows)
      sheet.addRow({
        section: DRILL_SECTION_ZH[definition.direction][s.section],
        code: r.code,
        name: r.name,
        township: r.townshipName,
        community: r.community,
        households: r.households,
        numerator: perRecord ? r.numeratorContribution : r.inNumerator ? '是' : '否',
        reason: r.reason,
        date: r.reasonDate ? dateCell(r.reasonDate) : null,
      });
  const body = Buffer.from(await workbook.xlsx.writeBuffer());
  return {
    fileName: `${definition.name}-${scope}-${options.asOf}-${rows}个${demo ? '-演示数据' : ''}.xlsx`,
    mimeType: XLSX_MIME,
    base64: body.toString('base64'),
    rows,
  };
}
