import { sql } from 'drizzle-orm';
import { committeeRate as meta } from '../../../../shared/indicators/committeeRate.ts';
import { queryRows } from '../../../db/rows.ts';
import { rateContribution, type CompoundFact, type ServerIndicator } from './types.ts';

/** Why the last committee is no longer in office: its term ran out, or it ended before. */
const ENDED = { expired: '业委会任期已满', ended: '业委会提前终止' } as const;
const NEVER = '未组建业委会';

const endFact = (endedEarly: boolean, date: string): CompoundFact => ({ kind: endedEarly ? 'ended' : 'expired', date });

export const committeeRate = {
  ...meta,
  fraction: (c) => [c.withCommittee, c.compounds],
  /**
   * Per compound id, how its latest committee formed on or before D ended (the day of the end),
   * for the reason of a compound without a committee in office. Half-open like compoundStatus: a
   * term holds while formed_on <= D < term_end and D < ended_on. Terms formed on the same day:
   * the later entry (higher id), as for the term shown in office.
   */
  factsPerCompound: async (db, asOf) => {
    const rows = await queryRows<{ compound_id: number; term_end: string; ended_on: string | null }>(
      db,
      sql`select distinct on (compound_id) compound_id, term_end::text as term_end, ended_on::text as ended_on
          from committee_terms where formed_on <= ${asOf}::date
          order by compound_id, formed_on desc, id desc`,
    );
    const facts = new Map<number, CompoundFact>();
    for (const r of rows) {
      const ended = r.ended_on !== null && r.ended_on < r.term_end;
      facts.set(Number(r.compound_id), endFact(ended, String(ended ? r.ended_on : r.term_end).slice(0, 10)));
    }
    return facts;
  },
  factFromState: ({ lastCommittee: last }) => (last ? endFact(last.endedEarly, last.endsOn) : undefined),
  classify: (c, asOf, _records, fact) => {
    if (c.committeeInOffice)
      return rateContribution(true, c.committeePartyMajority ? '业委会在任（党员过半）' : '业委会在任', '业委会在任');
    // A fact whose day is still ahead belongs to the term in office (not the case here) or is
    // missing: the compound never had one by D.
    if (!fact || fact.date > asOf) return rateContribution(false, NEVER);
    const group = ENDED[fact.kind as keyof typeof ENDED] ?? ENDED.expired;
    return rateContribution(
      false,
      `${group}（${fact.kind === 'ended' ? '终止于' : '到期'} ${fact.date}）`,
      group,
      fact.date,
    );
  },
} satisfies ServerIndicator;
