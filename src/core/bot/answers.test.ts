import { describe, expect, it } from 'vitest';
import { INTENT_IDS } from '../intents.js';
import { fillTemplate, pickAnswer, placeholdersOf, splitMessages } from './answers.js';
import { defaultAnswers } from './default-answers.js';

const DEFAULT_ANSWERS = defaultAnswers();

describe('filling standard answers (C12)', () => {
  it('fills placeholders from data', () => {
    expect(fillTemplate('亲，{item.title}是{item.price}元', { 'item.title': 'T恤', 'item.price': 59 })).toBe(
      '亲，T恤是59元',
    );
  });
  it.each([[{}], [{ 'item.title': '' }], [{ 'item.title': undefined }]])(
    'a missing value gives null, never a {…} (%o)',
    (vars) => {
      expect(fillTemplate('亲，{item.title}有货', vars)).toBeNull();
    },
  );
  it('rotation is deterministic and skips variants whose data is missing', () => {
    const lib = [{ intent: 'x', variants: ['A{a}', 'B{b}', 'C'] }];
    const picks = [0, 1, 2, 3, 4, 5].map((t) => pickAnswer('x', lib, { a: 1 }, t)?.messages[0]);
    expect(picks.every((m) => m === 'A1' || m === 'C')).toBe(true);
    expect(new Set(picks).size).toBe(2);
    expect(pickAnswer('x', lib, { a: 1 }, 3)).toEqual(pickAnswer('x', lib, { a: 1 }, 3));
  });
  it('null when nothing can be filled and no default exists', () => {
    expect(pickAnswer('nope', [{ intent: 'nope', variants: ['{z}'] }], {}, 0)).toBeNull();
  });
});

describe('short messages, one line each (C4)', () => {
  it('splits on line breaks', () => {
    expect(splitMessages('第一句\n\n第二句')).toEqual(['第一句', '第二句']);
  });
  it('cuts a long line after sentence punctuation, keeping every character', () => {
    const long =
      '亲，这款是新疆长绒棉的，穿着透气舒服。洗涤建议冷水手洗，不要暴晒，这样能穿很久。尺码偏正常，按平时穿的码数拍就可以啦！';
    const parts = splitMessages(long);
    expect(parts.length).toBeGreaterThan(1);
    expect(parts.every((p) => p.length <= 40)).toBe(true);
    expect(parts.join('')).toBe(long);
  });
});

/** Keys the planner asks for; each must exist in the defaults. */
const FLOW_KEYS = [
  'welcome',
  'stock.in',
  'stock.low',
  'stock.colours',
  'stock.variant_out',
  'stock.size_out',
  'stock.item_out',
  'stock.restock',
  'stock.ask_item',
  'size_fit.advice',
  'size_fit.between',
  'size_fit.ask',
  'size_fit.ask_weight',
  'size_fit.ask_height',
  'size_fit.outside',
  'product_info.attr',
  'product_info.general',
  'product_info.need',
  'recommend.ask',
  'recommend.similar',
  'recommend.cross',
  'recommend.pick',
  'recommend.similar_goods',
  'recommend.cross_goods',
  'recommend.pick_goods',
  'bargain.hold',
  'bargain.coupon',
  'bargain.gift',
  'bargain.freight',
  'bargain.final',
  'promotion.list',
  'promotion.none',
  'shipping_fee.free',
  'shipping_fee.remote',
  'shipping_fee.paid',
  'ship_time.today',
  'ship_time.tomorrow',
  'ship_time.order_today',
  'ship_time.order_tomorrow',
  'courier.list',
  'courier.ok',
  'courier.other',
  'logistics.tracking',
  'logistics.no_events',
  'logistics.ask_order',
  'logistics.privacy',
  'verify.items',
  'verify.unfillable',
  'payment.guide',
  'payment.unpaid_nudge',
  'payment.price_change',
  'payment.price_changed',
  'order_change.address',
  'order_change.shipped',
  'order_change.cancel_unpaid',
  'order_change.cancel_paid',
  'verify',
  'verify.note',
  'return_exchange.window',
  'return_exchange.unshipped',
  'return_exchange.in_transit',
  'return_exchange.expired',
  'refund.unshipped',
  'refund.in_transit',
  'refund.received',
  'refund.progress',
  'aftersales.ask_order',
  'review.invite',
  'review.no_reward',
  'thanks_bye.bought',
  'thanks_bye.not_bought',
  'handover',
  'handover.offer',
  'clarify',
  'interest.angle',
  'vip.perk',
];

const KNOWN_PLACEHOLDERS = new Set([
  'tier.name',
  'perk.text',
  'shop.name',
  'shop.agent',
  'shop.bot',
  'size.list',
  'size.asked',
  'size.feel',
  'stuck.days',
  'disruption.cause',
  'disruption.recovery',
  'language',
  'shop.ship_cutoff',
  'shop.couriers',
  'item.title',
  'item.price',
  'item.colours',
  'item.attrs',
  'attr.name',
  'attr.value',
  'variant',
  'stock.count',
  'restock.date',
  'size',
  'size.small',
  'size.basis',
  'rec.title',
  'rec.price',
  'coupon.text',
  'gift.text',
  'freight.text',
  'promo.list',
  'region',
  'fee',
  'courier',
  'order.no',
  'order.tracking_no',
  'order.courier',
  'order.latest_event',
  'order.latest_at',
  'order.receiver',
  'order.phone',
  'order.address',
  'order.note',
  'order.refund_state',
  'order.items',
  'invoice.types',
  'invoice.when',
  'return.days',
  'return.shipping',
  // Issue 15: freight (O6) and price protection (S2) with the figure.
  'fee.first',
  'fee.first_kg',
  'fee.extra',
  'fee.weight',
  'fee.total',
  'pp.paid',
  'pp.now',
  'pp.refund',
  'pp.reason',
  // S2: where an agent's 价保 claim stands.
  'pp.status',
  'pp.rp',
  'pp.sc',
  // C1/C11: the items of a category to choose from.
  'item.choices',
]);

describe('the default standard-answer library (C3, C10, C12, C13, C14)', () => {
  const byKey = new Map(DEFAULT_ANSWERS.map((a) => [a.intent, a]));
  it('keys are unique', () => expect(byKey.size).toBe(DEFAULT_ANSWERS.length));
  it.each(INTENT_IDS.map((i) => [i]))('intent %s has default answers', (intent) => {
    expect(DEFAULT_ANSWERS.some((a) => a.intent === intent || a.intent.startsWith(`${intent}.`))).toBe(true);
  });
  it.each(FLOW_KEYS.map((k) => [k]))('%s exists with at least two variants', (key) => {
    expect(byKey.get(key)?.variants.length ?? 0).toBeGreaterThanOrEqual(2);
  });

  const variants = DEFAULT_ANSWERS.flatMap((a) => a.variants.map((v) => [a.intent, v] as const));
  it.each(variants)('%s: "%s" is well-formed', (_key, v) => {
    for (const p of placeholdersOf(v)) expect(KNOWN_PLACEHOLDERS.has(p)).toBe(true);
    // C3: never one word (a line that is only data, such as the address being confirmed, is fine)
    for (const line of v.split('\n')) if (!line.includes('{')) expect(line.length).toBeGreaterThanOrEqual(8);
    // C13: a negative word comes with its reason
    if (/不能|(?<!有)没有|不可以|不允许|安排不了/.test(v)) expect(v).toMatch(/因为|为了|规则|由于|已经|是/);
    // C14: no blaming phrasing
    expect(v).not.toMatch(/您搞错了|您听明白了吗|我已经说的很清楚了|您把我搞糊涂了/);
    // D1/D2/D9: no off-platform payment, contact details or review rewards
    expect(v).not.toMatch(/微信|支付宝转账|QQ|加我|好评返现\d/);
  });
  it('C3: every welcome names the bot persona (issue 12: never an agent\'s name) and the shop, with an emoticon', () => {
    for (const v of byKey.get('welcome')?.variants ?? []) {
      expect(v).toContain('{shop.bot}');
      expect(v).not.toContain('{shop.agent}');
      expect(v).toContain('{shop.name}');
      expect(v).toMatch(/\^_\^|\[微笑\]/);
    }
  });
});
