/**
 * A cheap walk over a raw request input: PostgreSQL cannot store NUL characters, and no form
 * sends megabytes or hundreds of levels of nesting. Returns what is wrong in both languages, or
 * null when fine.
 */
import { said, type Said } from '../../shared/language/said.ts';

const MAX_DEPTH = 12;
const CONTROL_CHARACTER = said(
  '请求参数含有不允许的控制字符',
  'The request holds a control character that is not allowed',
);
const MAX_NODES = 5_000;
const MAX_STRING = 100_000;

export function checkInputShape(input: unknown): Said | null {
  let nodes = 0;
  const walk = (value: unknown, depth: number): Said | null => {
    if (++nodes > MAX_NODES) return said('请求参数过大', 'The request is too large');
    if (typeof value === 'string') {
      if (value.length > MAX_STRING) return said('请求参数中的文本过长', 'A text in the request is too long');
      if (value.includes('\u0000')) return CONTROL_CHARACTER;
      return null;
    }
    if (value === null || typeof value !== 'object') return null;
    if (depth >= MAX_DEPTH) return said('请求参数嵌套过深', 'The request is nested too deeply');
    for (const [key, child] of Array.isArray(value) ? value.entries() : Object.entries(value)) {
      if (typeof key === 'string' && key.includes('\u0000')) return CONTROL_CHARACTER;
      const problem = walk(child, depth + 1);
      if (problem) return problem;
    }
    return null;
  };
  return walk(input, 0);
}
