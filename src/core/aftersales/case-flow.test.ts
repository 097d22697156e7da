import { describe, expect, it } from 'vitest';
import { loadProfiles } from '../rules/load-profiles.js';
import { caseChoices, caseTimeLimits, eventLabelZh, flowOf, flowPath, stepGuidance, type CaseFacts } from './case-flow.js';
import { checkEvidenceFile, checkEvidenceText, sniffMime } from './evidence-files.js';
import { checkRefundReason } from './refund-reasons.js';
import { refundNextSteps } from './refund-playbook.js';

const profiles = loadProfiles();
const base: CaseFacts = { type: 'return', state: '退款申请等待卖家确认中', flowStep: '等待买家寄回', amountFen: 10_000, compensationFen: 0, interventionAt: '2026-11-26T06:00:00.000Z', now: '2026-11-23T06:00:00.000Z', branded: null };

describe('case choices: the machine\'s valid events with money and deadline (A2, A4, A6)', () => {
  it('a refusal puts the amount plus the reason\'s compensation at risk until the intervention time', () => {
    const c = caseChoices(profiles.tmall, { ...base, compensationFen: 3000 }).find((x) => x.event === 'seller_refuse')!;
    expect(c.money).toMatchObject({ kind: 'at_risk', fen: 13_000 });
    expect(c.money.textZh).toContain('¥30.00');
    expect(c.deadline).toMatchObject({ kind: 'intervention', at: '2026-11-26T06:00:00.000Z' });
  });
  it('the flow is offered only in its active states, and hides the application events it drives', () => {
    expect(caseChoices(profiles.tmall, base).some((x) => x.machine === 'flow')).toBe(false);
    const received = caseChoices(profiles.tmall, { ...base, state: '买家已退货等待卖家确认收货', flowStep: '已收到退货' }).map((x) => x.event);
    expect(received).toEqual(expect.arrayContaining(['inspect_pass', 'inspect_fail', 'buyer_cancel', 'platform_intervene']));
    expect(received).not.toContain('seller_confirm_receipt');
    expect(received).not.toContain('seller_refuse');
  });
  it('a shop that sets the buyer\'s return window gets a dated deadline; without it the choice says so', () => {
    const p = { ...profiles.tmall, aftersales: { ...profiles.tmall.aftersales, time_limits: { ...profiles.tmall.aftersales.time_limits, buyer_return_days: 7 } } };
    expect(caseChoices(p, base).find((x) => x.event === 'seller_agree_return')!.deadline).toMatchObject({ at: '2026-11-30T06:00:00.000Z' });
    expect(caseChoices(profiles.tmall, base).find((x) => x.event === 'seller_agree_return')!.deadline!.textZh).toContain('店铺未设置');
  });
  it('a final state offers nothing; exchange and repair use the service machine', () => {
    expect(caseChoices(profiles.tmall, { ...base, state: '退款成功' })).toEqual([]);
    expect(caseChoices(profiles.jd, { ...base, type: 'repair', state: '售后申请等待卖家处理', flowStep: '等待买家寄修' }).map((x) => x.event).sort()).toEqual(['buyer_cancel', 'seller_agree', 'seller_refuse']);
    expect(flowOf(profiles.tmall, 'refund_only')).toBeNull();
  });
  it('guidance at the step: A10 before a repair is inspected, A9 after a failed inspection', () => {
    expect(stepGuidance(profiles.tmall, 'repair', '等待买家寄修', null, 'unclear').join('')).toContain('官方');
    expect(stepGuidance(profiles.tmall, 'return', '检验不通过', false, 'buyer_abuse').join('')).toContain('向平台申诉');
  });
});

describe('what the agent reads on a case (QA findings)', () => {
  it('on a return application a direct refund says the goods do not come back; on a refund-only one it stays 同意退款', () => {
    for (const p of ['taobao', 'tmall', 'jd', 'pdd'] as const) {
      const onReturn = caseChoices(profiles[p], { ...base, flowStep: null }).find((x) => x.event === 'seller_agree_refund')!;
      expect(onReturn.labelZh).toContain('免退货');
      expect(onReturn.money.kind).toBe('refund_now');
      const onRefund = caseChoices(profiles[p], { ...base, type: 'refund_only', flowStep: null }).find((x) => x.event === 'seller_agree_refund')!;
      expect(onRefund.labelZh).toBe('同意退款');
    }
  });
  it('timeline events read as the buttons did, the application as 买家提交售后申请, an unknown key as itself', () => {
    expect(eventLabelZh(profiles.tmall, 'return', 'apply')).toBe('买家提交售后申请');
    expect(eventLabelZh(profiles.tmall, 'return', 'seller_agree_return')).toBe('同意退货退款');
    expect(eventLabelZh(profiles.tmall, 'return', 'seller_agree_refund')).toContain('免退货');
    expect(eventLabelZh(profiles.tmall, 'repair', 'inspect_pass')).toBe('检验：问题属实');
    expect(eventLabelZh(profiles.tmall, 'return', 'made_up_event')).toBe('made_up_event');
  });
  it('the step indicator follows the way the case went, never a branch it did not take', () => {
    const repair = flowOf(profiles.tmall, 'repair')!;
    expect(flowPath(repair, null)).toEqual(['等待买家寄修', '已收到寄修商品', '检验通过', '已修好寄回']);
    expect(flowPath(repair, '检验通过')).toEqual(['等待买家寄修', '已收到寄修商品', '检验通过', '已修好寄回']);
    expect(flowPath(repair, '检验不通过')).toEqual(['等待买家寄修', '已收到寄修商品', '检验不通过', '原物已退回买家']);
    expect(flowPath(repair, '原物已退回买家')).toEqual(['等待买家寄修', '已收到寄修商品', '检验不通过', '原物已退回买家']);
    for (const type of ['return', 'exchange', 'repair'] as const) {
      const flow = flowOf(profiles.jd, type)!;
      for (const s of flow.machine.states) {
        const path = flowPath(flow, s);
        expect(path[0]).toBe(flow.machine.initial);
        expect(path).toContain(s);
        expect(new Set(path).size).toBe(path.length);
      }
    }
  });
});

describe('refund time limits: shop settings, marked unset without a seed figure', () => {
  it('unset limits say so; set ones give the due time and what auto-agree costs', () => {
    const unset = caseTimeLimits(profiles.tmall, { type: 'return', state: '退款申请等待卖家确认中', amountFen: 5000, appliedAt: base.now });
    expect(unset.map((l) => l.at)).toEqual([null, null]);
    expect(unset[1]!.textZh).toContain('店铺未设置');
    const p = { ...profiles.tmall, aftersales: { ...profiles.tmall.aftersales, time_limits: { ...profiles.tmall.aftersales.time_limits, seller_response_hours: 24, auto_agree_hours: 48 } } };
    const set = caseTimeLimits(p, { type: 'return', state: '退款申请等待卖家确认中', amountFen: 5000, appliedAt: base.now });
    expect(set[1]).toMatchObject({ at: '2026-11-25T06:00:00.000Z', exposureFen: 5000 });
    expect(set[1]!.textZh).toContain('¥50.00');
    expect(caseTimeLimits(p, { type: 'return', state: '退款成功', amountFen: 5000, appliedAt: base.now })).toEqual([]);
  });
});

describe('after-success advice does not contradict itself (A7)', () => {
  it('no "handle the refund yourself on the platform" beside "the platform cannot refund"', () => {
    const r = checkRefundReason(profiles.tmall, '收到商品破损', { shipped: true, outOfStock: false, late: false, paidAmountYuan: 10, tradeSucceeded: true });
    expect(r.adviceZh).toContain('转账');
    expect(r.adviceZh).not.toContain('自行处理退款');
    expect(refundNextSteps({ shipped: true, received: true, tradeSucceeded: true }).stepsZh.join('')).not.toContain('无法在平台直接退款');
  });
});

describe('evidence files (A11)', () => {
  it('tells the type by the bytes and refuses in Chinese', () => {
    expect(sniffMime(Uint8Array.from([0xff, 0xd8, 0xff, 0xe0]))).toBe('image/jpeg');
    expect(sniffMime(new TextEncoder().encode('hello'))).toBeNull();
    expect(() => checkEvidenceFile('photo', 'a.jpg', new TextEncoder().encode('hello'))).toThrow(/不是可用的照片/);
    expect(() => checkEvidenceFile('chat_excerpt', 'a.txt', new Uint8Array(3))).toThrow(/粘贴文字/);
    expect(() => checkEvidenceText('courier_record', '')).toThrow(/内容为空/);
  });
});
