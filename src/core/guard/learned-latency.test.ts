// Issue 11 (guard latency): the learned layer's shortcuts give the numbers the plain computation
// gives — zero-weight buckets skipped, each range's matches found by binary search, the bucket
// stamps wrapping every 255 calls, scores remembered per view.
import { describe, expect, it } from 'vitest';
import { profileFor } from '../rules/load-profiles.js';
import { compileGuard } from './compile.js';
import { conceptLexicon, matchConcepts, type ConceptMatch } from './concepts.js';
import { extractFeatures } from './features.js';
import { learnedFindings, nonzeroBuckets, scoreRange, sentenceRanges, shippedModel } from './learned.js';

const c = compileGuard(profileFor('taobao').guard ?? (() => { throw new Error('no guard'); })());
const lex = conceptLexicon();

const REPLIES = [
  '亲，加我微信转账可以便宜10元。不开票的哦！好评返现5元，记得晒图。',
  '您好，这款有现货，今天下单明天发货。质量问题七天无理由退换，运费我们承担。',
  '你自己不会看说明书吗？说了三遍了。烦不烦。',
  'Leave a 5-star review and get a $5 refund. Contact me on WhatsApp +86 138 0013 8000.',
  '不开票。不开票。不开票。不开票。不开票。不开票。不开票。不开票。',
];

const sentences = sentenceRanges;

describe('learned layer shortcuts (issue 11 latency)', () => {
  const m = shippedModel();
  const R = m.rules.length;

  it('marks exactly the buckets with a weight', () => {
    const bits = m.nonzero ?? nonzeroBuckets(m.w, R);
    let marked = 0;
    const wrong: number[] = [];
    for (let b = 0; b < m.w.length / R; b++) {
      let any = false;
      for (let r = 0; r < R; r++) if (m.w[b * R + r] !== 0) any = true;
      const bit = ((bits[b >>> 5] ?? 0) & (1 << (b & 31))) !== 0;
      if (bit !== any) wrong.push(b);
      if (bit) marked++;
    }
    expect(wrong).toEqual([]);
    expect(marked).toBeGreaterThan(1000);
    expect(marked).toBeLessThan(m.w.length / R);
  });

  it('scores the same with and without skipping empty buckets', () => {
    const plain = { ...m, nonzero: undefined };
    for (const text of REPLIES) {
      const v = c.norm.view(text);
      const matches = matchConcepts(lex, v);
      for (const [s, e] of [[0, v.compact.length] as [number, number], ...sentences(v)]) {
        const a = new Float32Array(R);
        const b = new Float32Array(R);
        scoreRange(m, v, matches, s, e, a);
        scoreRange(plain, v, matches, s, e, b);
        expect([...a]).toEqual([...b]);
      }
    }
  });

  it('takes the same concept features from sorted lists as from lists cut to the range', () => {
    for (const text of REPLIES) {
      const v = c.norm.view(text);
      const matches = matchConcepts(lex, v);
      for (const [s, e] of sentences(v)) {
        const cut: ConceptMatch[][] = matches.map((l) => l.filter((x) => x.s >= s && x.s < e));
        const a: number[] = [];
        const b: number[] = [];
        extractFeatures(v, matches, s, e, a);
        extractFeatures(v, cut, s, e, b);
        expect(a).toEqual(b);
      }
    }
  });

  it('keeps duplicates out across the wrap of the bucket stamps', () => {
    const v = c.norm.view(REPLIES[0]!);
    const matches = matchConcepts(lex, v);
    const first: number[] = [];
    extractFeatures(v, matches, 0, v.compact.length, first);
    expect(new Set(first).size).toBe(first.length);
    for (let k = 0; k < 600; k++) {
      const again: number[] = [];
      extractFeatures(v, matches, 0, v.compact.length, again);
      expect(again).toEqual(first);
    }
  });

  it('finds the same on a view whose scores are remembered as on a fresh one', () => {
    for (const text of REPLIES) {
      const ctx = { askerIsBuyer: true, freeShipping: true };
      const v = c.norm.view(text);
      const first = learnedFindings(c, v, ctx, matchConcepts(lex, v));
      const again = learnedFindings(c, v, ctx, matchConcepts(lex, v));
      const fresh = c.norm.view(text);
      const other = learnedFindings(c, fresh, ctx, matchConcepts(lex, fresh));
      expect(again).toEqual(first);
      expect(other).toEqual(first);
    }
  });
});
