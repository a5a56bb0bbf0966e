/** The router's procedures, listed from the router itself so procedures added later are covered. */
import { TRPCError } from '@trpc/server';
import { appRouter } from '../../server/api/root.ts';
import type { Caller } from './callers.ts';

type ProcedureDef = Record<'_def', { type: 'query' | 'mutation' | 'subscription'; inputs: unknown[] }>;
const DEF = '_def';

export function procedures(): { path: string; type: 'query' | 'mutation' | 'subscription'; inputs: unknown[] }[] {
  const procedureMap = (appRouter[DEF] as unknown as { procedures: Record<string, ProcedureDef> }).procedures;
  return Object.entries(procedureMap).map(([path, p]) => ({ path, type: p[DEF].type, inputs: p[DEF].inputs }));
}

/** caller.a.b(input) for the path 'a.b'. */
export function call(caller: Caller, path: string, input?: unknown): Promise<unknown> {
  let target: unknown = caller;
  for (const part of path.split('.')) target = (target as Record<string, unknown>)[part];
  return (target as (input: unknown) => Promise<unknown>)(input);
}

/** The error code a call ends with, or 'OK'. */
export async function outcome(caller: Caller, path: string, input?: unknown): Promise<string> {
  try {
    await call(caller, path, input);
    return 'OK';
  } catch (error) {
    if (error instanceof TRPCError) return error.code;
    throw error;
  }
}

/** Whether every input parser of the procedure accepts the input (a zod schema or a parse function). */
export async function parsersAccept(inputs: unknown[], input: unknown): Promise<boolean> {
  for (const parser of inputs) {
    try {
      if (typeof parser === 'function') await (parser as (v: unknown) => unknown)(input);
      else if (typeof (parser as { parse?: unknown }).parse === 'function')
        await (parser as { parse(v: unknown): unknown }).parse(input);
      else {
        const result = await (parser as { '~standard': { validate(v: unknown): unknown } })['~standard'].validate(
          input,
        );
        if ((result as { issues?: unknown }).issues) return false;
      }
    } catch {
      return false;
    }
  }
  return true;
}
