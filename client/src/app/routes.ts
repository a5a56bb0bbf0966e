/**
 * Every address of the client in one table: each page's path pattern (wouter syntax, matched by
 * wouter's own `matchRoute` with its default parser, regexparam), its typed and checked path
 * parameters, typed links, and the zod schemas of its search parameters.
 *
 * Addresses shared before this table keep working: the patterns are the ones App.tsx once matched
 * by hand (a trailing slash is allowed), and a search parameter that fails its schema takes its
 * default and is reported, so a hand-edited link never gives a blank page. The workbench, compare
 * and wall pages parse their richer query strings in their own modules (workbenchUrl.ts,
 * compareUrl.ts, wallParams.ts), with the same rule: whatever is wrong is dropped and replaced.
 */
import { parse as parsePattern } from 'regexparam';
import { matchRoute } from 'wouter';
import { z } from 'zod';
import { isIsoDate } from '../../../shared/time/dates.ts';

// zod compiles object parsers with `new Function` unless told not to; the page's Content-Security-
// Policy forbids eval (script-src without 'unsafe-eval'), and even zod's probe for it is reported
// as a violation. Every schema the client parses is small, so the interpreted path costs nothing.
z.config({ jitless: true });

export const ROUTE_PATTERNS = {
  dashboard: '/',
  login: '/login',
  password: '/password',
  review: '/review',
  township: '/township/:code',
  workbench: '/workbench',
  compare: '/compare',
  compound: '/compound/:code',
  admin: '/admin',
  wall: '/wall',
  supervision: '/supervision',
} as const;

export type RouteName = keyof typeof ROUTE_PATTERNS;

/** A township is named by its 9-digit administrative code (e.g. 350582101). */
export const townshipCodeSchema = z.string().regex(/^\d{9}$/);
/** Compound codes come from the ledger; a link to an unknown one opens the page's own "cannot be opened" notice. */
const compoundPathCodeSchema = z.string().min(1);

const PATH_PARAMS = {
  township: z.object({ code: townshipCodeSchema }),
  compound: z.object({ code: compoundPathCodeSchema }),
};
type ParamRoute = keyof typeof PATH_PARAMS;

export type Route =
  | { [N in ParamRoute]: { name: N; params: z.output<(typeof PATH_PARAMS)[N]> } }[ParamRoute]
  | { name: Exclude<RouteName, ParamRoute> | 'notFound'; params: Record<string, never> };

const NOT_FOUND: Route = { name: 'notFound', params: {} };

/** Percent-escapes in a path segment decoded; a malformed escape is kept as written (it then simply matches nothing). */
function decodeSegment(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

function isParamRoute(name: RouteName): name is ParamRoute {
  return name in PATH_PARAMS;
}

/** The page a pathname (no query string) opens; anything unknown, or with a malformed parameter, is `notFound`. */
export function resolveRoute(pathname: string): Route {
  for (const name of Object.keys(ROUTE_PATTERNS) as RouteName[]) {
    const [matched, raw] = matchRoute(parsePattern, ROUTE_PATTERNS[name], pathname);
    if (!matched) continue;
    if (!isParamRoute(name)) return { name, params: {} };
    const code = 'code' in raw && typeof raw.code === 'string' ? decodeSegment(raw.code) : '';
    const params = PATH_PARAMS[name].safeParse({ code });
    return params.success ? { name, params: params.data } : NOT_FOUND;
  }
  return NOT_FOUND;
}

function withQuery(path: string, query: Record<string, string | null | undefined>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value) params.set(key, value);
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

/** Typed links: every internal address the client writes is built here. */
export const hrefs = {
  dashboard: (query: { compound?: string | null } = {}) => withQuery('/', query),
  login: (next?: string) => withQuery('/login', { next }),
  password: () => '/password',
  review: (query: { week?: string | null } = {}) => withQuery('/review', query),
  township: (code: string, query: { week?: string | null } = {}) => withQuery(`/township/${code}`, query),
  workbench: () => '/workbench',
  compare: () => '/compare',
  compound: (code: string, query: { asOf?: string | null } = {}) =>
    withQuery(`/compound/${encodeURIComponent(code)}`, query),
  admin: () => '/admin',
  wall: () => '/wall',
  supervision: (query: { township?: string | null; state?: string | null } = {}) => withQuery('/supervision', query),
} satisfies Record<RouteName, (...args: never[]) => string>;

/** A search parameter read against its schema: absent → the default; present but failing → the default, flagged. */
export function readSearchParam<T>(
  search: string,
  name: string,
  schema: z.ZodType<T>,
  fallback: T,
): { value: T; invalid: boolean } {
  const raw = new URLSearchParams(search).get(name);
  if (raw === null) return { value: fallback, invalid: false };
  const parsed = schema.safeParse(raw);
  return parsed.success ? { value: parsed.data, invalid: false } : { value: fallback, invalid: true };
}

/** One of a fixed list of values (a layer, an indicator, a week of the available range). */
export function oneOf<T extends string>(values: readonly T[]): z.ZodType<T> {
  return z.custom<T>((raw) => typeof raw === 'string' && (values as readonly string[]).includes(raw));
}

/** A parser of the older kind (undefined when the text is not valid) as a schema. */
export function parsedBy<T>(parse: (raw: string) => T | undefined): z.ZodType<T> {
  return z.string().transform((raw, ctx) => {
    const value = parse(raw);
    if (value === undefined) {
      ctx.addIssue({ code: 'custom', message: `"${raw}" is not valid here` });
      return z.NEVER;
    }
    return value;
  });
}

/** A compound or township code carried as a selection (`?compound=`, `?township=`). */
export const codeParamSchema = z.string().regex(/^[\w-]{1,40}$/);

/** A calendar day 'YYYY-MM-DD' (a real one: 2025-02-30 fails) within [from, to]. */
export function dayBetween(from: string, to: string): z.ZodType<string> {
  return z.string().refine((raw) => isIsoDate(raw) && raw >= from && raw <= to);
}

/**
 * `/login?next=…`: where to go after signing in. Only a path of this site (not `//host`, which a
 * browser reads as another site) and never the login page itself; anything else goes to the map.
 */
export const loginNextSchema = z
  .string()
  .refine((raw) => raw.startsWith('/') && !raw.startsWith('//') && !raw.startsWith('/login'));

export function loginNext(search: string): string {
  return readSearchParam(search, 'next', loginNextSchema, '/').value;
}
