/** The tests' own CSV reader, on explicit text, and on what the product's writer makes of awkward names. */
import { describe, expect, it } from 'vitest';
import { toCsv } from '../../server/services/csv.ts';
import { parseCsvObjects, parseCsvRecords } from './csv.ts';

describe('parseCsvRecords', () => {
  it.each([
    [
      'plain cells, final LF',
      'a,b\n1,2\n',
      [
        ['a', 'b'],
        ['1', '2'],
      ],
    ],
    [
      'no final line break',
      'a,b\n1,2',
      [
        ['a', 'b'],
        ['1', '2'],
      ],
    ],
    [
      'CRLF',
      'a,b\r\n1,2\r\n',
      [
        ['a', 'b'],
        ['1', '2'],
      ],
    ],
    ['empty cells', ',x,\n', [['', 'x', '']]],
    ['quoted comma', '"a,b",c\n', [['a,b', 'c']]],
    ['doubled quote', '"say ""hi""",2\n', [['say "hi"', '2']]],
    ['line break inside quotes', '"多\n行",3\r\n', [['多\n行', '3']]],
    ['quoted empty cell', '"",1\n', [['', '1']]],
    ['BOM dropped', '\uFEFF小区,x\n', [['小区', 'x']]],
    ['CR alone is text', 'a\rb\n', [['a\rb']]],
  ])('%s', (_, text, records) => {
    expect(parseCsvRecords(text)).toEqual(records);
  });

  it('refuses an unclosed quote and a quote inside an unquoted cell', () => {
    expect(() => parseCsvRecords('"abc\n')).toThrow(/not closed/);
    expect(() => parseCsvRecords('ab"c\n')).toThrow(/quote inside/);
  });
});

describe('parseCsvObjects', () => {
  it('keys records by the header and keeps the leading quote the writer put before a formula', () => {
    const names = ['=HYPERLINK("http://x","点")', 'a, b', '两\n行', '-3 号楼', 'plain'];
    const csv = toCsv(
      ['name', 'n'],
      names.map((name, i) => [name, -i]),
    );
    expect(parseCsvObjects(csv)).toEqual([
      { name: `'=HYPERLINK("http://x","点")`, n: '0' },
      { name: 'a, b', n: '-1' },
      { name: '两\n行', n: '-2' },
      { name: `'-3 号楼`, n: '-3' },
      { name: 'plain', n: '-4' },
    ]);
  });

  it('refuses a record whose length differs from the header', () => {
    expect(() => parseCsvObjects('a,b\n1\n')).toThrow(/record 2 has 1 cells/);
  });
});
