// Feature extraction into a reusable buffer (no per-call arrays on the hot path except jieba's
// word list). Features are 32-bit FNV-1a hashes of:
//   - character 1-, 2- and 3-grams with start/end markers (robust to typos and unknown words),
//   - jieba word unigrams and bigrams (with start/end markers),
//   - a length bucket (very short messages are greetings, acknowledgements or fragments).
// Digit runs are folded to one '0' so "165 100斤" and "170 120斤" share features.

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
const BOS = 2;
const EOS = 3;
const SEED_CHAR = [0, 0x1000193, 0x2000193, 0x3000193];
const SEED_WORD = 0x5bd1e995;
const SEED_WORD2 = 0x27d4eb2d;
const SEED_LEN = 0x165667b1;

const SEED_LEX = 0x2545f491;
/** Fixed value of a keyword-group feature (independent of message length). */
const LEX_VALUE = 0.5;

/** Maps the char 2-/3-gram hash of each keyword to its group index. */
export type KeywordIndex = Map<number, number>;

export function buildKeywordIndex(groups: ReadonlyArray<readonly string[]>): KeywordIndex {
  const index: KeywordIndex = new Map();
  groups.forEach((words, g) => {
    for (const w of words) {
      if (w.length < 2 || w.length > 3) continue;
      let h = (FNV_OFFSET ^ SEED_CHAR[w.length]!) >>> 0;
      for (let i = 0; i < w.length; i++) {
        h ^= foldChar(w.charCodeAt(i));
        h = Math.imul(h, FNV_PRIME);
      }
      index.set(h >>> 0, g);
    }
  });
  return index;
}

/** Privacy masks in exported chats: numbers become '0', names/addresses/organisations/links vanish. */
const MASK = /\[(数字|金额|orderid|电话|姓名|地址|组织机构|站点|时间|日期|userid|邮箱|链接|身份证号|小号|商品快照|媒体)[_a-z0-9]*\]/g;
const MASK_AS_NUMBER = new Set(['数字', '金额', 'orderid', '电话', '时间', '日期']);

/** Text as the model sees it: masks replaced (cheap no-op when there is no '['). */
export function stripMasks(text: string): string {
  return text.includes('[') ? text.replace(MASK, (_, kind: string) => (MASK_AS_NUMBER.has(kind) ? '0' : '')) : text;
}

export class FeatureBuffer {
  hashes = new Uint32Array(512);
  values = new Float32Array(512);
  count = 0;
  codes = new Int32Array(256);
  /** Bit set of keyword groups seen in the current message. */
  groups = 0;

  push(hash: number): void {
    if (this.count === this.hashes.length) {
      const h = new Uint32Array(this.count * 2);
      h.set(this.hashes);
      this.hashes = h;
      const v = new Float32Array(this.count * 2);
      v.set(this.values);
      this.values = v;
    }
    this.hashes[this.count] = hash >>> 0;
    this.values[this.count] = 1;
    this.count++;
  }
}

function foldChar(c: number): number {
  if (c >= 48 && c <= 57) return 48; // digit → '0'
  return c;
}

/** Characters that carry no signal for the intent (separators). '?' and '!' are kept. */
function isSkipped(c: number): boolean {
  return (
    c === 32 || c === 9 || c === 10 || c === 44 || c === 46 || c === 0x3002 || c === 0xff0c ||
    c === 0x3001 || c === 126 || c === 0x2026 || c === 59 || c === 58 || c === 34 || c === 39
  );
}

function hashWord(w: string, seed: number): number {
  let h = (FNV_OFFSET ^ seed) >>> 0;
  for (let i = 0; i < w.length; i++) {
    h ^= foldChar(w.charCodeAt(i));
    h = Math.imul(h, FNV_PRIME);
  }
  return h >>> 0;
}

function mix(a: number, b: number, seed: number): number {
  let h = (FNV_OFFSET ^ seed) >>> 0;
  h ^= a;
  h = Math.imul(h, FNV_PRIME);
  h ^= b;
  h = Math.imul(h, FNV_PRIME);
  h ^= h >>> 15;
  return h >>> 0;
}

/** Fills `buf` with the feature hashes of a normalised text and its words; values are 1/√n. */
export function extractFeatures(
  text: string,
  words: readonly string[],
  buf: FeatureBuffer,
  keywords?: KeywordIndex,
): void {
  buf.count = 0;
  const src = stripMasks(text);
  if (buf.codes.length < src.length + 2) buf.codes = new Int32Array(src.length * 2 + 4);
  const codes = buf.codes;
  let n = 0;
  codes[n++] = BOS;
  for (let i = 0; i < src.length; i++) {
    const c = src.charCodeAt(i);
    if (isSkipped(c)) continue;
    const f = foldChar(c);
    if (f === 48 && codes[n - 1] === 48) continue; // a digit run counts as one '0'
    codes[n++] = f;
  }
  codes[n++] = EOS;
  for (let order = 1; order <= 3; order++) {
    const seed = SEED_CHAR[order]!;
    for (let i = 0; i + order <= n; i++) {
      if (order === 1 && (i === 0 || i === n - 1)) continue;
      let h = (FNV_OFFSET ^ seed) >>> 0;
      for (let k = 0; k < order; k++) {
        h ^= codes[i + k]!;
        h = Math.imul(h, FNV_PRIME);
      }
      buf.push(h);
      if (keywords && order >= 2) {
        const g = keywords.get(h >>> 0);
        if (g !== undefined) buf.groups |= 1 << g;
      }
    }
  }
  let prev = BOS;
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (w === '[' || w === ']') continue;
    const h = hashWord(w, SEED_WORD);
    buf.push(h);
    buf.push(mix(prev, h, SEED_WORD2));
    prev = h;
  }
  buf.push(mix(prev, EOS, SEED_WORD2));
  const chars = n - 2;
  buf.push(mix(chars <= 2 ? 0 : chars <= 4 ? 1 : chars <= 8 ? 2 : chars <= 16 ? 3 : 4, 7, SEED_LEN));
  const scale = 1 / Math.sqrt(buf.count);
  for (let i = 0; i < buf.count; i++) buf.values[i] = scale;
  for (let g = 0; buf.groups !== 0 && g < 31; g++) {
    if ((buf.groups & (1 << g)) === 0) continue;
    buf.push(mix(g, 11, SEED_LEX));
    buf.values[buf.count - 1] = LEX_VALUE;
  }
  buf.groups = 0;
}
