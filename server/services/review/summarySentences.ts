/**
 * The summary of the week (Chinese, or English when asked), written from the board's numbers. Every sentence keeps
 * the numbers it was written from (`facts`), unrounded, so a reader (or a test) can check each
 * figure in the text against the engine. Number formats are format.ts's, words summaryWords.ts's.
 *
 * City: one sentence per indicator (value, change on last week, met or not and then its pace —
 * words only, no further numbers), the composite leaders, the
 * biggest composite movers and the red and black lists. Each township: its composite standing,
 * and its largest movement — the indicator whose rank moved most (then whose score moved most),
 * e.g. "陈埭镇业委会组建率较上周提升3.2个百分点（至85.0%），排名上升2位至第5位。"
 */
import { INDICATOR_KEYS, type IndicatorKey, type Locale } from '../../../shared/indicators/index.ts';
import { deltaMagnitude } from './format.ts';
import { SUMMARY_WORDS, type SummaryWords } from './summaryWords.ts';
import type { BoardIndicator, BoardTownship, ReviewBoard } from './rankingBoard.ts';

export type SentenceKind =
  | 'cityIndicator'
  | 'cityLeaders'
  | 'cityMovers'
  | 'cityLists'
  | 'townshipComposite'
  | 'townshipIndicator'
  | 'townshipSteady';

export interface SentenceFacts {
  kind: SentenceKind;
  /** null for a city sentence. */
  township: string | null;
  townshipName: string | null;
  indicator: IndicatorKey | 'composite' | null;
  value: number | null;
  delta: number | null;
  rank: number | null;
  rankChange: number | null;
  /** For sentences about several townships (leaders, movers, lists), in the order written. */
  items?: {
    township: string;
    townshipName: string;
    value: number | null;
    rankChange: number | null;
    list?: 'red' | 'black';
  }[];
}

export interface Sentence {
  text: string;
  facts: SentenceFacts;
}

export interface ReviewSummary {
  city: Sentence[];
  /** By township code. */
  townships: Record<string, Sentence[]>;
}

const NO_FACTS = {
  township: null,
  townshipName: null,
  indicator: null,
  value: null,
  delta: null,
  rank: null,
  rankChange: null,
};

function cityIndicator(w: SummaryWords, key: IndicatorKey, c: ReviewBoard['city'][IndicatorKey]): Sentence {
  const name = w.indicatorName(key);
  const facts: SentenceFacts = { ...NO_FACTS, kind: 'cityIndicator', indicator: key, value: c.value, delta: c.delta };
  if (c.value === null) return { text: w.cityNoValue(name), facts };
  const change = c.delta === null ? undefined : w.change(key, c.delta);
  return { text: w.cityIndicator(name, w.value(key, c.value), change, w.verdict(key, c.status)), facts };
}

function cityLeaders(w: SummaryWords, rows: readonly BoardTownship[]): Sentence | null {
  const leaders = rows.filter((r) => r.composite.rank !== null && r.composite.rank <= 3);
  if (!leaders.length) return null;
  return {
    text: w.leaders(leaders.map((r) => w.leader(r.name, w.score(r.composite.score!)))),
    facts: {
      ...NO_FACTS,
      kind: 'cityLeaders',
      indicator: 'composite',
      items: leaders.map((r) => ({
        township: r.code,
        townshipName: r.name,
        value: r.composite.score,
        rankChange: r.composite.rankChange,
      })),
    },
  };
}

function cityMovers(w: SummaryWords, board: Omit<ReviewBoard, 'summary'>): Sentence | null {
  const up = board.movers.composite.gainers[0];
  const down = board.movers.composite.fallers[0];
  if (!up && !down) return null;
  const parts = [up ? w.moverUp(up.name, up.rankChange) : null, down ? w.moverDown(down.name, -down.rankChange) : null];
  const items = [up, down]
    .filter((m) => m !== undefined)
    .map((m) => ({ township: m.code, townshipName: m.name, value: m.score, rankChange: m.rankChange }));
  return {
    text: w.movers(parts.filter((p) => p !== null)),
    facts: { ...NO_FACTS, kind: 'cityMovers', indicator: 'composite', items },
  };
}

function cityLists(w: SummaryWords, board: Omit<ReviewBoard, 'summary'>): Sentence {
  const items = [
    ...board.redList.map((e) => ({
      township: e.code,
      townshipName: e.name,
      value: null,
      rankChange: null,
      list: 'red' as const,
    })),
    ...board.blackList.map((e) => ({
      township: e.code,
      townshipName: e.name,
      value: null,
      rankChange: null,
      list: 'black' as const,
    })),
  ];
  return {
    text: w.lists(
      board.redList.map((e) => e.name),
      board.blackList.map((e) => e.name),
    ),
    facts: { ...NO_FACTS, kind: 'cityLists', items },
  };
}

function townshipComposite(w: SummaryWords, r: BoardTownship): Sentence {
  const { score, rank, rankChange } = r.composite;
  const facts: SentenceFacts = {
    ...NO_FACTS,
    kind: 'townshipComposite',
    township: r.code,
    townshipName: r.name,
    indicator: 'composite',
    value: score,
    rank,
    rankChange,
  };
  if (score === null || rank === null) return { text: w.townshipNoScore(r.name), facts };
  return { text: w.townshipComposite(r.name, w.score(score), rank, rankChange), facts };
}

/** How much an indicator moved: rank places first, then score points. */
function movement(i: BoardIndicator): number {
  const score = i.score !== null && i.previousScore !== null ? Math.abs(i.score - i.previousScore) : 0;
  return Math.abs(i.rankChange ?? 0) * 1000 + score;
}

function townshipMovement(w: SummaryWords, r: BoardTownship): Sentence {
  const candidates = INDICATOR_KEYS.filter((k) => r.indicators[k].delta !== null && r.indicators[k].value !== null);
  // Whether a change rounds to nothing is the same in every language (format.ts decides it).
  const moved = candidates.filter(
    (k) => Number(deltaMagnitude(k, r.indicators[k].delta!)) !== 0 || (r.indicators[k].rankChange ?? 0) !== 0,
  );
  if (!moved.length) {
    const text = candidates.length ? w.townshipSteady(r.name) : w.townshipNothingToCompare(r.name);
    return { text, facts: { ...NO_FACTS, kind: 'townshipSteady', township: r.code, townshipName: r.name } };
  }
  const key = [...moved].sort(
    (a, b) =>
      movement(r.indicators[b]) - movement(r.indicators[a]) || INDICATOR_KEYS.indexOf(a) - INDICATOR_KEYS.indexOf(b),
  )[0]!;
  const i = r.indicators[key];
  return {
    text: w.townshipIndicator(
      r.name,
      w.indicatorName(key),
      w.change(key, i.delta!),
      w.value(key, i.value),
      w.rank(i.rank, i.rankChange),
    ),
    facts: {
      ...NO_FACTS,
      kind: 'townshipIndicator',
      township: r.code,
      townshipName: r.name,
      indicator: key,
      value: i.value,
      delta: i.delta,
      rank: i.rank,
      rankChange: i.rankChange,
    },
  };
}

/** The summary in `locale` (Chinese, the official wording, unless asked otherwise). */
export function summarise(board: Omit<ReviewBoard, 'summary'>, locale: Locale = 'zh-CN'): ReviewSummary {
  const w = SUMMARY_WORDS[locale];
  const city = [
    ...INDICATOR_KEYS.map((k) => cityIndicator(w, k, board.city[k])),
    cityLeaders(w, board.townships),
    cityMovers(w, board),
    cityLists(w, board),
  ].filter((s) => s !== null);
  const townships = Object.fromEntries(
    board.townships.map((r) => [r.code, [townshipComposite(w, r), townshipMovement(w, r)]]),
  );
  return { city, townships };
}
