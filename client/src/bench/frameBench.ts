/**
 * Frame-time bench page (not part of the product's first view): draws the compounds ×N either
 * as the product draws them (deck.gl, interleaved) or as a bare maplibre circle layer of the
 * same points at the same size, pans the map every animation frame and reports frame times
 * on window.onemapBench. Query: ?mode=deck|maplibre|product&scale=1|100&frames=120
 */
import { ScatterplotLayer } from '@deck.gl/layers';
import type { FeatureCollection, Point } from 'geojson';
import { MapAdapter } from '../map/MapAdapter.ts';
import { basemapStyle } from '../map/basemapStyle.ts';
import { compoundRadius, mapLayers } from '../features/layers/deckLayers.ts';
import { townshipFeatures, asCollection } from '../features/dashboard/townshipFeatures.ts';
import type { CompoundRow } from '../features/layers/coverageLayers.ts';
import { trpcClient } from '../app/trpc.ts';

declare global {
  interface Window {
    onemapBench?: { ready: boolean; frameTimes?: number[]; firstRenderMs?: number; error?: string };
  }
}

const params = new URLSearchParams(location.search);
const mode = params.get('mode') ?? 'deck';
const scale = Number(params.get('scale') ?? '1');
const frames = Number(params.get('frames') ?? '120');
const result: NonNullable<Window['onemapBench']> = { ready: false };
window.onemapBench = result;

/** Deterministic jitter so every run draws the same synthetic city. */
function multiply(rows: CompoundRow[], n: number): CompoundRow[] {
  if (n <= 1) return rows;
  let seed = 42;
  const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648) - 0.5;
  return Array.from({ length: rows.length * n }, (_, i) => {
    const c = rows[i % rows.length]!;
    return { ...c, code: `${c.code}-${i}`, lon: c.lon + rand() * 0.02, lat: c.lat + rand() * 0.02 };
  });
}

async function main(): Promise<void> {
  const [townships, info] = await Promise.all([trpcClient.geography.townships.query(), trpcClient.system.info.query()]);
  const rows = multiply(await trpcClient.compounds.status.query({ asOf: info.today }), scale);
  const features = townshipFeatures(townships);
  const style = basemapStyle({ townships: asCollection(features) });
  if (mode === 'maplibre') {
    const points: FeatureCollection<Point, { r: number }> = {
      type: 'FeatureCollection',
      features: rows.map((c) => ({ type: 'Feature', properties: { r: compoundRadius(c.households) }, geometry: { type: 'Point', coordinates: [c.lon, c.lat] } })),
    };
    style.sources.points = { type: 'geojson', data: points };
    style.layers.push({ id: 'points', type: 'circle', source: 'points', paint: { 'circle-radius': ['get', 'r'], 'circle-color': '#ff4d5e', 'circle-stroke-width': 1, 'circle-stroke-color': '#081423' } });
  }
  const started = performance.now();
  const adapter = new MapAdapter({ container: document.getElementById('map')!, style });
  if (mode === 'deck') {
    adapter.setLayers([
      new ScatterplotLayer<CompoundRow>({
        id: 'points', data: rows, getPosition: (c) => [c.lon, c.lat], getRadius: (c) => compoundRadius(c.households), radiusUnits: 'pixels',
        getFillColor: [255, 77, 94, 255], stroked: true, getLineColor: [8, 20, 35, 255], getLineWidth: 1, lineWidthUnits: 'pixels',
      }),
    ]);
  } else if (mode === 'product') {
    adapter.setLayers(mapLayers({ townships: features, compounds: rows, layer: 'party', shading: null, selectedCompound: null, selectedTownship: null, showCompoundNames: false }));
  }
  await new Promise<void>((resolve) => adapter.map.once('idle', () => resolve()));
  result.firstRenderMs = performance.now() - started;
  const times: number[] = [];
  let last = performance.now();
  for (let i = 0; i < frames; i++) {
    adapter.map.panBy([i % 2 === 0 ? 6 : -6, 0], { duration: 0 });
    await new Promise<void>((resolve) => adapter.map.once('render', () => resolve()));
    await new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));
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
