/**
 * The first view drawn by maplibre's own layers: points as circles and areas as fills and lines,
 * styled per feature (data-driven paint). The dashboard draws its first view this way, so that the
 * page needs neither deck.gl's code nor its shaders before the compounds are on screen; deck.gl
 * (MapAdapter.setLayers) takes over once it has loaded. Ids are the deck.gl layers' own, so what
 * the map writes it drew (`data-drawn`) reads the same whichever draws it.
 */
import type {
  GeoJSONSource,
  GeoJSONSourceSpecification,
  LayerSpecification,
  Map as MapLibreMap,
  PointLike,
  StyleSpecification,
} from 'maplibre-gl';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { Rgba } from './theme.ts';
import './nativeScene.css';

export interface NativeCircles<T> {
  id: string;
  objects: readonly T[];
  position(o: T): [number, number];
  /** Pixels to the middle of the outline (deck.gl's ScatterplotLayer's meaning). */
  radius(o: T): number;
  /** null: a ring, not filled. */
  fill: ((o: T) => Rgba) | null;
  line(o: T): Rgba;
  lineWidth(o: T): number;
  pickable: boolean;
}

export interface NativeAreas<T extends Feature<Polygon | MultiPolygon>> {
  id: string;
  features: readonly T[];
  /** null: not filled (or not outlined). */
  fill(f: T): Rgba | null;
  line(f: T): Rgba | null;
  lineWidth: number;
}

/**
 * Names as HTML over the map: the basemap carries no glyphs (maplibre's text needs them), and a
 * first view's few township names do not need deck.gl's text layer.
 */
export interface NativeLabels<T> {
  id: string;
  objects: readonly T[];
  position(o: T): [number, number];
  text(o: T): string;
  /** Pixels down (negative: up) from the position. */
  offsetY(o: T): number;
}

/** One layer of a first view, its object type erased (build it with `circles`, `areas` or `labels`). */
export type NativeLayer = { readonly kind: 'circles' | 'areas' | 'labels'; readonly id: string; readonly size: number };

interface Label {
  at: [number, number];
  text: string;
  dy: number;
}

interface Stored {
  kind: 'circles' | 'areas' | 'labels';
  labels?: Label[];
  id: string;
  size: number;
  data: FeatureCollection;
  objects: readonly unknown[];
  pickable: boolean;
  lineWidth: number;
}

const css = ([r, g, b, a]: Rgba) => `rgba(${r},${g},${b},${(a / 255).toFixed(3)})`;
const TRANSPARENT = 'rgba(0,0,0,0)';

export function circles<T>(spec: NativeCircles<T>): NativeLayer {
  const features = spec.objects.map((o, i) => {
    const width = spec.lineWidth(o);
    return {
      type: 'Feature' as const,
      properties: {
        i,
        // maplibre draws the outline outside the radius; deck.gl centres it on the radius.
        r: Math.max(0, spec.radius(o) - width / 2),
        fill: spec.fill ? css(spec.fill(o)) : TRANSPARENT,
        line: css(spec.line(o)),
        lw: width,
      },
      geometry: { type: 'Point' as const, coordinates: spec.position(o) },
    };
  });
  const stored: Stored = {
    kind: 'circles',
    id: spec.id,
    size: spec.objects.length,
    data: { type: 'FeatureCollection', features },
    objects: spec.objects,
    pickable: spec.pickable,
    lineWidth: 0,
  };
  return stored;
}

export function areas<T extends Feature<Polygon | MultiPolygon>>(spec: NativeAreas<T>): NativeLayer {
  const features = spec.features.map((f) => {
    const fill = spec.fill(f);
    const line = spec.line(f);
    return {
      type: 'Feature' as const,
      properties: { ...(fill ? { fill: css(fill) } : {}), ...(line ? { line: css(line) } : {}) },
      geometry: f.geometry,
    };
  });
  const stored: Stored = {
    kind: 'areas',
    id: spec.id,
    size: spec.features.length,
    data: { type: 'FeatureCollection', features },
    objects: spec.features,
    pickable: false,
    lineWidth: spec.lineWidth,
  };
  return stored;
}

export function labels<T>(spec: NativeLabels<T>): NativeLayer {
  const stored: Stored = {
    kind: 'labels',
    id: spec.id,
    size: spec.objects.length,
    labels: spec.objects.map((o) => ({ at: spec.position(o), text: spec.text(o), dy: spec.offsetY(o) })),
    data: { type: 'FeatureCollection', features: [] },
    objects: spec.objects,
    pickable: false,
    lineWidth: 0,
  };
  return stored;
}

const PREFIX = 'first-view:';

/** A layer's GeoJSON source and maplibre layers, as the scene adds them (or a style carries them). */
function styleEntries(layer: Stored): { source: GeoJSONSourceSpecification; layers: LayerSpecification[] } {
  const id = PREFIX + layer.id;
  const source: GeoJSONSourceSpecification = { type: 'geojson', data: layer.data };
  if (layer.kind === 'circles')
    return {
      source,
      layers: [
        {
          id,
          type: 'circle',
          source: id,
          paint: {
            'circle-radius': ['get', 'r'],
            'circle-color': ['to-color', ['get', 'fill']],
            'circle-stroke-color': ['to-color', ['get', 'line']],
            'circle-stroke-width': ['get', 'lw'],
          },
        },
      ],
    };
  return {
    source,
    layers: [
      {
        id: `${id}:fill`,
        type: 'fill',
        source: id,
        filter: ['has', 'fill'],
        paint: { 'fill-color': ['to-color', ['get', 'fill']] },
      },
      {
        id: `${id}:line`,
        type: 'line',
        source: id,
        filter: ['has', 'line'],
        paint: { 'line-color': ['to-color', ['get', 'line']], 'line-width': layer.lineWidth },
      },
    ],
  };
}

/**
 * The basemap's style with a first view's layers on top, so that a map created with both loads
 * and draws them together (as a bare maplibre page given its points does) instead of adding the
 * first view once the basemap has loaded. The map's NativeScene then `adopt`s them.
 */
export function styleWithFirstView(style: StyleSpecification, layers: readonly NativeLayer[]): StyleSpecification {
  const drawn = (layers as readonly Stored[]).filter((l) => !l.labels).map(styleEntries);
  const ids = (layers as readonly Stored[]).filter((l) => !l.labels).map((l) => PREFIX + l.id);
  return {
    ...style,
    sources: { ...style.sources, ...Object.fromEntries(ids.map((id, i) => [id, drawn[i]!.source])) },
    layers: [...style.layers, ...drawn.flatMap((d) => d.layers)],
  };
}

/** The layer was shown before with the very same features. */
function sameData(shown: readonly Stored[], layer: Stored): boolean {
  const before = shown.find((l) => l.id === layer.id && l.kind === layer.kind);
  return (
    before !== undefined && (before.data === layer.data || JSON.stringify(before.data) === JSON.stringify(layer.data))
  );
}

/** What a click or hover hit: the layer's id and the object drawn there. */
export interface NativePick {
  layerId: string;
  object: unknown;
  index: number;
}

/** The first view's layers on one map: shown, replaced, picked and cleared away. */
export class NativeScene {
  private shown: Stored[] = [];
  /** The names shown, by layer id: placed over the canvas at each frame the map draws. */
  private readonly names = new Map<string, { label: Label; element: HTMLElement }[]>();
  private readonly placeNames = () => {
    for (const list of this.names.values())
      for (const { label, element } of list) {
        const { x, y } = this.map.project(label.at);
        element.style.transform = `translate(${x}px, ${y + label.dy}px) translate(-50%, -50%)`;
      }
  };

  constructor(private readonly map: MapLibreMap) {}

  get active(): boolean {
    return this.shown.length > 0;
  }

  show(layers: readonly NativeLayer[]): void {
    const next = layers as readonly Stored[];
    for (const old of this.shown) if (!next.some((l) => l.id === old.id && l.kind === old.kind)) this.remove(old);
    next.forEach((layer, i) => {
      if (layer.labels) return this.showLabels(layer.id, layer.labels);
      const source = this.map.getSource<GeoJSONSource>(PREFIX + layer.id);
      // The same features again (the names moved for a new zoom, say): maplibre's worker is not
      // asked to tile them anew, which would put off the map's next 'idle'.
      if (source) return sameData(this.shown, layer) ? undefined : source.setData(layer.data);
      // In the scene's order: beneath the first later layer already on the map (a shading chosen
      // after the first view goes under the compounds).
      const above = next
        .slice(i + 1)
        .filter((l) => l.kind !== 'labels')
        .map((l) => (l.kind === 'circles' ? PREFIX + l.id : `${PREFIX}${l.id}:fill`))
        .find((id) => this.map.getLayer(id));
      this.add(layer, above);
    });
    this.shown = [...next];
  }

  /**
   * A first view already in the style the map was created with (`styleWithFirstView`): its
   * sources load with the basemap's. Only its names are placed here.
   */
  adopt(layers: readonly NativeLayer[]): void {
    const next = layers as readonly Stored[];
    for (const layer of next) if (layer.labels) this.showLabels(layer.id, layer.labels);
    this.shown = [...next];
  }

  clear(): void {
    for (const layer of this.shown) this.remove(layer);
    this.shown = [];
  }

  pick(point: { x: number; y: number }, radius: number): NativePick | null {
    const ids = this.shown.filter((l) => l.pickable).map((l) => PREFIX + l.id);
    if (ids.length === 0) return null;
    const box: [PointLike, PointLike] = [
      [point.x - radius, point.y - radius],
      [point.x + radius, point.y + radius],
    ];
    // Topmost first, as deck.gl's pickObject answers.
    const hit = this.map.queryRenderedFeatures(box, { layers: ids })[0];
    if (!hit) return null;
    const layer = this.shown.find((l) => PREFIX + l.id === hit.layer.id);
    const index = Number(hit.properties.i);
    return layer ? { layerId: layer.id, object: layer.objects[index], index } : null;
  }

  private add(layer: Stored, beforeId: string | undefined): void {
    const { source, layers } = styleEntries(layer);
    this.map.addSource(PREFIX + layer.id, source);
    for (const spec of layers) this.map.addLayer(spec, beforeId);
  }

  private showLabels(id: string, list: readonly Label[]): void {
    this.removeNames(id);
    const container = this.map.getCanvasContainer();
    this.names.set(
      id,
      list.map((label) => {
        const element = document.createElement('div');
        element.className = 'first-view-label';
        element.textContent = label.text;
        container.append(element);
        return { label, element };
      }),
    );
    this.map.off('render', this.placeNames);
    this.map.on('render', this.placeNames);
    this.placeNames();
  }

  private removeNames(id: string): void {
    for (const { element } of this.names.get(id) ?? []) element.remove();
    this.names.delete(id);
    if (this.names.size === 0) this.map.off('render', this.placeNames);
  }

  private remove(layer: Stored): void {
    this.removeNames(layer.id);
    const id = PREFIX + layer.id;
    for (const layerId of [id, `${id}:fill`, `${id}:line`])
      if (this.map.getLayer(layerId)) this.map.removeLayer(layerId);
    if (this.map.getSource(id)) this.map.removeSource(id);
  }
}
