// The 7-column Tmall order report (订单编号, 总金额, 买家实际支付金额, 收货地址 , 订单创建时间,
// 订单付款时间 , 退款金额). It has no state column, so the state is derived. Reading of the
// money columns, checked against the 28,010-row Feb 2020 report: for every paid order
// 买家实际支付金额 + 退款金额 = 总金额, i.e. 买家实际支付金额 is what the buyer paid net of
// refunds. Hence:
//   no payment time and nothing paid            → awaiting payment (等待买家付款)
//   paid, and refunded in full (net paid 0)     → closed (交易关闭, closed by refund)
//   otherwise                                   → awaiting shipment (买家已付款,等待卖家发货: the
//                                                 report cannot say whether it shipped; a richer
//                                                 file updates it)
// paid_fen stores the gross amount paid (net + refund) and refund_fen the refund, so
// paid_fen - refund_fen is the report's 买家实际支付金额.
import { provinceOf } from '../province.js';
import type { NormalisedOrder, OrderFileFormat, Row } from '../types.js';
import { money, orderNo, text, time } from './fields.js';

function toOrder(row: Row): NormalisedOrder {
  const totalFen = money(row, '总金额') ?? 0;
  const netPaid = money(row, '买家实际支付金额') ?? 0;
  const refundFen = money(row, '退款金额') ?? 0;
  const paidAt = time(row, '订单付款时间');
  const address = text(row, '收货地址');
  const paid = paidAt !== undefined || netPaid > 0;
  let state: NormalisedOrder['state'] = 'awaitingShipment';
  if (!paid) state = 'awaitingPayment';
  else if (refundFen > 0 && netPaid === 0) state = 'closed';
  return {
    platformOrderNo: orderNo(row, '订单编号'),
    state,
    totalFen,
    paidFen: paid ? netPaid + refundFen : 0,
    refundFen,
    orderedAt: time(row, '订单创建时间'),
    paidAt,
    // 收货地址 here holds only the province: it gives the region, and is not a receiver address
    // (it must not overwrite the full one an order list brought).
    region: provinceOf(address),
    lineSource: 'none',
    lines: [],
    extra: address ? { 收货地址: address } : {},
  };
}

export const tmallOrderReport: OrderFileFormat = {
  id: 'tmall-order-report',
  nameZh: '天猫订单报表（7 列）',
  platforms: ['tmall', 'taobao'],
  required: ['订单编号', '总金额', '买家实际支付金额', '收货地址', '订单创建时间', '订单付款时间', '退款金额'],
  grouped: false,
  orderNo: (row) => orderNo(row, '订单编号'),
  toOrder,
};
