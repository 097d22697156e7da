// JD 商家后台 settlement lines (结算明细): several rows per order, one per fee (货款 = the goods
// money, 佣金, 交易服务费, 京豆…), each with a direction (收入/支出). Only the settlement export
// is known for JD, so orders are built from it: 货款 income rows give the order lines and the
// amount paid, 货款 expense rows are refunds, other fees are kept per name in orders.raw.
import { RowError } from '../../files/cells.js';
import { jdState } from '../order-states.js';
import type { NormalisedOrder, OrderFileFormat, Row } from '../types.js';
import { count, money, orderNo, sum, text } from './fields.js';

function toOrder(row: Row): NormalisedOrder {
  const fee = row.get('费用名称') || '货款';
  const direction = row.get('收支方向');
  if (direction && direction !== '收入' && direction !== '支出') {
    throw new RowError(`未知的收支方向：${direction}`);
  }
  const amount = Math.abs(money(row, '应结金额') ?? 0);
  const income = direction ? direction === '收入' : (money(row, '应结金额') ?? 0) >= 0;
  const signed = income ? amount : -amount;
  const qty = count(row, '商品数量') ?? 1;
  const isGoods = fee === '货款';
  const sku = text(row, '商品编号');
  return {
    platformOrderNo: orderNo(row, '订单编号'),
    state: jdState(row.get('订单状态')),
    stateWord: row.get('订单状态'),
    totalFen: isGoods && income ? amount : undefined,
    paidFen: isGoods && income ? amount : undefined,
    refundFen: isGoods && !income ? amount : undefined,
    lineSource: 'detail',
    lines:
      isGoods && income
        ? [{ key: `jd:${sku ?? row.get('商品名称')}`, title: row.get('商品名称'), sku, qty, priceFen: Math.round(amount / Math.max(qty, 1)) }]
        : [],
    extra: { [`费用:${fee}`]: signed, 应结合计: signed, ...(row.get('售后服务单号') ? { 售后服务单号: row.get('售后服务单号') } : {}) },
  };
}

function merge(a: NormalisedOrder, b: NormalisedOrder): NormalisedOrder {
  const extra: Record<string, string | number> = { ...a.extra };
  for (const [k, v] of Object.entries(b.extra)) {
    const prev = extra[k];
    extra[k] = typeof v === 'number' && typeof prev === 'number' ? prev + v : v;
  }
  return {
    ...a,
    state: b.state,
    stateWord: b.stateWord,
    totalFen: sum(a.totalFen, b.totalFen),
    paidFen: sum(a.paidFen, b.paidFen),
    refundFen: sum(a.refundFen, b.refundFen),
    lines: [...a.lines.filter((l) => !b.lines.some((m) => m.key === l.key)), ...b.lines],
    extra,
  };
}

export const jdSettlement: OrderFileFormat = {
  id: 'jd-settlement',
  nameZh: '京东 结算明细',
  platforms: ['jd'],
  required: ['订单编号', '订单状态', '商品编号', '应结金额', '费用名称'],
  grouped: true,
  orderNo: (row: Row) => orderNo(row, '订单编号'),
  toOrder,
  merge,
};
