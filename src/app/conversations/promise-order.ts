// D8: a promise made in chat is tracked against the buyer's order still under way in the shop, if
// any. "Finished" is read from the shop's own order machine (交易成功, 交易关闭, 已取消…), never from
// a list of English names (issue 9, bug 1).
import { and, desc, eq, notInArray } from 'drizzle-orm';
import { finishedStates } from '../../core/orders/order-phase.js';
import type { Profile } from '../../core/rules/schema.js';
import type { Tx } from '../../store/open-database.js';
import { orders } from '../../store/schema/index.js';

export async function openOrderForPromises(tx: Tx, profile: Profile, shopId: string, buyerId: string): Promise<string | null> {
  const [open] = await tx.select({ id: orders.id }).from(orders)
    .where(and(eq(orders.shopId, shopId), eq(orders.buyerId, buyerId), notInArray(orders.state, finishedStates(profile))))
    .orderBy(desc(orders.orderedAt)).limit(1);
  return open?.id ?? null;
}
