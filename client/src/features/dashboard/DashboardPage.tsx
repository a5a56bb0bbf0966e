/**
 * `/`: the map fills the screen; the five indicators on the left, the township ranking on the
 * right, the as-of week with replay and the layer switch on top; cards open beside the map.
 * A township selected (on the map, in the ranking or by the search box) narrows the tiles, the
 * figures and the drill-throughs to it: the engine's own township figures from metrics.report.
 */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { PickingInfo } from '@deck.gl/core';
import { useCallback, useMemo, useRef, useState } from 'react';
import { trpc, type RouterOutputs } from '../../app/trpc.ts';
import { useCity } from '../../app/useCity.ts';
import { SidePanel } from '../../app/SidePanel.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { basemapStyle } from '../../map/basemapStyle.ts';
import { MapView, type MapHandle } from '../../map/MapView.tsx';
import { CompoundCard } from '../compound/CompoundCard.tsx';
import { DrillDialog } from '../indicators/DrillDialog.tsx';
import { IndicatorTiles } from '../indicators/IndicatorTiles.tsx';
import { SecondaryFigures } from '../indicators/SecondaryFigures.tsx';
import { INDICATOR_ORDER, shading, type IndicatorKey } from '../layers/choropleth.ts';
import { legendFor, type CompoundRow } from '../layers/coverageLayers.ts';
import { LayerSwitch } from '../layers/LayerSwitch.tsx';
import { Legend } from '../layers/Legend.tsx';
import { townshipLabelPlan } from '../layers/townshipLabelPlan.ts';
import { RankingPanel } from '../ranking/RankingPanel.tsx';
import { PlaceSearch } from '../search/PlaceSearch.tsx';
import { WeekControl } from '../time/WeekControl.tsx';
import { useWeekOutside, WeekOutsideNotice } from '../time/WeekOutsideNotice.tsx';
import { TownshipCard } from '../township/TownshipCard.tsx';
import { cellBounds, AGGREGATE_LAYER_ID } from './aggregateGeometry.ts';
import { asCollection, townshipAt, townshipFeatures } from './townshipFeatures.ts';
import { useDashboardLayers } from './useDashboardLayers.ts';
import { useMapCompounds, type SettledView } from './useMapCompounds.ts';
import type { CompoundAggregate } from '../../../../shared/map/mapView.ts';
import { ScopeLine } from './ScopeLine.tsx';
import { useDashboardState } from './useDashboardState.ts';
import { useDrillHighlight } from './useDrillHighlight.ts';
import { useMapFocus } from './useMapFocus.ts';

type Township = RouterOutputs['geography']['townships'][number];

interface Props {
  townships: Township[];
  weeks: string[];
  weekDate(week: string): string;
}

export function DashboardPage({ townships, weeks, weekDate }: Props) {
  const { t, locale } = useI18n();
  const state = useDashboardState(weeks);
  const asOf = weekDate(state.week);
  const weekIndex = weeks.indexOf(state.week);
  const [playing, setPlaying] = useState(false);
  const [outside, dismissOutside] = useWeekOutside(weeks);
  const [zoom, setZoom] = useState(11);
  const [hover, setHover] = useState<{ x: number; y: number; text: string } | null>(null);
  const mapRef = useRef<MapHandle>(null);

  // The view the map settled on: asked for only when the city is too large to draw whole.
  const [view, setView] = useState<SettledView | null>(null);
  const compounds = useMapCompounds(asOf, view);
  // By week: the tiles' 较上周 is last week as it was shown, as on the review board.
  const report = useQuery({
    ...trpc.metrics.report.queryOptions({ week: state.week }),
    placeholderData: keepPreviousData,
  });
  const city = useCity();
  const features = useMemo(() => townshipFeatures(townships, city?.labelPositions ?? {}), [townships, city]);
  const style = useMemo(
    () =>
      city
        ? basemapStyle({ city, townships: asCollection(features), tileUrl: import.meta.env.VITE_ONEMAP_TILE_URL })
        : null,
    [city, features],
  );
  const rows = compounds.rows;
  const aggregated = compounds.aggregated;
  // The drill-through's listed compounds, ringed on the map; kept after "在地图上显示" until cleared.
  const { drill, highlight, ...drillHighlight } = useDrillHighlight(mapRef, rows);
  const shadingScale = useMemo(
    () => (state.shade && report.data ? shading(report.data.townships, state.shade, state.mode) : null),
    [state.shade, state.mode, report.data],
  );
  // Township names spaced out, or left off, for the zoom the map is at (labels never run together).
  const labelPlan = useMemo(() => townshipLabelPlan(features, zoom), [features, zoom]);
  const layerInput = useMemo(
    () => ({
      townships: features,
      compounds: rows,
      layer: state.layer,
      shading: shadingScale,
      selectedCompound: state.compound,
      selectedTownship: state.township,
      highlighted: highlight?.codes ?? null,
      showCompoundNames: zoom >= 13,
      townshipLabelOffsets: labelPlan.moved,
      hiddenTownshipLabels: labelPlan.dropped,
    }),
    [features, rows, state.layer, shadingScale, state.compound, state.township, zoom, highlight, labelPlan],
  );
  const { layers, firstView, onDrawn } = useDashboardLayers(layerInput, aggregated, locale, compounds.isSuccess);
  const legend = useMemo(() => legendFor(state.layer, rows), [state.layer, rows]);
  const ready = compounds.ready && !report.isPlaceholderData && report.isSuccess;

  const onHover = useCallback(
    (info: PickingInfo) => {
      if (info.layer?.id === AGGREGATE_LAYER_ID && info.object) {
        const count = t('map.compounds', { count: (info.object as CompoundAggregate).compounds });
        const name = features.find((f) => f.properties.code === (info.object as CompoundAggregate).key)?.properties
          .name;
        return setHover({ x: info.x, y: info.y, text: name ? `${name} · ${count}` : count });
      }
      const object = (info.object as CompoundRow | undefined) ?? townshipAt(features, info.coordinate);
      const text = !object
        ? null
        : 'households' in object
          ? `${object.name} · ${t('tooltip.households', { count: object.households })}`
          : object.properties.name;
      setHover(text === null ? null : { x: info.x, y: info.y, text });
    },
    [t, setHover, features],
  );
  const onClick = useCallback(
    (info: PickingInfo) => {
      // A cell zooms in to its compounds; a township's bubble selects it, as its area does.
      const bubble = info.layer?.id === AGGREGATE_LAYER_ID ? (info.object as CompoundAggregate | undefined) : undefined;
      if (bubble && aggregated?.cellDeg) return mapRef.current?.fitBounds(cellBounds(bubble.key, aggregated.cellDeg));
      if (bubble) {
        state.setCompound(null);
        return state.setTownship(bubble.key);
      }
      const object = (info.object as CompoundRow | undefined) ?? townshipAt(features, info.coordinate);
      if (!object) return;
      if ('households' in object) {
        state.setCompound(object.code);
      } else {
        state.setCompound(null);
        state.setTownship(object.properties.code);
      }
    },
    [state, features, aggregated],
  );
  const { fitTownship, selectTownship, pickPlace, backToCity } = useMapFocus(mapRef, features, rows, state);

  const selectedCompound = state.compound ? rows.find((c) => c.code === state.compound) : undefined;
  const selectedTownship = state.township ? report.data?.townships.find((tw) => tw.code === state.township) : undefined;
  // What the tiles, figures and drill-throughs are of: the selected township, else the city.
  const scope = selectedTownship ?? report.data?.city;
  // A township code in the link that names no township: the city is shown, and the notice says why.
  const unknownTownship = state.township !== null && report.data !== undefined && selectedTownship === undefined;
  // The township page opens on the week shown (no parameter for the current one).
  const pageWeek = state.week === weeks[weeks.length - 1] ? null : state.week;

  return (
    <div className="dashboard">
      <div className="toolbar">
        <WeekControl
          weeks={weeks}
          index={weekIndex}
          onChange={(i) => {
            dismissOutside();
            state.setWeek(weeks[i]!);
          }}
          playing={playing}
          onPlayingChange={setPlaying}
          ready={ready}
          asOf={asOf}
          replay={state.replay}
          onReplayChange={({ from, to, speed }) => {
            if (from !== undefined) state.setReplayFrom(from);
            if (to !== undefined) state.setReplayTo(to);
            if (speed !== undefined) state.setReplaySpeed(speed);
          }}
        />
        <LayerSwitch value={state.layer} onChange={state.setLayer} />
        <label className="select">
          <span>{t('choropleth.label')}</span>
          <select
            value={state.shade ?? ''}
            onChange={(e) => state.setShade((e.target.value || null) as IndicatorKey | null)}
            data-testid="shade-select"
          >
            <option value="">{t('choropleth.none')}</option>
            {INDICATOR_ORDER.map((key) => (
              <option key={key} value={key}>
                {t(`indicator.short.${key}`)}
              </option>
            ))}
          </select>
          <select
            value={state.mode}
            onChange={(e) => state.setMode(e.target.value as 'value' | 'gap')}
            disabled={!state.shade}
            aria-label={t('choropleth.label')}
          >
            <option value="value">{t('choropleth.mode.value')}</option>
            <option value="gap">{t('choropleth.mode.gap')}</option>
          </select>
        </label>
      </div>
      <div className="workspace">
        <SidePanel id="dashboard-indicators" side="left" title={t('indicators.title')}>
          {selectedTownship && <ScopeLine township={selectedTownship} week={pageWeek} onBackToCity={backToCity} />}
          {scope && (
            <IndicatorTiles
              indicators={scope.indicators}
              label={selectedTownship ? t('scope.tilesOf', { township: selectedTownship.name }) : undefined}
              selected={state.indicator}
              onSelect={state.setIndicator}
              onDrill={drillHighlight.openDrill}
            />
          )}
        </SidePanel>
        {/* A press on the map pauses the replay: the person is looking at this week. */}
        <div className="map-area" onPointerDownCapture={() => setPlaying(false)}>
          {style && city && (
            <MapView
              ref={mapRef}
              style={style}
              cityBounds={city.bounds}
              layers={layers}
              firstView={firstView}
              onDrawn={onDrawn}
              onHover={onHover}
              onClick={onClick}
              onZoom={setZoom}
              onMoveEnd={
                compounds.perView
                  ? (settled) => {
                      const bbox = mapRef.current?.viewBounds();
                      if (bbox) setView({ bbox, zoom: settled.zoom });
                    }
                  : undefined
              }
              label={t('app.title')}
            />
          )}
          <WeekOutsideNotice
            outside={outside}
            shown={state.week}
            onPick={(w) => {
              dismissOutside();
              state.setWeek(w);
            }}
            onDismiss={dismissOutside}
          />
          {((outside ? state.invalidBesidesWeek : state.invalidUrl) || unknownTownship) && (
            <p className="notice" role="status" data-testid="invalid-url-notice">
              {t('app.invalidUrl')}
            </p>
          )}
          {highlight && drillHighlight.chipShown && (
            <p className="highlight-chip" role="status" data-testid="drill-highlight">
              {t('drill.highlighted', {
                count: highlight.codes.size,
                indicator: t(`indicator.short.${highlight.indicator}`),
              })}
              <button
                type="button"
                className="link"
                onClick={drillHighlight.clearHighlight}
                data-testid="drill-highlight-clear"
              >
                {t('drill.clearHighlight')}
              </button>
            </p>
          )}
          <PlaceSearch townships={townships} compounds={rows} onPick={pickPlace} />
          <div className="map-controls">
            <button type="button" className="button" onClick={() => mapRef.current?.fitCity()} data-testid="fit-city">
              {t('map.fitCity')}
            </button>
          </div>
          <Legend
            layer={state.layer}
            entries={legend}
            loading={!compounds.isSuccess}
            aggregated={aggregated ? { kind: aggregated.kind, total: compounds.total } : null}
            shading={state.shade && shadingScale ? { key: state.shade, mode: state.mode, scale: shadingScale } : null}
          />
          {hover && (
            <div className="tooltip" style={{ left: hover.x + 12, top: hover.y + 12 }} role="tooltip">
              {hover.text}
            </div>
          )}
          {selectedCompound ? (
            <CompoundCard compound={selectedCompound} asOf={asOf} onClose={() => state.setCompound(null)} />
          ) : selectedTownship ? (
            <TownshipCard
              township={selectedTownship}
              onClose={() => state.setTownship(null)}
              onFit={() => fitTownship(selectedTownship.code)}
              week={pageWeek}
            />
          ) : null}
          <span
            className="sr-only"
            data-testid="compound-count"
            data-week={state.week}
            data-ready={ready}
            data-total={compounds.total}
            data-aggregated={aggregated?.kind ?? ''}
          >
            {rows.length}
          </span>
        </div>
        <SidePanel id="dashboard-ranking" side="right" title={t('ranking.title')}>
          {report.data && (
            <RankingPanel
              townships={report.data.townships}
              indicator={state.shade ?? state.indicator}
              selected={state.township}
              onSelect={selectTownship}
            />
          )}
          {scope && (
            <SecondaryFigures
              figures={scope.secondary}
              title={selectedTownship ? t('scope.secondaryOf', { township: selectedTownship.name }) : undefined}
            />
          )}
        </SidePanel>
      </div>
      {drill && (
        <DrillDialog
          indicator={drill}
          asOf={asOf}
          townshipCode={selectedTownship?.code ?? null}
          goalMet={scope?.indicators[drill].met ?? null}
          onClose={drillHighlight.closeDrill}
          onHighlight={drillHighlight.onDrillHighlight}
          onShowOnMap={drillHighlight.keepHighlight}
          onOpenCompound={(code) => {
            // The compound's card opens; the tiles stay on the township the list was of.
            drillHighlight.leaveForCompound();
            state.setCompound(code);
          }}
        />
      )}
    </div>
  );
}
