/** The password rule for every password a person sets (issue #15, finding 11): refusals in one Chinese line. */
import { describe, expect, it } from 'vitest';
import { COMMON_PASSWORDS } from '../../../../server/services/auth/commonPasswords.ts';
import { checkPasswordStrength } from '../../../../server/services/auth/passwords.ts';

const refusal = (password: string, username?: string) => {
  try {
    checkPasswordStrength(password, username);
    return null;
  } catch (error) {
    return (error as Error).message;
  }
};

describe('the password rule', () => {
  it('wants 10 characters of three of the four kinds', () => {
    expect(refusal('Ab#4567xy')).toBe('密码至少 10 个字符');
    expect(refusal('correcthorse9')).toBe('密码须包含大写字母、小写字母、数字、符号中的至少 3 种');
    expect(refusal('abcdefghijkl')).toBe('密码须包含大写字母、小写字母、数字、符号中的至少 3 种');
    expect(refusal('ABCDEF123456')).toBe('密码须包含大写字母、小写字母、数字、符号中的至少 3 种');
    expect(refusal('Correct-Horse')).toBeNull();
    expect(refusal('correct-horse-9!X')).toBeNull();
    expect(refusal('Zhongguo2025')).toBeNull();
    expect(refusal('治理一张图-2025-go')).toBeNull();
    expect(refusal('x'.repeat(201))).toBe('密码不能超过 200 个字符');
  });

  it('refuses a password containing the user name, in any case', () => {
    expect(refusal('Zhang.Wei#2025', 'zhang.wei')).toBe('密码不能包含用户名');
    expect(refusal('My#ZHANG.WEI-25', 'zhang.wei')).toBe('密码不能包含用户名');
    expect(refusal('Spring#Garden-25', 'zhang.wei')).toBeNull();
  });

  it('refuses common passwords, the Chinese office favourites among them, in any case', () => {
    for (const common of [
      'Admin@12345',
      'P@ssw0rd123',
      '1qaz@WSX3edc',
      '1Qaz2wsx3Edc',
      'Qwer1234!@#$',
      'Woaini@1314',
      'JINJIANG@123',
      'Password@2025',
    ]) {
      expect(refusal(common), common).toBe('密码过于常见，请换一个');
    }
    expect(COMMON_PASSWORDS.size).toBeGreaterThan(300);
    expect(COMMON_PASSWORDS.has('admin@123')).toBe(true);
  });
});
