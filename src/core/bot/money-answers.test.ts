// Issue 15: the bot answers freight (O6) and price-protection (S2) questions with the figure from
// the rules instead of handing them over; without the rules or the data it keeps its old answer.
import { describe, expect, it } from 'vitest';
import { makeInput, orders, shop, type CaseInput } from '../../../test/fixtures/bot/clothing-shop.js';
import { loadProfiles } from '../rules/load-profiles.js';
import { parcelWeightKg } from './money-answers.js';
import { planReply } from './plan-reply.js';

const profiles = loadProfiles();
const rules = { shippingFeeTable: profiles.taobao.shipping.fee_table_example, priceProtection: profiles.taobao.price_protection };
const paidShop = { ...shop, settings: { ...shop.settings, freeShipping: false } };
const plan = (c: CaseInput, withRules = true) => {
  const input = makeInput(c);
  return planReply(withRules ? { ...input, moneyRules: rules } : input);
};
const text = (p: ReturnType<typeof planReply>) => p.messages.join('\n');

describe('freight from the fee table (O6, seed 004)', () => {
  it('names the region\'s first-weight and extra-kg price', () => {
    const p = plan({ text: '寄到新疆运费多少', intent: 'shipping_fee', shop: paidShop, entities: { regions: ['新疆'] } });
    expect(text(p)).toMatch(/新疆.*首重1公斤18\.00元/);
    expect(text(p)).toMatch(/每公斤(加)?8\.00元/);
    expect(p.handover).toBeUndefined();
  });
  it('with a parcel weight, the total: 2.5 kg to 四川 = 12 + 2 × 3', () => {
    expect(text(plan({ text: '2.5公斤寄四川多少钱', intent: 'shipping_fee', shop: paidShop, entities: { regions: ['四川'] } }))).toContain('一共18.00元');
  });
  it('a region the table does not list pays the default; no region or no rules: the page answer', () => {
    expect(text(plan({ text: '寄江苏运费', intent: 'shipping_fee', shop: paidShop, entities: { regions: ['江苏'] } }))).toMatch(/江苏.*首重1公斤10\.00元/);
    expect(text(plan({ text: '运费多少', intent: 'shipping_fee', shop: paidShop }))).toMatch(/页面|下单时/);
    expect(text(plan({ text: '寄到新疆运费多少', intent: 'shipping_fee', shop: paidShop, entities: { regions: ['新疆'] } }, false))).not.toContain('18.00');
  });
  it('reads a parcel weight, not a body weight', () => {
    expect(parcelWeightKg('寄3公斤到新疆')).toBe(3);
    expect(parcelWeightKg('4斤重的包裹')).toBe(2);
    expect(parcelWeightKg('我体重55公斤穿什么码')).toBeNull();
  });
});

describe('price protection with the amount (S2, seed 000)', () => {
  const paid = orders.paid; // T1 paid 59
  const cheaper = (price: number) => [{ ...makeInput({ text: '', intent: 'price_protection' }).items.find((i) => i.id === 'T1')!, price }];
  it('paid 59, now 49: the difference 10 under Taobao\'s rule, without a hand-over', () => {
    const p = plan({ text: '刚买就降价了，能补差价吗', intent: 'price_protection', orders: [paid], items: cheaper(49) });
    expect(text(p)).toContain('可补差价10.00元');
    expect(text(p)).toContain(paid.platformOrderNo);
    expect(p.handover).toBeUndefined();
  });
  it('no cheaper now: says so; a platform with no rule or no order: the hand-over as before', () => {
    expect(text(plan({ text: '降价了吗 补差价', intent: 'price_protection', orders: [paid], items: cheaper(59) }))).toContain('现价不低于原价');
    const none = plan({ text: '补差价', intent: 'price_protection', orders: [] });
    expect(none.handover?.reason).toBe('money_action');
    const pdd = makeInput({ text: '补差价', intent: 'price_protection', orders: [paid], items: cheaper(49) });
    expect(planReply({ ...pdd, moneyRules: { priceProtection: profiles.pdd.price_protection } }).handover?.reason).toBe('money_action');
  });
  it('S2: a claim an agent recorded on the line is reported instead of a new figure; refused goes to a person', () => {
    const claimed = (status: 'pending' | 'paid' | 'refused') => ({
      ...paid, lines: paid.lines.map((l, i) => (i === 0 ? { ...l, priceProtection: { status, refund: 12.5, claimedAt: '2026-11-20T02:00:00.000Z' } } : l)),
    });
    const pending = plan({ text: '降价了能补差价吗', intent: 'price_protection', orders: [claimed('pending')], items: cheaper(49) });
    expect(text(pending)).toMatch(/已登记价保.*差价12\.50元/s);
    expect(text(pending)).toContain('正在按平台规则为您处理');
    expect(text(pending)).not.toContain('10.00');
    expect(pending.handover).toBeUndefined();
    expect(text(plan({ text: '补差价到了吗', intent: 'price_protection', orders: [claimed('paid')], items: cheaper(49) }))).toContain('差价已补给您');
    const refused = plan({ text: '价保怎么样了', intent: 'price_protection', orders: [claimed('refused')], items: cheaper(49) });
    expect(text(refused)).toContain('没有通过');
    expect(refused.handover?.reason).toBe('money_action');
  });
  it('S2: JD counts its window from signing — open before it, closed 7 days after', () => {
    const jd = { priceProtection: profiles.jd.price_protection };
    const signedAt = '2026-11-10T02:00:00.000Z';
    const base = makeInput({ text: '降价了补差价', intent: 'price_protection', orders: [{ ...paid, state: 'succeeded', signedAt }], items: cheaper(49) });
    const inside = planReply({ ...base, now: new Date(Date.parse(signedAt) + 7 * 86_400_000), moneyRules: jd });
    expect(inside.messages.join('\n')).toContain('可补差价10.00元');
    const after = planReply({ ...base, now: new Date(Date.parse(signedAt) + 7 * 86_400_000 + 1), moneyRules: jd });
    expect(after.messages.join('\n')).toContain('已超过价保期（签收后 7 天）');
    const unsigned = makeInput({ text: '降价了补差价', intent: 'price_protection', orders: [paid], items: cheaper(49) });
    expect(planReply({ ...unsigned, now: new Date('2027-06-01T00:00:00Z'), moneyRules: jd }).messages.join('\n')).toContain('可补差价10.00元');
  });
  it('S2: the red packets and shop coupon the platform reported count under Taobao\'s rule, named in the answer; JD leaves them out', () => {
    const withTerms = { ...paid, lines: paid.lines.map((l, i) => (i === 0 ? { ...l, redPacket: 5, shopCoupon: 3 } : l)) };
    const p = plan({ text: '降价了补差价', intent: 'price_protection', orders: [withTerms], items: cheaper(49) });
    expect(text(p)).toContain('红包5.00元');
    expect(text(p)).toContain('店铺券3.00元');
    expect(text(p)).toContain('可补差价12.00元'); // 59 + 5 − 49 − 3
    const eaten = plan({ text: '降价了补差价', intent: 'price_protection', orders: [{ ...withTerms, lines: [{ ...withTerms.lines[0]!, shopCoupon: 20 }] }], items: cheaper(49) });
    expect(text(eaten)).toContain('现价不低于原价');
    const jd = planReply({ ...makeInput({ text: '降价了补差价', intent: 'price_protection', orders: [withTerms], items: cheaper(49) }), moneyRules: { priceProtection: profiles.jd.price_protection } });
    expect(jd.messages.join('\n')).toContain('可补差价10.00元');
  });
});
