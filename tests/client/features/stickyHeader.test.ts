/**
 * Sticky table headers (the review board's) stay above the rows scrolling under them: an opaque
 * background and a stacking order above the rows' positioned content (badges, rank arrows).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const css = readFileSync('client/src/app/app.css', 'utf8');

describe('table.data sticky header', () => {
  it('is opaque and stacked above the rows', () => {
    const rule = /table\.data th \{([^}]*)\}/.exec(css)?.[1] ?? '';
    expect(rule).toMatch(/position:\s*sticky/);
    expect(rule).toMatch(/background:\s*var\(--panel\)/);
    expect(Number(/z-index:\s*(\d+)/.exec(rule)?.[1] ?? 0)).toBeGreaterThan(0);
  });
});
