import { describe, expect, it } from 'vitest';
import { loadProfiles } from '../rules/load-profiles.js';
import { PLATFORMS } from '../platforms.js';
import { isRefundFinal, refundEventsFrom, refundTransition } from './refund-machine.js';

const profiles = loadProfiles();
const S = {
  wait: '退款申请等待卖家确认中',
  refused: '卖家不同意等待买家修改',
  agreed: '退款申请达成等待买家发货',
  returned: '买家已退货等待卖家确认收货',
  closed: '退款关闭',
  done: '退款成功',
};
const EVENTS = ['seller_refuse', 'buyer_modify', 'seller_agree_return', 'seller_agree_refund', 'buyer_ship_return', 'seller_confirm_receipt', 'buyer_cancel'];

// Every (state, event) of EVAL §3 and the answer; anything not listed is refused.
const ALLOWED: Record<string, Record<string, string>> = {
  [S.wait]: { seller_refuse: S.refused, seller_agree_return: S.agreed, seller_agree_refund: S.done, buyer_cancel: S.closed },
  [S.refused]: { buyer_modify: S.wait, buyer_cancel: S.closed },
  [S.agreed]: { buyer_ship_return: S.returned, buyer_cancel: S.closed },
  [S.returned]: { seller_confirm_receipt: S.done, seller_refuse: S.refused, buyer_cancel: S.closed },
  [S.closed]: {},
  [S.done]: {},
};

describe('refund machine (A4, EVAL §3 refund_transition)', () => {
  const cases = PLATFORMS.flatMap((platform) =>
    Object.entries(ALLOWED).flatMap(([state, allowed]) =>
      EVENTS.map((event) => [platform, state, event, allowed[event] ?? null] as const),
    ),
  );
  it.each(cases)('%s: %s + %s → %s', (platform, state, event, next) => {
    const r = refundTransition(profiles[platform], state, event);
    expect({ ok: r.ok, next: r.next }).toEqual({ ok: next !== null, next });
  });
  it('accepts the seed\'s comma spelling of a state', () => {
    expect(refundTransition(profiles.tmall, '卖家不同意，等待买家修改', 'buyer_modify')).toEqual({ ok: true, next: S.wait });
    expect(refundTransition(profiles.tmall, '买家已退货,等待卖家确认收货', 'seller_confirm_receipt')).toEqual({ ok: true, next: S.done });
  });
  it('final states allow nothing', () => {
    for (const f of ['退款关闭', '退款成功', '退款成功垫付成功', '退款关闭垫付成功']) {
      expect(isRefundFinal(profiles.tmall, f)).toBe(true);
      expect(refundEventsFrom(profiles.tmall, f)).toEqual([]);
    }
  });
  it('an unknown state or event is refused with a reason', () => {
    const r = refundTransition(profiles.tmall, '不存在的状态', 'buyer_cancel');
    expect(r.ok).toBe(false);
    expect(refundTransition(profiles.tmall, S.wait, 'dance').ok).toBe(false);
  });
  it('runs the platform advance-payment (垫付) path', () => {
    const p = profiles.tmall;
    const path: [string, string][] = [
      ['platform_intervene', '客服已介入先行垫付进行中'],
      ['platform_advance_return_required', '垫付完成等待买家退货'],
      ['buyer_ship_return', '垫付完成等待卖家确认收货'],
      ['seller_refuse', '垫付完成卖家拒绝退款'],
      ['platform_rule_for_seller', '退款关闭垫付成功'],
    ];
    let state = S.refused;
    for (const [event, next] of path) {
      const r = refundTransition(p, state, event);
      expect(r).toEqual({ ok: true, next });
      state = next;
    }
    expect(refundTransition(p, '垫付完成买家未收到货等待卖家确认', 'seller_confirm')).toEqual({ ok: true, next: '退款成功垫付成功' });
  });
});

describe('per-platform refund machines (A4, issue 15): where the seeds differ', () => {
  const D = { opened: '买家已提起纠纷等待卖家响应', responded: '卖家已响应纠纷等待买家回复', ruling: '速卖通平台裁决中' };
  const ADVANCE = '客服已介入先行垫付进行中';
  // One row per (platform, state, event) where the platforms differ; null = refused.
  const TABLE: [string, string, string, string | null][] = [
    // Tmall's 垫付 (004): Taobao, Tmall, JD and PDD (no seed of their own) run it; AliExpress does not.
    ...(['taobao', 'tmall', 'jd', 'pdd'] as const).flatMap((p) => [
      [p, S.refused, 'platform_intervene', ADVANCE],
      [p, S.returned, 'platform_intervene', ADVANCE],
      [p, ADVANCE, 'platform_advance_return_required', '垫付完成等待买家退货'],
      [p, D.opened, 'seller_respond', null],
      [p, S.wait, 'seller_respond', null],
    ] as [string, string, string, string | null][]),
    // AliExpress (003): the dispute, the seller's response, the platform's ruling.
    ['aliexpress', S.refused, 'platform_intervene', D.ruling],
    ['aliexpress', S.returned, 'platform_intervene', D.ruling],
    ['aliexpress', ADVANCE, 'platform_advance_return_required', null],
    ['aliexpress', D.opened, 'seller_respond', D.responded],
    ['aliexpress', D.opened, 'seller_agree_refund', S.done],
    ['aliexpress', D.opened, 'seller_agree_return', S.agreed],
    ['aliexpress', D.opened, 'buyer_cancel', S.closed],
    ['aliexpress', D.opened, 'platform_intervene', null],
    ['aliexpress', D.opened, 'seller_refuse', null],
    ['aliexpress', D.responded, 'platform_intervene', D.ruling],
    ['aliexpress', D.responded, 'buyer_cancel', S.closed],
    ['aliexpress', D.responded, 'seller_respond', null],
    ['aliexpress', D.ruling, 'platform_rule_for_buyer', S.done],
    ['aliexpress', D.ruling, 'platform_rule_for_seller', S.closed],
    ['aliexpress', D.ruling, 'seller_agree_refund', null],
  ];
  it.each(TABLE)('%s: %s + %s → %s', (platform, state, event, next) => {
    const r = refundTransition(profiles[platform as keyof typeof profiles], state, event);
    expect({ ok: r.ok, next: r.next }).toEqual({ ok: next !== null, next });
  });

  it('each platform starts where its seed says an application starts, and says where its machine comes from', () => {
    const initial = Object.fromEntries(PLATFORMS.map((p) => [p, profiles[p].refunds.machine.initial]));
    expect(initial).toEqual({ taobao: S.wait, tmall: S.wait, jd: S.wait, pdd: S.wait, aliexpress: D.opened });
    for (const p of PLATFORMS) expect(profiles[p].refunds.machine.source.seed).toBe(p === 'aliexpress' ? '003' : '004');
    expect(profiles.jd.refunds.machine.source.note).toContain('种子未描述京东');
    expect(profiles.pdd.refunds.machine.source.note).toContain('种子未描述拼多多');
  });

  it('AliExpress has no advance-payment states; its finals allow nothing', () => {
    expect(profiles.aliexpress.refunds.machine.states.some((s) => s.includes('垫付'))).toBe(false);
    for (const f of [S.closed, S.done]) expect(refundEventsFrom(profiles.aliexpress, f)).toEqual([]);
    expect(refundEventsFrom(profiles.aliexpress, D.opened).sort()).toEqual(['buyer_cancel', 'seller_agree_refund', 'seller_agree_return', 'seller_respond']);
  });
});
