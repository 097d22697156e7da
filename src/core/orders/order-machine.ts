// Order machines per platform (O1): the graph is profile data; the one guard here is D7's —
// a seller may close an order only with the buyer's recorded consent.
import type { Guard, Machine, TransitionResult } from '../fsm.js';
import { machineFrom, transitionByName } from '../rules/machines.js';
import type { Profile } from '../rules/schema.js';

export interface OrderContext {
  /** The buyer asked to close the order through the account that placed it (evidence kept). */
  buyerConsented?: boolean | undefined;
}

const ORDER_GUARDS: Record<string, Guard<OrderContext>> = {
  buyer_consented: (ctx) =>
    ctx.buyerConsented === true ||
    '未经买家同意不能关闭订单：请让买家自行关闭，或保留买家用下单账号提出关闭的聊天记录（D7）',
};

export function orderMachine(profile: Pick<Profile, 'orders'>): Machine<OrderContext> {
  return machineFrom(profile.orders.machine, ORDER_GUARDS, '订单状态机');
}

export function orderTransition(
  profile: Pick<Profile, 'orders'>,
  state: string,
  event: string,
  ctx: OrderContext = {},
): TransitionResult {
  return transitionByName(orderMachine(profile), state, event, ctx);
}

/** The state right after payment: the first target of `buyer_pay` from the initial state. */
export function paidState(profile: Pick<Profile, 'orders'>): string | null {
  const m = profile.orders.machine;
  return m.transitions.find((t) => t.from === m.initial && t.event === 'buyer_pay')?.to ?? null;
}
