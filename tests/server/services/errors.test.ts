import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { describeIssue, describeIssues } from '../../../server/services/errors.ts';
import { said } from '../../../shared/language/said.ts';

const rules = z.strictObject({
  weights: z.strictObject({ committeeRate: z.number().min(0, '权重不能为负') }),
  name: z.string('名称应为文本'),
});

function errorOf(value: unknown): z.ZodError {
  const result = rules.safeParse(value);
  if (result.success) throw new Error(`expected ${JSON.stringify(value)} to be refused`);
  return result.error;
}

describe('zod errors as Chinese text', () => {
  it('names each issue by its path and joins them into one line after the prefix', () => {
    const error = errorOf({ weights: { committeeRate: -1 }, name: 3 });
    expect(describeIssues(error, '晾晒规则设置无效')['zh-CN']).toBe(
      '晾晒规则设置无效：weights.committeeRate：权重不能为负；name：名称应为文本',
    );
  });

  it('lists unknown keys in Chinese instead of zod English', () => {
    const error = errorOf({ weights: { committeeRate: 1, extra: 2 }, name: 'a' });
    expect(error.issues.map(describeIssue)).toEqual(['weights：未知设置项 extra']);
  });

  it('leaves out the path of an issue about the whole value', () => {
    const error = errorOf('not an object');
    expect(describeIssue(error.issues[0]!)).not.toMatch(/^：/);
    expect(describeIssues(error, '请求参数无效')['zh-CN']).toMatch(/^请求参数无效：[^：]/);
  });
});

describe('zod errors as English text', () => {
  it('says each issue by what went wrong, not by the Chinese message of the schema', () => {
    const error = errorOf({ weights: { committeeRate: -1, extra: 2 }, name: 3 });
    expect(describeIssues(error, said('晾晒规则设置无效', 'Invalid review rules')).en).toBe(
      'Invalid review rules: weights.committeeRate: must be at least 0; weights: unknown setting extra; name: should be text',
    );
  });
});
