/**
 * The city this deployment serves, chosen by ONEMAP_CITY (default `jinjiang`). Services ask
 * `activeCity()` rather than importing a city's facts, so that serving several cities later means
 * passing the city along with the request instead of reading this one value.
 */
import { JINJIANG } from '../../../data/cities/jinjiang.ts';
import type { IndicatorKey } from '../../../data/schema/admin.ts';
import { cityDefinitionProblems, type CityDefinition } from '../../../shared/city/cityDefinition.ts';

export type City = CityDefinition<IndicatorKey>;

/** The cities this build knows by name. */
const KNOWN_CITIES: Readonly<Record<string, City>> = { [JINJIANG.id]: JINJIANG };

let selected: City | null = null;

export function cityNamed(id: string): City {
  const city = KNOWN_CITIES[id];
  if (!city) throw new Error(`未知城市 ONEMAP_CITY=${id}（可选：${Object.keys(KNOWN_CITIES).join('、')}）`);
  return city;
}

export function activeCity(): City {
  selected ??= cityNamed(process.env.ONEMAP_CITY || JINJIANG.id);
  return selected;
}

/**
 * Serve another city from now on (tests, tools that load a definition from elsewhere). Refuses a
 * definition whose codes or references do not hold together.
 */
export function selectCity(city: City): void {
  const problems = cityDefinitionProblems(city);
  if (problems.length > 0) throw new Error(`city ${city.id}: ${problems.join('; ')}`);
  selected = city;
}
