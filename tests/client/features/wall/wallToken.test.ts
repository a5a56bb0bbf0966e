/** The wall's display token leaves the address bar once read, and a reload still finds it (issue #15, finding 11). */
import { describe, expect, it } from 'vitest';
import {
  DISPLAY_TOKEN_KEY,
  readDisplayToken,
  type WallTokenPlace,
} from '../../../../client/src/features/wall/wallToken.ts';

const TOKEN = 'A'.repeat(43);

/** A browser tab: its address, its sessionStorage and its history, as the wall sees them. */
function tab(address: string, kept: Record<string, string> = {}) {
  const url = new URL(address, 'https://onemap.example');
  const storage = new Map(Object.entries(kept));
  const entries: string[] = [url.pathname + url.search + url.hash];
  const place: WallTokenPlace = {
    location: {
      get pathname() {
        return new URL(entries.at(-1)!, 'https://onemap.example').pathname;
      },
      get search() {
        return new URL(entries.at(-1)!, 'https://onemap.example').search;
      },
      get hash() {
        return new URL(entries.at(-1)!, 'https://onemap.example').hash;
      },
    },
    storage: { getItem: (key) => storage.get(key) ?? null, setItem: (key, value) => void storage.set(key, value) },
    history: {
      state: null,
      replaceState: (_state, _unused, next) => void entries.splice(entries.length - 1, 1, String(next)),
    },
  };
  return { place, storage, address: () => entries.at(-1)!, length: () => entries.length };
}

describe('the wall display token', () => {
  it('is read from /wall?token=…, kept in sessionStorage and removed from the address, keeping the other parameters', () => {
    const wall = tab(`/wall?token=${TOKEN}&scenes=party,issues&interval=5#top`);
    expect(readDisplayToken(wall.place)).toBe(TOKEN);
    expect(wall.address()).toBe('/wall?scenes=party%2Cissues&interval=5#top');
    expect(wall.length()).toBe(1);
    expect(wall.storage.get(DISPLAY_TOKEN_KEY)).toBe(TOKEN);
    // Every later request (and a reload of the tab, same sessionStorage) still has it.
    expect(readDisplayToken(wall.place)).toBe(TOKEN);
    const reloaded = tab(wall.address(), Object.fromEntries(wall.storage));
    expect(readDisplayToken(reloaded.place)).toBe(TOKEN);
  });

  it('leaves other pages and a wall address without a token alone', () => {
    const page = tab(`/review?token=${TOKEN}`);
    expect(readDisplayToken(page.place)).toBeNull();
    expect(page.address()).toBe(`/review?token=${TOKEN}`);
    const bare = tab('/wall?interval=20');
    expect(readDisplayToken(bare.place)).toBeNull();
    expect(bare.address()).toBe('/wall?interval=20');
  });
});
