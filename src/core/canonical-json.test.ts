import { describe, expect, it } from 'vitest';
import { canonicalJson } from './canonical-json.js';

describe('canonical JSON for tamper-evidence hashes (A11)', () => {
  it('sorts keys at every level, drops undefined properties, writes no spaces', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: true, y: undefined, x: '中' }], c: null } })).toBe(
      '{"a":{"c":null,"d":[3,{"x":"中","z":true}]},"b":1}',
    );
    expect(canonicalJson({ 中文: 1, Z: 2, a: 3, 10: 4, 9: 5 })).toBe('{"10":4,"9":5,"Z":2,"a":3,"中文":1}');
  });

  it('a Date and its ISO string canonicalise the same way, at the top, in objects and in arrays', () => {
    const at = new Date('2026-11-23T02:00:00.000Z');
    expect(canonicalJson(at)).toBe(canonicalJson(at.toISOString()));
    expect(canonicalJson({ at, list: [at] })).toBe(canonicalJson({ at: at.toISOString(), list: [at.toISOString()] }));
    expect(canonicalJson({ at })).toBe('{"at":"2026-11-23T02:00:00.000Z"}');
  });

  it('agrees with what JSON.stringify stores, so a value and the value read back hash alike', () => {
    const value = {
      at: new Date('2026-11-23T02:00:00.000Z'),
      bad: new Date(Number.NaN),
      list: [1, undefined, 'x', , 2],
      nested: { gone: undefined, n: -0, inf: Number.POSITIVE_INFINITY },
    };
    const readBack: unknown = JSON.parse(JSON.stringify(value));
    expect(canonicalJson(value)).toBe(canonicalJson(readBack));
    expect(canonicalJson(value)).toBe(
      '{"at":"2026-11-23T02:00:00.000Z","bad":null,"list":[1,null,"x",null,2],"nested":{"inf":null,"n":0}}',
    );
  });

  it('scalars and nothing', () => {
    expect(canonicalJson(undefined)).toBe('null');
    expect(canonicalJson(null)).toBe('null');
    expect(canonicalJson('亲"\n')).toBe('"亲\\"\\n"');
    expect(canonicalJson(59.9)).toBe('59.9');
    expect(canonicalJson([])).toBe('[]');
    expect(canonicalJson({})).toBe('{}');
  });
});
