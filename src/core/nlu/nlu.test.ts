import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { INTENT_IDS, type IntentId } from '../intents.js';
import { createNlu, evaluate, exportModel, getDefaultNlu, importModel, loadShippedExamples, parseExamples, type Nlu } from './index.js';
import { expectedCalibrationError, fitTemperature } from './calibrate.js';

let nlu: Nlu;
beforeAll(() => {
  nlu = getDefaultNlu();
}, 240_000);

interface HoldoutRow {
  text: string;
  intent: IntentId;
}
const holdout: HoldoutRow[] = readFileSync(new URL('../../../test/fixtures/nlu/holdout.jsonl', import.meta.url), 'utf8')
  .trim()
  .split('\n')
  .map((l) => JSON.parse(l) as HoldoutRow);

describe('shipped training examples (B2)', () => {
  const examples = loadShippedExamples();
  it.each(INTENT_IDS.map((id) => [id]))('intent %s has at least 60 examples', (id) => {
    expect(examples.filter((e) => e.intent === id).length).toBeGreaterThanOrEqual(60);
  });
  it('about 2,500 or more in total, none shared with the holdout fixture', () => {
    expect(examples.length).toBeGreaterThanOrEqual(2500);
    const texts = new Set(examples.map((e) => e.text));
    expect(holdout.filter((r) => texts.has(r.text))).toEqual([]);
  });
  it('parses comments and blank lines', () => {
    expect(parseExamples('# c\n\n在吗\n  你好 \n#x', 'greeting')).toEqual([
      { text: '在吗', intent: 'greeting' },
      { text: '你好', intent: 'greeting' },
    ]);
  });
});

describe('classification (B1, B2)', () => {
  it('reaches ≥ 90 % top-1 on the held-out fixture of our own sentences', () => {
    const report = evaluate(holdout.map((r) => ({ gold: r.intent, predicted: nlu.classify(r.text).intent })));
    expect(report.accuracy).toBeGreaterThanOrEqual(0.9);
    expect(report.macroF1).toBeGreaterThanOrEqual(0.88);
  });

  it.each([
    ['亲 这个什么时候能发货啊', 'ship_time'],
    ['165 100斤穿什么码', 'size_fit'],
    ['L码有木有', 'stock'],
    ['能便宜点吗', 'bargain'],
    ['有优惠券吗', 'promotion'],
    ['新疆运费多少', 'shipping_fee'],
    ['降价了能补差价吗', 'price_protection'],
    ['轉人工', 'human'],
    ['好的谢谢😊', 'thanks_bye'],
    ['今天天气怎么样', 'other'],
    ['放一首周杰伦的歌', 'other'],
  ] as const)('%s → %s', (text, intent) => {
    expect(nlu.classify(text).intent).toBe(intent);
  });

  it('damaged item with a return request: quality_issue with secondary return_exchange (INTENTS.md)', () => {
    const r = nlu.classify('收到是坏的 我要退货');
    expect(r.intent).toBe('quality_issue');
    expect(r.secondary).toBe('return_exchange');
  });

  it('a threat is complaint with the topic as secondary', () => {
    const r = nlu.classify('再不退款我就给差评');
    expect(r.intent).toBe('complaint');
    expect(r.secondary).toBe('refund');
  });

  it('returns confidence in [0, 1], normalised text, entities and optional scores summing to 1', () => {
    const r = nlu.classify('ＸＬ码還有貨嗎', { scores: true });
    expect(r.confidence).toBeGreaterThan(0);
    expect(r.confidence).toBeLessThanOrEqual(1);
    expect(r.normalized).toBe('xl码还有货吗');
    expect(r.entities.sizes).toEqual(['XL']);
    const sum = Object.values(r.scores ?? {}).reduce((a, b) => a + b, 0);
    expect(sum).toBeCloseTo(1, 2);
  });
});

describe('context resolution (B1)', () => {
  it.each([
    ['那L码呢?', ['这件黑色还有货吗'], 'stock'],
    ['那红色呢', ['黑色的有色差吗'], 'color_appearance'],
    ['那发广东呢', ['新疆包邮吗'], 'shipping_fee'],
    ['那xl呢', ['170 140斤穿什么码'], 'size_fit'],
  ] as const)('%s after %j → %s', (text, context, intent) => {
    const r = nlu.classify(text, { context: [...context] });
    expect(r.intent).toBe(intent);
    expect(r.fromContext).toBe(true);
  });
  it.each([
    ['多久', ['我申请退款了'], 'refund'],
    ['要多少', ['这个不包邮吗'], 'shipping_fee'],
    ['怎么办', ['快递一直没到'], 'logistics'],
    ['那xl呢', ['这件有黑色吗', '白色的呢'], 'stock'],
  ] as const)('a bare follow-up %s after %j takes the open topic %s (issue 12)', (text, context, intent) => {
    expect(nlu.classify(text, { context: [...context] }).intent).toBe(intent);
  });
  it('a follow-up naming another topic asks about it: 那运费呢 after 什么时候发货', () => {
    expect(nlu.classify('那运费呢', { context: ['什么时候发货'] }).intent).toBe('shipping_fee');
  });
  it('context does not override a complete question', () => {
    expect(nlu.classify('什么时候发货', { context: ['还有货吗'] }).intent).toBe('ship_time');
  });
});

describe('training (B1: each shop adds its own examples)', () => {
  // How long training takes is a benchmark figure (npm run bench), not a test: a timing
  // assertion fails on a busy machine (issue 9: steady tests).
  // One shop model trained for both tests below (issue 9: every training is seconds of CPU); the
  // second reads it back from the cache the first saved it to.
  const store = new Map<string, Uint8Array>();
  const cache = { load: (k: string) => store.get(k), save: (k: string, b: Uint8Array) => void store.set(k, b) };
  const phrase = '蓝莓能寄冷链吗';
  const shopOptions = {
    extraExamples: Array.from({ length: 8 }, (_, i) => ({ text: `${phrase}${'吗呢啊呀哈亲嘛么'[i]}`, intent: 'courier' as const })),
    shopDictionary: ['蓝莓'],
    folds: 0,
  };
  let custom: Nlu | undefined;
  const trainedShopModel = (): Nlu => (custom ??= createNlu({ ...shopOptions, cache }));

  it('a shop example changes the answer for its own phrasing', () => {
    const model = trainedShopModel();
    expect(model.classify(phrase).intent).toBe('courier');
    expect(model.classify(phrase).entities.itemRefs).toEqual(['蓝莓']);
    // Without the shop's examples the shipped model reads it otherwise.
    expect(nlu.classify(phrase).intent).not.toBe('courier');
  }, 240_000);

  it('temperature calibration: fitted T lowers NLL and fold confidence tracks accuracy', () => {
    // The shared model is this very training (the shipped examples, 3 folds; trained once per run
    // into the model cache, which keeps its stats): training it again here cost seconds of CPU.
    const { stats } = nlu;
    expect(stats.examples).toBe(loadShippedExamples().length);
    expect(stats.temperature).toBeGreaterThan(0.05);
    expect(stats.cvAccuracy).toBeGreaterThan(0.6);
    const conf = holdout.map((r) => nlu.classify(r.text).confidence);
    const ok = holdout.map((r) => nlu.classify(r.text).intent === r.intent);
    expect(expectedCalibrationError(conf, ok)).toBeLessThan(0.2);
  }, 240_000);

  it('a cached model answers exactly like the trained one and skips training; bad bytes retrain', () => {
    const first = trainedShopModel();
    expect(store.size).toBe(1);
    let saves = 0;
    const counting = { load: cache.load, save: (k: string, b: Uint8Array) => (saves++, cache.save(k, b)) };
    const second = createNlu({ ...shopOptions, cache: counting });
    expect(saves, 'read back, not trained again').toBe(0);
    expect(second.stats).toEqual(first.stats);
    for (const r of holdout) {
      expect(second.classify(r.text, { scores: true })).toEqual(first.classify(r.text, { scores: true }));
    }
    const [key] = [...store.keys()];
    expect(importModel(new Uint8Array([1, 2, 3]))).toBeUndefined();
    store.set(key!, store.get(key!)!.slice(0, 100));
    const retrained = createNlu({ ...shopOptions, cache: counting });
    expect(saves, 'bad bytes: trained again and saved').toBe(1);
    expect(retrained.classify(phrase).intent).toBe('courier');
    expect(retrained.classify('包邮吗').intent).toBe('shipping_fee');
    // Other training data → another key: the cache is asked for a key of its own (answered with a
    // valid model so that nothing is trained just to show the key).
    const asked: string[] = [];
    createNlu({ folds: 0, cache: { load: (k) => (asked.push(k), store.get(key!)), save: () => undefined } });
    expect(asked).toHaveLength(1);
    expect(asked[0]).not.toBe(key);
    createNlu({ ...shopOptions, shopDictionary: ['蓝莓', '榴莲'], cache: { load: (k) => (asked.push(k), store.get(key!)), save: () => undefined } });
    expect(new Set(asked).size, 'the shop dictionary is part of the key').toBe(2);
    expect(asked[1]).not.toBe(key);
    expect(exportModel).toBeTypeOf('function');
  }, 240_000);

  it('fitTemperature recovers a known temperature', () => {
    // Labels drawn so that softmax(logits / 2) is the true distribution.
    const items = [];
    for (let i = 0; i < 400; i++) {
      const logits = new Float64Array([4, 0, 0]);
      const p0 = Math.exp(2) / (Math.exp(2) + 2);
      items.push({ logits, label: i / 400 < p0 ? 0 : 1 + (i % 2) });
    }
    expect(fitTemperature(items)).toBeCloseTo(2, 0);
  });
});
