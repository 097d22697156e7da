import { describe, expect, it } from 'vitest';
import { dictionaryWords, Segmenter } from './segment.js';

// Every Unicode White_Space character jieba's dictionary loader refuses inside a word (measured on
// @node-rs/jieba 2: tab, line feed, vertical tab, form feed, space, NEL, NBSP, ogham space, the
// en/em spaces, line and paragraph separators, narrow NBSP, medium math space, ideographic space).
const JIEBA_REFUSES = [
  0x09, 0x0a, 0x0b, 0x0c, 0x20, 0x85, 0xa0, 0x1680, 0x2000, 0x2001, 0x2002, 0x2003, 0x2004, 0x2005, 0x2006, 0x2007, 0x2008, 0x2009,
  0x200a, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000,
].map((c) => String.fromCharCode(c));

describe('shop dictionary words for jieba (issue 10, critical 1)', () => {
  it('splits item names at whitespace and non-text characters, lower-cased, without duplicates', () => {
    expect(dictionaryWords(['Type-C快充数据线 1米', 'Type-C快充数据线 2米', '  ', '智能手表\u3000血氧心率', 'a\u0000b\u200bc'])).toEqual([
      'type-c快充数据线',
      '1米',
      '2米',
      '智能手表',
      '血氧心率',
      'a',
      'b',
      'c',
    ]);
  });

  it('a segmenter takes names with every kind of space and keeps the cleaned words whole', () => {
    const names = ['Type-C快充数据线 1米', ...JIEBA_REFUSES.map((sp, i) => `云南普洱${i}号${sp}茶饼`), '\ud800孤立代理', ''];
    const seg = new Segmenter(names);
    expect(seg.cut('type-c快充数据线还有货吗')).toContain('type-c快充数据线');
    expect(seg.cut('云南普洱3号有吗')).toContain('云南普洱3号');
  });
});
