import { describe, expect, it } from 'vitest';
import { followUpReading, topicsNamed } from './ellipsis.js';

describe('ellipsis against the open topic (B1, issue 12)', () => {
  it.each([
    ['多久', 'refund', 'product_info'],
    ['要多少', 'shipping_fee', 'product_info'],
    ['怎么办', 'logistics', 'other'],
    ['电子的可以吗', 'invoice', 'return_exchange'],
    ['那xl呢', 'size_fit', 'other'],
    ['催一下', 'ship_time', 'logistics'],
    ['好的 那黑色的呢', 'stock', 'thanks_bye'],
    ['what about xl', 'size_fit', 'other'],
  ] as const)('a bare follow-up %j takes the open topic %s', (text, open, own) => {
    expect(followUpReading(text, open, own, 0.9).kind).toBe('context');
  });

  it.each([
    ['那运费呢', 'ship_time', 'shipping_fee'],
    ['发票呢', 'stock', 'invoice'],
    ['好的谢谢', 'stock', 'thanks_bye'],
    ['转人工', 'refund', 'human'],
    ['你们快递员态度太差 我要投诉', 'logistics', 'logistics'],
  ] as const)('%j after %s is its own question', (text, open, own) => {
    expect(followUpReading(text, open, own, 0.9).kind).toBe('own');
  });

  it('a named detail of the open topic stays on it: 到哪了 after a refund, 运费谁出 after a return', () => {
    expect(followUpReading('到哪了', 'refund', 'logistics', 0.99).kind).toBe('context');
    expect(followUpReading('运费谁出', 'return_exchange', 'shipping_fee', 0.99).kind).toBe('context');
    expect(followUpReading('运费谁出', 'stock', 'shipping_fee', 0.99).kind).toBe('own');
  });

  it('要多少钱 after a paid service asks what the service costs; after a stock question it asks the price (issue 12)', () => {
    expect(followUpReading('要多少钱', 'invoice', 'product_info', 0.99).kind).toBe('context');
    expect(followUpReading('大概多少钱', 'warranty_repair', 'product_info', 0.99).kind).toBe('context');
    expect(followUpReading('多少钱', 'courier', 'product_info', 0.99).kind).toBe('context');
    expect(followUpReading('要多少钱', 'stock', 'product_info', 0.99).kind).toBe('own');
    expect(followUpReading('这个材质多少钱', 'invoice', 'product_info', 0.99).kind).toBe('own');
  });

  it('new follow-up shapes: a fragment (电子的), an added fact (都一周了), an acknowledgement-looking 那灰的, another colour (issue 12)', () => {
    expect(followUpReading('电子的', 'invoice', 'quality_issue', 0.45).kind).toBe('context');
    expect(followUpReading('蓝色那款的', 'color_appearance', 'stock', 0.25).kind).toBe('context');
    expect(followUpReading('都一周了', 'refund', 'other', 0.63).kind).toBe('context');
    expect(followUpReading('那灰的', 'color_appearance', 'thanks_bye', 0.65).kind).toBe('context');
    expect(followUpReading('另一个颜色呢', 'stock', 'color_appearance', 0.8).kind).toBe('context');
    // …but a back-channel, an unrelated remark, a look question and a sure question of its own are not.
    expect(followUpReading('嗯', 'stock', 'other', 0.99).kind).toBe('own');
    expect(followUpReading('今天天气真好', 'stock', 'other', 1).kind).toBe('own');
    expect(followUpReading('有色差吗', 'stock', 'color_appearance', 0.9).kind).toBe('own');
    expect(followUpReading('几点发', 'payment', 'ship_time', 0.998).kind).toBe('blend');
  });

  it('entity words are no topic: courier names, 花呗, colours', () => {
    expect(topicsNamed('顺丰呢')).toEqual([]);
    expect(topicsNamed('花呗付的呢')).toEqual([]);
    expect(topicsNamed('那运费呢')).toEqual(['shipping_fee']);
    expect(topicsNamed('修改地址')).toEqual(['order_change']);
  });
  it('round 8: a missing part after a missing item, a cheaper item after 推荐, a tail also/too, 勒 (issue 12)', () => {
    expect(followUpReading('说明书也没放', 'quality_issue', 'product_info', 0.9).kind).toBe('context');
    expect(followUpReading('赠品也没有', 'quality_issue', 'promotion', 0.9).kind).toBe('context');
    expect(followUpReading('说明书在哪下载', 'quality_issue', 'product_info', 0.9).kind).toBe('own');
    expect(followUpReading('稍微便宜点的有吗', 'recommend', 'bargain', 0.9).kind).toBe('context');
    expect(followUpReading('能便宜点吗', 'recommend', 'bargain', 0.9).kind).toBe('own');
    expect(followUpReading('for the charger also?', 'warranty_repair', 'product_info', 0.9).kind).toBe('context');
    expect(followUpReading('黑的勒', 'stock', 'thanks_bye', 0.6).kind).toBe('context');
    expect(followUpReading('换卡还是不行', 'payment', 'warranty_repair', 0.9).kind).toBe('context');
  });

  it('round 8: thanks that sound like a request (那就麻烦啦 拜拜) are thanks, not the open topic (issue 12)', () => {
    expect(followUpReading('那就麻烦啦 拜拜', 'ship_time', 'thanks_bye', 0.9).kind).toBe('own');
  });
});
