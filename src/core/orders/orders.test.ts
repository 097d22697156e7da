import { describe, expect, it } from 'vitest';
import { loadProfiles } from '../rules/load-profiles.js';
import { PLATFORMS } from '../platforms.js';
import { checkFraud } from './fraud-signals.js';
import { orderMachine, orderTransition, paidState } from './order-machine.js';
import { shipByDeadline } from './ship-by.js';
import { checkOrderFillable, itemsToDelist, stockWarnings } from './stock-warnings.js';

const profiles = loadProfiles();

describe('order machines per platform (O1)', () => {
  it.each(PLATFORMS)('%s: pay → ship → … → a final success state', (platform) => {
    const p = profiles[platform];
    const m = orderMachine(p);
    let state = m.def.initial;
    const happy = ['buyer_pay', 'seller_ship', 'buyer_sign', 'buyer_confirm', 'platform_release'];
    for (const event of happy) {
      const r = orderTransition(p, state, event);
      if (r.ok) state = r.next;
    }
    expect(m.def.final).toContain(state);
    expect(state).not.toBe(m.def.final.find((s) => /关闭|取消/.test(s)));
  });
  it('Taobao states as seed 004 names them', () => {
    const p = profiles.taobao;
    expect(orderTransition(p, '等待买家付款', 'buyer_pay')).toEqual({ ok: true, next: '买家已付款等待卖家发货' });
    expect(orderTransition(p, '买家已付款,等待卖家发货', 'seller_ship')).toEqual({ ok: true, next: '卖家已发货等待买家确认' });
    expect(orderTransition(p, '卖家已发货,等待买家确认', 'buyer_confirm')).toEqual({ ok: true, next: '交易成功' });
    expect(orderTransition(p, '交易成功', 'refund_success').ok).toBe(false);
  });
  it('AliExpress follows seed 003: pay, ship, transit, sign, release', () => {
    const p = profiles.aliexpress;
    expect(orderTransition(p, '运输中', 'buyer_sign')).toEqual({ ok: true, next: '买家已签收' });
    expect(orderTransition(p, '买家已签收', 'platform_release')).toEqual({ ok: true, next: '平台已放款' });
  });
  it.each(PLATFORMS)('%s: the seller closes an order only with the buyer\'s consent (D7)', (platform) => {
    const p = profiles[platform];
    const initial = orderMachine(p).def.initial;
    const refused = orderTransition(p, initial, 'seller_close');
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.reason).toContain('D7');
    expect(orderTransition(p, initial, 'seller_close', { buyerConsented: true }).ok).toBe(true);
  });
});

describe('ship-by deadline (O3)', () => {
  it.each([
    ['tmall', '2024-05-04T10:00:00+08:00'],
    ['taobao', '2024-05-03T10:00:00+08:00'],
    ['aliexpress', '2024-05-03T10:00:00+08:00'],
  ] as const)('%s → %s', (platform, iso) => {
    const d = shipByDeadline({ paidAt: '2024-05-01T10:00:00+08:00' }, profiles[platform]);
    expect(d?.ms).toBe(Date.parse(iso));
  });
  it('agreed date wins; unpaid has none', () => {
    expect(shipByDeadline({ paidAt: '2024-05-01T10:00:00+08:00', agreedShipBy: '2024-06-01T00:00:00+08:00' }, profiles.tmall)?.ms).toBe(Date.parse('2024-06-01T00:00:00+08:00'));
    expect(shipByDeadline({ paidAt: null, agreedShipBy: '2024-06-01T00:00:00+08:00' }, profiles.tmall)).toBeNull();
  });
});

describe('fraud signals before shipping (O4)', () => {
  const p = profiles.taobao;
  const unpaid = '等待买家付款';
  const paid = paidState(p) ?? '';
  it('pressure on an unpaid order, several accounts at once', () => {
    const r = checkFraud({ orderState: unpaid, buyerName: 'tom', messages: ['我付款了！快发货，要不然投诉你'], accountsChatting: 2 }, p);
    expect(r.paid).toBe(false);
    expect(r.mayShip).toBe(false);
    expect(r.signals.map((s) => s.kind)).toEqual(['unpaid_pressure']);
  });
  it('payment screenshot and an "Alipay" mail from a free mailbox', () => {
    const r = checkFraud({ orderState: unpaid, buyerName: 'amy', messages: ['看付款截图'], paymentMailSenders: ['service@126.com', 'x@alipay.com'] }, p);
    expect(r.signals.map((s) => s.kind).sort()).toEqual(['fake_alipay_mail', 'payment_screenshot']);
  });
  it.each([
    ['买家已付款,等待卖家发货', 'status_like_name'],
    ['买家以付款.等待卖家发货', 'status_like_name'],
    ['1500件', 'quantity_like_name'],
    ['  820 件', 'quantity_like_name'],
  ])('buyer name %s → %s', (name, kind) => {
    expect(checkFraud({ orderState: paid, buyerName: name, messages: [] }, p).signals.map((s) => s.kind)).toContain(kind);
  });
  it('a paid order with an ordinary buyer passes', () => {
    expect(checkFraud({ orderState: paid, buyerName: '小王', messages: ['什么时候发货'] }, p)).toMatchObject({ paid: true, mayShip: true, signals: [] });
  });
});

describe('stock (O5)', () => {
  const skus = [
    { itemId: 'shirt', sku: 's-black-m', label: '黑色 M', qty: 0 },
    { itemId: 'shirt', sku: 's-black-l', label: '黑色 L', qty: 3 },
    { itemId: 'shirt', sku: 's-white-l', label: '白色 L', qty: 40 },
    { itemId: 'hat', sku: 'h-1', label: '均码', qty: 0 },
  ];
  it('warns on out and low colour/size before the buyer orders', () => {
    expect(stockWarnings(skus, profiles.tmall).map((w) => [w.sku, w.level])).toEqual([
      ['s-black-m', 'out'],
      ['s-black-l', 'low'],
      ['h-1', 'out'],
    ]);
  });
  it('an order that cannot be filled', () => {
    const r = checkOrderFillable([{ sku: 's-black-l', qty: 2 }, { sku: 's-black-l', qty: 2 }], skus);
    expect(r.fillable).toBe(false);
    expect(r.short).toEqual([{ sku: 's-black-l', wanted: 4, available: 3 }]);
    expect(checkOrderFillable([{ sku: 's-white-l', qty: 40 }], skus).fillable).toBe(true);
  });
  it('delists items with no stock at all', () => {
    expect(itemsToDelist(skus, profiles.tmall)).toEqual(['hat']);
  });
});
