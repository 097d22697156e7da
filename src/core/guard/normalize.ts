// Evasion-proof views of a reply (D1–D11): senders disguise forbidden words with full-width and
// look-alike letters (ＶＸ, ⓦ, 𝐰, Cyrillic а), variant characters (薇信, 威信), traditional script,
// symbols or emoji between characters (v 信, 微❤信) and number words in phone numbers
// (一三八…, ①③⑧, 幺). Traditional characters the profile does not map are converted with OpenCC
// (issue 11: full conversion, not a list). The phonetic view (phonetic.ts) lets homophones
// (威信/薇信/weixin/wx) meet one form. Every view keeps, per character, the original UTF-16 range it came from,
// so a hit found in a view is reported on the original text.

import { Converter } from 'opencc-js/t2cn';
import { initialsOf, phoneticOf } from './phonetic.js';

let toSimplified: ((s: string) => string) | undefined;
/** One character, traditional → simplified (OpenCC), or undefined when it does not change. */
function simplifiedChar(ch: string): string | undefined {
  const code = ch.charCodeAt(0);
  if (code < 0x3400 || code > 0x9fff) return undefined;
  const out = (toSimplified ??= Converter({ from: 't', to: 'cn' }))(ch);
  return out !== ch && [...out].length === 1 ? out : undefined;
}

export interface TextView {
  readonly text: string;
  /** `compact` with CJK characters as their toneless syllable (phonetic.ts); same indices. */
  readonly phon: string;
  /** `compact` as pinyin initials (微信 → wx), digits as 0; same indices. */
  readonly init: string;
  /** Sentence number of each compact character (。！？!? and line breaks; commas do not split). */
  readonly sentence: Int32Array;
  /** Per sentence: original [start, end), without the breaking punctuation. */
  readonly sentenceO: Array<[number, number]>;
  /** Letters, digits and `keep` characters only, mapped to canonical lower-case form. */
  readonly compact: string;
  /** `compact` with number words turned into ASCII digits; same indices as `compact`. */
  readonly digits: string;
  /** Mapped text with spaces and punctuation kept (URLs, e-mail, English phrases). */
  readonly loose: string;
  readonly cStart: Int32Array;
  readonly cEnd: Int32Array;
  readonly lStart: Int32Array;
  readonly lEnd: Int32Array;
  /** Clause number of each compact character. */
  readonly clause: Int32Array;
  /** Per clause: first and one-past-last compact index. */
  readonly clauseC: Array<[number, number]>;
  /** Per clause: original [start, end), without the breaking punctuation. */
  readonly clauseO: Array<[number, number]>;
  /** Written in Latin script only (English on AliExpress). */
  readonly latin: boolean;
}

export interface NormalizeTables {
  charMap: Readonly<Record<string, string>>;
  digitMap: Readonly<Record<string, string>>;
  clauseBreaks: string;
  keep: string;
}

interface CharInfo {
  loose: number[];
  compact: number[];
  digits: number[];
  breaks: boolean;
}

/** Sentence ends: 。！？!? ；and line breaks (a comma only ends a clause). */
const SENTENCE_END = new Set([0x3002, 0xff01, 0xff1f, 0x21, 0x3f, 0xff1b, 0x3b, 0x0a]);
const KEEP_RE = /[\p{L}\p{N}]/u;
const SPACE_RE = /\s/;

/**
 * Per-profile normaliser. Per-character results are memoised (a flat table for the BMP), and
 * views are built in typed arrays: this is the guard's hot path (p99 ≤ 200 µs per reply).
 */
export class Normalizer {
  /** Index into `infos` + 1 per BMP code unit (0: not computed yet). */
  private readonly bmp = new Int32Array(0x10000);
  private readonly infos: CharInfo[] = [];
  private readonly astral = new Map<number, CharInfo>();
  private readonly digit: Map<string, string>;
  constructor(private readonly tables: NormalizeTables) {
    this.digit = new Map(Object.entries(tables.digitMap));
  }

  /** The canonical form of a phrase written in a profile (used to normalise literal lists). */
  canonical(s: string): string {
    let out = '';
    for (const ch of s) out += String.fromCharCode(...this.info(ch.codePointAt(0) ?? 0).compact);
    return out;
  }

  private info(cp: number): CharInfo {
    if (cp < 0x10000) {
      const at = this.bmp[cp] ?? 0;
      if (at > 0) return this.infos[at - 1] ?? this.compute(cp);
    } else {
      const hit = this.astral.get(cp);
      if (hit) return hit;
    }
    return this.compute(cp);
  }

  private compute(cp: number): CharInfo {
    const ch = String.fromCodePoint(cp);
    // Traditional characters are mapped through `char_map` (profile data): converting single
    // characters with a phrase-based converter gets common ones wrong (么 → 幺).
    const mapped = this.tables.charMap[ch] ?? simplifiedChar(ch) ?? ch.normalize('NFKC').toLowerCase();
    const inf: CharInfo = { loose: [], compact: [], digits: [], breaks: this.tables.clauseBreaks.includes(ch) };
    for (const m of mapped) {
      const again = this.tables.charMap[m] ?? m;
      for (const k of again) {
        const code = k.charCodeAt(0);
        inf.loose.push(code);
        if (k.length === 1 && (KEEP_RE.test(k) || this.tables.keep.includes(k))) {
          inf.compact.push(code);
          inf.digits.push((this.digit.get(k) ?? k).charCodeAt(0));
        }
      }
    }
    if (cp < 0x10000) {
      this.infos.push(inf);
      this.bmp[cp] = this.infos.length;
    } else this.astral.set(cp, inf);
    return inf;
  }

  view(text: string): TextView {
    const n = text.length;
    let cap = n * 2 + 8;
    let cCodes = new Uint16Array(cap);
    let dCodes = new Uint16Array(cap);
    let lCodes = new Uint16Array(cap);
    let cStart = new Int32Array(cap);
    let cEnd = new Int32Array(cap);
    let lStart = new Int32Array(cap);
    let lEnd = new Int32Array(cap);
    let clause = new Int32Array(cap);
    let sentence = new Int32Array(cap);
    const sentenceO: Array<[number, number]> = [];
    let sentenceNo = 0;
    let sentenceStartO = 0;
    const clauseC: Array<[number, number]> = [];
    const clauseO: Array<[number, number]> = [];
    let ci = 0;
    let li = 0;
    let clauseNo = 0;
    let clauseStartC = 0;
    let clauseStartO = 0;
    let i = 0;
    while (i < n) {
      const cp = text.codePointAt(i) ?? 0;
      const w = cp > 0xffff ? 2 : 1;
      const inf = this.info(cp);
      if (li + inf.loose.length >= cap || ci + inf.compact.length >= cap) {
        // Rare: compatibility expansions (⑩ → 10, ㈠ → (一)) outgrow the first guess.
        cap *= 2;
        const grow16 = (a: Uint16Array) => { const b = new Uint16Array(cap); b.set(a); return b; };
        const grow32 = (a: Int32Array) => { const b = new Int32Array(cap); b.set(a); return b; };
        cCodes = grow16(cCodes); dCodes = grow16(dCodes); lCodes = grow16(lCodes);
        cStart = grow32(cStart); cEnd = grow32(cEnd); lStart = grow32(lStart); lEnd = grow32(lEnd); clause = grow32(clause);
        sentence = grow32(sentence);
      }
      let breaks = inf.breaks;
      if ((cp === 46 || cp === 44) && (i + 1 >= n || SPACE_RE.test(text[i + 1] ?? ''))) breaks = true;
      for (const k of inf.loose) {
        lCodes[li] = k;
        lStart[li] = i;
        lEnd[li] = i + w;
        li++;
      }
      if (breaks && (SENTENCE_END.has(cp) || ((cp === 46) && (i + 1 >= n || SPACE_RE.test(text[i + 1] ?? ''))))) {
        sentenceO.push([sentenceStartO, i]);
        sentenceNo++;
        sentenceStartO = i + w;
      }
      if (breaks) {
        clauseC.push([clauseStartC, ci]);
        clauseO.push([clauseStartO, i]);
        clauseNo++;
        clauseStartC = ci;
        clauseStartO = i + w;
      } else {
        for (let k = 0; k < inf.compact.length; k++) {
          cCodes[ci] = inf.compact[k] ?? 0;
          dCodes[ci] = inf.digits[k] ?? 0;
          cStart[ci] = i;
          cEnd[ci] = i + w;
          clause[ci] = clauseNo;
          sentence[ci] = sentenceNo;
          ci++;
        }
      }
      i += w;
    }
    clauseC.push([clauseStartC, ci]);
    clauseO.push([clauseStartO, n]);
    sentenceO.push([sentenceStartO, n]);
    const compact = codesToString(cCodes, ci);
    return {
      text,
      compact,
      phon: phoneticOf(compact),
      init: initialsOf(compact),
      sentence,
      sentenceO,
      digits: codesToString(dCodes, ci),
      loose: codesToString(lCodes, li),
      cStart,
      cEnd,
      lStart,
      lEnd,
      clause,
      clauseC,
      clauseO,
      latin: looksEnglish(text),
    };
  }
}

const UTF16 = new TextDecoder('utf-16le');

function codesToString(codes: Uint16Array, len: number): string {
  return UTF16.decode(codes.subarray(0, len));
}

/** Original range of compact characters [s, e). */
export function compactSpan(v: TextView, s: number, e: number): [number, number] {
  return [v.cStart[s] ?? 0, v.cEnd[e - 1] ?? v.text.length];
}

/** Original range of loose characters [s, e). */
export function looseSpan(v: TextView, s: number, e: number): [number, number] {
  return [v.lStart[s] ?? 0, v.lEnd[e - 1] ?? v.text.length];
}

/** First compact index whose original start is at or after `orig` (binary search). */
export function compactIndexAt(v: TextView, orig: number): number {
  let lo = 0;
  let hi = v.compact.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((v.cStart[mid] ?? 0) < orig) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** True when a reply is written in English (AliExpress): Latin letters and no CJK. */
export function looksEnglish(text: string): boolean {
  return !/[\u3400-\u9fff]/.test(text) && /[A-Za-z]/.test(text);
}
