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
});
