// C6 and issue 12 in one conversation: a cross-sell once per item the buyer looks at, and a colour
// follow-up after a size advice answered for the advised size.
import { describe, expect, it } from 'vitest';
import { items, makeInput, type CaseInput } from '../../../test/fixtures/bot/clothing-shop.js';
import { readConversationState } from '../conversation/state.js';
import { planReply } from './plan-reply.js';
import type { Item, ReplyPlan } from './types.js';

const plan = (c: CaseInput): ReplyPlan => planReply(makeInput(c));
const all = (p: ReplyPlan) => p.messages.join('\n');

describe('C6: one cross-sell per item under discussion, not one under every answer', () => {
  it('the first inquiry about T1 suggests a matching item; the next inquiries about T1 do not', () => {
    const first = plan({ text: '有L码吗', intent: 'stock', entities: { sizes: ['L'] } });
    expect(first.recommendations.length).toBe(1);
    expect(first.memory.crossSoldFor).toBe('T1');
    const second = plan({ text: '什么材质的', intent: 'product_info', conversation: { memory: first.memory } });
    expect(second.recommendations).toEqual([]);
    expect(all(second)).toMatch(/棉/);
    expect(second.memory.crossSoldFor).toBe('T1');
    const third = plan({ text: '起球吗', intent: 'product_info', conversation: { memory: second.memory } });
    expect(third.recommendations).toEqual([]);
  });

  it('a new item under discussion gets its own suggestion', () => {
    const first = plan({ text: '有L码吗', intent: 'stock', entities: { sizes: ['L'] } });
    const other = plan({
      text: '这条裤子有L码吗',
      intent: 'stock',
      entities: { sizes: ['L'] },
      conversation: { focusItemId: 'P1', memory: first.memory },
    });
    expect(other.recommendations.length).toBe(1);
    expect(other.memory.crossSoldFor).toBe('P1');
  });

  it('the remembered item survives the stored state (conversations.state)', () => {
    const first = plan({ text: '有L码吗', intent: 'stock', entities: { sizes: ['L'] } });
    const stored = readConversationState(JSON.parse(JSON.stringify({ memory: first.memory })));
    expect(stored.memory?.crossSoldFor).toBe('T1');
  });
});

describe('issue 12: "那黑色的呢" after a size advice', () => {
  it('answers black in the advised size, not the size named before the advice', () => {
    const asked = plan({ text: '有L码吗', intent: 'stock', entities: { sizes: ['L'] } });
    const advice = plan({
      text: '我身高178 体重140斤穿啥码',
      intent: 'size_fit',
      entities: { measurements: { heightCm: 178, weightJin: 140 } },
      conversation: { memory: asked.memory },
    });
    expect(all(advice)).toMatch(/XL码/);
    const black = plan({
      text: '那黑色的呢',
      intent: 'size_fit',
      followUp: true,
      entities: { colours: ['黑色'] },
      conversation: { memory: advice.memory },
    });
    const text = all(black);
    expect(text).toMatch(/黑色 ?XL/);
    expect(text).not.toMatch(/L码.*偏小|偏小/);
  });

  it('a colour that is sold out in the advised size is said so, with alternatives (C5)', () => {
    const advice = plan({
      text: '身高165 体重100斤穿什么码',
      intent: 'size_fit',
      entities: { measurements: { heightCm: 165, weightJin: 100 } },
    });
    expect(all(advice)).toMatch(/M码/);
    const black = plan({
      text: '黑色的呢',
      intent: 'size_fit',
      followUp: true,
      entities: { colours: ['黑色'] },
      conversation: { memory: advice.memory },
    });
    expect(all(black)).toMatch(/黑色 ?M/);
    expect(all(black)).not.toMatch(/黑色 ?M码?(目前)?(有货|库存充足)/);
  });
});

describe('C1/C11: the item named by its category', () => {
  const powerBanks = (): Item[] => [
    ...items,
    { id: 'PB1', title: '20000mAh快充充电宝', category: '充电宝', price: 149, attributes: { 容量: '20000mAh' }, variants: [{ colour: '白色', size: '', stock: 9 }], similarItemIds: [] },
    { id: 'PB2', title: '10000mAh磁吸充电宝', category: '充电宝', price: 169, attributes: { 容量: '10000mAh' }, variants: [{ colour: '紫色', size: '', stock: 0 }], similarItemIds: [] },
  ];

  it('several items of the category: they are listed to choose from, not "send me the link"', () => {
    const p = plan({ text: '这个充电宝多少毫安的', intent: 'product_info', items: powerBanks(), conversation: { focusItemId: undefined } });
    const text = all(p);
    expect(text).toContain('20000mAh快充充电宝（149元）');
    expect(text).toContain('10000mAh磁吸充电宝（169元）');
    expect(text).not.toMatch(/链接/);
    expect(p.question).toBeDefined();
    const stock = plan({ text: '充电宝还有货吗', intent: 'stock', items: powerBanks(), conversation: { focusItemId: undefined } });
    expect(all(stock)).toContain('10000mAh磁吸充电宝');
    expect(stock.handover).toBeUndefined();
  });

  it('the only item of the category is the one asked about', () => {
    const one = powerBanks().filter((i) => i.id !== 'PB2');
    const p = plan({ text: '这个充电宝多少毫安的', intent: 'product_info', items: one, conversation: { focusItemId: undefined } });
    expect(all(p)).toContain('20000mAh');
    expect(all(p)).not.toMatch(/哪一款|链接/);
  });

  it('the buyer picks from the list: by a number only one title has, by position, by a word', () => {
    const listed = plan({ text: '这个充电宝多少毫安的', intent: 'product_info', items: powerBanks(), conversation: { focusItemId: undefined } });
    const turns = [
      { author: 'buyer' as const, text: '这个充电宝多少毫安的', at: '2026-11-20T02:00:00Z' },
      // Stored as the short messages it was sent as (C4).
      ...listed.messages.map((text) => ({ author: 'bot' as const, text, at: '2026-11-20T02:00:01Z' })),
    ];
    const pick = (text: string) =>
      plan({ text, intent: 'product_info', items: powerBanks(), conversation: { focusItemId: undefined, turns } });
    const byNumber = pick('20000的那个多少钱');
    expect(byNumber.focusItemId).toBe('PB1');
    expect(all(byNumber)).toContain('149');
    expect(pick('第二个').focusItemId).toBe('PB2');
    expect(pick('磁吸的那款').focusItemId).toBe('PB2');
    // Nothing that tells them apart: asked again, nothing assumed.
    const unclear = pick('哪个好');
    expect(unclear.focusItemId).toBeUndefined();
  });

  it('an English buyer gets the choice in English', () => {
    const p = plan({ text: 'how many mah is the 充电宝', intent: 'product_info', language: 'en', items: powerBanks(), conversation: { focusItemId: undefined } });
    expect(all(p)).toMatch(/Which one do you mean/);
  });
});

describe('C6: the suggestion line fits the goods', () => {
  const withCable = (): Item[] => [
    { id: 'PB1', title: '20000mAh快充充电宝', category: '充电宝', price: 149, attributes: { 容量: '20000mAh' }, variants: [{ colour: '白色', size: '', stock: 9 }], similarItemIds: [] },
    { id: 'C1', title: 'Type-C快充数据线', category: '数据线', price: 29, attributes: {}, variants: [{ colour: '白色', size: '', stock: 50 }], similarItemIds: [] },
  ];
  const shopWithCrossSell = (): CaseInput['shop'] => {
    const s = makeInput({ text: '', intent: 'stock' }).shop;
    return { ...s, settings: { ...s.settings, crossSell: { 充电宝: ['数据线'] } } };
  };

  it('a cable with a power bank is "一起用更方便", never "穿" or "好看"; a T-shirt keeps "搭配"', () => {
    const p = plan({ text: '充电宝有货吗', intent: 'stock', items: withCable(), shop: shopWithCrossSell(), conversation: { focusItemId: 'PB1' } });
    const line = all(p);
    expect(p.recommendations.map((r) => r.itemId)).toEqual(['C1']);
    expect(line).toMatch(/Type-C快充数据线/);
    expect(line).not.toMatch(/穿|好看/);
    const shirt = plan({ text: '有L码吗', intent: 'stock', entities: { sizes: ['L'] } });
    expect(all(shirt)).toMatch(/搭配|穿/);
  });

  it("a shop's own cross-sell line is kept for goods when it wrote none for goods", () => {
    const own = [{ intent: 'recommend.cross', variants: ['配件推荐：{rec.title}，{rec.price}元，下单一起发'] }];
    const p = plan({ text: '充电宝有货吗', intent: 'stock', items: withCable(), shop: shopWithCrossSell(), standardAnswers: own, conversation: { focusItemId: 'PB1' } });
    expect(all(p)).toContain('配件推荐：Type-C快充数据线');
  });
});
