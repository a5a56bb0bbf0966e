/**
 * A cheap walk over a raw request input: PostgreSQL cannot store NUL characters, and no form
 * sends megabytes or hundreds of levels of nesting. Returns a Chinese message, or null when fine.
 */
const MAX_DEPTH = 12;
const MAX_NODES = 5_000;
const MAX_STRING = 100_000;

export function checkInputShape(input: unknown): string | null {
  let nodes = 0;
  const walk = (value: unknown, depth: number): string | null => {
    if (++nodes > MAX_NODES) return '请求参数过大';
    if (typeof value === 'string') {
      if (value.length > MAX_STRING) return '请求参数中的文本过长';
      if (value.includes('\u0000')) return '请求参数含有不允许的控制字符';
      return null;
    }
    if (value === null || typeof value !== 'object') return null;
    if (depth >= MAX_DEPTH) return '请求参数嵌套过深';
    for (const [key, child] of Array.isArray(value) ? value.entries() : Object.entries(value)) {
      if (typeof key === 'string' && key.includes('\u0000')) return '请求参数含有不允许的控制字符';
      const problem = walk(child, depth + 1);
      if (problem) return problem;
    }
    return null;
  };
  return walk(input, 0);
}
