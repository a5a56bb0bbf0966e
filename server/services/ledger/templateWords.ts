/**
 * The ledger template's instructions for a reader in English: the notes on the header cells and
 * the instructions sheet. The ledger sheet itself stays as the file format is — Chinese headers
 * and values (商品房, the townships' names) — since that is what the import reads; the notes name
 * each column by its Chinese header with an English gloss (columnName). The Chinese
 * instructions are the columns' own notes (columns.ts), unchanged.
 */
import type { City } from '../city/activeCity.ts';
import type { LedgerField } from './columns.ts';
import { KIND_EN } from './ledgerReportWords.ts';

const KINDS = `"商品房" (${KIND_EN.commercial}), "安置房" (${KIND_EN.resettlement}), "老旧小区" (${KIND_EN.old}) or "混合" (${KIND_EN.mixed})`;

/** What to write in each column, in English. */
const NOTES_EN: Record<LedgerField, string> = {
  code: "The compound's fixed code in the ledger: a re-import updates the compound by it; no code twice in one file",
  name: "The compound's name",
  address: 'Street address; blank clears it',
  township: 'The township\'s name or 9-digit code: see the sheet "镇街代码" (township codes)',
  community:
    'The community or village it lies in; one the system does not have is created (a name ending in "村" is a village); blank: none',
  lon: 'Decimal degrees; the coordinate system is chosen when importing (WGS84 by default, GCJ-02 for Gaode or Tencent, BD-09 for Baidu) and the points are stored as WGS84',
  lat: 'Decimal degrees, as above; the point must lie in the city',
  households: 'A whole number, 0 or more',
  buildings: 'A whole number, 0 or more; blank keeps the stored value (1 for a new compound)',
  yearBuilt: 'A four-digit year from 1949 to now; blank clears it',
  kind: `One of ${KINDS}`,
  listedOn: 'Counted in every indicator from that day; blank keeps the stored value (today for a new compound)',
  modelHomeSince: 'The day it was named a "Beautiful Home" model compound; blank: it is not one',
  propertyCompany:
    "The managing property company's full name; leaving every property column blank leaves the registered contract as it is",
  companyCreditCode: "The company's 18-character unified social credit code (when given, the company is found by it)",
  contractStart: 'Required when a property company is given',
  contractLastDay: "The contract's last valid day; blank: it is still running",
};

/** The notes that name the city's own places (as cityColumnHints does in Chinese). */
export function columnNotesEn(city: City): Record<LedgerField, string> {
  const township = city.townships.find((t) => t.code === city.demoStaffTownship) ?? city.townships[0];
  if (!township) return NOTES_EN;
  const short = township.name.replace(/(街道|镇|乡)$/, '');
  return {
    ...NOTES_EN,
    township: `One of the ${city.townships.length} townships: its name ("${township.name}", or just "${short}") or its 9-digit code (${township.code}); see the sheet "镇街代码" (township codes)`,
    lat: `Decimal degrees, as above; the point must lie in ${city.nameEn}`,
  };
}

export const TEMPLATE_WORDS_EN = {
  creator: 'OneMap residential compound governance map',
  required: '[required] ',
  optional: '[optional] ',
  example: 'Example: ',
  kindTitle: 'Compound type',
  kindError: 'Choose from the list',
  guideSheet: 'Instructions',
  guideHeaders: { header: 'Column', required: 'Required', note: 'What to write', example: 'Example' },
  yes: 'yes',
  crs: 'Coordinates',
  crsNote: (labels: string) => `Chosen when importing: ${labels}. Stored as WGS84.`,
  crsLabels: 'WGS84/CGCS2000 (Tianditu, GPS); GCJ-02 (Gaode, Tencent); BD-09 (Baidu)',
  reimport: 'Importing again',
  reimportNote:
    'Compounds already stored are updated by their code (their party organisations, owners’ committees, meetings, issues and the rest of their history are kept); stored compounds the ledger leaves out stay as they are and are not deleted.',
  checks: 'Checks',
  checksNote:
    'Every row is checked before anything is imported: each problem is listed with its row, column and reason, and then nothing of the file is imported. Full-width digits and extra spaces are understood.',
  codesHeaders: { code: 'Township code', name: 'Township name' },
};
