/**
 * A zipped Shapefile (.shp + .dbf, with .prj to reproject — e.g. CGCS2000 Gauss-Krüger — and
 * .cpg for the attribute encoding) read by shpjs into WGS84 GeoJSON. OneMap unzips it itself to
 * read the .cpg the way GDAL and ArcGIS write it (CP936, 936 …; shpjs knows only names its
 * TextDecoder knows and falls back to UTF-8 silently).
 */
import { said, saidOf, type Said } from '../../../shared/language/said.ts';
import { BadInputError } from '../errors.ts';
import type { LedgerFile } from '../ledger/readLedgerFile.ts';
import { dbfEncoding, ENCODING_NAMES, type DbfEncoding } from './shapefileEncoding.ts';
import { readZipEntries } from './zipEntries.ts';
import { BOUNDARY_WORDS } from './boundaryWords.ts';

export interface ShapefileRead {
  json: unknown;
  encoding: DbfEncoding;
}

const extension = (name: string) => name.slice(name.lastIndexOf('.') + 1).toLowerCase();
const base = (name: string) => name.slice(0, name.lastIndexOf('.'));

export async function readZippedShapefile(file: LedgerFile): Promise<ShapefileRead> {
  // Why, from the zip reader in both languages, or from shpjs in its own English.
  const refuse = (why: Said) => new BadInputError(BOUNDARY_WORDS.unreadableShapefile(file.name, why));
  const whyOf = (error: unknown) => saidOf(error) ?? said((error as Error).message, (error as Error).message);
  let entries: Map<string, Uint8Array>;
  try {
    entries = readZipEntries(file.data);
  } catch (error) {
    throw refuse(whyOf(error));
  }
  const names = [...entries.keys()].filter((n) => !n.includes('__MACOSX'));
  const layers = names.filter((n) => extension(n) === 'shp');
  if (layers.length === 0) throw refuse(BOUNDARY_WORDS.noLayer);
  if (layers.length > 1) throw new BadInputError(BOUNDARY_WORDS.manyLayers(file.name, layers.length));
  const part = (ext: string) => {
    const name = names.find((n) => base(n) === base(layers[0]!) && extension(n) === ext);
    return name === undefined ? undefined : entries.get(name);
  };
  const dbf = part('dbf');
  const cpg = part('cpg');
  const prj = part('prj');
  const encoding = dbfEncoding(cpg && new TextDecoder().decode(cpg), dbf);
  const view = (bytes: Uint8Array) => new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const { getShapefile } = await import('shpjs');
  try {
    const json = await getShapefile({
      shp: view(part('shp')!),
      ...(dbf ? { dbf: view(dbf), cpg: encoding.label } : {}),
      ...(prj ? { prj: new TextDecoder().decode(prj) } : {}),
    });
    return { json, encoding };
  } catch (error) {
    throw refuse(whyOf(error));
  }
}

/** For a refusal: how the attributes were read and how to say otherwise. */
export function encodingHint(encoding: DbfEncoding): Said {
  return BOUNDARY_WORDS.encodingHint(ENCODING_NAMES[encoding.label], encoding.source);
}
