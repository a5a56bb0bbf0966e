/**
 * The evidence rules both sides apply: a file's type from its first bytes (a renamed file or a page
 * posing as a photo is not one), and when a photo is flagged — past 1 km from the compound, past
 * 2 days (Beijing days) from the record's date, never for the limits themselves.
 */
import { describe, expect, it } from 'vitest';
import { distanceKm, evidenceFlags, sniffMediaType } from '../../../shared/evidence/evidence.ts';

const bytes = (...b: number[]) => new Uint8Array(b);
const ascii = (s: string) => new TextEncoder().encode(s);

describe('sniffMediaType', () => {
  it('knows JPEG, PNG, WebP and PDF by their first bytes, and nothing else', () => {
    expect(sniffMediaType(bytes(0xff, 0xd8, 0xff, 0xe0))).toBe('image/jpeg');
    expect(sniffMediaType(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a))).toBe('image/png');
    expect(sniffMediaType(ascii('RIFF\u0000\u0000\u0000\u0000WEBPVP8 '))).toBe('image/webp');
    expect(sniffMediaType(ascii('%PDF-1.7\n'))).toBe('application/pdf');
    expect(sniffMediaType(ascii('RIFF\u0000\u0000\u0000\u0000WAVEfmt '))).toBeNull(); // a sound, not a picture
    expect(sniffMediaType(ascii('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBeNull();
    expect(sniffMediaType(ascii('GIF89a'))).toBeNull();
    expect(sniffMediaType(bytes(0xff, 0xd8))).toBeNull(); // cut short
    expect(sniffMediaType(bytes())).toBeNull();
  });
});

describe('evidenceFlags', () => {
  // A compound in Jinjiang; 0.01° of latitude is ~1.11 km.
  const compound = { lon: 118.5876, lat: 24.8123, name: '翠湖华庭' };
  const place = { compound, date: '2026-12-01', dateLabel: '会议日期' };

  it('measures distance on the sphere', () => {
    expect(distanceKm(compound, { lon: compound.lon, lat: compound.lat + 0.01 })).toBeCloseTo(1.112, 2);
    expect(distanceKm(compound, compound)).toBe(0);
  });

  it('flags a photo past 1 km or past 2 days, not one within them', () => {
    const at = (iso: string) => new Date(iso);
    expect(
      evidenceFlags({ at: at('2026-12-03T23:59:00+08:00'), lon: compound.lon, lat: compound.lat + 0.008 }, place),
    ).toEqual([]);
    expect(evidenceFlags({ at: at('2026-11-29T00:01:00+08:00'), lon: null, lat: null }, place)).toEqual([]);
    expect(
      evidenceFlags({ at: at('2026-12-04T00:10:00+08:00'), lon: compound.lon, lat: compound.lat + 0.01 }, place),
    ).toEqual([
      '拍摄位置距翠湖华庭约 1.1 公里（超过 1 公里）',
      '拍摄时间 2026-12-04 00:10 与会议日期 2026-12-01 相差 3 天（超过 2 天）',
    ]);
    // 23:30 UTC on the 3rd is 07:30 on the 4th in Beijing: three days after, not two.
    expect(evidenceFlags({ at: at('2026-12-03T23:30:00Z'), lon: null, lat: null }, place)).toHaveLength(1);
  });

  it('has nothing to compare when the photo or the record says nothing', () => {
    expect(evidenceFlags({ at: null, lon: null, lat: null }, place)).toEqual([]);
    expect(
      evidenceFlags(
        { at: new Date('2020-01-01T00:00:00Z'), lon: 0, lat: 0 },
        { compound: null, date: null, dateLabel: '' },
      ),
    ).toEqual([]);
  });
});
