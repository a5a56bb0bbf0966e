/**
 * View state kept in the URL query string, so a copied link reproduces the view. Each parameter
 * is checked against its schema (routes.ts); unknown or malformed values fall back to defaults
 * (reported through `invalid`). Writes replace the history entry: adjusting a view is not a step
 * that Back should undo, opening another page is.
 */
import { useCallback, useEffect, useState } from 'react';
import type { z } from 'zod';
import { readSearchParam } from './routes.ts';

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
export function useUrlParam<T>(
  name: string,
  schema: z.ZodType<T>,
  serialise: (value: T) => string | null,
  fallback: T,
) {
  const [state, setState] = useState(() => readSearchParam(window.location.search, name, schema, fallback));
  useEffect(() => {
    writeParams({ [name]: serialise(state.value) });
  }, [name, serialise, state.value]);
  const set = useCallback((value: T) => setState({ value, invalid: false }), []);
  return [state.value, set, state.invalid] as const;
}
