/**
 * The review's sentences in the reader's language. The week's board, lagging list and change
 * lines are computed (and frozen when a week is reviewed) in Chinese, the official wording; for
 * a reader in English they are written again from the figures they keep — the summary from the
 * board's numbers, each reason and change from its own figures. Only the words change: every
 * number, rank and list is the board's.
 */
import { laggingIn } from '../../../shared/review/laggingCompounds.ts';
import type { Locale } from '../../../shared/language/index.ts';
import { changesIn } from './compoundChanges.ts';
import type { ReviewBoard } from './rankingBoard.ts';
import { entryIn } from './redBlackList.ts';
import { summarise } from './summarySentences.ts';
import type { TownshipReview } from './townshipReview.ts';
import { indicatorsIn } from '../metrics/indicatorsIn.ts';

export function boardIn(board: ReviewBoard, locale: Locale): ReviewBoard {
  if (locale === 'zh-CN') return board;
  const entries = (list: ReviewBoard['redList']) => list.map((e) => entryIn(e, locale));
  return {
    ...board,
    redList: entries(board.redList),
    blackList: entries(board.blackList),
    ...(board.redWithheld ? { redWithheld: entries(board.redWithheld) } : {}),
    summary: summarise(board, locale),
  };
}

export function townshipReviewIn(review: TownshipReview, locale: Locale, board: ReviewBoard): TownshipReview {
  if (locale === 'zh-CN') return review;
  return {
    ...review,
    indicators: indicatorsIn(review.indicators, locale),
    lagging: laggingIn(review.lagging, locale),
    changes: changesIn(review.changes, locale),
    summary: summarise(board, locale).townships[review.code] ?? [],
  };
}
