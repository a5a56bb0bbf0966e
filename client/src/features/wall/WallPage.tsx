/**
 * `/wall`: unattended wall screens. A fixed 1080-unit-high canvas scaled to the display (CSS zoom
 * for crisp text; the map in real pixels over its slot), rotating scenes — city overview, the
 * 红黑榜, this week's movers, the four coverage layers, the lagging-township spotlight — with
 * keyboard stepping, and live updates over a tRPC subscription. Opened with a read-only display token.
 */
import { useQuery } from '@tanstack/react-query';
import { useEffect, useMemo } from 'react';
import { weekAgoOf } from '../../../../shared/review/laggingChanges.ts';
import { isoWeekOf } from '../../../../shared/time/weeks.ts';
import { displayToken, isUnauthorized, redirectToLogin, trpc } from '../../app/trpc.ts';
import { cityName } from '../../app/useCity.ts';
import { useI18n } from '../../i18n/index.tsx';
import { basemapStyle } from '../../map/basemapStyle.ts';
import { asCollection, townshipFeatures } from '../dashboard/townshipFeatures.ts';
import { laggingTownships } from './laggingTownships.ts';
import { collapsedScenes, sceneDurations, scenesInRotation } from './scenePlan.ts';
import { supervisionShading } from './supervisionFacts.ts';
import { place } from './scenePanels.tsx';
import { useLiveRevision } from './useLiveRevision.ts';
import { FIGURES_WHEN_DUE, useFiguresWhenDue } from './useFiguresWhenDue.ts';
import { useSceneRotation } from './useSceneRotation.ts';
import { wallCompoundView } from './wallCompoundView.ts';
import { useWallCanvas } from './useWallCanvas.ts';
import { useWallMapLayers, type WallMapInput } from './useWallMapLayers.ts';
import { sceneLayout } from './wallCanvas.ts';
import { WallHeader } from './WallHeader.tsx';
import { WallMap } from './WallMap.tsx';
import { parseWallParams, type WallScene } from './wallParams.ts';
import { WallScenePanels } from './WallScenes.tsx';
import { WallTokenEnded } from './WallTokenEnded.tsx';
import { goalsMissedShading, listShading, rankChangeShading } from './wallShading.ts';
import './wall.css';
import './wallScenes.css';

/** A safety net: figures are refetched on every change anyway; this also rolls the day over. */
const REFRESH_MS = 10 * 60_000;
/** What a change to the records makes the wall refetch (the boundaries are refreshed by REFRESH_MS alone). */
const FIGURES = [
  trpc.system.info.queryFilter(),
  trpc.metrics.report.queryFilter(),
  trpc.wall.compounds.queryFilter(),
  trpc.wall.lagging.queryFilter(),
  trpc.supervision.list.queryFilter(),
  // Marked stale only: what one scene alone shows is fetched again as that scene comes up
  // (useFiguresWhenDue): the movers, last Sunday's compounds, the board's ranks.
  ...FIGURES_WHEN_DUE.flatMap(({ queries }) => queries.map((q) => ({ ...q, refetchType: 'none' as const }))),
];

const timeFormat = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai',
  hour: '2-digit',
  minute: '2-digit',
  hour12: false,
});

/** The map on each scene: shaded by a judgement, a coverage layer's dots, or the spotlit township. */
function mapKind(scene: WallScene): 'shaded' | 'layer' | 'spotlight' {
  if (scene === 'spotlight') return 'spotlight';
  return scene === 'overview' || scene === 'board' || scene === 'movers' || scene === 'supervision'
    ? 'shaded'
    : 'layer';
}

export function WallPage() {
  const { t, locale } = useI18n();
  const params = useMemo(() => parseWallParams(window.location.search), []);
  const named = useMemo(() => new URLSearchParams(window.location.search).has('scenes'), []);
  const geometry = useWallCanvas(params.canvas);
  const live = useLiveRevision(FIGURES);

  const liveQuery = { staleTime: Number.POSITIVE_INFINITY, refetchInterval: REFRESH_MS, retry: 2 };
  const info = useQuery({ ...trpc.system.info.queryOptions(), ...liveQuery });
  const townships = useQuery({
    ...trpc.geography.townships.queryOptions(),
    staleTime: Number.POSITIVE_INFINITY,
    refetchInterval: REFRESH_MS,
  });
  // The server's today (Asia/Shanghai), not the display's clock.
  const today = info.data?.today ?? null;
  // The week in progress, compared with last week as it was shown (its snapshot once reviewed).
  const report = useQuery({
    ...trpc.metrics.report.queryOptions({ week: today ? isoWeekOf(today) : undefined }),
    ...liveQuery,
    enabled: today !== null,
  });
  const wants = (scene: WallScene) => params.scenes.includes(scene);
  // Every compound while the city is small; past MAP_ROW_CAP, township counts and capped lists (wallCompoundView.ts).
  const compounds = useQuery({ ...trpc.wall.compounds.queryOptions(), ...liveQuery });
  // Compounds that started or stopped lagging: against last week's Sunday, the day 上周 shows.
  const weekAgo = today ? weekAgoOf(today) : null;
  // The week in progress, like every other figure on the wall: its ranks and lists as of today.
  const board = useQuery({
    ...trpc.review.board.queryOptions({ week: today ? isoWeekOf(today) : undefined }),
    ...liveQuery,
    enabled: today !== null && (wants('board') || wants('movers')),
  });
  const compoundsWeekAgo = useQuery({
    ...trpc.compounds.status.queryOptions({ asOf: weekAgo ?? undefined }),
    ...liveQuery,
    // Above the cap the server compares the two days itself (wall.movers).
    enabled: weekAgo !== null && wants('movers') && compounds.data?.kind === 'compounds',
  });
  const movers = useQuery({
    ...trpc.wall.movers.queryOptions(),
    ...liveQuery,
    enabled: wants('movers') && compounds.data?.kind === 'townships',
  });

  // Every item (a display token reads them): the scene's bars and overdue list, and whether it rotates at all.
  const supervision = useQuery({
    ...trpc.supervision.list.queryOptions({}),
    ...liveQuery,
    enabled: wants('supervision'),
  });
  const scenes = useMemo(
    () => scenesInRotation(params.scenes, named, supervision.data?.length),
    [params.scenes, named, supervision.data],
  );
  const collapsed = useMemo(() => collapsedScenes(scenes, report.data), [scenes, report.data]);
  const durations = useMemo(
    () => sceneDurations(scenes, collapsed, params.intervalSeconds),
    [scenes, collapsed, params.intervalSeconds],
  );
  const rotation = useSceneRotation(durations);
  const scene = scenes[Math.min(rotation.index, scenes.length - 1)]!;
  useFiguresWhenDue(scenes, rotation.index, rotation.cycle);

  const city = info.data?.city;
  const features = useMemo(
    () => townshipFeatures(townships.data ?? [], city?.labelPositions ?? {}),
    [townships.data, city],
  );
  const style = useMemo(
    () =>
      city
        ? basemapStyle({ city, townships: asCollection(features), tileUrl: import.meta.env.VITE_ONEMAP_TILE_URL })
        : null,
    [city, features],
  );
  const lagging = useMemo(() => (report.data ? laggingTownships(report.data.townships) : []), [report.data]);
  const spotlight = lagging.length ? lagging[rotation.cycle % lagging.length]! : null;
  // A large city's spotlit township: asked for as the cycle starts, well before its scene comes round.
  const spotlightLagging = useQuery({
    ...trpc.wall.lagging.queryOptions({ townshipCode: spotlight?.code ?? '' }),
    ...liveQuery,
    enabled: spotlight !== null && wants('spotlight') && compounds.data?.kind === 'townships',
  });
  const view = useMemo(
    () => wallCompoundView(compounds.data, compoundsWeekAgo.data, movers.data, spotlightLagging.data, today, weekAgo),
    [compounds.data, compoundsWeekAgo.data, movers.data, spotlightLagging.data, today, weekAgo],
  );
  const spotlit = useMemo(() => view.laggingIn(spotlight?.code ?? ''), [view, spotlight]);
  const spotlightCompounds = spotlit.list;
  const shading = useMemo(() => {
    if (scene === 'overview') return report.data ? goalsMissedShading(report.data.townships) : null;
    if (scene === 'board') return board.data ? listShading(board.data) : null;
    if (scene === 'movers') return board.data ? rankChangeShading(board.data) : null;
    if (scene === 'supervision') return supervision.data ? supervisionShading(supervision.data) : null;
    return null;
  }, [scene, report.data, board.data, supervision.data]);

  const layout = sceneLayout(geometry.width);
  const s = geometry.scale;
  const kind = mapKind(scene);
  const mode: WallMapInput['mode'] =
    kind === 'shaded'
      ? { kind, shading: shading?.shading ?? null }
      : kind === 'layer'
        ? { kind, layer: scene as Exclude<WallScene, 'overview' | 'board' | 'movers' | 'spotlight' | 'supervision'> }
        : { kind };
  const map = useWallMapLayers({
    mode,
    features,
    // On the spotlight of a large city, its township's listed lagging compounds only.
    rows: view.aggregates && kind === 'spotlight' ? spotlit.rows : view.rows,
    aggregates: view.aggregates,
    locale,
    cityBounds: city?.bounds ?? null,
    spotlightCode: spotlight?.code ?? null,
    spotlightCompounds,
    slot: layout.map,
    geometry,
  });

  // A revoked or expired token: say so instead of showing figures the wall may no longer read.
  const refused =
    live.refused || [info, townships, report, compounds, board].some((query) => isUnauthorized(query.error));
  // A person's wall (no token) whose session ended signs in again instead.
  const viaToken = displayToken() !== null;
  useEffect(() => {
    if (refused && !viaToken) redirectToLogin();
  }, [refused, viaToken]);
  if (refused) return <WallTokenEnded testId="wall-refused" />;

  const updatedAt = Math.max(report.dataUpdatedAt, compounds.dataUpdatedAt);
  const dataTime = updatedAt ? timeFormat.format(updatedAt) : '--:--';
  const ready = Boolean(report.data && compounds.data && townships.data && info.data);
  const sceneTitle =
    scene === 'spotlight' && spotlight ? `${t('wall.scene.spotlight')} · ${spotlight.name}` : t(`wall.scene.${scene}`);

  return (
    <div
      className={`wall ${layout.wide ? 'wall-wide' : ''}`}
      data-testid="wall"
      data-ready={ready}
      data-scene={scene}
      data-collapsed={collapsed.has(scene)}
      data-scale={s}
      data-revision={live.revision ?? ''}
      data-connected={live.connected}
    >
      {townships.data && city && style && (
        <WallMap
          style={style}
          cityBounds={city.bounds}
          layers={map.layers}
          box={map.mapBox}
          bounds={map.bounds}
          padding={map.padding}
          label={t('app.title')}
        />
      )}
      <div
        className="wall-frame"
        style={{ left: geometry.left, top: geometry.top, width: geometry.width * s, height: 1080 * s }}
      >
        <div className="wall-canvas" style={{ width: geometry.width, height: 1080, zoom: s }}>
          <WallHeader
            scene={scene}
            sceneTitle={sceneTitle}
            index={rotation.index}
            count={scenes.length}
            paused={rotation.paused}
            dataTime={dataTime}
            connected={live.connected}
            demo={info.data?.dataset.source === 'demo'}
            city={cityName(city, locale)}
          />
          <div className="wall-map-frame" style={place(layout.map)} />
          {ready && report.data ? (
            <WallScenePanels
              scene={scene}
              layout={layout}
              data={{
                report: report.data,
                board: board.data,
                changes: view.changes,
                compoundCounts: view.townships,
                lagging,
                spotlight,
                spotlightCompounds,
                spotlightLagging: spotlit.count,
                collapsed,
                supervision: supervision.data,
                shading,
              }}
            />
          ) : (
            <p className="wall-loading">{t('wall.loading')}</p>
          )}
        </div>
      </div>
    </div>
  );
}
