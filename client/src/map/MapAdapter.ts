/**
 * The one module that touches maplibre and deck.gl imperatively. React components hand it
 * layers and callbacks; it owns the map, the interleaved deck.gl overlay (drawn in maplibre's own
 * WebGL context, which costs the same as maplibre's layers — see BENCHMARKS.md) and their events.
 * deck.gl is loaded (import()) with the first deck.gl layers handed over: a first view drawn with
 * maplibre's own layers (setFirstView, nativeScene.ts) needs none of its code.
 */
import type { MapLibreOverlay } from '@deck.gl/maplibre';
import type { Layer, PickingInfo } from '@deck.gl/core';
import { Map as MapLibreMap, setWorkerUrl, type LngLatBoundsLike, type StyleSpecification } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?worker&url';
import 'maplibre-gl/dist/maplibre-gl.css';
import { boundsTuple, type Bounds } from '../../../shared/city/cityDefinition.ts';
import { NativeScene, styleWithFirstView, type NativeLayer } from './nativeScene.ts';

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
  /** Called each time the map has drawn what it was last handed (layers or a first view). */
  onDrawn?: () => void;
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
   * A first view known when the map is created (the page carried its answers): put in the
   * style, it loads and draws with the basemap rather than after it.
   */
  firstView?: NativeLayer[];
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

/** What a first view draws, as the map writes it (`data-drawn`): layer id and number of objects. */
const drawnOf = (layers: readonly NativeLayer[]) => layers.map((l) => `${l.id}:${l.size}`).join(' ');

/** What the map is to draw: deck.gl layers, or a first view in maplibre's own layers. */
type Handover = { deck: Layer[]; native?: never } | { native: NativeLayer[]; deck?: never };

export class MapAdapter {
  readonly map: MapLibreMap;
  private overlay: MapLibreOverlay | null = null;
  private overlayLoading: Promise<MapLibreOverlay> | null = null;
  private readonly native: NativeScene;
  /** Handed over before the basemap style loaded; shown once it has. */
  private pending: Handover | null = null;
  private loaded = false;
  /** The latest deck.gl hand-over, resolved once deck.gl holds its layers. */
  private deckShown: Promise<void> = Promise.resolve();
  private readonly styleLoaded: Promise<void>;
  private destroyed = false;
  private readonly onHover: ((info: PickingInfo) => void) | undefined;
  private readonly onDrawn: (() => void) | undefined;
  private readonly cityBounds: Bounds;
  private readonly initialFirstView: NativeLayer[] | null = null;

  constructor(options: MapAdapterOptions) {
    this.cityBounds = options.cityBounds;
    this.onHover = options.onHover;
    this.onDrawn = options.onDrawn;
    // Where a first render's time goes: before the map exists, or after (its style, its points).
    performance.mark('onemap:map-created');
    this.map = new MapLibreMap({
      container: options.container,
      style: options.firstView ? styleWithFirstView(options.style, options.firstView) : options.style,
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
    this.native = new NativeScene(this.map);
    if (options.firstView) {
      this.initialFirstView = options.firstView;
      this.native.adopt(options.firstView);
      this.whenDrawn(this.handedOver(), drawnOf(options.firstView));
    }
    // Clicks are taken from maplibre and picked on demand: deck.gl's own tap recogniser drops
    // clicks whose mouse-up is handled late, which happens on slow (software-rendered) walls.
    if (options.onClick) {
      const onClick = options.onClick;
      this.map.on('click', (event) => {
        if (!this.loaded) return; // nothing drawn yet
        const coordinate = [event.lngLat.lng, event.lngLat.lat];
        const info = this.drawing ? null : this.pick(event.point);
        onClick(
          info
            ? { ...info, coordinate }
            : ({ object: undefined, x: event.point.x, y: event.point.y, coordinate } as PickingInfo),
        );
      });
    }
    // deck.gl's overlay reports hovers once it shows layers; the first view's are picked here.
    if (options.onHover) {
      const onHover = options.onHover;
      this.map.on('mousemove', (event) => {
        if (!this.native.active) return;
        const coordinate = [event.lngLat.lng, event.lngLat.lat];
        const info = this.pick(event.point);
        onHover({ ...(info ?? { object: undefined, x: event.point.x, y: event.point.y }), coordinate } as PickingInfo);
      });
    }
    // Layers join maplibre's layer stack. Added before the style has loaded, they would end up
    // beneath the basemap's fills, so they wait for 'load'.
    this.styleLoaded = new Promise((resolve) =>
      this.map.once('load', () => {
        performance.mark('onemap:map-load');
        this.loaded = true;
        const pending = this.pending;
        this.pending = null;
        if (pending?.deck) this.deckShown = this.showDeck(pending.deck);
        else if (pending?.native) this.showNative(pending.native);
        resolve();
      }),
    );
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
    // Test and benchmark hook: a camera move ended (`onemap:moved`) and maplibre drew what it needed for it (the
    // basemap's tiles); the map-at-scale benchmark times a pan of a city drawn whole by it.
    let settled = 0;
    this.map.on('moveend', () => {
      performance.mark('onemap:moved');
      this.map.once('idle', () => {
        this.map.getContainer().dataset.settledVersion = String(++settled);
        performance.mark('onemap:settled');
      });
    });
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

  /**
   * Hands deck.gl its layers (loading deck.gl the first time). Resolves once deck.gl holds them
   * (or a later hand-over replaced them); the first view's maplibre layers then go.
   */
  setLayers(layers: Layer[]): Promise<void> {
    if (!this.loaded) {
      this.pending = { deck: layers };
      return this.styleLoaded.then(() => this.deckShown);
    }
    this.deckShown = this.showDeck(layers);
    return this.deckShown;
  }

  /** The first view in maplibre's own layers (nativeScene.ts), until deck.gl layers are handed over. */
  setFirstView(layers: NativeLayer[]): void {
    // The one the map was created with: already in its style.
    if (layers === this.initialFirstView && this.layersVersion === 1) return;
    if (!this.loaded) this.pending = { native: layers };
    else this.showNative(layers);
  }

  private pick(point: { x: number; y: number }): PickingInfo | null {
    if (this.native.active) {
      const hit = this.native.pick(point, 3);
      return hit
        ? ({ layer: { id: hit.layerId }, object: hit.object, index: hit.index, x: point.x, y: point.y } as PickingInfo)
        : null;
    }
    return this.overlay?.pickObject({ x: point.x, y: point.y, radius: 3 }) ?? null;
  }

  private loadOverlay(): Promise<MapLibreOverlay> {
    this.overlayLoading ??= import('@deck.gl/maplibre').then(({ MapLibreOverlay }) => {
      const overlay = new MapLibreOverlay({
        interleaved: true,
        layers: [],
        ...(this.onHover ? { onHover: this.onHover } : {}),
      });
      if (!this.destroyed) this.map.addControl(overlay);
      this.overlay = overlay;
      return overlay;
    });
    return this.overlayLoading;
  }

  private showNative(layers: NativeLayer[]): void {
    const version = this.handedOver();
    this.overlay?.setProps({ layers: [] });
    this.native.show(layers);
    this.whenDrawn(version, drawnOf(layers));
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
  private async showDeck(layers: Layer[]): Promise<void> {
    const version = this.handedOver();
    const overlay = this.overlay ?? (await this.loadOverlay());
    if (version !== this.layersVersion || this.destroyed) return;
    // In the same frame: deck.gl's layers come as the first view's go.
    this.native.clear();
    overlay.setProps({ layers });
    this.map.triggerRepaint();
    const drawn = layers.map((l) => `${l.id}:${Array.isArray(l.props.data) ? l.props.data.length : '?'}`).join(' ');
    this.whenDrawn(version, drawn);
  }

  private handedOver(): number {
    const version = ++this.layersVersion;
    this.map.getContainer().dataset.layersVersion = String(version);
    return version;
  }

  private whenDrawn(version: number, drawn: string): void {
    this.map.once('idle', () => {
      if (version !== this.layersVersion) return;
      this.map.getContainer().dataset.drawnVersion = String(version);
      this.map.getContainer().dataset.drawn = drawn;
      performance.mark('onemap:drawn', { detail: drawn });
      this.onDrawn?.();
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
    this.destroyed = true;
    try {
      if (this.overlay) this.map.removeControl(this.overlay);
    } catch {
      /* the overlay's GL resources are gone with the context */
    }
    this.map.remove();
  }
}
