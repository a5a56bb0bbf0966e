/**
 * This week's movers: composite rank changes (review.board's gainers and fallers), the city's
 * indicators by how much they moved with the township that moved most, and the compounds that
 * started or stopped lagging (shared/review/laggingChanges.ts).
 */
import { formatDelta, formatIndicator, isImprovement } from '../../app/format.ts';
import { useI18n } from '../../i18n/index.tsx';
import { INDICATOR_ORDER, type IndicatorKey } from '../layers/choropleth.ts';
import type { LaggingCompound } from '../../../../shared/review/laggingCompounds.ts';
import type { LaggingChanges } from '../../../../shared/review/laggingChanges.ts';
import { LagReasons } from './LaggingList.tsx';
import { fitted, rowsThatFit, type PanelBox, type PanelRender } from './scenePanels.tsx';
import type { Board } from './wallShading.ts';

/** A township's line, and each half's heading line (canvas units). */
const MOVER_HEIGHT = 44;
const HALF_HEADING = 44;
/** One line on a wide panel, two on a narrow one. */
const INDICATOR_HEIGHT = { wide: 58, narrow: 68 };
const COMPOUND_HEIGHT = 50;

const tone = (better: boolean | null) => (better === null ? '' : better ? 'good' : 'bad');

type BoardTownship = Board['townships'][number];

/** Every township whose composite rank moved (as the map shades them), risers and fallers, largest first. */
export function RankMovers({ board, box }: { board: Board; box: PanelBox }) {
  const { t } = useI18n();
  const change = (tw: BoardTownship) => tw.composite.rankChange ?? 0;
  const risers = board.townships.filter((tw) => change(tw) > 0).sort((a, b) => change(b) - change(a));
  const fallers = board.townships.filter((tw) => change(tw) < 0).sort((a, b) => change(a) - change(b));
  // Wide: risers and fallers side by side, one township a line with its ranks. Narrow: one above
  // the other, two townships a line (names and places moved only).
  const wide = box.width >= 1000;
  const lines = Math.max(1, Math.floor((box.height - 96 - 2 * HALF_HEADING) / MOVER_HEIGHT));
  const fit = wide ? lines : Math.max(1, Math.floor(lines / 2)) * 2;
  const half = (list: BoardTownship[], kind: 'up' | 'down') => {
    const { shown, more } = fitted(list, fit);
    return (
      <ol className={`wall-movers-${kind}`}>
        <li className="sub">{t(`wall.movers.${kind}`, { count: list.length })}</li>
        {list.length === 0 && <li className="none">{t('wall.movers.none')}</li>}
        {shown.map((tw) => (
          <li key={tw.code}>
            <span className={`change ${kind === 'up' ? 'good' : 'bad'}`}>
              {kind === 'up' ? '▲' : '▼'}
              {Math.abs(change(tw))}
            </span>
            <span className="name">{tw.name}</span>
            {wide && tw.composite.rank !== null && (
              <span className="rank">
                {t('wall.movers.rankFrom', { from: tw.composite.previousRank ?? '—', rank: tw.composite.rank })}
              </span>
            )}
          </li>
        ))}
        {more > 0 && <li className="more">{t('wall.movers.more', { count: more })}</li>}
      </ol>
    );
  };
  return (
    <section className={`wall-panel wall-movers ${wide ? 'wall-movers-wide' : ''}`} data-testid="wall-movers-rank">
      <h2>{t('wall.movers.rank')}</h2>
      <div className="halves">
        {half(risers, 'up')}
        {half(fallers, 'down')}
      </div>
    </section>
  );
}

/** How far the city's value moved, relative to where it stood (so percentage points and petitions compare). */
function moved(board: Board, key: IndicatorKey): number {
  const c = board.city[key];
  if (c.delta === null) return -1;
  return Math.abs(c.delta) / Math.max(Math.abs(c.previousWeek ?? 0), Math.abs(c.value ?? 0), 1e-9);
}

export function IndicatorMoves({ board, box }: { board: Board; box: PanelBox }) {
  const { t, locale } = useI18n();
  const keys = [...INDICATOR_ORDER].sort((a, b) => moved(board, b) - moved(board, a));
  const wide = box.width >= 1000;
  const fit = rowsThatFit(box.height, INDICATOR_HEIGHT[wide ? 'wide' : 'narrow']);
  return (
    <section
      className={`wall-panel wall-indicator-moves ${wide ? 'wall-indicator-moves-wide' : ''}`}
      data-testid="wall-movers-indicators"
    >
      <h2>
        {t('wall.movers.indicators')} <small>{t('wall.movers.indicatorsHint')}</small>
      </h2>
      <ol>
        {keys.slice(0, fit).map((key) => {
          const c = board.city[key];
          const { gainers, fallers } = board.movers.indicators[key];
          const better = isImprovement(key, c.delta);
          // The township that moved most in the city's direction (or against it when the city fell).
          const top = (better === false ? fallers : gainers)[0] ?? gainers[0] ?? fallers[0];
          return (
            <li key={key}>
              <span className="name">{t(`indicator.short.${key}`)}</span>
              <span className="value">{formatIndicator(key, c.value)}</span>
              <span className={`delta ${tone(better)}`}>
                {c.delta === 0 || c.delta === null ? t('wall.movers.flat') : formatDelta(key, c.delta, locale)}
              </span>
              {top && (
                <span className="top">
                  {t('wall.movers.most', { name: top.name, delta: formatDelta(key, top.delta, locale) })}
                </span>
              )}
            </li>
          );
        })}
      </ol>
    </section>
  );
}

export function LaggingMoves({
  changes,
  kind,
  box,
}: {
  changes: LaggingChanges;
  kind: 'started' | 'stopped';
  box: PanelBox;
}) {
  const { t } = useI18n();
  const list: readonly LaggingCompound[] = changes[kind];
  const count = kind === 'started' ? changes.startedCount : changes.stoppedCount;
  const wide = box.width >= 1000;
  const columns = wide ? 2 : 1;
  // On a narrow panel the counts go on their own line under the heading.
  const { shown, more } = fitted(list, rowsThatFit(box.height, COMPOUND_HEIGHT, wide ? 104 : 140) * columns, count);
  const hint = t(kind === 'started' ? 'wall.movers.laggingNow' : 'wall.movers.stoppedHint', {
    now: changes.now,
    before: changes.before,
  });
  return (
    <section className={`wall-panel wall-lag-moves wall-lag-${kind}`} data-testid={`wall-movers-${kind}`}>
      <h2>
        {t(`wall.movers.${kind}`, { count })} {wide && <small>{hint}</small>}
      </h2>
      {!wide && count > 0 && <p className="wall-sub">{hint}</p>}
      {count === 0 && <p className="wall-empty">{t(`wall.movers.${kind}None`)}</p>}
      <ol style={{ gridTemplateColumns: `repeat(${columns}, 1fr)` }}>
        {shown.map((c) => (
          <li key={c.code}>
            <span className="name">{c.name}</span>
            <span className="township">{c.townshipName}</span>
            <LagReasons reasons={c.reasons} />
          </li>
        ))}
        {more > 0 && <li className="more">{t('wall.board.more', { count: more })}</li>}
      </ol>
    </section>
  );
}

/** The scene's panels by slot: on two slots rank and indicators left, the compounds right. */
export function moversGroups(board: Board, changes: LaggingChanges | null, slots: number): PanelRender[][] {
  const rank: PanelRender = (box) => <RankMovers board={board} box={box} />;
  const indicators: PanelRender = (box) => <IndicatorMoves board={board} box={box} />;
  const started: PanelRender[] = changes ? [(box) => <LaggingMoves changes={changes} kind="started" box={box} />] : [];
  const stopped: PanelRender[] = changes ? [(box) => <LaggingMoves changes={changes} kind="stopped" box={box} />] : [];
  if (slots >= 4) return [[rank], [indicators], started, stopped].filter((g) => g.length);
  if (slots === 3) return [[rank], [indicators], [...started, ...stopped]].filter((g) => g.length);
  return [
    [rank, indicators],
    [...started, ...stopped],
  ].filter((g) => g.length);
}
