/**
 * When and where a photo was taken, from its EXIF block. A camera writes its wall clock without a
 * zone (DateTimeOriginal 'YYYY:MM:DD HH:MM:SS'); unless it also wrote OffsetTimeOriginal, the clock
 * is read as Asia/Shanghai (UTC+8, no daylight saving), where the city's phones are.
 */
import exifr from 'exifr';

// exifr's Node entry is a UMD bundle without named exports (Node refuses `import { parse }`): its
// functions are reached through the default export.
// oxlint-disable-next-line import/no-named-as-default-member
const { gps: readGps, parse } = exifr;

export interface PhotoExif {
  takenAt: Date | null;
  lon: number | null;
  lat: number | null;
}

const NOTHING: PhotoExif = { takenAt: null, lon: null, lat: null };

/** '2026:12:01 10:00:00' (+ '+08:00') → the instant; null when it is not a real time. */
export function exifTime(clock: unknown, offset: unknown): Date | null {
  if (typeof clock !== 'string') return null;
  const m = /^(\d{4}):(\d{2}):(\d{2}) (\d{2}):(\d{2}):(\d{2})/.exec(clock.trim());
  if (!m) return null;
  const zone = typeof offset === 'string' && /^[+-]\d{2}:\d{2}$/.test(offset.trim()) ? offset.trim() : '+08:00';
  const at = new Date(`${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}${zone}`);
  return Number.isNaN(at.getTime()) ? null : at;
}

const finiteIn = (value: unknown, limit: number) =>
  typeof value === 'number' && Number.isFinite(value) && Math.abs(value) <= limit ? value : null;

/** The EXIF time and position of an image; nothing (not an error) when it has none or cannot be read. */
export async function readPhotoExif(bytes: Uint8Array): Promise<PhotoExif> {
  try {
    const tags = (await parse(Buffer.from(bytes), {
      tiff: true,
      exif: true,
      gps: true,
      reviveValues: false,
      pick: [
        'DateTimeOriginal',
        'CreateDate',
        'OffsetTimeOriginal',
        'GPSLatitude',
        'GPSLatitudeRef',
        'GPSLongitude',
        'GPSLongitudeRef',
      ],
    })) as Record<string, unknown> | undefined;
    if (!tags) return NOTHING;
    const gps = await readGps(Buffer.from(bytes)).catch(() => undefined);
    const lat = finiteIn(gps?.latitude, 90);
    const lon = finiteIn(gps?.longitude, 180);
    return {
      takenAt: exifTime(tags.DateTimeOriginal ?? tags.CreateDate, tags.OffsetTimeOriginal),
      lon: lat === null ? null : lon,
      lat: lon === null ? null : lat,
    };
  } catch {
    return NOTHING;
  }
}
