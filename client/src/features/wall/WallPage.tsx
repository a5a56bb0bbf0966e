/**
 * `/wall`: unattended wall screens. A fixed 1080-unit-high canvas scaled to the display (CSS zoom
 * for crisp text; the map in real pixels over its slot), rotating scenes — city overview, the four
 * coverage layers, the lagging-township spotlight — with keyboard stepping, and live updates over a
 * tRPC subscription. Opened with a read-only display token.
 */
import { useQuery } from '@tanstack/react-query';
import { useMemo, type ReactNode } from 'react';
import { laggingCompounds } from '../../../../shared/review/laggingCompounds.ts';
import { boundsTuple } from '../../../../shared/city/cityDefinition.ts';
import { trpc } from '../../app/trpc.ts';
import { cityName } from '../../app/useCity.ts';
import { useI18n } from '../../i18n/index.tsx';
import { MAP_MAX_ZOOM } from '../../map/MapAdapter.ts';
import { basemapStyle } from '../../map/basemapStyle.ts';
import { asCollection, boundsOf, townshipFeatures } from '../dashboard/townshipFeatures.ts';
import { legendFor, type CoverageLayer } from '../layers/coverageLayers.ts';
import { layerFacts } from './layerFacts.ts';
import { mapLayers } from '../layers/deckLayers.ts';
import { laggingTownships } from './laggingTownships.ts';
import { LaggingList } from './LaggingList.tsx';
import { TownshipBreakdown } from './TownshipBreakdown.tsx';
import { TownshipMatrix } from './TownshipMatrix.tsx';
import { useLiveRevision } from './useLiveRevision.ts';
import { useSceneRotation } from './useSceneRotation.ts';
import { spotlightNames, townshipLabelOffsets } from './wallLabels.ts';
import { useWallCanvas } from './useWallCanvas.ts';
import { spanOf, sceneLayout, type Rect } from './wallCanvas.ts';
import { WallAttention, WallFigures } from './WallFigures.tsx';
import { WallHeader } from './WallHeader.tsx';
import { WallIndicators } from './WallIndicators.tsx';
import { WallLegend } from './WallLegend.tsx';
import { WallMap } from './WallMap.tsx';
import { WallMapLegend } from './WallMapLegend.tsx';
import { parseWallParams } from './wallParams.ts';
import './wall.css';

/** A safety net: figures are refetched on every change anyway; this also rolls the day over. */
const REFRESH_MS = 10 * 60_000;
/** What a change to the records makes the wall refetch (the boundaries are refreshed by REFRESH_MS alone). */
const FIGURES = [
  trpc.system.info.queryFilter(),
  trpc.metrics.report.queryFilter(),
  trpc.compounds.status.queryFilter(),
];
/** Map labels (township names 15 → 22 units, compound names 12 → 20) and points, relative to the dashboard's, on the 1080-line canvas. */
const MAP_LABEL_SCALE = 1.5;
const MAP_COMPOUND_LABEL_SCALE = 1.7;
const MAP_POINT_SCALE = 1.15;

const timeFormat = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai',
  hour: '2-digit',
  minute: '2-digit',
  hour12: false,
});

const place = (r: Rect) => ({ left: r.x, top: r.y, width: r.width, height: r.height });

export function WallPage() {
  const { t, locale } = useI18n();
  const params = useMemo(() => parseWallParams(window.location.search), []);
  const geometry = useWallCanvas(params.canvas);
  const rotation = useSceneRotation(params.scenes.length, params.intervalSeconds);
  const live = useLiveRevision(FIGURES);
  const scene = params.scenes[rotation.index]!;

  const liveQuery = { staleTime: Number.POSITIVE_INFINITY, refetchInterval: REFRESH_MS, retry: 2 };
  const info = useQuery({ ...trpc.system.info.queryOptions(), ...liveQuery });
  const townships = useQuery({
    ...trpc.geography.townships.queryOptions(),
    staleTime: Number.POSITIVE_INFINITY,
    refetchInterval: REFRESH_MS,
  });
  const report = useQuery({ ...trpc.metrics.report.queryOptions({}), ...liveQuery });
  const compounds = useQuery({ ...trpc.compounds.status.queryOptions({}), ...liveQuery });

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
  const rows = useMemo(() => compounds.data ?? [], [compounds.data]);
  const lagging = useMemo(() => (report.data ? laggingTownships(report.data.townships) : []), [report.data]);
  const spotlight = lagging.length ? lagging[rotation.cycle % lagging.length]! : null;
  const spotlightCompounds = useMemo(
    () =>
      spotlight && info.data
        ? laggingCompounds(
            rows.filter((c) => c.townshipCode === spotlight.code),
            info.data.today,
          )
        : [],
    [spotlight, rows, info.data],
  );

  const layer: CoverageLayer =
    scene === 'overview' || scene === 'spotlight' ? (scene === 'overview' ? 'party' : 'committee') : scene;
  const spotlightFeature = spotlight ? features.find((f) => f.properties.code === spotlight.code) : undefined;
  // Until the city is known (the first system.info) nothing is drawn: the empty box only keeps the hooks below in order.
  const bounds =
    scene === 'spotlight' && spotlightFeature ? boundsOf(spotlightFeature) : boundsTuple(city?.bounds ?? [0, 0, 0, 0]);

  const layout = sceneLayout(geometry.width);
  const s = geometry.scale;
  const mapBox = {
    left: geometry.left + layout.map.x * s,
    top: geometry.top + layout.map.y * s,
    width: layout.map.width * s,
    height: layout.map.height * s,
  };
  const mapPadding = Math.round(24 * s);

  // Township names clear of each other (recomputed when the view changes, not with the data); on
  // the spotlight, the listed lagging compounds that fit.
  const [west, south, east, north] = bounds;
  const view = useMemo(
    () => ({
      bounds: [west, south, east, north] as const,
      width: mapBox.width,
      height: mapBox.height,
      padding: mapPadding,
      maxZoom: MAP_MAX_ZOOM,
    }),
    [west, south, east, north, mapBox.width, mapBox.height, mapPadding],
  );
  const townshipLabelScale = s * (scene === 'spotlight' ? MAP_COMPOUND_LABEL_SCALE : MAP_LABEL_SCALE);
  const townshipOffsets = useMemo(
    () => townshipLabelOffsets(view, features, townshipLabelScale),
    [view, features, townshipLabelScale],
  );
  const namedCompounds = useMemo(() => {
    if (scene !== 'spotlight' || !spotlightFeature) return null;
    const byCode = new Map(rows.map((c) => [c.code, c]));
    const listed = spotlightCompounds.flatMap((l) => byCode.get(l.code) ?? []);
    return spotlightNames({
      view,
      township: spotlightFeature,
      townshipLabelScale,
      townshipOffsets,
      lagging: listed,
      labelScale: s * MAP_COMPOUND_LABEL_SCALE,
      pointScale: s * MAP_POINT_SCALE,
    });
  }, [scene, spotlightFeature, rows, spotlightCompounds, view, townshipLabelScale, townshipOffsets, s]);

  const layers = useMemo(
    () =>
      mapLayers({
        townships: features,
        compounds: rows,
        layer,
        shading: null,
        selectedCompound: null,
        selectedTownship: scene === 'spotlight' ? (spotlight?.code ?? null) : null,
        showCompoundNames: scene === 'spotlight',
        namedCompounds,
        townshipLabelOffsets: townshipOffsets,
        scale: geometry.scale * MAP_POINT_SCALE,
        labelScale: townshipLabelScale,
      }),
    [features, rows, layer, scene, spotlight, namedCompounds, townshipOffsets, townshipLabelScale, geometry.scale],
  );
  const updatedAt = Math.max(report.dataUpdatedAt, compounds.dataUpdatedAt);
  const dataTime = updatedAt ? timeFormat.format(updatedAt) : '--:--';
  const ready = Boolean(report.data && compounds.data && townships.data && info.data);
  const sceneTitle =
    scene === 'spotlight' && spotlight ? `${t('wall.scene.spotlight')} · ${spotlight.name}` : t(`wall.scene.${scene}`);

  let panels: ReactNode = null;
  if (ready && report.data) {
    const right = layout.right;
    if (scene === 'overview') {
      panels = (
        <>
          <div className="wall-slot" style={place(layout.left)}>
            <WallIndicators
              title={t('wall.indicators')}
              indicators={report.data.city.indicators}
              testId="wall-scene-overview"
            />
          </div>
          <div className="wall-slot" style={place(right[0]!)}>
            <TownshipMatrix townships={report.data.townships} />
          </div>
          {right[1] && (
            <div className="wall-slot" style={place(right[1])}>
              <WallFigures figures={report.data.city.secondary} />
            </div>
          )}
          {right[2] && (
            <div className="wall-slot" style={place(right[2])}>
              <WallAttention townships={lagging} />
            </div>
          )}
        </>
      );
    } else if (scene === 'spotlight') {
      panels = spotlight && (
        <>
          <div className="wall-slot" style={place(layout.left)}>
            <WallIndicators
              title={t('wall.townshipIndicators', { name: spotlight.name })}
              indicators={spotlight.indicators}
              testId="wall-scene-spotlight"
            />
          </div>
          <div className="wall-slot" style={place(spanOf(right))}>
            <LaggingList lagging={spotlightCompounds} columns={right.length} />
          </div>
        </>
      );
    } else {
      panels = (
        <>
          <div className="wall-slot" style={place(layout.left)} data-testid={`wall-scene-${scene}`}>
            <WallLegend
              title={t(`layer.${scene}`)}
              entries={legendFor(scene, rows)}
              facts={layerFacts(scene, report.data, t)}
            />
          </div>
          <div className="wall-slot" style={place(spanOf(right))}>
            <TownshipBreakdown
              layer={scene}
              townships={report.data.townships}
              compounds={rows}
              columns={right.length}
            />
          </div>
        </>
      );
    }
  }

  return (
    <div
      className={`wall ${layout.wide ? 'wall-wide' : ''}`}
      data-testid="wall"
      data-ready={ready}
      data-scene={scene}
      data-scale={s}
      data-revision={live.revision ?? ''}
      data-connected={live.connected}
    >
      {townships.data && city && style && (
        <WallMap
          style={style}
          cityBounds={city.bounds}
          layers={layers}
          box={mapBox}
          bounds={bounds}
          padding={mapPadding}
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
            count={params.scenes.length}
            paused={rotation.paused}
            dataTime={dataTime}
            connected={live.connected}
            demo={info.data?.dataset.source === 'demo'}
            city={cityName(city, locale)}
          />
          <div className="wall-map-frame" style={place(layout.map)} />
          {ready && (scene === 'overview' || scene === 'spotlight') && (
            <WallMapLegend
              layer={layer}
              entries={legendFor(
                layer,
                scene === 'spotlight' && spotlight ? rows.filter((c) => c.townshipCode === spotlight.code) : rows,
              )}
              map={layout.map}
              scope={scene === 'spotlight' && spotlight ? spotlight.name : cityName(city, locale)}
            />
          )}
          {panels ?? <p className="wall-loading">{t('wall.loading')}</p>}
        </div>
      </div>
    </div>
  );
}
