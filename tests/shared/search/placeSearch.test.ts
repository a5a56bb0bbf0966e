/** The map's search box: what a person types finds the place they mean, best first. */
import { describe, expect, it } from 'vitest';
import { searchPlaces, type Place } from '../../../shared/search/placeSearch.ts';
import { pinyinInitials } from '../../../server/services/compounds/initials.ts';

const place = (kind: Place['kind'], code: string, name: string): Place => ({
  kind,
  code,
  name,
  initials: pinyinInitials(name),
});

const PLACES: Place[] = [
  place('township', '350582103', '陈埭镇'),
  place('township', '350582001', '青阳街道'),
  place('compound', '350582103-001', '陈埭花园'),
  place('compound', '350582103-002', '江头新村'),
  place('compound', '350582001-001', '晋江万达华府'),
  place('compound', '350582001-002', '万达公馆'),
];

const names = (text: string) => searchPlaces(PLACES, text).map((p) => p.name);

describe('searchPlaces', () => {
  it('finds a township by its pinyin initials, ahead of compounds whose initials merely start the same', () => {
    expect(names('cdz')).toEqual(['陈埭镇']);
    expect(names('cd')).toEqual(['陈埭镇', '陈埭花园']);
  });

  it('finds a compound by part of its name, name prefixes first', () => {
    expect(names('万达')).toEqual(['万达公馆', '晋江万达华府']);
  });

  it('finds by code, exactly or by its start', () => {
    expect(names('350582103-002')).toEqual(['江头新村']);
    expect(names('350582103')[0]).toBe('陈埭镇');
  });

  it('ignores case and spaces, and an empty box finds nothing', () => {
    expect(names(' C D Z ')).toEqual(['陈埭镇']);
    expect(names('JJWD')).toEqual(['晋江万达华府']);
    expect(names('   ')).toEqual([]);
  });

  it('says nothing matches with an empty list, and offers at most the limit', () => {
    expect(names('不存在的地方')).toEqual([]);
    expect(searchPlaces(PLACES, '3505', 3)).toHaveLength(3);
  });

  it('still finds by name while the initials are not known yet', () => {
    const bare = PLACES.map((p) => ({ ...p, initials: '' }));
    expect(searchPlaces(bare, '陈埭').map((p) => p.name)).toEqual(['陈埭镇', '陈埭花园']);
    expect(searchPlaces(bare, 'cdz')).toEqual([]);
  });
});
