// Export words → a platform-neutral reading of an order's state. The importers only say where in
// the common flow an order is (awaiting payment → awaiting shipment → shipped → signed →
// completed, or closed); core/orders/order-import.ts turns that into the platform profile's own
// state names (O1). The export's own word is kept too: when it is itself a state of the profile
// (JD 完成, PDD 已签收, Taobao 交易关闭) it is used as is.
// Word tables (see README.md here):
//   Taobao/Tmall: the five O1 words (full-width comma accepted); 卖家部分发货 → awaiting shipment
//     (something is still to ship, so the ship deadline still runs).
//   Pinduoduo: 待支付/未支付 → awaiting payment; 待发货/待成团 → awaiting shipment; 已发货待签收 →
//     shipped; 已签收 → signed; 已收货/交易成功 → completed; 已取消/已关闭/退款成功 → closed.
//   JD: 等待付款 → awaiting payment; 等待出库/等待发货 → awaiting shipment; 等待确认收货 →
//     shipped; 完成/已完成 → completed; 已取消/锁定 → closed.
import type { OrderStateKey } from '../../core/orders/order-import.js';
import { RowError } from '../files/cells.js';

export { STATE_KEYS, type OrderStateKey } from '../../core/orders/order-import.js';

/** Flow order, for deriving one order state from its sub-orders. */
const RANK: Record<OrderStateKey, number> = {
  awaitingPayment: 0,
  awaitingShipment: 1,
  shipped: 2,
  signed: 3,
  completed: 4,
  closed: 5,
};

/** Commas, spaces and 、 do not matter in state words (买家已付款，等待卖家发货). */
export function squashStateWord(word: string): string {
  return word.replace(/[,，、\s]/g, '');
}

export function stateMapper(table: Record<string, OrderStateKey>, column: string) {
  const squashed = new Map(Object.entries(table).map(([k, v]) => [squashStateWord(k), v]));
  return (word: string): OrderStateKey => {
    const state = squashed.get(squashStateWord(word));
    if (!state) throw new RowError(word ? `未知的${column}：${word}` : `“${column}”为空`);
    return state;
  };
}

export const taobaoState = stateMapper(
  {
    等待买家付款: 'awaitingPayment',
    买家已付款等待卖家发货: 'awaitingShipment',
    卖家部分发货: 'awaitingShipment',
    卖家已发货等待买家确认: 'shipped',
    交易成功: 'completed',
    交易关闭: 'closed',
    交易自动关闭: 'closed',
  },
  '订单状态',
);

/** JD 商家后台: the same words in the order list (订单导出) and the settlement (结算明细). */
export const jdState = stateMapper(
  {
    等待付款: 'awaitingPayment',
    等待出库: 'awaitingShipment',
    等待发货: 'awaitingShipment',
    等待确认收货: 'shipped',
    已发货: 'shipped',
    完成: 'completed',
    已完成: 'completed',
    交易成功: 'completed',
    已取消: 'closed',
    取消: 'closed',
    锁定: 'closed',
  },
  '订单状态',
);

/**
 * One order state from its sub-orders: closed only when every line is closed; otherwise the
 * least advanced open line decides (one line still unshipped keeps the ship deadline running).
 */
export function combineStates(states: readonly OrderStateKey[]): OrderStateKey {
  const open = states.filter((s) => s !== 'closed');
  if (open.length === 0) return 'closed';
  return open.reduce((a, b) => (RANK[b] < RANK[a] ? b : a));
}
