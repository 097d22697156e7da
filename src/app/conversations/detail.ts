// One conversation for the agent's screen: its messages, the buyer (M1), the buyer's orders and
// cases in this shop, promises made in chat with their state, due time and points (D8), bot answers
// the guard dropped (issue 11) and suggested standard answers (C12). Phones and
// addresses are masked unless the caller's role may see them; a conversation outside the caller's
// shops is NOT_FOUND so ids do not leak.
import { and, asc, desc, eq, gt, inArray } from 'drizzle-orm';
import { DxeError } from '../../core/errors.js';
import { personalDataMask } from '../../core/privacy.js';
import type { Database } from '../../store/open-database.js';
import {
  aftersalesCases, buyers, conversations, messages, orderLines, orders, promises,
} from '../../store/schema/index.js';
import { suggestReplies } from './suggestions.js';
import { orderPhase } from '../../core/orders/order-phase.js';
import { isIntentId } from '../../core/intents.js';
import { detectLanguage, extractEntities, glossZh, normalizeText, type Nlu } from '../../core/nlu/index.js';
import { nluForShop } from '../shops/shop-nlu.js';
import { pointsFor } from '../../core/guard/check-reply.js';
import type { Principal } from '../auth/auth.js';
import { loadShopContext } from '../shops/shop-context.js';
import { conversationCorrections } from '../corrections/summary.js';
import type { GuardIntervention } from './guard-reply.js';
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

/**
 * Issue 12: a buyer message in another language carries a Chinese gloss for the agent: every
 * question of it (as the shop's current model reads them) with its key facts.
 */
function withGloss(m: typeof messages.$inferSelect, nlu: Nlu): MessageView {
  const view = messageView(m) as MessageView;
  if (m.authorKind !== 'buyer' || !isIntentId(m.intent)) return view;
  const language = detectLanguage(m.text);
  if (language === 'zh') return view;
  const questions = nlu.understand(m.text).questions;
  const asked = questions.length > 1 ? questions : [{ intent: m.intent, entities: extractEntities(normalizeText(m.text)) }];
  const gloss = glossZh(language, asked);
  return gloss ? { ...view, language, glossZh: gloss } : view;
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
  // C12, issue 12: planned from the shop's data like a bot reply (filled, never a placeholder).
  const suggestions = await suggestReplies(database, c, recent, now);
  const nlu = await nluForShop(database, c.shopId);
  const shopRules = (await loadShopContext(database, c.shopId)).profile;
  const promisePoints = pointsFor(shopRules.penalties.by_rule, 'D8');
  const mask = personalDataMask(unmasked);
  return {
    conversation,
    // Issue 12: a buyer message in another language carries a Chinese gloss for the agent.
    messages: recent.reverse().map((m) => withGloss(m, nlu)),
    buyer: b && {
      id: b.id, platformAccount: b.platformAccount, nickname: b.nickname, phone: mask.phone(b.phone), address: mask.address(b.address),
      city: b.city, occupation: b.occupation, tags: b.tags, notes: mask.text(b.notes), profile: b.profile,
      masked: !unmasked,
    },
    orders: orderRows.map((o) => ({
      id: o.id, platformOrderNo: o.platformOrderNo, state: o.state, totalFen: o.totalFen, paidFen: o.paidFen,
      refundFen: o.refundFen,
      // Issue 15: the side panel tells unpaid and closed orders apart, and shows the order's own currency.
      phase: orderPhase(shopRules, o.state), currency: o.currency, totalMinor: o.totalMinor, paidMinor: o.paidMinor, refundMinor: o.refundMinor, orderedAt: o.orderedAt?.toISOString() ?? null, paidAt: o.paidAt?.toISOString() ?? null,
      shippedAt: o.shippedAt?.toISOString() ?? null, courier: o.courier, trackingNo: o.trackingNo,
      receiverName: mask.name(o.receiverName),
      receiverPhone: mask.phone(o.receiverPhone), receiverAddress: mask.address(o.receiverAddress), buyerNote: mask.text(o.buyerNote),
      lines: lines.filter((l) => l.orderId === o.id).map((l) => ({ title: l.title, sku: l.sku, colour: l.colour, size: l.size, qty: l.qty, priceFen: l.priceFen })),
    })),
    cases: cases.map((k) => ({
      id: k.id, orderId: k.orderId, type: k.type, state: k.state, reason: k.reason, amountFen: k.amountFen,
      openedAt: k.openedAt.toISOString(),
    })),
    // D8: each promise with its due time, how it was settled and the points breaking it costs.
    promises: promiseRows.map((r) => ({
      id: r.id, kind: r.kind, text: r.text, state: r.state, orderId: r.orderId, messageId: r.messageId, createdAt: r.createdAt.toISOString(),
      dueAt: r.dueAt?.toISOString() ?? null, settledAt: r.settledAt?.toISOString() ?? null, settledNote: r.settledNote, points: promisePoints,
    })),
    suggestions,
    guardBlocks: guardBlocksOf(c),
    corrections: await conversationCorrections(database, id),
  };
}


/**
 * Bot answers the guard dropped entirely (issue 11): stored on the hand-over they caused, shown
 * while a person has not yet handed the chat back to the bot.
 */
function guardBlocksOf(c: ConversationRow): GuardIntervention[] {
  if (c.status === 'bot' || c.status === 'closed') return [];
  const last = (c.state as { lastHandover?: { reason?: unknown; guard?: unknown } } | null)?.lastHandover;
  return last?.reason === 'guard_blocked' && Array.isArray(last.guard) ? (last.guard as GuardIntervention[]) : [];
}

/** A bridge polling one of its shop's conversations for later messages (NOT_FOUND outside the shop). */
export async function bridgeMessagesAfter(database: Database, shopId: string, conversationId: string, afterSeq: number) {
  const [c] = await database.db.select({ id: conversations.id }).from(conversations)
    .where(and(eq(conversations.id, conversationId), eq(conversations.shopId, shopId)));
  if (!c) throw new DxeError('NOT_FOUND', '找不到该会话');
  return messagesAfter(database, conversationId, afterSeq);
}

/** An agent's screen catching up on one conversation (NOT_FOUND outside the caller's shops), glossed. */
export async function scopedMessagesAfter(database: Database, p: Principal, conversationId: string, afterSeq: number) {
  const c = await loadScoped(database, p, conversationId);
  const rows = await database.db.select().from(messages)
    .where(and(eq(messages.conversationId, conversationId), gt(messages.seq, afterSeq)))
    .orderBy(asc(messages.seq)).limit(500);
  const nlu = await nluForShop(database, c.shopId);
  return rows.map((m) => withGloss(m, nlu));
}

/** The shop of a conversation the caller may see (NOT_FOUND otherwise). */
export async function scopedShopOf(database: Database, p: Principal, conversationId: string): Promise<string> {
  return (await loadScoped(database, p, conversationId)).shopId;
}
