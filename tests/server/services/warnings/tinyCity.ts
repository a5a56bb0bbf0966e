/**
 * A hand-made city for the warning rules, as of D = 2026-06-30 (a Tuesday), where each rule's
 * hits can be worked out on paper. 甲 (350582001) has the problems; 乙 (350582002) has none
 * (its one compound holds a 四方联席 meeting every week, so its coverage is always met).
 */
import { eq } from 'drizzle-orm';
import * as s from '../../../../data/schema/index.ts';
import type { Db } from '../../../../server/db/connection.ts';
import { addDays } from '../../../../shared/time/dates.ts';

export const D = '2026-06-30';
export const JIA = '350582001';
export const YI = '350582002';
export const at = (days: number) => addDays(D, days);

const square = (lon: number, lat: number) => ({
  type: 'Polygon' as const,
  coordinates: [
    [
      [lon, lat],
      [lon + 0.02, lat],
      [lon + 0.02, lat + 0.02],
      [lon, lat + 0.02],
      [lon, lat],
    ],
  ],
});

export async function buildTinyCity(db: Db): Promise<Record<string, number>> {
  await db.insert(s.cities).values({ code: '350582', name: '晋江市' });
  await db.insert(s.townships).values(
    [
      [JIA, '甲街道', 'Jia'],
      [YI, '乙街道', 'Yi'],
    ].map(([code, name, pinyin], i) => ({
      code: code!,
      cityCode: '350582',
      name: name!,
      pinyin: pinyin!,
      kind: 'subdistrict' as const,
      seatLon: 118.55 + i * 0.05,
      seatLat: 24.8,
      boundary: square(118.54 + i * 0.05, 24.79),
    })),
  );
  const compound = (code: string, township: string, listedOn = '2024-01-01') => ({
    code,
    name: `${code}小区`,
    townshipCode: township,
    lon: 118.55,
    lat: 24.8,
    households: 100,
    kind: 'commercial' as const,
    listedOn,
  });
  const rows = await db
    .insert(s.compounds)
    .values([
      compound('A1', JIA),
      compound('A2', JIA),
      compound('A3', JIA, at(-20)),
      compound('A4', JIA),
      compound('A5', JIA),
      compound('B1', YI),
    ])
    .returning({ id: s.compounds.id, code: s.compounds.code });
  const id = Object.fromEntries(rows.map((r) => [r.code, r.id]));
  const meeting = (code: string, heldOn: string) => ({ compoundId: id[code]!, heldOn, attendees: 8 });
  const weekly: ReturnType<typeof meeting>[] = [];
  for (let d = '2024-01-01'; d <= D; d = addDays(d, 7)) weekly.push(meeting('B1', d));
  await db.insert(s.meetings).values([
    meeting('A1', at(-50)), // 50 days: hit
    meeting('A2', at(-10)), // no hit
    meeting('A4', at(-44)), // 44 days: no hit today, 45 tomorrow
    meeting('A5', at(-45)), // 45 days: hit (no meeting in the 45 days D-44…D)
    ...weekly,
  ]);
  await db.insert(s.committeeTerms).values([
    { compoundId: id.A1!, formedOn: '2021-07-30', termEnd: at(30), members: 5, partyMembers: 3 }, // hit
    { compoundId: id.A2!, formedOn: '2021-09-28', termEnd: at(90), members: 5, partyMembers: 3 }, // too far off
    { compoundId: id.A4!, formedOn: '2021-07-20', termEnd: at(20), members: 5, partyMembers: 3 }, // re-elected:
    { compoundId: id.A4!, formedOn: at(20), termEnd: addDays(at(20), 1826), members: 5, partyMembers: 3 },
  ]);
  await db.insert(s.evaluations).values([
    { compoundId: id.A1!, evaluatedOn: at(-200), score: 92, safetyScore: 90, rating: '5' },
    { compoundId: id.A1!, evaluatedOn: at(-20), score: 75, safetyScore: 70, rating: '3' }, // 5 → 3: hit
    { compoundId: id.A2!, evaluatedOn: at(-200), score: 85, safetyScore: 80, rating: '4' },
    { compoundId: id.A2!, evaluatedOn: at(-20), score: 75, safetyScore: 70, rating: '3' }, // 4 → 3: no hit
    { compoundId: id.A3!, evaluatedOn: at(-15), score: 62, safetyScore: 60, rating: '2' },
    { compoundId: id.A3!, evaluatedOn: at(-5), score: 50, safetyScore: 40, rating: 'fail' }, // → 未达标: hit
  ]);
  const issue = (code: string, dueOn: string, closedOn: string | null = null) => ({
    compoundId: id[code]!,
    channel: 'grid' as const,
    category: 'parking' as const,
    summary: `到期${dueOn}`,
    openedOn: at(-60),
    dueOn,
    closedOn,
  });
  await db.insert(s.residentIssues).values([
    issue('A2', at(-20)), // overdue 20 days: hit
    issue('A2', at(-15)), // overdue 15 days: not more than 15
    issue('A2', at(-30), at(-1)), // closed
  ]);
  const petition = (code: string, receivedOn: string) => ({
    compoundId: id[code]!,
    kind: 'petition' as const,
    category: 'noise' as const,
    receivedOn,
  });
  await db.insert(s.petitions).values([
    // A1: six in the 28 days to D (above 5) since D-1, when the sixth came.
    ...[-20, -15, -10, -5, -3, -1].map((d) => petition('A1', at(d))),
    // A2: five, not above 5.
    ...[-20, -15, -10, -5, -3].map((d) => petition('A2', at(d))),
  ]);
  await db
    .insert(s.targets)
    .values({ indicator: 'deliberationCoverage', value: 0.8, deadline: '2027-12-31', source: 'assumed' });
  return id;
}

export async function closeIssueDueOn(db: Db, dueOn: string, closedOn: string): Promise<void> {
  await db.update(s.residentIssues).set({ closedOn }).where(eq(s.residentIssues.dueOn, dueOn));
}
