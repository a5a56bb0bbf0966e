/** What the workbench's export refuses with, in both languages (shared/language/said.ts). */
import { said } from '../../../shared/language/said.ts';

export const WORKBENCH_WORDS = {
  nothingToExport: said(
    '没有可导出的小区：当前筛选和选区为空',
    'No compounds to export: the filter and the selection are empty',
  ),
};
