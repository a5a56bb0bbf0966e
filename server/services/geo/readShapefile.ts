/**
 * A zipped Shapefile (.shp + .dbf, with .prj to reproject — e.g. CGCS2000 Gauss-Krüger — and
 * .cpg for the attribute encoding) read by shpjs into WGS84 GeoJSON. OneMap unzips it itself to
 * read the .cpg the way GDAL and ArcGIS write it (CP936, 936 …; shpjs knows only names its
 * TextDecoder knows and falls back to UTF-8 silently).
 */
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
  const refuse = (why: string) =>
    new BadInputError(`无法读取压缩的 Shapefile ${file.name}（${why}）：应为含 .shp、.dbf（及 .prj）的 zip 文件`);
  let entries: Map<string, Uint8Array>;
  try {
    entries = readZipEntries(file.data);
  } catch (error) {
    throw refuse((error as Error).message);
  }
  const names = [...entries.keys()].filter((n) => !n.includes('__MACOSX'));
  const layers = names.filter((n) => extension(n) === 'shp');
  if (layers.length === 0) throw refuse('no layers founds');
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
    throw refuse((error as Error).message);
  }
}

/** For a refusal: how the attributes were read and how to say otherwise. */
export function encodingHint(encoding: DbfEncoding): string {
  return `属性文字按 ${ENCODING_NAMES[encoding.label]} 读取（${encoding.source}）；若名称为乱码，请在 .cpg 文件中写明编码：GBK 文件写 CP936 或 GBK，UTF-8 文件写 UTF-8`;
}
