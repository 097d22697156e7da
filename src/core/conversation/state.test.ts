import { describe, expect, it } from 'vitest';
import { readConversationState } from './state.js';

describe('conversation state (one typed schema)', () => {
  it('gives defaults for an empty or absent state', () => {
    expect(readConversationState(null)).toEqual({ misunderstandings: 0, verifiedOrderIds: [] });
    expect(readConversationState({})).toEqual({ misunderstandings: 0, verifiedOrderIds: [] });
  });

  it('keeps good fields when another one is malformed, and keeps unknown keys', () => {
    const s = readConversationState({
      misunderstandings: 'x',
      focusItemId: 'item-1',
      verifiedOrderIds: ['o1'],
      lastHandover: { messageId: 7, reason: 'complaint', reasonZh: '买家投诉' },
      escalation: { note: '退款金额需店长确认', byAgentId: 'a1', toAgentId: null, at: '2026-12-06T00:00:00.000Z' },
      legacy: 1,
    });
    expect(s.misunderstandings).toBe(0);
    expect(s.focusItemId).toBe('item-1');
    expect(s.verifiedOrderIds).toEqual(['o1']);
    expect(s.lastHandover?.reason).toBe('complaint');
    expect(s.escalation?.note).toBe('退款金额需店长确认');
    expect((s as Record<string, unknown>).legacy).toBe(1);
  });

  it('drops an unknown hand-over reason instead of failing the whole state', () => {
    const s = readConversationState({ lastHandover: { messageId: 1, reason: 'nope', reasonZh: '' }, misunderstandings: 2 });
    expect(s.lastHandover).toBeUndefined();
    expect(s.misunderstandings).toBe(2);
  });
});
