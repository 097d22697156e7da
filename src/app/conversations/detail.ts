// One conversation for the agent's screen: its messages, the buyer (M1), the buyer's orders and
// cases in this shop, promises made in chat (D8) and suggested standard answers (C12). Phones and
// addresses are masked unless the caller's role may see them; a conversation outside the caller's
// shops is NOT_FOUND so ids do not leak.
import { and, asc, desc, eq, gt, inArray, like, or } from 'drizzle-orm';
import { DxeError } from '../../core/errors.js';
import { maskAddress, maskName, maskPhone, maskPhonesInText } from '../../core/privacy.js';
import type { Database } from '../../store/open-database.js';
import {
  aftersalesCases, buyers, conversations, messages, orderLines, orders, promises, standardAnswers,
} from '../../store/schema/index.js';
import type { Principal } from '../auth/auth.js';
import { conversationSummary, messageView, type ConversationRow, type MessageView } from './views.js';

/** The conversation if the caller may see its shop; NOT_FOUND otherwise. */
export async function loadScoped(database: Database, p: Principal, id: string): Promise<ConversationRow> {
  const [c] = await database.db.select().from(conversations).where(eq(conversations.id, id));
  if (!c || !p.shopIds.includes(c.shopId)) throw new DxeError('NOT_FOUND', '找不到该会话');
  return c;
}

export async function messagesAfter(database: Database, conversationId: string, afterSeq: number, limit = 500) {
  const rows = await database.db.select().from(messages)
    .where(and(eq(messages.conversationId, conversationId), gt(messages.seq, afterSeq)))
    .orderBy(asc(messages.seq)).limit(limit);
  return rows.map(messageView) as MessageView[];
}

export async function conversationDetail(database: Database, p: Principal, id: string, now: Date, unmasked: boolean) {
  const c = await loadScoped(database, p, id);
  const { db } = database;
  const conversation = await conversationSummary(database, id, now);
  if (!conversation) throw new DxeError('NOT_FOUND', '找不到该会话');
  const recent = await db.select().from(messages).where(eq(messages.conversationId, id)).orderBy(desc(messages.seq)).limit(200);
  const [b] = await db.select().from(buyers).where(eq(buyers.id, c.buyerId));
  const orderRows = await db.select().from(orders)
    .where(and(eq(orders.shopId, c.shopId), eq(orders.buyerId, c.buyerId)))
    .orderBy(desc(orders.orderedAt)).limit(20);
  const orderIds = orderRows.map((o) => o.id);
  const lines = orderIds.length ? await db.select().from(orderLines).where(inArray(orderLines.orderId, orderIds)) : [];
  const cases = orderIds.length ? await db.select().from(aftersalesCases).where(inArray(aftersalesCases.orderId, orderIds)) : [];
  const promiseRows = await db.select().from(promises).where(eq(promises.conversationId, id)).orderBy(asc(promises.createdAt));
  const answers = c.lastIntent
    ? await db.select().from(standardAnswers).where(and(
      eq(standardAnswers.shopId, c.shopId),
      // The library keys situations under the intent: 'stock', 'stock.in', 'stock.out'… (C12).
      or(eq(standardAnswers.intent, c.lastIntent), like(standardAnswers.intent, `${c.lastIntent}.%`)),
    )).orderBy(asc(standardAnswers.intent))
    : [];
  const phone = (v: string | null) => (unmasked ? v : maskPhone(v));
  const address = (v: string | null) => (unmasked ? v : maskAddress(v));
  return {
    conversation,
    messages: recent.reverse().map(messageView),
    buyer: b && {
      id: b.id, platformAccount: b.platformAccount, nickname: b.nickname, phone: phone(b.phone), address: address(b.address),
      city: b.city, occupation: b.occupation, tags: b.tags, notes: unmasked || !b.notes ? b.notes : maskPhonesInText(b.notes), profile: b.profile,
      masked: !unmasked,
    },
    orders: orderRows.map((o) => ({
      id: o.id, platformOrderNo: o.platformOrderNo, state: o.state, totalFen: o.totalFen, paidFen: o.paidFen,
      refundFen: o.refundFen, orderedAt: o.orderedAt?.toISOString() ?? null, paidAt: o.paidAt?.toISOString() ?? null,
      shippedAt: o.shippedAt?.toISOString() ?? null, courier: o.courier, trackingNo: o.trackingNo,
      receiverName: unmasked ? o.receiverName : maskName(o.receiverName),
      receiverPhone: phone(o.receiverPhone), receiverAddress: address(o.receiverAddress), buyerNote: unmasked || !o.buyerNote ? o.buyerNote : maskPhonesInText(o.buyerNote),
      lines: lines.filter((l) => l.orderId === o.id).map((l) => ({ title: l.title, sku: l.sku, colour: l.colour, size: l.size, qty: l.qty, priceFen: l.priceFen })),
    })),
    cases: cases.map((k) => ({
      id: k.id, orderId: k.orderId, type: k.type, state: k.state, reason: k.reason, amountFen: k.amountFen,
      openedAt: k.openedAt.toISOString(),
    })),
    promises: promiseRows.map((r) => ({ id: r.id, kind: r.kind, text: r.text, state: r.state, orderId: r.orderId, messageId: r.messageId, createdAt: r.createdAt.toISOString() })),
    suggestions: answers.flatMap((a) => a.variants).slice(0, 5),
  };
}


/** A bridge polling one of its shop's conversations for later messages (NOT_FOUND outside the shop). */
export async function bridgeMessagesAfter(database: Database, shopId: string, conversationId: string, afterSeq: number) {
  const [c] = await database.db.select({ id: conversations.id }).from(conversations)
    .where(and(eq(conversations.id, conversationId), eq(conversations.shopId, shopId)));
  if (!c) throw new DxeError('NOT_FOUND', '找不到该会话');
  return messagesAfter(database, conversationId, afterSeq);
}

/** An agent's screen catching up on one conversation (NOT_FOUND outside the caller's shops). */
export async function scopedMessagesAfter(database: Database, p: Principal, conversationId: string, afterSeq: number) {
  await loadScoped(database, p, conversationId);
  return messagesAfter(database, conversationId, afterSeq);
}

/** The shop of a conversation the caller may see (NOT_FOUND otherwise). */
export async function scopedShopOf(database: Database, p: Principal, conversationId: string): Promise<string> {
  return (await loadScoped(database, p, conversationId)).shopId;
}
