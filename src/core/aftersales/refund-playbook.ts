// Refund handling playbook (A7, seed 004) as suggested next steps, and the invoice action per
// resolution (A3, seed 001).
import type { Profile } from '../rules/schema.js';

export type RefundSituation =
  | 'not_shipped'
  | 'shipped_not_received'
  | 'courier_lost'
  | 'received_return'
  | 'received_no_return'
  | 'partial_refund'
  | 'after_trade_success';

export const PLAYBOOK_ZH: Record<RefundSituation, readonly string[]> = {
  not_shipped: ['确认仓库尚未发货', '作废快递单，取消发货', '直接为买家办理退款'],
  shipped_not_received: [
    '联系买家说明包裹已发出',
    '请买家到货时拒收',
    '拒绝退款协议时上传发货凭证、聊天记录与买家退款说明',
    '包裹退回后为买家退款',
  ],
  courier_lost: ['反馈主管并做好订单备注', '为买家办理退款', '向快递公司追责'],
  received_return: ['同意退货退款协议', '等待买家填写退货物流单号', '收到退货后核实商品状态', '为买家退款'],
  received_no_return: ['联系买家核实具体情况', '协商处理方案（仅退款或补偿）'],
  partial_refund: ['联系买家核实具体情况', '协商部分退款金额'],
  after_trade_success: [
    '交易成功后平台上不能再直接退款，改为核实后直接转账',
    '收到并核实买家寄回的商品',
    '与买家核实收款账号、姓名与退款金额',
    '直接转账到买家账户',
  ],
};

export interface SituationFacts {
  shipped: boolean;
  received: boolean;
  lostByCourier?: boolean | undefined;
  returningGoods?: boolean | undefined;
  partial?: boolean | undefined;
  tradeSucceeded?: boolean | undefined;
}

export function refundSituation(f: SituationFacts): RefundSituation {
  if (f.tradeSucceeded) return 'after_trade_success';
  if (!f.shipped) return 'not_shipped';
  if (f.lostByCourier) return 'courier_lost';
  if (!f.received) return 'shipped_not_received';
  if (f.partial) return 'partial_refund';
  return f.returningGoods ? 'received_return' : 'received_no_return';
}

export function refundNextSteps(f: SituationFacts): { situation: RefundSituation; stepsZh: readonly string[] } {
  const situation = refundSituation(f);
  return { situation, stepsZh: PLAYBOOK_ZH[situation] };
}

export type Resolution = 'return' | 'exchange' | 'repair';

/** A3: return → 红冲, exchange → 背书, repair → send the original invoice back. */
export function invoiceAction(profile: Pick<Profile, 'aftersales'>, resolution: Resolution): string {
  return profile.aftersales.invoice_by_resolution[resolution];
}
