/** The compare page's URL rules and the compound timeline's ordering, grouping and filter parameter. */
import { describe, expect, it } from 'vitest';
import { compareParams, parseCompareView, toggleTownship } from '../../../client/src/features/compare/compareUrl.ts';
import {
  byYear,
  countByKind,
  parseKinds,
  serialiseKinds,
  timelineEntries,
} from '../../../client/src/features/compound/timeline.ts';

const known = {
  townshipCodes: ['350582001', '350582002', '350582101', '350582102', '350582103'],
  weeks: ['2024-W01', '2024-W02', '2024-W03'],
};
const DEFAULT = { townships: [], from: '2024-W01', invalid: false };

describe('the compare page URL', () => {
  it.each([
    ['', DEFAULT],
    ['?t=350582001,350582101', { townships: ['350582001', '350582101'], from: '2024-W01', invalid: false }],
    [
      '?t=350582102,350582001,350582101,350582002&from=2024-W02',
      { townships: ['350582102', '350582001', '350582101', '350582002'], from: '2024-W02', invalid: false },
    ],
    ['?from=2024-W03', { townships: [], from: '2024-W03', invalid: false }],
  ])('reads %j', (search, view) => {
    expect(parseCompareView(search, known)).toEqual(view);
  });

  it.each([
    '?t=350582001',
    '?t=350582001,350582002,350582101,350582102,350582103',
    '?t=350582001,350582999',
    '?t=350582001,350582001',
    '?t=',
    '?t=350582001,350582002&from=2099-W99',
    '?t=350582001,350582002&from=2024-W1',
    '?from=',
  ])('opens the default view, flagged, for %j', (search) => {
    expect(parseCompareView(search, known)).toEqual({ ...DEFAULT, invalid: true });
  });

  it('writes t only for 2–4 townships, and from only when not the first week', () => {
    expect(compareParams({ townships: ['a'], from: '2024-W01' }, '2024-W01')).toEqual({ t: null, from: null });
    expect(compareParams({ townships: ['a', 'b'], from: '2024-W02' }, '2024-W01')).toEqual({
      t: 'a,b',
      from: '2024-W02',
    });
  });

  it('toggles in the order chosen and never beyond four', () => {
    expect(toggleTownship(['a', 'b'], 'c')).toEqual(['a', 'b', 'c']);
    expect(toggleTownship(['a', 'b', 'c'], 'a')).toEqual(['b', 'c']);
    expect(toggleTownship(['a', 'b', 'c', 'd'], 'e')).toEqual(['a', 'b', 'c', 'd']);
  });
});

describe('the compound timeline', () => {
  const history = {
    partyOrganisations: [{ id: 1, establishedOn: '2024-03-01' }],
    committeeTerms: [{ id: 2, formedOn: '2025-01-10' }],
    contracts: [{ id: 3, startOn: '2024-03-01' }],
    evaluations: [{ id: 4, evaluatedOn: '2025-06-30' }],
    meetings: [
      { id: 6, heldOn: '2025-01-10' },
      { id: 5, heldOn: '2024-12-20' },
    ],
    issues: [{ id: 7, openedOn: '2025-01-10' }],
    petitions: [{ id: 8, receivedOn: '2024-05-05' }],
  } as never;

  it('puts every record on it once, newest first, same-day records in a fixed kind order', () => {
    const entries = timelineEntries(history);
    expect(entries.map((e) => `${e.date} ${e.kind}`)).toEqual([
      '2025-06-30 evaluation',
      '2025-01-10 committee',
      '2025-01-10 meeting',
      '2025-01-10 issue',
      '2024-12-20 meeting',
      '2024-05-05 petition',
      '2024-03-01 party',
      '2024-03-01 property',
    ]);
    expect(countByKind(entries)).toEqual({
      party: 1,
      committee: 1,
      property: 1,
      evaluation: 1,
      meeting: 2,
      issue: 1,
      petition: 1,
    });
    expect(byYear(entries).map((g) => [g.year, g.entries.length])).toEqual([
      ['2025', 4],
      ['2024', 4],
    ]);
  });

  it('keeps the kind filter in the URL, all kinds meaning no parameter', () => {
    expect(parseKinds(null)).toBeUndefined();
    expect(parseKinds('issue,meeting')).toEqual(['meeting', 'issue']);
    expect(parseKinds('issue,nonsense')).toBeUndefined();
    expect(serialiseKinds(['meeting', 'issue'])).toBe('meeting,issue');
    expect(serialiseKinds(['party', 'committee', 'property', 'evaluation', 'meeting', 'issue', 'petition'])).toBeNull();
  });
});
