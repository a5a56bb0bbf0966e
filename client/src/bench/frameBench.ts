/**
 * Frame-time bench page (not part of the product's first view): draws the compounds ×N either
 * as the product draws them (deck.gl, interleaved), as a lone deck.gl ScatterplotLayer (instanced,
 * stock) or QuadScatterplotLayer (the product's non-instanced points), or as a
 * bare maplibre circle layer of the same points at the same size, moves the map every animation
 * frame and reports frame times on window.onemapBench.
 *
 * Query: ?mode=deck|quad|maplibre|product&motion=pan|zoom|replay&scale=1|100&frames=120[&only=layer,ids][&warmup=10]
 * - pan: 6 px left and right; zoom: ±0.05 zoom levels around the centre;
 * - replay: the compounds' state steps through consecutive ISO weeks, as the week control's
 *   play button does (the weeks are fetched before timing starts, so the figure is drawing,
 *   not the network). The maplibre baseline recolours its circles by replacing the source's
 *   data, which is how a plain maplibre map would replay.
 *
 * The product draws what the dashboard draws for the whole city: above MAP_ROW_CAP compounds
 * (×100: 34,700) that is one bubble per township (map.view's answer, counted here from the same
 * rows), not every compound; the other modes draw every point.
 */
import type { FeatureCollection, Point } from 'geojson';
import type { GeoJSONSource } from 'maplibre-gl';
import { MapAdapter } from '../map/MapAdapter.ts';
import { basemapStyle } from '../map/basemapStyle.ts';
import { compoundRadius } from '../features/layers/mapMetrics.ts';
import { townshipFeatures, asCollection } from '../features/dashboard/townshipFeatures.ts';
import { colorOf, type CompoundRow } from '../features/layers/coverageLayers.ts';
import { trpcClient } from '../app/trpc.ts';
import { addDays } from '../../../shared/time/dates.ts';

declare global {
  interface Window {
    onemapBench?: {
      ready: boolean;
      warmedUp?: boolean;
      frameTimes?: number[];
      firstRenderMs?: number;
      /** Milliseconds from navigation to the map first idle with every point drawn. */
      drawnAt?: number;
      error?: string;
    };
    /** With ?warmup=N the page stops after N frames until the harness calls this (it reads CPU counters meanwhile). */
    onemapBenchGo?: () => void;
  }
}

type Mode = 'deck' | 'quad' | 'maplibre' | 'product';
type Motion = 'pan' | 'zoom' | 'replay';

const params = new URLSearchParams(location.search);
const mode = (params.get('mode') ?? 'deck') as Mode;
const motion = (params.get('motion') ?? 'pan') as Motion;
const scale = Number(params.get('scale') ?? '1');
const frames = Number(params.get('frames') ?? '120');
/** Weeks cycled through by the replay motion. */
const REPLAY_WEEKS = 12;
const result: NonNullable<Window['onemapBench']> = { ready: false };
window.onemapBench = result;

/** Deterministic jitter so every run (and every replayed week) draws the same synthetic city. */
function multiply(rows: CompoundRow[], n: number): CompoundRow[] {
  if (n <= 1) return rows;
  let seed = 42;
  const rand = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648 - 0.5;
  return Array.from({ length: rows.length * n }, (_, i) => {
    const c = rows[i % rows.length]!;
    return { ...c, code: `${c.code}-${i}`, lon: c.lon + rand() * 0.02, lat: c.lat + rand() * 0.02 };
  });
}

const partyColor = colorOf('party');

function pointCollection(rows: readonly CompoundRow[]): FeatureCollection<Point, { r: number; color: string }> {
  return {
    type: 'FeatureCollection',
    features: rows.map((c) => ({
      type: 'Feature',
      properties: { r: compoundRadius(c.households), color: partyColor(c) },
      geometry: { type: 'Point', coordinates: [c.lon, c.lat] },
    })),
  };
}

/** Weekly compound states, oldest first, ending at today's week. */
async function replayWeeks(today: string): Promise<CompoundRow[][]> {
  const dates = Array.from({ length: REPLAY_WEEKS }, (_, i) => addDays(today, -7 * (REPLAY_WEEKS - 1 - i)));
  const weeks = await Promise.all(dates.map((asOf) => trpcClient.compounds.status.query({ asOf })));
  return weeks.map((rows) => multiply(rows, scale));
}

async function main(): Promise<void> {
  const [townships, info] = await Promise.all([trpcClient.geography.townships.query(), trpcClient.system.info.query()]);
  const weeks =
    motion === 'replay'
      ? await replayWeeks(info.today)
      : [multiply(await trpcClient.compounds.status.query({ asOf: info.today }), scale)];
  const rows = weeks[weeks.length - 1]!;
  const features = townshipFeatures(townships, info.city.labelPositions);
  const style = basemapStyle({ city: info.city, townships: asCollection(features) });
  if (mode === 'maplibre') {
    style.sources.points = { type: 'geojson', data: pointCollection(rows) };
    style.layers.push({
      id: 'points',
      type: 'circle',
      source: 'points',
      paint: {
        'circle-radius': ['get', 'r'],
        'circle-color': ['get', 'color'],
        'circle-stroke-width': 1,
        'circle-stroke-color': '#081423',
      },
    });
  }
  const started = performance.now();
  const adapter = new MapAdapter({ container: document.getElementById('map')!, style, cityBounds: info.city.bounds });
  // deck.gl is loaded with its first layers: they are drawn once it holds them.
  // The maplibre baseline is a bare page: it loads no deck.gl.
  const deckMode = mode === 'maplibre' ? null : mode;
  const deck = deckMode ? await import('./benchDeckLayers.ts') : null;
  const deckLayersFor = (week: readonly CompoundRow[]) =>
    deck!.deckLayersFor(deckMode!, week, features, params.get('only'));
  if (deck) await adapter.setLayers(deckLayersFor(rows));
  await new Promise<void>((resolve) => adapter.map.once('idle', () => resolve()));
  result.drawnAt = performance.now();
  result.firstRenderMs = result.drawnAt - started;
  const centre = adapter.map.getZoom();

  /** One step of the motion; returns once the map has drawn it. */
  const step = async (i: number): Promise<void> => {
    const drawn = new Promise<void>((resolve) => adapter.map.once('render', () => resolve()));
    if (motion === 'pan') adapter.map.panBy([i % 2 === 0 ? 6 : -6, 0], { duration: 0 });
    else if (motion === 'zoom') adapter.map.jumpTo({ zoom: centre + (i % 2 === 0 ? 0.05 : 0) });
    else {
      const week = weeks[i % weeks.length]!;
      if (mode === 'maplibre') (adapter.map.getSource('points') as GeoJSONSource).setData(pointCollection(week));
      else void adapter.setLayers(deckLayersFor(week));
    }
    await drawn;
    // maplibre builds the tiles of new GeoJSON data in its worker: a replayed week is on screen
    // only once the map is idle again, so wait for that too (deck.gl draws on the next render).
    if (motion === 'replay' && mode === 'maplibre' && !adapter.map.loaded())
      await new Promise<void>((resolve) => adapter.map.once('idle', () => resolve()));
    await new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));
  };

  const times: number[] = [];
  const warmup = Number(params.get('warmup') ?? '0');
  let last = performance.now();
  for (let i = 0; i < frames; i++) {
    if (warmup > 0 && i === warmup) {
      result.warmedUp = true;
      await new Promise<void>((resolve) => (window.onemapBenchGo = resolve));
      last = performance.now();
    }
    await step(i);
    const now = performance.now();
    times.push(now - last);
    last = now;
  }
  result.frameTimes = times;
  result.ready = true;
}

main().catch((error: Error) => {
  result.error = error.message;
  result.ready = true;
});
