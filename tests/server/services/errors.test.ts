import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { describeIssue, describeIssues } from '../../../server/services/errors.ts';

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
    expect(describeIssues(error, '晾晒规则设置无效')).toBe(
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
    expect(describeIssues(error, '请求参数无效')).toMatch(/^请求参数无效：[^：]/);
  });
});
