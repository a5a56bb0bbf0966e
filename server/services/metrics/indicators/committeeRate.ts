import { sql } from 'drizzle-orm';
import { committeeRate as meta } from '../../../../shared/indicators/committeeRate.ts';
import { sayer } from '../../../../shared/indicators/reasons.ts';
import { queryRows } from '../../../db/rows.ts';
import { rateContribution, type CompoundFact, type ServerIndicator } from './types.ts';

const say = sayer(meta.reasons);

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
    if (c.committeeInOffice) return rateContribution(true, say(c.committeePartyMajority ? 'inOfficeRed' : 'inOffice'));
    // A fact whose day is still ahead belongs to the term in office (not the case here) or is
    // missing: the compound never had one by D.
    if (!fact || fact.date > asOf) return rateContribution(false, say('never'));
    // The last committee is no longer in office: it ended before its term, or its term ran out.
    const day = fact.date;
    return rateContribution(false, say(fact.kind === 'ended' ? 'endedOn' : 'expiredOn', { day }), day);
  },
} satisfies ServerIndicator;
