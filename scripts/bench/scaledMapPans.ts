/**
 * Pans of the dashboard's map at zoom 14 (scaledMapBench.ts): the keyboard zooms in about the
 * centre until the compounds are drawn one by one, then the mouse drags the map to places not
 * seen yet and each pan is timed in the page from the release to the view's compounds drawn.
 */
import type { Browser, Page } from 'playwright-core';
import { currentLoad } from './benchReport.ts';
import { firstViewToken, signedInPage, type City } from './scaledMapBench.ts';

export interface PanSample {
  /** Release → the view's compounds drawn (×N), or → the map settled (×1), in-page clock. */
  total: number;
  /** Release → the camera's move ended (maplibre's moveend: the drag's last frames drawn). */
  moved: number;
  /** Move ended → map.view asked (React, the fetch). */
  asking: number | null;
  /** Of `asking`, the main thread in long tasks (> 50 ms): busy (drawing, scripts) rather than waiting. */
  busy: number | null;
  /** map.view's answer: request sent → last byte (localhost: the server's time). */
  answer: number | null;
  answerBytes: number | null;
  /** Last byte → drawn (parse, layers, maplibre's idle). */
  drawing: number | null;
  compounds: number;
  viewTotal: number;
  load: number;
}

/** The map's versions and what it shows. */
async function mapState(page: Page) {
  return page.evaluate(() => {
    const map = document.querySelector<HTMLElement>('[data-testid="map"]')!;
    const count = document.querySelector<HTMLElement>('[data-testid="compound-count"]')!;
    return {
      layers: Number(map.dataset.layersVersion ?? 0),
      drawn: Number(map.dataset.drawnVersion ?? 0),
      settled: Number(map.dataset.settledVersion ?? 0),
      text: map.dataset.drawn ?? '',
      ready: count.dataset.ready === 'true',
      total: Number(count.dataset.total),
      aggregated: count.dataset.aggregated ?? '',
    };
  });
}

/**
 * Zooms in with the keyboard (a whole level a press, about the centre) until the compounds are
 * drawn one by one, or `presses` times (the city drawn whole: as many as the larger city took, so
 * both pan at the same zoom); returns the presses.
 */
async function zoomToCompounds(page: Page, wholeCity: boolean, presses = 4): Promise<number> {
  for (let i = 0; i < presses; i++) {
    const before = await mapState(page);
    if (!wholeCity && i > 0 && before.aggregated === '' && before.ready) return i;
    await page.locator('.maplibregl-canvas').focus();
    await page.keyboard.press('Equal');
    await page.waitForFunction(
      ([layers, settled, whole]) => {
        const map = document.querySelector<HTMLElement>('[data-testid="map"]')!;
        const count = document.querySelector<HTMLElement>('[data-testid="compound-count"]')!;
        if (whole) return Number(map.dataset.settledVersion ?? 0) > settled;
        const drawn = Number(map.dataset.drawnVersion ?? 0);
        return count.dataset.ready === 'true' && drawn > layers && drawn === Number(map.dataset.layersVersion);
      },
      [before.layers, before.settled, wholeCity] as const,
      { timeout: 60_000 },
    );
  }
  if (!wholeCity && (await mapState(page)).aggregated !== '')
    throw new Error('the map never drew compounds one by one');
  return presses;
}

/**
 * The pans, as fractions of the map's width and height (the mouse dragged by them; the camera moves
 * the other way): each one at zoom 14 moves the view by 85 % of its size, so the view's snapped
 * question is always new and most of what it shows was not on screen; a snake about the centre.
 */
const PANS: readonly [number, number][] = [
  [0.85, 0],
  [0, 0.85],
  [-0.85, 0],
  [-0.85, 0],
  [0, -0.85],
  [0, -0.85],
  [0.85, 0],
  [0.85, 0],
];

async function pan(page: Page, city: City, wholeCity: boolean, [dx, dy]: [number, number]): Promise<PanSample | null> {
  const before = await mapState(page);
  // Within the map's canvas (the side panels and the header take the rest of the page).
  const box = (await page.locator('.maplibregl-canvas').boundingBox())!;
  [dx, dy] = [dx * box.width, dy * box.height];
  const x0 = box.x + box.width / 2 - dx / 2;
  const y0 = box.y + box.height / 2 - dy / 2;
  await page.mouse.move(x0, y0);
  await page.mouse.down();
  await page.mouse.move(x0 + dx, y0 + dy, { steps: 12 });
  // Held still before the release: maplibre then adds no inertia, the move ends at the release.
  await page.waitForTimeout(300);
  await page.evaluate(() => {
    (window as { onemapReleasedAt?: number }).onemapReleasedAt = undefined;
    // The main thread's long tasks (> 50 ms), kept from the first pan on: what blocks the asking.
    const w = window as { onemapLongTasks?: [number, number][] };
    if (!w.onemapLongTasks) {
      const tasks: [number, number][] = (w.onemapLongTasks = []);
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) tasks.push([e.startTime, e.duration]);
      }).observe({ type: 'longtask' });
    }
    window.addEventListener(
      'pointerup',
      () => ((window as { onemapReleasedAt?: number }).onemapReleasedAt = performance.now()),
      {
        once: true,
        capture: true,
      },
    );
  });
  const load = currentLoad();
  await page.mouse.up();
  try {
    await page.waitForFunction(
      ([layers, settled, whole]) => {
        const released = (window as { onemapReleasedAt?: number }).onemapReleasedAt;
        const map = document.querySelector<HTMLElement>('[data-testid="map"]')!;
        if (released === undefined) return false;
        if (whole) return Number(map.dataset.settledVersion ?? 0) > settled;
        const count = document.querySelector<HTMLElement>('[data-testid="compound-count"]')!;
        const drawn = Number(map.dataset.drawnVersion ?? 0);
        if (count.dataset.ready !== 'true' || drawn <= layers || drawn !== Number(map.dataset.layersVersion))
          return false;
        const asked = performance
          .getEntriesByType('resource')
          .filter((e) => e.name.includes('map.view') && e.startTime >= released);
        const last = asked.at(-1) as PerformanceResourceTiming | undefined;
        const mark = performance.getEntriesByName('onemap:drawn').at(-1);
        return last !== undefined && last.responseEnd > 0 && mark !== undefined && mark.startTime >= last.responseEnd;
      },
      [before.layers, before.settled, wholeCity] as const,
      { timeout: 30_000, polling: 50 },
    );
  } catch {
    return null; // the camera was held at the city's edge: no new view
  }
  const timing = await page.evaluate(() => {
    const released = (window as { onemapReleasedAt?: number }).onemapReleasedAt!;
    const asked = performance
      .getEntriesByType('resource')
      .filter((e) => e.name.includes('map.view') && e.startTime >= released) as PerformanceResourceTiming[];
    const first = asked[0];
    const last = asked.at(-1);
    // No named helpers in here: the bundler would wrap them in a function the page does not have.
    const after = performance.getEntriesByType('mark').filter((m) => m.startTime >= released);
    const end =
      (after.filter((m) => m.name === 'onemap:drawn').at(-1) ?? after.filter((m) => m.name === 'onemap:settled').at(-1))
        ?.startTime ?? NaN;
    const moved = after.find((m) => m.name === 'onemap:moved')?.startTime ?? NaN;
    const askedAt = first?.startTime ?? NaN;
    const busy = ((window as { onemapLongTasks?: [number, number][] }).onemapLongTasks ?? []).reduce(
      (sum, [start, duration]) => sum + Math.max(0, Math.min(start + duration, askedAt) - Math.max(start, moved)),
      0,
    );
    return {
      busy: first ? busy : null,
      total: end - released,
      moved: moved - released,
      asking: first ? first.startTime - moved : null,
      answer: last ? last.responseEnd - last.requestStart : null,
      answerBytes: last ? last.encodedBodySize : null,
      drawing: last ? end - last.responseEnd : null,
    };
  });
  const after = await mapState(page);
  const compounds = Number(/(?:^| )compounds:(\d+)/.exec(after.text)?.[1] ?? 0);
  return { ...timing, compounds, viewTotal: after.total, load };
}

export async function pans(
  browser: Browser,
  city: City,
  presses?: number,
): Promise<{ samples: PanSample[]; skipped: number; presses: number }> {
  const wholeCity = city.scale === 1;
  const page = await signedInPage(browser, city);
  try {
    await page.goto(`${city.server.url}/`);
    await page.waitForSelector(`[data-testid="map"][data-drawn~="${firstViewToken(city, wholeCity)}"]`, {
      state: 'attached',
      timeout: 120_000,
    });
    const pressed = await zoomToCompounds(page, wholeCity, presses);
    const samples: PanSample[] = [];
    let skipped = 0;
    for (const move of PANS) {
      const sample = await pan(page, city, wholeCity, move);
      if (sample && (wholeCity || sample.compounds > 0)) samples.push(sample);
      else skipped++;
    }
    return { samples, skipped, presses: pressed };
  } finally {
    await page.context().close();
  }
}
