/**
 * Categories that are not judgements — party-organisation type (建制式/兼合式/联建式), committee
 * kind, star-rating class — drawn from a palette of blues, violets and greys that never borrows a
 * judgement colour (green, yellow, orange, red: shared/colours/judgement.ts). 建制式 is not
 * "better" than 联建式, so none of them may look like a verdict.
 *
 * Every hue is light enough to read on the dark wall and dark enough (print variant) on paper.
 */
import type { Swatch } from './judgement.ts';

export const CATEGORICAL = {
  blue: { dark: '#4d8dff', print: '#1f4fb8' },
  violet: { dark: '#a77bff', print: '#6a3fc4' },
  cyan: { dark: '#5fd0f0', print: '#0f7895' },
  pink: { dark: '#e98ce8', print: '#9c2f9a' },
  slate: { dark: '#b7c4d6', print: '#5d6b80' },
} as const satisfies Record<string, Swatch>;

/** "Not applicable / none": a category that is absent, not a failing. */
export const ABSENT: Swatch = { dark: '#55647a', print: '#9aa3b0' };

/**
 * An ordered but non-judgement scale (star classes): one hue, from deep (5★) to pale (1★), so
 * the order reads without a verdict colour.
 */
export const ORDINAL_BLUES: readonly Swatch[] = [
  { dark: '#3a6cf4', print: '#173f9e' },
  { dark: '#5f8df7', print: '#2d5bc2' },
  { dark: '#8aaefa', print: '#5a80d6' },
  { dark: '#b3c9fb', print: '#8ba4e0' },
  { dark: '#d8e3fd', print: '#b4c4ea' },
];
