// Refund reasons by order state and the compensation check (A5, seed 001). A reason such as
// 缺货 or 未按约定时间发货 makes the seller pay compensation; when it is not true, the seller asks
// the buyer to change it, and failing that asks the platform to step in.
import { lateCompensationFen, termsInCurrency } from '../money/late-shipment.js';
import { fenToYuan, majorText, yuanToFen } from '../money/fen.js';
import type { Profile } from '../rules/schema.js';

export function refundReasonsFor(profile: Pick<Profile, 'aftersales'>, shipped: boolean): string[] {
  return shipped ? profile.aftersales.reasons.shipped : profile.aftersales.reasons.unshipped;
}

export interface ReasonFacts {
  shipped: boolean;
  /** Whether the item really was out of stock. */
  outOfStock: boolean;
  /** Whether the order really missed its ship-by deadline. */
  late: boolean;
  paidAmountYuan: number;
  /** O2: the currency of `paidAmountYuan` (major units of it); CNY when absent. */
  currency?: string | undefined;
  /** After the trade succeeded the platform no longer refunds directly (A7): the seller transfers. */
  tradeSucceeded?: boolean | undefined;
}

export interface ReasonCheck {
  /** The reason is one the platform offers in this order state. */
  validForState: boolean;
  triggersCompensation: boolean;
  /** The compensation the reason would cost, in yuan — in major units of `facts.currency` when given (0 when it does not trigger any). */
  compensation: number;
  /** The reason claims a fact that is not true: ask the buyer to change it. */
  untrue: boolean;
  adviceZh: string;
}

export function checkRefundReason(
  profile: Pick<Profile, 'aftersales' | 'late_shipment'>,
  reason: string,
  facts: ReasonFacts,
): ReasonCheck {
  const validForState = refundReasonsFor(profile, facts.shipped).includes(reason);
  const rule = profile.aftersales.compensation_reasons[reason];
  if (!rule) {
    return {
      validForState,
      triggersCompensation: false,
      compensation: 0,
      untrue: false,
      adviceZh: validForState
        ? facts.tradeSucceeded
          ? '该退款原因不涉及赔付；交易已成功，平台上不能直接退款，请核实寄回的商品和买家的收款账号后直接转账。'
          : '该退款原因不涉及赔付，核实情况后可在平台同意退款。'
        : `该原因不适用于${facts.shipped ? '已发货' : '未发货'}的订单，请与买家核实。`,
    };
  }
  const holds = rule.fact === 'out_of_stock' ? facts.outOfStock : facts.late;
  const compensation = fenToYuan(lateCompensationFen(yuanToFen(facts.paidAmountYuan), termsInCurrency(profile.late_shipment, facts.currency)));
  return {
    validForState,
    triggersCompensation: true,
    compensation,
    untrue: !holds,
    adviceZh: holds
      ? `退款原因「${reason}」属实，需按规则赔付 ${majorText(compensation, facts.currency)}；建议主动处理，避免平台介入。`
      : `退款原因「${reason}」与事实不符且会触发赔付（${majorText(compensation, facts.currency)}）：请先联系买家修改退款原因；联系不上再申请平台小二介入。`,
  };
}
