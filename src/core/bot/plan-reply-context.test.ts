// C6 and issue 12 in one conversation: a cross-sell once per item the buyer looks at, and a colour
// follow-up after a size advice answered for the advised size.
import { describe, expect, it } from 'vitest';
import { makeInput, type CaseInput } from '../../../test/fixtures/bot/clothing-shop.js';
import { readConversationState } from '../conversation/state.js';
import { planReply } from './plan-reply.js';
import type { ReplyPlan } from './types.js';

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
