/**
 * The 督办 scene: open items by township as bars split by their lights (red overdue, yellow due
 * within 3 days, green in time, as on the map), and the oldest overdue items with their township,
 * task and days overdue. Read from 5 m: nothing under 22 canvas units; the words carry the meaning,
 * the colours repeat it.
 */
import { lightColour } from '../../../../shared/supervision/index.ts';
import { useI18n } from '../../i18n/index.tsx';
import { fitted, rowsThatFit, type PanelBox, type PanelRender } from './scenePanels.tsx';
import { oldestOverdue, openByTownship, type WallItem } from './supervisionFacts.ts';

const BAR_ROW = 58;
const OVERDUE_ROW = 96;

function TownshipBars({ items, box }: { items: readonly WallItem[]; box: PanelBox }) {
  const { t } = useI18n();
  const rows = openByTownship(items);
  const open = rows.reduce((n, r) => n + r.open, 0);
  const overdue = rows.reduce((n, r) => n + r.overdue, 0);
  const max = Math.max(1, ...rows.map((r) => r.open));
  const { shown, more } = fitted(rows, rowsThatFit(box.height, BAR_ROW, 150));
  return (
    <section className="wall-panel wall-sv-bars" data-testid="wall-scene-supervision">
      <h2>
        <span className="title">{t('supervision.wall.byTownship')}</span>
      </h2>
      <p className="wall-sv-total">
        {t('supervision.wall.totals', { open, overdue })}
        <span className="wall-sv-key">
          <i style={{ background: lightColour('red') }} /> {t('supervision.state.overdue')}
          <i style={{ background: lightColour('yellow') }} /> {t('supervision.wall.dueSoon')}
          <i style={{ background: lightColour('green') }} /> {t('supervision.wall.inTime')}
        </span>
      </p>
      {rows.length === 0 && <p className="wall-empty">{t('supervision.wall.noneOpen')}</p>}
      <ol>
        {shown.map((r) => (
          <li key={r.code} data-testid="wall-sv-township">
            <span className="name">{r.name}</span>
            <span className="bar" aria-hidden="true">
              <span style={{ width: `${(r.overdue / max) * 100}%`, background: lightColour('red') }} />
              <span style={{ width: `${(r.yellow / max) * 100}%`, background: lightColour('yellow') }} />
              <span style={{ width: `${(r.green / max) * 100}%`, background: lightColour('green') }} />
            </span>
            <span className="figures">
              {t('supervision.wall.townshipFigures', { open: r.open, overdue: r.overdue })}
            </span>
          </li>
        ))}
        {more > 0 && <li className="more">{t('wall.board.more', { count: more })}</li>}
      </ol>
    </section>
  );
}

function OverdueList({ items, box }: { items: readonly WallItem[]; box: PanelBox }) {
  const { t } = useI18n();
  const overdue = oldestOverdue(items);
  const columns = box.width >= 1000 && overdue.length > rowsThatFit(box.height, OVERDUE_ROW) ? 2 : 1;
  const { shown, more } = fitted(overdue, rowsThatFit(box.height, OVERDUE_ROW) * columns);
  return (
    <section className="wall-panel wall-sv-overdue" data-testid="wall-sv-overdue">
      <h2>
        <span className="title">{t('supervision.wall.oldestOverdue', { count: overdue.length })}</span>
      </h2>
      {overdue.length === 0 && <p className="wall-empty">{t('supervision.wall.noneOverdue')}</p>}
      <ol style={{ gridTemplateColumns: `repeat(${columns}, 1fr)` }}>
        {shown.map((i) => (
          <li key={i.id} data-testid="wall-sv-item">
            <span className="head">
              <span className="name">{i.townshipName}</span>
              <span className="days">{t('supervision.light.overdue', { days: -i.daysLeft })}</span>
            </span>
            <span className="why">{i.task}</span>
          </li>
        ))}
        {more > 0 && <li className="more">{t('wall.board.more', { count: more })}</li>}
      </ol>
    </section>
  );
}

/** The scene's panels by slot: the bars left of the map, the overdue list right of it. */
export function supervisionGroups(items: readonly WallItem[]): PanelRender[][] {
  return [[(box) => <TownshipBars items={items} box={box} />], [(box) => <OverdueList items={items} box={box} />]];
}
