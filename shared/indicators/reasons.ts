/**
 * Why a compound stands where it does in an indicator — in or out of its numerator and
 * denominator —, declared once by the indicator (shared/indicators/<key>.ts) in both languages.
 * Each kind of reason names the particulars it is written from (a day, a count, one of some named
 * values) and says itself in Chinese, the official wording of the drill-through, the exports and
 * the weekly pack, and in English. The classification gives the kind and its particulars (`Why`);
 * the reader's language is chosen when the reason is written, never by reading the Chinese back.
 */
import type { Locale } from './definition.ts';

/** What a particular can be: a day (YYYY-MM-DD), a count, or one of some named values. */
export type Particular = 'day' | 'count' | readonly string[];
export type Particulars = Readonly<Record<string, Particular>>;

type ValueOf<P extends Particular> = P extends 'day'
  ? string
  : P extends 'count'
    ? number
    : P extends readonly (infer V)[]
      ? V
      : never;
export type ParticularsOf<P extends Particulars> = { readonly [N in keyof P]: ValueOf<P[N]> };

/** The words of a reason, per language, from its particulars (methods: any kind fits the list's type). */
export interface ReasonWords<P> {
  'zh-CN'(particulars: P): string;
  en(particulars: P): string;
}

export interface ReasonKind<P extends Particulars = Particulars, G extends string = string> {
  /** The particulars it is written from and what each can be (tests enumerate every value). */
  particulars: P;
  says: ReasonWords<ParticularsOf<P>>;
  /**
   * The kind a list groups it under and filters it by: the same words without the particulars
   * ("近30天无四方联席会议" for "近30天无四方联席会议（上次 2026-10-02）"). Itself when absent.
   */
  group?: G;
}

/** Every reason an indicator can give, by kind. */
export type ReasonKinds = Readonly<Record<string, ReasonKind>>;

/** A compound's reason as its classification gives it: the kind and its particulars. */
export type Why = Readonly<{ kind: string } & Record<string, string | number>>;

/** A kind of reason, its particulars' types (and its group's name) inferred from what it declares. */
export function reasonKind<const P extends Particulars, const G extends string>(
  kind: ReasonKind<P, G> & { group: G },
): ReasonKind<P, G>;
export function reasonKind<const P extends Particulars>(kind: ReasonKind<P, never>): ReasonKind<P, never>;
export function reasonKind(kind: ReasonKind): ReasonKind {
  return kind;
}

/** A kind with no particulars: the same words every time (a group's, often). */
export function fixedReason(zh: string, en: string): ReasonKind<Record<never, never>, never>;
export function fixedReason<const G extends string>(
  zh: string,
  en: string,
  group: G,
): ReasonKind<Record<never, never>, G>;
export function fixedReason(zh: string, en: string, group?: string): ReasonKind<Record<never, never>> {
  return { particulars: {}, says: { 'zh-CN': () => zh, en: () => en }, ...(group === undefined ? {} : { group }) };
}

/** An indicator's reasons, checked to group only under kinds of its own. */
export const reasonKinds = <const R extends ReasonKinds>(kinds: R & { [K in keyof R]: { group?: keyof R } }): R =>
  kinds;

/** The reason in `locale`. */
export function reasonText(reasons: ReasonKinds, why: Why, locale: Locale): string {
  const kind = reasons[why.kind];
  if (!kind) throw new Error(`no reason of kind ${why.kind} is declared`);
  return kind.says[locale](why);
}

/** The group the reason is listed and filtered under, in `locale`. */
export function reasonGroupText(reasons: ReasonKinds, why: Why, locale: Locale): string {
  const group = reasons[why.kind]?.group;
  return group === undefined ? reasonText(reasons, why, locale) : reasonText(reasons, { kind: group }, locale);
}

/** A reason as a contribution carries it: the Chinese as the engine writes it, and its kind and particulars. */
export interface Stated {
  reason: string;
  reasonGroup: string;
  why: Why;
}

type ParticularsArg<K extends ReasonKind> = keyof K['particulars'] extends never
  ? []
  : [particulars: ParticularsOf<K['particulars']>];

/**
 * `say(kind, particulars)`: a reason of the indicator's, checked against its declaration. Called
 * for every compound and indicator, so what never changes — a group's words, a reason without
 * particulars — is written once.
 */
export function sayer<R extends ReasonKinds>(reasons: R) {
  const groups = new Map<string, string>();
  const fixed = new Map<string, Stated>();
  const groupOf = (why: Why) => {
    const group = reasons[why.kind]?.group;
    // Without a group a reason is its own, particulars and all: nothing to keep.
    if (group === undefined) return reasonText(reasons, why, 'zh-CN');
    let text = groups.get(group);
    if (text === undefined) groups.set(group, (text = reasonText(reasons, { kind: group }, 'zh-CN')));
    return text;
  };
  return <K extends keyof R & string>(kind: K, ...[particulars]: ParticularsArg<R[K]>): Stated => {
    if (particulars === undefined) {
      let stated = fixed.get(kind);
      if (!stated) {
        const why: Why = { kind };
        fixed.set(kind, (stated = { reason: reasonText(reasons, why, 'zh-CN'), reasonGroup: groupOf(why), why }));
      }
      return stated;
    }
    const why: Why = { ...particulars, kind };
    return { reason: reasonText(reasons, why, 'zh-CN'), reasonGroup: groupOf(why), why };
  };
}

/**
 * A contribution (or drill-through row) as a reader reads it: its reason and group in `locale`,
 * and without `why`, which only the server needs. A row frozen before reasons were declared (a
 * week reviewed earlier) has no `why` and keeps the Chinese it was written in.
 */
export function contributionIn<C extends { reason: string; reasonGroup?: string | undefined; why?: Why | undefined }>(
  contribution: C,
  reasons: ReasonKinds,
  locale: Locale,
): Omit<C, 'why'> {
  const { why, ...rest } = contribution;
  if (why === undefined || locale === 'zh-CN') return rest;
  return { ...rest, reason: reasonText(reasons, why, locale), reasonGroup: reasonGroupText(reasons, why, locale) };
}
