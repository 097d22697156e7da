// Sending due follow-ups (issue 14), a step of the timer loop beside the deadlines: in one
// transaction, take due rows with FOR UPDATE SKIP LOCKED (another process skips them), decide each
// once — stopped (paid, closed, flow off, opted out), held (frequency limit, F3), deferred (quiet
// hours in the buyer's time zone), blocked (the reply guard, at send as at save) or sent — and
// send through the one delivery port: the message is stored in the buyer's conversation by
// appendOutgoing (bridge outbox row, widget push by its message.created event), so agents see it
// in the chat. The row's new state commits with the message, so a restart or a second process
// never sends it twice.
import { and, asc, desc, eq, gte, ilike, inArray, lte, or, sql } from 'drizzle-orm';
import { followupRules, isFlowKey } from '../../core/followups/config.js';
import { flowEnabled, stopReason } from '../../core/followups/flows.js';
import { buyerTimeZone, isOptOut, quietUntil, withinFrequency } from '../../core/followups/limits.js';
import { orderPhase } from '../../core/orders/order-phase.js';
import type { Database, Tx } from '../../store/open-database.js';
import {
  buyers,
  conversations,
  followupConsent,
  messages,
  orderLines,
  orders,
  scheduledMessages,
} from '../../store/schema/index.js';
import { appendOutgoing } from '../conversations/append-outgoing.js';
import { lockConversation } from '../conversations/conversation-row.js';
import { explainVerdict, freeShippingFor, guardContext, guardReply, ruleTitle } from '../conversations/guard-reply.js';
import type { EventBus } from '../events/event-bus.js';
import { transact, type Emit } from '../events/outbox.js';
import { loadShopContext, type ShopContext } from '../shops/shop-context.js';
import { composeFollowup, type ComposeShop } from './compose.js';
import { loadFlowSettings, loadShopTemplates } from './schedule.js';

const HOUR = 3_600_000;
/** A follow-up this late is no longer worth sending (the loop was down for days). Project value. */
export const EXPIRE_AFTER_MS = 48 * HOUR;
/** A service message over its limit waits this long and is tried again. Project value. */
const SERVICE_RETRY_MS = HOUR;

export interface RunFollowupsOptions {
  now: Date;
  workerId: string;
  bus: EventBus;
  batch?: number;
}

export type FollowupOutcome =
  | 'sent'
  | 'stopped_paid'
  | 'stopped_closed'
  | 'stopped_moved_on'
  | 'flow_off'
  | 'opted_out'
  | 'held_frequency'
  | 'deferred_quiet'
  | 'deferred_frequency'
  | 'blocked'
  | 'missing_data'
  | 'expired'
  | 'failed';

export interface FiredFollowup {
  id: number;
  shopId: string;
  flow: string;
  orderId: string | null;
  dueAt: Date;
  outcome: FollowupOutcome;
  messageId?: number;
}

type Row = typeof scheduledMessages.$inferSelect;

interface ShopBatch extends ComposeShop {
  ctx: ShopContext;
}

/** Handles up to `batch` due rows once; returns what it did (committed). */
export async function runDueFollowups(database: Database, opts: RunFollowupsOptions): Promise<FiredFollowup[]> {
  const batch = opts.batch ?? 200;
  // Shop contexts are read before the transaction: on the embedded database an open transaction
  // holds the one session, so a read from outside it would wait for it forever.
  const due = await database.db
    .selectDistinct({ shopId: scheduledMessages.shopId })
    .from(scheduledMessages)
    .where(and(eq(scheduledMessages.state, 'pending'), lte(scheduledMessages.dueAt, opts.now)));
  if (due.length === 0) return [];
  const contexts = new Map<string, ShopContext>();
  for (const { shopId } of due) contexts.set(shopId, await loadShopContext(database, shopId));
  try {
    return await transact({ database, bus: opts.bus }, (tx, emit) => runBatch(contexts, tx, emit, opts, batch, null));
  } catch (err) {
    // One bad row must not stop the others: go row by row, and a row that fails on its own is
    // recorded as failed (with the error) in a transaction of its own.
    const ids = await database.db
      .select({ id: scheduledMessages.id })
      .from(scheduledMessages)
      .where(and(eq(scheduledMessages.state, 'pending'), lte(scheduledMessages.dueAt, opts.now)))
      .orderBy(asc(scheduledMessages.dueAt))
      .limit(batch);
    const out: FiredFollowup[] = [];
    for (const { id } of ids) {
      try {
        out.push(...(await transact({ database, bus: opts.bus }, (tx, emit) => runBatch(contexts, tx, emit, opts, 1, id))));
      } catch (rowErr) {
        await database.db
          .update(scheduledMessages)
          .set({ state: 'failed', outcome: 'failed', outcomeNote: String((rowErr as Error).message ?? rowErr).slice(0, 300), firedBy: opts.workerId, sentAt: null })
          .where(and(eq(scheduledMessages.id, id), eq(scheduledMessages.state, 'pending')));
      }
    }
    if (out.length === 0 && ids.length === 0) throw err;
    return out;
  }
}

async function runBatch(contexts: ReadonlyMap<string, ShopContext>, tx: Tx, emit: Emit, opts: RunFollowupsOptions, batch: number, onlyId: number | null): Promise<FiredFollowup[]> {
  const { now, workerId } = opts;
  const claimed = await tx
    .select()
    .from(scheduledMessages)
    .where(
      and(
        eq(scheduledMessages.state, 'pending'),
        lte(scheduledMessages.dueAt, now),
        ...(onlyId === null ? [] : [eq(scheduledMessages.id, onlyId)]),
      ),
    )
    .orderBy(asc(scheduledMessages.dueAt))
    .limit(batch)
    .for('update', { skipLocked: true });
  // A shop whose rows fell due after the contexts were read waits for the next step.
  const rows = claimed.filter((r) => contexts.has(r.shopId));
  if (rows.length === 0) return [];
  const rules = followupRules();

  // What the batch needs, read once: orders, their first lines, buyers, shops, consent.
  const orderIds = [...new Set(rows.map((r) => r.orderId).filter((x): x is string => !!x))];
  const orderRows = orderIds.length ? await tx.select().from(orders).where(inArray(orders.id, orderIds)) : [];
  const orderById = new Map(orderRows.map((o) => [o.id, o]));
  const lineRows = orderIds.length
    ? await tx.select({ orderId: orderLines.orderId, title: orderLines.title, lineNo: orderLines.lineNo }).from(orderLines).where(inArray(orderLines.orderId, orderIds))
    : [];
  const itemByOrder = new Map<string, string>();
  for (const l of lineRows.sort((a, b) => a.lineNo - b.lineNo)) if (!itemByOrder.has(l.orderId)) itemByOrder.set(l.orderId, l.title);
  const buyerIds = [...new Set(rows.map((r) => r.buyerId).filter((x): x is string => !!x))];
  const buyerRows = buyerIds.length ? await tx.select({ id: buyers.id, nickname: buyers.nickname }).from(buyers).where(inArray(buyers.id, buyerIds)) : [];
  const buyerById = new Map(buyerRows.map((b) => [b.id, b]));
  const optedOut = await optedOutBuyers(tx, rows, rules.opt_out.words, now);

  const shopsById = new Map<string, ShopBatch>();
  for (const shopId of new Set(rows.map((r) => r.shopId))) {
    const ctx = contexts.get(shopId)!;
    shopsById.set(shopId, { ctx, settings: await loadFlowSettings(tx, shopId), templates: await loadShopTemplates(tx, shopId) });
  }

  const out: FiredFollowup[] = [];
  const finish = async (row: Row, outcome: FollowupOutcome, set: Partial<Row> = {}) => {
    const state = outcome === 'sent' ? 'sent' : outcome === 'blocked' || outcome === 'missing_data' || outcome === 'failed' ? 'failed' : 'cancelled';
    await tx
      .update(scheduledMessages)
      .set({ state, outcome, firedBy: workerId, ...(outcome === 'sent' ? { sentAt: now } : {}), ...set })
      .where(eq(scheduledMessages.id, row.id));
    out.push({ id: row.id, shopId: row.shopId, flow: row.kind, orderId: row.orderId, dueAt: row.dueAt, outcome, ...(set.messageId ? { messageId: set.messageId } : {}) });
  };
  const defer = async (row: Row, outcome: FollowupOutcome, until: Date, note: string) => {
    await tx.update(scheduledMessages).set({ dueAt: until, outcome, outcomeNote: note }).where(eq(scheduledMessages.id, row.id));
    out.push({ id: row.id, shopId: row.shopId, flow: row.kind, orderId: row.orderId, dueAt: row.dueAt, outcome });
  };

  // Rows of one buyer together, buyers in one order: two workers lock buyers in the same order.
  rows.sort((a, b) => (a.buyerId ?? '').localeCompare(b.buyerId ?? '') || a.id - b.id);
  for (const row of rows) {
    const shop = shopsById.get(row.shopId)!;
    const order = row.orderId ? orderById.get(row.orderId) : undefined;
    if (!isFlowKey(row.kind) || !row.buyerId) {
      await finish(row, 'failed', { outcomeNote: '未知的跟进类型或缺少买家' });
      continue;
    }
    const flow = row.kind;
    if (!flowEnabled(shop.settings, flow)) {
      await finish(row, 'flow_off', { outcomeNote: '该跟进已关闭' });
      continue;
    }
    if (row.orderId) {
      const stop = order ? stopReason(flow, orderPhase(shop.ctx.profile, order.state)) : 'moved_on';
      if (stop) {
        await finish(row, `stopped_${stop}`, { outcomeNote: order ? `订单状态：${order.state}` : '订单已不存在' });
        continue;
      }
    }
    if (now.getTime() - row.dueAt.getTime() > EXPIRE_AFTER_MS) {
      await finish(row, 'expired', { outcomeNote: '超过 48 小时未能发送，已过时' });
      continue;
    }
    if (optedOut.has(row.buyerId)) {
      await finish(row, 'opted_out', { outcomeNote: '买家已退订主动消息' });
      continue;
    }
    const tz = buyerTimeZone(rules, order?.region);
    const quietEnd = quietUntil(now, tz, rules.quiet_hours);
    if (quietEnd) {
      await defer(row, 'deferred_quiet', quietEnd, `买家当地（${tz}）免打扰时段，顺延`);
      continue;
    }

    // Per buyer from here: the buyer row is the lock two senders queue behind.
    await tx.select({ id: buyers.id }).from(buyers).where(eq(buyers.id, row.buyerId)).for('update');
    const conv = await conversationFor(tx, row.shopId, row.buyerId, now);
    const limit = rules.frequency[row.category];
    const [count] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(scheduledMessages)
      .where(
        and(
          eq(scheduledMessages.shopId, row.shopId),
          eq(scheduledMessages.buyerId, row.buyerId),
          eq(scheduledMessages.state, 'sent'),
          eq(scheduledMessages.category, row.category),
          eq(scheduledMessages.channel, conv.channel),
          gte(scheduledMessages.sentAt, new Date(now.getTime() - limit.per_hours * HOUR)),
        ),
      );
    if (!withinFrequency(Number(count?.n ?? 0), limit)) {
      const note = `频率限制：每 ${limit.per_hours} 小时最多 ${limit.max} 条${row.category === 'marketing' ? '营销' : '服务'}消息`;
      if (row.category === 'marketing') await finish(row, 'held_frequency', { outcomeNote: note, channel: conv.channel });
      else await defer(row, 'deferred_frequency', new Date(now.getTime() + SERVICE_RETRY_MS), note);
      continue;
    }

    // The wording: the shop's template or the default, in the buyer's language, filled from the order.
    const profile = shop.ctx.profile;
    const composed = composeFollowup(shop, flow, order, {
      nickname: buyerById.get(row.buyerId)?.nickname,
      item: order ? itemByOrder.get(order.id) : null,
      lastIntent: conv.lastIntent,
    });
    const rendered = composed;
    const common = { lang: composed.lang, reason: composed.reason, templateId: composed.template?.id ?? null, channel: conv.channel };
    if (!composed.template) {
      await finish(row, 'missing_data', { ...common, outcomeNote: '没有可用的模板' });
      continue;
    }
    if (rendered.missing.length > 0) {
      await finish(row, 'missing_data', { ...common, text: rendered.text, outcomeNote: `订单缺少：${rendered.missing.join('、')}` });
      continue;
    }
    // The reply guard again at send (the template passed it when saved; the order's data did not).
    const ctx = guardContext({ freeShipping: freeShippingFor(shop.ctx, null), previousOutgoing: [], askerIsBuyer: true });
    const verdict = explainVerdict(profile, guardReply(profile, rendered.text, ctx));
    if (verdict.verdict === 'block') {
      const v = verdict.violations.find((x) => x.severity === 'block');
      await finish(row, 'blocked', { ...common, text: rendered.text, outcomeNote: v ? `违反平台规则「${ruleTitle(profile, v.rule)}」（${v.rule}）` : '违反平台规则' });
      continue;
    }
    const locked = await lockConversation(tx, conv.id);
    const [stored] = await appendOutgoing(tx, emit, locked, {
      author: { kind: 'bot', id: null },
      messages: [{ text: rendered.text, verdict }],
      promises: verdict.promises.map((p) => ({ kind: p.kind, text: p.text, messageIndex: 0 })),
      profile,
      bridgeCallbackUrl: shop.ctx.settings.bridgeCallbackUrl ?? null,
      now,
    });
    // A proactive message is not an answer: the buyer's first message still waits for one (C2).
    if (!locked.row.firstBuyerMessageAt) {
      await tx.update(conversations).set({ firstResponseAt: null }).where(eq(conversations.id, conv.id));
    }
    await finish(row, 'sent', { ...common, text: rendered.text, conversationId: conv.id, messageId: stored?.id ?? null, outcomeNote: null });
  }
  return out;
}

/**
 * The buyer's conversation to write in: the latest open one, else a new one on the channel the
 * buyer last used (a marketplace buyer with no chat yet: the bridge).
 */
async function conversationFor(tx: Tx, shopId: string, buyerId: string, now: Date): Promise<{ id: string; channel: string; lastIntent: string | null }> {
  const [latest] = await tx
    .select({ id: conversations.id, channel: conversations.channel, status: conversations.status, lastIntent: conversations.lastIntent })
    .from(conversations)
    .where(and(eq(conversations.shopId, shopId), eq(conversations.buyerId, buyerId)))
    .orderBy(desc(conversations.createdAt))
    .limit(1);
  if (latest && latest.status !== 'closed') return latest;
  const [created] = await tx
    .insert(conversations)
    .values({ shopId, buyerId, channel: latest?.channel ?? 'bridge', status: 'bot', createdAt: now, lastIntent: latest?.lastIntent ?? null })
    .returning({ id: conversations.id, channel: conversations.channel, lastIntent: conversations.lastIntent });
  return created!;
}

/**
 * F3: buyers of these rows who opted out — recorded (followup_consent), or who wrote an opt-out
 * word (退订, unsubscribe…) in any of their conversations, which is recorded now.
 */
async function optedOutBuyers(tx: Tx, rows: Row[], words: readonly string[], now: Date): Promise<Set<string>> {
  const pairs = rows.filter((r) => r.buyerId).map((r) => ({ shopId: r.shopId, buyerId: r.buyerId! }));
  if (pairs.length === 0) return new Set();
  const buyerIds = [...new Set(pairs.map((p) => p.buyerId))];
  const recorded = await tx
    .select({ buyerId: followupConsent.buyerId })
    .from(followupConsent)
    .where(inArray(followupConsent.buyerId, buyerIds));
  const out = new Set(recorded.map((r) => r.buyerId));
  const rest = buyerIds.filter((b) => !out.has(b));
  if (rest.length === 0) return out;
  const patterns = words.map((w) => (/[\u3400-\u9fff]/.test(w) || w.length >= 6 ? `%${w}%` : w));
  const said = await tx
    .select({ buyerId: conversations.buyerId, shopId: conversations.shopId, id: messages.id, text: messages.text })
    .from(messages)
    .innerJoin(conversations, eq(conversations.id, messages.conversationId))
    .where(
      and(
        inArray(conversations.buyerId, rest),
        eq(messages.direction, 'in'),
        or(...patterns.map((p) => ilike(messages.text, p))),
      ),
    );
  for (const m of said) {
    if (!isOptOut(m.text, words) || out.has(m.buyerId)) continue;
    out.add(m.buyerId);
    await tx
      .insert(followupConsent)
      .values({ shopId: m.shopId, buyerId: m.buyerId, optedOutAt: now, source: 'buyer_message', messageId: m.id })
      .onConflictDoNothing();
  }
  return out;
}

/** Pending follow-ups (status screens, tests). */
export async function countPendingFollowups(database: Database, shopId?: string): Promise<number> {
  const [row] = await database.db
    .select({ n: sql<number>`count(*)::int` })
    .from(scheduledMessages)
    .where(and(eq(scheduledMessages.state, 'pending'), ...(shopId ? [eq(scheduledMessages.shopId, shopId)] : [])));
  return Number(row?.n ?? 0);
}

