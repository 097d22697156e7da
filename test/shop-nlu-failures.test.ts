// A shop's model training can fail without harm (issue 10, critical 1): an item title with a space
// (the demo's own "Type-C快充数据线 1米") once made jieba refuse the dictionary, the background
// training rejected unhandled and the process ended — again after every restart. Now the words are
// cleaned, and a training that fails for any reason is logged while the previous model serves.
// Real model, real database, no mocks.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLocalBus } from '../src/app/events/event-bus.js';
import { handleInboundMessage } from '../src/app/inbound/handle-inbound-message.js';
import { startBackgroundWork } from '../src/app/runtime/background.js';
import { nluForShop, refreshShopNlu, resetShopNlu, setShopNluLog } from '../src/app/shops/shop-nlu.js';
import { getDefaultNlu } from '../src/core/nlu/index.js';
import { startTestApp, type TestApp } from './helpers/app.js';
import { databaseLabel } from './helpers/database.js';
import { until } from './helpers/wait.js';

// Each test trains the shop's model for real (about 7 s of CPU idle): in a loaded run the three took
// 70-98 s each, close to the database project's 120 s. Room, not a race (issue 9: no flaky test).
const TRAINING_MS = 300_000;

const SHOP = 'demo-taobao'; // electronics, with "Type-C快充数据线 1米" and "智能手表 血氧心率"
// This shop's buyers ring a "doorbell" to ask for a person: jargon the shipped model cannot know.
const JARGON = ['叮咚叮咚', '叮咚叮咚叮咚', '叮咚 叮咚', '叮咚叮咚有人吗', '叮咚叮咚叮咚叮咚', '叮叮咚咚', '叮咚叮咚！', '叮咚叮咚~'];

describe(`a shop's model training never takes the server down (issue 10 critical 1, B1) on ${databaseLabel}`, () => {
  let t: TestApp;
  let agent: string;
  const errors: { obj: object; msg: string | undefined }[] = [];
  const deps = () => ({ database: t.database, bus: createLocalBus(), now: t.now });
  const addExamples = (items: { text: string; intent: string }[]) =>
    t.app.inject({
      method: 'POST',
      url: `/api/v1/shops/${SHOP}/training-examples`,
      headers: { authorization: `Bearer ${agent}` },
      payload: { items },
    });

  beforeAll(async () => {
    resetShopNlu();
    setShopNluLog({ info: () => {}, error: (obj, msg) => errors.push({ obj, msg }) });
    t = await startTestApp();
    agent = await t.login('agent2'); // serves demo-taobao
  });
  afterAll(async () => {
    setShopNluLog(null);
    resetShopNlu();
    await t?.close();
  });

  it('a shop whose item titles contain spaces trains its model, and a buyer message is answered', async () => {
    const titles = await t.database.query<{ title: string }>('select title from items where shop_id = $1', [SHOP]);
    expect(titles.map((r) => r.title)).toContain('Type-C快充数据线 1米');
    const res = await addExamples(JARGON.map((text) => ({ text, intent: 'human' })));
    expect(res.statusCode, res.body).toBe(201);

    const model = await refreshShopNlu(t.database, SHOP);
    expect(model).not.toBe(getDefaultNlu());
    expect(model.classify('叮咚叮咚叮咚').intent).toBe('human');
    expect(errors).toEqual([]);

    const answered = await handleInboundMessage(deps(), { shopId: SHOP, buyerAccountId: 'tb_cable', channel: 'bridge', messageId: 'cable-1', text: 'Type-C快充数据线 1米还有货吗' });
    expect(answered.buyerMessage.intent).not.toBe('human');
    expect(answered.replies.length + (answered.handover ? 1 : 0)).toBeGreaterThan(0);
    const rang = await handleInboundMessage(deps(), { shopId: SHOP, buyerAccountId: 'tb_bell', channel: 'bridge', messageId: 'bell-1', text: '叮咚叮咚叮咚' });
    expect(rang.buyerMessage.intent).toBe('human');
  }, TRAINING_MS);

  it('a training that fails is logged and the previous model keeps serving; the next change trains again', async () => {
    const before = await nluForShop(t.database, SHOP);
    expect(before.classify('叮咚叮咚叮咚').intent).toBe('human');

    // A real fault part-way through training: the item titles cannot be read.
    await t.database.query('alter table items rename column title to title_gone');
    try {
      const res = await addExamples([{ text: '铃铛响了', intent: 'human' }]);
      expect(res.statusCode, res.body).toBe(201); // the example is stored; only the retraining fails
      const after = await refreshShopNlu(t.database, SHOP);
      expect(after).toBe(before);
      expect(await nluForShop(t.database, SHOP)).toBe(before);
      expect(errors.map((e) => e.msg)).toContain('shop NLU training failed; the previous model keeps serving');
      expect(errors[0]?.obj).toMatchObject({ shopId: SHOP });
    } finally {
      await t.database.query('alter table items rename column title_gone to title');
    }

    // The old model answers buyers meanwhile.
    const rang = await handleInboundMessage(deps(), { shopId: SHOP, buyerAccountId: 'tb_bell2', channel: 'bridge', messageId: 'bell-2', text: '叮咚叮咚叮咚' });
    expect(rang.buyerMessage.intent).toBe('human');

    // The next change trains a new model.
    expect((await addExamples([{ text: '铃铛又响了', intent: 'human' }])).statusCode).toBe(201);
    const next = await refreshShopNlu(t.database, SHOP);
    expect(next).not.toBe(before);
    expect(next.classify('叮咚叮咚叮咚').intent).toBe('human');
  }, TRAINING_MS);

  it('dxe serve background work trains shops with examples at start (wired in the app, not in a route)', async () => {
    resetShopNlu(); // as a fresh process: no shop has a model yet
    const infos: unknown[] = [];
    const log = { debug: () => {}, info: (obj: object | string) => infos.push(obj), warn: () => {}, error: (obj: object, msg?: string) => errors.push({ obj, msg }) };
    const stop = await startBackgroundWork(t.app.ctx, log);
    try {
      // Until the shop's training is logged: a real training, minutes on a loaded machine (the old
      // 600 x 100 ms limit was nearly reached in a loaded run). TRAINING_MS is the limit.
      await until('the background training of the shop', () => infos.some((o) => typeof o === 'object' && (o as { shopId?: string }).shopId === SHOP), TRAINING_MS - 30_000);
    } finally {
      await stop();
    }
    expect(infos).toContainEqual({ shopId: SHOP });
    expect((await nluForShop(t.database, SHOP)).classify('叮咚叮咚叮咚').intent).toBe('human');
  }, TRAINING_MS);
});
