/** What a wall's live stream ends with, in both languages (shared/language/said.ts). */
import { said } from '../../../shared/language/said.ts';

export const LIVE_WORDS = {
  /** What a wall shows when its token no longer works (the client matches on UNAUTHORIZED). */
  displayTokenEnded: said(
    '此大屏令牌已失效，请联系管理员',
    'This wall token no longer works; please contact the administrator',
  ),
  sessionEnded: said('登录已失效，请重新登录', 'Your sign-in has expired; please sign in again'),
};
