// Evasion-proof views of a reply (D1–D11): senders disguise forbidden words with full-width and
// look-alike letters (ＶＸ, ⓦ, 𝐰, Cyrillic а), variant characters (薇信, 威信), traditional script,
// symbols or emoji between characters (v 信, 微❤信) and number words in phone numbers
// (一三八…, ①③⑧, 幺). Every view keeps, per character, the original UTF-16 range it came from,
// so a hit found in a view is reported on the original text.

export interface TextView {
  readonly text: string;
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
  loose: string;
  compact: string;
  breaks: boolean;
}

const KEEP_RE = /[\p{L}\p{N}]/u;

/** Per-profile normaliser; the per-character results are memoised, so steady state is a lookup. */
export class Normalizer {
  private readonly memo = new Map<string, CharInfo>();
  private readonly digit: Map<string, string>;
  constructor(private readonly tables: NormalizeTables) {
    this.digit = new Map(Object.entries(tables.digitMap));
  }

  /** The canonical form of a phrase written in a profile (used to normalise literal lists). */
  canonical(s: string): string {
    let out = '';
    for (const ch of s) out += this.info(ch).compact;
    return out;
  }

  private info(ch: string): CharInfo {
    let hit = this.memo.get(ch);
    if (hit) return hit;
    // Traditional characters are mapped through `char_map` (profile data): converting single
    // characters with a phrase-based converter gets common ones wrong (么 → 幺).
    const mapped = this.tables.charMap[ch] ?? ch.normalize('NFKC').toLowerCase();
    let loose = '';
    let compact = '';
    for (const m of mapped) {
      const again = this.tables.charMap[m] ?? m;
      loose += again;
      for (const k of again) {
        if (KEEP_RE.test(k) || this.tables.keep.includes(k)) compact += k;
      }
    }
    hit = { loose, compact, breaks: this.tables.clauseBreaks.includes(ch) };
    this.memo.set(ch, hit);
    return hit;
  }

  view(text: string): TextView {
    const n = text.length;
    const cStart = new Int32Array(n * 2 + 4);
    const cEnd = new Int32Array(n * 2 + 4);
    const lStart = new Int32Array(n * 2 + 4);
    const lEnd = new Int32Array(n * 2 + 4);
    const clause = new Int32Array(n * 2 + 4);
    const clauseC: Array<[number, number]> = [];
    const clauseO: Array<[number, number]> = [];
    let compact = '';
    let digits = '';
    let loose = '';
    let ci = 0;
    let li = 0;
    let clauseNo = 0;
    let clauseStartC = 0;
    let clauseStartO = 0;
    let i = 0;
    while (i < n) {
      const cp = text.codePointAt(i) ?? 0;
      const w = cp > 0xffff ? 2 : 1;
      const ch = text.slice(i, i + w);
      const inf = this.info(ch);
      let breaks = inf.breaks;
      if ((ch === '.' || ch === ',') && (i + 1 >= n || /\s/.test(text[i + 1] ?? ''))) breaks = true;
      for (const k of inf.loose) {
        loose += k;
        lStart[li] = i;
        lEnd[li] = i + w;
        li++;
      }
      if (breaks) {
        clauseC.push([clauseStartC, ci]);
        clauseO.push([clauseStartO, i]);
        clauseNo++;
        clauseStartC = ci;
        clauseStartO = i + w;
      } else {
        for (const k of inf.compact) {
          compact += k;
          digits += this.digit.get(k) ?? k;
          cStart[ci] = i;
          cEnd[ci] = i + w;
          clause[ci] = clauseNo;
          ci++;
        }
      }
      i += w;
    }
    clauseC.push([clauseStartC, ci]);
    clauseO.push([clauseStartO, n]);
    return { text, compact, digits, loose, cStart, cEnd, lStart, lEnd, clause, clauseC, clauseO, latin: looksEnglish(text) };
  }
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
