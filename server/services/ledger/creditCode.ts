/**
 * 统一社会信用代码 as GB 32100-2015 defines it: 18 characters from 0-9 and the capital letters
 * except I, O, Z, S and V; positions 3–8 the administrative division code (digits); the 18th a
 * check character, 31 − (Σ value × weight mod 31), written with the same alphabet.
 * The reason names the character that is wrong, so a person can find the typing slip.
 */
import type { Said } from '../../../shared/language/said.ts';
import { CREDIT_CODE_WORDS } from './rowWords.ts';

const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;
const UNUSED_LETTERS = 'IOZSV';

/** The check character the first 17 characters call for (they must be in the alphabet). */
export function creditCodeCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += ALPHABET.indexOf(first17[i]!) * WEIGHTS[i]!;
  const value = (31 - (sum % 31)) % 31;
  return ALPHABET[value]!;
}

/** null when the code is valid, else the reason naming the position that is wrong. */
export function creditCodeProblem(code: string): Said | null {
  const chars = [...code];
  if (chars.length !== 18) return CREDIT_CODE_WORDS.length(chars.length);
  for (let i = 0; i < 18; i++) {
    const ch = chars[i]!;
    if (UNUSED_LETTERS.includes(ch)) return CREDIT_CODE_WORDS.unusedLetter(i + 1, ch);
    if (!ALPHABET.includes(ch)) return CREDIT_CODE_WORDS.notDigitOrLetter(i + 1, ch);
    if (i >= 2 && i <= 7 && !/\d/.test(ch)) return CREDIT_CODE_WORDS.divisionDigit(i + 1, ch);
  }
  const expected = creditCodeCheckChar(code.slice(0, 17));
  if (chars[17] !== expected) return CREDIT_CODE_WORDS.checkChar(expected, chars[17]!);
  return null;
}
