/**
 * What each scene puts around the map: its panels in the layout's slots (scenePanels.tsx) and the
 * key to the map's colours. A coverage scene whose indicator is met everywhere is one line
 * (MetLine) over the whole stage instead.
 */
import type { LaggingCompound } from '../../../../shared/review/laggingCompounds.ts';
import type { RouterOutputs } from '../../app/trpc.ts';
import { useI18n } from '../../i18n/index.tsx';
import { layerClassCounts, type TownshipClassCounts } from '../../../../shared/wall/wallCompounds.ts';
import { legendOfCounts, type CoverageLayer } from '../layers/coverageLayers.ts';
import { boardGroups } from './BoardScene.tsx';
import type { LaggingChanges } from '../../../../shared/review/laggingChanges.ts';
import { LaggingList } from './LaggingList.tsx';
import type { TownshipReport } from './laggingTownships.ts';
import { layerFacts } from './layerFacts.ts';
import { MetLine } from './MetLine.tsx';
import { moversGroups } from './MoversScene.tsx';
import { SCENE_INDICATOR } from './scenePlan.ts';
import { supervisionGroups } from './SupervisionScene.tsx';
import type { WallItem } from './supervisionFacts.ts';
import { ScenePanels, type PanelRender } from './scenePanels.tsx';
import { TownshipBreakdown } from './TownshipBreakdown.tsx';
import { TownshipMatrix } from './TownshipMatrix.tsx';
import { spanOf, type SceneLayout } from './wallCanvas.ts';
import { WallAttention, WallFigures } from './WallFigures.tsx';
import { WallIndicators } from './WallIndicators.tsx';
import { WallLegend } from './WallLegend.tsx';
import { WallMapKey } from './WallMapKey.tsx';
import type { WallScene } from './wallParams.ts';
import type { Board, WallShading } from './wallShading.ts';

type Report = RouterOutputs['metrics']['report'];

export interface SceneData {
  report: Report;
  /** The week's 晾晒榜; undefined until it has come. */
  board: Board | undefined;
  changes: LaggingChanges | null;
  /** Each township's compounds counted per class (the legends and bars), however many compounds. */
  compoundCounts: readonly TownshipClassCounts[];
  lagging: readonly TownshipReport[];
  spotlight: TownshipReport | null;
  /** The spotlit township's lagging compounds: the first of them when the city is large, and how many. */
  spotlightCompounds: readonly LaggingCompound[];
  spotlightLagging: number;
  collapsed: ReadonlySet<WallScene>;
  /** The supervision items (督办), for its scene; undefined until they have come. */
  supervision: readonly WallItem[] | undefined;
  /** The judgement the map is shaded by on this scene, if any. */
  shading: WallShading | null;
}

const isLayer = (scene: WallScene): scene is CoverageLayer =>
  scene === 'party' || scene === 'committee' || scene === 'rating' || scene === 'issues';

export function WallScenePanels({ scene, layout, data }: { scene: WallScene; layout: SceneLayout; data: SceneData }) {
  const { t } = useI18n();
  const { report, board, compoundCounts } = data;
  const slots = [layout.left, ...layout.right];
  const indicator = SCENE_INDICATOR[scene];
  if (indicator && data.collapsed.has(scene))
    return <MetLine indicator={indicator} report={report} slot={spanOf([layout.left, ...layout.right])} />;

  const key = data.shading && (
    <WallMapKey
      title={t(data.shading.title)}
      items={data.shading.entries.map((e) => ({ ...e, label: t(e.label) }))}
      unit={t('wall.key.townships')}
      shape="area"
      slot={layout.map}
    />
  );
  let groups: PanelRender[][];
  switch (scene) {
    case 'overview':
      groups = [
        [
          () => (
            <WallIndicators
              title={t('wall.indicators')}
              indicators={report.city.indicators}
              testId="wall-scene-overview"
            />
          ),
        ],
        [() => <TownshipMatrix townships={report.townships} />],
        [() => <WallFigures figures={report.city.secondary} />],
        [() => <WallAttention townships={data.lagging} />],
      ];
      break;
    case 'board':
      if (!board) return <p className="wall-loading">{t('wall.loading')}</p>;
      groups = boardGroups(board, slots.length);
      break;
    case 'movers':
      if (!board) return <p className="wall-loading">{t('wall.loading')}</p>;
      groups = moversGroups(board, data.changes, slots.length);
      break;
    case 'supervision':
      if (!data.supervision) return <p className="wall-loading">{t('wall.loading')}</p>;
      groups = supervisionGroups(data.supervision);
      break;
    case 'spotlight': {
      const spot = data.spotlight;
      if (!spot) return null;
      const spotCounts = layerClassCounts(
        compoundCounts.filter((c) => c.code === spot.code),
        'committee',
      );
      groups = [
        [
          () => (
            <WallIndicators
              title={t('wall.townshipIndicators', { name: spot.name })}
              indicators={spot.indicators}
              testId="wall-scene-spotlight"
            />
          ),
        ],
        [
          () => (
            <LaggingList
              lagging={data.spotlightCompounds}
              count={data.spotlightLagging}
              columns={layout.right.length}
            />
          ),
        ],
      ];
      return (
        <>
          <ScenePanels slots={slots} groups={groups} />
          <WallMapKey
            title={t('wall.key.dots', { layer: t('layer.committee') })}
            items={legendOfCounts('committee', spotCounts).map((e) => ({ ...e, label: t(e.label) }))}
            unit={t('wall.key.compounds')}
            shape="dot"
            slot={layout.map}
          />
        </>
      );
    }
    default: {
      if (!isLayer(scene)) return null;
      groups = [
        [
          () => (
            <div className="wall-stack-fill" data-testid={`wall-scene-${scene}`}>
              <WallLegend
                title={t(`layer.${scene}`)}
                entries={legendOfCounts(scene, layerClassCounts(compoundCounts, scene))}
                facts={layerFacts(scene, report, t)}
              />
            </div>
          ),
        ],
        [
          () => (
            <TownshipBreakdown
              layer={scene}
              townships={report.townships}
              counts={compoundCounts}
              columns={layout.right.length}
            />
          ),
        ],
      ];
    }
  }
  return (
    <>
      <ScenePanels slots={slots} groups={groups} />
      {key}
    </>
  );
}
