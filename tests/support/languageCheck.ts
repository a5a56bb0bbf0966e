/**
 * What a reader sees on a page, checked for language leaks: in English, a Chinese character
 * outside data (names of places, compounds, companies, people, and what people wrote); in
 * Chinese, a Latin-only identifier (a unit "pt", a table name, an enum value, a camelCase or
 * snake_case key, a bare ISO week code).
 *
 * Visible text is every text node that is rendered, plus the accessible names and hints a reader
 * meets (aria-label, title, placeholder). A subtree marked with a `lang` other than the page's is
 * text in its own language on purpose (the language switch says "中文") and is left out.
 */
import { getTableName, is } from 'drizzle-orm';
import { PgTable } from 'drizzle-orm/pg-core';
import type { Page } from 'playwright-core';
import * as schema from '../../data/schema/index.ts';

export interface SeenText {
  text: string;
  /** Where it was: the nearest data-testid, or the element's tag. */
  where: string;
}

/**
 * Runs in the page. A string, not a function: a transpiler's helpers (esbuild's __name) do not
 * exist in the page.
 */
const READ_VISIBLE_TEXT = `(() => {
  const pageLang = document.documentElement.lang;
  const out = [];
  const foreign = (el) => {
    const marked = el && el.closest('[lang]');
    return !!marked && marked !== document.documentElement && marked.getAttribute('lang') !== pageLang;
  };
  const shown = (el) => {
    if (!el.getClientRects().length) return false;
    const style = getComputedStyle(el);
    return style.visibility !== 'hidden' && style.display !== 'none';
  };
  const where = (el) => {
    const marked = el.closest('[data-testid]');
    return marked ? marked.getAttribute('data-testid') : el.tagName.toLowerCase();
  };
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const el = node.parentElement;
    const text = (node.textContent || '').trim();
    if (!el || !text || ['SCRIPT', 'STYLE', 'NOSCRIPT'].includes(el.tagName)) continue;
    // An <option> is listed by its <select>: its own box is empty while closed.
    const box = el.tagName === 'OPTION' ? el.closest('select') : el;
    if (!box || !shown(box) || foreign(el)) continue;
    out.push({ text, where: where(el) });
  }
  for (const el of document.querySelectorAll('[aria-label], [title], [placeholder]')) {
    if (foreign(el) || !shown(el)) continue;
    for (const name of ['aria-label', 'title', 'placeholder']) {
      const value = (el.getAttribute(name) || '').trim();
      if (value) out.push({ text: value, where: where(el) + '[' + name + ']' });
    }
  }
  return out;
})()`;

/** The page's visible text and accessible names, outside subtrees in another language. */
export function visibleTexts(page: Page): Promise<SeenText[]> {
  return page.evaluate(READ_VISIBLE_TEXT) as Promise<SeenText[]>;
}

const CJK = /[\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]/;

/**
 * Texts that still hold a Chinese character once every data string is taken out (longest first,
 * so a compound's name goes before the township name inside it).
 */
export function chineseOutsideData(texts: readonly SeenText[], data: readonly string[]): SeenText[] {
  const words = [...new Set(data.filter((d) => CJK.test(d)))].sort((a, b) => b.length - a.length);
  return texts.filter(({ text }) => {
    let rest = text;
    for (const word of words) if (rest.includes(word)) rest = rest.split(word).join(' ');
    return CJK.test(rest);
  });
}

/** Every enum value and table name of the schema: words a Chinese reader must never meet bare. */
export function schemaIdentifiers(): Set<string> {
  const words = new Set<string>();
  for (const value of Object.values(schema)) {
    if (is(value, PgTable)) words.add(getTableName(value));
    else if (typeof value === 'function' && Array.isArray((value as { enumValues?: unknown }).enumValues))
      for (const v of (value as { enumValues: string[] }).enumValues) words.add(v);
  }
  return words;
}

/**
 * Latin-only identifiers in Chinese text: "pt" as a unit, a schema table or enum value, a
 * camelCase or snake_case key, an ISO week code with no dates beside it. Latin words that are
 * names (XLSX, PDF, OneMap, GeoJSON) are not identifiers and pass.
 */
export function latinIdentifiers(texts: readonly SeenText[], identifiers: ReadonlySet<string>): SeenText[] {
  return texts.filter(({ text }) => {
    if (/\d\s*pt\b|\bpt\b/.test(text)) return true;
    if (/\b\d{4}-W\d{2}\b(?!\s*[（(])/.test(text)) return true;
    const words = text.match(/[A-Za-z][A-Za-z0-9_-]*/g) ?? [];
    return words.some(
      (w) =>
        identifiers.has(w) ||
        /^[a-z]+(?:_[a-z0-9]+)+$/.test(w) ||
        /^[a-z]+[A-Z][A-Za-z]*$/.test(w) ||
        (/^[a-z]+$/.test(w) && w.length > 1 && w === text),
    );
  });
}
