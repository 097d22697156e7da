// JD 商家后台 / 京麦 order list (订单导出 → 订单列表), one row per ordered SKU: order-level columns
// (amounts, times, receiver) repeat on every row of the order. Unlike the settlement file, it has
// the payment time (付款确认时间) and the ship time (出库时间), so JD orders get a ship-by deadline
// (O3). The column names are those of JD's order export (docs/cli-contracts.md §4 says where they
// come from); alternatives written by other export versions are accepted where known.
import { provinceOf } from '../province.js';
import { jdState } from '../order-states.js';
import type { NormalisedOrder, OrderFileFormat, Row } from '../types.js';
import { count, extras, money, orderNo, text, time } from './fields.js';

const KEPT = [
  '订单类型', '支付方式', '订单来源', '订单渠道', '结算金额', '余额支付', '发票类型', '发票抬头', '发票内容',
  '商家备注等级', '仓库名称', '送装服务', '服务费', '京东价', '订单金额',
];

function toOrder(row: Row): NormalisedOrder {
  const skuId = text(row, ['商品ID', '商品编号', 'SKU']);
  const title = row.get('商品名称');
  const qty = count(row, ['订购数量', '商品数量']) ?? 1;
  const unitFen = money(row, ['京东价', '商品单价']);
  const address = text(row, ['客户地址', '收货地址']);
  const stateWord = row.get('订单状态');
  return {
    platformOrderNo: orderNo(row, '订单号'),
    state: jdState(stateWord),
    stateWord,
    totalFen: money(row, ['订单金额', '应付金额']),
    paidFen: money(row, '应付金额'),
    shippingFen: money(row, ['运费金额', '运费']),
    orderedAt: time(row, '下单时间'),
    paidAt: time(row, ['付款确认时间', '付款时间', '支付时间']),
    shippedAt: time(row, ['出库时间', '发货时间']),
    completedAt: time(row, ['订单完成时间', '完成时间']),
    buyerAccount: text(row, ['下单帐号', '下单账号']),
    receiverName: text(row, ['客户姓名', '收货人']),
    receiverPhone: text(row, ['联系电话', '收货人电话']),
    receiverAddress: address,
    region: provinceOf(address),
    courier: text(row, ['承运商', '快递公司']),
    trackingNo: text(row, ['运单号', '快递单号']),
    buyerNote: text(row, '订单备注'),
    sellerNote: text(row, '商家备注'),
    lineSource: 'detail',
    lines: [
      {
        key: `jd:${skuId ?? title}`,
        title,
        sku: text(row, ['货号', '商家SKUID']) ?? skuId,
        qty,
        priceFen: unitFen ?? 0,
      },
    ],
    extra: extras(row, KEPT),
  };
}

/** Further rows of an order add their SKU line; the order-level columns are the same on each. */
function merge(a: NormalisedOrder, b: NormalisedOrder): NormalisedOrder {
  return { ...b, lines: [...a.lines.filter((l) => !b.lines.some((m) => m.key === l.key)), ...b.lines] };
}

export const jdOrderList: OrderFileFormat = {
  id: 'jd-order-list',
  nameZh: '京东 订单列表',
  platforms: ['jd'],
  required: ['订单号', '商品名称', '订单状态', '下单时间', '应付金额'],
  grouped: true,
  orderNo: (row: Row) => orderNo(row, '订单号'),
  toOrder,
  merge,
};
