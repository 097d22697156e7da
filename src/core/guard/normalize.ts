// Evasion-proof views of a reply (D1–D11): senders disguise forbidden words with full-width and
// look-alike letters (ＶＸ, ⓦ, 𝐰, Cyrillic а), variant characters (薇信, 威信), traditional script,
// symbols or emoji between characters (v 信, 微❤信) and number words in phone numbers
// (一三八…, ①③⑧, 幺). Traditional characters the profile does not map are converted with OpenCC
// (issue 11: full conversion, not a list). The phonetic view (phonetic.ts) lets homophones
// (威信/薇信/weixin/wx) meet one form. Every view keeps, per character, the original UTF-16 range it came from,
// so a hit found in a view is reported on the original text.

import { Converter } from 'opencc-js/t2cn';
import { initCode, phonCode } from './phonetic.js';

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
  /**
   * Results derived from this view, computed once by their owners (concept matches): a field
   * rather than a WeakMap, which costs the garbage collector on every reply.
   */
  readonly memo: { concepts?: unknown; gates?: unknown; scores?: unknown };
}

export interface NormalizeTables {
  charMap: Readonly<Record<string, string>>;
  digitMap: Readonly<Record<string, string>>;
  clauseBreaks: string;
  keep: string;
}

/**
 * Everything the views need of one input character, computed once per character and process
 * (issue 11 latency: pinyin, OpenCC and the look-alike tables are consulted per distinct character,
 * never per reply). `phon` and `init` run parallel to `compact`.
 */
interface CharInfo {
  loose: number[];
  compact: number[];
  digits: number[];
  phon: number[];
  init: number[];
  breaks: boolean;
}

/** Sentence ends: 。！？!? ；and line breaks (a comma only ends a clause). */
const SENTENCE_END = new Set([0x3002, 0xff01, 0xff1f, 0x21, 0x3f, 0xff1b, 0x3b, 0x0a]);
const KEEP_RE = /[\p{L}\p{N}]/u;
const SPACE_RE = /\s/;
const HEART = 0x5fc3; // 心
const XIN = 0x4fe1; // 信

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
    const inf: CharInfo = { loose: [], compact: [], digits: [], phon: [], init: [], breaks: this.tables.clauseBreaks.includes(ch) };
    for (const m of mapped) {
      const again = this.tables.charMap[m] ?? m;
      for (const k of again) {
        const code = k.charCodeAt(0);
        inf.loose.push(code);
        if (k.length === 1 && (KEEP_RE.test(k) || this.tables.keep.includes(k))) {
          inf.compact.push(code);
          inf.digits.push((this.digit.get(k) ?? k).charCodeAt(0));
          inf.phon.push(phonCode(code));
          inf.init.push(initCode(code));
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
    // Compatibility expansions (⑩ → 10, ㈠ → (一)) can outgrow the first guess; then once more.
    return this.build(text, text.length * 2 + 8) ?? this.build(text, text.length * 8 + 64) ?? this.build(text, text.length * 32 + 64) as TextView;
  }

  /** One pass over the text fills every view; undefined when `cap` was too small. */
  private build(text: string, cap: number): TextView | undefined {
    const n = text.length;
    // Two backing buffers instead of eleven arrays: the views are built on every reply.
    const codes = new Uint16Array(cap * 5);
    const cCodes = codes.subarray(0, cap);
    const dCodes = codes.subarray(cap, cap * 2);
    const lCodes = codes.subarray(cap * 2, cap * 3);
    const pCodes = codes.subarray(cap * 3, cap * 4);
    const iCodes = codes.subarray(cap * 4, cap * 5);
    const ints = new Int32Array(cap * 6);
    const cStart = ints.subarray(0, cap);
    const cEnd = ints.subarray(cap, cap * 2);
    const lStart = ints.subarray(cap * 2, cap * 3);
    const lEnd = ints.subarray(cap * 3, cap * 4);
    const clause = ints.subarray(cap * 4, cap * 5);
    const sentence = ints.subarray(cap * 5, cap * 6);
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
    let latinLetter = false;
    let cjk = false;
    // A heart emoji reads as 心 (微❤ = 微信 by sound) unless it only decorates a 信 (微❤信).
    let heartAt = -1;
    let i = 0;
    while (i < n) {
      const cp = text.codePointAt(i) ?? 0;
      const w = cp > 0xffff ? 2 : 1;
      if (cp >= 0x3400 && cp <= 0x9fff) cjk = true;
      else if ((cp >= 65 && cp <= 90) || (cp >= 97 && cp <= 122)) latinLetter = true;
      const inf = this.info(cp);
      if (li + inf.loose.length >= cap || ci + inf.compact.length >= cap) return undefined;
      let breaks = inf.breaks;
      const spaceAfter = (cp === 46 || cp === 44) && (i + 1 >= n || SPACE_RE.test(text[i + 1] ?? ''));
      if (spaceAfter) breaks = true;
      const loose = inf.loose;
      for (let k = 0; k < loose.length; k++) {
        lCodes[li] = loose[k] ?? 0;
        lStart[li] = i;
        lEnd[li] = i + w;
        li++;
      }
      if (breaks && (SENTENCE_END.has(cp) || (cp === 46 && spaceAfter))) {
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
        const comp = inf.compact;
        if (heartAt >= 0 && heartAt === ci - 1 && comp.length === 1 && comp[0] === XIN) ci = heartAt;
        if (comp.length > 0) heartAt = comp.length === 1 && comp[0] === HEART && cp !== HEART ? ci : -1;
        for (let k = 0; k < comp.length; k++) {
          cCodes[ci] = comp[k] ?? 0;
          dCodes[ci] = inf.digits[k] ?? 0;
          pCodes[ci] = inf.phon[k] ?? 0;
          iCodes[ci] = inf.init[k] ?? 0;
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
    return {
      text,
      compact: codesToString(cCodes, ci),
      phon: codesToString(pCodes, ci),
      init: codesToString(iCodes, ci),
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
      latin: !cjk && latinLetter,
      memo: {},
    };
  }
}

const UTF16 = new TextDecoder('utf-16le');

/** A string of code units: fromCharCode for reply-sized runs (cheaper than a decoder call). */
function codesToString(codes: Uint16Array, len: number): string {
  if (len === 0) return '';
  if (len <= 2048) return String.fromCharCode.apply(null, codes.subarray(0, len) as unknown as number[]);
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
