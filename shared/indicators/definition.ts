/** What the product knows about an indicator that both the client and the server need. */
import type { ReasonKinds } from './reasons.ts';
import type { GoalKind } from './status.ts';
import type { UnitKey } from './units.ts';

/** Which way is better. */
export type Direction = 'up' | 'down';

export type Locale = 'zh-CN' | 'en';

export interface IndicatorNames {
  /** Tile and dialog title. */
  full: string;
  /** Table headers, chips, legends. */
  short: string;
  /** The wall's narrow matrix column. */
  column: string;
}

export interface IndicatorMeta {
  key: string;
  /** The official Chinese name (review pack, CLI, audit). */
  name: string;
  nameEn: string;
  /** Names on screen, per language. */
  names: Record<Locale, IndicatorNames>;
  /**
   * Which way is better. It also decides the colours: the choropleth and the tiles always paint
   * "worse" red, so a falling petition rate is green.
   */
  direction: Direction;
  unit: UnitKey;
  /**
   * The kind of goal it takes: a share to reach ('rate': a fraction 0–1, e.g. 0.9) or a ceiling
   * per 1,000 households not to exceed ('per1000').
   */
  target: UnitKey;
  /**
   * 'deadline': a value to reach by a date, judged on pace until met; 'standing': a rule that
   * holds every day, met or not, with no pace (see status.ts).
   */
  goal: GoalKind;
  numeratorLabel: string;
  denominatorLabel: string;
  /** Why the value cannot be computed when the denominator is 0. */
  noDenominatorReason: string;
  /**
   * Every reason its classification can give a compound, in both languages (reasons.ts): the
   * drill-through, the workbench and the exports write them in the reader's language from here.
   */
  reasons: ReasonKinds;
  /** The weekly review pack's wording in Chinese, the official document's. */
  pack: {
    /** Column heading in the ranking table, short enough to fit the page. */
    short: string;
    /** Headers of the drill-through sheet's numerator and denominator columns. */
    numeratorHeader: string;
    denominatorHeader: string;
    /** Said after the name in tables where the unit is not obvious. */
    unitNote: string;
    /** Said after the name above charts. */
    chartNote: string;
  };
  /** The same wording in English, for files written for a reader in English. */
  packEn: {
    numeratorLabel: string;
    denominatorLabel: string;
    noDenominatorReason: string;
    numeratorHeader: string;
    denominatorHeader: string;
    unitNote: string;
    chartNote: string;
  };
}
