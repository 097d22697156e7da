// The learned layer (issue 11): per rule family a logistic-regression classifier over hashed
// features (features.ts), trained on the generated development corpus by
// scripts/guard-corpus/train.ts and shipped as data/guard-model.json. Thresholds were calibrated on
// the corpus's held-out development split: a score over `block` is a violation; over `warn` it is
// shown as 疑似 with the family's reason, so a phrasing nobody wrote down is at least flagged.
import { readShippedFile } from '../data-files.js';
import { DxeError } from '../errors.js';
import type { CompiledGuard, Hit } from './compile.js';
import { conceptLexicon, matchConcepts as matchConceptsOf, type ConceptMatch } from './concepts.js';
import { FEATURE_BITS, extractFeatures } from './features.js';
import { compactIndexAt as compactIndexAtOrig, type TextView } from './normalize.js';
import type { RuleId } from './profile-schema.js';
import type { GuardContext } from './types.js';

export interface SerializedModel {
  version: 1;
  bits: number;
  rules: RuleId[];
  bias: number[];
  scale: number[];
  /** Per family: `warn` and `block` where the reply touches an anchor concept; `unanchored` (round 14) where it touches none (absent: UNANCHORED_WARN for UNANCHORED_RULES, else never). */
  thresholds: Record<string, { warn: number; block: number; unanchored?: number }>;
  /** Non-zero weights: base64 of varint index deltas (index = bucket × rules + rule), then int8 values. */
  weights: string;
  count: number;
}

export interface LinearModel {
  rules: RuleId[];
  bias: Float32Array;
  w: Float32Array;
  warn: Float32Array;
  block: Float32Array;
  /** The score raising a 疑似 on a reply touching none of the family's anchors (over 1: never). */
  unanchored: Float32Array;
  /**
   * One bit per bucket: set when any rule's weight there is not zero (decodeModel fills it). Most
   * buckets are all zero (70,403 of 262,144 are not in the shipped model): scoreRange skips those
   * features without reading their weights, which lie at random in an 11 MB table (issue 11
   * latency). Adding a zero never changes a probability, so the scores are the same.
   */
  nonzero?: Uint32Array;
}

/** The bit set of buckets with a weight other than zero for some rule. */
export function nonzeroBuckets(w: Float32Array, rules: number): Uint32Array {
  const buckets = Math.floor(w.length / rules);
  const bits = new Uint32Array((buckets + 31) >>> 5);
  for (let b = 0; b < buckets; b++) {
    for (let r = 0; r < rules; r++) {
      if (w[b * rules + r] !== 0) {
        bits[b >>> 5] = (bits[b >>> 5] ?? 0) | (1 << (b & 31));
        break;
      }
    }
  }
  return bits;
}

export function decodeModel(m: SerializedModel): LinearModel {
  if (m.version !== 1 || m.bits !== FEATURE_BITS) throw new DxeError('PROFILE_INVALID', 'guard-model.json: 模型版本或特征位数与代码不一致，请重新训练（npx tsx scripts/guard-corpus/train.ts）');
  const R = m.rules.length;
  const w = new Float32Array((1 << m.bits) * R);
  const bytes = Buffer.from(m.weights, 'base64');
  let pos = 0;
  let index = 0;
  const idx: number[] = [];
  for (let k = 0; k < m.count; k++) {
    let delta = 0;
    let shift = 0;
    for (;;) {
      const b = bytes[pos++] ?? 0;
      delta += (b & 0x7f) * 2 ** shift;
      if (b < 0x80) break;
      shift += 7;
    }
    index += delta;
    idx.push(index);
  }
  for (let k = 0; k < m.count; k++) {
    const raw = bytes[pos++] ?? 0;
    const q = raw > 127 ? raw - 256 : raw;
    const at = idx[k] ?? 0;
    w[at] = q * (m.scale[at % R] ?? 0);
  }
  return {
    rules: m.rules,
    bias: Float32Array.from(m.bias),
    w,
    nonzero: nonzeroBuckets(w, R),
    warn: Float32Array.from(m.rules.map((r) => m.thresholds[r]?.warn ?? 2)),
    block: Float32Array.from(m.rules.map((r) => m.thresholds[r]?.block ?? 2)),
    unanchored: Float32Array.from(m.rules.map((r) => m.thresholds[r]?.unanchored ?? (UNANCHORED_RULES.has(r) ? UNANCHORED_WARN : 2))),
  };
}

let model: LinearModel | undefined;

export function shippedModel(): LinearModel {
  if (!model) {
    let parsed: SerializedModel;
    try {
      parsed = JSON.parse(readShippedFile(import.meta.url, 'data/guard-model.json')) as SerializedModel;
    } catch (err) {
      throw new DxeError('PROFILE_INVALID', `src/core/guard/data/guard-model.json: 无法读取回复检查模型（${(err as Error).message}）`);
    }
    model = decodeModel(parsed);
  }
  return model;
}

const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z));

const feats: number[] = [];
/** Per rule: the running sum of one scoring (float64, summed in feature order as before). */
let zs = new Float64Array(0);
/** Per rule: scored in this call. */
let want = new Uint8Array(0);

/**
 * Probabilities per rule for a compact range of a view (only the rules in `only`, if given). The
 * weights of one feature for all rules lie side by side (bucket × rules + rule): features are the
 * outer loop, so each feature costs one cache line, not one per rule (issue 11 latency). Each
 * rule's sum still adds the same numbers in the same order.
 */
export function scoreRange(m: LinearModel, v: TextView, matches: readonly ConceptMatch[][], from: number, to: number, out: Float32Array, only?: readonly number[]): void {
  feats.length = 0;
  extractFeatures(v, matches, from, to, feats);
  const R = m.rules.length;
  const w = m.w;
  if (zs.length < R) {
    zs = new Float64Array(R);
    want = new Uint8Array(R);
  }
  want.fill(0);
  if (only) for (const r of only) want[r] = 1;
  else want.fill(1, 0, R);
  const z = zs;
  for (let r = 0; r < R; r++) z[r] = m.bias[r] ?? 0;
  const nz = m.nonzero;
  for (let k = 0; k < feats.length; k++) {
    const b = feats[k] ?? 0;
    // A bucket with no weight adds +0 to every sum: skipped (see LinearModel.nonzero).
    if (nz && ((nz[b >>> 5] ?? 0) & (1 << (b & 31))) === 0) continue;
    const base = b * R;
    for (let r = 0; r < R; r++) z[r] = (z[r] ?? 0) + (w[base + r] ?? 0);
  }
  for (let r = 0; r < R; r++) if (want[r]) out[r] = sigmoid(zs[r] ?? 0);
}

/** A view's sums per scored compact range, for one model (kept in the view's memo). */
interface ScoreMemo {
  m: LinearModel;
  sums: Map<number, Float64Array>;
}

/**
 * scoreRange on a view's own concept matches, each range's per-rule sums computed once per view
 * (issue 11 latency): learnedFindings scores every sentence again for each rule over its warn
 * threshold, confirmDefinite the whole reply and the hit's sentence again. scoreRange always sums
 * every rule, so a remembered sum is the very number a new call would add up.
 */
function scoreRangeOnce(m: LinearModel, v: TextView, matches: readonly ConceptMatch[][], from: number, to: number, out: Float32Array, only?: readonly number[]): void {
  if (matches !== v.memo.concepts) {
    scoreRange(m, v, matches, from, to, out, only);
    return;
  }
  let memo = v.memo.scores as ScoreMemo | undefined;
  if (!memo || memo.m !== m) v.memo.scores = memo = { m, sums: new Map() };
  const key = from * 0x200000 + to;
  const R = m.rules.length;
  let sums = memo.sums.get(key);
  if (!sums) {
    scoreRange(m, v, matches, from, to, out, only);
    sums = zs.slice(0, R);
    memo.sums.set(key, sums);
    return;
  }
  if (only) for (const r of only) out[r] = sigmoid(sums[r] ?? 0);
  else for (let r = 0; r < R; r++) out[r] = sigmoid(sums[r] ?? 0);
}

const applies = (rule: RuleId, ctx: GuardContext): boolean =>
  rule === 'D5' ? ctx.freeShipping === true : rule === 'D6' ? ctx.askerIsBuyer === false : true;

/** The learned findings of a view: block over the block threshold, 疑似 (warn) over the warn one. */
export function learnedFindings(c: CompiledGuard, v: TextView, ctx: GuardContext, matches: readonly ConceptMatch[][], m: LinearModel = shippedModel()): Hit[] {
  if (v.compact.length === 0) return [];
  const R = m.rules.length;
  // Every family that applies is scored. Where the reply touches one of the family's anchor
  // concepts the calibrated thresholds hold (block / 疑似); where it touches none, only a score
  // over the family's `unanchored` threshold (UNANCHORED_WARN in older model files) raises a 疑似 — a phrasing no lexicon knows (随你便, 真服了你) is at
  // least flagged for the agent, and never blocked on the model's word alone.
  const only: number[] = [];
  const isAnchored = new Uint8Array(R);
  for (let r = 0; r < R; r++) {
    const rule = m.rules[r];
    if (!rule || !applies(rule, ctx) || !c.rules.has(rule)) continue;
    only.push(r);
    if (anchored(matches, rule)) isAnchored[r] = 1;
    else if ((m.unanchored[r] ?? 2) > 1 || !unanchoredMayRead(v)) only.pop();
  }
  if (only.length === 0) return [];
  const p = new Float32Array(R);
  scoreRangeOnce(m, v, matches, 0, v.compact.length, p, only);
  const hits: Hit[] = [];
  let sentences: Array<[number, number]> | undefined;
  for (const r of only) {
    const rule = m.rules[r];
    const pr = p[r] ?? 0;
    const warnAt = isAnchored[r] ? (m.warn[r] ?? 2) : Math.max(m.warn[r] ?? 2, m.unanchored[r] ?? 2);
    if (!rule || pr < warnAt) continue;
    // The span: the sentence that scores highest for this rule (the whole reply if only one).
    sentences ??= sentenceRanges(v);
    let best: [number, number] = [0, v.compact.length];
    if (sentences.length > 1) {
      let top = -1;
      const ps = new Float32Array(R);
      for (const [s, e] of sentences) {
        scoreRangeOnce(m, v, matches, s, e, ps, [r]);
        if ((ps[r] ?? 0) > top) {
          top = ps[r] ?? 0;
          best = [s, e];
        }
      }
    }
    if (innocent(c, v, matches, rule, best)) continue;
    const start = v.cStart[best[0]] ?? 0;
    const end = v.cEnd[Math.max(best[0], best[1] - 1)] ?? v.text.length;
    const hit: Hit = { rule, start, end };
    if (!isAnchored[r] || pr < (m.block[r] ?? 2)) {
      hit.suspected = true;
      hit.reason = conceptLexicon().families.find((f) => f.rule === rule)?.reason ?? '疑似违规';
    }
    hits.push(hit);
  }
  return hits;
}

/**
 * The score a family's model needs to raise a 疑似 on a reply that touches none of its anchors, for a
 * model file that does not state its own (before round 14). Since round 14 the trainer calibrates it
 * per family on replies of rounds the model did not learn from (scripts/guard-corpus/train.ts).
 */
export const UNANCHORED_WARN = 0.97;

/** Whether the model may speak on a reply with no anchor at all: Chinese, and long enough to say something. */
export function unanchoredMayRead(v: TextView): boolean {
  return !v.latin && v.compact.length >= UNANCHORED_MIN_LENGTH;
}

/**
 * The families whose model may speak without an anchor concept (round 14: the trainer calibrates
 * their `unanchored` threshold per family; the others get none). Contempt (D3) has no closed
 * vocabulary (随你便, 真服了你), and since the model also learns from the hand-written development
 * rounds (scripts/guard-corpus/human.ts) the other families' unanchored scores are informative too:
 * trained with round 7 held out, letting the families raise a 疑似 at ≥ 0.97 stopped 2.5
 * points more of round 7's violating replies and flagged no more of its compliant ones. Chinese
 * replies only: on English the unanchored scores flagged ordinary apologies. D5 stays anchored
 * (its unanchored scores raised 疑似 on 运费我们出, 7天无理由退货), and so do D9 (晒图有礼 with no
 * review named is no reward for a review) and D1 (付款给我们之后发货 is how every order is paid). Never blocked on its word alone.
 */
export const UNANCHORED_RULES: ReadonlySet<RuleId> = new Set<RuleId>(['D2', 'D3', 'D4', 'D6', 'D7', 'D10', 'D11']);

/** Fewer compact characters than this give the model too little to speak without an anchor (没问题). */
const UNANCHORED_MIN_LENGTH = 8;

const anchorCache = new Map<RuleId, number[]>();

/**
 * The learned layer speaks only where the reply touches one of the family's anchor concepts (the
 * concepts its combinations are made of, except those marked `anchor: false` such as a bare id or
 * a day word): a score on text with no such concept is noise.
 */
export function anchored(matches: readonly ConceptMatch[][], rule: RuleId): boolean {
  let list = anchorCache.get(rule);
  if (!list) {
    const lex = conceptLexicon();
    const fam = lex.families.find((f) => f.rule === rule);
    const names = new Set(fam?.combos.flatMap((k) => [...k.all, ...k.require]) ?? []);
    list = [...names].filter((n) => lex.file.concepts[n]?.anchor !== false).map((n) => lex.byName.get(n)?.index ?? -1).filter((i) => i >= 0);
    anchorCache.set(rule, list);
  }
  return list.some((k) => (matches[k]?.length ?? 0) > 0);
}

const innocentCache = new Map<RuleId, { concepts: number[]; negatable: boolean }>();

/**
 * The family's innocent readings also hold for a learned finding: a concept its combinations name
 * under `none` (原路退回, 以物流为准, 也包邮…) in the sentence, or a refusal (我们不会…, never…)
 * that nothing after it takes back.
 */
function innocent(c: CompiledGuard, v: TextView, matches: readonly ConceptMatch[][], rule: RuleId, [s, e]: [number, number]): boolean {
  let info = innocentCache.get(rule);
  if (!info) {
    const lex = conceptLexicon();
    const fam = lex.families.find((f) => f.rule === rule);
    const names = new Set(fam?.combos.flatMap((k) => k.none) ?? []);
    info = { concepts: [...names].map((n) => lex.byName.get(n)?.index ?? -1).filter((i) => i >= 0), negatable: fam?.negatable ?? true };
    innocentCache.set(rule, info);
  }
  const lex = conceptLexicon();
  const contrast = matches[lex.byName.get('contrast')?.index ?? -1];
  for (const k of info.concepts) {
    for (const m of matches[k] ?? []) {
      if (m.s < s || m.s >= e) continue;
      // 可以开，不过要加税点: a contrast after the innocent words takes them back.
      if (contrast?.some((x) => x.s >= m.e && x.s < e)) continue;
      return true;
    }
  }
  if (!info.negatable) return false;
  const text = v.compact.slice(s, e);
  return (c.negBefore?.test(text) ?? false) && !(c.override?.test(text) ?? false);
}

/** The compact ranges of a view's sentences, in order. */
export function sentenceRanges(v: TextView): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let s = 0;
  for (let i = 1; i <= v.compact.length; i++) {
    if (i === v.compact.length || v.sentence[i] !== v.sentence[i - 1]) {
      out.push([s, i]);
      s = i;
    }
  }
  return out;
}

/**
 * Below this learned probability a definite finding is not confident evidence (round 12, D1–D11
 * precision): the words matched a rule's phrase or concept, but a reply of that kind is almost
 * never a violation by the model trained on thousands of replies (收款码贴纸这款是亚克力的, 好评返现
 * 我们这边是不做的, Loser pays is a board game rule). Such a finding is shown as 疑似 (warn) with
 * its reason instead of blocking. Chosen on the development round r10 (not in training then):
 * of its blocked violating replies 3 of 188 scored under 0.1, of its blocked compliant ones 9 of 15.
 */
export const CONFIRM_BELOW = 0.1;

/**
 * A definite blocking hit the model is asked to back. D6 is not: its fault is who asks (an order's
 * status told to an account that did not place it), which the words alone cannot show. Nor is a hit begun
 * in earlier messages (round 13): the model reads this reply only, so it cannot see the evasion's first half.
 */
function needsConfirming(c: CompiledGuard, h: Hit): boolean {
  return !h.suspected && h.append === undefined && h.split !== true && h.rule !== 'D6' && c.rules.get(h.rule)?.def.severity === 'block';
}

/**
 * Demotes the definite hits whose family's model does not back them: the higher of the model's
 * probability on the whole reply and on the hit's sentence must reach CONFIRM_BELOW. Scores only
 * the rules of definite hits (none on a clean reply). Rules without a model (D8) keep their level.
 */
export function confirmDefinite(c: CompiledGuard, v: TextView, hits: Hit[], m: LinearModel = shippedModel()): void {
  if (v.compact.length === 0) return;
  let only: number[] | undefined;
  for (const h of hits) {
    if (!needsConfirming(c, h)) continue;
    const r = m.rules.indexOf(h.rule);
    if (r < 0) continue;
    only ??= [];
    if (!only.includes(r)) only.push(r);
  }
  if (!only) return;
  const lex = conceptLexicon();
  const matches = matchConceptsOf(lex, v);
  const whole = new Float32Array(m.rules.length);
  scoreRangeOnce(m, v, matches, 0, v.compact.length, whole, only);
  const part = new Float32Array(m.rules.length);
  const ranges = sentenceRanges(v);
  for (const h of hits) {
    if (!needsConfirming(c, h)) continue;
    const r = m.rules.indexOf(h.rule);
    if (r < 0 || (whole[r] ?? 0) >= CONFIRM_BELOW) continue;
    const cs = compactIndexAtOrig(v, h.start);
    const range = ranges.find(([s, e]) => cs >= s && cs < e);
    if (range && ranges.length > 1) {
      scoreRangeOnce(m, v, matches, range[0], range[1], part, [r]);
      if ((part[r] ?? 0) >= CONFIRM_BELOW) continue;
    }
    h.suspected = true;
    h.reason = `${lex.families.find((f) => f.rule === h.rule)?.reason ?? '疑似违规'}（字面命中，但整体看把握不大，请人工确认）`;
  }
}
