/**
 * What a deployment knows about its city: codes, names, seats, the outline and neighbours drawn
 * on the basemap, the map's extent, hand-placed labels, the demo staff's township, the default
 * targets and the title. One deployment serves one city (chosen by ONEMAP_CITY); every fact the
 * product used to hard-code about Jinjiang is a field here.
 *
 * Pure data and pure functions: imported by the server (validation, seeding, boundaries) and, as
 * the slice `CityMapConfig`, sent to the client, which draws its basemap from it at run time.
 * Coordinates: WGS84 [longitude, latitude] in degrees.
 */

export type LonLat = readonly [number, number];
/** [west, south, east, north] in WGS84 degrees. */
export type Bounds = readonly [number, number, number, number];

export type TownshipKind = 'subdistrict' | 'town';

export interface TownshipFact {
  /** National Bureau of Statistics code, 9 digits, starting with the city's 6-digit code. */
  code: string;
  name: string;
  pinyin: string;
  kind: TownshipKind;
  /** Seat (government office). */
  seat: LonLat;
  seatConfidence: 'sourced' | 'estimated';
  /** Land area in km² where published. */
  landAreaKm2: number | null;
}

/** A place outside the city drawn dimmed on the basemap so coast reads as coast. */
export interface NeighbourArea {
  /** Stable id, also the basemap layer's id suffix. */
  id: string;
  name: string;
  /** Closed ring, any orientation. */
  outline: readonly LonLat[];
  /** Draw its edge (a neighbouring city) or only its fill (the mainland running off the map). */
  edge: boolean;
}

/** A default goal of the city; `Indicator` is the server's indicator key type. */
export interface CityTarget<Indicator extends string = string> {
  indicator: Indicator;
  /** Rates are fractions 0–1; a count per 1,000 households where the indicator says so. */
  value: number;
  /** YYYY-MM-DD. */
  deadline: string;
  source: 'published' | 'assumed';
  note: string;
}

export interface CityDefinition<Indicator extends string = string> {
  /** The key ONEMAP_CITY selects it by (lower-case pinyin). */
  id: string;
  /** National Bureau of Statistics code, 6 digits; every township code starts with it. */
  code: string;
  /** Full name as users read it (晋江市). */
  name: string;
  /** Short name for compact places and messages (晋江). */
  shortName: string;
  nameEn: string;
  townships: readonly TownshipFact[];
  /** Approximate outline, closed ring (hand-estimated where no official one exists). */
  outline: readonly LonLat[];
  /** The map's initial extent; stored points must lie in it grown by AREA_MARGIN_DEG. */
  bounds: Bounds;
  neighbours: readonly NeighbourArea[];
  /** Where a township's name is drawn when its centroid would collide with a neighbour's label. */
  labelPositions: Readonly<Record<string, LonLat>>;
  /**
   * How the approximate (Voronoi) boundaries are drawn: townships drawn as a disc of their land
   * area instead of a cell, and extra Voronoi sites owned by a township (one that surrounds a disc).
   */
  approximateBoundaries: {
    discTownships: readonly string[];
    extraSites: readonly { at: LonLat; owner: string }[];
  };
  /** The township the demo township-staff account belongs to. */
  demoStaffTownship: string;
  targets: readonly CityTarget<Indicator>[];
}

/** What the client needs to draw the map: sent by `system.city`. */
export interface CityMapConfig {
  code: string;
  name: string;
  nameEn: string;
  bounds: Bounds;
  outline: readonly LonLat[];
  neighbours: readonly NeighbourArea[];
  labelPositions: Readonly<Record<string, LonLat>>;
}

export function cityMapConfig(city: CityDefinition<string>): CityMapConfig {
  const { code, name, nameEn, bounds, outline, neighbours, labelPositions } = city;
  return { code, name, nameEn, bounds, outline, neighbours, labelPositions };
}

/**
 * How far past the map extent a stored point may lie, in degrees (≈ 2.5 km): the outline is
 * hand-estimated, official boundaries may reach past it.
 */
export const AREA_MARGIN_DEG = 0.025;

/** The box every stored point must lie in: the map extent grown by AREA_MARGIN_DEG. */
export function storableBounds(city: Pick<CityDefinition<string>, 'bounds'>): Bounds {
  const [w, s, e, n] = city.bounds;
  return [w - AREA_MARGIN_DEG, s - AREA_MARGIN_DEG, e + AREA_MARGIN_DEG, n + AREA_MARGIN_DEG];
}

/** A mutable copy (map libraries take plain tuples). */
export function boundsTuple(b: Bounds): [number, number, number, number] {
  return [b[0], b[1], b[2], b[3]];
}

export function inBounds(bounds: Bounds, lon: number, lat: number): boolean {
  return lon >= bounds[0] && lon <= bounds[2] && lat >= bounds[1] && lat <= bounds[3];
}

/** Problems that make a definition unusable (codes not under the city, unknown references); empty when sound. */
export function cityDefinitionProblems(city: CityDefinition<string>): string[] {
  const problems: string[] = [];
  const codes = new Set(city.townships.map((t) => t.code));
  if (!/^\d{6}$/.test(city.code)) problems.push(`city code ${city.code} is not 6 digits`);
  for (const t of city.townships)
    if (!/^\d{9}$/.test(t.code) || !t.code.startsWith(city.code))
      problems.push(`township code ${t.code} is not 9 digits under ${city.code}`);
  if (codes.size !== city.townships.length) problems.push('township codes repeat');
  const referenced = [
    city.demoStaffTownship,
    ...Object.keys(city.labelPositions),
    ...city.approximateBoundaries.discTownships,
    ...city.approximateBoundaries.extraSites.map((s) => s.owner),
  ];
  for (const code of referenced) if (!codes.has(code)) problems.push(`unknown township ${code}`);
  const [w, s, e, n] = city.bounds;
  if (!(w < e && s < n)) problems.push('bounds are not [west, south, east, north]');
  for (const t of city.townships)
    if (!inBounds(city.bounds, t.seat[0], t.seat[1])) problems.push(`seat of ${t.code} is outside the bounds`);
  return problems;
}
