import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvCell, detectDelimiter, parseCsv, toCsv } from '@/lib/csv';

describe('parseCsv', () => {
  it('reads quoted fields with commas, quotes and line breaks, CRLF or LF', () => {
    const text = 'name,email\r\n"Smith, Jo","jo@x.org"\n"Say ""hi""",a@b.c\n"two\nlines",z@z.z';
    expect(parseCsv(text)).toEqual([
      ['name', 'email'],
      ['Smith, Jo', 'jo@x.org'],
      ['Say "hi"', 'a@b.c'],
      ['two\nlines', 'z@z.z'],
    ]);
  });

  it('drops a UTF-8 byte-order mark and keeps empty fields', () => {
    expect(parseCsv('\uFEFFa,b,c\n1,,3\n')).toEqual([
      ['a', 'b', 'c'],
      ['1', '', '3'],
    ]);
  });

  it('uses semicolons when the header has semicolons and no commas', () => {
    expect(detectDelimiter('name;email\nA;b@c.d')).toBe(';');
    expect(detectDelimiter('name,email\nA;B,b@c.d')).toBe(',');
    expect(parseCsv('name;email\nSmith, Jo;jo@x.org')).toEqual([
      ['name', 'email'],
      ['Smith, Jo', 'jo@x.org'],
    ]);
  });
});

describe('toCsv', () => {
  it('neutralises cells a spreadsheet would run as formulas', () => {
    expect(csvCell('=HYPERLINK("http://evil")')).toBe(`"'=HYPERLINK(""http://evil"")"`);
    expect(csvCell('+1')).toBe("'+1");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('Road Squad')).toBe('Road Squad');
    expect(csvCell(null)).toBe('');
  });

  it('round-trips any text that does not start like a formula', () => {
    const cell = fc.string({ maxLength: 20 }).filter((s) => !/^[=+\-@\t\r]/.test(s));
    fc.assert(
      fc.property(
        fc.array(fc.array(cell, { minLength: 2, maxLength: 4 }), { minLength: 1, maxLength: 5 }),
        (rows) => {
          const width = rows[0]!.length;
          const table = rows.map((r) => Array.from({ length: width }, (_, i) => r[i] ?? ''));
          // A first row of one empty cell is a blank line; the reader cannot tell them apart.
          fc.pre(table[0]!.some((c) => c !== ''));
          expect(parseCsv(toCsv(table), ',')).toEqual(table);
        },
      ),
    );
  });
});
