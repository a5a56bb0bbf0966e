/** The city definition: Jinjiang's holds together and keeps the area the database used to enforce. */
import { describe, expect, it } from 'vitest';
import { JINJIANG } from '../../../data/cities/jinjiang.ts';
import { cityDefinitionProblems, cityMapConfig, storableBounds } from '../../../shared/city/cityDefinition.ts';
import { XISHAN } from '../../support/syntheticCity.ts';

describe('city definitions', () => {
  it.each([JINJIANG, XISHAN])('$name holds together', (city) => {
    expect(cityDefinitionProblems(city)).toEqual([]);
  });

  it("gives Jinjiang the box the migration's CHECK held (118.38–118.74 E, 24.48–24.92 N)", () => {
    const [w, s, e, n] = storableBounds(JINJIANG);
    expect([w, s, e, n].map((v) => Math.round(v * 1000) / 1000)).toEqual([118.38, 24.48, 118.74, 24.92]);
  });

  it('names what does not hold: a township outside the code, an unknown staff township, a seat off the map', () => {
    const broken = {
      ...XISHAN,
      townships: [...XISHAN.townships, { ...XISHAN.townships[0]!, code: '350582001', seat: [118.5, 24.7] as const }],
      demoStaffTownship: '990102999',
    };
    const problems = cityDefinitionProblems(broken);
    expect(problems).toContain('township code 350582001 is not 9 digits under 990102');
    expect(problems).toContain('unknown township 990102999');
    expect(problems).toContain('seat of 350582001 is outside the bounds');
  });

  it('sends the client only what the map needs', () => {
    expect(Object.keys(cityMapConfig(JINJIANG)).sort()).toEqual(
      ['bounds', 'code', 'labelPositions', 'name', 'nameEn', 'neighbours', 'outline'].sort(),
    );
  });
});
