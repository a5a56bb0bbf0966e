import type { z } from 'zod';
import { BadInputError, describeIssues, INVALID_REQUEST } from '../services/errors.ts';
import type { Said } from '../../shared/language/said.ts';

/** A tRPC input parser typed like the zod schema (input and output types), failing as one line (in the reader's language). */
export interface CheckedParser<S extends z.ZodType> {
  _input: z.input<S>;
  _output: z.output<S>;
  parse(raw: unknown): z.output<S>;
}

export function checked<S extends z.ZodType>(schema: S, prefix: string | Said = INVALID_REQUEST): CheckedParser<S> {
  return {
    parse(raw) {
      const result = schema.safeParse(raw);
      if (!result.success) throw new BadInputError(describeIssues(result.error, prefix));
      return result.data;
    },
  } as CheckedParser<S>;
}
