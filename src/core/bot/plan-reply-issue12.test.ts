// Issue 12: every question answered, the conversation as context, English replies, languages a
// person must answer, size advice without an item, a stuck parcel.
import { describe, expect, it } from 'vitest';
import { emptyEntities, type Entities } from '../entities.js';
import type { IntentId } from '../intents.js';
import { items, makeInput, MORNING, orders, shop, type CaseInput } from '../../../test/fixtures/bot/clothing-shop.js';
import { planReply } from './plan-reply.js';
import type { Item, Question, ReplyPlan } from './types.js';

const plan = (c: CaseInput): ReplyPlan => planReply(makeInput(c));
const all = (p: ReplyPlan) => p.messages.join('\n');
const q = (intent: IntentId, text: string, e: Partial<Entities> = {}): Question => ({
  intent,
  confidence: 0.9,
  text,
  entities: { ...emptyEntities(), ...e },
});

describe('every question of a message is answered (issue 12)', () => {
  it('这件T恤有L码吗？什么时候发货？ gets the stock and the ship time, in that order', () => {
    const p = plan({
      text: '这件T恤有L码吗？什么时候发货？',
      intent: 'ship_time',
      entities: { sizes: ['L'] },
      questions: [q('stock', '这件t恤有l码吗', { sizes: ['L'] }), q('ship_time', '什么时候发货')],
    });
    expect(p.answered).toEqual(['stock', 'ship_time']);
    const text = all(p);
    expect(text).toMatch(/L/);
    expect(text).toMatch(/发出|发货/);
    expect(text.search(/有货|只剩|库存/)).toBeLessThan(text.search(/发出|发货/));
    expect(p.handover).toBeUndefined();
  });

  it('a complaint among questions: the plain question is answered and a person is called', () => {
    const p = plan({
      text: '包邮吗 你们服务太差了我要投诉',
      intent: 'complaint',
      questions: [q('shipping_fee', '包邮吗'), q('complaint', '你们服务太差了我要投诉')],
    });
    expect(p.answered).toEqual(['shipping_fee']);
    expect(p.handover?.reason).toBe('complaint');
    expect(all(p)).toMatch(/运费|包邮/);
  });
});

describe('the conversation as context (issue 12)', () => {
  it('"那XL呢" after the size advice uses the measurements given before, not a new question', () => {
    const first = plan({
      text: '我身高170体重130斤穿什么码',
      intent: 'size_fit',
      entities: { measurements: { heightCm: 170, weightJin: 130 } },
    });
    expect(all(first)).toMatch(/XL码/);
    expect(first.memory.measurements).toEqual({ heightCm: 170, weightJin: 130 });
    const next = plan({
      text: '那L呢',
      intent: 'size_fit',
      followUp: true,
      entities: { sizes: ['L'] },
      conversation: { memory: first.memory },
    });
    expect(all(next)).not.toMatch(/身高和体重/);
    expect(all(next)).toMatch(/L码.*偏小|偏小/);
    expect(all(next)).toMatch(/XL码/);
  });

  it('"黑色的呢" keeps the size asked before; the order in question is remembered', () => {
    const first = plan({ text: '白色L有货吗', intent: 'stock', entities: { colours: ['白色'], sizes: ['L'] } });
    expect(first.memory).toMatchObject({ colour: '白色', size: 'L', topic: 'stock' });
    const next = plan({
      text: '黑色的呢',
      intent: 'stock',
      followUp: true,
      entities: { colours: ['黑色'] },
      conversation: { memory: first.memory },
    });
    expect(all(next)).toMatch(/黑色 ?L/);
    const o = plan({
      text: `订单${orders.shipped.platformOrderNo}到哪了`,
      intent: 'logistics',
      orders: [orders.shipped, orders.paid],
      entities: { orderNos: [orders.shipped.platformOrderNo] },
    });
    expect(o.memory.orderNo).toBe(orders.shipped.platformOrderNo);
    const later = plan({ text: '到哪了', intent: 'logistics', orders: [orders.paid, orders.shipped], conversation: { memory: o.memory } });
    expect(all(later)).toContain(orders.shipped.trackingNo!);
  });
});

describe('English buyers and other languages (issue 12)', () => {
  it('an English buyer is answered in English, with the welcome naming the bot', () => {
    const p = plan({
      text: 'hello, do you have white M?',
      intent: 'stock',
      isFirstMessage: true,
      language: 'en',
      entities: { colours: ['白色'], sizes: ['M'] },
    });
    expect(p.language).toBe('en');
    expect(p.messages[0]).toMatch(/welcome/i);
    expect(p.messages[0]).toContain('小铺助手');
    expect(all(p)).toMatch(/in stock|available/i);
  });

  it('no Chinese fallback: an English buyer whose answer cannot be filled is told in English', () => {
    const p = plan({ text: 'is it waterproof?', intent: 'product_info', language: 'en', conversation: { focusItemId: undefined }, items: [] });
    expect(all(p)).not.toMatch(/[\u4e00-\u9fff]/);
  });

  it('Spanish is handed over with the language named, the buyer told in English', () => {
    const p = plan({ text: 'Hola, ¿dónde está mi pedido?', intent: 'logistics', confidence: 0.3, language: 'es' });
    expect(p.handover?.reason).toBe('foreign_language');
    expect(p.handover?.reasonZh).toMatch(/西班牙语/);
    expect(all(p)).toMatch(/Spanish/);
  });
});

describe('sensible defaults without an item (issue 12)', () => {
  it('measurements without an item: size advice per category from the shop\'s charts', () => {
    const p = plan({
      text: '我165cm 100斤穿什么码',
      intent: 'size_fit',
      entities: { measurements: { heightCm: 165, weightJin: 100 } },
      conversation: { focusItemId: undefined },
    });
    expect(all(p)).toMatch(/T恤建议M码/);
    expect(p.handover).toBeUndefined();
  });

  it('an electronics shop never advises a clothing size', () => {
    const gadgets: Item[] = [
      { id: 'E1', title: '蓝牙耳机', category: '耳机', price: 199, attributes: {}, variants: [{ colour: '黑色', size: '标准', stock: 5 }], similarItemIds: [] },
    ];
    const p = plan({
      text: '我165cm 100斤穿什么码',
      intent: 'size_fit',
      items: gadgets,
      entities: { measurements: { heightCm: 165, weightJin: 100 } },
      conversation: { focusItemId: undefined },
    });
    expect(all(p)).not.toMatch(/[SMLX]+码/);
    expect(p.recommendations).toEqual([]);
    expect(p.handover?.reason).toBe('missing_data');
  });
});

describe('logistics sense (issue 12, O7)', () => {
  it('a parcel with no scan for longer than the courier\'s gap is stuck: apology and a person', () => {
    const stale = { ...orders.shipped, logistics: [{ at: '2026-11-05T02:00:00Z', text: '快件已到达【杭州转运中心】' }] };
    const p = plan({ text: '到哪了', intent: 'logistics', orders: [stale], staleScanHours: 72, now: MORNING });
    expect(all(p)).toMatch(/抱歉|不好意思/);
    expect(all(p)).toMatch(/18天/);
    expect(p.handover?.reason).toBe('logistics_stuck');
    const moving = plan({ text: '到哪了', intent: 'logistics', orders: [orders.shipped], staleScanHours: 72 });
    expect(moving.handover).toBeUndefined();
    expect(all(moving)).toMatch(/杭州转运中心/);
  });
});

describe('bot persona (issue 12)', () => {
  it('a persona equal to the agent name is told apart', () => {
    const p = plan({ text: '在吗', intent: 'greeting', isFirstMessage: true, shop: { ...shop, botName: '客服8号' } });
    expect(p.messages[0]).toContain('客服8号（智能助手）');
    void items;
  });
});

describe('one line is never said twice in one reply (found walking the product)', () => {
  it('亲，这款还有L码吗？能便宜点不 with no item in view asks for the item once, then holds the price', () => {
    const p = plan({
      text: '亲，这款还有L码吗？能便宜点不',
      intent: 'bargain',
      entities: { sizes: ['L'] },
      conversation: { focusItemId: undefined },
      questions: [q('greeting', '亲'), q('stock', '这款还有l码吗', { sizes: ['L'] }), q('product_info', '这款'), q('bargain', '能便宜点不')],
    });
    expect(new Set(p.messages).size).toBe(p.messages.length);
    expect(p.messages.filter((m) => m.includes('链接')).length).toBe(1);
    expect(p.question).toMatch(/链接/);
  });
});
