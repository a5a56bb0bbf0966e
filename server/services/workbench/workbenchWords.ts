/** What the workbench's export refuses with, in both languages (shared/language/said.ts). */
import { said } from '../../../shared/language/said.ts';

export const WORKBENCH_WORDS = {
  nothingToExport: said(
    '没有可导出的小区：当前筛选和选区为空',
    'No compounds to export: the filter and the selection are empty',
  ),
  /** `missing`: the codes not found (the first five are named). */
  missingCompounds: (asOf: string, missing: string[]) =>
    said(
      `${asOf} 没有这些小区：${missing.slice(0, 5).join('、')}${missing.length > 5 ? ` 等 ${missing.length} 个` : ''}`,
      `There are no such compounds on ${asOf}: ${missing.slice(0, 5).join(', ')}${missing.length > 5 ? ` and others, ${missing.length} in all` : ''}`,
    ),
};
