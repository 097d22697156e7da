// Pure helpers of the web UI (no browser): queue order (C2) and split preview (C4) as the web uses
// them (the server's own, from src/core/contract), guard underline segments (D), answer
// placeholders (C12), i18n formatting.
import { describe, expect, it } from 'vitest';
import { compareQueue } from '../../src/core/contract/queue-order.js';
import { splitReply } from '../../src/core/contract/split-reply.js';
import { matchesFilter } from '../../web/src/lib/queue.js';
import { segmentsOf } from '../../web/src/lib/segments.js';
import { fillKnown, openPlaceholders } from '../../web/src/lib/placeholders.js';
import { answerKeyLabel, duration, t, yuan } from '../../web/src/i18n.js';
import type { ConversationSummary } from '../../web/src/lib/types.js';

const conv = (id: string, extra: Partial<ConversationSummary>): ConversationSummary => ({
  id, shopId: 's', shopName: '店', platform: 'tmall', buyer: { id, nickname: null, platformAccount: id }, channel: 'bridge',
  status: 'queued', stage: 'greeting', lastIntent: null, priority: 0, assigneeId: null, handoverReason: null,
  waitingSince: null, waitedSeconds: null, firstReplyTargetSeconds: null, nearTarget: false, awaitingFirstResponse: false,
  firstBuyerMessageAt: null, firstResponseAt: null, lastMessageAt: null, lastText: null, interest: { level: 'ok' },
  escalation: null, ...extra,
});

describe('web helpers', () => {
  it('C2 queue: escalations first, then buyers awaiting a first reply (oldest first), then other waiting, then idle', () => {
    const list = [
      conv('idle', { status: 'bot', lastMessageAt: '2026-11-23T10:00:00Z' }),
      conv('waiting', { waitingSince: '2026-11-23T09:00:00Z', firstResponseAt: '2026-11-23T08:00:00Z' }),
      conv('new-late', { awaitingFirstResponse: true, waitingSince: '2026-11-23T09:59:00Z', firstBuyerMessageAt: '2026-11-23T09:59:00Z' }),
      conv('new-early', { awaitingFirstResponse: true, waitingSince: '2026-11-23T09:58:00Z', firstBuyerMessageAt: '2026-11-23T09:58:00Z' }),
      conv('escalated', { priority: 10 }),
    ];
    expect(list.sort(compareQueue).map((c) => c.id)).toEqual(['escalated', 'new-early', 'new-late', 'waiting', 'idle']);
    expect(matchesFilter(conv('x', { buyer: { id: 'x', nickname: '爱穿搭的小雨', platformAccount: 'x' } }), '小雨')).toBe(true);
  });

  it('C2 queue: a closed chat sorts like the server sorts it — with the idle ones, latest message first', () => {
    const list = [
      conv('idle-older', { status: 'bot', lastMessageAt: '2026-11-23T08:00:00Z' }),
      conv('closed-recent', { status: 'closed', lastMessageAt: '2026-11-23T09:00:00Z' }),
    ];
    expect(list.sort(compareQueue).map((c) => c.id)).toEqual(['closed-recent', 'idle-older']);
  });

  it('C4 split preview: one line each, long lines cut at sentence ends', () => {
    expect(splitReply('亲，在的\n\n请问要什么码？')).toEqual(['亲，在的', '请问要什么码？']);
    const long = '亲，这款卫衣是加绒的，冬天穿很暖和。我们今天16点前下单都是当天发货的哦。还有满199减20的优惠券可以领取！';
    const parts = splitReply(long);
    expect(parts.length).toBeGreaterThan(1);
    expect(parts.join('')).toBe(long);
  });

  it('D guard segments mark the violating spans', () => {
    expect(segmentsOf('加我微信abc', [[2, 7]])).toEqual([{ text: '加我', flagged: false }, { text: '微信abc', flagged: true }]);
  });

  it('C12 placeholders: known ones filled, the rest listed', () => {
    const text = fillKnown('我是{shop.agent}，{item.title}有货', { 'shop.agent': '小美' });
    expect(text).toBe('我是小美，{item.title}有货');
    expect(openPlaceholders(text)).toEqual(['{item.title}']);
  });

  it('i18n: Chinese by default, money in yuan, durations, answer keys', () => {
    expect(t('inbox.waiting', { t: duration(125) })).toBe('已等待 2分05秒');
    expect(yuan(15900)).toBe('¥159.00');
    expect(answerKeyLabel('stock.in')).toBe('库存·有货');
    expect(answerKeyLabel('verify.unfillable')).toBe('核对订单·无法履约');
    expect(answerKeyLabel('clarify')).toBe('请买家说明');
  });
});
