/** Township shading: green only for a township that meets the goal; the rest along yellow → red. */
import { describe, expect, it } from 'vitest';
import { hexToRgb, STATUS_COLOURS } from '../../../../shared/colours/judgement.ts';
import { shading } from '../../../../client/src/features/layers/choropleth.ts';
import { legendFor, LAYER_CLASSES } from '../../../../client/src/features/layers/coverageLayers.ts';

type Township = Parameters<typeof shading>[0][number];

function township(code: string, value: number | null, target: number, met: boolean | null): Township {
  const indicator = { value, target, met, status: met ? 'met' : value === null ? null : 'on_track' };
  return { code, name: code, indicators: { committeeRate: indicator, petitionRate: indicator } } as unknown as Township;
}

const rgb = (c: readonly number[] | null) => (c ? c.slice(0, 3) : null);

describe('township shading', () => {
  const towns = [
    township('a', 0.96, 0.95, true),
    township('b', 0.949, 0.95, false),
    township('c', 0.5, 0.95, false),
    township('d', null, 0.95, null),
  ];

  it.each(['value', 'gap'] as const)('paints met townships green and nothing else (%s)', (mode) => {
    const s = shading(towns, 'committeeRate', mode);
    const green = [...hexToRgb(STATUS_COLOURS.met.dark)];
    expect(rgb(s.colorOf('a')), 'a meets the goal').toEqual(green);
    expect(rgb(s.colorOf('b')), '0.1 point short is not green').not.toEqual(green);
    expect(rgb(s.colorOf('c')), 'the furthest is the worse end').toEqual([...hexToRgb(STATUS_COLOURS.off_track.dark)]);
    expect(s.colorOf('d'), 'no value, no colour').toBeNull();
    expect(s.counts, 'the legend counts add up to the townships').toEqual({ met: 1, short: 2, none: 1 });
  });

  it('reads a "down" indicator the right way round: the ceiling is the goal end', () => {
    const s = shading(
      [township('a', 0.7, 0.8, true), township('b', 0.93, 0.8, false), township('c', 2.4, 0.8, false)],
      'petitionRate',
      'value',
    );
    expect(rgb(s.colorOf('a'))).toEqual([...hexToRgb(STATUS_COLOURS.met.dark)]);
    expect(rgb(s.colorOf('b')), '0.93 against 0.80 is short, not green').not.toEqual([
      ...hexToRgb(STATUS_COLOURS.met.dark),
    ]);
    expect(s.best).toBe(0.8);
  });
});

describe('coverage layers', () => {
  it('never draws a category in a verdict colour', () => {
    const verdicts = new Set(Object.values(STATUS_COLOURS).map((s) => s.dark));
    for (const layer of ['party', 'committee', 'rating'] as const)
      for (const c of LAYER_CLASSES[layer]) expect(verdicts.has(c.color), `${layer} ${c.id} ${c.color}`).toBe(false);
    expect(LAYER_CLASSES.issues.find((c) => c.id === 'overdue')!.color, 'overdue at the worse end').toBe(
      STATUS_COLOURS.off_track.dark,
    );
  });

  it('counts every compound once in the legend', () => {
    const rows = [{ partyOrgType: null }, { partyOrgType: 'standalone' }] as unknown as Parameters<typeof legendFor>[1];
    const legend = legendFor('party', rows);
    expect(legend.reduce((n, e) => n + e.count, 0)).toBe(2);
  });
});
