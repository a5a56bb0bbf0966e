/**
 * The summary of the week in Chinese, written from the board's numbers. Every sentence keeps
 * the numbers it was written from (`facts`), unrounded, so a reader (or a test) can check each
 * figure in the text against the engine. Number formats are format.ts's.
 *
 * City: one sentence per indicator (value, change on last week, met or not and then its pace —
 * words only, no further numbers), the composite leaders, the
 * biggest composite movers and the red and black lists. Each township: its composite standing,
 * and its largest movement — the indicator whose rank moved most (then whose score moved most),
 * e.g. "陈埭镇业委会组建率较上周提升3.2个百分点（至85.0%），排名上升2位至第5位。"
 */
import {
  INDICATOR_KEYS,
  INDICATORS,
  type IndicatorKey,
  type IndicatorStatus,
} from '../../../shared/indicators/index.ts';
import { deltaMagnitude, formatValue, points } from './format.ts';
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

/** "提升3.2个百分点" / "下降0.05件"; null when the change rounds to nothing. */
function changeWords(key: IndicatorKey, delta: number): string | null {
  const size = deltaMagnitude(key, delta);
  if (Number(size) === 0) return null;
  if (INDICATORS[key].unit === 'rate') return `${delta > 0 ? '提升' : '下降'}${size}个百分点`;
  return `${delta > 0 ? '增加' : '减少'}${size}件`;
}

function rankWords(rank: number | null, change: number | null): string {
  if (rank === null) return '暂无排名';
  if (change === null) return `排名第${rank}位`;
  if (change === 0) return `排名不变（第${rank}位）`;
  return `排名${change > 0 ? '上升' : '下降'}${Math.abs(change)}位至第${rank}位`;
}

/** Met first; a goal not met is then judged on pace, a standing rule (no pace) just not met. */
function verdictWords(key: IndicatorKey, status: IndicatorStatus | null | undefined): string {
  if (status === null || status === undefined) return '';
  if (status === 'met') return '，已达标';
  if (INDICATORS[key].goal === 'standing') return '，未达标';
  return {
    on_track: '，尚未达标，按当前进度可按期达标',
    at_risk: '，尚未达标，有不能按期达标的风险',
    off_track: '，尚未达标，进度滞后',
  }[status];
}

function cityIndicator(key: IndicatorKey, c: ReviewBoard['city'][IndicatorKey]): Sentence {
  const name = INDICATORS[key].name;
  const facts: SentenceFacts = { ...NO_FACTS, kind: 'cityIndicator', indicator: key, value: c.value, delta: c.delta };
  if (c.value === null) return { text: `全市${name}本周无法计算。`, facts };
  const head = `全市${name}为${formatValue(key, c.value)}`;
  const verdict = verdictWords(key, c.status);
  if (c.delta === null) return { text: `${head}${verdict}。`, facts };
  const change = changeWords(key, c.delta);
  return { text: `${head}，${change ? `较上周${change}` : '与上周持平'}${verdict}。`, facts };
}

function cityLeaders(rows: readonly BoardTownship[]): Sentence | null {
  const leaders = rows.filter((r) => r.composite.rank !== null && r.composite.rank <= 3);
  if (!leaders.length) return null;
  return {
    text: `综合得分居前的是${leaders.map((r) => `${r.name}（${points(r.composite.score!)}）`).join('、')}。`,
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

function cityMovers(board: Omit<ReviewBoard, 'summary'>): Sentence | null {
  const up = board.movers.composite.gainers[0];
  const down = board.movers.composite.fallers[0];
  if (!up && !down) return null;
  const parts = [
    up ? `综合排名上升最多的是${up.name}（上升${up.rankChange}位）` : null,
    down ? `下降最多的是${down.name}（下降${-down.rankChange}位）` : null,
  ].filter((p) => p !== null);
  const items = [up, down]
    .filter((m) => m !== undefined)
    .map((m) => ({ township: m.code, townshipName: m.name, value: m.score, rankChange: m.rankChange }));
  return { text: `${parts.join('，')}。`, facts: { ...NO_FACTS, kind: 'cityMovers', indicator: 'composite', items } };
}

function cityLists(board: Omit<ReviewBoard, 'summary'>): Sentence {
  const names = (list: readonly { name: string }[]) => (list.length ? list.map((e) => e.name).join('、') : '无');
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
    text: `本周红榜：${names(board.redList)}；黑榜：${names(board.blackList)}。`,
    facts: { ...NO_FACTS, kind: 'cityLists', items },
  };
}

function townshipComposite(r: BoardTownship): Sentence {
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
  if (score === null || rank === null) return { text: `${r.name}本周无法计算综合得分。`, facts };
  const change =
    rankChange === null
      ? ''
      : rankChange === 0
        ? '，与上周持平'
        : `，较上周${rankChange > 0 ? '上升' : '下降'}${Math.abs(rankChange)}位`;
  return { text: `${r.name}综合得分${points(score)}，列第${rank}位${change}。`, facts };
}

/** How much an indicator moved: rank places first, then score points. */
function movement(i: BoardIndicator): number {
  const score = i.score !== null && i.previousScore !== null ? Math.abs(i.score - i.previousScore) : 0;
  return Math.abs(i.rankChange ?? 0) * 1000 + score;
}

function townshipMovement(r: BoardTownship): Sentence {
  const candidates = INDICATOR_KEYS.filter((k) => r.indicators[k].delta !== null && r.indicators[k].value !== null);
  const moved = candidates.filter(
    (k) => changeWords(k, r.indicators[k].delta!) !== null || (r.indicators[k].rankChange ?? 0) !== 0,
  );
  if (!moved.length) {
    const text = candidates.length ? `${r.name}各项指标与上周持平。` : `${r.name}本周没有可与上周比较的指标。`;
    return { text, facts: { ...NO_FACTS, kind: 'townshipSteady', township: r.code, townshipName: r.name } };
  }
  const key = [...moved].sort(
    (a, b) =>
      movement(r.indicators[b]) - movement(r.indicators[a]) || INDICATOR_KEYS.indexOf(a) - INDICATOR_KEYS.indexOf(b),
  )[0]!;
  const i = r.indicators[key];
  const change = changeWords(key, i.delta!);
  const head = change
    ? `${r.name}${INDICATORS[key].name}较上周${change}（至${formatValue(key, i.value)}）`
    : `${r.name}${INDICATORS[key].name}与上周持平（${formatValue(key, i.value)}）`;
  return {
    text: `${head}，${rankWords(i.rank, i.rankChange)}。`,
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

export function summarise(board: Omit<ReviewBoard, 'summary'>): ReviewSummary {
  const city = [
    ...INDICATOR_KEYS.map((k) => cityIndicator(k, board.city[k])),
    cityLeaders(board.townships),
    cityMovers(board),
    cityLists(board),
  ].filter((s) => s !== null);
  const townships = Object.fromEntries(
    board.townships.map((r) => [r.code, [townshipComposite(r), townshipMovement(r)]]),
  );
  return { city, townships };
}
