/** Cells read the way a person meant them. */
import { describe, expect, it } from 'vitest';
import { parseDate, parseNumber, parseWholeNumber } from '../../../../server/services/ledger/cells.ts';
import { fieldOfHeader } from '../../../../server/services/ledger/columns.ts';
import { decodeText, parseCsv } from '../../../../server/services/ledger/readLedgerFile.ts';

describe('ledger cells', () => {
  it.each([
    ['１２０', 120],
    [' 1,200 ', 1200],
    ['１，２００户', 1200],
    [860, 860],
  ])('reads %j as the whole number %d', (cell, value) => {
    expect(parseWholeNumber(cell, /户$/)).toEqual({ ok: true, value });
  });

  it.each([['一百'], ['12.5'], ['-3'], ['1.2.3'], [true]])('refuses %j as a whole number, in Chinese', (cell) => {
    const parsed = parseWholeNumber(cell);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.reason).toMatch(/整数|负数/);
  });

  it('reads coordinates with full-width digits and a degree sign', () => {
    expect(parseNumber('１１８．６２°', /°$/)).toEqual({ ok: true, value: 118.62 });
  });

  it.each([
    ['2024-01-05', '2024-01-05'],
    ['2024/1/5', '2024-01-05'],
    ['2024.1.5', '2024-01-05'],
    ['2024年1月5日', '2024-01-05'],
    ['２０２４－０１－０５', '2024-01-05'],
    ['20240105', '2024-01-05'],
    [45296, '2024-01-05'],
    [new Date(Date.UTC(2024, 0, 5)), '2024-01-05'],
  ])('reads the date %j', (cell, value) => {
    expect(parseDate(cell)).toEqual({ ok: true, value });
  });

  it.each([['2024-02-30'], ['去年'], ['2024-13-01'], [12]])('refuses the date %j', (cell) => {
    expect(parseDate(cell).ok).toBe(false);
  });

  it('matches headers written differently', () => {
    expect(fieldOfHeader(' 小区编码* ')).toBe('code');
    expect(fieldOfHeader('社区（村）')).toBe('community');
    expect(fieldOfHeader('经度(GCJ02)')).toBe('lon');
    expect(fieldOfHeader('物业公司')).toBe('propertyCompany');
    expect(fieldOfHeader('备注')).toBeUndefined();
  });

  it('parses quoted CSV and decodes GB18030 as Excel writes it on Chinese Windows', () => {
    expect(parseCsv('a,"b,c","d ""e"""\r\n1,"多\n行",3\n')).toEqual([
      ['a', 'b,c', 'd "e"'],
      ['1', '多\n行', '3'],
    ]);
    const gbk = new Uint8Array([0xd0, 0xa1, 0xc7, 0xf8]); // 小区 in GB18030
    expect(decodeText(gbk)).toBe('小区');
    expect(decodeText(new TextEncoder().encode('\uFEFF小区'))).toBe('小区');
  });
});
