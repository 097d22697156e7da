import { describe, expect, it } from 'vitest';
import { agentMarkStands, asksPriceChange, priceChangeNote, priceChangePending } from './price-change.js';

describe('priceChangeNote (C8)', () => {
  it('names the total and the freight that changed', () => {
    expect(priceChangeNote({ total: 20900, shipping: 1000 }, { total: 19900, shipping: 0 })).toBe('未付款订单改价：订单金额 209.00 元 → 199.00 元；运费 10.00 元 → 0.00 元');
    expect(priceChangeNote({ total: 20900, shipping: 1000 }, { shipping: 500 })).toBe('未付款订单改价：运费 10.00 元 → 5.00 元');
    expect(priceChangeNote({ total: 1999, shipping: 0 }, { total: 1799 }, 'USD')).toBe('未付款订单改价：订单金额 19.99 USD → 17.99 USD');
  });
  it('no change, an amount not reported, or an amount first known is not a 改价', () => {
    expect(priceChangeNote({ total: 20900, shipping: 1000 }, { total: 20900, shipping: 1000 })).toBeNull();
    expect(priceChangeNote({ total: 20900, shipping: 1000 }, {})).toBeNull();
    expect(priceChangeNote({ total: null, shipping: null }, { total: 19900, shipping: 0 })).toBeNull();
  });
});

describe('priceChangePending (C8)', () => {
  const ordered = Date.parse('2026-11-23T02:00:00Z');
  const h = (n: number) => ordered + n * 3_600_000;
  it('a request from a day before the order on counts until a 改价 after it', () => {
    const asked = [{ text: '你帮我改下运费我再付', atMs: h(-2) }];
    expect(asksPriceChange('能改个价吗')).toBe(true);
    expect(asksPriceChange('运费多少')).toBe(false);
    expect(priceChangePending(ordered, asked, null)).toBe(true);
    expect(priceChangePending(ordered, asked, h(-3))).toBe(true);
    expect(priceChangePending(ordered, asked, h(1))).toBe(false);
    expect(priceChangePending(ordered, [{ text: '改下运费', atMs: h(-30) }], null)).toBe(false);
    expect(priceChangePending(ordered, [{ text: '这个是羊毛的吗', atMs: h(-1) }], null)).toBe(false);
    // Asked again after the first change: waiting again.
    expect(priceChangePending(ordered, [...asked, { text: '还能再改一下价吗', atMs: h(3) }], h(1))).toBe(true);
  });
});

describe('an agent’s 等待改价 mark (C8)', () => {
  const ordered = Date.parse('2026-11-23T02:00:00Z');
  const h = (n: number) => ordered + n * 3_600_000;
  it('counts exactly like a buyer’s request, until a 改价 or the agent ends the wait', () => {
    expect(priceChangePending(ordered, [], null, { markedAtMs: h(1), clearedAtMs: null })).toBe(true);
    expect(priceChangePending(ordered, [], h(2), { markedAtMs: h(1), clearedAtMs: null })).toBe(false);
    expect(priceChangePending(ordered, [], h(0.5), { markedAtMs: h(1), clearedAtMs: null })).toBe(true);
    expect(priceChangePending(ordered, [], null, { markedAtMs: h(1), clearedAtMs: h(2) })).toBe(false);
    // Marked again after an end: waiting again.
    expect(priceChangePending(ordered, [], null, { markedAtMs: h(3), clearedAtMs: h(2) })).toBe(true);
    // Ending the wait ends the buyer's earlier request too; a later request waits again.
    const asked = [{ text: '你帮我改下运费我再付', atMs: h(-1) }];
    expect(priceChangePending(ordered, asked, null, { markedAtMs: null, clearedAtMs: h(1) })).toBe(false);
    expect(priceChangePending(ordered, [...asked, { text: '还是帮我改个价吧', atMs: h(2) }], null, { markedAtMs: null, clearedAtMs: h(1) })).toBe(true);
  });
  it('the mark stands only while it is the latest word', () => {
    expect(agentMarkStands(null, { markedAtMs: h(1), clearedAtMs: null })).toBe(true);
    expect(agentMarkStands(h(2), { markedAtMs: h(1), clearedAtMs: null })).toBe(false);
    expect(agentMarkStands(null, { markedAtMs: h(1), clearedAtMs: h(1.5) })).toBe(false);
    expect(agentMarkStands(null, { markedAtMs: null, clearedAtMs: null })).toBe(false);
  });
});
