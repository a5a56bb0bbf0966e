/** A thin React host for MapAdapter: creates it once, hands it layers, forwards events. */
import type { Layer, PickingInfo } from '@deck.gl/core';
import type { StyleSpecification } from 'maplibre-gl';
import { forwardRef, useEffect, useImperativeHandle, useRef } from 'react';
import { MapAdapter } from './MapAdapter.ts';

export interface MapHandle {
  fitCity(): void;
  fitBounds(bounds: [number, number, number, number]): void;
}

interface Props {
  style: StyleSpecification;
  layers: Layer[];
  onHover?: (info: PickingInfo) => void;
  onClick?: (info: PickingInfo) => void;
  onZoom?: (zoom: number) => void;
  onReady?: () => void;
  label: string;
}

export const MapView = forwardRef<MapHandle, Props>(function MapView({ style, layers, onHover, onClick, onZoom, onReady, label }, ref) {
  const container = useRef<HTMLDivElement>(null);
  const adapter = useRef<MapAdapter | null>(null);
  // Latest callbacks without re-creating the map.
  const callbacks = useRef({ onHover, onClick, onZoom, onReady });
  callbacks.current = { onHover, onClick, onZoom, onReady };

  useEffect(() => {
    const instance = new MapAdapter({
      container: container.current!,
      style,
      onHover: (info) => callbacks.current.onHover?.(info),
      onClick: (info) => callbacks.current.onClick?.(info),
      onZoom: (zoom) => callbacks.current.onZoom?.(zoom),
      onReady: () => callbacks.current.onReady?.(),
    });
    adapter.current = instance;
    return () => {
      adapter.current = null;
      instance.destroy();
    };
  }, [style]);

  useEffect(() => {
    adapter.current?.setLayers(layers);
  }, [layers, style]);

  useImperativeHandle(ref, () => ({
    fitCity: () => adapter.current?.fitCity(),
    fitBounds: (bounds) => adapter.current?.fitBounds(bounds),
  }));

  return <div ref={container} className="map-view" role="application" aria-label={label} data-testid="map" />;
});
