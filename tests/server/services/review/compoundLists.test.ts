/** Lagging compounds and week-on-week compound changes, on hand-made status rows. */
import { describe, expect, it } from 'vitest';
import type { CompoundStatus } from '../../../../server/services/compounds/compoundStatus.ts';
import { compoundChanges } from '../../../../server/services/review/compoundChanges.ts';
import { laggingCompounds } from '../../../../shared/review/laggingCompounds.ts';

const D = '2025-03-31';

const row = (code: string, extra: Partial<CompoundStatus> = {}): CompoundStatus => ({
  id: 1,
  code,
  name: `小区${code}`,
  townshipCode: '350582103',
  townshipName: '陈埭镇',
  community: '某社区',
  lon: 118.6,
  lat: 24.8,
  households: 100,
  kind: 'commercial',
  propertyManaged: true,
  propertyCompany: '某物业',
  partyOrgType: 'standalone',
  committeeInOffice: true,
  committeePartyMajority: true,
  lastMeetingDate: '2025-03-20',
  rating: '4',
  openIssues: 0,
  overdueIssues: 0,
  ...extra,
});

describe('lagging compounds', () => {
  it('lists each compound once with every reason, most reasons first', () => {
    const rows = [
      row('A'),
      row('B', { lastMeetingDate: '2025-03-01' }), // D − 30: outside the 30-day window
      row('C', { lastMeetingDate: '2025-03-02' }), // D − 29: inside
      row('D', { committeeInOffice: false, rating: 'fail', overdueIssues: 2, lastMeetingDate: null }),
      row('E', { rating: '3' }),
      row('F', { propertyManaged: false, propertyCompany: null, rating: null }),
      row('G', { overdueIssues: 1, rating: '5' }),
    ];
    const lagging = laggingCompounds(rows, D);
    expect(lagging.map((c) => c.code)).toEqual(['D', 'B', 'E', 'G']);
    expect(lagging[0]).toMatchObject({
      reasons: ['noMeeting', 'noCommittee', 'lowRating', 'overdueIssues'],
      reasonText: ['从未召开四方联席会议', '无在任业委会', '最近评定未达标', '超期诉求2件'],
    });
    expect(lagging[1]!.reasonText).toEqual(['30天内未召开四方联席会议（最近 2025-03-01）']);
    expect(new Set(lagging.map((c) => c.code)).size).toBe(lagging.length);
  });
});

describe('changes since last week', () => {
  it('writes each change of a compound as a Chinese phrase, and leaves unchanged compounds out', () => {
    const before = [
      row('A'),
      row('B', { partyOrgType: null, committeeInOffice: false, committeePartyMajority: false }),
      row('C', { partyOrgType: 'combined', rating: '3', openIssues: 2, overdueIssues: 0 }),
      row('D', { committeeInOffice: true }),
    ];
    const now = [
      row('A'),
      row('B', {
        partyOrgType: 'joint',
        committeeInOffice: true,
        committeePartyMajority: true,
        lastMeetingDate: '2025-03-28',
      }),
      row('C', { partyOrgType: 'standalone', rating: '4', openIssues: 3, overdueIssues: 1 }),
      row('D', { committeeInOffice: false, committeePartyMajority: false, partyOrgType: null }),
      row('E'),
    ];
    const changes = compoundChanges(before, now);
    expect(changes.map((c) => c.code)).toEqual(['B', 'C', 'D', 'E']);
    const text = (code: string) => changes.find((c) => c.code === code)!.changes.map((x) => x.text);
    expect(text('B')).toEqual(['成立党组织（联建式）', '业委会成立（党员过半）', '召开四方联席会议（2025-03-28）']);
    expect(text('C')).toEqual([
      '党组织由兼合式改为建制式',
      '星级由三星变为四星',
      '未办结诉求由2件变为3件',
      '超期诉求由0件变为1件',
    ]);
    expect(text('D')).toEqual(['党组织撤销（原为建制式）', '业委会任期结束或离任']);
    expect(text('E')).toEqual(['新纳入在册小区']);
  });
});
