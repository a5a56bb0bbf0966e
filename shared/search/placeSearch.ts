/**
 * The map's search box: townships and compounds found by name, code or pinyin initials
 * ("cdz" → 陈埭镇), best matches first. Pure; the initials come with the places (computed on the
 * server, see server/services/compounds/placeInitials.ts), so this module needs no dictionary.
 */

export type PlaceKind = 'township' | 'compound';

export interface Place {
  kind: PlaceKind;
  code: string;
  name: string;
  /** Lower-case pinyin initials of the name ("陈埭镇" → "cdz"); '' while not known. */
  initials: string;
}

/** At most this many matches are offered: a list to choose from, not a table. */
export const PLACE_SEARCH_LIMIT = 8;

/** How well a place matches (lower is better), or null when it does not. */
function matchRank(place: Place, q: string): number | null {
  const name = place.name.toLowerCase();
  const code = place.code.toLowerCase();
  if (code === q || name === q) return 0;
  if (name.startsWith(q)) return 1;
  if (place.initials === q) return 2;
  if (place.initials.startsWith(q)) return 3;
  if (name.includes(q)) return 4;
  if (code.startsWith(q)) return 5;
  if (place.initials.includes(q) || code.includes(q)) return 6;
  return null;
}

/** What was typed, as matched: trimmed, lower case, without spaces ("C D Z" finds 陈埭镇 too). */
export function normaliseQuery(text: string): string {
  return text.trim().toLowerCase().replace(/\s+/g, '');
}

/**
 * The places matching `text`, best first: exact name or code, then name prefix, initials, name
 * part, code prefix; among equals townships before compounds (there are few, and a township's
 * name is also the start of many compound names), then shorter names, then code order.
 */
export function searchPlaces<P extends Place>(
  places: readonly P[],
  text: string,
  limit: number = PLACE_SEARCH_LIMIT,
): P[] {
  const q = normaliseQuery(text);
  if (q === '') return [];
  const found: { place: P; rank: number }[] = [];
  for (const place of places) {
    const rank = matchRank(place, q);
    if (rank !== null) found.push({ place, rank });
  }
  found.sort(
    (a, b) =>
      a.rank - b.rank ||
      kindOrder(a.place.kind) - kindOrder(b.place.kind) ||
      a.place.name.length - b.place.name.length ||
      a.place.code.localeCompare(b.place.code),
  );
  return found.slice(0, limit).map((f) => f.place);
}

const kindOrder = (kind: PlaceKind) => (kind === 'township' ? 0 : 1);
