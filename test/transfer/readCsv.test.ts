import iconv from 'iconv-lite';
import { detectDelimiter, readCsv } from '../../src/transfer/readCsv';

describe('readCsv', () => {
  it('reads UTF-8 with a BOM, UTF-8 without, and Windows-1252 to the same text', () => {
    const text = 'Name;Ort\r\nMüller & Söhne;Köln €\r\n';
    const tables = [Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]), Buffer.from(text), iconv.encode(text, 'win1252')].map(readCsv);
    expect(tables.map((t) => t.encoding)).toEqual(['utf-8', 'utf-8', 'windows-1252']);
    for (const table of tables) {
      expect(table.headers).toEqual(['Name', 'Ort']);
      expect(table.rows).toEqual([{ line: 2, cells: ['Müller & Söhne', 'Köln €'] }]);
    }
  });

  it('detects the delimiter the header line uses most, outside quotes', () => {
    expect(detectDelimiter('a,b,c\n1;2;3;4;5')).toBe(',');
    expect(detectDelimiter('"a,b";c;d\n')).toBe(';');
    expect(detectDelimiter('a\tb\n')).toBe('\t');
    expect(detectDelimiter('single\n')).toBe(',');
  });

  it('keeps quoted delimiters, quotes and line breaks, and numbers each record by the line it starts on', () => {
    const table = readCsv(Buffer.from('a,b\n1,"x, ""y""\nz"\n\n2,3\n'));
    expect(table.rows).toEqual([
      { line: 2, cells: ['1', 'x, "y"\nz'] },
      { line: 5, cells: ['2', '3'] },
    ]);
  });

  it('answers BAD_USER_INPUT for a quote that is never closed and for an empty file', () => {
    expect(() => readCsv(Buffer.from('a,b\n1,"open\n'))).toThrow(/is not readable as CSV/);
    expect(() => readCsv(Buffer.from(''))).toThrow(/holds no header line/);
  });
});
