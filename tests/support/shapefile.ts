/**
 * A minimal zipped Shapefile writer for tests (polygons, text attributes in UTF-8 or GBK with a
 * .cpg saying so in any spelling, or none; optional .prj): enough to check that official
 * boundaries delivered as Shapefiles are read.
 */
import JSZip from 'jszip';
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';

type Ring = Position[];

/** Shapefile outer rings run clockwise, holes anticlockwise. */
function signedArea(ring: Ring): number {
  let sum = 0;
  for (let i = 0; i < ring.length - 1; i++)
    sum += (ring[i + 1]![0]! - ring[i]![0]!) * (ring[i + 1]![1]! + ring[i]![1]!);
  return sum; // > 0: clockwise
}

function shapeRings(geometry: Polygon | MultiPolygon): Ring[] {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  return polygons.flatMap((rings) =>
    rings.map((ring, i) => (signedArea(ring) > 0 === (i === 0) ? ring : [...ring].reverse())),
  );
}

export async function zippedShapefile(
  features: Feature<Polygon | MultiPolygon, Record<string, string>>[],
  options: {
    prj?: string;
    project?: (p: Position) => Position;
    /** The attribute bytes (default UTF-8). */
    encoding?: 'utf8' | 'gbk';
    /** The .cpg text (default "UTF-8"); null: no .cpg in the zip. */
    cpg?: string | null;
  } = {},
): Promise<Uint8Array> {
  const encode = (text: string) => (options.encoding === 'gbk' ? gbkBytes(text) : Buffer.from(text, 'utf8'));
  const project = options.project ?? ((p: Position) => p);
  const records = features.map((f) => shapeRings(f.geometry).map((r) => r.map(project)));
  const bbox = (rings: Ring[]) => {
    const xs = rings.flat().map((p) => p[0]!);
    const ys = rings.flat().map((p) => p[1]!);
    return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
  };
  const contents = records.map((rings) => {
    const points = rings.flat();
    const buf = Buffer.alloc(44 + 4 * rings.length + 16 * points.length);
    buf.writeInt32LE(5, 0);
    bbox(rings).forEach((v, i) => buf.writeDoubleLE(v, 4 + 8 * i));
    buf.writeInt32LE(rings.length, 36);
    buf.writeInt32LE(points.length, 40);
    let start = 0;
    rings.forEach((r, i) => {
      buf.writeInt32LE(start, 44 + 4 * i);
      start += r.length;
    });
    points.forEach((p, i) => {
      buf.writeDoubleLE(p[0]!, 44 + 4 * rings.length + 16 * i);
      buf.writeDoubleLE(p[1]!, 52 + 4 * rings.length + 16 * i);
    });
    return buf;
  });
  const header = (lengthWords: number) => {
    const h = Buffer.alloc(100);
    h.writeInt32BE(9994, 0);
    h.writeInt32BE(lengthWords, 24);
    h.writeInt32LE(1000, 28);
    h.writeInt32LE(5, 32);
    bbox(records.flat()).forEach((v, i) => h.writeDoubleLE(v, 36 + 8 * i));
    return h;
  };
  const shpBody: Buffer[] = [];
  const shxBody: Buffer[] = [];
  let offsetWords = 50;
  contents.forEach((c, i) => {
    const rh = Buffer.alloc(8);
    rh.writeInt32BE(i + 1, 0);
    rh.writeInt32BE(c.length / 2, 4);
    shpBody.push(rh, c);
    const ix = Buffer.alloc(8);
    ix.writeInt32BE(offsetWords, 0);
    ix.writeInt32BE(c.length / 2, 4);
    shxBody.push(ix);
    offsetWords += 4 + c.length / 2;
  });
  const shp = Buffer.concat([header(offsetWords), ...shpBody]);
  const shx = Buffer.concat([header(50 + 4 * contents.length), ...shxBody]);

  // dBASE III with text fields, encoded as asked.
  const names = [...new Set(features.flatMap((f) => Object.keys(f.properties)))];
  const width = (name: string) => Math.max(10, ...features.map((f) => encode(f.properties[name] ?? '').length));
  const widths = names.map(width);
  const recordLength = 1 + widths.reduce((a, b) => a + b, 0);
  const head = Buffer.alloc(32 + 32 * names.length + 1);
  head.writeUInt8(0x03, 0);
  head.writeUInt8(126, 1);
  head.writeUInt8(1, 2);
  head.writeUInt8(1, 3);
  head.writeUInt32LE(features.length, 4);
  head.writeUInt16LE(head.length, 8);
  head.writeUInt16LE(recordLength, 10);
  names.forEach((name, i) => {
    head.write(name.slice(0, 10), 32 + 32 * i, 'latin1');
    head.write('C', 32 + 32 * i + 11, 'latin1');
    head.writeUInt8(widths[i]!, 32 + 32 * i + 16);
  });
  head.writeUInt8(0x0d, head.length - 1);
  const rows = features.map((f) => {
    const row = Buffer.alloc(recordLength, 0x20);
    let at = 1;
    names.forEach((name, i) => {
      encode(f.properties[name] ?? '').copy(row, at);
      at += widths[i]!;
    });
    return row;
  });
  const dbf = Buffer.concat([head, ...rows, Buffer.from([0x1a])]);

  const zip = new JSZip();
  zip.file('towns.shp', shp);
  zip.file('towns.shx', shx);
  zip.file('towns.dbf', dbf);
  const cpg = options.cpg === undefined ? 'UTF-8' : options.cpg;
  if (cpg !== null) zip.file('towns.cpg', cpg);
  if (options.prj) zip.file('towns.prj', options.prj);
  return zip.generateAsync({ type: 'uint8array' });
}

let gbkTable: Map<string, Buffer> | undefined;

/** Text as GBK bytes (GB2312's hanzi and punctuation, ASCII as is), built from the decoder. */
export function gbkBytes(text: string): Buffer {
  if (!gbkTable) {
    gbkTable = new Map();
    const decoder = new TextDecoder('gbk');
    for (let hi = 0xa1; hi <= 0xf7; hi++)
      for (let lo = 0xa1; lo <= 0xfe; lo++) {
        const bytes = Buffer.from([hi, lo]);
        const ch = decoder.decode(bytes);
        if (ch.length === 1 && ch !== '\ufffd' && !gbkTable.has(ch)) gbkTable.set(ch, bytes);
      }
  }
  return Buffer.concat(
    [...text].map((ch) => {
      if (ch.charCodeAt(0) < 0x80) return Buffer.from(ch, 'latin1');
      const bytes = gbkTable!.get(ch);
      if (!bytes) throw new Error(`no GBK bytes for ${ch}`);
      return bytes;
    }),
  );
}
