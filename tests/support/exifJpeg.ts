/**
 * A JPEG with an EXIF block as a phone camera writes it: DateTimeOriginal (the camera's wall clock,
 * no zone) and GPS latitude/longitude. Written byte by byte (big-endian TIFF) so tests need no tool.
 */

export interface ExifFields {
  /** 'YYYY:MM:DD HH:MM:SS', the camera's clock. */
  takenAt: string;
  lat: number;
  lon: number;
}

/** SOI, APP0-less, an empty image: enough for an EXIF reader, not for a decoder. */
export const BARE_JPEG = new Uint8Array([0xff, 0xd8, 0xff, 0xd9]);

function tiff(fields: ExifFields): Uint8Array {
  const buf = new Uint8Array(178);
  const view = new DataView(buf.buffer);
  const entry = (at: number, tag: number, type: number, count: number, value: number) => {
    view.setUint16(at, tag);
    view.setUint16(at + 2, type);
    view.setUint32(at + 4, count);
    view.setUint32(at + 8, value);
  };
  const ASCII = 2;
  const LONG = 4;
  const RATIONAL = 5;
  buf.set([0x4d, 0x4d, 0x00, 0x2a, 0, 0, 0, 8]); // "MM", 42, IFD0 at 8
  view.setUint16(8, 2);
  entry(10, 0x8769, LONG, 1, 38); // Exif IFD
  entry(22, 0x8825, LONG, 1, 56); // GPS IFD
  view.setUint32(34, 0);
  view.setUint16(38, 1);
  entry(40, 0x9003, ASCII, 20, 110); // DateTimeOriginal
  view.setUint32(52, 0);
  view.setUint16(56, 4);
  entry(58, 0x0001, ASCII, 2, (fields.lat >= 0 ? 0x4e : 0x53) << 24); // 'N' / 'S', inline
  entry(70, 0x0002, RATIONAL, 3, 130);
  entry(82, 0x0003, ASCII, 2, (fields.lon >= 0 ? 0x45 : 0x57) << 24); // 'E' / 'W', inline
  entry(94, 0x0004, RATIONAL, 3, 154);
  view.setUint32(106, 0);
  buf.set(new TextEncoder().encode(fields.takenAt.slice(0, 19)), 110);
  const dms = (at: number, degrees: number) => {
    const abs = Math.abs(degrees);
    const d = Math.floor(abs);
    const m = Math.floor((abs - d) * 60);
    const s = Math.round(((abs - d) * 60 - m) * 60 * 10_000);
    [
      [d, 1],
      [m, 1],
      [s, 10_000],
    ].forEach(([num, den], i) => {
      view.setUint32(at + i * 8, num!);
      view.setUint32(at + i * 8 + 4, den!);
    });
  };
  dms(130, fields.lat);
  dms(154, fields.lon);
  return buf;
}

/** `jpeg` with an APP1 EXIF segment inserted right after its SOI marker. */
export function withExif(jpeg: Uint8Array, fields: ExifFields): Uint8Array {
  const body = tiff(fields);
  const header = new TextEncoder().encode('Exif\0\0');
  const length = 2 + header.length + body.length;
  const segment = new Uint8Array(2 + length);
  segment.set([0xff, 0xe1, length >> 8, length & 0xff]);
  segment.set(header, 4);
  segment.set(body, 4 + header.length);
  const out = new Uint8Array(jpeg.length + segment.length);
  out.set(jpeg.subarray(0, 2));
  out.set(segment, 2);
  out.set(jpeg.subarray(2), 2 + segment.length);
  return out;
}
