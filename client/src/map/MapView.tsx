/** A thin React host for MapAdapter: creates it once, hands it layers, forwards events. */
import type { Layer, PickingInfo } from '@deck.gl/core';
import type { StyleSpecification } from 'maplibre-gl';
import { forwardRef, useEffect, useImperativeHandle, useRef } from 'react';
import type { Bounds } from '../../../shared/city/cityDefinition.ts';
import { useI18n } from '../i18n/index.tsx';
import { MapAdapter, type MapViewState } from './MapAdapter.ts';
import type { NativeLayer } from './nativeScene.ts';

export interface MapHandle {
  fitCity(): void;
  fitBounds(bounds: [number, number, number, number]): void;
  setDrawing(drawing: boolean): void;
  snapshot(): Promise<Blob>;
  /** What the map shows now: [west, south, east, north]. */
  viewBounds(): [number, number, number, number] | null;
}

interface Props {
  style: StyleSpecification;
  /** The city's extent (system.info → city): the first view fits it, fitCity returns to it. */
  cityBounds: Bounds;
  /** deck.gl's layers; null while the map shows `firstView`. */
  layers: Layer[] | null;
  /** A first view in maplibre's own layers (nativeScene.ts), drawn until `layers` are given. */
  firstView?: NativeLayer[] | null;
  /** Called each time the map has drawn what it was last handed. */
  onDrawn?: () => void;
  onHover?: (info: PickingInfo) => void;
  onClick?: (info: PickingInfo) => void;
  onZoom?: (zoom: number) => void;
  onReady?: () => void;
  onPointerMove?: (lngLat: [number, number]) => void;
  onMoveEnd?: (view: MapViewState) => void;
  /** Read once, when the map is created. */
  initialView?: MapViewState;
  label: string;
}

export const MapView = forwardRef<MapHandle, Props>(function MapView(
  {
    style,
    cityBounds,
    layers,
    firstView,
    onDrawn,
    onHover,
    onClick,
    onZoom,
    onReady,
    onPointerMove,
    onMoveEnd,
    initialView,
    label,
  },
  ref,
) {
  const container = useRef<HTMLDivElement>(null);
  const adapter = useRef<MapAdapter | null>(null);
  // Latest callbacks without re-creating the map.
  const callbacks = useRef({ onHover, onClick, onZoom, onReady, onPointerMove, onMoveEnd, onDrawn });
  callbacks.current = { onHover, onClick, onZoom, onReady, onPointerMove, onMoveEnd, onDrawn };
  const startView = useRef(initialView);
  // A first view already known when the map is created goes into its style (MapAdapter).
  const latestFirstView = useRef(layers ? null : firstView);
  latestFirstView.current = layers ? null : firstView;
  // The canvas's name in the page's language ("地图"), not maplibre's English "Map".
  const canvasLabel = useI18n().t('map.canvas');
  const firstLabel = useRef(canvasLabel);

  useEffect(() => {
    const instance = new MapAdapter({
      container: container.current!,
      style,
      cityBounds,
      onHover: (info) => callbacks.current.onHover?.(info),
      onClick: (info) => callbacks.current.onClick?.(info),
      onZoom: (zoom) => callbacks.current.onZoom?.(zoom),
      onReady: () => callbacks.current.onReady?.(),
      onPointerMove: (lngLat) => callbacks.current.onPointerMove?.(lngLat),
      onMoveEnd: (view) => callbacks.current.onMoveEnd?.(view),
      onDrawn: () => callbacks.current.onDrawn?.(),
      canvasLabel: firstLabel.current,
      keepCityInView: true,
      ...(startView.current ? { initialView: startView.current } : {}),
      ...(latestFirstView.current ? { firstView: latestFirstView.current } : {}),
    });
    adapter.current = instance;
    return () => {
      adapter.current = null;
      instance.destroy();
    };
  }, [style, cityBounds]);

  useEffect(() => {
    adapter.current?.canvas.setAttribute('aria-label', canvasLabel);
  }, [canvasLabel, style]);

  useEffect(() => {
    if (layers) void adapter.current?.setLayers(layers);
    else if (firstView) adapter.current?.setFirstView(firstView);
  }, [layers, firstView, style]);

  useImperativeHandle(ref, () => ({
    fitCity: () => adapter.current?.fitCity(),
    fitBounds: (bounds) => adapter.current?.fitBounds(bounds),
    setDrawing: (drawing) => adapter.current?.setDrawing(drawing),
    snapshot: () => adapter.current?.snapshot() ?? Promise.reject(new Error('map not ready')),
    viewBounds: () => adapter.current?.viewBounds() ?? null,
  }));

  return <div ref={container} className="map-view" role="application" aria-label={label} data-testid="map" />;
});
