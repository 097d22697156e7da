// The on-disk model cache (issue 9): a model trained once is read back by the next process with
// the same answers; different training data is a different entry, never a stale hit.
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createNlu, type ModelCache } from '../../core/nlu/index.js';
import { nluModelCache, shopModelKey } from './nlu-model-cache.js';

const saved = process.env.DXE_NLU_CACHE_DIR;
afterEach(() => {
  const dir = process.env.DXE_NLU_CACHE_DIR;
  if (dir && dir !== saved) rmSync(dir, { recursive: true, force: true });
  if (saved === undefined) delete process.env.DXE_NLU_CACHE_DIR;
  else process.env.DXE_NLU_CACHE_DIR = saved;
});

/** The file cache, counting what it is asked to save. */
function counted(): { cache: ModelCache; saves: () => number } {
  const inner = nluModelCache()!;
  let n = 0;
  return {
    cache: { load: (k) => inner.load(k), save: (k, b) => (n++, inner.save(k, b)) },
    saves: () => n,
  };
}

describe('NLU model cache', () => {
  it('a trained model is saved once, read back with the same answers, and keyed by its training data', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dxe-nlu-cache-test-'));
    process.env.DXE_NLU_CACHE_DIR = dir;
    const extra = [{ text: '蓝莓能寄冷链吗', intent: 'courier' as const }];
    const first = counted();
    const trained = createNlu({ extraExamples: extra, folds: 0, cache: first.cache });
    expect(first.saves()).toBe(1);
    expect(readdirSync(dir).filter((f) => f.endsWith('.bin'))).toHaveLength(1);
    // Readable by this user only (a shop's model holds what its own examples taught it).
    for (const f of readdirSync(dir)) expect(statSync(join(dir, f)).mode & 0o077).toBe(0);

    const second = counted();
    const loaded = createNlu({ extraExamples: extra, folds: 0, cache: second.cache });
    expect(second.saves()).toBe(0);
    for (const text of ['蓝莓能寄冷链吗', '什么时候发货', '可以便宜点吗', '在吗']) {
      expect(loaded.classify(text)).toEqual(trained.classify(text));
    }

    const other = counted();
    createNlu({ extraExamples: [...extra, { text: '榴莲能寄冷链吗', intent: 'courier' }], folds: 0, cache: other.cache });
    expect(other.saves()).toBe(1);
    expect(readdirSync(dir).filter((f) => f.endsWith('.bin'))).toHaveLength(2);
  }, 300_000); // real model training: minutes on a loaded machine (issue 9: room, not a race)

  it('DXE_NLU_CACHE=0 turns it off', () => {
    const before = process.env.DXE_NLU_CACHE;
    process.env.DXE_NLU_CACHE = '0';
    try {
      expect(nluModelCache()).toBeUndefined();
    } finally {
      if (before === undefined) delete process.env.DXE_NLU_CACHE;
      else process.env.DXE_NLU_CACHE = before;
    }
  });

  it("a shop model's key changes with any change to its training input, and only then", () => {
    const examples = [
      { text: '叮咚叮咚', intent: 'human' as const },
      { text: '蓝莓能寄冷链吗', intent: 'courier' as const },
    ];
    const dict = ['加绒连帽卫衣', 'Type-C快充数据线 1米'];
    const key = shopModelKey(examples, dict);
    expect(key).toMatch(/^shop-[0-9a-f]{64}$/);
    expect(shopModelKey(examples.map((e) => ({ ...e })), [...dict])).toBe(key);
    const others = [
      shopModelKey([{ ...examples[0]!, text: '叮咚叮咚！' }, examples[1]!], dict), // one character
      shopModelKey([{ ...examples[0]!, intent: 'greeting' }, examples[1]!], dict), // an intent
      shopModelKey([...examples].reverse(), dict), // the order
      shopModelKey(examples.slice(0, 1), dict), // one example fewer
      shopModelKey([...examples, { text: '铃铛', intent: 'human' }], dict), // one more
      shopModelKey(examples, dict.slice(0, 1)), // an item title
      shopModelKey([{ text: '叮咚叮咚\thuman', intent: 'human' }], []), // no separator to forge
      shopModelKey([{ text: '叮咚叮咚', intent: 'human' }], ['\thuman']),
    ];
    expect(new Set([key, ...others]).size).toBe(others.length + 1);
  });
});
