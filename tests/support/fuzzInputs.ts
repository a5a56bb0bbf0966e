/**
 * Malformed tRPC inputs from a seeded generator (mulberry32), all JSON-serialisable so that they
 * can travel over HTTP: wrong types, huge numbers, weird strings, invalid weeks and dates, deep
 * nesting, and near-valid inputs with one field broken.
 */

export function seededRandom(seed: number) {
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
export type Random = ReturnType<typeof seededRandom>;

/** Weeks and dates past the calendar or not in it: the inputs that once failed with "Invalid time value". */
export const BAD_WEEKS_AND_DATES = [
  '9999-W99',
  '9999-W53',
  '0000-W01',
  '2025-W00',
  '2025-W54',
  '2025-W5',
  '1899-W52',
  '3000-W01',
  '2025-w10',
  '２０２５-W10',
  '9999-12-31',
  '0000-00-00',
  '0001-01-01',
  '2025-02-29',
  '2024-02-30',
  '2025-13-01',
  '9999-99-99',
  '+010000-01-01',
  '-000001-01-01',
  '2025-1-1',
  '2025-06-30T00:00:00Z',
  '1e5',
  '1899-12-31',
  '2999-12-31',
];

const STRINGS = [
  ...BAD_WEEKS_AND_DATES,
  '',
  ' ',
  "' OR 1=1 --",
  "'; DROP TABLE users; --",
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
  'NaN',
  '-1',
  '1e309',
  '１２３',
  '350582999',
  '35058210３',
  '<script>alert(1)</script>',
  '../../etc/passwd',
  '${jndi:ldap://x}',
  '__proto__',
  'constructor',
  'x'.repeat(2_000),
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
  2 ** 63,
  1e308,
  -1e308,
  5e-324,
  1e-12,
  -99_999,
  1e21,
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
  'from',
  'page',
  'pageSize',
  'composite',
  'weights',
  'redList',
  'blackList',
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

/** Near-valid inputs: each still has enough wrong that no mutation could succeed (future dates, unknown codes and ids). */
export const TEMPLATES: Record<string, unknown> = {
  'auth.login': { username: 'no-such-user', password: 'wrong-password' },
  'compounds.status': { asOf: '2025-06-30', townshipCode: '350582103' },
  'compounds.history': { code: 'NO-SUCH', asOf: '2025-06-30', complete: true },
  'compounds.stateOn': { code: 'NO-SUCH', asOf: '2025-02-30' },
  'wall.lagging': { townshipCode: '350582999' },
  'map.view': { asOf: '2025-06-30', bbox: [118.5, 24.7, 118.7, 24.9], zoom: 12 },
  'workbench.rows': { asOf: '2099-01-01' },
  'workbench.export': { asOf: '2099-01-01', codes: ['NO-SUCH'], format: 'docx', selection: 'poly:1,2' },
  'ledger.import': { fileName: '台账.csv', base64: 'bm90IGEgbGVkZ2Vy', crs: 'utm', dryRun: false, replaceDemo: true },
  'metrics.report': { week: '9999-W99', townshipCode: '350582103' },
  'metrics.series': { townshipCode: '350582999' },
  'metrics.drill': { indicator: 'committeeRate', week: '2025-W99', townshipCode: '350582103' },
  'review.board': { week: '9999-W99' },
  'review.township': { code: '350582103', week: '0000-W01' },
  'review.updateSettings': {
    composite: { weights: { committeeRate: -1, petitionRate: 'x' } },
    blackList: { bottomN: 99 },
  },
  'review.markReviewed': { week: '9999-W99' },
  'review.pack': { week: '9999-W99', townshipCode: '350582999', format: 'docx' },
  'editing.township': { code: '350582103' },
  'editing.recordMeeting': {
    compoundCode: 'NO-SUCH',
    heldOn: '9999-12-31',
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
  'editing.endCommitteeTerm': { termId: 2_000_000_000, endedOn: '9999-12-31' },
  'editing.advanceIssue': { issueId: 2_000_000_000, to: 'accepted', on: '9999-12-31' },
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
  'admin.auditLog': { from: '9999-12-31', to: '0001-01-01', page: 0, pageSize: 1000 },
  'supervision.list': { townshipCode: '350582999', state: 'late', week: '9999-W99', source: 'rumour' },
  'supervision.get': { itemId: 2_000_000_000 },
  'supervision.summary': { week: '9999-W99' },
  'supervision.issue': {
    townshipCode: '350582999',
    compoundCodes: ['NO-SUCH'],
    indicator: 'happiness',
    task: '',
    deadline: '1900-01-01',
    reviewWeek: '2025-W00',
  },
  'supervision.issueBatch': { items: [] },
  'supervision.answer': { itemId: 2_000_000_000, answer: '' },
  'supervision.accept': { itemId: -1 },
  'supervision.return': { itemId: 2_000_000_000, reason: '' },
  'warnings.list': { townshipCode: '350582999', state: 'late', rule: 'gossip', limit: 0 },
  'warnings.toItem': { warningId: 2_000_000_000, task: '', deadline: '9999-99-99' },
  'warnings.dismiss': { warningId: -1, reason: '' },
  'warnings.updateRules': { noMeeting: { threshold: -1, enabled: 'yes' }, unknownRule: {} },
  'webhooks.add': { scope: 'city', kind: 'slack', url: 'javascript:alert(1)', secret: 'x' },
  'webhooks.setEnabled': { webhookId: 2_000_000_000, enabled: 'no' },
  'webhooks.remove': { webhookId: 0 },
  'webhooks.test': { webhookId: 2_000_000_000 },
  'webhooks.deliveries': { webhookId: -5, limit: 10_000 },
};

export function garbage(rng: Random, depth = 0): unknown {
  switch (rng.int(depth > 2 ? 4 : 9)) {
    case 0:
      return rng.pick(STRINGS);
    case 1:
      return rng.pick(NUMBERS);
    case 2:
      return rng.pick([true, false, null, {}, []]);
    case 3:
      return rng.pick(STRINGS).slice(0, 50) + rng.pick(STRINGS).slice(0, 50);
    case 4:
      return Array.from({ length: rng.int(4) }, () => garbage(rng, depth + 1));
    case 5: {
      // Deep nesting: past the 12 levels any form sends, sometimes far past.
      let nested: unknown = rng.pick(STRINGS).slice(0, 20);
      for (let i = 0, n = 5 + rng.int(rng.int(4) === 0 ? 400 : 40); i < n; i++)
        nested = rng.int(2) ? { [rng.pick(KEYS)]: nested } : [nested];
      return nested;
    }
    case 6:
      return { [rng.pick(KEYS)]: rng.pick(BAD_WEEKS_AND_DATES) };
    default:
      return Object.fromEntries(
        Array.from({ length: 1 + rng.int(5) }, () => [rng.pick(KEYS), garbage(rng, depth + 1)]),
      );
  }
}

/** One field of the template broken, removed, or an unknown field added; or pure garbage. */
export function malformedInput(rng: Random, template: unknown): unknown {
  if (template === undefined || rng.int(4) === 0) return garbage(rng);
  const copy = structuredClone(template) as Record<string, unknown>;
  const key = rng.pick(Object.keys(copy));
  switch (rng.int(5)) {
    case 0:
      delete copy[key];
      break;
    case 1:
      copy[rng.pick(KEYS.filter((k) => !(k in copy)))] = garbage(rng);
      break;
    case 2:
      copy[key] = rng.pick(BAD_WEEKS_AND_DATES);
      break;
    default:
      copy[key] = garbage(rng);
  }
  return copy;
}
