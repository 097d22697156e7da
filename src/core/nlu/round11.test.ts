// Issue 12, round 11 (B1, B2): sentences written for this round (not taken from any bench set), each
// read wrongly by the round-10 code (4f9abd4); the follow-ups are in no training file, the single
// messages of the second block are lines this round added to training (what it must learn): a colour or size asked after a
// question about the item's material, capacity or price is a stock question of its own, not the
// product question again (有白色吗 after 什么材质); an order-status question that names only the
// order; anger without the word 投诉; a shop word that keeps a short real question out of `other`.
import { describe, expect, it } from 'vitest';
import { followUpReading } from './ellipsis.js';
import { getDefaultNlu } from './nlu.js';

describe('round 11: a colour or size after a product question asks for that variant (B1, issue 12)', () => {
  const nlu = getDefaultNlu();
  it.each([
    ['这款是什么材质的', '有白色吗'],
    ['这款吹风机什么材质', '有粉色吗'],
    ['这个保温杯能装多少', '有没有白色的'],
    ['这件毛衣起球吗', '有m码吗'],
    ['这款包多重', '白色有吗'],
  ] as const)('[%s] %s → stock or colour, not product_info', (context, text) => {
    const r = nlu.understand(text, { context: [context] });
    expect(['stock', 'color_appearance']).toContain(r.intent);
  });

  it('keeps the variant inside an open exchange, stock or order-change request', () => {
    expect(followUpReading('有白色吗', 'return_exchange', 'stock', 0.9).kind).not.toBe('own');
    expect(followUpReading('有白色吗', 'stock', 'stock', 0.9).kind).not.toBe('own');
    // …and reads it as its own question after a product question.
    expect(followUpReading('有白色吗', 'product_info', 'stock', 0.9).kind).toBe('own');
  });
});

describe('round 11: real shop questions are not `other` (B2, issue 12)', () => {
  const nlu = getDefaultNlu();
  it.each([
    // an order-status question that names only the order, word-segmented as exported chats are
    ['我 的 订单 怎么样 了', 'logistics'],
    // a parcel with no movement, no word for the parcel
    ['一点动静都没有', 'logistics'],
    // whether the shop is the brand's own (自营) is a question of authenticity
    ['是京东自营吗', 'authenticity'],
    // anger without 投诉/差评: being made to repeat oneself
    ['我不想再说第二遍', 'complaint'],
    // a manual in Chinese, accessories: product information
    ['有中文说明吗', 'product_info'],
  ] as const)('%s → %s', (text, intent) => {
    expect(nlu.understand(text).intent).toBe(intent);
  });
});
