/**
 * Evidence files, the rules both sides apply: which files are accepted (by their first bytes),
 * how large, and when a photo looks doubtful (taken far from the compound, or days away from the
 * record's date). Pure: used by the server when it stores a file and by the phone before it sends.
 */
import { daysBetween, shanghaiDateTime, todayInCity } from '../time/dates.ts';

/** 10 MB per file: a scan of a few pages, a photo straight from a camera. */
export const MAX_EVIDENCE_BYTES = 10 * 1024 * 1024;
/** The long side of a photo after the phone shrinks it, in pixels. */
export const MAX_PHOTO_SIDE = 2000;
/** A photo taken farther than this from the compound's point is flagged (kilometres). */
export const FAR_KM = 1;
/** A photo taken more than this many days from the record's date is flagged. */
export const LATE_DAYS = 2;

export type EvidenceMediaType = 'image/jpeg' | 'image/png' | 'image/webp' | 'application/pdf';

const startsWith = (bytes: Uint8Array, magic: readonly number[], at = 0) =>
  bytes.length >= at + magic.length && magic.every((b, i) => bytes[at + i] === b);

/** The file's type from its first bytes (JPEG, PNG, WebP, PDF), or null for anything else. */
export function sniffMediaType(bytes: Uint8Array): EvidenceMediaType | null {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  // RIFF....WEBP
  if (startsWith(bytes, [0x52, 0x49, 0x46, 0x46]) && startsWith(bytes, [0x57, 0x45, 0x42, 0x50], 8))
    return 'image/webp';
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'application/pdf'; // %PDF-
  return null;
}

export const megabytes = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);

/** Great-circle distance in kilometres between two WGS84 points given as (lon, lat) in degrees. */
export function distanceKm(a: { lon: number; lat: number }, b: { lon: number; lat: number }): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371.0088 * Math.asin(Math.min(1, Math.sqrt(h)));
}

export interface EvidencePlace {
  /** The compound's point (lon, lat); null when the owner has no compound. */
  compound: { lon: number; lat: number; name: string } | null;
  /** The record's date (a meeting's day, an issue stage's day), YYYY-MM-DD; null when it has none. */
  date: string | null;
  /** What the date is called in the message: 会议日期, 办结日期. */
  dateLabel: string;
}

/** Why a photo looks doubtful, one Chinese sentence per reason; empty when nothing is. */
export function evidenceFlags(
  taken: { at: Date | null; lon: number | null; lat: number | null },
  place: EvidencePlace,
): string[] {
  const flags: string[] = [];
  if (taken.lon !== null && taken.lat !== null && place.compound) {
    const km = distanceKm({ lon: taken.lon, lat: taken.lat }, place.compound);
    if (km > FAR_KM) flags.push(`拍摄位置距${place.compound.name}约 ${km.toFixed(1)} 公里（超过 ${FAR_KM} 公里）`);
  }
  if (taken.at && place.date) {
    // Whole days between the photo's day in Asia/Shanghai and the record's day.
    const takenDay = todayInCity(taken.at);
    const days = Math.abs(daysBetween(place.date, takenDay));
    if (days > LATE_DAYS)
      flags.push(
        `拍摄时间 ${shanghaiDateTime(taken.at)} 与${place.dateLabel} ${place.date} 相差 ${days} 天（超过 ${LATE_DAYS} 天）`,
      );
  }
  return flags;
}
