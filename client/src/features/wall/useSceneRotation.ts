/**
 * Which scene is on: each stays up for its own number of seconds (scenePlan.ts); an operator steps with ← / → and pauses or
 * resumes with the space bar. `cycle` counts the passes through the list (the township spotlight
 * moves on to the next township on each pass). One timer at a time, cleared on every change.
 */
import { useCallback, useEffect, useState } from 'react';

export interface SceneRotation {
  index: number;
  cycle: number;
  paused: boolean;
  step(by: number): void;
}

export function useSceneRotation(durationsSeconds: readonly number[]): SceneRotation {
  const count = durationsSeconds.length;
  const [position, setPosition] = useState(0);
  const [paused, setPaused] = useState(false);
  const step = useCallback(
    (by: number) => setPosition((p) => (p + by < 0 ? p + by + Math.max(1, count) : p + by)),
    [count],
  );

  const seconds = count ? durationsSeconds[position % count]! : 0;
  useEffect(() => {
    if (paused || count === 0) return;
    const timer = window.setTimeout(() => setPosition(position + 1), seconds * 1000);
    return () => window.clearTimeout(timer);
  }, [position, paused, count, seconds]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'ArrowRight') step(1);
      else if (event.key === 'ArrowLeft') step(-1);
      else if (event.key === ' ' || event.code === 'Space') setPaused((p) => !p);
      else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [step]);

  return { index: count ? position % count : 0, cycle: count ? Math.floor(position / count) : 0, paused, step };
}
