/**
 * Every procedure of the router, called as an administrator with well over 1,000 malformed
 * inputs in total (wrong types, huge and SQL-ish strings, NaN, negatives, unicode, deep nesting,
 * near-valid inputs with one field broken): never INTERNAL_SERVER_ERROR, and nothing changes.
 * Procedures are listed from the router, so those added later are fuzzed too.
 */
import { TRPCError } from '@trpc/server';
import { count } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as s from '../../../data/schema/index.ts';
import type { Db } from '../../../server/db/connection.ts';
import { callerAs, type Caller } from '../../support/callers.ts';
import { openFixtureDatabase, type TestDatabase } from '../../support/databases.ts';
import { call, parsersAccept, procedures } from '../../support/procedures.ts';

const TOTAL = 1_200;

/** Deterministic generator (mulberry32). */
function random(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  const int = (n: number) => Math.floor(next() * n);
  return { next, int, pick: <T>(items: readonly T[]): T => items[int(items.length)]! };
}
type Random = ReturnType<typeof random>;

const STRINGS = [
  '',
  ' ',
  "' OR 1=1 --",
  "'; DROP TABLE users; --",
  '1; select pg_sleep(5)',
  '%',
  '_',
  '\\',
  '"',
  '小区😀',
  '\u202e反转',
  '\ud800',
  '\u0000',
  'a\u0000b',
  'null',
  'undefined',
  'NaN',
  '-1',
  '1e309',
  '１２３',
  '2025-02-30',
  '9999-99-99',
  '2025-13-01',
  '2099-01-01',
  '1900-01-01',
  '2025-W99',
  '2025-W00',
  '350582999',
  '35058210３',
  '<script>alert(1)</script>',
  '../../etc/passwd',
  '${jndi:ldap://x}',
  '__proto__',
  'constructor',
  'x'.repeat(5_000),
  'y'.repeat(150_000),
];
const NUMBERS = [
  0,
  -1,
  -0,
  1.5,
  -2_147_483_649,
  2_147_483_648,
  2 ** 53 + 2,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  Number.NEGATIVE_INFINITY,
  1e-12,
  -99_999,
];
const KEYS = [
  'asOf',
  'week',
  'townshipCode',
  'code',
  'indicator',
  'format',
  'compoundCode',
  'heldOn',
  'attendees',
  'topics',
  'problemsResolved',
  'formedOn',
  'termEnd',
  'members',
  'partyMembers',
  'chairIsPartySecretary',
  'termId',
  'endedOn',
  'issueId',
  'to',
  'on',
  'evaluatedOn',
  'score',
  'safetyScore',
  'username',
  'displayName',
  'role',
  'password',
  'disabled',
  'name',
  'id',
  'userId',
  'tableName',
  'action',
  'from',
  'page',
  'pageSize',
  'composite',
  'weights',
  'redList',
  'blackList',
  'movers',
  'codes',
  'selection',
  'complete',
  'fileName',
  'base64',
  'crs',
  'dryRun',
  'replaceDemo',
  'bbox',
  'zoom',
  '__proto__',
  'constructor',
];

/** Near-valid inputs: each has more than one thing wrong for a mutation to succeed (future dates, unknown codes and ids). */
const TEMPLATES: Record<string, unknown> = {
  'auth.login': { username: 'no-such-user', password: 'wrong-password' },
  'compounds.status': { asOf: '2025-06-30', townshipCode: '350582103' },
  'compounds.history': { code: 'NO-SUCH', asOf: '2025-06-30', complete: 'yes' },
  'compounds.stateOn': { code: 'NO-SUCH', asOf: '2025-02-30' },
  'wall.lagging': { townshipCode: '35058210３' },
  'map.view': { asOf: '2025-06-30', bbox: [118.5, 24.7, 118.7, 24.9], zoom: 12 },
  'workbench.rows': { asOf: '2099-01-01' },
  'workbench.export': { asOf: '2099-01-01', codes: ['NO-SUCH'], format: 'docx', selection: 'poly:1,2' },
  'ledger.import': { fileName: '台账.csv', base64: 'bm90IGEgbGVkZ2Vy', crs: 'utm', dryRun: false, replaceDemo: true },
  'metrics.report': { week: '2025-W10', townshipCode: '350582103' },
  'metrics.series': { townshipCode: '350582999' },
  'metrics.drill': { indicator: 'committeeRate', asOf: '2025-06-30', townshipCode: '350582103' },
  'review.board': { week: '2025-W30' },
  'review.township': { code: '350582103', week: '2025-W30' },
  'review.updateSettings': {
    composite: { weights: { committeeRate: -1, petitionRate: 'x' } },
    blackList: { bottomN: 99 },
  },
  'review.markReviewed': { week: '2099-W01' },
  'review.pack': { week: '2099-W01', townshipCode: '350582999', format: 'docx' },
  'editing.township': { code: '350582103' },
  'editing.recordMeeting': {
    compoundCode: 'NO-SUCH',
    heldOn: '2099-01-01',
    attendees: 0,
    topics: '',
    problemsResolved: -1,
  },
  'editing.startCommitteeTerm': {
    compoundCode: 'NO-SUCH',
    formedOn: '2099-01-01',
    members: 2,
    partyMembers: 9,
    chairIsPartySecretary: 'yes',
  },
  'editing.endCommitteeTerm': { termId: 2_000_000_000, endedOn: '2099-01-01' },
  'editing.advanceIssue': { issueId: 2_000_000_000, to: 'accepted', on: '2099-01-01' },
  'editing.recordEvaluation': { compoundCode: 'NO-SUCH', evaluatedOn: '2099-01-01', score: 101, safetyScore: -1 },
  'admin.addUser': {
    username: 'Bad Name',
    displayName: '',
    role: 'root',
    townshipCode: '350582999',
    password: 'short',
  },
  'admin.setUserDisabled': { username: 'no-such-user', disabled: 'yes' },
  'admin.resetPassword': { username: 'no-such-user', password: 'short' },
  'admin.endSessions': { username: 'no-such-user' },
  'admin.createDisplayToken': { name: '', expiresOn: '2025-02-30' },
  'admin.revokeDisplayToken': { id: 2_000_000_000 },
  'admin.auditLog': { from: '2025-02-30', to: '2024-01-01', page: 0, pageSize: 1000 },
};

function garbage(rng: Random, depth = 0): unknown {
  switch (rng.int(depth > 2 ? 4 : 8)) {
    case 0:
      return rng.pick(STRINGS);
    case 1:
      return rng.pick(NUMBERS);
    case 2:
      return rng.pick([true, false, null, undefined, 10n, new Date(0), new Date(Number.NaN)]);
    case 3:
      return rng.pick(STRINGS) + rng.pick(STRINGS);
    case 4:
      return Array.from({ length: rng.int(4) }, () => garbage(rng, depth + 1));
    case 5: {
      let nested: unknown = rng.pick(STRINGS);
      for (let i = 0; i < 5 + rng.int(40); i++) nested = { [rng.pick(KEYS)]: nested };
      return nested;
    }
    default:
      return Object.fromEntries(
        Array.from({ length: 1 + rng.int(5) }, () => [rng.pick(KEYS), garbage(rng, depth + 1)]),
      );
  }
}

/** One field of the template broken, removed, or an unknown field added; or pure garbage. */
function malformed(rng: Random, template: unknown): unknown {
  if (template === undefined || rng.int(4) === 0) return garbage(rng);
  const copy = structuredClone(template) as Record<string, unknown>;
  const keys = Object.keys(copy);
  const key = rng.pick(keys);
  switch (rng.int(4)) {
    case 0:
      delete copy[key];
      break;
    case 1:
      copy[rng.pick(KEYS.filter((k) => !(k in copy)))] = garbage(rng);
      break;
    default:
      copy[key] = garbage(rng);
  }
  return copy;
}

async function snapshot(db: Db) {
  const tables = {
    users: s.users,
    sessions: s.sessions,
    displayTokens: s.displayTokens,
    reviewedWeeks: s.reviewedWeeks,
    reviewSettings: s.reviewSettings,
    meetings: s.meetings,
    committeeTerms: s.committeeTerms,
    evaluations: s.evaluations,
  };
  const out: Record<string, unknown> = { revision: (await db.select().from(s.dataRevision))[0]!.revision };
  for (const [name, table] of Object.entries(tables)) out[name] = (await db.select({ n: count() }).from(table))[0]!.n;
  out.issues = await db
    .select({ id: s.residentIssues.id, status: s.residentIssues.status })
    .from(s.residentIssues)
    .orderBy(s.residentIssues.id);
  out.terms = await db
    .select({ id: s.committeeTerms.id, endedOn: s.committeeTerms.endedOn })
    .from(s.committeeTerms)
    .orderBy(s.committeeTerms.id);
  return out;
}

describe('malformed input to every procedure', () => {
  let database: TestDatabase;
  let admin: Caller;
  beforeAll(async () => {
    database = await openFixtureDatabase('pglite');
    admin = await callerAs(database, 'admin');
  });
  afterAll(() => database?.dispose());

  it(
    `never fails with INTERNAL_SERVER_ERROR and changes nothing (${TOTAL}+ inputs)`,
    { timeout: 600_000 },
    async () => {
      const before = await snapshot(database.db);
      const rng = random(20_260_825);
      const list = procedures().filter((p) => p.path !== 'auth.logout');
      const perProcedure = Math.ceil(TOTAL / list.length);
      const codes: Record<string, number> = {};
      let fed = 0;
      for (const { path, type, inputs } of list) {
        let given = 0;
        for (let attempt = 0; given < perProcedure && attempt < perProcedure * 20; attempt++) {
          const input = malformed(rng, TEMPLATES[path]);
          // A mutation's input its parsers accept is not malformed: it could legitimately write.
          if (type === 'mutation' && inputs.length > 0 && (await parsersAccept(inputs, input))) continue;
          given++;
          let code = 'OK';
          try {
            await call(admin, path, input);
          } catch (error) {
            if (!(error instanceof TRPCError)) throw new Error(`${path}: ${String(error)}`, { cause: error });
            code = error.code;
            if (code === 'INTERNAL_SERVER_ERROR')
              throw new Error(`${path}(${show(input)}) → INTERNAL_SERVER_ERROR: ${error.message}`, { cause: error });
            expect(error.message, path).not.toMatch(/^\[|ZodError|at .*\.ts/);
          }
          codes[code] = (codes[code] ?? 0) + 1;
        }
        fed += given;
      }
      console.info(`${fed} malformed inputs to ${list.length} procedures:`, codes);
      expect(fed).toBeGreaterThanOrEqual(TOTAL);
      expect(codes.BAD_REQUEST).toBeGreaterThan(TOTAL / 2);
      expect(await snapshot(database.db)).toEqual(before);
    },
  );
});

function show(input: unknown): string {
  try {
    const text = JSON.stringify(input, (_, v: unknown) => (typeof v === 'bigint' ? `${v}n` : v));
    return text === undefined ? 'undefined' : text.slice(0, 200);
  } catch {
    return String(input);
  }
}
