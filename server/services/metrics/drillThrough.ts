/**
 * Drill-through: the compounds behind a rate. For an indicator, a scope and a day, every
 * compound in scope with whether it is in the denominator and in the numerator, and why.
 */
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/connection.ts';
import { queryRows } from '../../db/rows.ts';
import { compoundStatusAsOf, type CompoundStatus } from '../compounds/compoundStatus.ts';
import { addDays } from '../../../shared/time/dates.ts';
import { DELIBERATION_WINDOW_DAYS, PETITION_WINDOW_DAYS, type IndicatorKey } from './definitions.ts';

export interface DrillRow {
  code: string;
  name: string;
  townshipCode: string;
  townshipName: string;
  households: number;
  inDenominator: boolean;
  inNumerator: boolean;
  /** What this compound adds to the numerator (1 for rates; petitions counted for petitionRate). */
  numeratorContribution: number;
  /** What it adds to the denominator (1 for rates; its households for petitionRate). */
  denominatorContribution: number;
  reason: string;
}

export interface DrillThrough {
  indicator: IndicatorKey;
  asOf: string;
  townshipCode: string | null;
  numerator: number;
  denominator: number;
  compounds: DrillRow[];
}

const PARTY_TYPE = { standalone: '建制式', combined: '兼合式', joint: '联建式' } as const;
const STARS = { '5': '五星', '4': '四星', '3': '三星', '2': '二星', '1': '一星', fail: '未达标' } as const;

/** Petitions and disputes per compound id in the 28-day window ending on the day. */
export async function petitionCounts(db: Db, asOf: string): Promise<Map<number, number>> {
  const from = addDays(asOf, -(PETITION_WINDOW_DAYS - 1));
  const rows = await queryRows<{ compound_id: number; n: number }>(
    db,
    sql`select compound_id, count(*)::int as n from petitions where received_on between ${from}::date and ${asOf}::date group by compound_id`,
  );
  return new Map(rows.map((r) => [Number(r.compound_id), Number(r.n)]));
}

/** Where one compound stands in one indicator on a day: in or out of numerator and denominator, and why. */
export type Contribution = Omit<DrillRow, 'code' | 'name' | 'townshipCode' | 'townshipName' | 'households'>;

export function classify(key: IndicatorKey, c: CompoundStatus, asOf: string, petitions: number): Contribution {
  const rate = (inNumerator: boolean, reason: string) => ({
    inDenominator: true,
    inNumerator,
    numeratorContribution: inNumerator ? 1 : 0,
    denominatorContribution: 1,
    reason,
  });
  switch (key) {
    case 'partyOrgCoverage':
      return rate(c.partyOrgType !== null, c.partyOrgType ? `有党组织（${PARTY_TYPE[c.partyOrgType]}）` : '无党组织');
    case 'committeeRate':
      return rate(
        c.committeeInOffice,
        c.committeeInOffice ? (c.committeePartyMajority ? '业委会在任（党员过半）' : '业委会在任') : '无在任业委会',
      );
    case 'deliberationCoverage': {
      const since = addDays(asOf, -(DELIBERATION_WINDOW_DAYS - 1));
      const recent = c.lastMeetingDate !== null && c.lastMeetingDate >= since;
      return rate(
        recent,
        recent
          ? `30天内召开四方联席会议（最近 ${c.lastMeetingDate}）`
          : c.lastMeetingDate
            ? `30天内未召开（最近 ${c.lastMeetingDate}）`
            : '从未召开四方联席会议',
      );
    }
    case 'serviceQuality': {
      if (!c.propertyManaged)
        return {
          inDenominator: false,
          inNumerator: false,
          numeratorContribution: 0,
          denominatorContribution: 0,
          reason: '无物业管理，不计入',
        };
      if (c.rating === null)
        return {
          inDenominator: false,
          inNumerator: false,
          numeratorContribution: 0,
          denominatorContribution: 0,
          reason: '有物业但尚未评定，不计入',
        };
      const good = c.rating === '5' || c.rating === '4';
      return rate(good, `最近评定${STARS[c.rating]}${good ? '' : '（低于四星）'}`);
    }
    case 'petitionRate':
      return {
        inDenominator: true,
        inNumerator: petitions > 0,
        numeratorContribution: petitions,
        denominatorContribution: c.households,
        reason:
          petitions > 0
            ? `28天内信访矛盾 ${petitions} 件（${c.households} 户）`
            : `28天内无信访矛盾（${c.households} 户）`,
      };
  }
}

export async function drillThrough(
  db: Db,
  options: { indicator: IndicatorKey; asOf: string; townshipCode?: string },
): Promise<DrillThrough> {
  const { indicator, asOf } = options;
  const [rows, petitions] = await Promise.all([
    compoundStatusAsOf(db, asOf, options.townshipCode),
    indicator === 'petitionRate' ? petitionCounts(db, asOf) : Promise.resolve(new Map<number, number>()),
  ]);
  const compounds = rows.map((c) => ({
    code: c.code,
    name: c.name,
    townshipCode: c.townshipCode,
    townshipName: c.townshipName,
    households: c.households,
    ...classify(indicator, c, asOf, petitions.get(c.id) ?? 0),
  }));
  return {
    indicator,
    asOf,
    townshipCode: options.townshipCode ?? null,
    numerator: compounds.reduce((n, c) => n + c.numeratorContribution, 0),
    denominator: compounds.reduce((n, c) => n + c.denominatorContribution, 0),
    compounds,
  };
}
