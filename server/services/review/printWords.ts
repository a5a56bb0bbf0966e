/** What printing a PDF fails with when Chromium cannot be used, in both languages (shared/language/said.ts). */
import { said } from '../../../shared/language/said.ts';

export const PRINT_WORDS = {
  noPlaywright: said(
    '无法生成 PDF：未安装 playwright-core（npm ci）',
    'Cannot make the PDF: playwright-core is not installed (npm ci)',
  ),
  /** `path`: the Chromium tried; `why`: the first line of what it said. */
  cannotLaunch: (path: string, why: string) =>
    said(
      `无法启动 Chromium（${path}）：${why}。请安装 chromium 与 fonts-noto-cjk，或用 CHROMIUM_PATH 指定。`,
      `Cannot start Chromium (${path}): ${why}. Install chromium and fonts-noto-cjk, or name it with CHROMIUM_PATH.`,
    ),
};
