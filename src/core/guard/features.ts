// Features of the learned layer (issue 11): hashed n-grams that do not care how a word was
// disguised — sounds (phonetic view: 微信 = 威信 = weixin), pinyin initials (wx, hpfx), literal
// character pairs, English words — plus the concept lexicon's matches and their pairs within a
// sentence, and the shape of digit runs. Shared by the runtime (learned.ts) and the trainer
// (scripts/guard-corpus/train.ts), so both see exactly the same numbers.
import { conceptLexicon, firstAtOrAfter, type ConceptMatch } from './concepts.js';
import type { TextView } from './normalize.js';
import { soundHash } from './phonetic.js';

export const FEATURE_BITS = 18;
const MASK = (1 << FEATURE_BITS) - 1;

function mix(h: number, x: number): number {
  h = Math.imul(h ^ x, 0x9e3779b1);
  return (h ^ (h >>> 15)) >>> 0;
}

function fin(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return (h >>> 0) & MASK;
}

const isDigit = (c: number): boolean => c >= 48 && c <= 57;

/**
 * Feature buckets of compact range [from, to) of a view, appended to `out` (duplicates kept out).
 * `matches` are the concept matches of the whole view (matchConcepts: each list sorted by start).
 */
/**
 * Per bucket: the call that last pushed it (duplicates are kept out without a Set). One byte per
 * bucket (256 KB, not 1 MB: the table is read at random once per feature, issue 11 latency), so
 * the generation wraps every 255 calls and the table is cleared then.
 */
const stamp = new Uint8Array(1 << FEATURE_BITS);
let generation = 0;

export function extractFeatures(v: TextView, matches: readonly ConceptMatch[][], from: number, to: number, out: number[]): void {
  generation = (generation + 1) & 0xff;
  if (generation === 0) {
    stamp.fill(0);
    generation = 1;
  }
  const gen = generation;
  const push = (b: number): void => {
    if (stamp[b] !== gen) {
      stamp[b] = gen;
      out.push(b);
    }
  };
  push(fin(0x5eed));
  const phon = v.phon;
  const comp = v.compact;
  const init = v.init;
  // Sound codes, digits folded to one class.
  let p1 = 0;
  let p2 = 0;
  let c1 = 0;
  let i1 = 0;
  let i2 = 0;
  let digitRun = 0;
  for (let i = from; i < to; i++) {
    const raw = phon.charCodeAt(i);
    const dig = isDigit(v.digits.charCodeAt(i));
    const s = dig ? 48 : soundHash(raw);
    if (dig) digitRun++;
    else if (digitRun > 0) {
      push(fin(mix(10, Math.min(digitRun, 13))));
      digitRun = 0;
    }
    push(fin(mix(1, s)));
    if (i > from) push(fin(mix(mix(2, p1), s)));
    if (i > from + 1) push(fin(mix(mix(mix(3, p2), p1), s)));
    const cc = dig ? 48 : comp.charCodeAt(i);
    if (i > from) push(fin(mix(mix(4, c1), cc)));
    const ic = init.charCodeAt(i);
    if (!v.latin && i > from + 1) push(fin(mix(mix(mix(5, i2), i1), ic)));
    p2 = p1;
    p1 = s;
    c1 = cc;
    i2 = i1;
    i1 = ic;
  }
  if (digitRun > 0) push(fin(mix(10, Math.min(digitRun, 13))));
  // English words (loose view) inside the range.
  if (v.latin || /[a-z]{3}/.test(comp.slice(from, to))) {
    const o0 = v.cStart[from] ?? 0;
    const o1 = to > from ? (v.cEnd[to - 1] ?? v.text.length) : o0;
    const words = v.text.slice(o0, o1).toLowerCase().match(/[a-z]+|\d+/g) ?? [];
    let prev = 0;
    for (const w of words) {
      let h = 6;
      for (let k = 0; k < w.length; k++) h = mix(h, isDigit(w.charCodeAt(k)) ? 48 : w.charCodeAt(k));
      push(fin(h));
      if (prev) push(fin(mix(mix(7, prev), h)));
      prev = h;
    }
  }
  // Concepts present in the range, and pairs of concepts in one sentence: distinct (concept,
  // sentence) entries only — a reply repeating a phrase would otherwise pair every occurrence
  // with every other (the same buckets, at quadratic cost).
  let np = 0;
  const concepts = conceptLexicon().concepts;
  for (let k = 0; k < matches.length; k++) {
    const list = matches[k];
    if (!list || list.length === 0) continue;
    let lastSentence = -1;
    // Lists are sorted by start (matchConcepts): the range's matches are one run of each list,
    // found by binary search (issue 11 latency: a reply of many sentences scores each of them,
    // and walking every list for every sentence made that quadratic).
    for (let at = firstAtOrAfter(list, from); at < list.length; at++) {
      const m = list[at] as ConceptMatch;
      if (m.s >= to) break;
      const sn = v.sentence[m.s] ?? 0;
      if (sn === lastSentence) continue;
      lastSentence = sn;
      const id = concepts[k]?.nameHash ?? k;
      push(fin(mix(8, id)));
      if (np >= presentK.length) break;
      presentK[np] = id;
      presentS[np] = sn;
      np++;
    }
  }
  for (let a = 0; a < np; a++) {
    const ka = presentK[a] ?? 0;
    const sa = presentS[a] ?? 0;
    for (let b = a + 1; b < np; b++) {
      const kb = presentK[b] ?? 0;
      if (presentS[b] !== sa || kb === ka) continue;
      push(fin(mix(mix(9, Math.min(ka, kb) | 0), Math.max(ka, kb) | 0)));
    }
  }
}


/** Scratch space for the concepts present in a range (concept index, sentence number). */
const presentK = new Int32Array(4096);
const presentS = new Int32Array(4096);
