/**
 * The route table: every address the client has ever handed out opens the same page it opened
 * before the routing library, path parameters are typed and checked, and search parameters that
 * fail their schema fall back to defaults instead of breaking the page.
 */
import { describe, expect, it } from 'vitest';
import {
  codeParamSchema,
  dayBetween,
  hrefs,
  loginNext,
  oneOf,
  parsedBy,
  readSearchParam,
  resolveRoute,
  type Route,
} from '../../../client/src/app/routes.ts';
import { parseKinds } from '../../../client/src/features/compound/timeline.ts';

describe('every address handed out before keeps its page', () => {
  // From App.tsx's former if/else chain, the links in the client, the README and the browser tests.
  it.each<[string, Route]>([
    ['/', { name: 'dashboard', params: {} }],
    ['/login', { name: 'login', params: {} }],
    ['/password', { name: 'password', params: {} }],
    ['/review', { name: 'review', params: {} }],
    ['/township/350582101', { name: 'township', params: { code: '350582101' } }],
    ['/township/350582101/', { name: 'township', params: { code: '350582101' } }],
    ['/workbench', { name: 'workbench', params: {} }],
    ['/compare', { name: 'compare', params: {} }],
    ['/compound/JJ-0001', { name: 'compound', params: { code: 'JJ-0001' } }],
    ['/compound/JJ-0001/', { name: 'compound', params: { code: 'JJ-0001' } }],
    ['/compound/NOPE-404', { name: 'compound', params: { code: 'NOPE-404' } }],
    ['/admin', { name: 'admin', params: {} }],
    ['/wall', { name: 'wall', params: {} }],
  ])('%s', (path, expected) => {
    expect(resolveRoute(path), path).toEqual(expected);
  });
});

describe('path parameters', () => {
  it('decodes a percent-escaped compound code, and keeps a malformed escape as written', () => {
    expect(resolveRoute('/compound/%E6%B5%8B-1')).toEqual({ name: 'compound', params: { code: '测-1' } });
    expect(resolveRoute('/compound/%E6%B5')).toEqual({ name: 'compound', params: { code: '%E6%B5' } });
  });

  it.each(['/township/35058210', '/township/3505821011', '/township/abc', '/township/', '/township'])(
    'a township address without a 9-digit code (%s) names no page',
    (path) => {
      expect(resolveRoute(path).name, path).toBe('notFound');
    },
  );

  it.each(['/nope', '/compound', '/compound/a/b', '/township/350582101/extra', '/workbench/x', '/index.html'])(
    'an unknown address (%s) names no page',
    (path) => {
      expect(resolveRoute(path)).toEqual({ name: 'notFound', params: {} });
    },
  );
});

describe('typed links', () => {
  it('build the same addresses the pages wrote by hand', () => {
    expect(hrefs.dashboard()).toBe('/');
    expect(hrefs.dashboard({ compound: 'JJ-0001' })).toBe('/?compound=JJ-0001');
    expect(hrefs.review({ week: '2025-W07' })).toBe('/review?week=2025-W07');
    expect(hrefs.township('350582101')).toBe('/township/350582101');
    expect(hrefs.township('350582101', { week: '2025-W07' })).toBe('/township/350582101?week=2025-W07');
    expect(hrefs.compound('JJ-0001', { asOf: '2025-02-14' })).toBe('/compound/JJ-0001?asOf=2025-02-14');
    expect(hrefs.compound('测 1')).toBe('/compound/%E6%B5%8B%201');
  });

  it('round-trip through the route table', () => {
    const links = [hrefs.township('350582101'), hrefs.compound('测 1'), hrefs.compare(), hrefs.wall()];
    expect(links.map((href) => resolveRoute(new URL(href, 'http://x').pathname))).toEqual([
      { name: 'township', params: { code: '350582101' } },
      { name: 'compound', params: { code: '测 1' } },
      { name: 'compare', params: {} },
      { name: 'wall', params: {} },
    ]);
  });

  it('carry the way back to the login page, which reads it again', () => {
    const href = hrefs.login('/workbench?week=2025-W07&sel=rect:119.0,24.3,119.1,24.4');
    expect(href.startsWith('/login?next=')).toBe(true);
    expect(loginNext(new URL(href, 'http://x').search)).toBe('/workbench?week=2025-W07&sel=rect:119.0,24.3,119.1,24.4');
  });
});

describe('search parameters fall back to defaults', () => {
  const weeks = ['2025-W05', '2025-W06', '2025-W07'];

  it.each([
    ['', { value: '2025-W07', invalid: false }],
    ['?week=2025-W06', { value: '2025-W06', invalid: false }],
    ['?week=2030-W01', { value: '2025-W07', invalid: true }],
    ['?week=', { value: '2025-W07', invalid: true }],
  ])('a week from the list (%s)', (search, expected) => {
    expect(readSearchParam(search, 'week', oneOf(weeks), '2025-W07')).toEqual(expected);
  });

  it.each([
    ['?asOf=2025-02-14', { value: '2025-02-14', invalid: false }],
    ['?asOf=2025-02-30', { value: '2025-06-01', invalid: true }],
    ['?asOf=2023-12-31', { value: '2025-06-01', invalid: true }],
    ['?asOf=2025-06-02', { value: '2025-06-01', invalid: true }],
    ['?asOf=yesterday', { value: '2025-06-01', invalid: true }],
  ])('a real day within the range (%s)', (search, expected) => {
    expect(readSearchParam(search, 'asOf', dayBetween('2024-01-01', '2025-06-01'), '2025-06-01')).toEqual(expected);
  });

  it('a code of letters, digits and dashes only', () => {
    expect(readSearchParam('?compound=JJ-0001', 'compound', codeParamSchema, null)).toEqual({
      value: 'JJ-0001',
      invalid: false,
    });
    expect(readSearchParam('?compound=%3Cscript%3E', 'compound', codeParamSchema, null)).toEqual({
      value: null,
      invalid: true,
    });
  });

  it('a parser of the older kind keeps its own rules', () => {
    const show = parsedBy(parseKinds);
    expect(readSearchParam('?show=meeting', 'show', show, []).value).toEqual(['meeting']);
    expect(readSearchParam('?show=meeting,castle', 'show', show, [])).toEqual({ value: [], invalid: true });
  });

  it.each([
    ['', '/'],
    ['?next=%2Fworkbench%3Fweek%3D2025-W07', '/workbench?week=2025-W07'],
    ['?next=%2F%2Fevil.example', '/'],
    ['?next=https%3A%2F%2Fevil.example', '/'],
    ['?next=%2Flogin%3Fnext%3D%2F', '/'],
  ])('after signing in (%s) only to a page of this site', (search, expected) => {
    expect(loginNext(search)).toBe(expected);
  });
});
