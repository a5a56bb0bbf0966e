/**
 * The compare page's view in its URL: `?t=CODE,CODE[,CODE,CODE]&from=YYYY-Www`. A link that
 * has been cut or edited by hand (an unknown code, one or five codes, a repeated code, a week
 * outside 2024-W01 … this week) opens the default view — no township chosen — and says so.
 */
export const MIN_TOWNSHIPS = 2;
export const MAX_TOWNSHIPS = 4;

export interface CompareView {
  townships: string[];
  from: string;
}

export interface ParsedCompareView extends CompareView {
  invalid: boolean;
}

export function parseCompareView(
  search: string,
  known: { townshipCodes: readonly string[]; weeks: readonly string[] },
): ParsedCompareView {
  const params = new URLSearchParams(search);
  const fallback: ParsedCompareView = { townships: [], from: known.weeks[0] ?? '', invalid: false };
  const rawTownships = params.get('t');
  const rawFrom = params.get('from');
  let townships: string[] = [];
  if (rawTownships !== null) {
    townships = rawTownships.split(',');
    const distinct = new Set(townships);
    const allKnown = townships.every((code) => known.townshipCodes.includes(code));
    if (
      !allKnown ||
      distinct.size !== townships.length ||
      townships.length < MIN_TOWNSHIPS ||
      townships.length > MAX_TOWNSHIPS
    )
      return { ...fallback, invalid: true };
  }
  if (rawFrom !== null && !known.weeks.includes(rawFrom)) return { ...fallback, invalid: true };
  return { townships, from: rawFrom ?? fallback.from, invalid: false };
}

/** The query parameters for a view: `t` only once enough townships are chosen to compare. */
export function compareParams(view: CompareView, firstWeek: string): Record<'t' | 'from', string | null> {
  return {
    t:
      view.townships.length >= MIN_TOWNSHIPS && view.townships.length <= MAX_TOWNSHIPS
        ? view.townships.join(',')
        : null,
    from: view.from && view.from !== firstWeek ? view.from : null,
  };
}

/** Toggles a township in the choice, keeping the order of choosing (it fixes each one's colour). */
export function toggleTownship(chosen: readonly string[], code: string): string[] {
  if (chosen.includes(code)) return chosen.filter((c) => c !== code);
  return chosen.length >= MAX_TOWNSHIPS ? [...chosen] : [...chosen, code];
}
