/**
 * The analyst's compound filter: township, community, kind, property company, the class on each
 * coverage layer, household range and a name search. One definition for the workbench (which
 * keeps it in its URL) and for `onemap export compounds --filter '<the same query string>'`, so
 * the screen and the export always select the same compounds. Pure; no database.
 */
import { classOf, LAYER_CLASS_IDS, type ClassedCompound, type LayerClassId } from './compoundClasses.ts';
import type { CompoundKind, CompoundStatus } from './compoundStatus.ts';

export const COMPOUND_KINDS = ['commercial', 'resettlement', 'old', 'mixed'] as const satisfies readonly CompoundKind[];

export interface CompoundFilter {
  townships: string[];
  communities: string[];
  kinds: CompoundKind[];
  /** Property company names. */
  companies: string[];
  party: LayerClassId<'party'>[];
  committee: LayerClassId<'committee'>[];
  rating: LayerClassId<'rating'>[];
  issues: LayerClassId<'issues'>[];
  householdsMin: number | null;
  householdsMax: number | null;
  /** Matches the name, the code or the pinyin initials (e.g. "jjwd" for 晋江万达). */
  text: string;
}

export const EMPTY_FILTER: CompoundFilter = {
  townships: [],
  communities: [],
  kinds: [],
  companies: [],
  party: [],
  committee: [],
  rating: [],
  issues: [],
  householdsMin: null,
  householdsMax: null,
  text: '',
};

/** Query-string names, shared by the workbench URL and the CLI. */
export const FILTER_PARAMS = {
  townships: 'town',
  communities: 'comm',
  kinds: 'kind',
  companies: 'co',
  party: 'party',
  committee: 'committee',
  rating: 'rating',
  issues: 'issues',
  households: 'hh',
  text: 'q',
} as const;

export type FilterableCompound = ClassedCompound &
  Pick<CompoundStatus, 'code' | 'name' | 'townshipCode' | 'community' | 'kind' | 'propertyCompany' | 'households'> & {
    initials?: string;
  };

const MAX_TEXT = 40;
const MAX_LIST = 100;

export function isFilterEmpty(f: CompoundFilter): boolean {
  return serialiseFilter(f).toString() === '';
}

export function matchesFilter(c: FilterableCompound, f: CompoundFilter): boolean {
  if (f.townships.length && !f.townships.includes(c.townshipCode)) return false;
  if (f.communities.length && !f.communities.includes(c.community)) return false;
  if (f.kinds.length && !f.kinds.includes(c.kind)) return false;
  if (f.companies.length && (c.propertyCompany === null || !f.companies.includes(c.propertyCompany))) return false;
  if (f.party.length && !f.party.includes(classOf('party', c))) return false;
  if (f.committee.length && !f.committee.includes(classOf('committee', c))) return false;
  if (f.rating.length && !f.rating.includes(classOf('rating', c))) return false;
  if (f.issues.length && !f.issues.includes(classOf('issues', c))) return false;
  if (f.householdsMin !== null && c.households < f.householdsMin) return false;
  if (f.householdsMax !== null && c.households > f.householdsMax) return false;
  return f.text === '' || matchesText(c, f.text);
}

export function matchesText(c: Pick<FilterableCompound, 'name' | 'code' | 'initials'>, text: string): boolean {
  const q = text.trim().toLowerCase();
  if (!q) return true;
  return c.name.toLowerCase().includes(q) || c.code.toLowerCase().includes(q) || (c.initials ?? '').includes(q);
}

export interface ParsedFilter {
  filter: CompoundFilter;
  /** One Chinese sentence per value that was dropped. */
  problems: string[];
}

/** Reads a filter from query parameters; what cannot be understood is dropped and reported. */
export function parseFilter(params: URLSearchParams): ParsedFilter {
  const problems: string[] = [];
  const list = (name: string): string[] => {
    const raw = params.get(name);
    if (raw === null || raw.trim() === '') return [];
    const values = [
      ...new Set(
        raw
          .split(',')
          .map((v) => v.trim())
          .filter(Boolean),
      ),
    ];
    if (values.length > MAX_LIST) {
      problems.push(`筛选条件 ${name} 的取值过多（最多 ${MAX_LIST} 个）`);
      return [];
    }
    return values;
  };
  const enumList = <T extends string>(name: string, allowed: readonly T[], what: string): T[] => {
    const values = list(name);
    const bad = values.filter((v) => !(allowed as readonly string[]).includes(v));
    if (bad.length) problems.push(`未知的${what}：${bad.join('、')}`);
    return values.filter((v): v is T => (allowed as readonly string[]).includes(v));
  };
  const names = (name: string, what: string): string[] => {
    const values = list(name);
    const bad = values.filter((v) => v.length > MAX_TEXT);
    if (bad.length) problems.push(`${what}名称过长`);
    return values.filter((v) => v.length <= MAX_TEXT);
  };
  const townships = list(FILTER_PARAMS.townships);
  const badTownships = townships.filter((v) => !/^\d{9}$/.test(v));
  if (badTownships.length) problems.push(`镇街编码格式不对：${badTownships.join('、')}`);

  let householdsMin: number | null = null;
  let householdsMax: number | null = null;
  const hh = params.get(FILTER_PARAMS.households);
  if (hh !== null && hh !== '') {
    const m = /^(\d{0,6})-(\d{0,6})$/.exec(hh.trim());
    const min = m?.[1] ? Number(m[1]) : null;
    const max = m?.[2] ? Number(m[2]) : null;
    if (!m || (min !== null && max !== null && min > max))
      problems.push(`户数范围 "${hh}" 不对（应为 最少-最多，如 200-800）`);
    else [householdsMin, householdsMax] = [min, max];
  }
  let text = params.get(FILTER_PARAMS.text)?.trim() ?? '';
  if (text.length > MAX_TEXT) {
    problems.push(`搜索词过长（最多 ${MAX_TEXT} 个字）`);
    text = '';
  }
  return {
    filter: {
      townships: townships.filter((v) => /^\d{9}$/.test(v)),
      communities: names(FILTER_PARAMS.communities, '社区'),
      kinds: enumList(FILTER_PARAMS.kinds, COMPOUND_KINDS, '小区类型'),
      companies: names(FILTER_PARAMS.companies, '物业企业'),
      party: enumList(FILTER_PARAMS.party, LAYER_CLASS_IDS.party, '党组织类型'),
      committee: enumList(FILTER_PARAMS.committee, LAYER_CLASS_IDS.committee, '业委会状态'),
      rating: enumList(FILTER_PARAMS.rating, LAYER_CLASS_IDS.rating, '星级'),
      issues: enumList(FILTER_PARAMS.issues, LAYER_CLASS_IDS.issues, '诉求状态'),
      householdsMin,
      householdsMax,
      text,
    },
    problems,
  };
}

/** The filter as query parameters (empty conditions left out), the inverse of parseFilter. */
export function serialiseFilter(f: CompoundFilter): URLSearchParams {
  const params = new URLSearchParams();
  const put = (name: string, values: readonly string[]) => {
    if (values.length) params.set(name, values.join(','));
  };
  put(FILTER_PARAMS.townships, f.townships);
  put(FILTER_PARAMS.communities, f.communities);
  put(FILTER_PARAMS.kinds, f.kinds);
  put(FILTER_PARAMS.companies, f.companies);
  put(FILTER_PARAMS.party, f.party);
  put(FILTER_PARAMS.committee, f.committee);
  put(FILTER_PARAMS.rating, f.rating);
  put(FILTER_PARAMS.issues, f.issues);
  if (f.householdsMin !== null || f.householdsMax !== null)
    params.set(FILTER_PARAMS.households, `${f.householdsMin ?? ''}-${f.householdsMax ?? ''}`);
  if (f.text) params.set(FILTER_PARAMS.text, f.text);
  return params;
}
