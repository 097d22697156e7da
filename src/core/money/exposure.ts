// Penalty exposure of an open order (N5): what a late shipment costs now if the seller pays
// before the platform rules, what it costs if the platform rules first, what it will cost at the
// next deadline, and the advice to pay proactively when that is cheaper (001).
import { formatInstant } from '../rules/instant.js';
import { formatBeijing } from '../time/beijing-time.js';
import type { Profile } from '../rules/schema.js';
import { fenToYuan, majorText, yuanToFen, type Fen } from './fen.js';
import { lateCompensationFen, lateShipment, termsInCurrency, type LateShipmentInput } from './late-shipment.js';

export interface Cost {
  /** Paid to the buyer. */
  compensation: number;
  /** Paid again to the platform after an upheld complaint (001). */
  platformRepay: number;
  points: number;
}

export interface Exposure {
  late: boolean;
  deadline: string | null;
  /** Cost if the seller pays the buyer now, before any ruling. */
  payNow: Cost;
  /** Cost if the buyer complains and the platform rules first. */
  ifPlatformRules: Cost;
  /** For an order not yet late: the cost that starts at the deadline. */
  atDeadline: { at: string; cost: Cost } | null;
  adviceZh: string;
}

const ZERO: Cost = { compensation: 0, platformRepay: 0, points: 0 };

function costs(fen: Fen, profile: Pick<Profile, 'late_shipment'>): { payNow: Cost; ifRules: Cost } {
  const t = profile.late_shipment;
  const yuan = fenToYuan(fen);
  return {
    payNow: { compensation: yuan, platformRepay: 0, points: 0 },
    ifRules: {
      compensation: yuan,
      platformRepay: t.repay_platform_after_upheld_complaint ? yuan : 0,
      points: t.points_if_unpaid_before_ruling,
    },
  };
}

export function lateShipmentExposure(
  input: LateShipmentInput,
  profile: Pick<Profile, 'shipping' | 'late_shipment'>,
): Exposure {
  const r = lateShipment(input, profile);
  if (r.deadline === null || r.deadlineMs === null) {
    return { late: false, deadline: null, payNow: ZERO, ifPlatformRules: ZERO, atDeadline: null, adviceZh: '买家尚未付款，发货时限从付款起算。' };
  }
  const unit = profile.late_shipment.paid_in === 'tmall_points' ? '（以天猫积分支付）' : '';
  if (!r.late) {
    const fen = lateCompensationFen(yuanToFen(input.paidAmountYuan), termsInCurrency(profile.late_shipment, input.currency));
    const c = costs(fen, profile);
    const shipped = input.shippedAt !== null;
    return {
      late: false,
      deadline: r.deadline,
      payNow: ZERO,
      ifPlatformRules: ZERO,
      atDeadline: shipped ? null : { at: r.deadline, cost: c.ifRules },
      adviceZh: shipped
        ? '已按时发货，没有延迟发货风险。'
        : `请在 ${formatBeijing(r.deadline) || r.deadline}（北京时间）前发货；逾期需赔付 ${majorText(c.payNow.compensation, input.currency)}${unit}。`,
    };
  }
  const c = costs(r.compensationFen, profile);
  const saved = c.ifRules.platformRepay > 0 || c.ifRules.points > 0;
  const extra = [
    c.ifRules.points > 0 ? `扣 ${c.ifRules.points} 分` : '',
    c.ifRules.platformRepay > 0 ? `再向平台支付 ${majorText(c.ifRules.platformRepay, input.currency)}` : '',
  ].filter(Boolean).join('，');
  return {
    late: true,
    deadline: r.deadline,
    payNow: c.payNow,
    ifPlatformRules: c.ifRules,
    atDeadline: null,
    adviceZh: saved
      ? `已超过发货时限（${formatInstant(r.deadlineMs, null)}）。建议在平台判定前主动赔付买家 ${majorText(c.payNow.compensation, input.currency)}${unit}；等平台判定还要${extra}。`
      : `已超过发货时限，应赔付买家 ${majorText(c.payNow.compensation, input.currency)}${unit}，请尽快发货并与买家沟通。`,
  };
}
