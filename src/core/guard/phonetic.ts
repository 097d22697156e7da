// Sound of a character (issue 11: homophones meet one form). Every CJK character maps to its
// toneless pinyin syllable (pinyin-pro, the most common reading), so 微信/威信/薇信/维信 and the
// typed pinyin "weixin" or initials "wx" can be matched as one concept. Syllables get stable
// private-use code points (U+E000 + index in first-seen order within a process), so a phonetic
// view keeps one code unit per compact character and spans map back unchanged.
import { pinyin } from 'pinyin-pro';

const PUA = 0xe000;
const names: string[] = [];
/** FNV-1a of each syllable's spelling: features hash the sound, not the process-local id. */
const hashes: number[] = [];
/** First letter of each syllable, as a code unit. */
const initialCodes: number[] = [];
const ids = new Map<string, number>();
/** Per BMP code unit: syllable id + 1 (0: not computed yet, -1: no syllable). */
const table = new Int32Array(0x10000);

const isCjk = (code: number): boolean => (code >= 0x3400 && code <= 0x9fff) || (code >= 0xf900 && code <= 0xfaff);

function syllableId(name: string): number {
  let id = ids.get(name);
  if (id === undefined) {
    id = names.length;
    names.push(name);
    let h = 0x811c9dc5;
    for (let i = 0; i < name.length; i++) h = Math.imul(h ^ name.charCodeAt(i), 0x01000193) >>> 0;
    hashes.push(h);
    initialCodes.push(name.charCodeAt(0));
    ids.set(name, id);
  }
  return id;
}

/** The syllable id of a UTF-16 code unit, or -1 when it is not a CJK character. */
export function syllableOf(code: number): number {
  const at = table[code] ?? 0;
  if (at !== 0) return at < 0 ? -1 : at - 1;
  if (!isCjk(code)) {
    table[code] = -1;
    return -1;
  }
  const ch = String.fromCharCode(code);
  const py = pinyin(ch, { toneType: 'none', type: 'array', v: true })[0] ?? '';
  if (!/^[a-z]+$/.test(py)) {
    table[code] = -1;
    return -1;
  }
  const id = syllableId(py);
  table[code] = id + 1;
  return id;
}

/** A stable 32-bit hash of a phonetic-view code unit (syllables by spelling, others by code). */
export function soundHash(code: number): number {
  if (code >= PUA && code < PUA + names.length) return hashes[code - PUA] ?? code;
  return code;
}

/** The private-use code unit standing for a syllable. */
export const syllableCode = (id: number): number => PUA + id;

/** The syllable's Latin spelling ("wei"), for a private-use code unit of the phonetic view. */
export function syllableName(code: number): string | undefined {
  return code >= PUA && code < PUA + names.length ? names[code - PUA] : undefined;
}

/** The toneless pinyin of a character (undefined when it has none). */
export function pinyinOf(ch: string): string | undefined {
  const id = syllableOf(ch.charCodeAt(0));
  return id < 0 ? undefined : names[id];
}

const UTF16 = new TextDecoder('utf-16le');
let buf = new Uint16Array(256);

function ensure(n: number): Uint16Array {
  if (buf.length < n) buf = new Uint16Array(n * 2);
  return buf;
}

/** The phonetic-view code unit of one compact code unit (its syllable's code, else itself). */
export function phonCode(code: number): number {
  const id = syllableOf(code);
  return id < 0 ? code : PUA + id;
}

/** The initials-view code unit of one compact code unit (pinyin initial, digits as 0). */
export function initCode(code: number): number {
  const id = syllableOf(code);
  if (id >= 0) return initialCodes[id] ?? 63;
  return code >= 48 && code <= 57 ? 48 : code;
}

/**
 * The phonetic view of a compact string: CJK characters become their syllable's code unit; letters
 * and digits stay. Same length and indices as the input.
 */
export function phoneticOf(compact: string): string {
  const n = compact.length;
  const b = ensure(n);
  for (let i = 0; i < n; i++) {
    const code = compact.charCodeAt(i);
    const id = syllableOf(code);
    b[i] = id < 0 ? code : PUA + id;
  }
  return UTF16.decode(b.subarray(0, n));
}

/**
 * The initials view: each CJK character becomes the first letter of its pinyin (微信 → wx, 好评返现
 * → hpfx), letters stay, digits become 0. Same indices as the input.
 */
export function initialsOf(compact: string): string {
  const n = compact.length;
  const b = ensure(n);
  for (let i = 0; i < n; i++) {
    const code = compact.charCodeAt(i);
    const id = syllableOf(code);
    if (id >= 0) b[i] = initialCodes[id] ?? 63;
    else if (code >= 48 && code <= 57) b[i] = 48;
    else b[i] = code;
  }
  return UTF16.decode(b.subarray(0, n));
}
