/**
 * One township's week, for its page and its pack: its standing on the board, its five
 * indicators (the engine's report, with goals and progress) and their weekly history, its lagging
 * compounds, what changed compound by compound, and its summary sentences. From the week's
 * snapshot when the week is reviewed.
 */
import { PLACE_WORDS } from '../compounds/placeWords.ts';
import type { Db } from '../../db/connection.ts';
import { BadInputError } from '../errors.ts';
import type { Indicators } from '../metrics/metricsReport.ts';
import type { SeriesValues } from '../metrics/weeklySeries.ts';
import type { CompoundChanges } from './compoundChanges.ts';
import type { LaggingCompound } from '../../../shared/review/laggingCompounds.ts';
import type { BoardPreviousWeek, BoardTownship, ReviewBoard, ReviewStamp } from './rankingBoard.ts';
import { openReviewWeek } from './reviewedWeeks.ts';
import { checkTownshipCodeForm } from './reviewWeek.ts';
import type { Sentence } from './summarySentences.ts';
import type { WeekSource } from './weekSource.ts';

export interface TownshipReview {
  week: string;
  asOf: string;
  previousAsOf: string | null;
  demo: boolean;
  reviewed: ReviewStamp | null;
  state: ReviewBoard['state'];
  /** The week 上周 compares with, as it was shown (with corrections made after it was frozen). */
  previousWeek: BoardPreviousWeek | null;
  code: string;
  name: string;
  /** Its row of the 晾晒榜: composite and per-indicator ranks, rank changes, lists. */
  standing: BoardTownship;
  /** Of the 19 townships with a composite rank. */
  ranked: number;
  indicators: Indicators;
  history: { weeks: { week: string; date: string }[]; township: SeriesValues; city: SeriesValues };
  lagging: LaggingCompound[];
  changes: CompoundChanges[];
  summary: Sentence[];
}

export async function townshipReviewFrom(source: WeekSource, code: string): Promise<TownshipReview> {
  checkTownshipCodeForm(code);
  const board = await source.board();
  const standing = board.townships.find((t) => t.code === code);
  if (!standing) throw new BadInputError(PLACE_WORDS.unknownTownship(code));
  const metrics = await source.metrics();
  const history = await source.history(code);
  return {
    week: board.week,
    asOf: board.asOf,
    previousAsOf: board.previousAsOf,
    demo: board.demo,
    reviewed: board.reviewed,
    state: board.state,
    previousWeek: board.previousWeek,
    code,
    name: standing.name,
    standing,
    ranked: board.townships.filter((t) => t.composite.rank !== null).length,
    indicators: metrics.townships.find((t) => t.code === code)!.indicators,
    history: { weeks: history.weeks, township: history.townships[0]!.values, city: history.city },
    lagging: await source.lagging(code),
    changes: await source.changes(code),
    summary: board.summary.townships[code] ?? [],
  };
}

export async function townshipReview(
  db: Db,
  options: { code: string; week: string; today?: string },
): Promise<TownshipReview> {
  checkTownshipCodeForm(options.code);
  return townshipReviewFrom(
    await openReviewWeek(db, options.week, options.today ? { today: options.today } : {}),
    options.code,
  );
}
