/**
 * The encoding of a Shapefile's attribute table (.dbf). The .cpg says it, in the spellings GDAL
 * and ArcGIS write (CP936, 936, ANSI 936, GBK, GB2312, GB18030, UTF-8, utf8, 65001 …); without a
 * .cpg, the .dbf's language driver byte (0x4D / 0x7A: Chinese GBK); else the bytes themselves
 * (valid UTF-8, else GBK — what Chinese GIS offices mostly hand over). GBK text is decoded as
 * GB18030, its superset.
 */
import { said, type Said } from '../../../shared/language/said.ts';
import { ENCODING_SOURCE_WORDS as WORDS } from './boundaryWords.ts';

export interface DbfEncoding {
  /** A TextDecoder label. */
  label: 'utf-8' | 'gb18030' | 'big5' | 'windows-1252';
  /** How it was chosen, for refusals. */
  source: Said;
}

const CPG_LABELS: [RegExp, DbfEncoding['label']][] = [
  [/^(UTF8|65001|CP65001|UNICODE)$/, 'utf-8'],
  [
    /^(CP936|936|ANSI936|WINDOWS936|MSCP936|MS936|GBK|GB2312|GB231280|EUCCN|CP20936|20936|GB18030|54936|CP54936)$/,
    'gb18030',
  ],
  [/^(CP950|950|ANSI950|BIG5|BIG5HKSCS)$/, 'big5'],
  [/^(CP1252|1252|ANSI1252|WINDOWS1252|LATIN1|ISO88591|88591)$/, 'windows-1252'],
];

/** "CP936" → gb18030; undefined for a value it does not know. */
export function encodingOfCpg(cpg: string): DbfEncoding['label'] | undefined {
  const key = cpg
    .replace(/^\uFEFF/, '')
    .trim()
    .toUpperCase()
    .replace(/[\s_.-]+/g, '');
  return CPG_LABELS.find(([pattern]) => pattern.test(key))?.[1];
}

const GBK_DRIVER_IDS = new Set([0x4d, 0x7a]);

export function dbfEncoding(cpg: string | undefined, dbf: Uint8Array | undefined): DbfEncoding {
  const declared = cpg?.trim();
  if (declared) {
    const label = encodingOfCpg(declared);
    if (label) return { label, source: WORDS.declared(declared.slice(0, 20)) };
  }
  const unknown = declared ? WORDS.unknownCpg(declared.slice(0, 20)) : WORDS.noCpg;
  const because = (reason: Said) => said(unknown['zh-CN'] + reason['zh-CN'], unknown.en + reason.en);
  if (dbf && dbf.length > 32 && GBK_DRIVER_IDS.has(dbf[29]!))
    return { label: 'gb18030', source: because(WORDS.driverMark) };
  if (dbf) {
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(dbf);
      return { label: 'utf-8', source: because(WORDS.validUtf8) };
    } catch {
      return { label: 'gb18030', source: because(WORDS.notUtf8) };
    }
  }
  // Nothing after "没有 .cpg，": the Chinese as it always read; the English without the dangling comma.
  return { label: 'utf-8', source: said(unknown['zh-CN'], unknown.en.replace(/, $/, '')) };
}

export const ENCODING_NAMES: Record<DbfEncoding['label'], string> = {
  'utf-8': 'UTF-8',
  gb18030: 'GBK/GB18030',
  big5: 'Big5',
  'windows-1252': 'Windows-1252',
};
