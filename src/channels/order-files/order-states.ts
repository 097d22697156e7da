// The order states imports write, named as the rule profiles name them (O1, seed 004): the
// Taobao/Tmall machine. Other platforms' export words are mapped onto the same five states so the
// deadlines and screens read one vocabulary; the platform's own word stays in orders.raw.
// Mapping (documented in docs/import-orders.md):
//   Taobao/Tmall: the export words themselves (full-width comma accepted); 卖家部分发货 → awaiting
//     shipment (something is still to ship, so the ship deadline still runs).
//   Pinduoduo: 待支付/未支付 → awaiting payment; 待发货/待成团 → awaiting shipment; 已发货待签收 →
//     shipped; 已签收/已收货/交易成功 → completed; 已取消/已关闭/退款成功 → closed.
//   JD: 等待付款 → awaiting payment; 等待出库/等待发货 → awaiting shipment; 等待确认收货 → shipped;
//     完成/已完成 → completed; 已取消/锁定 → closed.
import { RowError } from './cells.js';

export const ORDER_STATES = {
  awaitingPayment: '等待买家付款',
  awaitingShipment: '买家已付款,等待卖家发货',
  shipped: '卖家已发货,等待买家确认',
  completed: '交易成功',
  closed: '交易关闭',
} as const;

export type OrderStateKey = keyof typeof ORDER_STATES;
export type OrderState = (typeof ORDER_STATES)[OrderStateKey];

/** Flow order, for deriving one order state from its sub-orders. */
export const STATE_RANK: Record<OrderState, number> = {
  等待买家付款: 0,
  '买家已付款,等待卖家发货': 1,
  '卖家已发货,等待买家确认': 2,
  交易成功: 3,
  交易关闭: 4,
};

function squash(word: string): string {
  return word.replace(/[，、\s]/g, ',').replace(/,+/g, ',').replace(/^,|,$/g, '');
}

export function stateMapper(table: Record<string, OrderStateKey>, column: string) {
  const squashed = new Map(Object.entries(table).map(([k, v]) => [squash(k), ORDER_STATES[v]]));
  return (word: string): OrderState => {
    const state = squashed.get(squash(word));
    if (!state) throw new RowError(word ? `未知的${column}：${word}` : `“${column}”为空`);
    return state;
  };
}

export const taobaoState = stateMapper(
  {
    等待买家付款: 'awaitingPayment',
    '买家已付款,等待卖家发货': 'awaitingShipment',
    卖家部分发货: 'awaitingShipment',
    '卖家已发货,等待买家确认': 'shipped',
    交易成功: 'completed',
    交易关闭: 'closed',
    交易自动关闭: 'closed',
  },
  '订单状态',
);

/**
 * One order state from its sub-orders: closed only when every line is closed; otherwise the
 * least advanced open line decides (one line still unshipped keeps the ship deadline running).
 */
export function combineStates(states: OrderState[]): OrderState {
  const open = states.filter((s) => s !== ORDER_STATES.closed);
  if (open.length === 0) return ORDER_STATES.closed;
  return open.reduce((a, b) => (STATE_RANK[b] < STATE_RANK[a] ? b : a));
}
