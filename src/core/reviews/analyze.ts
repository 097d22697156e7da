// Review analysis (R6, R8; EVAL §5): the overall feeling as a shop's service team reads it, the
// causes of any complaint, and the flags of a review the platform would remove. One linear model
// with thirteen heads (sentiment, eight causes, four flags) over analysis-features.ts, trained by
// scripts/review-corpus/train.ts on reviews we wrote ourselves and shipped as
// data/review-model.json. Pure and fast: no I/O after the model is read once.
import { readShippedFile } from '../data-files.js';
import { DxeError } from '../errors.js';
import { CAUSES, FLAGS, type CauseId, type FlagId } from './analysis-lexicon.js';
import { DIMENSIONS, HASH_BITS, DENSE, reviewFeatures } from './analysis-features.js';
import { ruleFlags } from './flag-rules.js';
import { ruleCauses } from './cause-rules.js';

export type { CauseId, FlagId } from './analysis-lexicon.js';
export { CAUSES, FLAGS } from './analysis-lexicon.js';

export const HEADS: readonly string[] = ['sentiment', ...CAUSES.map((c) => `cause:${c}`), ...FLAGS.map((f) => `flag:${f}`)];

export interface SerializedReviewModel {
  version: 1;
  bits: number;
  dense: number;
  heads: string[];
  bias: number[];
  scale: number[];
  thresholds: number[];
  /** Non-zero weights: base64 of varint index deltas (index = feature × heads + head), then int8 values. */
  weights: string;
  count: number;
}

export interface ReviewModel {
  heads: number;
  bias: Float32Array;
  w: Float32Array;
  thresholds: Float32Array;
}

export function decodeReviewModel(m: SerializedReviewModel): ReviewModel {
  if (m.version !== 1 || m.bits !== HASH_BITS || m.dense !== DENSE || m.heads.join() !== HEADS.join()) {
    throw new DxeError('PROFILE_INVALID', 'review-model.json: 模型版本或特征与代码不一致，请重新训练（npx tsx scripts/review-corpus/train.ts）');
  }
  const H = m.heads.length;
  const w = new Float32Array(DIMENSIONS * H);
  const bytes = Buffer.from(m.weights, 'base64');
  let pos = 0;
  let index = 0;
  const at = new Float64Array(m.count);
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
    at[k] = index;
  }
  for (let k = 0; k < m.count; k++) {
    const raw = bytes[pos++] ?? 0;
    const q = raw > 127 ? raw - 256 : raw;
    const i = at[k] ?? 0;
    w[i] = q * (m.scale[i % H] ?? 0);
  }
  return { heads: H, bias: Float32Array.from(m.bias), w, thresholds: Float32Array.from(m.thresholds) };
}

export function encodeReviewModel(w: Float32Array | Float64Array, bias: ArrayLike<number>, thresholds: ArrayLike<number>): SerializedReviewModel {
  const H = HEADS.length;
  const scale = new Array<number>(H).fill(0);
  for (let i = 0; i < w.length; i++) scale[i % H] = Math.max(scale[i % H] ?? 0, Math.abs(w[i] ?? 0));
  for (let h = 0; h < H; h++) scale[h] = Math.fround(((scale[h] ?? 0) || 1) / 127);
  const idx: number[] = [];
  const q: number[] = [];
  for (let i = 0; i < w.length; i++) {
    const v = Math.round((w[i] ?? 0) / (scale[i % H] ?? 1));
    if (v !== 0) {
      idx.push(i);
      q.push(Math.max(-127, Math.min(127, v)));
    }
  }
  const bytes: number[] = [];
  let prev = 0;
  for (const i of idx) {
    let d = i - prev;
    prev = i;
    while (d >= 0x80) {
      bytes.push((d % 0x80) | 0x80);
      d = Math.floor(d / 0x80);
    }
    bytes.push(d);
  }
  for (const v of q) bytes.push(v & 0xff);
  return {
    version: 1,
    bits: HASH_BITS,
    dense: DENSE,
    heads: [...HEADS],
    bias: Array.from(bias, (b) => Math.round(b * 1e5) / 1e5),
    scale,
    thresholds: Array.from(thresholds, (t) => Math.round(t * 1e4) / 1e4),
    weights: Buffer.from(bytes).toString('base64'),
    count: idx.length,
  };
}

let shipped: ReviewModel | undefined;
function shippedModel(): ReviewModel {
  if (!shipped) {
    let raw: SerializedReviewModel;
    try {
      raw = JSON.parse(readShippedFile(import.meta.url, 'data/review-model.json')) as SerializedReviewModel;
    } catch (err) {
      throw new DxeError('PROFILE_INVALID', `无法读取评价分析模型 data/review-model.json：${err instanceof Error ? err.message : String(err)}`);
    }
    shipped = decodeReviewModel(raw);
  }
  return shipped;
}

export interface ReviewAnalysisInput {
  text: string;
  rating?: number | undefined;
  platform?: string | undefined;
}

export interface ReviewAnalysis {
  sentiment: 'positive' | 'negative';
  /** Probability that the review is positive, 2 decimals. */
  score: number;
  causes: CauseId[];
  flags: FlagId[];
}

/** The model's flag heads alone decide a flag only above this probability (rules decide the rest). */
export const MODEL_FLAG_FLOOR = 0.97;

/**
 * The model alone names these causes only when surer than its own threshold: their everyday
 * wordings are covered by cause-rules.ts, and the model's topic words (尺码, 价格, 包装) fire on praise.
 */
const MODEL_CAUSE_FLOOR: Partial<Record<CauseId, number>> = { size: 0.9, color: 0.7, price: 0.7, packaging: 0.7 };

/** The shop's service people named as the target of a review's abuse. */
const STAFF_ABUSED = /客服|售后|客户经理|customer service|support team|(?:the )?agent\b/i;

const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z));

/** Raw head probabilities, in HEADS order. */
export function headProbabilities(input: ReviewAnalysisInput, model: ReviewModel = shippedModel()): Float64Array {
  return headProbabilitiesWith(input, model).p;
}

function headProbabilitiesWith(input: ReviewAnalysisInput, model: ReviewModel): { p: Float64Array; cues: Record<string, number> } {
  const idx: number[] = [];
  const val: number[] = [];
  const { cues } = reviewFeatures(input, idx, val);
  const H = model.heads;
  const z = Float64Array.from(model.bias);
  for (let k = 0; k < idx.length; k++) {
    const base = (idx[k] ?? 0) * H;
    const v = val[k] ?? 0;
    for (let h = 0; h < H; h++) z[h] = (z[h] ?? 0) + (model.w[base + h] ?? 0) * v;
  }
  for (let h = 0; h < H; h++) z[h] = sigmoid(z[h] ?? 0);
  return { p: z, cues };
}

/**
 * A flag needs its evidence as well as the model's score (R6: a shop reports what it can show):
 * abuse an insult, ad a contact or a link, private data a phone, name or address, extortion a
 * threat with a demand.
 */
function flagEvidence(flag: FlagId, cues: Record<string, number>): boolean {
  const has = (k: string): boolean => (cues[k] ?? 0) > 0;
  switch (flag) {
    case 'abuse':
      return has('abuse');
    case 'ad':
      return has('url') || has('email') || has('contact_id') || has('strong_ad') || (has('ad') && (has('phone') || has('digits')));
    case 'private_data':
      return has('phone') || has('name') || has('address') || has('email') || has('id_card');
    case 'extortion':
      return has('threat') && (has('condition') || has('money'));
  }
}

export function analyzeReview(input: ReviewAnalysisInput, model: ReviewModel = shippedModel()): ReviewAnalysis {
  const text = input.text.trim();
  if (text.length === 0) {
    // No text: a rating is all there is (4–5 stars read as praise); none at all reads as the default good review (R1).
    const score = input.rating === undefined ? 0.5 : input.rating >= 4 ? 0.9 : input.rating === 3 ? 0.4 : 0.1;
    return { sentiment: score >= 0.5 ? 'positive' : 'negative', score, causes: [], flags: [] };
  }
  const { p, cues } = headProbabilitiesWith(input, model);
  const score = Math.round((p[0] ?? 0.5) * 100) / 100;
  const sentiment = (p[0] ?? 0.5) >= 0.5 ? 'positive' : 'negative';
  const { flags: rules, evidence } = ruleFlags(text);
  // Causes: the model's, plus the everyday complaint phrases it misses (cause-rules.ts).
  // An ad's "cheaper elsewhere" is its pitch, not a price complaint.
  const phrased = ruleCauses(rules.has('ad') ? text.replace(/cheaper|更?便宜/gi, '') : text);
  const causes: CauseId[] = [];
  // A cause counts only when the buyer complains (EVAL §5): praise with no complaint word and no
  // complaint phrase names none, whatever topic words it uses (快递小哥很负责, 包装很用心).
  const complains = phrased.size > 0 || (cues.complaint ?? 0) > 0 || (cues.sarcasm ?? 0) > 0 || sentiment === 'negative';
  // Breakage in transit is the courier's or the box's, not the product's (EVAL §5).
  const transitOnly = !phrased.has('quality') && /(碎|裂|压|摔|砸|磕|折了|凹|broken|crushed|smashed|cracked|bent)/.test(text) && /(快递|物流|运输|箱|盒|包装|塑料袋|courier|box|package|parcel|shipping|delivery|envelope)/i.test(text);
  CAUSES.forEach((c, i) => {
    const floor = Math.max(MODEL_CAUSE_FLOOR[c] ?? 0, model.thresholds[1 + i] ?? 0.5);
    if (phrased.has(c) || (complains && (p[1 + i] ?? 0) >= floor && !(c === 'quality' && transitOnly))) causes.push(c);
  });
  // A poor or damaged box with the goods damaged inside is logistics as well (round 8; README-blind-r7:
  // crushed box or no inner packing with breakage → both).
  if (causes.includes('packaging') && !causes.includes('logistics') && /(?<![没不未无])(?:碎|裂|折了|磕|凹|压坏|摔坏|坏了)|(?<!not |n't )(?:broken|bent|cracked|smashed|shattered|dented)/i.test(text)) causes.splice(CAUSES.indexOf('logistics') < CAUSES.indexOf('packaging') ? causes.indexOf('packaging') : causes.length, 0, 'logistics');
  // Flags are read as structure (flag-rules.ts, after undoing filter dodges); the model's flag head
  // adds an ad or private-data flag only when it is near certain and its evidence (a contact, a
  // phone, a name) is there too.
  const flags: FlagId[] = [];
  FLAGS.forEach((f, i) => {
    const h = 1 + CAUSES.length + i;
    // abuse and extortion are shapes only the rules read; a phone the rules read as someone's private
    // number is not an ad because the model leans that way (round 8: 'call me at …', 'his WeChat phone …').
    const modelMay = (f === 'ad' && !rules.has('private_data')) || f === 'private_data';
    // …and the rules saw the evidence too (a surname after 快递员 is not a name: 王师傅).
    const ruleSaw = f === 'ad' ? evidence.contactId || evidence.url || evidence.phone : evidence.phone || evidence.fullName || evidence.address;
    if (rules.has(f) || (modelMay && ruleSaw && (p[h] ?? 0) >= Math.max(MODEL_FLAG_FLOOR, model.thresholds[h] ?? 0.5) && flagEvidence(f, cues))) flags.push(f);
  });
  // Abuse aimed at the shop's service people (客服跟个傻子似的, 傻X客服) is a complaint about service
  // (round 7; R8): the buyer insults whoever served them.
  if (flags.includes('abuse') && !causes.includes('service') && STAFF_ABUSED.test(text)) causes.push('service');
  return { sentiment, score: sentiment === 'positive' ? Math.max(score, 0.5) : Math.min(score, 0.49), causes, flags };
}
