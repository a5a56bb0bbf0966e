/** What supervision (督办) refuses with, in both languages (shared/language/said.ts). */
import { said } from '../../../shared/language/said.ts';

export const SUPERVISION_WORDS = {
  noItem: (id: number | string) => said(`督办事项不存在：${id}`, `No such supervision item: ${id}`),
  answerOwnTownship: said('只能反馈本镇街的督办事项', "You can only answer your own township's supervision items"),
  onlyTownshipAnswers: said(
    '只有该镇街的工作人员可以反馈督办事项',
    "Only the township's staff can answer its supervision items",
  ),
};
