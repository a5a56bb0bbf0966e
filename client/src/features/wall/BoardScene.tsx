/**
 * The 红黑榜 scene: the week's red and black lists (review.board) with each township's composite
 * rank and the reasons it is listed, and on the widest walls the week's summary sentences.
 */
import { useI18n } from '../../i18n/index.tsx';
import { weekPickerLabel } from '../../../../shared/time/weekPickerLabels.ts';
import { fitted, rowsThatFit, type PanelBox, type PanelRender } from './scenePanels.tsx';
import type { Board } from './wallShading.ts';

/** A listed township: its name and rank on one line, its reasons on at most two below (canvas units). */
const ENTRY_HEIGHT = 100;
const SENTENCE_HEIGHT = 76;

type ListKind = 'red' | 'black';

export function BoardList({ board, kind, box }: { board: Board; kind: ListKind; box: PanelBox }) {
  const { t, locale } = useI18n();
  const entries = kind === 'red' ? board.redList : board.blackList;
  // A wide panel takes a second column only when one does not hold the list.
  const rows = rowsThatFit(box.height, ENTRY_HEIGHT);
  const columns = box.width >= 1000 && entries.length > rows ? 2 : 1;
  const { shown, more } = fitted(entries, rows * columns);
  return (
    <section className={`wall-panel wall-board wall-board-${kind}`} data-testid={`wall-board-${kind}`}>
      <h2>
        <span className="title">{t(`wall.board.${kind}`, { count: entries.length })}</span>
        <small>
          {t('wall.board.week', { week: weekPickerLabel(board.week, locale) })}
          {box.width >= 1000 && ` · ${t(`wall.board.${kind}Hint`)}`}
        </small>
      </h2>
      {entries.length === 0 && <p className="wall-empty">{t(`wall.board.${kind}None`)}</p>}
      <ol style={{ gridTemplateColumns: `repeat(${columns}, 1fr)` }}>
        {shown.map((e) => (
          <li key={e.code} data-testid="wall-board-entry">
            <span className="head">
              <span className="name">{e.name}</span>
              {e.compositeRank !== null && (
                <span className="rank">{t('wall.board.rank', { rank: e.compositeRank })}</span>
              )}
            </span>
            <span className="why">{e.reasons.join(t('punct.list'))}</span>
          </li>
        ))}
        {more > 0 && <li className="more">{t('wall.board.more', { count: more })}</li>}
      </ol>
    </section>
  );
}

/** The week's sentences about the city (the review's summary), as many as fit. */
export function BoardSummary({ board, box }: { board: Board; box: PanelBox }) {
  const { t } = useI18n();
  const columns = box.width >= 1800 ? 2 : 1;
  const shown = board.summary.city.slice(0, rowsThatFit(box.height, SENTENCE_HEIGHT) * columns);
  return (
    <section className="wall-panel wall-summary" data-testid="wall-board-summary">
      <h2>{t('wall.board.summary')}</h2>
      <ul style={{ gridTemplateColumns: `repeat(${columns}, 1fr)` }}>
        {shown.map((s) => (
          <li key={s.text}>{s.text}</li>
        ))}
      </ul>
    </section>
  );
}

/** The scene's panels by slot: red, black, then (with a third slot) the summary. */
export function boardGroups(board: Board, slots: number): PanelRender[][] {
  const groups: PanelRender[][] = [
    [(box) => <BoardList board={board} kind="red" box={box} />],
    [(box) => <BoardList board={board} kind="black" box={box} />],
  ];
  if (slots >= 3) groups.push([(box) => <BoardSummary board={board} box={box} />]);
  return groups;
}
