/** The analyst's filter: what a link says it selects, it selects; what a link gets wrong is reported, not obeyed. */
import { describe, expect, it } from 'vitest';
import {
  EMPTY_FILTER,
  matchesFilter,
  parseFilter,
  serialiseFilter,
  type CompoundFilter,
  type FilterableCompound,
} from '../../../shared/compounds/compoundFilter.ts';
import { pinyinInitials } from '../../../server/services/compounds/initials.ts';

const compound = (patch: Partial<FilterableCompound> = {}): FilterableCompound => ({
  code: '350582001-001',
  name: '晋江万达华府',
  townshipCode: '350582001',
  community: '梅岭社区',
  kind: 'commercial',
  propertyCompany: '甲物业',
  households: 800,
  partyOrgType: 'standalone',
  committeeInOffice: true,
  committeePartyMajority: false,
  propertyManaged: true,
  rating: '4',
  openIssues: 2,
  overdueIssues: 0,
  initials: pinyinInitials('晋江万达华府'),
  ...patch,
});

describe('compound filter', () => {
  it('round-trips through its query string', () => {
    const filter: CompoundFilter = {
      townships: ['350582001', '350582100'],
      communities: ['梅岭社区'],
      kinds: ['old', 'mixed'],
      companies: ['甲物业'],
      party: ['none'],
      committee: ['inOffice', 'none'],
      rating: ['3', 'notEvaluated'],
      issues: ['overdue'],
      householdsMin: 200,
      householdsMax: null,
      text: 'jjwd',
    };
    const text = serialiseFilter(filter).toString();
    expect(parseFilter(new URLSearchParams(text))).toEqual({ filter, problems: [] });
    expect(serialiseFilter(EMPTY_FILTER).toString()).toBe('');
  });

  it('keeps what it understands and names every value it drops', () => {
    const { filter, problems } = parseFilter(
      new URLSearchParams('town=12,350582001&kind=castle,old&rating=6&hh=900-100&q=' + 'x'.repeat(41)),
    );
    expect(filter.townships).toEqual(['350582001']);
    expect(filter.kinds).toEqual(['old']);
    expect(filter.rating).toEqual([]);
    expect(filter.householdsMin).toBeNull();
    expect(filter.text).toBe('');
    expect(problems.join('\n')).toMatch(/镇街编码格式不对：12/);
    expect(problems.join('\n')).toMatch(/未知的小区类型：castle/);
    expect(problems.join('\n')).toMatch(/未知的星级：6/);
    expect(problems.join('\n')).toMatch(/户数范围 "900-100" 不对/);
    expect(problems.join('\n')).toMatch(/搜索词过长/);
  });

  it('classes compounds as the map does and combines conditions with AND, values with OR', () => {
    const f = (patch: Partial<CompoundFilter>) => ({ ...EMPTY_FILTER, ...patch });
    expect(matchesFilter(compound(), EMPTY_FILTER)).toBe(true);
    expect(matchesFilter(compound(), f({ party: ['combined', 'standalone'] }))).toBe(true);
    expect(matchesFilter(compound({ partyOrgType: null }), f({ party: ['none'] }))).toBe(true);
    expect(matchesFilter(compound(), f({ committee: ['partyMajority'] }))).toBe(false);
    expect(
      matchesFilter(
        compound({ propertyManaged: false, rating: null, propertyCompany: null }),
        f({ rating: ['unmanaged'] }),
      ),
    ).toBe(true);
    expect(matchesFilter(compound({ rating: null }), f({ rating: ['notEvaluated'] }))).toBe(true);
    expect(matchesFilter(compound({ overdueIssues: 1 }), f({ issues: ['open'] }))).toBe(false);
    expect(matchesFilter(compound(), f({ issues: ['open'], kinds: ['commercial'], townships: ['350582001'] }))).toBe(
      true,
    );
    expect(matchesFilter(compound(), f({ issues: ['open'], kinds: ['old'] }))).toBe(false);
    expect(matchesFilter(compound({ propertyCompany: null }), f({ companies: ['甲物业'] }))).toBe(false);
    expect(matchesFilter(compound(), f({ householdsMin: 800, householdsMax: 800 }))).toBe(true);
    expect(matchesFilter(compound(), f({ householdsMin: 801 }))).toBe(false);
  });

  it('finds a compound by part of its name, its code or its pinyin initials', () => {
    const f = (text: string) => ({ ...EMPTY_FILTER, text });
    expect(matchesFilter(compound(), f('万达'))).toBe(true);
    expect(matchesFilter(compound(), f('JJWD'))).toBe(true);
    expect(matchesFilter(compound(), f('001-001'))).toBe(true);
    expect(matchesFilter(compound(), f('碧桂园'))).toBe(false);
    expect(matchesFilter(compound(), f('xyz'))).toBe(false);
  });
});
