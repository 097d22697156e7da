// D8: a promise made in chat is tracked against the buyer's open order in the shop, if any.
import { and, desc, eq, notInArray } from 'drizzle-orm';
import type { Tx } from '../../store/open-database.js';
import { orders } from '../../store/schema/index.js';

/** Order states after which a promise can no longer be tied to the order. */
const FINISHED_ORDER_STATES = ['closed', 'succeeded', 'completed', 'cancelled', 'TRADE_CLOSED', 'TRADE_FINISHED'];

export async function openOrderForPromises(tx: Tx, shopId: string, buyerId: string): Promise<string | null> {
  const [open] = await tx.select({ id: orders.id }).from(orders)
    .where(and(eq(orders.shopId, shopId), eq(orders.buyerId, buyerId), notInArray(orders.state, FINISHED_ORDER_STATES)))
    .orderBy(desc(orders.orderedAt)).limit(1);
  return open?.id ?? null;
}
