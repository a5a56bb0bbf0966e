/**
 * tRPC context and procedure builders. Routers validate with zod and hand off to services.
 *
 * Every procedure is built from one of: `publicProcedure` (only auth.login/logout/me),
 * `sessionProcedure` (any signed-in person, not a display token: changing one's own password),
 * `readProcedure` (any signed-in user or display token), `exportProcedure` (analyst, business_admin, admin),
 * `editProcedure` (township staff and admin; the editing services check the township), and one
 * per administrative duty: `accountsProcedure`, `auditProcedure`, `businessProcedure`; and
 * `superviseProcedure` (督办: analyst, business_admin, admin).
 * No actor → UNAUTHORIZED; wrong role → FORBIDDEN, audited as 'forbidden'. A person whose
 * password an administrator chose gets FORBIDDEN with `data.reason` 'PASSWORD_CHANGE_REQUIRED'
 * from everything but auth.* until they change it.
 */
import { initTRPC, TRPCError } from '@trpc/server';
import { ZodError } from 'zod';
import type { Db, DatabaseKind } from '../db/connection.ts';
import { auditForbidden } from '../services/audit/auditLog.ts';
import { PASSWORD_CHANGE_REQUIRED, PasswordChangeRequiredError } from '../services/auth/passwordChange.ts';
import { can, PERMISSION_NAMES, type Actor, type Permission } from '../services/auth/roles.ts';
import { revisionMemo } from '../services/live/revisionMemo.ts';
import { todayInCity } from '../../shared/time/dates.ts';
import { DEFAULT_LOCALE, type Locale } from '../../shared/language/index.ts';
import { AUTH_WORDS } from '../services/auth/authWords.ts';
import {
  BadInputError,
  describeIssueIn,
  ForbiddenError,
  ServiceBusyError,
  ShownError,
  TooManyAttemptsError,
  UnauthorizedError,
} from '../services/errors.ts';
import type { Said } from '../../shared/language/said.ts';
import { currentRequestId } from '../http/requestId.ts';
import { clientMessage } from './clientErrors.ts';
import { checkInputShape } from './inputShape.ts';
import { routeStatements, type WriteMark } from './readRouting.ts';
import type { Replica } from '../db/replica.ts';

/** Where the session cookie is written (the HTTP response; a no-op for in-process callers). */
export interface SessionCookieJar {
  set(token: string, expiresAt: Date): void;
  clear(): void;
}

export interface Context {
  db: Db;
  databaseKind: DatabaseKind;
  /** Who is asking: from the session cookie or a display token; null when nobody signed in. */
  actor: Actor | null;
  /** The session token of this request, if any (for logout). */
  sessionToken: string | null;
  /** The client's address, for the login rate limit. */
  clientIp: string;
  cookies: SessionCookieJar;
  /** A streaming replica the read-only procedures go to (api/readRouting.ts). */
  replica?: Replica | undefined;
  /** Where this client's last write was, so that its next reads see it. */
  writeMark: WriteMark;
  /** The language the person reads in (header x-onemap-lang); the server's sentences follow it. */
  locale: Locale;
}

const t = initTRPC.context<Context>().create({
  // Server-sent events for subscriptions (wall screens): a ping every 5 s keeps proxies from
  // closing the stream, and a client that hears nothing for 12 s reconnects by itself.
  sse: { ping: { enabled: true, intervalMs: 5000 }, client: { reconnectAfterInactivityMs: 12_000 } },
  // Clients get one line in their language and the request id, never SQL or a stack (api/clientErrors.ts).
  errorFormatter({ shape, error, path, ctx }) {
    const locale = ctx?.locale ?? DEFAULT_LOCALE;
    const zod = error.cause instanceof ZodError ? error.cause.issues.map((i) => describeIssueIn(i, locale)) : null;
    const reason = error.cause instanceof PasswordChangeRequiredError ? PASSWORD_CHANGE_REQUIRED : undefined;
    const requestId = currentRequestId();
    return {
      ...shape,
      message: clientMessage(error, path, requestId, locale),
      data: { ...shape.data, stack: undefined, zodIssues: zod, reason, requestId },
    };
  },
});

/**
 * Turns services' errors into tRPC codes with their message (the Chinese; the formatter says it
 * in the reader's language): bad input → BAD_REQUEST,
 * wrong credentials → UNAUTHORIZED, too many logins → TOO_MANY_REQUESTS, another township's
 * record → FORBIDDEN (and the attempt is written to the audit log), a full print queue →
 * SERVICE_UNAVAILABLE (HTTP 503).
 */
const serviceErrors = t.middleware(async ({ ctx, path, next }) => {
  const result = await next();
  if (result.ok) return result;
  const cause = result.error.cause;
  if (cause instanceof BadInputError) throw new TRPCError({ code: 'BAD_REQUEST', message: cause.message, cause });
  if (cause instanceof UnauthorizedError) throw new TRPCError({ code: 'UNAUTHORIZED', message: cause.message, cause });
  if (cause instanceof TooManyAttemptsError)
    throw new TRPCError({ code: 'TOO_MANY_REQUESTS', message: cause.message, cause });
  if (cause instanceof ServiceBusyError)
    throw new TRPCError({ code: 'SERVICE_UNAVAILABLE', message: cause.message, cause });
  if (cause instanceof ForbiddenError) {
    // The procedure names the attempt: repeats of one actor on one procedure are counted together.
    await auditForbidden(ctx.db, ctx.actor, { ...cause.attempt, detail: { procedure: path, ...cause.attempt.detail } });
    throw new TRPCError({ code: 'FORBIDDEN', message: cause.message, cause });
  }
  return result;
});

/** A procedure's own refusal: its Chinese message, and both languages on its cause for the formatter. */
function refusal(code: TRPCError['code'], words: Said): TRPCError {
  return new TRPCError({ code, message: words['zh-CN'], cause: new ShownError(words) });
}

/** Refuses inputs no form sends (NUL characters, absurd nesting or size) before any parser sees them. */
const saneInput = t.middleware(async ({ getRawInput, next }) => {
  const problem = checkInputShape(await getRawInput());
  if (problem) throw refusal('BAD_REQUEST', problem);
  return next();
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;

const base = t.procedure.use(serviceErrors);

/** Only for signing in and out and asking who is signed in. */
export const publicProcedure = base.use(saneInput);

/** Nobody signed in: UNAUTHORIZED before anything else, whatever the input. */
const signedIn = base.use(({ ctx, path, next }) => {
  if (!ctx.actor) throw refusal('UNAUTHORIZED', AUTH_WORDS.signInFirst);
  if (ctx.actor.mustChangePassword && !path.startsWith('auth.')) {
    const cause = new PasswordChangeRequiredError();
    throw new TRPCError({ code: 'FORBIDDEN', message: cause.message, cause });
  }
  return next({ ctx: { ...ctx, actor: ctx.actor } });
});

/** A person signed in with a session (a display token is not a person and has no password). */
export const sessionProcedure = signedIn
  .use(({ ctx, next }) => {
    if (ctx.actor.via !== 'session') throw refusal('UNAUTHORIZED', AUTH_WORDS.signInFirst);
    return next();
  })
  .use(saneInput);

function requiring(permission: Permission) {
  return (
    signedIn
      .use(async ({ ctx, path, type, next }) => {
        if (!can(ctx.actor.role, permission)) {
          await auditForbidden(ctx.db, ctx.actor, {
            tableName: path,
            detail: { procedure: path, type, required: permission },
          });
          throw refusal('FORBIDDEN', AUTH_WORDS.needsPermission(permission, PERMISSION_NAMES[permission]));
        }
        return next();
      })
      .use(saneInput)
      // Last, after the checks that may write (a refusal is audited on the primary).
      .use(({ ctx, type, path, next }) =>
        routeStatements(ctx, type, path, (db) => (db ? next({ ctx: { ...ctx, db } }) : next())),
      )
  );
}

export const readProcedure = requiring('read');

/**
 * A read whose answer depends only on the data tables (those that bump the data revision), its
 * input and the day — not on who asks, nor on the review tables, users or sessions: answered once
 * per data revision for identical requests (services/live/revisionMemo.ts). Errors are not kept.
 */
export const revisionCachedReadProcedure = readProcedure.use(async ({ ctx, path, getRawInput, next }) => {
  const input = inputKey(await getRawInput());
  // An input JSON cannot say (only in-process callers can pass one: a BigInt, a cycle) is not memoised.
  if (input === null) return next();
  // The answer may be in the reader's language (reasons, words): one memo per language.
  const key = `${path} ${todayInCity()} ${ctx.locale} ${input}`;
  const result = await revisionMemo(ctx.db, key, async () => {
    const answer = await next();
    // A refusal travels as a value in tRPC: thrown here, so that it is not kept (requests
    // that were waiting for this same computation get the same refusal).
    if (!answer.ok) throw new MiddlewareFailure(answer);
    return answer;
  }).catch((error: unknown) => {
    if (error instanceof MiddlewareFailure) return error.result;
    throw error;
  });
  return result as Awaited<ReturnType<typeof next>>;
});

function inputKey(raw: unknown): string | null {
  try {
    return JSON.stringify(raw ?? null);
  } catch {
    return null;
  }
}

/** A failed inner result carried out of the memo without being kept. */
class MiddlewareFailure extends Error {
  constructor(readonly result: unknown) {
    super('failed read');
  }
}
export const exportProcedure = requiring('export');
export const editProcedure = requiring('edit');
export const accountsProcedure = requiring('accounts');
export const auditProcedure = requiring('audit');
export const businessProcedure = requiring('business');
/** Issuing supervision items (督办) and accepting or returning the answers. */
export const superviseProcedure = requiring('supervise');
