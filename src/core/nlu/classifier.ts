// Intent classifier: normalise → segment → hashed features → multinomial logistic regression,
// with a temperature fitted on k held-out folds of the training examples (B1, B2).
import { INTENT_IDS, type IntentId } from '../intents.js';
import { z } from 'zod';
import { DxeError } from '../errors.js';
import { fitTemperature, type HeldOut } from './calibrate.js';
import { buildKeywordIndex, extractFeatures, FeatureBuffer, stripMasks, type KeywordIndex } from './features.js';
import { KEYWORDS } from './keywords.js';
import { DEFAULT_TRAIN, LinearModel, rng, trainLinear, type Sample, type TrainOptions } from './model.js';
import { normalizeText } from './normalize.js';
import { Segmenter } from './segment.js';
import type { Example } from './training/load.js';

export interface TrainModelOptions {
  shopDictionary?: string[];
  /** Held-out folds for temperature calibration (0 = no calibration, T = 1). */
  folds?: number;
  train?: Partial<TrainOptions>;
  /** Add a polite-prefix variant of each example (亲/老板/请问…) so openers do not decide intent. */
  augment?: boolean;
  /** Reuse a segmenter (it holds jieba's dictionary). */
  segmenter?: Segmenter;
  /**
   * Models trained with different shuffling seeds whose weights are averaged (the final model only;
   * calibration folds use one). Default 2: fresh buyer-style sentences 85.2 → 85.8 %, dev 92.4 → 92.7 %.
   */
  bag?: number;
  /** Weight of the naive-Bayes log-likelihoods folded into the linear weights (0 = LR only). */
  nb?: number;
  /** Smoothing of the naive-Bayes counts. */
  nbAlpha?: number;
}

export interface ModelStats {
  examples: number;
  samples: number;
  features: number;
  temperature: number;
  /** Accuracy on the held-out folds (our own examples). */
  cvAccuracy: number | null;
  trainMs: number;
}

export interface IntentModel {
  readonly linear: LinearModel;
  readonly segmenter: Segmenter;
  readonly stats: ModelStats;
}

const OPENERS = [
  '亲 ', '老板 ', '你好 ', '请问', '在吗 ', '亲,', '客服 ', '您好 ', '那个 ', '哈喽 ', '好的 ', '嗯嗯 ',
  '哦哦 ', '好的谢谢 ', '对了 ', '还有 ', '我想问下', '麻烦问下', '', '',
];
const CLOSERS = ['', '', '?', '啊', '呢', '呀', '哈', '亲', '。', '!', ' 谢谢', ',麻烦了', ' 急', '谢谢亲'];
const NO_OPENER: ReadonlySet<IntentId> = new Set(['greeting', 'other', 'thanks_bye']);

/** Item nouns from many shop categories: inserted after 这个/这款 so that nouns stay neutral. */
const ITEMS = [
  '茶叶', '核桃', '湿巾', '手机', '键盘', '裤子', '鞋子', '外套', '面膜', '奶粉', '耳机', '电饭煲', '枕头',
  '杯子', '芒果干', '纸巾', '床单', '书包', '手表', '充电宝', '口红', '茶具', '粽子', '冰箱', '羽绒服',
];
const DEMONSTRATIVE = /这个|这款|这件|这双|那个/;

function variants(ex: Example, index: number, augment: boolean): string[] {
  const out = [ex.text];
  if (!augment || ex.lang === 'en' || NO_OPENER.has(ex.intent)) return out;
  const r = rng(index * 7919 + 13);
  out.push(OPENERS[Math.floor(r() * OPENERS.length)]! + ex.text + CLOSERS[Math.floor(r() * CLOSERS.length)]!);
  const m = DEMONSTRATIVE.exec(ex.text);
  if (m) out.push(ex.text.replace(m[0], m[0] + ITEMS[Math.floor(r() * ITEMS.length)]!));
  return out;
}

interface Featurized {
  hashes: Uint32Array;
  values: Float32Array;
}

/** Keyword groups in intent order (25 groups fit the 31-bit group set). */
export const KEYWORD_INDEX: KeywordIndex = buildKeywordIndex(
  INTENT_IDS.filter((id) => KEYWORDS[id]).map((id) => KEYWORDS[id]!),
);

function featurize(text: string, seg: Segmenter, buf: FeatureBuffer): Featurized {
  const norm = stripMasks(normalizeText(text));
  extractFeatures(norm, seg.cut(norm), buf, KEYWORD_INDEX);
  return { hashes: buf.hashes.slice(0, buf.count), values: buf.values.slice(0, buf.count) };
}

function toSample(f: Featurized, label: number, vocab: Map<number, number>): Sample {
  const idx = new Int32Array(f.hashes.length);
  for (let i = 0; i < f.hashes.length; i++) {
    const h = f.hashes[i]!;
    let row = vocab.get(h);
    if (row === undefined) {
      row = vocab.size;
      vocab.set(h, row);
    }
    idx[i] = row;
  }
  return { idx, val: f.values, label };
}

/**
 * Multinomial naive Bayes over the same features is linear too: its centred log-likelihoods are
 * added to the logistic-regression weights (an ensemble at no cost per message). NB is less sure
 * of rare n-grams than LR, which generalises better to wordings our examples do not cover.
 */
function addNaiveBayes(model: LinearModel, samples: readonly Sample[], weight: number, alpha: number): void {
  const K = model.classes;
  const V = model.vocab.size;
  const counts = new Float64Array(V * K);
  const totals = new Float64Array(K);
  const perClass = new Float64Array(K);
  for (const s of samples) perClass[s.label]!++;
  for (const s of samples) {
    // Each class weighs the same in total (our example counts are not the buyers' prior).
    const w = 1 / Math.max(1, perClass[s.label]!);
    for (let i = 0; i < s.idx.length; i++) counts[s.idx[i]! * K + s.label]! += w;
  }
  for (let r = 0; r < V; r++) for (let k = 0; k < K; k++) totals[k]! += counts[r * K + k]!;
  const a = alpha / V;
  const logTot = Array.from(totals, (t) => Math.log(t + a * V));
  const W = model.weights;
  const row = new Float64Array(K);
  for (let r = 0; r < V; r++) {
    let mean = 0;
    for (let k = 0; k < K; k++) {
      row[k] = Math.log(counts[r * K + k]! + a) - logTot[k]!;
      mean += row[k]!;
    }
    mean /= K;
    for (let k = 0; k < K; k++) W[r * K + k]! += weight * (row[k]! - mean);
  }
}

/**
 * NB is off by default: it raised 5-fold CV on our examples (86.2 → 87.0 % at weight 0.2) and dev,
 * but lowered accuracy on fresh buyer-style sentences written after the first model (87.3 →
 * 86.5 %, train on the older examples, test on the newer), and real messages are what count.
 */
function fitModel(
  samples: readonly Sample[],
  K: number,
  vocab: Map<number, number>,
  train: TrainOptions,
  opts: TrainModelOptions,
  bag = 1,
): LinearModel {
  const m = trainLinear(samples, K, vocab, train);
  // Averaging the weights of models that saw the examples in other orders lowers the variance of
  // SGD on a few thousand short texts; the average is still one linear model (no cost per message).
  for (let b = 1; b < bag; b++) {
    const o = trainLinear(samples, K, vocab, { ...train, seed: train.seed + 101 * b });
    for (let i = 0; i < m.weights.length; i++) m.weights[i]! += o.weights[i]!;
    for (let i = 0; i < m.bias.length; i++) m.bias[i]! += o.bias[i]!;
  }
  if (bag > 1) {
    for (let i = 0; i < m.weights.length; i++) m.weights[i]! /= bag;
    for (let i = 0; i < m.bias.length; i++) m.bias[i]! /= bag;
  }
  const nb = opts.nb ?? DEFAULT_NB;
  if (nb > 0) addNaiveBayes(m, samples, nb, opts.nbAlpha ?? DEFAULT_NB_ALPHA);
  return m;
}

const DEFAULT_NB = 0;
const DEFAULT_NB_ALPHA = 1;

/** Trains an intent model on examples (shipped ones plus a shop's own). Takes about a second. */
export function trainModel(examples: readonly Example[], opts: TrainModelOptions = {}): IntentModel {
  const t0 = performance.now();
  const labelOf = new Map<IntentId, number>(INTENT_IDS.map((id, i) => [id, i]));
  const seg = opts.segmenter ?? new Segmenter(opts.shopDictionary);
  const buf = new FeatureBuffer();
  const vocab = new Map<number, number>();
  const train: TrainOptions = { ...DEFAULT_TRAIN, ...opts.train };
  const groups: Sample[][] = examples.map((ex, i) => {
    const label = labelOf.get(ex.intent);
    if (label === undefined) throw new DxeError('VALIDATION_FAILED', `未知意图: ${String(ex.intent)}`);
    return variants(ex, i, opts.augment ?? true).map((t) => toSample(featurize(t, seg, buf), label, vocab));
  });
  const K = INTENT_IDS.length;
  const folds = opts.folds ?? 3;
  let temperature = 1;
  let cvAccuracy: number | null = null;
  if (folds >= 2 && examples.length >= folds * 2) {
    const fold = groups.map((_, i) => (Math.imul(i + 1, 2654435761) >>> 0) % folds);
    const held: HeldOut[] = [];
    let hits = 0;
    for (let f = 0; f < folds; f++) {
      const trainSet = groups.filter((_, i) => fold[i] !== f).flat();
      const m = fitModel(trainSet, K, vocab, train, opts);
      groups.forEach((g, i) => {
        if (fold[i] !== f) return;
        const logits = new Float64Array(K);
        m.scoresFromSample(g[0]!, logits);
        let best = 0;
        for (let k = 1; k < K; k++) if (logits[k]! > logits[best]!) best = k;
        if (best === g[0]!.label) hits++;
        held.push({ logits, label: g[0]!.label });
      });
    }
    temperature = fitTemperature(held);
    cvAccuracy = hits / held.length;
  }
  const all = groups.flat();
  const linear = fitModel(all, K, vocab, train, opts, opts.bag ?? 2);
  linear.temperature = temperature;
  return {
    linear,
    segmenter: seg,
    stats: {
      examples: examples.length,
      samples: all.length,
      features: vocab.size,
      temperature,
      cvAccuracy,
      trainMs: performance.now() - t0,
    },
  };
}

const MAGIC = 0x31584e44; // 'DNX1'

/**
 * A trained model as bytes (hash table, weights, bias, stats): the CLI caches it so that a start
 * does not retrain. Layout: magic, JSON length, JSON header, padding to 4, hashes (V × u32),
 * weights (V × K × f32), bias (K × f32).
 */
export function exportModel(model: IntentModel): Uint8Array {
  const { linear } = model;
  const V = linear.vocab.size;
  const K = linear.classes;
  const header = new TextEncoder().encode(
    JSON.stringify({ classes: K, features: V, temperature: linear.temperature, stats: model.stats, intents: INTENT_IDS }),
  );
  const headerEnd = 8 + header.length;
  const start = (headerEnd + 3) & ~3;
  const out = new Uint8Array(start + 4 * (V + V * K + K));
  const view = new DataView(out.buffer);
  view.setUint32(0, MAGIC, true);
  view.setUint32(4, header.length, true);
  out.set(header, 8);
  const hashes = new Uint32Array(V);
  for (const [hash, row] of linear.vocab) hashes[row] = hash;
  out.set(new Uint8Array(hashes.buffer), start);
  out.set(new Uint8Array(linear.weights.buffer, linear.weights.byteOffset, V * K * 4), start + 4 * V);
  out.set(new Uint8Array(linear.bias.buffer, linear.bias.byteOffset, K * 4), start + 4 * (V + V * K));
  return out;
}

const Header = z.object({
  classes: z.number().int().positive(),
  features: z.number().int().nonnegative(),
  temperature: z.number().positive(),
  intents: z.array(z.string()),
  stats: z.object({
    examples: z.number(),
    samples: z.number(),
    features: z.number(),
    temperature: z.number(),
    cvAccuracy: z.number().nullable(),
    trainMs: z.number(),
  }),
});

/** The model of exportModel's bytes, or undefined if they are not one (then retrain). */
export function importModel(bytes: Uint8Array, opts: { shopDictionary?: string[]; segmenter?: Segmenter } = {}): IntentModel | undefined {
  if (bytes.byteLength < 8) return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.getUint32(0, true) !== MAGIC) return undefined;
  const len = view.getUint32(4, true);
  if (8 + len > bytes.byteLength) return undefined;
  let header;
  try {
    const parsed = Header.safeParse(JSON.parse(new TextDecoder().decode(bytes.subarray(8, 8 + len))));
    if (!parsed.success) return undefined;
    header = parsed.data;
  } catch {
    return undefined;
  }
  if ( header.intents.join(',') !== INTENT_IDS.join(',')) return undefined;
  const V = header.features;
  const K = header.classes;
  const start = (8 + len + 3) & ~3;
  if (bytes.byteLength !== start + 4 * (V + V * K + K)) return undefined;
  // Copy into fresh, aligned arrays (the input may sit at any offset of a larger buffer).
  const body = bytes.slice(start);
  const hashes = new Uint32Array(body.buffer, 0, V);
  const weights = new Float32Array(body.buffer, 4 * V, V * K);
  const bias = new Float32Array(body.buffer, 4 * (V + V * K), K);
  const vocab = new Map<number, number>();
  for (let r = 0; r < V; r++) vocab.set(hashes[r]!, r);
  const linear = new LinearModel(K, vocab, weights, bias, header.temperature);
  linear.freeze();
  return { linear, segmenter: opts.segmenter ?? new Segmenter(opts.shopDictionary), stats: header.stats };
}

/** Reusable prediction state: one per Nlu, so classify allocates no feature arrays. */
export class Predictor {
  private readonly buf = new FeatureBuffer();
  readonly probs: Float64Array;
  constructor(readonly model: IntentModel) {
    this.probs = new Float64Array(model.linear.classes);
  }

  /** Fills `probs` with calibrated probabilities for a normalised text; returns the top index. */
  predict(normalized: string): number {
    const { linear, segmenter } = this.model;
    const text = stripMasks(normalized);
    extractFeatures(text, segmenter.cut(text), this.buf, KEYWORD_INDEX);
    linear.scoresFromHashes(this.buf.hashes, this.buf.values, this.buf.count, this.probs);
    linear.softmax(this.probs);
    let best = 0;
    for (let k = 1; k < linear.classes; k++) if (this.probs[k]! > this.probs[best]!) best = k;
    return best;
  }
}
