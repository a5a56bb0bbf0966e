import { sql } from 'drizzle-orm';
import { petitionRate as meta } from '../../../../shared/indicators/petitionRate.ts';
import { sayer } from '../../../../shared/indicators/reasons.ts';
import { PETITION_WINDOW_DAYS } from '../../../../shared/indicators/windows.ts';
import { queryRows } from '../../../db/rows.ts';
import { addDays } from '../../../../shared/time/dates.ts';
import type { ServerIndicator } from './types.ts';

const say = sayer(meta.reasons);

export const petitionRate = {
  ...meta,
  fraction: (c) => [c.petitions, c.households],
  /** Petitions and disputes per compound id in the 28-day window ending on the day. */
  recordsPerCompound: async (db, asOf) => {
    const from = addDays(asOf, -(PETITION_WINDOW_DAYS - 1));
    const rows = await queryRows<{ compound_id: number; n: number }>(
      db,
      sql`select compound_id, count(*)::int as n from petitions where received_on between ${from}::date and ${asOf}::date group by compound_id`,
    );
    return new Map(rows.map((r) => [Number(r.compound_id), Number(r.n)]));
  },
  recordsFromState: (state) => state.petitions,
  classify: (c, _asOf, petitions) => ({
    inDenominator: true,
    inNumerator: petitions > 0,
    numeratorContribution: petitions,
    denominatorContribution: c.households,
    ...(petitions > 0
      ? say('received', { petitions, households: c.households })
      : say('noneReceived', { households: c.households })),
    reasonDate: null,
  }),
} satisfies ServerIndicator;
