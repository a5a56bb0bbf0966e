/**
 * Every indicator declares its reasons once, in both languages (shared/indicators/reasons.ts):
 * over every kind each indicator declares and every value of its particulars, the English says
 * no Chinese and tells apart exactly what the Chinese tells apart (so a list grouped or filtered
 * in English has the same groups); and every contribution a classification gives is one of its
 * indicator's kinds, its Chinese the declaration's.
 */
import { describe, expect, it } from 'vitest';
import type { CompoundStatus, Rating } from '../../shared/compounds/compoundStatus.ts';
import { PARTY_ORG_TYPES, RATINGS } from '../../shared/compounds/compoundStatus.ts';
import { INDICATOR_LIST } from '../../shared/indicators/index.ts';
import {
  contributionIn,
  fixedReason,
  reasonGroupText,
  reasonKind,
  reasonKinds,
  sayer,
  reasonText,
  type Particular,
  type ReasonKinds,
  type Why,
} from '../../shared/indicators/reasons.ts';
import { DEFAULT_INDICATORS } from '../../server/services/metrics/indicators/index.ts';
import type { CompoundFact } from '../../server/services/metrics/indicators/types.ts';

const CJK = /[\u3400-\u9fff\u3000-\u303f\uff00-\uffef]/;

/** Values to try for a particular: a day, a few counts (one and several read differently in English), every named value. */
const valuesOf = (p: Particular): readonly (string | number)[] =>
  p === 'day' ? ['2026-10-02'] : p === 'count' ? [1, 2, 17] : p;

/** Every reason the declaration can give: each kind with every combination of its particulars' values. */
function everyWhy(reasons: ReasonKinds): Why[] {
  return Object.entries(reasons).flatMap(([kind, declared]) =>
    Object.entries(declared.particulars).reduce<Why[]>(
      (whys, [name, p]) => whys.flatMap((why) => valuesOf(p).map((v) => ({ ...why, [name]: v }))),
      [{ kind }],
    ),
  );
}

describe.each(INDICATOR_LIST.map((i) => [i.key, i] as const))('the reasons of %s', (_key, indicator) => {
  const whys = everyWhy(indicator.reasons);
  const said = (locale: 'zh-CN' | 'en') => whys.map((why) => reasonText(indicator.reasons, why, locale));

  it('says every reason in English without a Chinese character', () => {
    expect(whys.length).toBeGreaterThanOrEqual(Object.keys(indicator.reasons).length);
    const english = said('en');
    expect(english.filter((r) => CJK.test(r) || r.trim() === '')).toEqual([]);
  });

  it('has as many different reasons in English as in Chinese, one for each kind and particulars', () => {
    expect(new Set(said('en')).size).toBe(new Set(said('zh-CN')).size);
    expect(new Set(said('zh-CN')).size).toBe(whys.length);
  });

  it('groups under kinds of its own, as many groups in English as in Chinese', () => {
    for (const declared of Object.values(indicator.reasons))
      if (declared.group !== undefined) expect(Object.keys(indicator.reasons)).toContain(declared.group);
    const groups = (locale: 'zh-CN' | 'en') => new Set(whys.map((w) => reasonGroupText(indicator.reasons, w, locale)));
    expect(groups('en').size).toBe(groups('zh-CN').size);
  });
});

/** Compounds in every state the classifications tell apart. */
function sampleCompounds(): CompoundStatus[] {
  const base: CompoundStatus = {
    id: 1,
    code: 'T1',
    name: '样例小区',
    townshipCode: '350582001',
    townshipName: '青阳街道',
    community: '',
    lon: 118.5,
    lat: 24.8,
    households: 120,
    kind: 'commercial',
    propertyManaged: true,
    propertyCompany: null,
    partyOrgType: null,
    committeeInOffice: false,
    committeePartyMajority: false,
    lastMeetingDate: null,
    rating: null,
    openIssues: 0,
    overdueIssues: 0,
  };
  const ratings: (Rating | null)[] = [null, ...RATINGS];
  return [
    base,
    { ...base, propertyManaged: false },
    ...ratings.map((rating) => ({ ...base, rating })),
    ...PARTY_ORG_TYPES.map((partyOrgType) => ({ ...base, partyOrgType })),
    { ...base, committeeInOffice: true },
    { ...base, committeeInOffice: true, committeePartyMajority: true },
    { ...base, lastMeetingDate: '2026-11-20' },
    { ...base, lastMeetingDate: '2026-01-02' },
  ];
}

describe('the reasons the classifications give', () => {
  const asOf = '2026-11-25';
  const facts: (CompoundFact | undefined)[] = [
    undefined,
    { kind: 'expired', date: '2026-03-01' },
    { kind: 'ended', date: '2025-08-15' },
  ];

  it.each(DEFAULT_INDICATORS.map((i) => [i.key, i] as const))(
    '%s: each a declared kind, its Chinese the declaration’s, its English free of Chinese',
    (_key, indicator) => {
      const kinds = new Set<string>();
      for (const compound of sampleCompounds())
        for (const records of [0, 3])
          for (const fact of facts) {
            const c = indicator.classify(compound, asOf, records, fact);
            expect(c.why, c.reason).toBeDefined();
            const why = c.why!;
            kinds.add(why.kind);
            expect(c.reason).toBe(reasonText(indicator.reasons, why, 'zh-CN'));
            expect(c.reasonGroup).toBe(reasonGroupText(indicator.reasons, why, 'zh-CN'));
            const english = contributionIn(c, indicator.reasons, 'en');
            expect(english).not.toHaveProperty('why');
            expect([english.reason, english.reasonGroup].filter((r) => r === undefined || CJK.test(r))).toEqual([]);
            // Chinese as classified, without what only the server needs.
            expect(contributionIn(c, indicator.reasons, 'zh-CN')).toEqual({ ...c, why: undefined });
          }
      // Every kind that is not only a group is given to some compound.
      const groupsOnly = new Set(Object.values(indicator.reasons).flatMap((k) => (k.group ? [k.group] : [])));
      const given = Object.keys(indicator.reasons).filter((k) => !groupsOnly.has(k) || kinds.has(k));
      expect([...kinds].sort()).toEqual(given.sort());
    },
  );

  it('keeps the Chinese of a row frozen before reasons were declared (no kind to write it from)', () => {
    const frozen = { reason: '近30天无四方联席会议（上次 2026-01-02）', reasonGroup: '近30天无四方联席会议' };
    const reasons = DEFAULT_INDICATORS.find((i) => i.key === 'deliberationCoverage')!.reasons;
    expect(contributionIn(frozen, reasons, 'en')).toEqual(frozen);
  });

  it('groups a reason without a group under its own words, particulars and all, each time', () => {
    const say = sayer(
      reasonKinds({
        late: reasonKind({
          particulars: { day: 'day' },
          says: { 'zh-CN': ({ day }) => `迟于 ${day}`, en: ({ day }) => `Late on ${day}` },
        }),
        never: fixedReason('从未', 'Never'),
      }),
    );
    expect([say('late', { day: '2026-01-02' }), say('late', { day: '2026-03-04' })]).toMatchObject([
      { reason: '迟于 2026-01-02', reasonGroup: '迟于 2026-01-02' },
      { reason: '迟于 2026-03-04', reasonGroup: '迟于 2026-03-04' },
    ]);
    expect(say('never')).toEqual({ reason: '从未', reasonGroup: '从未', why: { kind: 'never' } });
  });
});
