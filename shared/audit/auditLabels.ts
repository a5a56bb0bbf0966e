/**
 * The audit log in words people read, in the reader's language: the names of the actions, of
 * every table (one mapping for all of them; a test checks it against the schema), of the fields,
 * and of the enum values the rows hold (auditWordsZh.ts, auditWordsEn.ts); and the before → after
 * of a row as field-by-field lines, nested settings flattened ("黑榜 · 后几名"), never a JSON
 * blob. Chinese is the default (the export). A name not known falls back to the raw one.
 */
import { INDICATORS, isIndicatorKey } from '../indicators/index.ts';
import type { Locale } from '../language/index.ts';
import { weekLabel } from '../time/weeks.ts';
import { isWarningRuleKey, WARNING_RULE_TEXT, type WarningRuleKey } from '../supervision/warnings.ts';
import {
  ACTION_NAMES_EN,
  FIELD_NAMES_EN,
  PROCEDURE_AREAS_EN,
  TABLE_NAMES_EN,
  VALUE_NAMES_EN,
  WARNING_RULE_NAMES_EN,
} from './auditWordsEn.ts';
import { ACTION_NAMES_ZH, FIELD_NAMES_ZH, PROCEDURE_AREAS_ZH, TABLE_NAMES_ZH, VALUE_NAMES_ZH } from './auditWordsZh.ts';

type Words = Readonly<Record<string, string>>;

export const ACTION_NAMES: Words = ACTION_NAMES_ZH;
export const TABLE_NAMES: Words = TABLE_NAMES_ZH;
export const FIELD_NAMES: Words = FIELD_NAMES_ZH;

interface AuditWords {
  actions: Words;
  tables: Words;
  areas: Words;
  fields: Words;
  values: Words;
  rule(key: WarningRuleKey): string;
  indicator(key: keyof typeof INDICATORS): string;
  /** "地理接口": a refused call to a part of the system. */
  call(area: string): string;
  empty: string;
  yes: string;
  no: string;
  boundary(points: number): string;
  /** Between the items of a list, between a nested field and its value, between fields. */
  list: string;
  colon: string;
  comma: string;
  /** A warning's cause: its rule and what it is about. */
  cause(rule: string, about: string): string;
}

const WORDS: Record<Locale, AuditWords> = {
  'zh-CN': {
    actions: ACTION_NAMES_ZH,
    tables: TABLE_NAMES_ZH,
    areas: PROCEDURE_AREAS_ZH,
    fields: FIELD_NAMES_ZH,
    values: VALUE_NAMES_ZH,
    rule: (key) => WARNING_RULE_TEXT[key].label,
    indicator: (key) => INDICATORS[key].name,
    call: (area) => `${area}接口`,
    empty: '（空）',
    yes: '是',
    no: '否',
    boundary: (n) => `边界图形（${n} 个点）`,
    list: '、',
    colon: '：',
    comma: '，',
    cause: (rule, about) => `${rule}（${about}）`,
  },
  en: {
    actions: ACTION_NAMES_EN,
    tables: TABLE_NAMES_EN,
    areas: PROCEDURE_AREAS_EN,
    fields: FIELD_NAMES_EN,
    values: VALUE_NAMES_EN,
    rule: (key) => WARNING_RULE_NAMES_EN[key],
    indicator: (key) => INDICATORS[key].nameEn,
    call: (area) => `${area} interface`,
    empty: '(empty)',
    yes: 'Yes',
    no: 'No',
    boundary: (n) => `Boundary shape (${n} points)`,
    list: ', ',
    colon: ': ',
    comma: '; ',
    cause: (rule, about) => `${rule} (${about})`,
  },
};

const RECORDED_IN_CHINESE = new Map(
  Object.entries(VALUE_NAMES_ZH).map(([key, zh]) => [zh, VALUE_NAMES_EN[key as keyof typeof VALUE_NAMES_ZH]]),
);

const ISO_WEEK = /^\d{4}-W\d{2}$/;
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;

/** An instant as yyyy-mm-dd HH:mm in Asia/Shanghai (the city's time, wherever the reader is). */
export function shanghaiMinute(iso: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(iso));
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')} ${get('hour')}:${get('minute')}`;
}

export const actionName = (action: string, locale: Locale = 'zh-CN'): string => WORDS[locale].actions[action] ?? action;

export function tableName(table: string, locale: Locale = 'zh-CN'): string {
  const words = WORDS[locale];
  const known = words.tables[table];
  if (known) return known;
  const [area, procedure] = table.split('.');
  if (procedure && area && words.areas[area]) return words.call(words.areas[area]);
  return table;
}

export function fieldName(field: string, locale: Locale = 'zh-CN'): string {
  if (isIndicatorKey(field)) return WORDS[locale].indicator(field);
  return WORDS[locale].fields[field] ?? field;
}

export function valueText(value: unknown, locale: Locale = 'zh-CN'): string {
  const words = WORDS[locale];
  if (value === null || value === undefined || value === '') return words.empty;
  if (typeof value === 'boolean') return value ? words.yes : words.no;
  if (typeof value === 'number')
    return Number.isInteger(value) ? String(value) : String(Math.round(value * 10_000) / 10_000);
  if (typeof value === 'string') return stringText(value, locale);
  if (isGeometry(value)) return words.boundary(points(value.coordinates));
  if (Array.isArray(value)) return value.map((v) => valueText(v, locale)).join(words.list);
  if (typeof value === 'object')
    return Object.entries(value)
      .map(([k, v]) => `${fieldName(k, locale)}${words.colon}${valueText(v, locale)}`)
      .join(words.comma);
  return String(value);
}

function stringText(value: string, locale: Locale): string {
  const words = WORDS[locale];
  if (TIMESTAMP.test(value)) return shanghaiMinute(value);
  // A bare week code says its dates: "2026-W36（8月31日—9月6日）".
  if (ISO_WEEK.test(value)) return weekLabel(value, locale);
  if (isIndicatorKey(value)) return words.indicator(value);
  if (words.values[value]) return words.values[value];
  // A value the product recorded in its own Chinese words (a role's name): in English, its English.
  const recorded = locale === 'en' ? RECORDED_IN_CHINESE.get(value) : undefined;
  if (recorded) return recorded;
  const [area, procedure] = value.split('.');
  if (procedure && area && words.areas[area] && /^[a-zA-Z]+$/.test(procedure)) return words.call(words.areas[area]);
  // A warning's cause key, "noMeeting:350582004-022:2026-10-10": its rule by name, then what it is about.
  const [rule, ...about] = value.split(':');
  if (rule && about.length > 0 && isWarningRuleKey(rule))
    return words.cause(words.rule(rule), about.map((part) => stringText(part, locale)).join(' · '));
  return value;
}

export interface FieldChange {
  field: string;
  label: string;
  before: string;
  after: string;
  changed: boolean;
}

/** A GeoJSON geometry (a township's boundary): one value, said by its size, not its numbers. */
function isGeometry(value: unknown): value is { type: string; coordinates: unknown } {
  return value !== null && typeof value === 'object' && 'type' in value && 'coordinates' in value;
}

function points(coordinates: unknown): number {
  if (!Array.isArray(coordinates)) return 0;
  if (typeof coordinates[0] === 'number') return 1;
  return coordinates.reduce((n: number, c: unknown) => n + points(c), 0);
}

function flatten(value: unknown, path: string[], out: Map<string, { path: string[]; value: unknown }>): void {
  if (value !== null && typeof value === 'object' && !Array.isArray(value) && !isGeometry(value)) {
    for (const [k, v] of Object.entries(value)) flatten(v, [...path, k], out);
  } else if (path.length > 0) out.set(path.join('.'), { path, value });
}

/**
 * The row's before and after as one line per field (nested settings flattened), in the order
 * the fields first appear; an update shows only the fields it changed, an insert or a delete
 * every field it has.
 */
export function fieldChanges(before: unknown, after: unknown, locale: Locale = 'zh-CN'): FieldChange[] {
  const b = new Map<string, { path: string[]; value: unknown }>();
  const a = new Map<string, { path: string[]; value: unknown }>();
  flatten(before, [], b);
  flatten(after, [], a);
  const both = before !== null && before !== undefined && after !== null && after !== undefined;
  const keys = [...new Set([...b.keys(), ...a.keys()])];
  return keys.flatMap((key) => {
    const path = (a.get(key) ?? b.get(key))!.path;
    const bv = b.get(key)?.value;
    const av = a.get(key)?.value;
    const changed = JSON.stringify(bv) !== JSON.stringify(av);
    if (both && !changed) return [];
    return [
      {
        field: key,
        label: path.map((p) => fieldName(p, locale)).join(' · '),
        before: b.has(key) ? valueText(bv, locale) : '',
        after: a.has(key) ? valueText(av, locale) : '',
        changed,
      },
    ];
  });
}
