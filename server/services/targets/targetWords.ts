/** What targets refuse with, in both languages (shared/language/said.ts). */
import { said } from '../../../shared/language/said.ts';

export const TARGET_WORDS = {
  invalid: said('目标有误', 'Invalid target'),
  aboveCeiling: (indicatorZh: string, indicatorEn: string, ceiling: string) =>
    said(`${indicatorZh}的目标值不能超过${ceiling}`, `A target for ${indicatorEn} cannot be above ${ceiling}`),
  sameDeadline: (indicatorZh: string, indicatorEn: string, deadline: string) =>
    said(
      `${indicatorZh}在该范围已有期限为 ${deadline} 的目标：请修改那一条，或换一个期限`,
      `There is already a target for ${indicatorEn} here with the deadline ${deadline}: change that one, or choose another deadline`,
    ),
  noTarget: (id: number) => said(`没有编号为 ${id} 的目标`, `No target numbered ${id}`),
  noCurrentTarget: (id: number) => said(`没有编号为 ${id} 的现行目标`, `No current target numbered ${id}`),
  retiredNoChange: said(
    '这条目标已停用，不能修改；请新增一条',
    'This target is retired and cannot change; add a new one',
  ),
  retiredAlready: said('这条目标已经停用', 'This target is already retired'),
};
