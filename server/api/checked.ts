import type { z } from 'zod';
import { BadInputError, describeIssues } from '../services/errors.ts';

/** A tRPC input parser typed like the zod schema (input and output types), failing as one Chinese line. */
export interface CheckedParser<S extends z.ZodType> {
  _input: z.input<S>;
  _output: z.output<S>;
  parse(raw: unknown): z.output<S>;
}

export function checked<S extends z.ZodType>(schema: S, prefix = '请求参数无效'): CheckedParser<S> {
  return {
    parse(raw) {
      const result = schema.safeParse(raw);
      if (!result.success) throw new BadInputError(describeIssues(result.error, prefix));
      return result.data;
    },
  } as CheckedParser<S>;
}
