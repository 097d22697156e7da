import { describe, expect, it } from 'vitest';
import { INTENT_IDS } from '../intents.js';
import { giftThing } from './handlers-presales.js';
import { EVENING, items, makeInput, orders, promotions, shop, type CaseInput } from '../../../test/fixtures/bot/clothing-shop.js';
import { planReply } from './plan-reply.js';
import type { ReplyPlan } from './types.js';

const plan = (c: CaseInput): ReplyPlan => planReply(makeInput(c));
const all = (p: ReplyPlan): string => p.messages.join('\n');
const recIds = (p: ReplyPlan): string[] => p.recommendations.map((r) => r.itemId);

describe('welcome and tone (C3, C13)', () => {
  it('C3: the first message is welcomed with the bot persona (never an agent\'s name), shop name and an emoticon', () => {
    const p = plan({
      text: '在吗',
      intent: 'greeting',
      isFirstMessage: true,
      conversation: { stage: 'greet' },
    });
    expect(p.messages[0]).toContain('小铺助手');
    expect(p.messages[0]).not.toContain('客服8号');
    expect(p.messages[0]).toContain('衣小铺旗舰店');
    expect(p.messages[0]).toMatch(/\^_\^|\[微笑\]/);
    expect(p.handover).toBeUndefined();
    expect(p.stage).toBe('greet');
  });

  it('C3: a first message that asks something gets the welcome and then the answer', () => {
    const p = plan({
      text: '白色M有货吗',
      intent: 'stock',
      isFirstMessage: true,
      entities: { colours: ['白色'], sizes: ['M'] },
    });
    expect(p.messages[0]).toContain('小铺助手');
    expect(all(p)).toMatch(/有货|库存充足/);
  });

  it('C3: a shop welcome override is used, with its placeholders filled', () => {
    const custom = {
      ...shop,
      settings: { ...shop.settings, welcomeText: '亲，{shop.name}的{shop.agent}来啦 [微笑]' },
    };
    const p = plan({ text: '你好', intent: 'greeting', isFirstMessage: true, shop: custom });
    expect(p.messages[0]).toBe('亲，衣小铺旗舰店的客服8号来啦 [微笑]');
  });

  it.each(INTENT_IDS.map((i) => [i]))(
    'C3/C13: intent %s never gets a one-word or bare negative reply',
    (intent) => {
      const p = plan({ text: '这个呢', intent, orders: [orders.shipped] });
      expect(p.messages.length).toBeGreaterThan(0);
      for (const m of p.messages) {
        expect(m.length).toBeGreaterThanOrEqual(6);
        expect(m).not.toMatch(/^(在|没|没有|卖完了|不能|不行)[。！!]?$/u);
        expect(m).not.toMatch(/[{}]/);
        expect(m.length).toBeLessThanOrEqual(40); // C4: one short line each
      }
    },
  );
});

describe('stock from live variants (B1, C5, O5)', () => {
  const cases: [string, CaseInput, (p: ReplyPlan) => void][] = [
    [
      'in stock: 白色 M',
      { text: '白色M码有货吗', intent: 'stock', entities: { colours: ['白色'], sizes: ['M'] } },
      (p) => {
        expect(all(p)).toContain('白色 M码');
        expect(all(p)).toMatch(/有货|库存充足/);
      },
    ],
    [
      'nearly gone: 白色 L says how many are left',
      { text: '白的L还有吗', intent: 'stock', entities: { colours: ['白'], sizes: ['L'] } },
      (p) => {
        expect(all(p)).toContain('2件');
      },
    ],
    [
      'C5: 黑色 M sold out → apology and the colours that have M',
      { text: '黑色M有吗', intent: 'stock', entities: { colours: ['黑色'], sizes: ['M'] } },
      (p) => {
        expect(all(p)).toMatch(/不好意思|抱歉/);
        expect(all(p)).toContain('白色');
        expect(all(p)).not.toMatch(/灰色/);
      },
    ],
    [
      'a colour sold out in every size → the colours still in stock',
      { text: '灰色还有吗', intent: 'stock', entities: { colours: ['灰色'] } },
      (p) => {
        expect(all(p)).toMatch(/抱歉|不好意思/);
        expect(all(p)).toMatch(/白色、黑色/);
      },
    ],
    [
      'no colour or size named → the colours in stock',
      { text: '还有货吗', intent: 'stock' },
      (p) => {
        expect(all(p)).toContain('白色、黑色');
      },
    ],
  ];
  it.each(cases)('%s', (_name, c, check) => check(plan(c)));

  it('C5: a sold-out item gets an apology, the restock date and similar items by category and price', () => {
    const p = plan({ text: '这款还有吗', intent: 'stock', conversation: { focusItemId: 'T2' } });
    expect(all(p)).toMatch(/不好意思|抱歉/);
    expect(all(p)).toContain('11月30日');
    expect(recIds(p)[0]).toBe('T3'); // the listed similar item first
    expect(recIds(p)).not.toContain('T4'); // not the expensive one
    expect(all(p)).toContain('冰丝圆领T恤');
  });

  it('C5: a size sold out in every colour → similar items that have the size', () => {
    const only = items.map((i) =>
      i.id === 'T1'
        ? { ...i, variants: i.variants.map((v) => (v.size === 'XL' ? { ...v, stock: 0 } : v)) }
        : i,
    );
    const p = plan({ text: 'XL有吗', intent: 'stock', entities: { sizes: ['XL'] }, items: only });
    expect(all(p)).toMatch(/抱歉|不好意思/);
    expect(recIds(p)).toContain('T3');
  });

  it('asks which item when none is known; recommends only from the category named (C6, C11, issue 12)', () => {
    const p = plan({ text: '有货吗', intent: 'stock', conversation: { focusItemId: undefined } });
    expect(p.question).toMatch(/链接/);
    expect(p.recommendations).toEqual([]);
    const t = plan({ text: '这件T恤有L码吗', intent: 'stock', entities: { sizes: ['L'] }, conversation: { focusItemId: undefined } });
    expect(t.question).toMatch(/链接/);
    expect(t.recommendations.length).toBe(1);
    expect(items.find((i) => i.id === t.recommendations[0]!.itemId)?.category).toBe('T恤');
  });
});

describe('size advice from the size chart (B2)', () => {
  const cases: [string, Partial<CaseInput>, RegExp, boolean][] = [
    [
      '身高165 体重100斤 → M',
      { entities: { measurements: { heightCm: 165, weightJin: 100 } } },
      /M码/,
      false,
    ],
    [
      '170cm 100斤 sits between M and L → L',
      { entities: { measurements: { heightCm: 170, weightJin: 100 } } },
      /L码/,
      false,
    ],
    [
      'height only → M and ask for the weight',
      { entities: { measurements: { heightCm: 162 } } },
      /M码/,
      true,
    ],
    ['no measurements → ask for them', {}, /身高/, true],
    [
      'weight only → M and ask for the height',
      { entities: { measurements: { weightJin: 100 } } },
      /M码[\s\S]*身高/,
      true,
    ],
  ];
  it.each(cases)('%s', (_n, c, re, asks) => {
    const p = plan({ text: '穿什么码', intent: 'size_fit', ...c });
    expect(all(p)).toMatch(re);
    expect(Boolean(p.question)).toBe(asks);
    expect(p.handover).toBeUndefined();
  });

  it('height only: the question asks just for the weight', () => {
    const p = plan({
      text: '162穿什么码',
      intent: 'size_fit',
      entities: { measurements: { heightCm: 162 } },
    });
    expect(p.question).toMatch(/体重/);
    expect(p.question).not.toMatch(/身高/);
  });

  it('measurements outside the chart → a person checks the real garment (C18)', () => {
    const p = plan({
      text: '190 220斤穿什么码',
      intent: 'size_fit',
      entities: { measurements: { heightCm: 190, weightJin: 220 } },
    });
    expect(p.handover?.reason).toBe('missing_data');
  });

  it('O5: the advised size sold out in the asked colour is said before the buyer orders', () => {
    const p = plan({
      text: '黑色 165 100斤',
      intent: 'size_fit',
      entities: { colours: ['黑色'], measurements: { heightCm: 165, weightJin: 100 } },
    });
    expect(all(p)).toMatch(/M码/);
    expect(all(p)).toMatch(/抱歉|不好意思/);
  });
});

describe('product facts and recommendations (C6, C11)', () => {
  it('C11: a material question is answered from the listing and asks the need behind it', () => {
    const p = plan({ text: '这个是什么面料的', intent: 'product_info' });
    expect(all(p)).toContain('100%新疆长绒棉');
    expect(p.question).toMatch(/舒适|送人/);
  });

  it('C18: an attribute the listing lacks goes to a person, not a guess', () => {
    const p = plan({ text: '产地是哪里', intent: 'product_info' });
    expect(p.handover?.reason).toBe('missing_data');
  });

  it('C6: an inquiry gets a cross-sell — the best-priced pairing, not the dearest', () => {
    const p = plan({ text: '这个什么材质', intent: 'product_info' });
    expect(recIds(p)).toEqual(['P1']);
    expect(p.stage).toBe('recommend');
  });

  it('C6: a cross-sell respects the buyer’s size', () => {
    const p = plan({ text: 'XL白色有吗', intent: 'stock', entities: { sizes: ['XL'], colours: ['白色'] } });
    expect(recIds(p)).toContain('P1'); // P2 has no XL
  });

  it('C6: "recommend one" about an item offers an alternative and a pairing as the answer', () => {
    const p = plan({ text: '推荐一下', intent: 'recommend' });
    expect(recIds(p)).toEqual(['T3', 'P1']);
    expect(p.handover).toBeUndefined();
    expect(p.usedAnswer?.intent).toBe('recommend.similar');
  });

  it('C6: an item offered earlier in the chat is not offered again; the next suitable one is', () => {
    const turns = [
      { author: 'bot' as const, text: '另外直筒休闲裤跟这款很好搭配，129元', at: '2026-11-23T01:50:00Z' },
    ];
    expect(recIds(plan({ text: '什么材质', intent: 'product_info', conversation: { turns } }))).toEqual([
      'P2',
    ]);
  });

  it('C6/C11: "recommend one" without an item asks the need and picks a mid-priced best seller', () => {
    const p = plan({ text: '推荐一下', intent: 'recommend', conversation: { focusItemId: undefined } });
    expect(p.question).toBeDefined();
    expect(recIds(p)).toEqual(['T1']);
  });
});

describe('bargaining (C7)', () => {
  const bargainTurn = (text: string) => ({
    author: 'buyer' as const,
    text,
    at: '2026-11-23T01:58:00Z',
    intent: 'bargain' as const,
  });
  const botTurn = { author: 'bot' as const, text: '亲，价格是公司统一定的', at: '2026-11-23T01:59:00Z' };

  it('first ask: the price is held politely, nothing offered yet', () => {
    const p = plan({ text: '能便宜点吗', intent: 'bargain' });
    expect(all(p)).toMatch(/公司统一/);
    expect(all(p)).not.toMatch(/优惠券|收纳袋/);
    expect(p.stage).toBe('bargain');
  });

  it('a habitual bargainer asking again is pointed to the shop coupon, not a price cut', () => {
    const p = plan({
      text: '最低多少，便宜点',
      intent: 'bargain',
      conversation: { turns: [bargainTurn('能少点吗'), botTurn] },
    });
    expect(p.signals.bargainer.kind).toBe('habitual');
    expect(all(p)).toContain('满199减20优惠券');
  });

  it('a buyer who needs to win gets the shop’s gift', () => {
    const p = plan({ text: '老顾客了，送点东西呗', intent: 'bargain' });
    expect(p.signals.bargainer.kind).toBe('wants_win');
    expect(all(p)).toContain('收纳袋');
  });

  it('a gift written as "下单送…" is not doubled into "送您下单送…"', () => {
    const gift = promotions.find((x) => x.kind === 'gift')!;
    const p = plan({ text: '老顾客了，送点东西呗', intent: 'bargain', promotions: [{ ...gift, text: '下单送同款收纳袋一个' }] });
    expect(all(p)).toContain('同款收纳袋一个');
    expect(all(p)).not.toMatch(/送您下单送|给您下单送/);
    expect(giftThing('买就送：运费险')).toBe('运费险');
    expect(giftThing('赠品')).toBe('赠品');
  });

  it('never offers what the bot may not offer, nor an expired promotion, nor a lower price', () => {
    for (const text of ['便宜点', '再便宜点嘛', '最低多少']) {
      const p = plan({
        text,
        intent: 'bargain',
        conversation: { turns: [bargainTurn('少点'), botTurn, bargainTurn('打个折'), botTurn] },
      });
      expect(all(p)).not.toMatch(/8折|双十一|便宜\d|减\d+元|\d+元给您/);
    }
  });

  it('with no offers set up, the bot holds the price warmly', () => {
    const p = plan({
      text: '少点吧',
      intent: 'bargain',
      promotions: [],
      conversation: { turns: [bargainTurn('便宜点'), botTurn] },
    });
    expect(all(p)).toMatch(/实在|实惠/);
    expect(p.recommendations).toEqual([]);
  });
});

describe('promotions and shipping fee (B2, D5)', () => {
  it('lists only current offers the bot may offer', () => {
    const p = plan({ text: '有优惠券吗', intent: 'promotion' });
    expect(all(p)).toContain('满199减20优惠券');
    expect(all(p)).not.toMatch(/8折|双十一/);
  });
  it('no offers → the current price is the offer, without a bare 没有', () => {
    const p = plan({ text: '有活动吗', intent: 'promotion', promotions: [] });
    expect(all(p)).not.toMatch(/没有/);
  });
  const fee: [string, CaseInput, RegExp, string | undefined][] = [
    ['free shipping', { text: '包邮吗', intent: 'shipping_fee' }, /包邮/, undefined],
    [
      'D5: a remote region is pointed to the page, never told "not included"',
      { text: '新疆包邮吗', intent: 'shipping_fee', entities: { regions: ['新疆'] } },
      /新疆.*页面|页面.*新疆/,
      undefined,
    ],
    [
      'shop without free shipping',
      {
        text: '运费多少',
        intent: 'shipping_fee',
        shop: { ...shop, settings: { ...shop.settings, freeShipping: false } },
      },
      /运费/,
      undefined,
    ],
  ];
  it.each(fee)('%s', (_n, c, re, handover) => {
    const p = plan(c);
    expect(all(p)).toMatch(re);
    expect(p.handover?.reason).toBe(handover);
  });
});

describe('hand-over and bot limits (B3, C17, C18)', () => {
  const cases: [string, CaseInput, string | undefined][] = [
    ['human asked', { text: '转人工', intent: 'human' }, 'human_requested'],
    ['complaint at once', { text: '再不处理我就投诉', intent: 'complaint' }, 'complaint'],
    ['very low confidence', { text: '¥%……', intent: 'other', confidence: 0.1 }, 'low_confidence'],
    [
      'first unclear turn → ask back, no hand-over',
      { text: '那个那个', intent: 'other', confidence: 0.4 },
      undefined,
    ],
    [
      'second unclear turn in a row',
      { text: '就那个', intent: 'other', confidence: 0.4, conversation: { misunderstandings: 1 } },
      'repeated_misunderstanding',
    ],
    [
      'bot alone too long',
      { text: '包邮吗', intent: 'shipping_fee', conversation: { botTurnsSinceHuman: 7 } },
      'bot_alone_too_long',
    ],
    ['price protection is money', { text: '降价了补差价吗', intent: 'price_protection' }, 'money_action'],
  ];
  it.each(cases)('%s', (_n, c, reason) => {
    const p = plan(c);
    expect(p.handover?.reason).toBe(reason);
    expect(p.messages.length).toBeGreaterThan(0);
  });

  it('C17: complaint gets empathy before the hand-over', () => {
    const p = plan({ text: '你们什么破东西，我要投诉', intent: 'complaint' });
    expect(all(p)).toMatch(/理解|抱歉/);
  });

  it('C11: an unclear turn counts as a misunderstanding and asks back; an understood one resets it', () => {
    const unclear = plan({ text: '那个', intent: 'other', confidence: 0.4 });
    expect(unclear.misunderstandings).toBe(1);
    expect(unclear.question).toBeDefined();
    expect(unclear.stage).toBe('inquire');
    const clear = plan({ text: '包邮吗', intent: 'shipping_fee', conversation: { misunderstandings: 1 } });
    expect(clear.misunderstandings).toBe(0);
  });

  it('C17: the offer is made once every N bot turns, not on every line', () => {
    expect(
      plan({ text: '包邮吗', intent: 'shipping_fee', conversation: { botTurnsSinceHuman: 8 } }).handover,
    ).toBeUndefined();
  });

  it('C17: the bot still answers when it offers a person', () => {
    const p = plan({ text: '包邮吗', intent: 'shipping_fee', conversation: { botTurnsSinceHuman: 15 } });
    expect(all(p)).toContain('包邮');
    expect(all(p)).toContain('人工');
  });
});

describe('consistency of the standard answers (C12)', () => {
  it('the same input gives the same plan', () => {
    const c: CaseInput = { text: '能开发票吗', intent: 'invoice' };
    expect(plan(c)).toEqual(plan(c));
  });

  it('variants rotate with the conversation, meaning the same', () => {
    const seen = new Set<number>();
    for (let n = 0; n < 4; n++) {
      const turns = Array.from({ length: n }, (_, i) => ({
        author: 'bot' as const,
        text: '好的',
        at: `2026-11-23T01:0${i}:00Z`,
      }));
      const p = plan({ text: '能开发票吗', intent: 'invoice', conversation: { turns } });
      seen.add(p.usedAnswer?.variantIndex ?? -1);
      expect(all(p)).toMatch(/电子普通发票/);
    }
    expect(seen.size).toBeGreaterThan(1);
  });

  it('a shop’s own standard answer wins over the default', () => {
    const p = plan({
      text: '发票',
      intent: 'invoice',
      standardAnswers: [{ intent: 'invoice', variants: ['亲，{shop.name}所有订单都能开电子发票哦'] }],
    });
    expect(p.messages).toEqual(['亲，衣小铺旗舰店所有订单都能开电子发票哦']);
    expect(p.usedAnswer).toEqual({ intent: 'invoice', variantIndex: 0 });
  });

  it('a variant whose data is missing is skipped, never sent with a {placeholder}', () => {
    const p = plan({
      text: '发票',
      intent: 'invoice',
      standardAnswers: [
        {
          intent: 'invoice',
          variants: ['发票由{shop.accountant}开', '亲，发票可以开的，{invoice.when}开好'],
        },
      ],
    });
    expect(all(p)).toBe('亲，发票可以开的，确认收货后3个工作日内开好');
  });

  it('no variant can be filled → hand over instead', () => {
    const p = plan({
      text: '发票',
      intent: 'invoice',
      standardAnswers: [{ intent: 'invoice', variants: ['{nope}'] }],
    });
    expect(all(p)).toMatch(/电子普通发票/); // falls back to the product default
    const bare = { ...orders.shipped, trackingNo: undefined, logistics: [] };
    const q = plan({ text: '到哪了', intent: 'logistics', orders: [bare] });
    expect(q.handover?.reason).toBe('missing_data');
    expect(all(q)).not.toMatch(/[{}]/);
  });
});

describe('interest and farewell (C10, C15)', () => {
  const at = (min: number) => new Date(Date.parse('2026-11-23T01:00:00Z') + min * 60_000).toISOString();
  const fading = [
    { author: 'buyer' as const, text: '这款T恤纯棉的吗，洗了会不会缩水呀', at: at(0) },
    { author: 'bot' as const, text: '亲，是100%新疆长绒棉的哦', at: at(1) },
    { author: 'buyer' as const, text: '哦', at: at(3) },
    { author: 'bot' as const, text: '您平时穿多大码呢', at: at(4) },
    { author: 'buyer' as const, text: '嗯', at: at(12) },
    { author: 'bot' as const, text: '给您推荐这款', at: at(13) },
  ];

  it('C15: fading replies are surfaced with a reason and the bot changes angle with an offer', () => {
    const p = plan({ text: '哦', intent: 'other', conversation: { turns: fading } });
    expect(p.signals.interest.losing).toBe(true);
    expect(p.signals.interest.reasonZh).toMatch(/哦/);
    expect(all(p)).toContain('满199减20优惠券');
  });

  it('C15: a lively buyer shows no loss', () => {
    const p = plan({
      text: '白色M码有货吗，什么时候发货',
      intent: 'stock',
      conversation: { turns: fading.slice(0, 2) },
    });
    expect(p.signals.interest.losing).toBe(false);
  });

  it('C10: thanks whether or not the buyer bought; a buyer with an order is told to expect it', () => {
    const none = plan({ text: '好的谢谢', intent: 'thanks_bye' });
    expect(all(none)).toMatch(/谢谢|感谢/);
    expect(all(none)).toMatch(/常来|再来|回来/);
    expect(none.stage).toBe('farewell');
    const bought = plan({ text: '好的谢谢', intent: 'thanks_bye', orders: [orders.paid] });
    expect(all(bought)).toMatch(/收货|发货/);
  });

  it('D9: a request for cash-back for a good review is declined with the reason', () => {
    const p = plan({ text: '好评有返现吗', intent: 'review' });
    expect(all(p)).toMatch(/平台|真实/);
    expect(all(p)).not.toMatch(/返现\d|给您返/);
  });
});

describe('stage tracking in the plan (C1)', () => {
  it('moves through the flow by intent', () => {
    expect(plan({ text: '便宜点', intent: 'bargain' }).stage).toBe('bargain');
    expect(plan({ text: '到哪了', intent: 'logistics', orders: [orders.shipped] }).stage).toBe('logistics');
    expect(plan({ text: '我要退货', intent: 'return_exchange', orders: [orders.signed] }).stage).toBe(
      'aftersales',
    );
    expect(plan({ text: '在吗', intent: 'greeting', conversation: { stage: 'logistics' } }).stage).toBe(
      'logistics',
    );
  });
  it('low confidence keeps the stage', () => {
    expect(
      plan({ text: '嗯嗯那个', intent: 'refund', confidence: 0.4, conversation: { stage: 'bargain' } }).stage,
    ).toBe('bargain');
  });
  it('promotions fixture sanity: one offer is not for the bot', () => {
    expect(promotions.some((p) => !p.botMayOffer)).toBe(true);
    expect(EVENING.getTime()).toBeGreaterThan(0);
  });
});
