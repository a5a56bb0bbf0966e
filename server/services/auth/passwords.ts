/**
 * Password hashing with scrypt (node:crypto): a random 16-byte salt per password, the cost
 * parameters stored with the hash, compared in constant time.
 * Stored form: `scrypt$N$r$p$salt(base64)$hash(base64)`.
 */
import { AUTH_WORDS } from './authWords.ts';
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { BadInputError } from '../errors.ts';
import { isCommonPassword } from './commonPasswords.ts';

const COST = { N: 16_384, r: 8, p: 1 } as const;
const KEY_LENGTH = 32;
export const MIN_PASSWORD_LENGTH = 10;
export const MAX_PASSWORD_LENGTH = 200;

function derive(password: string, salt: Buffer, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(password.normalize('NFC'), salt, KEY_LENGTH, { ...options, maxmem: 64 * 1024 * 1024 }, (error, key) =>
      error ? reject(error) : resolve(key),
    ),
  );
}

/** Upper case, lower case, digits, anything else (symbols, spaces, Chinese characters). */
const CHARACTER_KINDS: readonly RegExp[] = [/\p{Lu}/u, /\p{Ll}/u, /\p{Nd}/u, /[^\p{Lu}\p{Ll}\p{Nd}]/u];
export const MIN_CHARACTER_KINDS = 3;

/**
 * The rule for every password a person sets (等保 2.0): at least 10 characters of three of the four
 * kinds, not containing the user name, not a common password. Refused in one Chinese line.
 */
export function checkPasswordStrength(password: string, username?: string): void {
  if (password.length < MIN_PASSWORD_LENGTH) throw new BadInputError(AUTH_WORDS.passwordTooShort(MIN_PASSWORD_LENGTH));
  if (password.length > MAX_PASSWORD_LENGTH) throw new BadInputError(AUTH_WORDS.passwordTooLong(MAX_PASSWORD_LENGTH));
  const kinds = CHARACTER_KINDS.filter((kind) => kind.test(password)).length;
  if (kinds < MIN_CHARACTER_KINDS) throw new BadInputError(AUTH_WORDS.passwordKinds(MIN_CHARACTER_KINDS));
  const name = username?.trim().toLowerCase();
  if (name && name.length >= 2 && password.toLowerCase().includes(name))
    throw new BadInputError(AUTH_WORDS.passwordHasName);
  if (isCommonPassword(password)) throw new BadInputError(AUTH_WORDS.passwordCommon);
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, COST);
  return ['scrypt', COST.N, COST.r, COST.p, salt.toString('base64'), key.toString('base64')].join('$');
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
  const [, n, r, p, saltText, hashText] = parts as [string, string, string, string, string, string];
  const expected = Buffer.from(hashText, 'base64');
  if (expected.length !== KEY_LENGTH) return false;
  const key = await derive(password.slice(0, MAX_PASSWORD_LENGTH * 4), Buffer.from(saltText, 'base64'), {
    N: Number(n),
    r: Number(r),
    p: Number(p),
  });
  return timingSafeEqual(key, expected);
}

/** A hash no password matches, verified against when the username is unknown (same timing). */
export const UNUSABLE_HASH = `scrypt$${COST.N}$${COST.r}$${COST.p}$${Buffer.alloc(16).toString('base64')}$${Buffer.alloc(KEY_LENGTH).toString('base64')}`;
