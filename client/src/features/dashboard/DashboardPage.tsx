/**
 * `/`: the map fills the screen; the five indicators on the left, the township ranking on the
 * right, the as-of week with replay and the layer switch on top; cards open beside the map.
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
import { mapLayers } from '../layers/deckLayers.ts';
import { LayerSwitch } from '../layers/LayerSwitch.tsx';
import { Legend } from '../layers/Legend.tsx';
import { townshipLabelPlan } from '../layers/townshipLabelPlan.ts';
import { RankingPanel } from '../ranking/RankingPanel.tsx';
import { WeekControl } from '../time/WeekControl.tsx';
import { TownshipCard } from '../township/TownshipCard.tsx';
import { asCollection, boundsOf, townshipAt, townshipFeatures } from './townshipFeatures.ts';
import { useDashboardState } from './useDashboardState.ts';

type Township = RouterOutputs['geography']['townships'][number];

interface Props {
  townships: Township[];
  weeks: string[];
  weekDate(week: string): string;
}

export function DashboardPage({ townships, weeks, weekDate }: Props) {
  const { t } = useI18n();
  const state = useDashboardState(weeks);
  const asOf = weekDate(state.week);
  const weekIndex = weeks.indexOf(state.week);
  const [playing, setPlaying] = useState(false);
  const [zoom, setZoom] = useState(11);
  const [hover, setHover] = useState<{ x: number; y: number; text: string } | null>(null);
  const [drill, setDrill] = useState<IndicatorKey | null>(null);
  // The drill-through's listed compounds, ringed on the map; kept after "在地图上显示" until cleared.
  const [highlight, setHighlight] = useState<{ indicator: IndicatorKey; codes: ReadonlySet<string> } | null>(null);
  const [highlightKept, setHighlightKept] = useState(false);
  const mapRef = useRef<MapHandle>(null);

  const compounds = useQuery({ ...trpc.compounds.status.queryOptions({ asOf }), placeholderData: keepPreviousData });
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
  const rows = useMemo(() => compounds.data ?? [], [compounds.data]);
  const shadingScale = useMemo(
    () => (state.shade && report.data ? shading(report.data.townships, state.shade, state.mode) : null),
    [state.shade, state.mode, report.data],
  );
  // Township names spaced out, or left off, for the zoom the map is at (labels never run together).
  const labelPlan = useMemo(() => townshipLabelPlan(features, zoom), [features, zoom]);
  const layers = useMemo(
    () =>
      mapLayers({
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
  const legend = useMemo(() => legendFor(state.layer, rows), [state.layer, rows]);
  const ready = !compounds.isPlaceholderData && !report.isPlaceholderData && compounds.isSuccess && report.isSuccess;

  const onHover = useCallback(
    (info: PickingInfo) => {
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
      const object = (info.object as CompoundRow | undefined) ?? townshipAt(features, info.coordinate);
      if (!object) return;
      if ('households' in object) {
        state.setCompound(object.code);
      } else {
        state.setCompound(null);
        state.setTownship(object.properties.code);
      }
    },
    [state, features],
  );
  const fitTownship = (code: string) => {
    const feature = features.find((f) => f.properties.code === code);
    if (feature) mapRef.current?.fitBounds(boundsOf(feature));
  };

  const onDrillHighlight = useCallback(
    (codes: readonly string[] | null) =>
      setHighlight(codes && drill ? { indicator: drill, codes: new Set(codes) } : null),
    [drill, setHighlight],
  );
  /** The list closes; its compounds stay ringed, the map fits them, and a chip offers to clear them. */
  const keepHighlight = (codes: readonly string[]) => {
    setHighlightKept(true);
    setDrill(null);
    const listed = rows.filter((c) => codes.includes(c.code));
    if (listed.length > 0)
      mapRef.current?.fitBounds([
        Math.min(...listed.map((c) => c.lon)),
        Math.min(...listed.map((c) => c.lat)),
        Math.max(...listed.map((c) => c.lon)),
        Math.max(...listed.map((c) => c.lat)),
      ]);
  };
  const closeDrill = () => {
    setDrill(null);
    setHighlight(null);
  };
  const openDrill = (key: IndicatorKey) => {
    setHighlightKept(false);
    setDrill(key);
  };
  const clearHighlight = () => {
    setHighlight(null);
    setHighlightKept(false);
  };

  const selectedCompound = state.compound ? rows.find((c) => c.code === state.compound) : undefined;
  const selectedTownship = state.township ? report.data?.townships.find((tw) => tw.code === state.township) : undefined;

  return (
    <div className="dashboard">
      <div className="toolbar">
        <WeekControl
          weeks={weeks}
          index={weekIndex}
          onChange={(i) => state.setWeek(weeks[i]!)}
          playing={playing}
          onPlayingChange={setPlaying}
          ready={ready}
          asOf={asOf}
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
          {report.data && (
            <IndicatorTiles
              indicators={report.data.city.indicators}
              selected={state.indicator}
              onSelect={state.setIndicator}
              onDrill={openDrill}
            />
          )}
        </SidePanel>
        <div className="map-area">
          {style && city && (
            <MapView
              ref={mapRef}
              style={style}
              cityBounds={city.bounds}
              layers={layers}
              onHover={onHover}
              onClick={onClick}
              onZoom={setZoom}
              label={t('app.title')}
            />
          )}
          {state.invalidUrl && (
            <p className="notice" role="status" data-testid="invalid-url-notice">
              {t('app.invalidUrl')}
            </p>
          )}
          {highlight && highlightKept && !drill && (
            <p className="highlight-chip" role="status" data-testid="drill-highlight">
              {t('drill.highlighted', {
                count: highlight.codes.size,
                indicator: t(`indicator.short.${highlight.indicator}`),
              })}
              <button type="button" className="link" onClick={clearHighlight} data-testid="drill-highlight-clear">
                {t('drill.clearHighlight')}
              </button>
            </p>
          )}
          <div className="map-controls">
            <button type="button" className="button" onClick={() => mapRef.current?.fitCity()} data-testid="fit-city">
              {t('map.fitCity')}
            </button>
          </div>
          <Legend
            layer={state.layer}
            entries={legend}
            loading={!compounds.isSuccess}
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
            />
          ) : null}
          <span className="sr-only" data-testid="compound-count" data-week={state.week} data-ready={ready}>
            {rows.length}
          </span>
        </div>
        <SidePanel id="dashboard-ranking" side="right" title={t('ranking.title')}>
          {report.data && (
            <RankingPanel
              townships={report.data.townships}
              indicator={state.indicator}
              selected={state.township}
              onSelect={(code) => {
                state.setCompound(null);
                state.setTownship(code);
                fitTownship(code);
              }}
            />
          )}
          {report.data && <SecondaryFigures figures={report.data.city.secondary} />}
        </SidePanel>
      </div>
      {drill && (
        <DrillDialog
          indicator={drill}
          asOf={asOf}
          townshipCode={null}
          goalMet={report.data?.city.indicators[drill].met ?? null}
          onClose={closeDrill}
          onHighlight={onDrillHighlight}
          onShowOnMap={keepHighlight}
          onOpenCompound={(code) => {
            setHighlightKept(true);
            setDrill(null);
            state.setTownship(null);
            state.setCompound(code);
          }}
        />
      )}
    </div>
  );
}
