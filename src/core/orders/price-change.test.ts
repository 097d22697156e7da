import { describe, expect, it } from 'vitest';
import { priceChangeNote } from './price-change.js';

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
