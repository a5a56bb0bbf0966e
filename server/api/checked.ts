import type { z } from 'zod';
import { BadInputError } from '../services/errors.ts';
import { describeIssues } from '../services/review/reviewRules.ts';

/** A zod schema as a tRPC input parser whose failures read as one Chinese line. */
export function checked<S extends z.ZodType>(schema: S, prefix = '请求参数无效') {
  return (raw: unknown): z.infer<S> => {
    const result = schema.safeParse(raw);
    if (!result.success) throw new BadInputError(describeIssues(result.error, prefix));
    return result.data;
  };
}
