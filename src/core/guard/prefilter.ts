// Literal prefilters for the guard's regular expressions (issue 11 latency, p99 ≤ 200 µs; D1–D11).
// Most lexicon expressions cannot match without one of a few literal strings (付, 微信, 红包…).
// `requiredLiterals` reads an expression's source and returns such a set — every match of the
// expression contains at least one of the strings — or undefined when it cannot tell (a class
// like [\u4e00-\u9fff], `.`, `\w`, a backreference, an optional whole). `LiteralGate` puts the
// literals of many expressions into one Aho–Corasick automaton: one pass over a view says which
// expressions might match, and only those are run. The gate never changes a result: an expression
// it skips could not have matched. Built from whatever the lexicons and profiles contain.

/** What is known of the strings an expression (or part of one) matches. */
type Info =
  /** It matches exactly one of these strings. */
  | { kind: 'exact'; set: Set<string> }
  /** Every match contains one of these strings (never the empty string). */
  | { kind: 'req'; set: Set<string> }
  /** Nothing useful is known. */
  | { kind: 'any' };

const ANY: Info = { kind: 'any' };
const EMPTY = (): Info => ({ kind: 'exact', set: new Set(['']) });
/** Largest exact set kept before it is turned into a requirement. */
const MAX_EXACT = 32;
/** Largest character class enumerated as single characters. */
const MAX_CLASS = 16;

class Unsupported extends Error {}

/** Requirement form of an info: undefined when nothing is required. */
function toReq(i: Info): Set<string> | undefined {
  if (i.kind === 'any') return undefined;
  if (i.kind === 'req') return i.set;
  if (i.set.has('') || i.set.size === 0) return undefined;
  return minimise(i.set);
}

/** Drops strings containing another string of the set (the shorter one is already required). */
function minimise(set: Set<string>): Set<string> {
  const xs = [...set].sort((a, b) => a.length - b.length);
  const out: string[] = [];
  for (const x of xs) if (!out.some((y) => x.includes(y))) out.push(x);
  return new Set(out);
}

/** Quality of a requirement: a longer shortest literal filters more; fewer literals cost less. */
function score(set: Set<string> | undefined): number {
  if (!set) return -1;
  let min = Infinity;
  for (const s of set) min = Math.min(min, s.length);
  return min * 1000 - set.size;
}

function concat(a: Info, b: Info): Info {
  if (a.kind === 'exact' && b.kind === 'exact' && a.set.size * b.set.size <= MAX_EXACT) {
    const set = new Set<string>();
    for (const x of a.set) for (const y of b.set) set.add(x + y);
    return { kind: 'exact', set };
  }
  const ra = toReq(a);
  const rb = toReq(b);
  if (!ra && !rb) return ANY;
  return { kind: 'req', set: (score(ra) >= score(rb) ? ra : rb) as Set<string> };
}

function alternate(a: Info, b: Info): Info {
  if (a.kind === 'exact' && b.kind === 'exact' && a.set.size + b.set.size <= MAX_EXACT) return { kind: 'exact', set: new Set([...a.set, ...b.set]) };
  const ra = toReq(a);
  const rb = toReq(b);
  if (!ra || !rb) return ANY;
  return { kind: 'req', set: minimise(new Set([...ra, ...rb])) };
}

/** A recursive-descent reader of JavaScript regular expression source (non-unicode mode). */
class Reader {
  private i = 0;
  constructor(
    private readonly src: string,
    private readonly fold: boolean,
  ) {}

  parse(): Info {
    const out = this.alternation();
    if (this.i < this.src.length) throw new Unsupported('trailing');
    return out;
  }

  private alternation(): Info {
    let acc = this.sequence();
    while (this.src[this.i] === '|') {
      this.i++;
      acc = alternate(acc, this.sequence());
    }
    return acc;
  }

  /**
   * A sequence: runs of exact parts are multiplied out (付款 from 付 and 款), and the best
   * requirement of any run or part is kept (付.{0,3}微信 requires 微信).
   */
  private sequence(): Info {
    let cur: Info = EMPTY();
    let best: Set<string> | undefined;
    let broken = false;
    const flush = (req: Set<string> | undefined): void => {
      if (req && score(req) > score(best)) best = req;
    };
    while (this.i < this.src.length && this.src[this.i] !== '|' && this.src[this.i] !== ')') {
      const atom = this.quantified();
      const joined = concat(cur, atom);
      if (joined.kind === 'exact') {
        cur = joined;
        continue;
      }
      broken = true;
      flush(toReq(cur));
      if (atom.kind === 'exact') cur = atom;
      else {
        flush(toReq(atom));
        cur = EMPTY();
      }
    }
    if (!broken) return cur;
    flush(toReq(cur));
    return best ? { kind: 'req', set: best } : ANY;
  }

  private quantified(): Info {
    const atom = this.atom();
    const ch = this.src[this.i];
    let min = 1;
    let max = 1;
    if (ch === '*' || ch === '+' || ch === '?') {
      this.i++;
      min = ch === '+' ? 1 : 0;
      max = ch === '?' ? 1 : Infinity;
    } else if (ch === '{') {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(this.src.slice(this.i));
      if (m) {
        this.i += m[0].length;
        min = Number(m[1]);
        max = m[2] === undefined ? min : m[3] === '' ? Infinity : Number(m[3]);
      }
    } else return atom;
    if (this.src[this.i] === '?') this.i++; // lazy
    if (min === 0 && max === 1 && atom.kind === 'exact' && atom.set.size < MAX_EXACT) return { kind: 'exact', set: new Set([...atom.set, '']) };
    if (min === 0) return ANY;
    if (min === 1 && max === 1) return atom;
    // One or more: every match holds at least one match of the atom.
    const req = toReq(atom);
    return req ? { kind: 'req', set: req } : ANY;
  }

  private atom(): Info {
    const s = this.src;
    const ch = s[this.i] ?? '';
    if (ch === '(') {
      this.i++;
      let look = false;
      if (s.startsWith('?:', this.i)) this.i += 2;
      else if (s.startsWith('?=', this.i) || s.startsWith('?!', this.i)) {
        this.i += 2;
        look = true;
      } else if (s.startsWith('?<=', this.i) || s.startsWith('?<!', this.i)) {
        this.i += 3;
        look = true;
      } else if (s.startsWith('?<', this.i)) {
        const end = s.indexOf('>', this.i);
        if (end < 0) throw new Unsupported('group name');
        this.i = end + 1;
      } else if (s[this.i] === '?') throw new Unsupported('group');
      const inner = this.alternation();
      if (s[this.i] !== ')') throw new Unsupported('unclosed');
      this.i++;
      // A lookaround consumes nothing: the match itself need not hold its text.
      return look ? EMPTY() : inner;
    }
    if (ch === '^' || ch === '$') {
      this.i++;
      return EMPTY();
    }
    if (ch === '.') {
      this.i++;
      return ANY;
    }
    if (ch === '[') return this.charClass();
    if (ch === '\\') return this.escape();
    if (ch === '*' || ch === '+' || ch === '?' || ch === ')' || ch === '|') throw new Unsupported('syntax');
    this.i++;
    return this.literal(ch);
  }

  private literal(ch: string): Info {
    if (!this.fold) return { kind: 'exact', set: new Set([ch]) };
    // Case-insensitive: ASCII letters meet the gate's lower-cased text; other cased letters are unknown.
    const code = ch.charCodeAt(0);
    if (code < 128) return { kind: 'exact', set: new Set([ch.toLowerCase()]) };
    if (ch.toLowerCase() !== ch || ch.toUpperCase() !== ch) return ANY;
    return { kind: 'exact', set: new Set([ch]) };
  }

  /** One escape outside a class: a literal character, \d, an assertion, or unknown. */
  private escape(): Info {
    const s = this.src;
    const c = s[this.i + 1] ?? '';
    this.i += 2;
    if (c === 'b' || c === 'B') return EMPTY();
    if (c === 'd') return { kind: 'exact', set: new Set('0123456789'.split('')) };
    // Escapes whose extent or meaning depends on what follows (\k<name>, \cJ, \p{L}, octal \012).
    if ('kcpP'.includes(c) || (c === '0' && /[0-9]/.test(s[this.i] ?? ''))) throw new Unsupported('escape');
    if ('DwWsS'.includes(c) || /[1-9]/.test(c)) return ANY;
    const lit = this.escapedChar(c);
    return lit === undefined ? ANY : this.literal(lit);
  }

  /** The character an escape stands for (after `\` and `c` were read), or undefined. */
  private escapedChar(c: string): string | undefined {
    const s = this.src;
    if (c === 'u') {
      const hex = /^[0-9a-fA-F]{4}/.exec(s.slice(this.i))?.[0];
      if (!hex) return undefined;
      this.i += 4;
      return String.fromCharCode(parseInt(hex, 16));
    }
    if (c === 'x') {
      const hex = /^[0-9a-fA-F]{2}/.exec(s.slice(this.i))?.[0];
      if (!hex) return undefined;
      this.i += 2;
      return String.fromCharCode(parseInt(hex, 16));
    }
    if (c === 'n') return '\n';
    if (c === 't') return '\t';
    if (c === 'r') return '\r';
    if (c === 'f') return '\f';
    if (c === 'v') return '\v';
    if (c === '0') return /[0-9]/.test(s[this.i] ?? '') ? undefined : '\0';
    if (/[a-zA-Z0-9]/.test(c)) return undefined;
    return c;
  }

  /** A class: the set of its characters when small and plain, else unknown. */
  private charClass(): Info {
    const s = this.src;
    this.i++;
    let negated = false;
    if (s[this.i] === '^') {
      negated = true;
      this.i++;
    }
    const chars = new Set<string>();
    let unknown = negated;
    while (this.i < s.length && s[this.i] !== ']') {
      let lo: string | undefined;
      if (s[this.i] === '\\') {
        const c = s[this.i + 1] ?? '';
        this.i += 2;
        if (c === 'd') {
          for (const d of '0123456789') chars.add(d);
          continue;
        }
        if ('kcpP'.includes(c) || (c === '0' && /[0-9]/.test(s[this.i] ?? ''))) throw new Unsupported('escape');
        if (c === 'b') lo = '\b';
        else if ('DwWsS'.includes(c)) {
          unknown = true;
          continue;
        } else lo = this.escapedChar(c);
        if (lo === undefined) {
          unknown = true;
          continue;
        }
      } else {
        lo = s[this.i] ?? '';
        this.i++;
      }
      if (s[this.i] === '-' && s[this.i + 1] !== ']' && this.i + 1 < s.length) {
        this.i++;
        let hi: string | undefined;
        if (s[this.i] === '\\') {
          const c = s[this.i + 1] ?? '';
          this.i += 2;
          if ('kcpP'.includes(c) || (c === '0' && /[0-9]/.test(s[this.i] ?? ''))) throw new Unsupported('escape');
          hi = c === 'b' ? '\b' : 'dDwWsS'.includes(c) ? undefined : this.escapedChar(c);
        } else {
          hi = s[this.i];
          this.i++;
        }
        if (hi === undefined) {
          unknown = true;
          continue;
        }
        const a = lo.charCodeAt(0);
        const b = hi.charCodeAt(0);
        if (b - a + 1 > MAX_CLASS) unknown = true;
        else for (let k = a; k <= b; k++) chars.add(String.fromCharCode(k));
        continue;
      }
      chars.add(lo);
    }
    if (s[this.i] !== ']') throw new Unsupported('class');
    this.i++;
    if (unknown || chars.size === 0 || chars.size > MAX_CLASS) return ANY;
    const set = new Set<string>();
    for (const c of chars) {
      const one = this.literal(c);
      if (one.kind !== 'exact') return ANY;
      for (const x of one.set) set.add(x);
    }
    return { kind: 'exact', set };
  }
}

/**
 * Literal strings of which every match of the expression contains one, or undefined when no such
 * set is known. With the `i` flag the literals are lower case (compare with ASCII-lower-cased
 * text). Unicode-mode and sticky/multiline expressions are not analysed.
 */
export function requiredLiterals(source: string, flags = ''): string[] | undefined {
  if (/[usvym]/.test(flags)) return undefined;
  try {
    const req = toReq(new Reader(source, flags.includes('i')).parse());
    return req ? [...req] : undefined;
  } catch (err) {
    if (err instanceof Unsupported) return undefined;
    throw err;
  }
}

/**
 * Aho–Corasick automaton over UTF-16 code units, compiled to a full transition table over the
 * literals' alphabet (a code unit in no literal sends the automaton home): one table read per
 * character of the text. `fold` lower-cases ASCII letters of the text.
 */
export class LiteralSet {
  /** Alphabet index + 1 per code unit (0: in no literal). */
  private readonly alpha = new Uint16Array(0x10000);
  /** states × (alphabet + 1): next state; column 0 unused. */
  private readonly delta: Uint16Array | Int32Array;
  private readonly width: number;
  /** Per state: ids of literals ending here (own and through failure links), or undefined. */
  private readonly out: Array<number[] | undefined>;
  readonly size: number;

  constructor(
    literals: readonly string[],
    private readonly fold = false,
  ) {
    this.size = literals.length;
    const next: Array<Map<number, number>> = [new Map()];
    const own: number[][] = [[]];
    let symbols = 0;
    literals.forEach((lit, id) => {
      if (lit.length === 0) throw new Error('empty literal');
      let st = 0;
      for (let k = 0; k < lit.length; k++) {
        const code = lit.charCodeAt(k);
        if (this.alpha[code] === 0) this.alpha[code] = ++symbols;
        const sym = this.alpha[code] ?? 0;
        let nx = next[st]?.get(sym);
        if (nx === undefined) {
          nx = next.length;
          next.push(new Map());
          own.push([]);
          next[st]?.set(sym, nx);
        }
        st = nx;
      }
      own[st]?.push(id);
    });
    const n = next.length;
    const width = symbols + 1;
    this.width = width;
    const delta = n < 0xffff ? new Uint16Array(n * width) : new Int32Array(n * width);
    const fail = new Int32Array(n);
    const out: Array<number[] | undefined> = new Array<number[] | undefined>(n);
    out[0] = own[0]?.length ? own[0] : undefined;
    // Breadth-first: a state's row is its goto edges, the rest copied from its failure state's row.
    const queue: number[] = [];
    for (const [sym, u] of next[0] ?? []) {
      delta[sym] = u;
      fail[u] = 0;
      queue.push(u);
    }
    for (let q = 0; q < queue.length; q++) {
      const r = queue[q] ?? 0;
      const f = fail[r] ?? 0;
      const mine = own[r] ?? [];
      const inherited = out[f];
      out[r] = mine.length > 0 || inherited ? [...mine, ...(inherited ?? [])] : undefined;
      delta.copyWithin(r * width, f * width, f * width + width);
      for (const [sym, u] of next[r] ?? []) {
        fail[u] = r === 0 ? 0 : (delta[f * width + sym] ?? 0);
        delta[r * width + sym] = u;
        queue.push(u);
      }
    }
    this.delta = delta;
    this.out = out;
  }

  /**
   * The distinct literals occurring in `text`: their ids are written to `list` (count returned),
   * each once; `seen` is per-literal scratch compared with `mark`.
   */
  scan(text: string, seen: Uint32Array, mark: number, list: Int32Array): number {
    let st = 0;
    let n = 0;
    const { alpha, delta, width, out, fold } = this;
    for (let i = 0; i < text.length; i++) {
      let code = text.charCodeAt(i);
      if (fold && code >= 65 && code <= 90) code += 32;
      const sym = alpha[code] ?? 0;
      if (sym === 0) {
        st = 0;
        continue;
      }
      st = delta[st * width + sym] ?? 0;
      const ids = out[st];
      if (!ids) continue;
      for (const id of ids) {
        if (seen[id] === mark) continue;
        seen[id] = mark;
        list[n++] = id;
      }
    }
    return n;
  }
}

/**
 * A gate over many expressions run on one string: `open(text)` says, per expression, whether it
 * might match (false only when it certainly cannot). Expressions without known literals are
 * always open.
 */
export class LiteralGate {
  private readonly set: LiteralSet;
  /** Per expression: 1 when it has no known literals (always open), else 0. */
  private readonly base: Uint8Array;
  /** Per literal: the expressions requiring it (one of theirs). */
  private readonly owners: number[][];
  private readonly seen: Uint32Array;
  private readonly list: Int32Array;
  private mark = 0;
  /** Number of expressions. */
  readonly size: number;

  constructor(regexes: ReadonlyArray<RegExp | undefined>) {
    this.size = regexes.length;
    const all: string[] = [];
    const owners: number[][] = [];
    const index = new Map<string, number>();
    let fold: boolean | undefined;
    this.base = new Uint8Array(regexes.length);
    regexes.forEach((re, k) => {
      const f = re?.flags.includes('i') ?? false;
      const req = re && (fold === undefined || fold === f) ? requiredLiterals(re.source, re.flags) : undefined;
      if (!req) {
        this.base[k] = 1;
        return;
      }
      fold = f;
      for (const lit of req) {
        let id = index.get(lit);
        if (id === undefined) {
          id = all.length;
          index.set(lit, id);
          all.push(lit);
          owners.push([]);
        }
        owners[id]?.push(k);
      }
    });
    this.owners = owners;
    this.set = new LiteralSet(all, fold ?? false);
    this.seen = new Uint32Array(Math.max(1, all.length));
    this.list = new Int32Array(Math.max(1, all.length));
  }

  /** Per expression: might it match `text`? (one automaton pass; `out` as long as the list) */
  open(text: string, out: Uint8Array): void {
    this.mark = (this.mark + 1) >>> 0;
    if (this.mark === 0) {
      this.seen.fill(0);
      this.mark = 1;
    }
    out.set(this.base);
    const n = this.set.scan(text, this.seen, this.mark, this.list);
    for (let k = 0; k < n; k++) for (const e of this.owners[this.list[k] ?? 0] ?? []) out[e] = 1;
  }
}
