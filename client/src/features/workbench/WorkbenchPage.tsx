/**
 * The analyst workbench (/workbench): filters, a drawn selection, the compound table, the
 * selection's own five indicators with drill-through, charts and downloads — all cross-filtered
 * and all held in the URL, so a copied link reproduces the view.
 */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { PickingInfo } from '@deck.gl/core';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { matchesFilter, type CompoundFilter } from '../../../../shared/compounds/compoundFilter.ts';
import {
  selectionContains,
  type Position,
  type SpatialSelection,
} from '../../../../shared/workbench/spatialSelection.ts';
import { trpc, type RouterOutputs } from '../../app/trpc.ts';
import { useCity } from '../../app/useCity.ts';
import type { Bounds } from '../../../../shared/city/cityDefinition.ts';
import { SidePanel } from '../../app/SidePanel.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { basemapStyle } from '../../map/basemapStyle.ts';
import { MapView, type MapHandle } from '../../map/MapView.tsx';
import { CompoundCard } from '../compound/CompoundCard.tsx';
import { asCollection, townshipFeatures } from '../dashboard/townshipFeatures.ts';
import { DrillDialogView } from '../indicators/DrillDialog.tsx';
import type { IndicatorKey } from '../layers/choropleth.ts';
import { legendFor } from '../layers/coverageLayers.ts';
import { LayerSwitch } from '../layers/LayerSwitch.tsx';
import { townshipLabelPlan } from '../layers/townshipLabelPlan.ts';
import { Legend } from '../layers/Legend.tsx';
import { WeekSelect } from '../review/WeekSelect.tsx';
import { CompoundTable } from './CompoundTable.tsx';
import { sortRows, type WorkbenchRow } from './compoundColumns.ts';
import { downloadTable, type TableFormat } from './exportView.ts';
import { saveBlob } from '../../app/download.ts';
import { describeFilter } from './describeFilter.ts';
import { FilterPanel } from './FilterPanel.tsx';
import { SelectionIndicators } from './SelectionIndicators.tsx';
import { useDrawing, type DrawMode } from './useDrawing.ts';
import { WorkbenchCharts } from './WorkbenchCharts.tsx';
import { workbenchLayers } from './workbenchLayers.ts';
import { parseWorkbenchUrl, workbenchSearch, type WorkbenchView } from './workbenchUrl.ts';
import './workbench.css';

type Township = RouterOutputs['geography']['townships'][number];

interface Props {
  townships: Township[];
  weeks: string[];
  weekDate(week: string): string;
  /** The city's map extent [west, south, east, north] (WGS84): links outside it are refused. */
  cityBounds: Bounds;
}

const DRAW_MODES: readonly DrawMode[] = ['polygon', 'rect', 'circle'];
/**
 * Below this width (a 1366 or 1280 laptop, a projector) the selection's figures start folded, so
 * the map and the table share the width with the filters; opened once, the panel stays open.
 */
const FOLD_FIGURES_BELOW = 1600;

function useTableHeight() {
  const ref = useRef<HTMLDivElement>(null);
  const [height, setHeight] = useState(300);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const observer = new ResizeObserver(([entry]) => setHeight(Math.floor(entry!.contentRect.height)));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return [ref, height] as const;
}

export function WorkbenchPage({ townships, weeks, weekDate, cityBounds }: Props) {
  const { t } = useI18n();
  const lastWeek = weeks[weeks.length - 1]!;
  const [initial] = useState(() =>
    parseWorkbenchUrl(window.location.search, weeks, new Set(townships.map((tw) => tw.code)), cityBounds),
  );
  const [view, setView] = useState<WorkbenchView>(initial.view);
  const [problems, setProblems] = useState(initial.problems);
  const [drill, setDrill] = useState<IndicatorKey | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [hover, setHover] = useState<{ x: number; y: number; text: string } | null>(null);
  const mapRef = useRef<MapHandle>(null);
  const [tableBox, tableHeight] = useTableHeight();
  const update = useCallback((patch: Partial<WorkbenchView>) => setView((v) => ({ ...v, ...patch })), []);

  useEffect(() => {
    const search = workbenchSearch(view, lastWeek);
    window.history.replaceState(null, '', `${window.location.pathname}${search ? `?${search}` : ''}`);
  }, [view, lastWeek]);

  const asOf = weekDate(view.week);
  const query = useQuery({ ...trpc.workbench.rows.queryOptions({ asOf }), placeholderData: keepPreviousData });
  const all = useMemo(() => query.data ?? [], [query.data]);
  const filtered = useMemo(() => all.filter((r) => matchesFilter(r, view.filter)), [all, view.filter]);
  const { selection } = view;
  const shown = useMemo(
    () => (selection ? filtered.filter((r) => selectionContains(selection, r.lon, r.lat)) : filtered),
    [filtered, selection],
  );
  const shownCodes = useMemo(() => new Set(shown.map((r) => r.code)), [shown]);
  const others = useMemo(() => all.filter((r) => !shownCodes.has(r.code)), [all, shownCodes]);
  const sorted = useMemo(() => sortRows(shown, view.sort), [shown, view.sort]);
  const ready = query.isSuccess && !query.isPlaceholderData;

  const drawing = useDrawing(useCallback((s: SpatialSelection) => update({ selection: s }), [update]));
  useEffect(() => mapRef.current?.setDrawing(drawing.mode !== null), [drawing.mode]);

  const city = useCity();
  const features = useMemo(() => townshipFeatures(townships, city?.labelPositions ?? {}), [townships, city]);
  const style = useMemo(
    () =>
      city
        ? basemapStyle({ city, townships: asCollection(features), tileUrl: import.meta.env.VITE_ONEMAP_TILE_URL })
        : null,
    [city, features],
  );
  // Township names spaced out, or left off, for the zoom the map is at (labels never run together).
  const [zoom, setZoom] = useState<number | null>(null);
  const labelPlan = useMemo(() => (zoom === null ? null : townshipLabelPlan(features, zoom)), [features, zoom]);
  const layers = useMemo(
    () =>
      workbenchLayers({
        townships: features,
        compounds: shown,
        layer: view.layer,
        shading: null,
        selectedCompound: view.compound,
        selectedTownship: null,
        showCompoundNames: false,
        townshipLabelOffsets: labelPlan?.moved ?? null,
        hiddenTownshipLabels: labelPlan?.dropped ?? null,
        others,
        selection,
        preview: drawing.preview,
        vertices: drawing.points,
      }),
    [features, shown, view.layer, view.compound, others, selection, drawing.preview, drawing.points, labelPlan],
  );
  const legend = useMemo(() => legendFor(view.layer, shown), [view.layer, shown]);

  const onClick = (info: PickingInfo) => {
    if (drawing.mode) {
      if (info.coordinate) drawing.addPoint([info.coordinate[0]!, info.coordinate[1]!] as Position);
      return;
    }
    const object = info.object as WorkbenchRow | undefined;
    if (object && 'households' in object) update({ compound: object.code });
  };
  const onHover = (info: PickingInfo) => {
    const object = info.object as WorkbenchRow | undefined;
    setHover(
      object && 'households' in object
        ? { x: info.x, y: info.y, text: `${object.name} · ${t('tooltip.households', { count: object.households })}` }
        : null,
    );
  };
  const selectView = () => {
    const bbox = mapRef.current?.viewBounds();
    if (bbox) update({ selection: { kind: 'rect', bbox } });
  };
  const run = async (label: string, job: () => Promise<void>) => {
    setStatus(t('workbench.working', { what: label }));
    try {
      await job();
      setStatus(t('workbench.done', { what: label }));
    } catch (error) {
      setStatus(t('workbench.failed', { what: label, message: (error as Error).message }));
    }
  };
  const exportTable = (format: TableFormat) =>
    run(format.toUpperCase(), () =>
      downloadTable({
        asOf,
        codes: sorted.map((r) => r.code),
        format,
        selection,
        filter: describeFilter(view.filter, {
          t,
          townshipName: (code) => townships.find((tw) => tw.code === code)?.name ?? code,
          selection: selection !== null,
        }),
      }),
    );
  const exportPng = () =>
    run('PNG', async () => {
      const blob = await mapRef.current!.snapshot();
      saveBlob(blob, `地图-${view.week}.png`);
    });
  const copyLink = () =>
    run(t('workbench.link'), async () => {
      await navigator.clipboard.writeText(window.location.href);
    });
  const setFilter = (filter: CompoundFilter) => update({ filter });
  /** From the table: open the compound's card and bring it into view. */
  const showCompound = (code: string) => {
    update({ compound: code });
    const row = all.find((r) => r.code === code);
    if (row) mapRef.current?.fitBounds([row.lon - 0.012, row.lat - 0.01, row.lon + 0.012, row.lat + 0.01]);
  };
  const selected = view.compound ? all.find((r) => r.code === view.compound) : undefined;
  const drillRows = drill ? shown.map((r) => ({ ...r, ...r.contributions[drill] })) : [];

  return (
    <div className="workbench">
      <div className="toolbar">
        <WeekSelect weeks={weeks} latest={lastWeek} value={view.week} onChange={(week) => update({ week })} />
        <LayerSwitch value={view.layer} onChange={(layer) => update({ layer })} />
        <div className="segmented" role="group" aria-label={t('workbench.draw')}>
          {DRAW_MODES.map((mode) => (
            <button
              key={mode}
              type="button"
              className={drawing.mode === mode ? 'active' : ''}
              aria-pressed={drawing.mode === mode}
              onClick={() => (drawing.mode === mode ? drawing.cancel() : drawing.start(mode))}
              data-testid={`draw-${mode}`}
            >
              {t(`workbench.draw.${mode}`)}
            </button>
          ))}
          <button type="button" onClick={selectView} data-testid="select-view">
            {t('workbench.draw.view')}
          </button>
        </div>
        {drawing.mode === 'polygon' && (
          <button
            type="button"
            className="button"
            onClick={drawing.finish}
            disabled={drawing.points.length < 3}
            data-testid="draw-finish"
          >
            {t('workbench.draw.finish')}
          </button>
        )}
        {selection && (
          <button
            type="button"
            className="button"
            onClick={() => update({ selection: null })}
            data-testid="clear-selection"
          >
            {t('workbench.clearSelection')}
          </button>
        )}
        <span className="spacer" />
        <div className="segmented" role="group" aria-label={t('workbench.export')}>
          {(['csv', 'xlsx', 'geojson'] as const).map((format) => (
            <button
              key={format}
              type="button"
              onClick={() => void exportTable(format)}
              disabled={sorted.length === 0}
              data-testid={`export-${format}`}
            >
              {format === 'geojson' ? 'GeoJSON' : format.toUpperCase()}
            </button>
          ))}
          <button type="button" onClick={() => void exportPng()} data-testid="export-png">
            PNG
          </button>
        </div>
        <button type="button" className="button" onClick={() => void copyLink()} data-testid="copy-link">
          {t('workbench.copyLink')}
        </button>
      </div>
      <div className="workbench-grid">
        <SidePanel id="workbench-filters" side="left" title={t('workbench.filters')}>
          <FilterPanel filter={view.filter} onChange={setFilter} townships={townships} rows={all} />
        </SidePanel>
        <div className="workbench-centre">
          <div className="map-area">
            {style && city && (
              <MapView
                ref={mapRef}
                style={style}
                cityBounds={city.bounds}
                layers={layers}
                onClick={onClick}
                onHover={onHover}
                onPointerMove={drawing.setPointer}
                onZoom={setZoom}
                onMoveEnd={(v) => update({ view: v })}
                {...(initial.view.view ? { initialView: initial.view.view } : {})}
                label={t('workbench.map')}
              />
            )}
            {problems.length > 0 && (
              <p className="notice" role="status" data-testid="invalid-url-notice">
                {t('workbench.invalidUrl', { problems: problems.join('；') })}
                <button
                  type="button"
                  className="link small"
                  onClick={() => setProblems([])}
                  aria-label={t('card.close')}
                >
                  ×
                </button>
              </p>
            )}
            {drawing.mode && (
              <p className="draw-hint" role="status" data-testid="draw-hint">
                {t(`workbench.drawHint.${drawing.mode}`)}
              </p>
            )}
            <Legend layer={view.layer} entries={legend} shading={null} others={others.length} />
            {hover && !drawing.mode && (
              <div className="tooltip" style={{ left: hover.x + 12, top: hover.y + 12 }} role="tooltip">
                {hover.text}
              </div>
            )}
            {selected && <CompoundCard compound={selected} asOf={asOf} onClose={() => update({ compound: null })} />}
          </div>
          <div className="table-head">
            <strong
              data-testid="shown-count"
              data-ready={ready}
              data-total={all.length}
              data-filtered={filtered.length}
            >
              {t('workbench.count', { shown: shown.length, total: all.length })}
            </strong>
            <span className="muted">
              {selection ? t('workbench.countDetail', { filtered: filtered.length, selected: shown.length }) : ''}
              {selection && shown.length === 0 ? ` ${t('workbench.emptySelection')}` : ''}
            </span>
            <span className="spacer" />
            {status && (
              <span className="muted" role="status" data-testid="workbench-status">
                {status}
              </span>
            )}
          </div>
          <div className="table-box" ref={tableBox}>
            <CompoundTable
              rows={sorted}
              sort={view.sort}
              onSort={(sort) => update({ sort })}
              selected={view.compound}
              onSelect={showCompound}
              height={tableHeight}
            />
          </div>
        </div>
        <SidePanel
          id="workbench-figures"
          side="right"
          title={t('workbench.selectionIndicators')}
          foldBelowWidth={FOLD_FIGURES_BELOW}
        >
          <h2 className="panel-title">{t('workbench.selectionIndicators')}</h2>
          <SelectionIndicators rows={shown} onDrill={setDrill} />
          <WorkbenchCharts
            rows={shown}
            layer={view.layer}
            onTownship={(code) =>
              setFilter({
                ...view.filter,
                townships: view.filter.townships.includes(code)
                  ? view.filter.townships.filter((c) => c !== code)
                  : [code],
                communities: [],
              })
            }
          />
        </SidePanel>
      </div>
      {drill && (
        <DrillDialogView
          indicator={drill}
          data={{
            numerator: drillRows.reduce((n, r) => n + r.numeratorContribution, 0),
            denominator: drillRows.reduce((n, r) => n + r.denominatorContribution, 0),
            compounds: drillRows,
          }}
          onClose={() => setDrill(null)}
        />
      )}
    </div>
  );
}
