// Issue 12, round 9 (B1, B2): sentences written for this test (not taken from any bench set), each
// read wrongly by the round-8 code: delivery time to a country, ellipsis with 也/够不够/还有运费呢,
// a cost after a paid service, where a refund goes, urging after asking for a person, and a
// bare demonstrative that is no question of its own.
import { describe, expect, it } from 'vitest';
import { followUpReading } from './ellipsis.js';
import { getDefaultNlu } from './nlu.js';

describe('round 9: delivery time to a country is logistics, not when the shop ships (B2)', () => {
  const nlu = getDefaultNlu();
  it.each([
    ['how long shipping to portugal?', 'logistics'],
    ['how many days shipping to chile', 'logistics'],
    ['when you ship my order', 'ship_time'],
  ] as const)('%j → %s', (text, intent) => {
    expect(nlu.classify(text).intent).toBe(intent);
  });
});

describe('round 9: elliptic follow-ups take the open topic (B1, issue 12)', () => {
  const nlu = getDefaultNlu();
  it.each([
    ['这件有现货吗', '我要拿五件 够不够', 'stock'],
    ['昨天买的今天降价了 能补差价吗', '用了券的也能补吗', 'price_protection'],
    ['坏了能修吗', '大概要多少钱', 'warranty_repair'],
    ['退款到账了吗', '还有运费呢', 'refund'],
    ['618有活动吗', '会比现在便宜多少', 'promotion'],
    ['my refund when it come back', 'to my card or paypal?', 'refund'],
    ['i want talk to real person', 'now please', 'human'],
    ['can i return this dress', 'even if i wore it once?', 'return_exchange'],
  ] as const)('[%s] %s → %s', (context, text, intent) => {
    expect(nlu.classify(text, { context: [context] }).intent).toBe(intent);
  });

  it('reads 也/A-not-A/sentence-final 不 as a follow-up, and a cost after a paid service as that service', () => {
    expect(followUpReading('线也保吗', 'warranty_repair', 'product_info', 0.9).kind).toBe('context');
    expect(followUpReading('拿十个够不够', 'stock', 'complaint', 0.6).kind).toBe('context');
    expect(followUpReading('要钱不', 'warranty_repair', 'other', 0.6).kind).toBe('context');
    expect(followUpReading('要加钱吗', 'invoice', 'shipping_fee', 0.9).kind).toBe('context');
    // After a courier, the extra cost is freight: its own question.
    expect(followUpReading('要加钱吗', 'courier', 'shipping_fee', 0.9).kind).toBe('own');
    // 能补吗 after a price drop is no restock question.
    expect(followUpReading('能补吗', 'price_protection', 'stock', 0.6).kind).toBe('context');
  });
});

describe('round 9: a bare demonstrative opens the next question (issue 12)', () => {
  it('在吗 这个 还有货没 lists the greeting and the stock question only', () => {
    const u = getDefaultNlu().understand('在吗 这个 还有货没');
    expect(u.intent).toBe('stock');
    expect(u.questions.map((q) => q.intent)).toEqual(['greeting', 'stock']);
  });
});
