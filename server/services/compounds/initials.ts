/** Pinyin initials of a compound name ("晋江万达华府" → "jjwdhf"), for search. */
import { pinyin } from 'pinyin-pro';

export function pinyinInitials(name: string): string {
  return pinyin(name, { pattern: 'first', toneType: 'none', type: 'array', nonZh: 'consecutive' })
    .join('')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

const cache = new Map<string, string>();

/** pinyinInitials, remembered per name: names repeat across days and requests, and pinyin-pro is slow. */
export function cachedInitials(name: string): string {
  let initials = cache.get(name);
  if (initials === undefined) {
    initials = pinyinInitials(name);
    cache.set(name, initials);
  }
  return initials;
}
