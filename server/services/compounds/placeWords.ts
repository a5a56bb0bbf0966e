/** An unknown place in a request, in both languages (shared/language/said.ts): the code as given. */
import { said } from '../../../shared/language/said.ts';

export const PLACE_WORDS = {
  unknownCompound: (code: string) => said(`未知小区编码：${code}`, `Unknown compound code: ${code}`),
  unknownTownship: (code: string) => said(`未知镇街代码：${code}`, `Unknown township code: ${code}`),
  malformedTownship: (code: string, example: string) =>
    said(
      `未知镇街代码：${code}（镇街代码为9位数字，如 ${example}）`,
      `Unknown township code: ${code} (a township code has 9 digits, e.g. ${example})`,
    ),
};
