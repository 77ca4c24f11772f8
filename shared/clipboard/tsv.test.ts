// Clipboard text as Excel, LibreOffice and Google Sheets write it: parsing and writing.
import fc from 'fast-check';
import { padRows, parseTsv, writeTsv } from './tsv';

describe('parseTsv', () => {
  it('reads an Excel block: tabs, CRLF, and the final line break that opens no row', () => {
    expect(parseTsv('1.234\t5.678\r\n(500)\t 1 234 \r\n')).toEqual([
      ['1.234', '5.678'],
      ['(500)', ' 1 234 '],
    ]);
  });
  it('reads LF and lone CR line breaks, and text without a final line break', () => {
    expect(parseTsv('a\tb\nc\td')).toEqual([['a', 'b'], ['c', 'd']]);
    expect(parseTsv('a\rb\r')).toEqual([['a'], ['b']]);
  });
  it('keeps empty cells, leading and trailing, and empty rows inside the block', () => {
    expect(parseTsv('\t1\t\r\n\r\n2\t\t3\r\n')).toEqual([['', '1', ''], [''], ['2', '', '3']]);
    expect(parseTsv('\r\n')).toEqual([['']]);
    expect(parseTsv('')).toEqual([]);
  });
  it('reads quoted cells holding tabs, line breaks and doubled quotes', () => {
    expect(parseTsv('"Dự án 1:\nhạ tầng"\t"a\tb"\t"5"" ống"\r\n7\r\n')).toEqual([
      ['Dự án 1:\nhạ tầng', 'a\tb', '5" ống'],
      ['7'],
    ]);
    expect(parseTsv('"x\r\ny"\r\n')).toEqual([['x\r\ny']]);
  });
  it('is lenient with quotes that do not wrap a whole cell', () => {
    expect(parseTsv('5" ống\t"a"b\r\n')).toEqual([['5" ống', 'ab']]);
    expect(parseTsv('"never closed\tx\r\n')).toEqual([['"never closed', 'x']]);
  });
  it('keeps ragged rows as they are; padRows fills them to the widest', () => {
    const rows = parseTsv('1\t2\t3\r\n4\r\n5\t6\r\n');
    expect(rows).toEqual([['1', '2', '3'], ['4'], ['5', '6']]);
    expect(padRows(rows)).toEqual([['1', '2', '3'], ['4', '', ''], ['5', '6', '']]);
  });
});

describe('writeTsv', () => {
  it('writes tabs and CRLF with a final CRLF, quoting only cells that need it', () => {
    expect(writeTsv([['1.234', 'Sở Y tế'], ['a\tb', 'x\ny'], ['say "hi"', '']])).toBe(
      '1.234\tSở Y tế\r\n"a\tb"\t"x\ny"\r\n"say ""hi"""\t\r\n',
    );
    expect(writeTsv([])).toBe('');
  });
  it('round-trips any block of cells through parseTsv', () => {
    const cellText = fc.string({ unit: fc.constantFrom('a', 'Đ', '1', '.', ',', ' ', '\t', '\n', '\r', '"', '(', ')') });
    fc.assert(
      fc.property(fc.array(fc.array(cellText, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 6 }), (rows) => {
        expect(parseTsv(writeTsv(rows))).toEqual(rows);
      }),
    );
  });
});
