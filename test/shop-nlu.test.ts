import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDefaultNlu } from '../src/core/nlu/index.js';
import { handleInboundMessage } from '../src/app/inbound/handle-inbound-message.js';
import { createLocalBus } from '../src/app/events/event-bus.js';
import { nluForShop, refreshShopNlu, resetShopNlu, shopNluFromCache, shopNluTrainedIn } from '../src/app/shops/shop-nlu.js';
import { startTestApp, type TestApp } from './helpers/app.js';
import { databaseLabel } from './helpers/database.js';

// Shop jargon the shipped model cannot know: this shop's buyers ring a "doorbell" to ask for a person.
const JARGON = ['叮咚叮咚', '叮咚叮咚叮咚', '叮咚 叮咚', '叮咚叮咚有人吗', '叮咚叮咚叮咚叮咚', '叮叮咚咚', '叮咚叮咚！', '叮咚叮咚~'];

// A second jargon for the cache test: the shop's buyers also ring a "little bell".
const BELL = ['铃铛铃铛', '铃铛铃铛铃铛', '铃铛 铃铛', '铃铛铃铛有人吗', '铃铛铃铛铃铛铃铛', '铃铃铛铛', '铃铛铃铛！', '铃铛铃铛~'];

/** The shop models kept in a model cache folder. */
const shopModels = (dir: string) => readdirSync(dir).filter((f) => f.includes('-shop-') && f.endsWith('.bin'));

describe(`a shop's own intent examples train its model (issue 3, B1) on ${databaseLabel}`, () => {
  let t: TestApp;
  let token: string;
  // A model cache of this file's own (the shared model stays in the run's): the first training
  // here is a real one whatever earlier runs left in the machine's cache.
  const savedCacheDir = process.env.DXE_NLU_CACHE_DIR;
  const cacheDir = mkdtempSync(join(tmpdir(), 'dxe-shop-model-cache-'));
  beforeAll(async () => {
    process.env.DXE_NLU_CACHE_DIR = cacheDir;
    resetShopNlu();
    t = await startTestApp();
    token = await t.login('agent1');
  });
  afterAll(async () => {
    resetShopNlu();
    await t?.close();
    if (savedCacheDir === undefined) delete process.env.DXE_NLU_CACHE_DIR;
    else process.env.DXE_NLU_CACHE_DIR = savedCacheDir;
    rmSync(cacheDir, { recursive: true, force: true });
  });

  it('the shared model does not know the jargon; after the shop adds examples, its model does', async () => {
    expect(getDefaultNlu().classify('叮咚叮咚叮咚').intent).not.toBe('human');
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/shops/demo-tmall/training-examples',
      headers: { authorization: `Bearer ${token}` },
      payload: { items: JARGON.map((text) => ({ text, intent: 'human' })) },
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ added: JARGON.length, total: JARGON.length, retraining: true });

    const shopModel = await refreshShopNlu(t.database, 'demo-tmall');
    expect(shopModel.classify('叮咚叮咚叮咚').intent).toBe('human');
    expect(shopNluFromCache(t.database, 'demo-tmall')).toBe(false);
    expect(shopNluTrainedIn(t.database, 'demo-tmall')).not.toBeNull();
    // The other shop keeps the shared model.
    expect(await nluForShop(t.database, 'demo-taobao')).toBe(getDefaultNlu());

    // The inbound path uses the shop's model: the buyer is handed to a person.
    const result = await handleInboundMessage(
      { database: t.database, bus: createLocalBus(), now: t.now },
      { shopId: 'demo-tmall', buyerAccountId: 'tb_jargon', channel: 'bridge', messageId: 'jargon-1', text: '叮咚叮咚叮咚' },
    );
    expect(result.buyerMessage.intent).toBe('human');
    expect(result.handover).toBeTruthy();
  }, 300_000); // real model training: minutes on a loaded machine (issue 9: room, not a race)

  it('lists examples for the shop; other shops and bad input are refused in Chinese', async () => {
    const list = await t.app.inject({ url: '/api/v1/shops/demo-tmall/training-examples', headers: { authorization: `Bearer ${token}` } });
    expect(list.json().items).toHaveLength(JARGON.length);
    const other = await t.app.inject({
      method: 'POST',
      url: '/api/v1/shops/demo-taobao/training-examples',
      headers: { authorization: `Bearer ${token}` },
      payload: { items: [{ text: '你好', intent: 'greeting' }] },
    });
    expect(other.statusCode).toBe(404);
    const bad = await t.app.inject({
      method: 'POST',
      url: '/api/v1/shops/demo-tmall/training-examples',
      headers: { authorization: `Bearer ${token}` },
      payload: { items: [{ text: '你好', intent: 'no_such_intent' }, { text: '', intent: 'greeting' }] },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('VALIDATION_FAILED');
    const del = await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/shops/demo-tmall/training-examples/${list.json().items[0].id}`,
      headers: { authorization: `Bearer ${token}` },
    });
    expect(del.statusCode).toBe(403); // agents add; supervisors and admins delete
  });

  it('a restart reads the shop model from the model cache; a change to the training text trains a new one (issue 9)', async () => {
    const trained = await nluForShop(t.database, 'demo-tmall');
    expect(shopModels(cacheDir)).toHaveLength(1);

    // As a new process: the same examples and titles are read from the cache, with the same answers.
    resetShopNlu();
    const loaded = await refreshShopNlu(t.database, 'demo-tmall');
    expect(shopNluFromCache(t.database, 'demo-tmall')).toBe(true);
    expect(shopNluTrainedIn(t.database, 'demo-tmall')).toBeNull();
    expect(loaded).not.toBe(trained);
    for (const text of ['叮咚叮咚叮咚', '铃铛铃铛铃铛', '什么时候发货', '可以便宜点吗', '在吗']) {
      expect(loaded.classify(text)).toEqual(trained.classify(text));
    }
    expect(loaded.classify('铃铛铃铛铃铛').intent).not.toBe('human');

    // New training text: not the cached model but a training of its own, which knows the new words.
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/shops/demo-tmall/training-examples',
      headers: { authorization: `Bearer ${token}` },
      payload: { items: BELL.map((text) => ({ text, intent: 'human' })) },
    });
    expect(res.statusCode, res.body).toBe(201);
    const retrained = await refreshShopNlu(t.database, 'demo-tmall');
    expect(shopNluFromCache(t.database, 'demo-tmall')).toBe(false);
    expect(shopNluTrainedIn(t.database, 'demo-tmall')).not.toBeNull();
    expect(retrained.classify('铃铛铃铛铃铛').intent).toBe('human');
    expect(retrained.classify('叮咚叮咚叮咚').intent).toBe('human');
    expect(shopModels(cacheDir)).toHaveLength(2);
  }, 300_000); // real model training: minutes on a loaded machine (issue 9: room, not a race)
});
