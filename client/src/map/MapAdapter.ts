/**
 * The one module that touches maplibre and deck.gl imperatively. React components hand it
 * layers and callbacks; it owns the map, the interleaved deck.gl overlay (drawn in maplibre's own
 * WebGL context, which costs the same as maplibre's layers — see BENCHMARKS.md) and their events.
 */
import { MapLibreOverlay } from '@deck.gl/maplibre';
import type { Layer, PickingInfo } from '@deck.gl/core';
import { Map as MapLibreMap, setWorkerUrl, type LngLatBoundsLike, type StyleSpecification } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?worker&url';
import 'maplibre-gl/dist/maplibre-gl.css';
import { boundsTuple, type Bounds } from '../../../shared/city/cityDefinition.ts';

setWorkerUrl(workerUrl);

/** How far past the city's extent the map may be panned, in degrees (longitude, latitude). */
const PAN_MARGIN_DEG: readonly [number, number] = [0.5, 0.3];
/** The largest zoom fitBounds goes to (a small township or one compound is not shown closer). */
export const MAP_MAX_ZOOM = 15;

export interface MapAdapterOptions {
  container: HTMLElement;
  style: StyleSpecification;
  /** The city's extent, [west, south, east, north] in WGS84 degrees (from the server: system.info). */
  cityBounds: Bounds;
  onHover?: (info: PickingInfo) => void;
  onClick?: (info: PickingInfo) => void;
  onZoom?: (zoom: number) => void;
  /** Called once the basemap has been drawn. */
  onReady?: () => void;
  /** The pointer's position over the map (for drawing a selection). */
  onPointerMove?: (lngLat: [number, number]) => void;
  /** Called when a pan or zoom ends, with the new view. */
  onMoveEnd?: (view: MapViewState) => void;
  /** The canvas's accessible name (maplibre's own is the English "Map"). */
  canvasLabel?: string;
  /** Start here instead of fitting the whole city. */
  initialView?: MapViewState;
  /**
   * How many screenfuls of tiles, per source, maplibre keeps after they leave the view (its
   * default: 5). An unattended wall jumping between a few fixed views sets 1: the views it comes
   * back to stay cached, and the heap stops growing once the cache is full.
   */
  tileCacheScreens?: number;
  /**
   * Fit the city again when the map changes size, until the user pans or zooms (the analyst maps:
   * a side panel folded away or a window resized on a laptop leaves the city filling the view,
   * not the corner it was fitted into). Ignored with `initialView`.
   */
  keepCityInView?: boolean;
}

export interface MapViewState {
  lon: number;
  lat: number;
  zoom: number;
}

export class MapAdapter {
  readonly map: MapLibreMap;
  private readonly overlay: MapLibreOverlay;
  /** Layers handed over before the basemap style loaded; added once it has. */
  private pendingLayers: Layer[] | null = [];
  private readonly cityBounds: Bounds;

  constructor(options: MapAdapterOptions) {
    this.cityBounds = options.cityBounds;
    this.map = new MapLibreMap({
      container: options.container,
      style: options.style,
      ...(options.initialView
        ? {
            center: [options.initialView.lon, options.initialView.lat] as [number, number],
            zoom: options.initialView.zoom,
          }
        : { bounds: boundsTuple(options.cityBounds), fitBoundsOptions: { padding: 24 } }),
      attributionControl: false,
      ...(options.canvasLabel ? { locale: { 'Map.Title': options.canvasLabel } } : {}),
      dragRotate: false,
      pitchWithRotate: false,
      maxBounds: [
        options.cityBounds[0] - PAN_MARGIN_DEG[0],
        options.cityBounds[1] - PAN_MARGIN_DEG[1],
        options.cityBounds[2] + PAN_MARGIN_DEG[0],
        options.cityBounds[3] + PAN_MARGIN_DEG[1],
      ],
      minZoom: 8,
      maxZoom: 17,
      ...(options.tileCacheScreens !== undefined ? { maxTileCacheZoomLevels: options.tileCacheScreens } : {}),
    });
    this.map.touchZoomRotate.disableRotation();
    this.overlay = new MapLibreOverlay({
      interleaved: true,
      layers: [],
      ...(options.onHover ? { onHover: options.onHover } : {}),
    });
    // Clicks are taken from maplibre and picked on demand: deck.gl's own tap recogniser drops
    // clicks whose mouse-up is handled late, which happens on slow (software-rendered) walls.
    if (options.onClick) {
      const onClick = options.onClick;
      this.map.on('click', (event) => {
        if (this.pendingLayers) return; // nothing drawn by deck.gl yet
        const coordinate = [event.lngLat.lng, event.lngLat.lat];
        const info = this.drawing ? null : this.overlay.pickObject({ x: event.point.x, y: event.point.y, radius: 3 });
        onClick(
          info
            ? { ...info, coordinate }
            : ({ object: undefined, x: event.point.x, y: event.point.y, coordinate } as PickingInfo),
        );
      });
    }
    // Interleaved deck.gl layers join maplibre's layer stack. Added before the style has loaded,
    // they end up beneath the basemap's fills, so they wait for 'load'.
    this.map.once('load', () => {
      performance.mark('onemap:map-load');
      this.map.addControl(this.overlay);
      const layers = this.pendingLayers ?? [];
      this.pendingLayers = null;
      this.showLayers(layers);
    });
    if (options.onZoom) {
      const onZoom = options.onZoom;
      this.map.on('zoomend', () => onZoom(this.map.getZoom()));
      // The first view's zoom too (fitted to the container, not known in advance): labels are planned for it.
      this.map.once('load', () => onZoom(this.map.getZoom()));
    }
    this.keepCityInView = options.keepCityInView === true;
    this.followsCity = this.keepCityInView && !options.initialView;
    // A gesture (it has an originalEvent) hands the view to the user; fitCity takes it back.
    this.map.on('movestart', (event: { originalEvent?: unknown }) => {
      if (event.originalEvent) this.followsCity = false;
    });
    this.map.on('resize', () => {
      if (this.followsCity) this.map.fitBounds(boundsTuple(this.cityBounds), { padding: 24, duration: 0 });
    });
    if (options.onReady) this.map.once('idle', options.onReady);
    if (options.onPointerMove) {
      const onPointerMove = options.onPointerMove;
      this.map.on('mousemove', (event) => onPointerMove([event.lngLat.lng, event.lngLat.lat]));
    }
    if (options.onMoveEnd) {
      const onMoveEnd = options.onMoveEnd;
      this.map.on('moveend', () => onMoveEnd(this.view));
    }
  }

  private drawing = false;
  private readonly keepCityInView: boolean;
  private followsCity: boolean;

  /** While drawing a selection, clicks place vertices: no picking, no double-click zoom. */
  setDrawing(drawing: boolean): void {
    this.drawing = drawing;
    if (drawing) this.map.doubleClickZoom.disable();
    else this.map.doubleClickZoom.enable();
    this.map.getCanvas().style.cursor = drawing ? 'crosshair' : '';
  }

  get view(): MapViewState {
    const { lng, lat } = this.map.getCenter();
    return { lon: lng, lat, zoom: this.map.getZoom() };
  }

  viewBounds(): [number, number, number, number] {
    const b = this.map.getBounds();
    return [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()];
  }

  /** The map as drawn, as a PNG. Read inside the render event, while the frame is still in the buffer. */
  snapshot(): Promise<Blob> {
    return new Promise((resolve, reject) => {
      this.map.once('render', () => {
        const url = this.map.getCanvas().toDataURL('image/png');
        fetch(url)
          .then((r) => r.blob())
          .then(resolve, reject);
      });
      this.map.triggerRepaint();
    });
  }

  setLayers(layers: Layer[]): void {
    if (this.pendingLayers) this.pendingLayers = layers;
    else this.showLayers(layers);
  }

  /**
   * Hands deck.gl its layers and, once maplibre has drawn them (its next 'idle'), writes what
   * was drawn on the container: `data-drawn="townships:19 compounds:347 …"` (layer id and number
   * of objects). Tests and the first-render benchmark wait for it; performance marks
   * `onemap:map-load` and `onemap:drawn` show where the first view's time goes.
   *
   * Test hook: `data-layers-version` counts the hand-overs and `data-drawn-version` is the one
   * last drawn, so a browser test waits for "drawn after my click" (drawn > the version read
   * before, and equal to the latest) instead of sleeping — the layer ids, hence `data-drawn`,
   * are the same whichever coverage layer is shown.
   */
  private showLayers(layers: Layer[]): void {
    const drawn = layers.map((l) => `${l.id}:${Array.isArray(l.props.data) ? l.props.data.length : '?'}`).join(' ');
    const version = ++this.layersVersion;
    this.map.getContainer().dataset.layersVersion = String(version);
    this.overlay.setProps({ layers });
    this.map.triggerRepaint();
    this.map.once('idle', () => {
      if (version !== this.layersVersion) return;
      this.map.getContainer().dataset.drawnVersion = String(version);
      this.map.getContainer().dataset.drawn = drawn;
      performance.mark('onemap:drawn', { detail: drawn });
    });
  }

  private layersVersion = 0;

  fitBounds(bounds: LngLatBoundsLike, animate = true, padding = 40): void {
    this.followsCity = false;
    this.map.fitBounds(bounds, { padding, duration: animate ? 600 : 0, maxZoom: MAP_MAX_ZOOM });
  }

  /** After the container changed size (maplibre also watches it, but a wall wants it at once). */
  resize(): void {
    this.map.resize();
  }

  /** The WebGL canvas (for context-loss events). */
  get canvas(): HTMLCanvasElement {
    return this.map.getCanvas();
  }

  fitCity(animate = true): void {
    this.fitBounds(boundsTuple(this.cityBounds), animate);
    this.followsCity = this.keepCityInView;
  }

  get zoom(): number {
    return this.map.getZoom();
  }

  destroy(): void {
    // After a lost WebGL context, releasing GPU objects can throw; the map must go regardless.
    try {
      if (!this.pendingLayers) this.map.removeControl(this.overlay);
    } catch {
      /* the overlay's GL resources are gone with the context */
    }
    this.map.remove();
  }
}
