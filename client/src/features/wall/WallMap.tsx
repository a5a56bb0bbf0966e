/**
 * The wall's one map, kept across scenes: placed in real pixels over the scene's map slot (a
 * WebGL canvas inside CSS zoom would be resampled and blurred), given the scene's layers and
 * camera. If the WebGL context is lost (driver reset, GPU hang on a long-running wall) the map is
 * rebuilt — a new surface — when the context is restored, or after a timeout if it never is.
 */
import type { Layer } from '@deck.gl/core';
import type { StyleSpecification } from 'maplibre-gl';
import { useEffect, useEffectEvent, useRef, useState } from 'react';
import type { Bounds } from '../../../../shared/city/cityDefinition.ts';
import { MapAdapter } from '../../map/MapAdapter.ts';

const REBUILD_AFTER_MS = 3000;
/**
 * Out-of-view tiles kept per source, in screenfuls. maplibre keeps five by default, about 45 tiles
 * of ≈ 80 KB of JS heap each per source on the wall's map slot; the spotlight scene visits a new
 * township every minute, so that cache filled for the first half hour (heap snapshots: the tile
 * caches were the one structure that kept growing). One screenful still holds the overview while a
 * township is spotlit, and the last township when the overview comes back.
 */
const TILE_CACHE_SCREENS = 1;

export interface WallMapProps {
  style: StyleSpecification;
  layers: Layer[];
  /** Real-pixel box. */
  box: { left: number; top: number; width: number; height: number };
  /** The city's extent (system.info → city): where the map may be panned. */
  cityBounds: Bounds;
  /** [west, south, east, north]; the map fits it whenever it (or the box) changes. */
  bounds: [number, number, number, number];
  padding: number;
  label: string;
}

export function WallMap(props: WallMapProps) {
  const [generation, setGeneration] = useState(0);
  return <MapSurface key={generation} {...props} generation={generation} onLost={() => setGeneration((g) => g + 1)} />;
}

function MapSurface({
  style,
  cityBounds,
  layers,
  box,
  bounds,
  padding,
  label,
  generation,
  onLost,
}: WallMapProps & { generation: number; onLost(): void }) {
  const container = useRef<HTMLDivElement>(null);
  const adapter = useRef<MapAdapter | null>(null);
  const initialView = useEffectEvent((instance: MapAdapter) => {
    void instance.setLayers(layers);
    instance.fitBounds(bounds, false, padding);
  });
  const rebuild = useEffectEvent(() => onLost());

  useEffect(() => {
    const instance = new MapAdapter({
      container: container.current!,
      style,
      cityBounds,
      tileCacheScreens: TILE_CACHE_SCREENS,
    });
    adapter.current = instance;
    initialView(instance);
    let timer: number | undefined;
    const onContextLost = (event: Event) => {
      event.preventDefault(); // lets the browser restore it
      timer = window.setTimeout(rebuild, REBUILD_AFTER_MS);
    };
    const onRestored = () => {
      window.clearTimeout(timer);
      rebuild();
    };
    const canvas = instance.canvas;
    canvas.addEventListener('webglcontextlost', onContextLost);
    canvas.addEventListener('webglcontextrestored', onRestored);
    return () => {
      window.clearTimeout(timer);
      canvas.removeEventListener('webglcontextlost', onContextLost);
      canvas.removeEventListener('webglcontextrestored', onRestored);
      adapter.current = null;
      instance.destroy();
    };
  }, [style, cityBounds]);

  useEffect(() => {
    void adapter.current?.setLayers(layers);
  }, [layers]);

  const [w, s, e, n] = bounds;
  const { width, height } = box;
  useEffect(() => {
    const instance = adapter.current;
    const element = container.current;
    if (!instance || !element) return;
    element.style.width = `${width}px`;
    element.style.height = `${height}px`;
    instance.resize();
    instance.fitBounds([w, s, e, n], false, padding);
  }, [w, s, e, n, padding, width, height]);

  return (
    <div
      ref={container}
      className="wall-map"
      style={{ left: box.left, top: box.top, width, height }}
      role="img"
      aria-label={label}
      data-testid="wall-map"
      data-generation={generation}
    />
  );
}
