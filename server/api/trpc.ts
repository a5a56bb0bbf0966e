/** tRPC context and procedure builders. Routers validate with zod and hand off to services. */
import { initTRPC, TRPCError } from '@trpc/server';
import { ZodError } from 'zod';
import type { Db, DatabaseKind } from '../db/connection.ts';
import { BadInputError } from '../services/errors.ts';

export interface Context {
  db: Db;
  databaseKind: DatabaseKind;
}

const t = initTRPC.context<Context>().create({
  errorFormatter({ shape, error }) {
    const zod = error.cause instanceof ZodError ? error.cause.issues.map((i) => `${i.path.join('.')}: ${i.message}`) : null;
    return { ...shape, data: { ...shape.data, stack: undefined, zodIssues: zod } };
  },
});

/** Turns a service's "bad input" errors into BAD_REQUEST with their Chinese message. */
const badInputToBadRequest = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok && result.error.cause instanceof BadInputError) {
    throw new TRPCError({ code: 'BAD_REQUEST', message: result.error.cause.message, cause: result.error.cause });
  }
  return result;
});

export const router = t.router;
export const publicProcedure = t.procedure.use(badInputToBadRequest);
export const createCallerFactory = t.createCallerFactory;
