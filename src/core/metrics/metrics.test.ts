import { describe, expect, it } from 'vitest';
import { computeFigures, fillDays, isRecommendation, responseTimes } from './figures.js';
import { findIdleAgents, presencePolicy } from './idle-agents.js';
import { findInconsistencies, polarity } from './consistency.js';
import { percentile } from './stats.js';
import type { ConversationRow, MessageRow } from './types.js';

const T0 = new Date('2026-11-20T02:00:00Z');
const at = (s: number) => new Date(T0.getTime() + s * 1000);
const msg = (conversationId: string, seq: number, s: number, authorKind: MessageRow['authorKind'], extra: Partial<MessageRow> = {}): MessageRow => ({
  conversationId, shopId: 's1', seq, direction: authorKind === 'buyer' ? 'in' : 'out', authorKind, authorId: authorKind === 'agent' ? 'a1' : null,
  text: 'x', intent: null, flaggedRules: [], createdAt: at(s), ...extra,
});
const conv = (id: string, extra: Partial<ConversationRow> = {}): ConversationRow => ({
  id, shopId: 's1', buyerId: `b-${id}`, assigneeId: null, status: 'closed', handoverReason: null, createdAt: T0, ...extra,
});

describe('T1 team figures', () => {
  it('T1 percentile is nearest-rank', () => {
    expect(percentile([5, 1, 3, 2, 4], 50)).toBe(3);
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 90)).toBe(9);
    expect(percentile([], 50)).toBeNull();
  });

  it('T1 first response and per-turn response times, attributed to the replier', () => {
    const r = responseTimes([msg('c', 1, 0, 'buyer'), msg('c', 2, 1, 'buyer'), msg('c', 3, 8, 'bot'), msg('c', 4, 20, 'buyer'), msg('c', 5, 50, 'agent')]);
    expect(r.first).toMatchObject({ seconds: 8, by: 'bot' });
    expect(r.turns.map((t) => [t.seconds, t.by])).toEqual([[8, 'bot'], [30, 'a1']]);
  });

  it('T1 conversion, AOV, refund and dispute rates, bot resolution and hand-over, interceptions by rule', () => {
    const conversations = [conv('c1'), conv('c2', { assigneeId: 'a1', handoverReason: 'human' }), conv('c3')];
    const messages = [
      msg('c1', 1, 0, 'buyer'), msg('c1', 2, 5, 'bot'),
      msg('c2', 1, 0, 'buyer'), msg('c2', 2, 15, 'agent', { flaggedRules: ['D1', 'D2'] }),
      msg('c3', 1, 0, 'buyer'), msg('c3', 2, 10, 'bot'),
    ];
    const orders = [
      { id: 'o1', shopId: 's1', buyerId: 'b-c1', paidFen: 10000, refundFen: 0, paidAt: at(3600) },
      { id: 'o2', shopId: 's1', buyerId: 'b-c2', paidFen: 20000, refundFen: 20000, paidAt: at(7200) },
      { id: 'o3', shopId: 's1', buyerId: 'b-zz', paidFen: 30000, refundFen: 0, paidAt: at(7200) },
    ];
    const cases = [{ orderId: 'o2', shopId: 's1', type: 'refund_only', platformDecided: true }];
    const { total, groups } = computeFigures({ conversations, messages, orders, cases, interceptions: [{ shopId: 's1', agentId: 'a1', rules: ['D1'], at: at(20) }] }, 'agent');
    expect(total.inquiries).toBe(3);
    expect(total.inquiryConversion).toBeCloseTo(2 / 3);
    expect(total.aovFen).toBe(20000);
    expect(total.refundRate).toBeCloseTo(1 / 3);
    expect(total.disputeRate).toBeCloseTo(1 / 3);
    expect(total.botResolution).toBeCloseTo(2 / 3);
    expect(total.handoverRate).toBeCloseTo(1 / 3);
    expect(total.interceptionsByRule).toEqual({ D1: 2, D2: 1 });
    expect(total.firstResponseP50).toBe(10);
    const a1 = groups.find((g) => g.key === 'a1')!.figures;
    expect(a1.firstResponseP50).toBe(15);
    expect(a1.inquiryConversion).toBe(1);
  });

  it('T1 groups by Beijing calendar day', () => {
    const late = new Date('2026-11-20T17:00:00Z'); // 01:00 on the 21st in Beijing
    const { groups } = computeFigures({ conversations: [conv('c', { createdAt: late })], messages: [], orders: [], cases: [] }, 'day');
    expect(groups.map((g) => g.key)).toEqual(['2026-11-21']);
  });
});

describe('T2 idle agents', () => {
  it('T2 flags an online agent with no reply for N minutes while buyers wait in their shop', () => {
    const now = at(3600);
    const agents = [
      { id: 'a1', displayName: '小美', presence: 'online' as const, shopIds: ['s1'], lastReplyAt: at(0), lastSeenAt: at(0) },
      { id: 'a2', displayName: '阿杰', presence: 'online' as const, shopIds: ['s1'], lastReplyAt: at(3500), lastSeenAt: at(0) },
      { id: 'a3', displayName: '离开', presence: 'away' as const, shopIds: ['s1'], lastReplyAt: null, lastSeenAt: at(0) },
      { id: 'a4', displayName: '别店', presence: 'online' as const, shopIds: ['s2'], lastReplyAt: null, lastSeenAt: at(0) },
    ];
    const idle = findIdleAgents(agents, [{ shopId: 's1', assigneeId: null, waitingSince: at(3000) }], now, 10);
    expect(idle).toEqual([{ agentId: 'a1', displayName: '小美', idleSeconds: 3600, waiting: 1 }]);
  });
});

describe('T3 answer consistency', () => {
  it('T3 flags different figures and opposite statements for one intent', () => {
    expect(polarity('亲，这款不包邮哦', '包邮')).toBe(-1);
    const found = findInconsistencies([
      { intent: 'ship_time', question: '几天发货', answer: '亲，48小时内发货', author: '小美' },
      { intent: 'ship_time', question: '什么时候发', answer: '72小时内发货哦', author: '阿杰' },
      { intent: 'shipping_fee', question: '包邮吗', answer: '亲，全场包邮', author: '小美' },
      { intent: 'shipping_fee', question: '包邮吗', answer: '这款不包邮哦', author: '阿杰' },
      { intent: 'stock', question: '有货吗', answer: '有货的亲', author: '小美' },
      { intent: 'stock', question: '有货吗', answer: '现在有货哦', author: '阿杰' },
    ]);
    expect(found.map((f) => f.intent).sort()).toEqual(['ship_time', 'shipping_fee']);
    expect(found.find((f) => f.intent === 'ship_time')!.reasonZh).toContain('48小时');
  });

  it('fills every Beijing day of the range, so the date axis never skips a day (issue 15)', () => {
    const from = new Date('2026-11-20T16:00:00Z'); // 11-21 00:00 Beijing
    const to = new Date('2026-11-24T15:59:59Z'); // 11-24 23:59 Beijing
    const late = new Date('2026-11-22T15:30:00Z'); // 11-22 23:30 Beijing
    const { groups } = computeFigures({ conversations: [conv('c', { createdAt: late })], messages: [], orders: [], cases: [] }, 'day');
    const filled = fillDays(groups, from, to);
    expect(filled.map((g) => g.key)).toEqual(['2026-11-21', '2026-11-22', '2026-11-23', '2026-11-24']);
    expect(filled[1]!.figures.conversations).toBe(1);
    expect(filled[0]!.figures.conversations).toBe(0);
  });
});

describe('C17/T2 presence minutes', () => {
  const defaults = { auto_away_minutes: 10, idle_alert_minutes: 30, offline_after_minutes: 3 };
  it('defaults, then the organisation, then the strictest of the shops the agent serves', () => {
    expect(presencePolicy(defaults, {})).toEqual({ autoAwayMinutes: 10, idleAlertMinutes: 30, offlineAfterMinutes: 3 });
    expect(presencePolicy(defaults, { autoAwayMinutes: 15 })).toMatchObject({ autoAwayMinutes: 15 });
    expect(presencePolicy(defaults, { autoAwayMinutes: 15 }, [{}, { auto_away_minutes: 5 }])).toMatchObject({ autoAwayMinutes: 5, idleAlertMinutes: 30 });
    expect(presencePolicy(defaults, {}, [{ idle_alert_minutes: 20 }, { idle_alert_minutes: 45 }])).toMatchObject({ idleAlertMinutes: 20, autoAwayMinutes: 10 });
  });
});

describe('T1 recommendations (C6)', () => {
  it('recommendation words, or an item the buyer had not named', () => {
    expect(isRecommendation('亲，推荐您看看这款', [], '')).toBe(true);
    expect(isRecommendation('亲，直筒牛仔裤和它很搭哦', ['直筒牛仔裤'], '这件T恤有M吗')).toBe(true);
    expect(isRecommendation('直筒牛仔裤有货的', ['直筒牛仔裤'], '直筒牛仔裤有货吗')).toBe(false);
    expect(isRecommendation('亲，在的', ['直筒牛仔裤'], '')).toBe(false);
  });
});
