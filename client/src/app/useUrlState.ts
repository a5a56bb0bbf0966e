/**
 * View state kept in the URL query string, so a copied link reproduces the view. Unknown or
 * malformed values fall back to defaults (reported through `invalid`).
 */
import { useCallback, useEffect, useState } from 'react';

export type UrlParser<T> = (raw: string | null) => T | undefined;

export function readParam<T>(name: string, parse: UrlParser<T>, fallback: T): { value: T; invalid: boolean } {
  const raw = new URLSearchParams(window.location.search).get(name);
  if (raw === null) return { value: fallback, invalid: false };
  const parsed = parse(raw);
  return parsed === undefined ? { value: fallback, invalid: true } : { value: parsed, invalid: false };
}

export function writeParams(params: Record<string, string | null>): void {
  const search = new URLSearchParams(window.location.search);
  for (const [name, value] of Object.entries(params)) {
    if (value === null || value === '') search.delete(name);
    else search.set(name, value);
  }
  const query = search.toString();
  window.history.replaceState(null, '', `${window.location.pathname}${query ? `?${query}` : ''}`);
}

/** One piece of state mirrored into a query parameter. */
export function useUrlParam<T>(name: string, parse: UrlParser<T>, serialise: (value: T) => string | null, fallback: T) {
  const [state, setState] = useState(() => readParam(name, parse, fallback));
  useEffect(() => {
    writeParams({ [name]: serialise(state.value) });
  }, [name, serialise, state.value]);
  const set = useCallback((value: T) => setState({ value, invalid: false }), []);
  return [state.value, set, state.invalid] as const;
}
