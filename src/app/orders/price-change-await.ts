// C8 (issue 14): an agent marks an unpaid order as awaiting a 改价 (the buyer asked by phone or
// outside the chat), or ends the wait. The mark is an order history row like the 改价 itself, read
// by the one rule (core/orders/price-change.ts) the bot and the 催付 sender apply to a buyer's
// request in chat; every mark and end is also an audit row.
import { and, desc, eq, inArray } from 'drizzle-orm';
import { DxeError } from '../../core/errors.js';
import { orderPhase } from '../../core/orders/order-phase.js';
import { PRICE_CHANGE_AWAIT_CLEARED_EVENT, PRICE_CHANGE_AWAITED_EVENT } from '../../core/orders/price-change.js';
import type { Database } from '../../store/open-database.js';
import { orderEvents } from '../../store/schema/index.js';
import { appendAuditIn } from '../audit/audit-log.js';
import type { Principal } from '../auth/auth.js';
import { priceChangeHoldOf } from '../followups/price-hold.js';
import { actOnOrder, type OrderDetail } from './order-detail.js';

/** Stable reasons of a refused mark (the error's details.reason); the message is Chinese. */
export type PriceChangeAwaitRefusal = 'ORDER_NOT_UNPAID' | 'NO_BUYER' | 'ALREADY_AWAITING' | 'NOT_AWAITING';

export async function setPriceChangeAwait(
  database: Database,
  p: Principal,
  id: string,
  input: { awaiting: boolean; note?: string | undefined },
  now: Date,
  maySeePersonalData: boolean,
): Promise<OrderDetail> {
  return actOnOrder(database, p, id, now, maySeePersonalData, async (tx, order, profile) => {
    if (orderPhase(profile, order.state) !== 'unpaid') {
      throw new DxeError('INVALID_TRANSITION', `订单状态为「${order.state}」，只有待付款的订单可以标记或取消等待改价`, { reason: 'ORDER_NOT_UNPAID' satisfies PriceChangeAwaitRefusal });
    }
    if (!order.buyerId) throw new DxeError('INVALID_TRANSITION', '该订单没有关联买家，无法标记等待改价', { reason: 'NO_BUYER' satisfies PriceChangeAwaitRefusal });
    const hold = await priceChangeHoldOf(tx, order);
    if (input.awaiting && hold.awaiting) {
      throw new DxeError('CONFLICT', hold.byAgent ? '该订单已标记为等待改价' : '买家已在聊天中要求改价，订单已在等待改价', { reason: 'ALREADY_AWAITING' satisfies PriceChangeAwaitRefusal });
    }
    if (!input.awaiting && !hold.awaiting) {
      throw new DxeError('CONFLICT', '该订单没有在等待改价', { reason: 'NOT_AWAITING' satisfies PriceChangeAwaitRefusal });
    }
    // Two rows in the same millisecond would leave the latest undecided: the new one is later.
    const [last] = await tx
      .select({ at: orderEvents.at })
      .from(orderEvents)
      .where(and(eq(orderEvents.orderId, order.id), inArray(orderEvents.event, [PRICE_CHANGE_AWAITED_EVENT, PRICE_CHANGE_AWAIT_CLEARED_EVENT])))
      .orderBy(desc(orderEvents.at))
      .limit(1);
    const at = last && last.at.getTime() >= now.getTime() ? new Date(last.at.getTime() + 1) : now;
    const event = input.awaiting ? PRICE_CHANGE_AWAITED_EVENT : PRICE_CHANGE_AWAIT_CLEARED_EVENT;
    const note = [input.awaiting ? '客服标记：等待改价，暂缓催付' : '客服取消等待改价', input.note].filter(Boolean).join('：');
    await tx.insert(orderEvents).values({
      orderId: order.id, at, fromState: order.state, toState: order.state, event, actorKind: p.kind, actorId: p.agentId ?? null, note,
    });
    await appendAuditIn(tx, {
      orgId: p.orgId, at: now, actorKind: p.kind, actorId: p.agentId ?? null,
      action: input.awaiting ? 'order.price_change_awaited' : 'order.price_change_await_cleared',
      subjectKind: 'order', subjectId: order.id,
      data: { shopId: order.shopId, platformOrderNo: order.platformOrderNo, note: input.note ?? null },
    });
  });
}
