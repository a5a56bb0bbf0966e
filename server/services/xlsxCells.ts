/** Cells of the workbooks OneMap writes for people: dates are date cells, not text. */
import type { Locale } from '../../shared/language/index.ts';

export const DATE_FORMAT = 'yyyy-mm-dd';

/**
 * A calendar date (YYYY-MM-DD, a day in Asia/Shanghai) as a date cell: UTC midnight, which exceljs
 * writes as that day's whole serial number, so Excel shows the same day in any time zone.
 */
export function dateCell(iso: string | null): Date | null {
  return iso === null ? null : new Date(`${iso}T00:00:00Z`);
}

/** The workbook's author in its own language (a reader in English sees no Chinese in its properties). */
export function workbookCreator(locale: Locale): string {
  return locale === 'en' ? 'OneMap residential compound governance map' : 'OneMap 住宅小区治理一张图';
}
