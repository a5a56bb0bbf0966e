/** Turns what a person asked for (a date or a week, maybe a township) into a checked scope. */
import { PLACE_WORDS } from '../compounds/placeWords.ts';
import { said } from '../../../shared/language/said.ts';
import { eq } from 'drizzle-orm';
import { townships } from '../../../data/schema/index.ts';
import type { Db } from '../../db/connection.ts';
import { BadInputError } from '../errors.ts';
import { parseAsOf, todayInCity } from '../../../shared/time/dates.ts';
import { parseWeek, weekValueDate } from '../../../shared/time/weeks.ts';
import { INDICATOR_KEYS, type IndicatorKey } from '../../../shared/indicators/index.ts';

export interface ScopeRequest {
  asOf?: string | undefined;
  week?: string | undefined;
  townshipCode?: string | undefined;
}

export interface Scope {
  asOf: string;
  townshipCode?: string;
}

export async function resolveScope(db: Db, request: ScopeRequest, today: string = todayInCity()): Promise<Scope> {
  if (request.asOf !== undefined && request.week !== undefined)
    throw new BadInputError(said('截至日期与周次只能给一个', 'Give either a date or a week, not both'));
  const asOf =
    request.week !== undefined
      ? weekValueDate(parseWeek(request.week, today), today)
      : parseAsOf(request.asOf ?? today, today);
  if (request.townshipCode === undefined) return { asOf };
  const [found] = await db
    .select({ code: townships.code })
    .from(townships)
    .where(eq(townships.code, request.townshipCode));
  if (!found) throw new BadInputError(PLACE_WORDS.unknownTownship(request.townshipCode));
  return { asOf, townshipCode: request.townshipCode };
}

export function parseIndicatorKey(value: string | undefined): IndicatorKey {
  if (value === undefined || !(INDICATOR_KEYS as readonly string[]).includes(value)) {
    throw new BadInputError(
      said(
        `未知指标：${value ?? '（空）'}（可选：${INDICATOR_KEYS.join('|')}）`,
        `Unknown indicator: ${value ?? '(empty)'} (one of ${INDICATOR_KEYS.join('|')})`,
      ),
    );
  }
  return value as IndicatorKey;
}
