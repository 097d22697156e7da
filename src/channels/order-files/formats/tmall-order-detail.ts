// Taobao/Tmall order DETAIL export (ExportOrderDetailList*.csv): one row per sub-order (子订单),
// so several rows make one order and each row becomes an order_lines row. Two header forms are
// read: the newer Tmall one (子订单编号, 主订单编号, 商品属性, money and times per sub-order) and
// the older one (订单编号, 规格名称, no money columns beyond 价格).
import { combineStates, taobaoState } from '../order-states.js';
import type { NormalisedLine, NormalisedOrder, OrderFileFormat, Row } from '../types.js';
import { colourSize, count, extras, money, orderNo, sum, text, time } from './fields.js';

const KEPT = ['支付单号', '退款状态', '套餐信息', '备注'];

function mainNo(row: Row): string {
  return orderNo(row, row.has('主订单编号') ? '主订单编号' : '订单编号');
}

function toOrder(row: Row): NormalisedOrder {
  const stateWord = row.get('订单状态');
  const state = taobaoState(stateWord);
  const spec = text(row, ['商品属性', '规格名称']);
  const sku = text(row, ['商家编码', '外部系统编号']);
  const title = text(row, '标题') ?? '';
  const subNo = text(row, '子订单编号');
  const line: NormalisedLine = {
    key: subNo ? `sub:${subNo}` : `sku:${sku ?? title}|${spec ?? ''}`,
    title,
    sku,
    ...colourSize(spec),
    qty: count(row, '购买数量') ?? 1,
    priceFen: money(row, '价格') ?? 0,
    state,
    stateWord,
  };
  return {
    platformOrderNo: mainNo(row),
    state,
    stateWord,
    totalFen: money(row, '买家应付货款'),
    paidFen: money(row, '买家实际支付金额'),
    refundFen: money(row, '退款金额'),
    orderedAt: time(row, '订单创建时间'),
    paidAt: time(row, '订单付款时间'),
    lineSource: 'detail',
    lines: [line],
    extra: extras(row, KEPT),
  };
}

/** Sub-orders add up: money is summed, lines collected, the state combined (see combineStates). */
function merge(a: NormalisedOrder, b: NormalisedOrder): NormalisedOrder {
  const lines = [...a.lines.filter((l) => !b.lines.some((m) => m.key === l.key)), ...b.lines];
  const states = lines.map((l) => l.state ?? b.state);
  const words = new Set(lines.map((l) => l.stateWord));
  return {
    ...a,
    ...b,
    state: combineStates(states),
    stateWord: words.size === 1 ? b.stateWord : undefined,
    totalFen: sum(a.totalFen, b.totalFen),
    paidFen: sum(a.paidFen, b.paidFen),
    refundFen: sum(a.refundFen, b.refundFen),
    orderedAt: a.orderedAt ?? b.orderedAt,
    paidAt: a.paidAt ?? b.paidAt,
    lines,
    extra: { ...a.extra, ...b.extra },
  };
}

export const tmallOrderDetail: OrderFileFormat = {
  id: 'tmall-order-detail',
  nameZh: '淘宝/天猫 订单明细（子订单）报表',
  platforms: ['taobao', 'tmall'],
  required: ['标题', '价格', '购买数量', '订单状态'],
  grouped: true,
  orderNo: mainNo,
  toOrder,
  merge,
};
