import { describe, expect, it } from 'vitest';
import { CsvTokenizer, type CsvRecord } from './csv-tokenizer.js';

/** Tokenise text fed in pieces of `step` characters (1 = every chunk boundary is exercised). */
function tokenize(text: string, delimiter = ',', step = text.length || 1): CsvRecord[] {
  const t = new CsvTokenizer(delimiter);
  const out: CsvRecord[] = [];
  for (let i = 0; i < text.length; i += step) t.feed(text.slice(i, i + step), out);
  t.finish(out);
  return out;
}

describe('CSV tokenizer (O2 import, RFC 4180)', () => {
  const cases: [string, string, string[][]][] = [
    ['plain', 'a,b,c\n1,2,3\n', [['a', 'b', 'c'], ['1', '2', '3']]],
    ['CRLF and no final newline', 'a,b\r\n1,2', [['a', 'b'], ['1', '2']]],
    ['quoted delimiter', '"a,b",c\n', [['a,b', 'c']]],
    ['doubled quote', '"say ""hi""",x\n', [['say "hi"', 'x']]],
    ['embedded newline', '"line1\nline2",x\r\ny,z\r\n', [['line1\nline2', 'x'], ['y', 'z']]],
    ['excel ="…"', '="0012345678901234",="a,b"\n', [['0012345678901234', 'a,b']]],
    ['lone = kept', '=1+1,=\n', [['=1+1', '=']]],
    ['empty fields', ',,\n', [['', '', '']]],
    ['quote inside unquoted field is literal', 'ab"c,d\n', [['ab"c', 'd']]],
    ['text after closing quote kept', '"12"34,x\n', [['1234', 'x']]],
    ['bare CR line ends', 'a,b\r1,2\r', [['a', 'b'], ['1', '2']]],
  ];
  for (const [name, text, expected] of cases) {
    it(`${name} — whole and char by char`, () => {
      expect(tokenize(text).map((r) => r.fields)).toEqual(expected);
      expect(tokenize(text, ',', 1).map((r) => r.fields)).toEqual(expected);
    });
  }

  it('tab delimiter leaves commas alone', () => {
    expect(tokenize('a,1\tb\n', '\t').map((r) => r.fields)).toEqual([['a,1', 'b']]);
  });

  it('records carry the physical line they start on, counting embedded newlines', () => {
    const recs = tokenize('h1,h2\n"x\ny\nz",1\n\nlast,2\n', ',', 3);
    expect(recs.map((r) => r.line)).toEqual([1, 2, 5, 6]);
    expect(recs[2]?.fields).toEqual(['']);
  });

  it('flags a quote left open at the end of the file', () => {
    const recs = tokenize('a,b\n"open,1\n2\n');
    expect(recs[1]?.unterminated).toBe(true);
    expect(recs[1]?.line).toBe(2);
  });
});
