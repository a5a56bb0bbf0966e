/**
 * What the dashboard's map draws: first in maplibre's own layers (firstViewScene.ts), then — once
 * the first view is on screen, or at once for what only deck.gl draws (the issue density, names,
 * the aggregated map) — in deck.gl's, loaded then (import()), so the first view's JavaScript does
 * not carry deck.gl.
 */
import type { Layer } from '@deck.gl/core';
import { useEffect, useMemo, useState } from 'react';
import type { CompoundAggregate } from '../../../../shared/map/mapView.ts';
import type { NativeLayer } from '../../map/nativeScene.ts';
import type { MapLayerInput } from '../layers/deckLayers.ts';
import { drawnWithoutDeck, firstViewScene } from '../layers/firstViewScene.ts';
import type { AggregateKind } from './aggregateGeometry.ts';

interface DeckFactories {
  mapLayers: typeof import('../layers/deckLayers.ts').mapLayers;
  aggregateLayers: typeof import('./aggregateLayers.ts').aggregateLayers;
  withAggregates: typeof import('./aggregateLayers.ts').withAggregates;
}

const loadDeck = (): Promise<DeckFactories> =>
  Promise.all([import('../layers/deckLayers.ts'), import('./aggregateLayers.ts')]).then(([layers, aggregates]) => ({
    mapLayers: layers.mapLayers,
    aggregateLayers: aggregates.aggregateLayers,
    withAggregates: aggregates.withAggregates,
  }));

export interface DashboardLayers {
  /** deck.gl's layers once loaded (null until then). */
  layers: Layer[] | null;
  /** The first view in maplibre's layers while deck.gl is not loaded. */
  firstView: NativeLayer[] | null;
  /** For MapView's onDrawn: the first view is on screen, deck.gl may load now. */
  onDrawn(): void;
}

export function useDashboardLayers(
  input: MapLayerInput,
  aggregated: { kind: AggregateKind; aggregates: CompoundAggregate[] } | null,
  locale: string,
  /** The compounds have arrived: before, an empty first view would count as drawn and load deck.gl early. */
  answered: boolean,
): DashboardLayers {
  const [firstDrawn, setFirstDrawn] = useState(false);
  const [deck, setDeck] = useState<DeckFactories | null>(null);
  const native = drawnWithoutDeck(input, aggregated !== null);
  const wanted = firstDrawn || !native;
  useEffect(() => {
    if (!wanted || deck) return;
    let live = true;
    // A chunk that fails to load leaves the first view drawn by maplibre: still the whole map.
    const load = () =>
      void loadDeck().then(
        (factories) => live && setDeck(factories),
        () => undefined,
      );
    // After a first view, at the page's first quiet moment: deck.gl's code and shaders would
    // otherwise hold the page the instant the map has drawn (maplibre answers clicks meanwhile).
    const quiet = native ? whenQuiet(load) : (load(), () => undefined);
    return () => {
      live = false;
      quiet();
    };
  }, [wanted, deck, native]);
  const layers = useMemo(
    () =>
      deck
        ? deck.withAggregates(
            deck.mapLayers(input),
            aggregated ? deck.aggregateLayers(aggregated.kind, aggregated.aggregates, input.townships, locale) : [],
          )
        : null,
    [deck, input, aggregated, locale],
  );
  const firstView = useMemo(
    () => (deck || !native || !answered ? null : firstViewScene(input)),
    [deck, native, answered, input],
  );
  return { layers, firstView, onDrawn: () => setFirstDrawn(true) };
}

/** Runs `task` when the page is idle (within a second at most); returns a cancel. */
function whenQuiet(task: () => void): () => void {
  if (typeof requestIdleCallback !== 'function') {
    const timer = setTimeout(task, 200);
    return () => clearTimeout(timer);
  }
  const handle = requestIdleCallback(task, { timeout: 1000 });
  return () => cancelIdleCallback(handle);
}
