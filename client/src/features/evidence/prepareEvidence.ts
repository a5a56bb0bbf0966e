/**
 * A file chosen on the phone made ready to send: a photo's EXIF time and position read first (the
 * shrunk copy loses them), then the photo drawn onto a canvas no longer than 2,000 px on its long
 * side and saved as JPEG; a PDF goes as it is. Type and size are checked here for a quick answer;
 * the server checks them again from the bytes.
 */
import { MAX_EVIDENCE_BYTES, MAX_PHOTO_SIDE, megabytes } from '../../../../shared/evidence/evidence.ts';

export interface EvidenceFile {
  blob: Blob;
  name: string;
  /** ISO instant with offset, from the photo's EXIF. */
  takenAt?: string;
  lat?: number;
  lon?: number;
}

const PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp'];

/** EXIF 'YYYY:MM:DD HH:MM:SS' is the camera's wall clock; read as Asia/Shanghai (UTC+8) unless it says otherwise. */
function exifInstant(clock: unknown, offset: unknown): string | undefined {
  if (typeof clock !== 'string') return undefined;
  const m = /^(\d{4}):(\d{2}):(\d{2}) (\d{2}):(\d{2}):(\d{2})/.exec(clock.trim());
  if (!m) return undefined;
  const zone = typeof offset === 'string' && /^[+-]\d{2}:\d{2}$/.test(offset) ? offset : '+08:00';
  return `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}${zone}`;
}

async function readExif(file: Blob): Promise<Pick<EvidenceFile, 'takenAt' | 'lat' | 'lon'>> {
  try {
    // exifr's lite build (JPEG/HEIC/TIFF EXIF and GPS) is loaded only when a photo is chosen.
    const exifr = (await import('exifr/dist/lite.esm.mjs')).default;
    // Raw values (the camera's clock as written); exifr adds latitude/longitude in decimal degrees.
    // (No `pick`: the lite build lacks the tag dictionaries it needs.)
    const tags = (await exifr.parse(await file.arrayBuffer(), { reviveValues: false })) as
      Record<string, unknown> | undefined;
    const lat = tags?.latitude;
    const lon = tags?.longitude;
    const takenAt = exifInstant(tags?.DateTimeOriginal ?? tags?.CreateDate, tags?.OffsetTimeOriginal);
    const ok = typeof lat === 'number' && typeof lon === 'number' && Number.isFinite(lat) && Number.isFinite(lon);
    return {
      ...(takenAt ? { takenAt } : {}),
      ...(ok ? { lat, lon } : {}),
    };
  } catch {
    return {};
  }
}

async function shrink(file: Blob): Promise<Blob> {
  // from-image: a portrait photo stays upright (its EXIF orientation is applied before drawing).
  const bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
  const scale = Math.min(1, MAX_PHOTO_SIDE / Math.max(bitmap.width, bitmap.height));
  const canvas = document.createElement('canvas');
  canvas.width = Math.max(1, Math.round(bitmap.width * scale));
  canvas.height = Math.max(1, Math.round(bitmap.height * scale));
  canvas.getContext('2d')!.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
  bitmap.close();
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', 0.85));
  if (!blob) throw new Error('图片压缩失败');
  return blob;
}

export class EvidenceRefusal extends Error {}

export async function prepareEvidence(file: File): Promise<EvidenceFile> {
  const isPdf = file.type === 'application/pdf' || /\.pdf$/i.test(file.name);
  if (isPdf) {
    if (file.size > MAX_EVIDENCE_BYTES)
      throw new EvidenceRefusal(`文件过大（${megabytes(file.size)} MB）：每个佐证材料最大 10 MB`);
    return { blob: file, name: file.name };
  }
  if (!PHOTO_TYPES.includes(file.type) && !file.type.startsWith('image/'))
    throw new EvidenceRefusal(`文件 ${file.name} 不是照片或 PDF，不能作为佐证材料`);
  const exif = await readExif(file);
  let blob: Blob;
  try {
    blob = await shrink(file);
  } catch {
    throw new EvidenceRefusal(`无法读取照片 ${file.name}（请选择 JPEG、PNG 或 WebP 照片）`);
  }
  if (blob.size > MAX_EVIDENCE_BYTES)
    throw new EvidenceRefusal(`文件过大（${megabytes(blob.size)} MB）：每个佐证材料最大 10 MB`);
  const name = file.name.replace(/\.[A-Za-z0-9]{1,5}$/, '') + '.jpg';
  return { blob, name, ...exif };
}
