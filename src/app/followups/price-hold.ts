// C8 (issue 14): which unpaid orders wait for a 改价 — the buyer asked in chat for a price or
// freight change, or an agent marked the order as awaiting one, and the order's history shows
// neither the change nor the agent's end of the wait since. One reading shared by the
// sender (run-due.ts: the 催付 waits) and the workbench preview (manage.ts: 等待改价，暂缓催付),
// so the preview never disagrees with what the sender does; the rule itself is the pure
// priceChangePending (core/orders/price-change.ts).
import { and, eq, ilike, inArray, or, sql } from 'drizzle-orm';
import {
  agentMarkStands,
  PRICE_CHANGE_AWAIT_CLEARED_EVENT,
  PRICE_CHANGE_AWAITED_EVENT,
  PRICE_CHANGE_WORDS,
  PRICE_CHANGED_EVENT,
  priceChangePending,
  repricedSinceBuyerSpoke,
  type AgentPriceChangeMarks,
} from '../../core/orders/price-change.js';
import type { Database, Tx } from '../../store/open-database.js';
import { conversations, messages, orderEvents, orders } from '../../store/schema/index.js';

const DAY_MS = 86_400_000;

/** An unpaid order the question is asked about. */
export interface PriceHoldOrder {
  id: string;
  shopId: string;
  buyerId: string;
  orderedAtMs: number;
}

/** Each order's latest 改价, agent mark and agent end of the wait (order history). */
async function priceChangeEvents(db: Database['db'] | Tx, list: readonly PriceHoldOrder[]) {
  const wanted = new Set(list.map((o) => o.id));
  // Few orders (a sender's batch, one order): by id; a whole shop (the preview): by shop.
  const rows = await db
    .select({ orderId: orderEvents.orderId, event: orderEvents.event, at: sql<Date | string>`max(${orderEvents.at})` })
    .from(orderEvents)
    .innerJoin(orders, eq(orders.id, orderEvents.orderId))
    .where(and(
      list.length <= 500 ? inArray(orderEvents.orderId, [...wanted]) : inArray(orders.shopId, [...new Set(list.map((o) => o.shopId))]),
      inArray(orderEvents.event, [PRICE_CHANGED_EVENT, PRICE_CHANGE_AWAITED_EVENT, PRICE_CHANGE_AWAIT_CLEARED_EVENT]),
    ))
    .groupBy(orderEvents.orderId, orderEvents.event);
  const out = new Map<string, { changedAtMs: number | null; marks: AgentPriceChangeMarks }>();
  for (const r of rows) {
    if (!wanted.has(r.orderId)) continue;
    const e = out.get(r.orderId) ?? { changedAtMs: null, marks: { markedAtMs: null, clearedAtMs: null } };
    const at = new Date(r.at).getTime();
    if (r.event === PRICE_CHANGED_EVENT) e.changedAtMs = at;
    else if (r.event === PRICE_CHANGE_AWAITED_EVENT) e.marks.markedAtMs = at;
    else e.marks.clearedAtMs = at;
    out.set(r.orderId, e);
  }
  return out;
}

/** C8: whether each order waits for a 改价 now, and whether an agent's mark is what holds it. */
export async function priceChangeHolds(db: Database['db'] | Tx, list: readonly PriceHoldOrder[]): Promise<Map<string, { byAgent: boolean }>> {
  const out = new Map<string, { byAgent: boolean }>();
  if (list.length === 0) return out;
  const events = await priceChangeEvents(db, list);
  const since = new Date(Math.min(...list.map((o) => o.orderedAtMs)) - DAY_MS);
  const shopIds = [...new Set(list.map((o) => o.shopId))];
  const buyerIds = [...new Set(list.map((o) => o.buyerId))];
  // Few buyers (a sender's batch): by buyer; a whole shop (the preview): by shop, no long id list.
  const asked = await db
    .select({ buyerId: conversations.buyerId, shopId: messages.shopId, text: messages.text, at: messages.createdAt })
    .from(messages)
    .innerJoin(conversations, eq(conversations.id, messages.conversationId))
    .where(and(
      buyerIds.length <= 500 ? inArray(conversations.buyerId, buyerIds) : inArray(conversations.shopId, shopIds),
      eq(messages.authorKind, 'buyer'),
      sql`${messages.createdAt} >= ${since}`,
      or(...PRICE_CHANGE_WORDS.map((w) => ilike(messages.text, `%${w}%`))),
    ));
  for (const o of list) {
    const e = events.get(o.id);
    const texts = asked.filter((a) => a.buyerId === o.buyerId && a.shopId === o.shopId).map((a) => ({ text: a.text, atMs: a.at.getTime() }));
    if (texts.length === 0 && !e?.marks.markedAtMs) continue;
    if (priceChangePending(o.orderedAtMs, texts, e?.changedAtMs ?? null, e?.marks)) {
      out.set(o.id, { byAgent: !!e && agentMarkStands(e.changedAtMs, e.marks) });
    }
  }
  return out;
}

/** The ids of these orders whose 催付 waits for a 改价 now (a buyer's request in chat or an agent's mark). */
export async function ordersAwaitingPriceChange(db: Database['db'] | Tx, list: readonly PriceHoldOrder[]): Promise<Set<string>> {
  return new Set((await priceChangeHolds(db, list)).keys());
}

/**
 * C8: the ids of these orders whose latest 改价 came after the buyer's last message (the
 * reminder then says the price was changed and asks to check the new amount before paying).
 */
export async function ordersRepricedSinceBuyerSpoke(db: Database['db'] | Tx, list: readonly PriceHoldOrder[]): Promise<Set<string>> {
  const out = new Set<string>();
  if (list.length === 0) return out;
  const wanted = new Map(list.map((o) => [o.id, o]));
  // Few orders (a sender's batch): by id; a whole shop (the preview): the shop's 改价 events.
  const changed = await db
    .select({ orderId: orderEvents.orderId, at: sql<Date | string>`max(${orderEvents.at})` })
    .from(orderEvents)
    .innerJoin(orders, eq(orders.id, orderEvents.orderId))
    .where(and(
      list.length <= 500 ? inArray(orderEvents.orderId, [...wanted.keys()]) : inArray(orders.shopId, [...new Set(list.map((o) => o.shopId))]),
      eq(orderEvents.event, PRICE_CHANGED_EVENT),
    ))
    .groupBy(orderEvents.orderId);
  const repriced = changed.filter((c) => wanted.has(c.orderId));
  if (repriced.length === 0) return out;
  const buyerIds = [...new Set(repriced.map((c) => wanted.get(c.orderId)!.buyerId))];
  const spoke = await db
    .select({ buyerId: conversations.buyerId, shopId: messages.shopId, at: sql<Date | string>`max(${messages.createdAt})` })
    .from(messages)
    .innerJoin(conversations, eq(conversations.id, messages.conversationId))
    .where(and(inArray(conversations.buyerId, buyerIds), eq(messages.authorKind, 'buyer')))
    .groupBy(conversations.buyerId, messages.shopId);
  const lastAt = new Map(spoke.map((s) => [`${s.shopId}|${s.buyerId}`, new Date(s.at).getTime()]));
  for (const c of repriced) {
    const o = wanted.get(c.orderId)!;
    if (repricedSinceBuyerSpoke(new Date(c.at).getTime(), lastAt.get(`${o.shopId}|${o.buyerId}`) ?? null)) out.add(o.id);
  }
  return out;
}

/** Whether the order waits for a 改价 now, and whether an agent's mark is what holds it. */
export async function priceChangeHoldOf(db: Database['db'] | Tx, order: Pick<typeof orders.$inferSelect, 'id' | 'shopId' | 'buyerId' | 'orderedAt' | 'createdAt'>): Promise<{ awaiting: boolean; byAgent: boolean }> {
  if (!order.buyerId) return { awaiting: false, byAgent: false };
  const holds = await priceChangeHolds(db, [{ id: order.id, shopId: order.shopId, buyerId: order.buyerId, orderedAtMs: (order.orderedAt ?? order.createdAt).getTime() }]);
  const h = holds.get(order.id);
  return { awaiting: !!h, byAgent: h?.byAgent ?? false };
}
