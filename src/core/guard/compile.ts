// Turns the profile's `guard:` section into ready-to-run matchers once per profile object
// (p99 ≤ 200 µs per reply needs everything precompiled). Patterns of a list are joined into one
// alternation so a view is scanned once per list.
import type { GuardProfile, GuardRule, PromiseKind, RuleId } from './profile-schema.js';
import { Normalizer, compactIndexAt, compactSpan, looseSpan, type TextView } from './normalize.js';
import { LiteralGate } from './prefilter.js';

export type ViewName = 'compact' | 'digits' | 'loose';

/** A raw detection, in original-text indices of the view it was found in. */
export interface Hit {
  rule: RuleId;
  start: number;
  end: number;
  /** Text that replaces just this span in a rewrite (span mode), when the rule computes one. */
  replaceWith?: string;
  /** Text appended to the whole reply instead of replacing anything (an added reason). */
  append?: string;
  /** A learned or fuzzy finding (issue 11): reported as 疑似 with `reason`, severity warn. */
  suspected?: boolean;
  reason?: string;
  /** Round 13: the finding began in earlier messages (a split evasion): the learned layer, which reads this reply only, is not asked to back it. */
  split?: boolean;
}

export interface CompiledRule {
  id: RuleId;
  def: GuardRule;
  compact?: RegExp;
  digits?: RegExp;
  loose?: RegExp;
}

export interface CompiledGuard {
  profile: GuardProfile;
  norm: Normalizer;
  rules: Map<RuleId, CompiledRule>;
  negBefore?: RegExp;
  negAfter?: RegExp;
  override?: RegExp;
  promises: Array<[PromiseKind, RegExp]>;
  /** Extra compiled pieces rule files ask for, keyed by a name of their choosing. */
  extra: Map<string, RegExp | undefined>;
  /**
   * Literal prefilters (prefilter.ts) for the rules' and promises' pattern lists, one per view
   * kind: `scan` skips an expression the view's one Aho–Corasick pass shows cannot match
   * (issue 11 latency; never changes a hit).
   */
  gates: Map<ViewName, { gate: LiteralGate; index: Map<RegExp, GatedList> }>;
}

/**
 * One pattern list joined into one expression (`alternation`), gated per pattern: where only some
 * of its patterns can match a view, the list is run as the alternation of those alone (cached per
 * subset). A pattern that cannot match anywhere in the string never decides a match of the
 * alternation, so the matches are the same.
 */
interface GatedList {
  /** Gate index of the first pattern; the list's patterns follow in order. */
  first: number;
  sources: readonly string[];
  flags: string;
  /** False when renumbering groups would change meaning (a backreference): all or nothing. */
  narrowable: boolean;
  narrowed: Map<string, RegExp | undefined>;
}

/** Subsets of one list kept compiled; past this the whole list is run. */
const MAX_NARROWED = 64;

/** One sticky-free global regex matching any of the sources, or undefined for an empty list. */
export function alternation(sources: readonly string[], flags = 'g'): RegExp | undefined {
  if (sources.length === 0) return undefined;
  return new RegExp(sources.map((s) => `(?:${s})`).join('|'), flags);
}

const cache = new WeakMap<object, CompiledGuard>();

export function compileGuard(profile: GuardProfile): CompiledGuard {
  const hit = cache.get(profile);
  if (hit) return hit;
  const norm = new Normalizer({
    charMap: profile.normalize.char_map,
    digitMap: profile.normalize.digit_map,
    clauseBreaks: profile.normalize.clause_breaks,
    keep: profile.normalize.keep,
  });
  const rules = new Map<RuleId, CompiledRule>();
  for (const [id, def] of Object.entries(profile.rules) as Array<[RuleId, GuardRule | undefined]>) {
    if (!def) continue;
    const extra = profile.extra_patterns[id] ?? [];
    rules.set(id, {
      id,
      def,
      compact: alternation([...def.patterns, ...extra]),
      digits: alternation(def.digit_patterns),
      loose: alternation(def.loose_patterns, 'gi'),
    });
  }
  const promises: Array<[PromiseKind, RegExp]> = [];
  for (const [kind, list] of Object.entries(profile.promises) as Array<[PromiseKind, string[]]>) {
    const re = alternation(list);
    if (re) promises.push([kind, re]);
  }
  const byView: Record<ViewName, Array<[RegExp, readonly string[]]>> = { compact: [], digits: [], loose: [] };
  for (const r of rules.values()) {
    if (r.compact) byView.compact.push([r.compact, [...r.def.patterns, ...(profile.extra_patterns[r.id] ?? [])]]);
    if (r.digits) byView.digits.push([r.digits, r.def.digit_patterns]);
    if (r.loose) byView.loose.push([r.loose, r.def.loose_patterns]);
  }
  for (const [kind, re] of promises) byView.digits.push([re, profile.promises[kind] ?? []]);
  const gates: CompiledGuard['gates'] = new Map();
  for (const view of ['compact', 'digits', 'loose'] as const) {
    const singles: RegExp[] = [];
    const index = new Map<RegExp, GatedList>();
    for (const [re, sources] of byView[view]) {
      index.set(re, { first: singles.length, sources, flags: re.flags, narrowable: !sources.some((src) => /\\[1-9]|\\k<|\(\?<[^=!]/.test(src)), narrowed: new Map() });
      for (const src of sources) singles.push(new RegExp(`(?:${src})`, re.flags));
    }
    gates.set(view, { gate: new LiteralGate(singles), index });
  }
  const compiled: CompiledGuard = {
    profile,
    norm,
    rules,
    negBefore: alternation(profile.negation.before, ''),
    negAfter: alternation(profile.negation.after, ''),
    override: alternation(profile.negation.override, ''),
    promises,
    extra: new Map(),
    gates,
  };
  cache.set(profile, compiled);
  return compiled;
}

/** A compiled alternation stored once per guard under `key`. */
export function extraRegex(c: CompiledGuard, key: string, sources: readonly string[], flags = ''): RegExp | undefined {
  if (!c.extra.has(key)) c.extra.set(key, alternation(sources, flags));
  return c.extra.get(key);
}

/**
 * The expression to run for `re` on `view` of `v`: `re` itself, the alternation of the patterns of
 * its list that might match, or undefined when none can. The gate's pass over that view is made
 * once per view and guard and kept on the view.
 */
function gated(c: CompiledGuard, v: TextView, re: RegExp, view: ViewName): RegExp | undefined {
  const g = c.gates.get(view);
  const list = g?.index.get(re);
  if (!g || !list) return re;
  let memo = v.memo.gates as { c: CompiledGuard; open: Partial<Record<ViewName, Uint8Array>> } | undefined;
  if (!memo || memo.c !== c) v.memo.gates = memo = { c, open: {} };
  let open = memo.open[view];
  if (!open) {
    open = new Uint8Array(g.gate.size);
    g.gate.open(view === 'compact' ? v.compact : view === 'digits' ? v.digits : v.loose, open);
    memo.open[view] = open;
  }
  const n = list.sources.length;
  let count = 0;
  for (let k = 0; k < n; k++) count += open[list.first + k] ?? 0;
  if (count === 0) return undefined;
  if (count === n || !list.narrowable) return re;
  let key = '';
  for (let k = 0; k < n; k++) key += open[list.first + k] ? '1' : '0';
  if (list.narrowed.has(key)) return list.narrowed.get(key) ?? re;
  if (list.narrowed.size >= MAX_NARROWED) return re;
  const narrowed = alternation(list.sources.filter((_, k) => open[list.first + k]), list.flags);
  list.narrowed.set(key, narrowed);
  return narrowed ?? re;
}

/**
 * Every match of `re` on one view, as original-text spans plus the compact range. With `c`, an
 * expression of the guard's gated lists that cannot match the view is not run.
 */
export function scan(v: TextView, list: RegExp | undefined, view: ViewName, c?: CompiledGuard): Array<{ s: number; e: number; o: [number, number]; m: RegExpExecArray }> {
  const out: Array<{ s: number; e: number; o: [number, number]; m: RegExpExecArray }> = [];
  const re = list && c ? gated(c, v, list, view) : list;
  if (!re) return out;
  const src = view === 'compact' ? v.compact : view === 'digits' ? v.digits : v.loose;
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(src)) !== null) {
    const len = m[0].length;
    if (len === 0) {
      re.lastIndex++;
      continue;
    }
    if (view === 'loose') {
      const o = looseSpan(v, m.index, m.index + len);
      const s = compactIndexAt(v, o[0]);
      const e = Math.max(s, compactIndexAt(v, o[1]));
      out.push({ s, e, o, m });
    } else {
      out.push({ s: m.index, e: m.index + len, o: compactSpan(v, m.index, m.index + len), m });
    }
  }
  return out;
}

/** Compact bounds of the clause holding compact index `s`. */
export function clauseOf(v: TextView, s: number): [number, number] {
  const id = v.clause[Math.min(s, Math.max(0, v.compact.length - 1))] ?? 0;
  return v.clauseC[id] ?? [0, v.compact.length];
}

/**
 * Whether a hit at compact [s, e) is an innocent mention: a negation shortly before it in the same
 * clause (我们不支持微信转账, 请勿相信…) or a warning after it (…都是骗子), unless the clause goes on to
 * invite the buyer after all (…加我, …更便宜).
 */
export function isNegated(c: CompiledGuard, v: TextView, s: number, e: number): boolean {
  const [cs, ce] = clauseOf(v, s);
  const win = v.latin ? c.profile.negation.window_latin : c.profile.negation.window;
  const before = v.compact.slice(Math.max(cs, s - win), s);
  const after = v.compact.slice(e, Math.max(e, ce));
  const negated = (c.negBefore?.test(before) ?? false) || (c.negAfter?.test(after) ?? false);
  if (!negated) return false;
  // Only what follows the hit can take the negation back: a hit that itself names the lure
  // (不支持转账优惠) is still a refusal.
  const rest = v.compact.slice(e, Math.max(e, ce));
  return !(c.override?.test(rest) ?? false);
}

/** The generic detector: the rule's pattern lists on their views, minus negated mentions. */
export function detectByPatterns(c: CompiledGuard, v: TextView, id: RuleId): Hit[] {
  const rule = c.rules.get(id);
  if (!rule) return [];
  const hits: Hit[] = [];
  for (const [re, view] of [
    [rule.compact, 'compact'],
    [rule.digits, 'digits'],
    [rule.loose, 'loose'],
  ] as const) {
    for (const h of scan(v, re, view, c)) {
      if (rule.def.within_clause && h.e > h.s && v.clause[h.s] !== v.clause[h.e - 1]) continue;
      if (rule.def.negatable && isNegated(c, v, h.s, h.e)) continue;
      hits.push({ rule: id, start: h.o[0], end: h.o[1] });
    }
  }
  return hits;
}
