// C9 (seed 004 第五步核实): an agent records that an order's address, phone and the buyer's message
// were confirmed with the buyer — as they stand, or with the buyer's corrections or notes, which
// are kept on the order (做好备忘录) apart from the platform's own seller note. The record is an
// order history row and an audit row; it stops the pending 核对订单 follow-up and tells the bot, in
// each of the buyer's conversations with the shop, that the order needs no confirmation any more.
import { and, eq, sql } from 'drizzle-orm';
import type { OrderVerificationBody } from '../../core/contract/orders.js';
import { DxeError } from '../../core/errors.js';
import { orderPhase } from '../../core/orders/order-phase.js';
import { formatBeijing } from '../../core/time/beijing-time.js';
import type { Database } from '../../store/open-database.js';
import { agents, conversations, orderEvents, orders, scheduledMessages } from '../../store/schema/index.js';
import { appendAuditIn } from '../audit/audit-log.js';
import type { Principal } from '../auth/auth.js';
import { actOnOrder, type OrderDetail } from './order-detail.js';

/** The order history event of a recorded confirmation (the state does not change). */
export const ORDER_VERIFIED_EVENT = 'order_verified';
/** The memo keeps the latest notes within this many characters (oldest lines dropped first). */
const MEMO_MAX = 2000;

/** Stable reasons of a refused record (the error's details.reason); the message is Chinese. */
export type OrderVerificationRefusal = 'ORDER_CLOSED';

/** The memo with a new dated line appended (oldest lines dropped past MEMO_MAX). */
export function appendMemo(memo: string | null, line: string): string {
  const lines = [...(memo ? memo.split('\n') : []), line];
  while (lines.length > 1 && lines.join('\n').length > MEMO_MAX) lines.shift();
  return lines.join('\n').slice(-MEMO_MAX);
}

export async function recordOrderVerification(
  database: Database,
  p: Principal,
  id: string,
  input: OrderVerificationBody,
  now: Date,
  maySeePersonalData: boolean,
): Promise<OrderDetail> {
  return actOnOrder(database, p, id, now, maySeePersonalData, async (tx, order, profile) => {
    if (orderPhase(profile, order.state) === 'closed') {
      throw new DxeError('INVALID_TRANSITION', `订单状态为「${order.state}」，已关闭的订单无需核对`, { reason: 'ORDER_CLOSED' satisfies OrderVerificationRefusal });
    }
    const [agent] = p.agentId ? await tx.select({ name: agents.displayName }).from(agents).where(eq(agents.id, p.agentId)) : [];
    const by = agent?.name ?? (p.kind === 'token' ? '接口' : '客服');
    const what = input.outcome === 'confirmed' ? '买家确认信息无误' : '买家有修改';
    const line = `${formatBeijing(now.toISOString())} ${by}：${what}${input.note ? `：${input.note}` : ''}`;
    await tx
      .update(orders)
      .set({ verifiedAt: now, verifiedBy: by, verificationNote: appendMemo(order.verificationNote, line), updatedAt: now })
      .where(eq(orders.id, order.id));
    await tx.insert(orderEvents).values({
      orderId: order.id, at: now, fromState: order.state, toState: order.state, event: ORDER_VERIFIED_EVENT,
      actorKind: p.kind, actorId: p.agentId ?? null, note: `核对订单：${what}${input.note ? `：${input.note}` : ''}`,
    });
    // The 核对订单 follow-up not yet sent has nothing left to ask.
    await tx
      .update(scheduledMessages)
      .set({ state: 'cancelled', outcome: 'stopped_verified', outcomeNote: '客服已记录核对结果', firedBy: 'order-verified' })
      .where(and(eq(scheduledMessages.orderId, order.id), eq(scheduledMessages.kind, 'order_verify'), eq(scheduledMessages.state, 'pending')));
    // The bot does not confirm it again (the key is appended in place, never a whole-state write).
    if (order.buyerId) {
      await tx.execute(sql`
        update ${conversations} set state = jsonb_set(coalesce(state, '{}'::jsonb), '{verifiedOrderIds}',
          coalesce(state->'verifiedOrderIds', '[]'::jsonb) || to_jsonb(${order.id}::text))
        where shop_id = ${order.shopId} and buyer_id = ${order.buyerId}
          and not coalesce(state->'verifiedOrderIds', '[]'::jsonb) ? ${order.id}`);
    }
    await appendAuditIn(tx, {
      orgId: p.orgId, at: now, actorKind: p.kind, actorId: p.agentId ?? null, action: 'order.verified',
      subjectKind: 'order', subjectId: order.id,
      // The note may hold a new address: the audit keeps only that there was one.
      data: { shopId: order.shopId, platformOrderNo: order.platformOrderNo, outcome: input.outcome, hasNote: !!input.note },
    });
  });
}
