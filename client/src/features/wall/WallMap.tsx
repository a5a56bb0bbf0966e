/**
 * The wall's one map, kept across scenes: placed in real pixels over the scene's map slot (a
 * WebGL canvas inside CSS zoom would be resampled and blurred), given the scene's layers and
 * camera. If the WebGL context is lost (driver reset, GPU hang on a long-running wall) the map is
 * rebuilt when the context is restored, or after a timeout if it never is.
 */
import type { Layer } from '@deck.gl/core';
import type { StyleSpecification } from 'maplibre-gl';
import { useEffect, useRef, useState } from 'react';
import { MapAdapter } from '../../map/MapAdapter.ts';

const REBUILD_AFTER_MS = 3000;

interface Props {
  style: StyleSpecification;
  layers: Layer[];
  /** Real-pixel box. */
  box: { left: number; top: number; width: number; height: number };
  /** [west, south, east, north]; the map fits it whenever it (or the box) changes. */
  bounds: [number, number, number, number];
  padding: number;
  label: string;
}

export function WallMap({ style, layers, box, bounds, padding, label }: Props) {
  const container = useRef<HTMLDivElement>(null);
  const adapter = useRef<MapAdapter | null>(null);
  const [generation, setGeneration] = useState(0);
  const latest = useRef({ layers, bounds, padding });
  latest.current = { layers, bounds, padding };

  useEffect(() => {
    const instance = new MapAdapter({ container: container.current!, style });
    adapter.current = instance;
    instance.setLayers(latest.current.layers);
    instance.fitBounds(latest.current.bounds, false, latest.current.padding);
    let timer: number | undefined;
    const rebuild = () => {
      window.clearTimeout(timer);
      setGeneration((g) => g + 1);
    };
    const onLost = (event: Event) => {
      event.preventDefault(); // allow the browser to restore it
      timer = window.setTimeout(rebuild, REBUILD_AFTER_MS);
    };
    const canvas = instance.canvas;
    canvas.addEventListener('webglcontextlost', onLost);
    canvas.addEventListener('webglcontextrestored', rebuild);
    return () => {
      window.clearTimeout(timer);
      canvas.removeEventListener('webglcontextlost', onLost);
      canvas.removeEventListener('webglcontextrestored', rebuild);
      adapter.current = null;
      instance.destroy();
    };
  }, [style, generation]);

  useEffect(() => {
    adapter.current?.setLayers(layers);
  }, [layers]);

  const [w, s, e, n] = bounds;
  useEffect(() => {
    const instance = adapter.current;
    if (!instance) return;
    instance.resize();
    instance.fitBounds([w, s, e, n], false, padding);
  }, [w, s, e, n, padding, box.width, box.height]);

  return (
    <div
      ref={container}
      className="wall-map"
      style={{ left: box.left, top: box.top, width: box.width, height: box.height }}
      role="img"
      aria-label={label}
      data-testid="wall-map"
      data-generation={generation}
    />
  );
}
