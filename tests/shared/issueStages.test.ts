/**
 * A resident issue's stages are named once, in both languages (shared/issues/issueStages.ts):
 * record entry's refusals say them in either language, the client's catalogues carry the same
 * names, and the moves only go forward.
 */
import { describe, expect, it } from 'vitest';
import { en } from '../../client/src/i18n/en.ts';
import { zhCN } from '../../client/src/i18n/zh-CN.ts';
import { EDITING_WORDS } from '../../server/services/editing/editingWords.ts';
import { ISSUE_STAGE_NAMES, ISSUE_STAGES, NEXT_ISSUE_STAGES } from '../../shared/issues/issueStages.ts';

const CJK = /[\u3400-\u9fff]/;

describe('issue stages', () => {
  it('are refused with in both languages, the stage named in each', () => {
    expect(EDITING_WORDS.issueOnlyForward('dispatched', NEXT_ISSUE_STAGES.dispatched)).toEqual({
      'zh-CN': '诉求状态只能向前推进：当前为“派单”，可改为：办理中、办结',
      en: 'An issue only moves forward: it is dispatched; it can become in progress, closed',
    });
    expect(EDITING_WORDS.issueEnded('revisited')).toEqual({
      'zh-CN': '该诉求已回访，流程已结束',
      en: 'This issue is already revisited; its course has ended',
    });
    expect(EDITING_WORDS.stageBeforePrevious('in_progress', '2026-03-01')).toEqual({
      'zh-CN': '办理中日期不能早于上一环节的日期（2026-03-01）',
      en: "The date it was in progress cannot be before the previous stage's date (2026-03-01)",
    });
    for (const stage of ISSUE_STAGES) {
      const sayings = [
        EDITING_WORDS.issueEnded(stage),
        EDITING_WORDS.issueOnlyForward(stage, ISSUE_STAGES),
        EDITING_WORDS.stageBeforePrevious(stage, '2026-03-01'),
      ];
      expect(sayings.map((s) => s.en).filter((s) => CJK.test(s))).toEqual([]);
      for (const s of sayings) expect(s['zh-CN']).toContain(ISSUE_STAGE_NAMES['zh-CN'][stage]);
    }
  });

  it('have the same names on screen as in the declaration', () => {
    for (const stage of ISSUE_STAGES) {
      expect(zhCN[`issueStatus.${stage}`]).toBe(ISSUE_STAGE_NAMES['zh-CN'][stage]);
      expect(en[`issueStatus.${stage}`]).toBe(ISSUE_STAGE_NAMES.en[stage]);
    }
  });

  it('move forward only', () => {
    for (const stage of ISSUE_STAGES)
      for (const next of NEXT_ISSUE_STAGES[stage])
        expect(ISSUE_STAGES.indexOf(next), `${stage} → ${next}`).toBeGreaterThan(ISSUE_STAGES.indexOf(stage));
  });
});
