import { describe, expect, it } from 'vitest';
import { EVENING, MORNING, makeInput, orders, shop, type CaseInput } from '../../../test/fixtures/bot/clothing-shop.js';
import { awaitsPriceChange, orderToVerify, planUnpaidNudge, planVerification } from './handlers-orders.js';
import { planReply } from './plan-reply.js';
import type { ReplyPlan } from './types.js';

const plan = (c: CaseInput): ReplyPlan => planReply(makeInput(c));
const all = (p: ReplyPlan): string => p.messages.join('\n');

describe('shipping time from the cut-off, Beijing time (B2, seed 004: 16点前当天发)', () => {
  const cases: [string, CaseInput, RegExp][] = [
    ['no order, 10:00 → ships today', { text: '今天能发吗', intent: 'ship_time', now: MORNING }, /今天/],
    ['no order, 17:30 → ships tomorrow', { text: '今天能发吗', intent: 'ship_time', now: EVENING }, /明天/],
    [
      'paid 09:00, asked 17:30 → today',
      { text: '什么时候发货', intent: 'ship_time', orders: [orders.paid], now: EVENING },
      /今天/,
    ],
    [
      'paid yesterday 18:00, asked 10:00 → today',
      { text: '啥时候发', intent: 'ship_time', orders: [orders.paidLate], now: MORNING },
      /今天/,
    ],
    [
      'paid yesterday 18:00, asked 17:30 → tomorrow',
      { text: '怎么还没发', intent: 'ship_time', orders: [orders.paidLate], now: EVENING },
      /明天/,
    ],
    [
      '16:00 sharp is after the cut-off',
      { text: '今天发吗', intent: 'ship_time', now: new Date('2026-11-23T08:00:00Z') },
      /明天/,
    ],
    [
      'shipped already → tracking instead',
      { text: '发货了吗', intent: 'ship_time', orders: [orders.shipped] },
      /ZT7788990011/,
    ],
  ];
  it.each(cases)('%s', (_n, c, re) => {
    const p = plan(c);
    expect(all(p)).toMatch(re);
    if (!re.test('今天')) expect(all(p)).not.toMatch(/今天.*发出|今天就/);
  });

  it('names the order it speaks about', () => {
    expect(all(plan({ text: '什么时候发', intent: 'ship_time', orders: [orders.paid] }))).toContain(
      '3300000000000002',
    );
  });
});

describe('logistics from the buyer’s own order (B1, D6)', () => {
  it('gives courier, tracking number and the latest event by time', () => {
    const p = plan({ text: '到哪了', intent: 'logistics', orders: [orders.shipped, orders.old] });
    expect(all(p)).toContain('中通');
    expect(all(p)).toContain('ZT7788990011');
    expect(all(p)).toContain('杭州转运中心');
    expect(all(p)).toContain('11月22日 21:20');
  });

  it('no order found → asks for the order number (C11)', () => {
    const p = plan({ text: '我的快递到哪了', intent: 'logistics' });
    expect(p.question).toMatch(/订单号/);
  });

  it('D6: an order number of another account is not discussed', () => {
    const p = plan({
      text: '帮我查下9999999999999999',
      intent: 'logistics',
      orders: [orders.shipped],
      entities: { orderNos: ['9999999999999999'] },
    });
    expect(all(p)).toMatch(/下单的账号|下单账号/);
    expect(all(p)).not.toContain('ZT7788990011');
  });

  it('an order number the buyer owns is answered', () => {
    const p = plan({
      text: '3300000000000005到哪了',
      intent: 'logistics',
      orders: [orders.shipped, orders.signed],
      entities: { orderNos: ['3300000000000005'] },
    });
    expect(all(p)).toContain('YT1234567890');
    expect(all(p)).toContain('签收');
  });

  it('shipped without events yet → says the tracking will update', () => {
    const fresh = { ...orders.shipped, logistics: [] };
    expect(all(plan({ text: '到哪了', intent: 'logistics', orders: [fresh] }))).toMatch(/更新/);
  });

  it('shipped without a tracking number → a person looks it up', () => {
    const bare = { ...orders.shipped, trackingNo: undefined, logistics: [] };
    expect(plan({ text: '单号多少', intent: 'logistics', orders: [bare] }).handover?.reason).toBe(
      'missing_data',
    );
  });
});

describe('payment (C8)', () => {
  it('an unpaid order gets the kind nudge with its number', () => {
    const p = plan({ text: '怎么付款', intent: 'payment', orders: [orders.unpaid] });
    expect(all(p)).toContain('3300000000000001');
    expect(all(p)).toMatch(/遇到/);
  });
  it('a price/freight change: wait for it before paying, and a person changes it', () => {
    const p = plan({ text: '能改下运费再付吗', intent: 'payment', orders: [orders.unpaid] });
    expect(all(p)).toMatch(/先不要|暂时不要/);
    expect(p.handover?.reason).toBe('money_action');
  });
  it('an order flagged for a freight change gets the instruction too', () => {
    const p = plan({
      text: '可以付了吗',
      intent: 'payment',
      orders: [{ ...orders.unpaid, awaitingPriceChange: true }],
    });
    expect(all(p)).toMatch(/先不要|暂时不要/);
  });
  it('C8: an agent’s 等待改价 mark is honoured like the buyer’s request, until a 改价 or the agent ends the wait', () => {
    const marked = { ...orders.unpaid, priceChangeMarkedAt: '2026-11-23T01:00:00Z' };
    expect(awaitsPriceChange(marked, [])).toBe(true);
    expect(all(plan({ text: '可以付了吗', intent: 'payment', orders: [marked] }))).toMatch(/先不要|暂时不要/);
    expect(planUnpaidNudge(marked, [], 0, [])).toBeNull();
    expect(awaitsPriceChange({ ...marked, priceChangedAt: '2026-11-23T01:30:00Z' }, [])).toBe(false);
    expect(awaitsPriceChange({ ...marked, priceChangeClearedAt: '2026-11-23T01:30:00Z' }, [])).toBe(false);
  });
  it('planUnpaidNudge is for unpaid orders only', () => {
    expect(planUnpaidNudge(orders.unpaid, [])?.join('')).toMatch(/付款/);
    expect(planUnpaidNudge(orders.paid, [])).toBeNull();
  });

  // The buyer asked (before or after ordering) for a freight change; the order's history tells
  // whether the seller has made it since (an order-history 改价, written by the order sync).
  const asked = [{ author: 'buyer' as const, text: '能不能改下运费，我再拍', at: '2026-11-23T01:00:00Z' }];
  const changedLater = { ...orders.unpaid, priceChangedAt: '2026-11-23T01:45:00Z' };
  const changedBefore = { ...orders.unpaid, priceChangedAt: '2026-11-23T00:30:00Z' };
  it('a freight change asked for in the conversation and not made yet: wait before paying, a person is asked to change it', () => {
    expect(awaitsPriceChange(orders.unpaid, asked)).toBe(true);
    const p = plan({ text: '可以付款了吗', intent: 'payment', orders: [orders.unpaid], conversation: { turns: asked } });
    expect(all(p)).toMatch(/先不要|暂时不要/);
    expect(p.handover?.reason).toBe('money_action');
    expect(p.handover?.reasonZh).toContain('3300000000000001');
    // A change made before the request does not count.
    expect(awaitsPriceChange(changedBefore, asked)).toBe(true);
    // No 催付 nudge to pay the old price meanwhile.
    expect(planUnpaidNudge(orders.unpaid, [], 0, asked)).toBeNull();
  });
  it('after the seller changed the price: check the changed amount, then pay; no hand-over', () => {
    expect(awaitsPriceChange(changedLater, asked)).toBe(false);
    const p = plan({ text: '可以付款了吗', intent: 'payment', orders: [changedLater], conversation: { turns: asked } });
    expect(all(p)).toMatch(/修改好|改好价格/);
    expect(all(p)).toContain('3300000000000001');
    expect(all(p)).toMatch(/修改后的金额/);
    expect(p.handover).toBeUndefined();
    expect(planUnpaidNudge(changedLater, [], 0, asked)?.join('')).toMatch(/修改后的金额/);
  });
  it('a request older than a day before the order, or from the shop side, is not this order’s', () => {
    expect(awaitsPriceChange(orders.unpaid, [{ author: 'buyer', text: '改下运费吧', at: '2026-11-21T01:00:00Z' }])).toBe(false);
    expect(awaitsPriceChange(orders.unpaid, [{ author: 'agent', text: '我给您改下运费', at: '2026-11-23T01:00:00Z' }])).toBe(false);
    expect(awaitsPriceChange({ ...orders.paid }, asked)).toBe(false);
  });
});

describe('order verification after ordering (C9, D6)', () => {
  it('confirms receiver, masked phone, address and the buyer’s note', () => {
    const p = plan({
      text: '拍好了',
      intent: 'other',
      orders: [orders.paid],
      conversation: { verifiedOrderIds: [] },
    });
    const text = all(p);
    expect(text).toContain('王**');
    expect(text).toContain('138****5678');
    expect(text).toContain('文三路');
    expect(text).toContain('请不要放快递柜');
    expect(text).not.toMatch(/还有什么我可以帮您/);
    expect(p.stage).toBe('verify');
    expect(p.verifiedOrderId).toBe(orders.paid.id);
  });
  it('C9: the ordered items are named so a wrong colour or size is caught before shipping', () => {
    const p = plan({
      text: '拍好了',
      intent: 'other',
      orders: [orders.paid],
      conversation: { verifiedOrderIds: [] },
    });
    expect(all(p)).toContain('纯棉短袖T恤 白色 M码 ×1');
    expect(p.handover).toBeUndefined();
  });

  it('O5: an ordered variant sold out since is said at once and a person settles it', () => {
    const black = { ...orders.paid, lines: [{ ...orders.paid.lines[0]!, colour: '黑色', size: 'M' }] };
    const p = plan({
      text: '拍好了',
      intent: 'other',
      orders: [black],
      conversation: { verifiedOrderIds: [] },
    });
    expect(all(p)).toMatch(/黑色 M码.*(断货|卖完)/);
    expect(p.handover?.reason).toBe('order_action');
  });

  it('a verified order is not confirmed twice; an old order not at all', () => {
    const again = plan({ text: '好了', intent: 'other', orders: [orders.paid] });
    expect(all(again)).not.toContain('138****5678');
    expect(again.verifiedOrderId).toBeUndefined();
    expect(orderToVerify([orders.shipped, orders.paidLate], [], MORNING)).toBeUndefined();
  });
  it('is added after the answer to a question asked right after ordering', () => {
    const p = plan({
      text: '今天能发吗',
      intent: 'ship_time',
      orders: [orders.unpaid],
      conversation: { verifiedOrderIds: [] },
    });
    expect(p.messages[0]).toMatch(/付款|今天/);
    expect(all(p)).toContain('138****5678');
  });
  it('planVerification needs an address', () => {
    expect(planVerification({ ...orders.paid, address: undefined }, shop, [])).toBeNull();
  });
});

describe('order changes (D7)', () => {
  const cases: [string, CaseInput, RegExp, string | undefined][] = [
    [
      'address change before shipping → a person edits it',
      { text: '地址写错了', intent: 'order_change', orders: [orders.paid] },
      /地址/,
      'order_action',
    ],
    [
      'address change after shipping → courier contacted',
      { text: '能改地址吗', intent: 'order_change', orders: [orders.shipped] },
      /快递/,
      'order_action',
    ],
    [
      'cancel an unpaid order → the buyer cancels it',
      { text: '帮我取消订单', intent: 'order_change', orders: [orders.unpaid] },
      /取消/,
      undefined,
    ],
    [
      'cancel a paid order → the buyer applies for a refund',
      { text: '不想要了取消吧', intent: 'order_change', orders: [orders.paid] },
      /申请退款/,
      undefined,
    ],
    ['no order → ask for it', { text: '改一下订单', intent: 'order_change' }, /订单号/, undefined],
  ];
  it.each(cases)('%s', (_n, c, re, reason) => {
    const p = plan(c);
    expect(all(p)).toMatch(re);
    expect(p.handover?.reason).toBe(reason);
  });
});

describe('invoice (D4)', () => {
  it.each([['能开发票吗'], ['特价的也能开票吗'], ['要开专票']])('"%s" is never refused', (text) => {
    const p = plan({ text, intent: 'invoice' });
    expect(all(p)).toMatch(/可以开|没问题/);
    expect(all(p)).not.toMatch(/不能|无法|收据|税点/);
  });
});

describe('return, exchange and refund by order state (A5, A7)', () => {
  const cases: [string, CaseInput, RegExp, string | undefined][] = [
    [
      'return within 7 days of signing',
      { text: '我要退货', intent: 'return_exchange', orders: [orders.signed] },
      /7天/,
      undefined,
    ],
    [
      'return past the window → a person decides',
      { text: '能退吗', intent: 'return_exchange', orders: [orders.old] },
      /同事/,
      'aftersales_case',
    ],
    [
      'in transit → wait and return after receipt',
      { text: '不想要了能退吗', intent: 'return_exchange', orders: [orders.shipped] },
      /路上/,
      undefined,
    ],
    [
      'not shipped → change the spec directly',
      { text: '换个L码', intent: 'return_exchange', orders: [orders.paid] },
      /还没/,
      'order_action',
    ],
    [
      'refund progress from its state',
      { text: '退款怎么样了', intent: 'refund', orders: [orders.refunding] },
      /退款申请等待卖家确认中/,
      undefined,
    ],
    [
      'refund unshipped → apply, shipment stopped',
      { text: '我要退款', intent: 'refund', orders: [orders.paid] },
      /申请退款/,
      undefined,
    ],
    [
      'refund in transit → refuse the parcel',
      { text: '退款', intent: 'refund', orders: [orders.shipped] },
      /拒/,
      undefined,
    ],
    [
      'refund after receipt → send it back',
      { text: '退款', intent: 'refund', orders: [orders.signed] },
      /寄回/,
      undefined,
    ],
    [
      'refund with an amount → money action',
      { text: '退我20块吧', intent: 'refund', orders: [orders.signed], entities: { amounts: [20] } },
      /寄回/,
      'money_action',
    ],
    [
      'refund after the trade succeeded → a person confirms the transfer',
      { text: '要退款', intent: 'refund', orders: [orders.old] },
      /寄回/,
      'money_action',
    ],
    ['refund with no order → ask for it', { text: '退款', intent: 'refund' }, /订单号/, undefined],
  ];
  it.each(cases)('%s', (_n, c, re, reason) => {
    const p = plan(c);
    expect(all(p)).toMatch(re);
    expect(p.handover?.reason).toBe(reason);
  });

  it('picks the order the request is about: a return the received one, a change the unshipped one', () => {
    expect(
      all(plan({ text: '我要退货', intent: 'return_exchange', orders: [orders.unpaid, orders.signed] })),
    ).toMatch(/7天/);
    expect(all(plan({ text: '我要退款', intent: 'refund', orders: [orders.unpaid, orders.paid] }))).toMatch(
      /申请退款/,
    );
    const change = plan({
      text: '地址写错了',
      intent: 'order_change',
      orders: [orders.shipped, orders.paid],
    });
    expect(change.handover?.reasonZh).toContain(orders.paid.platformOrderNo);
  });

  it('a quality issue: empathy, a request for photos, and a person (A9, C18)', () => {
    const p = plan({ text: '收到是破的', intent: 'quality_issue', orders: [orders.signed] });
    expect(all(p)).toMatch(/抱歉/);
    expect(p.question).toMatch(/照片/);
    expect(p.handover?.reason).toBe('aftersales_case');
    expect(p.handover?.reasonZh).toContain('3300000000000005');
  });

  it('a secondary question is answered too (ship time after a stock question)', () => {
    const p = plan({
      text: '白色M有吗 今天能发吗',
      intent: 'stock',
      secondary: 'ship_time',
      entities: { colours: ['白色'], sizes: ['M'] },
    });
    expect(all(p)).toMatch(/有货|库存/);
    expect(all(p)).toMatch(/今天/);
  });
});
