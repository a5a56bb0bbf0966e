/** The colour language (product brief, "Verdicts and colours") as tables of cases. */
import { describe, expect, it } from 'vitest';
import { ABSENT, CATEGORICAL, ORDINAL_BLUES } from '../../../shared/colours/categorical.ts';
import { cssVariables } from '../../../shared/colours/cssVariables.ts';
import {
  CHANGE_COLOURS,
  DENSITY_RAMP,
  hexToRgb,
  SHORTFALL_RAMP,
  shortfallColour,
  STATUS_COLOURS,
  statusColour,
  type Ground,
} from '../../../shared/colours/judgement.ts';
import { STATUSES } from '../../../shared/indicators/index.ts';

const GROUNDS: Ground[] = ['dark', 'print'];
/** Hue in degrees (0–360) of a #rrggbb colour. */
function hue(hex: string): number {
  const [r, g, b] = hexToRgb(hex).map((v) => v / 255) as [number, number, number];
  const max = Math.max(r, g, b);
  const d = max - Math.min(r, g, b);
  if (d === 0) return NaN;
  const h = max === r ? ((g - b) / d) % 6 : max === g ? (b - r) / d + 2 : (r - g) / d + 4;
  return (h * 60 + 360) % 360;
}
/** WCAG relative luminance. */
function luminance(hex: string): number {
  const [r, g, b] = hexToRgb(hex).map((v) => {
    const c = v / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
const contrast = (a: string, b: string) => {
  const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p) as [number, number];
  return (x + 0.05) / (y + 0.05);
};
const isGreen = (hex: string) => hue(hex) >= 90 && hue(hex) <= 170;

describe('the colour language', () => {
  it.each(GROUNDS)('draws only a met goal green (%s)', (ground) => {
    expect(isGreen(statusColour('met', ground)), 'met is green').toBe(true);
    for (const status of STATUSES.filter((s) => s !== 'met'))
      expect(isGreen(statusColour(status, ground)), `${status} is not green`).toBe(false);
    for (let t = 0; t <= 1; t += 0.05) {
      const [r, g, b] = shortfallColour(t, ground);
      const hex = `#${[r, g, b].map((v) => v.toString(16).padStart(2, '0')).join('')}`;
      expect(isGreen(hex), `shortfall ramp at ${t.toFixed(2)} is not green`).toBe(false);
    }
    for (const s of DENSITY_RAMP) expect(isGreen(s[ground]), 'density is never green').toBe(false);
    expect(isGreen(CHANGE_COLOURS.better[ground]), 'a change for the better is not a met goal').toBe(false);
  });

  it.each(GROUNDS)('puts the worse end at red, the same colour as off track (%s)', (ground) => {
    expect(SHORTFALL_RAMP[0]![ground]).toBe(STATUS_COLOURS.off_track[ground]);
    expect(shortfallColour(0, ground)).toEqual(hexToRgb(STATUS_COLOURS.off_track[ground]));
    const red = hue(STATUS_COLOURS.off_track[ground]);
    expect(red > 340 || red < 10, 'off track is red').toBe(true);
  });

  it.each(GROUNDS)('keeps categories clear of the judgement colours (%s)', (ground) => {
    const judgement = Object.values(STATUS_COLOURS).map((s) => s[ground]);
    const categories = [...Object.values(CATEGORICAL), ...ORDINAL_BLUES, ABSENT].map((s) => s[ground]);
    for (const c of categories) {
      expect(judgement, c).not.toContain(c);
      const h = hue(c);
      // Blues, violets, pinks and greys: no red, orange, yellow or green hue.
      expect(Number.isNaN(h) || (h >= 185 && h <= 320), `${c} (hue ${h.toFixed(0)})`).toBe(true);
    }
  });

  it('stays legible: verdict colours against the dark ground and on white paper', () => {
    for (const [status, swatch] of Object.entries(STATUS_COLOURS)) {
      expect(contrast(swatch.dark, '#0d1b2d'), `${status} on the dark panel`).toBeGreaterThanOrEqual(4.5);
      expect(contrast(swatch.print, '#ffffff'), `${status} on paper`).toBeGreaterThanOrEqual(4.5);
    }
  });

  it('writes every colour as a CSS custom property', () => {
    const vars = cssVariables('dark');
    for (const status of STATUSES) expect(vars[`--status-${status}`]).toBe(STATUS_COLOURS[status].dark);
    expect(cssVariables('print')['--status-met']).toBe(STATUS_COLOURS.met.print);
  });
});
