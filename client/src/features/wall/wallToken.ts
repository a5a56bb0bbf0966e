/**
 * The wall's display token: read once from `/wall?token=…`, kept in sessionStorage (a reload of
 * the screen still works) and taken out of the address bar at once, so that it does not stay on
 * screen, in the browser's history, or in a link someone copies from the wall.
 */
export const DISPLAY_TOKEN_KEY = 'onemap.displayToken';

export interface WallTokenPlace {
  location: { pathname: string; search: string; hash: string };
  storage: Pick<Storage, 'getItem' | 'setItem'>;
  history: Pick<History, 'replaceState' | 'state'>;
}

/** The token of this tab: a new one from the wall's address (then removed from it), else the one kept. */
export function readDisplayToken(place: WallTokenPlace): string | null {
  const { location, storage, history } = place;
  if (location.pathname === '/wall') {
    const params = new URLSearchParams(location.search);
    const fromUrl = params.get('token');
    if (params.has('token')) {
      if (fromUrl) storage.setItem(DISPLAY_TOKEN_KEY, fromUrl);
      params.delete('token');
      const query = params.toString();
      // The other parameters (scenes, interval, canvas) stay: the wall reads them from the address.
      history.replaceState(history.state, '', `${location.pathname}${query ? `?${query}` : ''}${location.hash}`);
    }
  }
  return storage.getItem(DISPLAY_TOKEN_KEY);
}
