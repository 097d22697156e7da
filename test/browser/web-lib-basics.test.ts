// Pure helpers of the workbench basics (issue 15), without a browser: the inbox order with buyers
// waiting for a person on top, readable web-visitor names, the side panel's money per currency
// (unpaid shown as 未付款, closed and unpaid orders not at stake), shortcuts, English labels.
import { describe, expect, it } from 'vitest';
import { accountLabel, buyerName, compareInbox, stageIntentPills, waitingSeconds } from '../../web/src/lib/queue.js';
import { moneyAtStake, orderAmount } from '../../web/src/lib/order-money.js';
import { shortcutOf } from '../../web/src/lib/shortcuts.js';
import { deadlineLabel, formatDateTime, ruleOptionLabel, intentLabel, logisticsStatusLabel, money, orderStateLabel, releasedMark, setLocale, stageLabel } from '../../web/src/i18n.js';
import type { ConversationSummary, OrderSummary } from '../../web/src/lib/types.js';

const conv = (id: string, extra: Partial<ConversationSummary>): ConversationSummary => ({
  id, shopId: 's', shopName: '店', platform: 'tmall', buyer: { id, nickname: null, platformAccount: id }, channel: 'bridge',
  status: 'bot', stage: 'greeting', lastIntent: null, priority: 0, assigneeId: null, handoverReason: null,
  waitingSince: null, waitedSeconds: null, firstReplyTargetSeconds: null, nearTarget: false, awaitingFirstResponse: false,
  firstBuyerMessageAt: null, firstResponseAt: null, lastMessageAt: null, lastText: null, interest: { level: 'ok' },
  escalation: null, ...extra,
});
const order = (extra: Partial<OrderSummary>): OrderSummary => ({
  id: 'o', platformOrderNo: '1', state: '交易成功', totalFen: 0, paidFen: 0, refundFen: 0, orderedAt: null, lines: [], ...extra,
});

describe('workbench basics helpers (issue 15)', () => {
  it('a buyer handed to a person leads the inbox (after escalations), waiting since the hand-over message', () => {
    const list = [
      conv('new', { awaitingFirstResponse: true, waitingSince: '2026-11-23T09:59:00Z', firstBuyerMessageAt: '2026-11-23T09:59:00Z' }),
      conv('human-late', { status: 'queued', handoverReason: 'human', lastMessageAt: '2026-11-23T09:50:00Z' }),
      conv('human-early', { status: 'queued', handoverReason: 'human', lastMessageAt: '2026-11-23T09:40:00Z' }),
      conv('escalated', { priority: 10 }),
      conv('idle', { lastMessageAt: '2026-11-23T10:00:00Z' }),
    ];
    expect(list.sort(compareInbox).map((c) => c.id)).toEqual(['escalated', 'human-early', 'human-late', 'new', 'idle']);
    const now = Date.parse('2026-11-23T10:00:00Z');
    expect(waitingSeconds(list[1]!, now)).toBe(1200);
    expect(waitingSeconds(conv('idle', { lastMessageAt: '2026-11-23T09:00:00Z' }), now)).toBeNull();
  });

  it("a seller's dxe chat test (channel cli) stays below every buyer in the inbox, even handed over and escalated", () => {
    const list = [
      conv('test-handed-over', { channel: 'cli', status: 'queued', priority: 10, handoverReason: 'human', lastMessageAt: '2026-11-23T09:00:00Z' }),
      conv('idle', { lastMessageAt: '2026-11-23T08:00:00Z' }),
      conv('human', { status: 'queued', handoverReason: 'human', lastMessageAt: '2026-11-23T09:50:00Z' }),
    ];
    expect(list.sort(compareInbox).map((c) => c.id)).toEqual(['human', 'idle', 'test-handed-over']);
  });

  it('web-chat buyers get a readable name; nicknames win', () => {
    const label = (code: string) => `网页访客 ${code}`;
    expect(buyerName({ nickname: null, platformAccount: 'web:9f2c1e7a-55d0-4c1b-a7e2-3f9ab04c12de' }, label)).toBe('网页访客 12DE');
    expect(buyerName({ nickname: '小雨', platformAccount: 'web:abc' }, label)).toBe('小雨');
    expect(buyerName({ nickname: null, platformAccount: 'tb_1001' }, label)).toBe('tb_1001');
  });

  it('the side panel: unpaid shows 未付款 with the price; closed and unpaid orders are not at stake; currencies never mix', () => {
    setLocale('zh-CN');
    expect(orderAmount(order({ phase: 'unpaid', totalFen: 9900, paidFen: 0 }))).toBe('未付款（下单价 ¥99.00）');
    expect(orderAmount(order({ phase: 'paid', totalFen: 15900, paidFen: 15900 }))).toBe('¥159.00');
    const usd = order({ phase: 'paid', currency: 'USD', totalFen: 0, paidFen: 0, totalMinor: 2599, paidMinor: 2599 });
    expect(orderAmount(usd)).toContain('25.99');
    expect(orderAmount(usd)).toMatch(/US\$|USD/);
    expect(
      moneyAtStake([
        order({ phase: 'paid', paidFen: 15900 }),
        order({ phase: 'closed', paidFen: 5000 }),
        order({ phase: 'unpaid', totalFen: 9900 }),
        order({ phase: 'succeeded', paidFen: 2000, refundFen: 500 }),
        usd,
      ]),
    ).toEqual([{ currency: 'CNY', minor: 17400 }, { currency: 'USD', minor: 2599 }]);
    expect(money(2599, 'USD')).toMatch(/25\.99/);
  });

  it('shortcuts: Alt+letters act even while typing; ? only outside a text field', () => {
    const input = { tagName: 'TEXTAREA', isContentEditable: false } as unknown as EventTarget;
    const body = { tagName: 'BODY', isContentEditable: false } as unknown as EventTarget;
    const k = (x: Partial<KeyboardEvent>) => ({ altKey: false, ctrlKey: false, metaKey: false, code: '', key: '', target: body, ...x });
    expect(shortcutOf(k({ altKey: true, code: 'KeyN', key: '˜', target: input }))).toBe('next');
    expect(shortcutOf(k({ altKey: true, code: 'KeyT' }))).toBe('take');
    expect(shortcutOf(k({ altKey: true, code: 'KeyH' }))).toBe('handback');
    expect(shortcutOf(k({ key: '?' }))).toBe('help');
    expect(shortcutOf(k({ key: '?', target: input }))).toBeNull();
    expect(shortcutOf(k({ key: 'n' }))).toBeNull();
  });

  it('English mode: order states by phase and deadlines by kind', () => {
    setLocale('en');
    try {
      expect(orderStateLabel('买家已付款,等待卖家发货', 'paid')).not.toMatch(/[\u4e00-\u9fa5]/);
      expect(deadlineLabel('ship_by', '发货时限')).toBe('Ship by');
    } finally {
      setLocale('zh-CN');
    }
    expect(orderStateLabel('买家已付款,等待卖家发货', 'paid')).toBe('买家已付款,等待卖家发货');
    expect(deadlineLabel('ship_by', '发货时限')).toBe('发货时限');
  });

  it('a sent message the guard had blocked reads 主管放行 with its rule, never 已拦截 (D)', () => {
    const released = releasedMark({ verdict: 'block', violations: [{ rule: 'D4', severity: 'block' }, { rule: 'D10', severity: 'warn' }] });
    expect(released).toContain('主管放行');
    expect(released).toContain('发票');
    expect(released).not.toMatch(/拦截|D10/);
    expect(releasedMark({ verdict: 'warn', violations: [] })).toBeNull();
    expect(releasedMark(null)).toBeNull();
  });

  it('a queue row says 议价 once when the stage and the intent read the same', () => {
    expect(stageIntentPills(stageLabel('bargain'), intentLabel('bargain'))).toEqual({ stage: '议价', intent: null });
    expect(stageIntentPills(stageLabel('inquire'), intentLabel('invoice')).intent).not.toBeNull();
  });

  it('dates follow the app language in Beijing time, whatever the browser; parcel statuses read as words', () => {
    const at = '2026-12-03T13:48:45Z'; // 21:48 in Beijing
    expect(formatDateTime(at)).toBe('2026/12/03 21:48');
    expect(formatDateTime(at, { date: false })).toBe('21:48:45');
    expect(formatDateTime(null)).toBe('');
    expect(logisticsStatusLabel('collected')).toBe('已揽收');
    expect(logisticsStatusLabel('in_transit')).toBe('运输中');
    setLocale('en');
    try {
      expect(formatDateTime(at)).toBe('03/12/2026, 21:48');
      expect(logisticsStatusLabel('in_transit')).toBe('in transit');
    } finally {
      setLocale('zh-CN');
    }
  });

  it('the side panel shows a web visitor\'s account by its visitor name, not web:d30f…', () => {
    expect(accountLabel('web:d30f1f43c8804700abcd', (c) => `网页访客 ${c}`)).toBe('网页访客 ABCD');
    expect(accountLabel('tb_momo2019', (c) => c)).toBe('tb_momo2019');
    expect(accountLabel(null, (c) => c)).toBeNull();
  });

  it('rule form options read as words', () => {
    expect(ruleOptionLabel('ceil_to_whole_kg')).toBe('向上取整到 1 公斤');
    expect(ruleOptionLabel('tmall_points')).toBe('天猫积分');
  });
});
