// Issue 12 (classify latency): the shortcuts taken for speed must give what the slow path gives.
// The converter is skipped only where it could not change the text; the row index finds every
// feature of the vocabulary and nothing else.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Converter } from 'opencc-js/t2cn';
import { describe, expect, it } from 'vitest';
import { RowIndex } from './model.js';
import { converterKeyStarts, mayConvert, normalizeText } from './normalize.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

/** Development messages (rounds 1–9 and our fixtures; never the held-out or blind rounds). */
function devTexts(): string[] {
  const files = [1, 3, 4, 5, 6, 7, 8, 9].map((r) => join(ROOT, 'bench', 'sets', 'nlu', `zh-blind-r${r}.jsonl`));
  files.push(join(ROOT, 'bench', 'sets', 'nlu', 'en-aliexpress-r1.jsonl'), join(ROOT, 'test', 'fixtures', 'nlu-dev', 'development-buyer-fragments.jsonl'));
  return files.flatMap((f) =>
    readFileSync(f, 'utf8')
      .split('\n')
      .filter((l) => l.trim())
      .map((l) => (JSON.parse(l) as { text: string }).text),
  );
}

describe('converter shortcut (issue 12 latency)', () => {
  const convert = Converter({ from: 'tw', to: 'cn' });

  it('knows the starts of the dictionary keys', () => {
    const starts = converterKeyStarts();
    expect(starts.size).toBeGreaterThan(1000);
    for (const ch of ['這', '個', '麼', '發', '貨']) expect(starts.has(ch.codePointAt(0)!)).toBe(true);
    expect(starts.has('a'.codePointAt(0)!)).toBe(false);
  });

  it('sends traditional text through the converter', () => {
    expect(mayConvert('這個甚麼時候發貨')).toBe(true);
    expect(normalizeText('這個甚麼時候發貨')).toBe('这个什么时候发货');
  });

  it('skips only texts the converter leaves as they are', () => {
    const texts = [...devTexts(), 'do you have size M?', 'ok thx', '123456', '', '么么哒', '在么', '\uE000么', '😀 hello'];
    let skipped = 0;
    for (const t of texts) {
      for (const s of [t, t.toLowerCase()]) {
        if (mayConvert(s)) continue;
        skipped++;
        expect(convert(s)).toBe(s);
      }
    }
    // English messages and some Chinese ones take the shortcut.
    expect(skipped).toBeGreaterThan(100);
  });
});

describe('normalizeText skips replacements that cannot match (issue 12 latency)', () => {
  // Expected forms written by normalizeText before the shortcuts (commit 4f9abd4).
  it.each([
    ['哈哈哈哈哈', '哈哈'],
    ['𠀀𠀀𠀀𠀀', '𠀀𠀀'],
    ['好的！！？？', '好的?'],
    ['真的吗?!', '真的吗?'],
    ['在吗。。。', '在吗。'],
    ['(⊙o⊙)发货了吗', '发货了吗'],
    ['^_^谢谢', '谢谢'],
    ['好&nbsp;的', '好 的'],
    ['好的/:^_^谢谢', '好的 谢谢'],
    ['在吗#E-s12', '在吗'],
    ['[微笑]亲', '亲'],
    ['等等……', '等等…'],
    ['嗯嗯嗯', '嗯嗯'],
    ['aaa', 'aaa'],
    ['  多  空格\n\t', '多 空格'],
    ['亲亲亲 包油么', '亲 包邮么'],
    ['乾坤大挪移', '乾坤大挪移'],
    ['這個甚麼時候發貨', '这个什么时候发货'],
    ['么么么', '么么'],
  ])('%s → %s', (input, expected) => {
    expect(normalizeText(input)).toBe(expected);
  });
});

describe('RowIndex (issue 12 latency: keys and rows in one array)', () => {
  it('finds every row and nothing else, with colliding and signed hashes', () => {
    const vocab = new Map<number, number>();
    let x = 12345;
    const next = () => (x = (Math.imul(x, 1103515245) + 12345) >>> 0);
    for (let r = 0; r < 5000; r++) {
      let h = next();
      while (vocab.has(h)) h = next();
      vocab.set(h, r);
    }
    // Hash 0, the largest hash, and hashes that land in one slot.
    for (const h of [0, 0xffffffff, 0x80000000, 1, 2]) if (!vocab.has(h)) vocab.set(h, vocab.size);
    const index = new RowIndex(vocab);
    for (const [h, r] of vocab) expect(index.get(h)).toBe(r);
    let absent = 0;
    for (let k = 0; k < 5000; k++) {
      const h = next();
      if (vocab.has(h)) continue;
      absent++;
      expect(index.get(h)).toBe(-1);
    }
    expect(absent).toBeGreaterThan(4000);
  });
});
