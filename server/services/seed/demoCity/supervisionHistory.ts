/**
 * The demo city's history of supervision (督办): at the review of each of the last 12 weeks
 * (Monday 09:30 after the week, Asia/Shanghai) the department issues items to the three townships
 * with the largest share of compounds without a 四方联席 meeting in the 30 days to the week's
 * Sunday — the lagging compounds and the deliberation-coverage black-list clause of that week,
 * read from the generated records — naming up to three of those compounds, with the suggested
 * task and deadline (data/supervision-rules.ts). Then each item lives a plausible life: most are
 * answered and closed on time, some late, a few returned and answered again, a few left open
 * (some past their deadline). Events after `asOf` have not happened yet, so the latest items are
 * still pending or answered on asOf.
 *
 * Pure and deterministic per seed: rows carry explicit ids and times; the seed inserts them
 * (seedDemoCity.ts) as the services would have written them — the item row and one event per
 * move, the state being the last event's.
 */
import type { supervisionItemEvents, supervisionItems } from '../../../../data/schema/index.ts';
import { DEFAULT_SUPERVISION_SUGGESTIONS } from '../../../../data/supervision-rules.ts';
import { addDays } from '../../../../shared/time/dates.ts';
import { isoWeekOf, mondayOf } from '../../../../shared/time/weeks.ts';
import type { DemoCity } from './index.ts';
import type { Random } from './random.ts';

type ItemRow = typeof supervisionItems.$inferInsert & { id: number };
type EventRow = typeof supervisionItemEvents.$inferInsert & { id: number };

export interface SupervisionHistory {
  items: ItemRow[];
  events: EventRow[];
}

export const HISTORY_WEEKS = 12;
const TOWNSHIPS_PER_REVIEW = 3;
const COMPOUNDS_PER_ITEM = 3;
const ISSUER = '市委组织部（演示）';

/** `day` at `time` in Shanghai. */
const at = (day: string, time: string) => new Date(`${day}T${time}:00+08:00`);

interface Move {
  day: string;
  time: string;
  to: 'answered' | 'closed' | 'returned';
  text: string;
}

/** The planned life of one item after its issue, by the outcome drawn for it. */
function planMoves(rng: Random, issued: string, deadline: string, township: string): Move[] {
  const roll = rng.next();
  const answer = (day: string): Move => ({
    day,
    time: '16:00',
    to: 'answered',
    text: `已组织召开四方联席会议，会议纪要与签到表已上传（${township}）`,
  });
  const close = (day: string): Move => ({ day, time: '10:30', to: 'closed', text: '核查属实，予以销号' });
  if (roll < 0.62) {
    const answered = addDays(issued, rng.int(2, 5));
    const closed = addDays(answered, rng.int(1, 2));
    return [answer(answered), close(closed > deadline ? deadline : closed)];
  }
  if (roll < 0.8) {
    const answered = addDays(deadline, rng.int(1, 4));
    return [answer(answered), close(addDays(answered, rng.int(1, 3)))];
  }
  if (roll < 0.92) {
    const answered = addDays(issued, rng.int(2, 4));
    const returned = addDays(answered, 1);
    const again = addDays(returned, rng.int(2, 4));
    return [
      answer(answered),
      { day: returned, time: '11:00', to: 'returned', text: '佐证材料不足：请补充会议纪要和参会人员签到表' },
      answer(again),
      close(addDays(again, 1)),
    ];
  }
  // Answered late and still waiting for the department's check; or never answered at all.
  if (roll < 0.96) return [answer(addDays(deadline, rng.int(1, 3)))];
  return [];
}

export function generateSupervisionHistory(rng: Random, city: DemoCity, asOf: string): SupervisionHistory {
  // The Sunday of the last week that has ended by asOf.
  const lastSunday = addDays(mondayOf(asOf), -1);
  const meetingsBy = new Map<number, string[]>();
  for (const m of city.meetings) {
    const list = meetingsBy.get(m.compoundId) ?? [];
    list.push(m.heldOn);
    meetingsBy.set(m.compoundId, list);
  }
  const townshipName = new Map(city.townships.map((t) => [t.code, t.name]));
  const suggestion = DEFAULT_SUPERVISION_SUGGESTIONS.deliberationCoverage;
  const items: ItemRow[] = [];
  const events: EventRow[] = [];

  for (let k = HISTORY_WEEKS - 1; k >= 0; k--) {
    const sunday = addDays(lastSunday, -7 * k);
    const week = isoWeekOf(sunday);
    const reviewDay = addDays(sunday, 1);
    if (reviewDay > asOf) continue;
    const from = addDays(sunday, -29);
    // Compounds in existence on the Sunday without a meeting in the 30 days to it, by township.
    const lagging = new Map<string, string[]>();
    const total = new Map<string, number>();
    for (const c of city.compounds) {
      if (c.listedOn > sunday) continue;
      total.set(c.townshipCode, (total.get(c.townshipCode) ?? 0) + 1);
      const held = meetingsBy.get(c.id) ?? [];
      if (!held.some((d) => d >= from && d <= sunday))
        lagging.set(c.townshipCode, [...(lagging.get(c.townshipCode) ?? []), c.code]);
    }
    const share = (code: string) => (lagging.get(code)?.length ?? 0) / (total.get(code) ?? 1);
    const chosen = [...lagging.keys()]
      .sort((a, b) => share(b) - share(a) || a.localeCompare(b))
      .slice(0, TOWNSHIPS_PER_REVIEW);
    for (const code of chosen) {
      const codes = [...lagging.get(code)!].sort().slice(0, COMPOUNDS_PER_ITEM);
      const id = items.length + 1;
      const issuedAt = at(reviewDay, '09:30');
      const deadline = addDays(reviewDay, suggestion.days);
      const name = townshipName.get(code) ?? code;
      const item: ItemRow = {
        id,
        townshipCode: code,
        compoundCodes: codes,
        indicator: 'deliberationCoverage',
        problem: `${lagging.get(code)!.length}个小区30天内未召开四方联席会议`,
        task: `${suggestion.task}（${codes.length}个小区，见关联小区）`,
        deadline,
        issuedById: null,
        issuedByName: ISSUER,
        issuedAt,
        reviewWeek: week,
        source: 'review',
        sourceRef: null,
        state: 'pending',
        createdAt: issuedAt,
        updatedAt: issuedAt,
      };
      const push = (e: Omit<EventRow, 'id' | 'itemId'>) => events.push({ id: events.length + 1, itemId: id, ...e });
      push({ at: issuedAt, actorId: null, actorName: ISSUER, fromState: null, toState: 'pending', text: item.task });
      for (const move of planMoves(rng.fork(`${week}/${code}`), reviewDay, deadline, name)) {
        if (move.day > asOf) break;
        const when = at(move.day, move.time);
        const actor = move.to === 'answered' ? `${name}工作人员（演示）` : ISSUER;
        push({ at: when, actorId: null, actorName: actor, fromState: item.state, toState: move.to, text: move.text });
        item.state = move.to;
        item.updatedAt = when;
        if (move.to === 'answered') Object.assign(item, { answer: move.text, answeredAt: when, answeredByName: actor });
        if (move.to === 'returned') Object.assign(item, { returnedReason: move.text, returnedAt: when });
        if (move.to === 'closed') Object.assign(item, { closedAt: when, closedByName: ISSUER });
      }
      items.push(item);
    }
  }
  return { items, events };
}
