// Issue 10, major 5: retraining a shop's model froze the whole server for seconds, and any agent
// could trigger it again and again. Now the training runs in a worker thread (the model comes back
// as bytes), a thread that fails — here: it runs out of its memory cap — leaves the previous model
// serving, and changes to a shop's examples are limited per shop. Real model, real database, real
// threads; no timing assertions. The model cache is off in this file: its trainings must run in a
// thread here, not be read from a model an earlier run trained on the same examples.
import { threadId } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setTrainingLimits, DEFAULT_TRAINING_LIMITS } from '../src/app/shops/nlu-training-thread.js';
import { resetRetrainSlots } from '../src/app/shops/retrain-rate.js';
import { nluForShop, refreshShopNlu, resetShopNlu, setShopNluLog, shopNluTrainedIn } from '../src/app/shops/shop-nlu.js';
import { startTestApp, type TestApp } from './helpers/app.js';
import { databaseLabel } from './helpers/database.js';

const SHOP = 'demo-tmall';
const JARGON = ['叮咚叮咚', '叮咚叮咚叮咚', '叮咚 叮咚', '叮咚叮咚有人吗', '叮咚叮咚叮咚叮咚', '叮叮咚咚'];

describe(`a shop's model trains in a worker thread (issue 10 major 5, B1) on ${databaseLabel}`, () => {
  let t: TestApp;
  let agent: string;
  const errors: { obj: object; msg: string | undefined }[] = [];
  const post = (items: { text: string; intent: string }[]) =>
    t.app.inject({ method: 'POST', url: `/api/v1/shops/${SHOP}/training-examples`, headers: { authorization: `Bearer ${agent}` }, payload: { items } });

  const savedCache = process.env.DXE_NLU_CACHE;
  beforeAll(async () => {
    process.env.DXE_NLU_CACHE = '0';
    resetShopNlu();
    resetRetrainSlots();
    setShopNluLog({ info: () => {}, error: (obj, msg) => errors.push({ obj, msg }) });
    t = await startTestApp();
    agent = await t.login('agent1');
  });
  afterAll(async () => {
    setTrainingLimits(DEFAULT_TRAINING_LIMITS);
    setShopNluLog(null);
    resetShopNlu();
    resetRetrainSlots();
    await t?.close();
    if (savedCache === undefined) delete process.env.DXE_NLU_CACHE;
    else process.env.DXE_NLU_CACHE = savedCache;
  });

  it('the model is trained in another thread and answers in this one', async () => {
    expect((await post(JARGON.map((text) => ({ text, intent: 'human' })))).statusCode).toBe(201);
    const model = await refreshShopNlu(t.database, SHOP);
    expect(errors).toEqual([]);
    const trainedIn = shopNluTrainedIn(t.database, SHOP);
    expect(trainedIn).not.toBeNull();
    expect(trainedIn).not.toBe(threadId);
    expect(model.classify('叮咚叮咚叮咚').intent).toBe('human');
  }, 300_000); // real model training: minutes on a loaded machine (issue 9: room, not a race)

  it('a training thread that dies (out of its memory cap) is logged and the previous model keeps serving', async () => {
    const before = await nluForShop(t.database, SHOP);
    setTrainingLimits({ memoryMb: 16 });
    try {
      expect((await post([{ text: '铃铛响了', intent: 'human' }])).statusCode).toBe(201);
      const after = await refreshShopNlu(t.database, SHOP);
      expect(after).toBe(before);
      expect(after.classify('叮咚叮咚叮咚').intent).toBe('human');
      expect(errors.map((e) => e.msg)).toContain('shop NLU training failed; the previous model keeps serving');
      expect(String((errors[0]?.obj as { err?: Error }).err?.message)).toMatch(/memory|thread ended/i);
    } finally {
      setTrainingLimits(DEFAULT_TRAINING_LIMITS);
    }
  }, 300_000); // real model training: minutes on a loaded machine (issue 9: room, not a race)

  it('changes to one shop are limited per minute (RETRAIN_PER_MINUTE); another shop is not held up', async () => {
    resetRetrainSlots();
    const limit = t.app.ctx.config.RETRAIN_PER_MINUTE;
    for (let i = 0; i < limit; i++) expect((await post([{ text: `例句${i}号`, intent: 'human' }])).statusCode).toBe(201);
    const refused = await post([{ text: '再来一句', intent: 'human' }]);
    expect(refused.statusCode).toBe(429);
    expect(refused.json()).toMatchObject({ error: { code: 'RATE_LIMITED' } });
    expect(refused.json().error.message).toMatch(/过于频繁/);
    const [row] = await t.database.query<{ n: number }>(`select count(*)::int as n from training_examples where shop_id = $1 and text = '再来一句'`, [SHOP]);
    expect(row?.n).toBe(0); // refused before anything was written
    const other = await t.app.inject({
      method: 'POST',
      url: '/api/v1/shops/demo-taobao/training-examples',
      headers: { authorization: `Bearer ${await t.login('agent2')}` },
      payload: { items: [{ text: '叮咚', intent: 'human' }] },
    });
    expect(other.statusCode).toBe(201);
  }, 300_000); // real model training: minutes on a loaded machine (issue 9: room, not a race)
});
