// Pinduoduo 商家后台 订单查询 export (订单明细-*.csv, 23 columns, one row per order: a PDD order
// holds one goods item). Receiver columns (收货人, 手机, 省…) appear in some exports, masked.
import { provinceOf } from '../province.js';
import { stateMapper } from '../order-states.js';
import type { NormalisedOrder, OrderFileFormat, Row } from '../types.js';
import { colourSize, count, extras, money, orderNo, sum, text, time } from './fields.js';

const pddState = stateMapper(
  {
    待支付: 'awaitingPayment',
    未支付: 'awaitingPayment',
    待付款: 'awaitingPayment',
    待成团: 'awaitingShipment',
    待发货: 'awaitingShipment',
    已付款待发货: 'awaitingShipment',
    已发货待签收: 'shipped',
    已发货: 'shipped',
    待收货: 'shipped',
    已签收: 'signed',
    已收货: 'completed',
    交易成功: 'completed',
    已取消: 'closed',
    已关闭: 'closed',
    交易关闭: 'closed',
    交易已取消: 'closed',
    退款成功: 'closed',
  },
  '订单状态',
);

const KEPT = [
  '订单状态', '售后状态', '店铺优惠折扣(元)', '平台优惠折扣(元)', '多多支付立减金额(元)',
  '商家实收金额(元)', '商品id', '样式ID', '商品规格', '商家编码-商品维度', '拼单成功时间',
];
const SKU = ['商家编码-规格维度', '商家编码-SKU维度', '商家编码-商品维度'] as const;

function toOrder(row: Row): NormalisedOrder {
  const afterSales = row.get('售后状态');
  const refundedInFull = afterSales === '退款成功';
  const stateWord = refundedInFull ? '退款成功' : row.get('订单状态');
  const state = refundedInFull ? 'closed' : pddState(stateWord);
  const goodsFen = money(row, '商品总价(元)');
  const shippingFen = money(row, '邮费(元)');
  const paidFen = money(row, '用户实付金额(元)');
  const qty = count(row, '商品数量(件)') ?? 1;
  const spec = text(row, '商品规格');
  const address = text(row, ['详细地址', '收货地址']);
  const title = text(row, '商品') ?? '';
  const dealAt = time(row, '订单成交时间');
  return {
    platformOrderNo: orderNo(row, '订单号'),
    state,
    stateWord,
    totalFen: sum(goodsFen, shippingFen),
    paidFen,
    refundFen: money(row, '退款金额(元)') ?? (refundedInFull ? paidFen : undefined),
    shippingFen,
    orderedAt: time(row, '订单创建时间') ?? dealAt,
    paidAt: time(row, '支付时间') ?? dealAt,
    shippedAt: time(row, '发货时间'),
    completedAt: time(row, '确认收货时间'),
    receiverName: text(row, ['收货人', '收货人姓名']),
    receiverPhone: text(row, ['手机', '收货人手机号', '联系电话']),
    receiverAddress: address,
    region: provinceOf(text(row, ['省', '省份']) ?? address),
    courier: text(row, '快递公司'),
    trackingNo: text(row, '快递单号'),
    sellerNote: text(row, '商家备注'),
    buyerNote: text(row, '买家留言'),
    lineSource: 'detail',
    lines: [
      {
        key: `pdd:${row.get('商品id')}|${row.get('样式ID') || (spec ?? '')}`,
        title,
        sku: text(row, SKU),
        ...colourSize(spec),
        qty,
        priceFen: goodsFen !== undefined && qty > 0 ? Math.round(goodsFen / qty) : 0,
      },
    ],
    extra: extras(row, KEPT),
  };
}

export const pddOrderDetail: OrderFileFormat = {
  id: 'pdd-order-detail',
  nameZh: '拼多多 订单明细',
  platforms: ['pdd'],
  required: ['订单号', '订单状态', '商品', '用户实付金额(元)'],
  grouped: false,
  orderNo: (row: Row) => orderNo(row, '订单号'),
  toOrder,
};
