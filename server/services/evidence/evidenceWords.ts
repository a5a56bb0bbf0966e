/** What the evidence files refuse with, in both languages (shared/language/said.ts). */
import { said } from '../../../shared/language/said.ts';

export const EVIDENCE_WORDS = {
  onlyOwnTownship: said('只能查看本镇街的佐证材料', "You can only see your own township's evidence"),
  mayNotSee: said('无权查看佐证材料', 'You are not allowed to see evidence'),
  notFound: said('未找到该佐证材料', 'No such evidence file'),
};
