// Sending due follow-ups (issue 14), a step of the timer loop beside the deadlines: in one
// transaction, take due rows with FOR UPDATE SKIP LOCKED (another process skips them), decide each
// once — stopped (paid, closed, flow off, opted out), held (frequency limit, F3), deferred (quiet
// hours in the buyer's time zone), blocked (the reply guard, at send as at save) or sent — and
// send through the one delivery port: the message is stored in the buyer's conversation by
// appendOutgoing (bridge outbox row, widget push by its message.created event), so agents see it
// in the chat. The row's new state commits with the message, so a restart or a second process
// never sends it twice.
import { randomUUID } from 'node:crypto';
import { and, asc, desc, eq, ilike, inArray, isNull, lte, or, sql } from 'drizzle-orm';
import { followupRules, isFlowKey, type FlowKey } from '../../core/followups/config.js';
import { alreadyVerified, confirmReminderHold, flowEnabled, memberInviteHold, memberInviteReviewWords, reviewInviteSegment, stopReason, type MemberInviteHold } from '../../core/followups/flows.js';
import { buyerTimeZone, isOptOut, quietUntil, withinFrequency } from '../../core/followups/limits.js';
import { orderPhase } from '../../core/orders/order-phase.js';
import type { Database, Tx } from '../../store/open-database.js';
import {
  aftersalesCases,
  buyers,
  conversations,
  followupConsent,
  messages,
  orderLines,
  orders,
  reviews,
  scheduledMessages,
} from '../../store/schema/index.js';
import type { GuardVerdictStored } from '../conversations/guard-reply.js';
import { messageView } from '../conversations/views.js';
import { outboxUrlFor } from '../delivery/deliver.js';
import { finishedStates } from '../../core/orders/order-phase.js';
import type { Profile } from '../../core/rules/schema.js';
import { callJson, rowFromJson } from '../../store/sql-functions.js';
import { messages as messagesTable } from '../../store/schema/index.js';
import type { LockedConversation } from '../conversations/conversation-row.js';
import { readConversationState } from '../../core/conversation/state.js';
import { explainVerdict, freeShippingFor, guardContext, guardReply, ruleTitle } from '../conversations/guard-reply.js';
import type { EventBus } from '../events/event-bus.js';
import { transact, type Emit } from '../events/outbox.js';
import { loadShopContext, type ShopContext } from '../shops/shop-context.js';
import { composeFollowup, type ComposeShop } from './compose.js';
import { loadFlowSettings, loadShopTemplates } from './schedule.js';
import { shopTiers } from '../../core/buyers/tiers.js';
import { inSegment, segmentLabel, type Segment, type SegmentBuyer } from '../../core/followups/segment.js';
import { buyerSegmentInfo } from '../buyers/segments.js';
import { ordersAwaitingPriceChange, ordersRepricedSinceBuyerSpoke } from './price-hold.js';
import { callTaskHold, mailSubject, REVISIT_CHANNEL_ZH } from '../../core/followups/revisit-channels.js';
import { revisitChannelOf, revisitFacts, storeRevisitTasks, type NewCallTask, type NewMail } from './revisit-tasks.js';

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
  | 'stopped_confirmed'
  | 'stopped_aftersales'
  | 'stopped_auto_confirmed'
  | 'stopped_verified'
  | 'flow_off'
  | 'opted_out'
  | 'outside_segment'
  | 'stopped_review_not_good'
  | 'already_member'
  | 'held_member_gap'
  | 'held_frequency'
  | 'deferred_quiet'
  | 'deferred_price_change'
  | 'deferred_frequency'
  | 'blocked'
  | 'missing_data'
  | 'expired'
  | 'failed'
  // F4 老客回访 by phone or mail: a call task was created / a mail queued for the shop's SMTP server.
  | 'call_task'
  | 'mail_queued'
  | 'stopped_refused_call'
  | 'held_call_open';

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
type OrderRow = typeof orders.$inferSelect;

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
  // C8: a 催付 waits while the buyer is waiting for an agreed 改价 (asked in chat, no change in the
  // order's history since): telling them to pay now would have them pay the old price.
  const pendingPriceChange = await pendingPriceChanges(tx, rows, orderById);
  // R7: the latest review of each order a review invitation is for (its wording follows it).
  const inviteOrders = [...new Set(rows.filter((r) => r.kind === 'review_invite' && r.orderId).map((r) => r.orderId!))];
  const ratingByOrder = new Map<string, 'good' | 'neutral' | 'bad'>();
  if (inviteOrders.length > 0) {
    const reviewed = await tx.select({ orderId: reviews.orderId, rating: reviews.rating }).from(reviews).where(inArray(reviews.orderId, inviteOrders)).orderBy(asc(reviews.at));
    for (const r of reviewed) if (r.orderId) ratingByOrder.set(r.orderId, r.rating);
  }

  // R7 入会邀请: each invited buyer's latest review in the shop, tags and last invitation sent.
  const memberFacts = await memberInviteFactsOf(tx, rows.filter((r) => r.kind === 'member_invite' && r.buyerId));

  // R7: orders of due 签收未确认提醒 with an after-sales case still open (never ask them to confirm).
  const openCaseOrders = await ordersWithOpenCase(tx, rows.filter((r) => r.kind === 'confirm_reminder' && r.orderId).map((r) => r.orderId!));

  const shopsById = new Map<string, ShopBatch>();
  for (const shopId of new Set(rows.map((r) => r.shopId))) {
    const ctx = contexts.get(shopId)!;
    shopsById.set(shopId, { ctx, settings: await loadFlowSettings(tx, shopId), templates: await loadShopTemplates(tx, shopId) });
  }

  // F4/M2: a marketing flow aimed at a segment goes only to its buyers, as they stand now (a
  // buyer may have changed tier or tags since the row was scheduled): read for the batch's buyers.
  const segmentOf = (shop: ShopBatch, flow: FlowKey): Segment | null =>
    rules.flows[flow].category === 'marketing' ? (shop.settings[flow]?.segment ?? null) : null;
  const membersByShop = new Map<string, Map<string, SegmentBuyer>>();
  for (const [shopId, shop] of shopsById) {
    const ids = rows.filter((r) => r.shopId === shopId && r.buyerId && isFlowKey(r.kind) && segmentOf(shop, r.kind)).map((r) => r.buyerId!);
    if (ids.length > 0) membersByShop.set(shopId, await buyerSegmentInfo(tx, shopId, shopTiers((shop.ctx.settings as { vip?: unknown }).vip).tiers, ids));
  }

  // Every row's new state is collected and written in one statement at the end (with the
  // messages of the same transaction): the per-row work is the message itself.
  const out: FiredFollowup[] = [];
  const updates: RowUpdate[] = [];
  const finish = (row: Row, outcome: FollowupOutcome, set: Partial<RowUpdate> = {}) => {
    const done = outcome === 'sent' || outcome === 'call_task' || outcome === 'mail_queued';
    const state = done ? 'sent' : outcome === 'blocked' || outcome === 'missing_data' || outcome === 'failed' ? 'failed' : 'cancelled';
    updates.push({ id: row.id, state, outcome, fired_by: workerId, sent_at: done ? now.toISOString() : null, ...set });
    out.push({ id: row.id, shopId: row.shopId, flow: row.kind, orderId: row.orderId, dueAt: row.dueAt, outcome, ...(set.message_id ? { messageId: set.message_id } : {}) });
  };
  const defer = (row: Row, outcome: FollowupOutcome, until: Date, note: string) => {
    updates.push({ id: row.id, state: 'pending', outcome, outcome_note: note, due_at: until.toISOString() });
    out.push({ id: row.id, shopId: row.shopId, flow: row.kind, orderId: row.orderId, dueAt: row.dueAt, outcome });
  };

  // First pass, no writes: what stops, expires, is opted out or waits for the buyer's morning.
  const going: { row: Row & { buyerId: string }; flow: FlowKey; order: OrderRow | undefined; shop: ShopBatch }[] = [];
  for (const row of rows) {
    const shop = shopsById.get(row.shopId)!;
    const order = row.orderId ? orderById.get(row.orderId) : undefined;
    if (!isFlowKey(row.kind) || !row.buyerId) {
      finish(row, 'failed', { outcome_note: '未知的跟进类型或缺少买家' });
      continue;
    }
    const flow = row.kind;
    if (!flowEnabled(shop.settings, flow)) {
      finish(row, 'flow_off', { outcome_note: '该跟进已关闭' });
      continue;
    }
    if (row.orderId) {
      const stop = order ? stopReason(flow, orderPhase(shop.ctx.profile, order.state)) : 'moved_on';
      if (stop) {
        finish(row, `stopped_${stop}`, { outcome_note: order ? `订单状态：${order.state}` : '订单已不存在' });
        continue;
      }
    }
    if (flow === 'confirm_reminder' && order) {
      const hold = confirmReminderHold({
        openCase: openCaseOrders.has(order.id), shippedAt: order.shippedAt, autoConfirmDays: shop.ctx.profile.orders.receipt.auto_confirm_days_after_ship, now,
      });
      if (hold === 'aftersales_open') {
        finish(row, 'stopped_aftersales', { outcome_note: '售后处理中，不提醒确认收货' });
        continue;
      }
      if (hold === 'auto_confirmed') {
        finish(row, 'stopped_auto_confirmed', { outcome_note: '已过平台自动确认收货时间' });
        continue;
      }
    }
    if (flow === 'member_invite') {
      const rule = rules.flows.member_invite;
      const f = memberFacts.get(`${row.shopId}|${row.buyerId}`);
      const hold = memberInviteHold({
        latestRating: f?.rating ?? null, tags: f?.tags ?? [], memberTags: rule.member_tags ?? [], lastInvitedAt: f?.lastSentAt ?? null, now, minGapHours: rule.min_gap_hours ?? 0,
      });
      if (hold) {
        const [outcome, note] = MEMBER_HOLD[hold];
        finish(row, outcome, { outcome_note: note });
        continue;
      }
    }
    if (now.getTime() - row.dueAt.getTime() > EXPIRE_AFTER_MS) {
      finish(row, 'expired', { outcome_note: '超过 48 小时未能发送，已过时' });
      continue;
    }
    if (optedOut.has(row.buyerId)) {
      finish(row, 'opted_out', { outcome_note: '买家已退订主动消息' });
      continue;
    }
    if (flow === 'payment_reminder' && row.orderId && pendingPriceChange.has(row.orderId)) {
      defer(row, 'deferred_price_change', new Date(now.getTime() + SERVICE_RETRY_MS), '买家在等改价/改运费，改价后再催付');
      continue;
    }
    const segment = segmentOf(shop, flow);
    if (segment && !inSegment(segment, membersByShop.get(row.shopId)?.get(row.buyerId) ?? { tier: null, tags: [] })) {
      const names = new Map(shopTiers((shop.ctx.settings as { vip?: unknown }).vip).tiers.map((t) => [t.id, t.name]));
      finish(row, 'outside_segment', { outcome_note: `不在目标人群（${segmentLabel(segment, (id) => names.get(id) ?? id)}）` });
      continue;
    }
    const tz = buyerTimeZone(rules, order?.region);
    const quietEnd = quietUntil(now, tz, rules.quiet_hours);
    if (quietEnd) {
      defer(row, 'deferred_quiet', quietEnd, `买家当地（${tz}）免打扰时段，顺延`);
      continue;
    }
    going.push({ row: row as Row & { buyerId: string }, flow, order, shop });
  }

  if (going.length > 0) {
    // C8: a reminder after a 改价 the buyer has not written since says so (its own wording).
    const repriced = await ordersRepricedSinceBuyerSpoke(tx, going.filter((g) => g.flow === 'payment_reminder' && g.order).map((g) => ({
      id: g.order!.id, shopId: g.row.shopId, buyerId: g.row.buyerId, orderedAtMs: (g.order!.orderedAt ?? g.order!.createdAt).getTime(),
    })));
    // The buyers are the lock two senders queue behind (in id order, so two workers never
    // deadlock): after it, this worker sees every follow-up the other one committed to them.
    const goingBuyers = [...new Set(going.map((g) => g.row.buyerId))].sort();
    await tx.select({ id: buyers.id }).from(buyers).where(inArray(buyers.id, goingBuyers)).orderBy(asc(buyers.id)).for('update');
    // F4: a re-visit the shop sends by phone or mail leaves the chat path (no conversation needed).
    const offChat = going.filter((g) => revisitChannelOf(g.flow, g.shop.settings) !== 'chat');
    const viaChat = going.filter((g) => revisitChannelOf(g.flow, g.shop.settings) === 'chat');
    const convByBuyer = viaChat.length > 0 ? await conversationsFor(tx, viaChat.map((g) => ({ shopId: g.row.shopId, buyerId: g.row.buyerId })), now) : new Map<string, { id: string; channel: string }>();
    const convIds = [...new Set([...convByBuyer.values()].map((c) => c.id))].sort();
    const lockedRows = convIds.length > 0 ? await tx.select().from(conversations).where(inArray(conversations.id, convIds)).orderBy(asc(conversations.id)).for('update') : [];
    const locked = new Map<string, LockedConversation>(lockedRows.map((r) => [r.id, { row: r, state: readConversationState(r.state) }]));
    // F3: what each buyer already got per channel and category inside the limit's window.
    const since = (c: 'marketing' | 'service') => new Date(now.getTime() - rules.frequency[c].per_hours * HOUR);
    const counted = await tx
      .select({
        buyerId: scheduledMessages.buyerId,
        channel: scheduledMessages.channel,
        marketing: sql<number>`count(*) filter (where ${scheduledMessages.category} = 'marketing' and ${scheduledMessages.sentAt} >= ${since('marketing')})::int`,
        service: sql<number>`count(*) filter (where ${scheduledMessages.category} = 'service' and ${scheduledMessages.sentAt} >= ${since('service')})::int`,
      })
      .from(scheduledMessages)
      // Shop first: the partial index on sent rows (shop, buyer, sent_at) answers it, not a scan of every sent row.
      .where(and(
        inArray(scheduledMessages.shopId, [...new Set(going.map((g) => g.row.shopId))]),
        inArray(scheduledMessages.buyerId, goingBuyers),
        eq(scheduledMessages.state, 'sent'),
        sql`${scheduledMessages.sentAt} >= ${since(rules.frequency.marketing.per_hours > rules.frequency.service.per_hours ? 'marketing' : 'service')}`,
      ))
      .groupBy(scheduledMessages.buyerId, scheduledMessages.channel);
    const sentCount = new Map<string, number>();
    for (const c of counted) {
      sentCount.set(`${c.buyerId}|${c.channel}|marketing`, Number(c.marketing));
      sentCount.set(`${c.buyerId}|${c.channel}|service`, Number(c.service));
    }
    const sends: Send[] = [];
    // The reply guard decides on the text alone (with the shop's profile and free-shipping
    // context): identical texts of one shop are judged once per batch.
    const verdicts = new Map<string, GuardVerdictStored>();
    const guardCtx = new Map<string, ReturnType<typeof guardContext>>();

    /** The reply guard's blocking finding on a text about to go out (null: it may go). */
    const guardBlock = (row: Row, shop: ShopBatch, text: string): { verdict: GuardVerdictStored; note: string | null } => {
      const profile = shop.ctx.profile;
      let ctx = guardCtx.get(row.shopId);
      if (!ctx) guardCtx.set(row.shopId, (ctx = guardContext({ freeShipping: freeShippingFor(shop.ctx, null), previousOutgoing: [], askerIsBuyer: true, shopName: shop.ctx.shop.name })));
      const verdictKey = `${row.shopId}\u0000${text}`;
      let verdict = verdicts.get(verdictKey);
      if (!verdict) verdicts.set(verdictKey, (verdict = explainVerdict(profile, guardReply(profile, text, ctx))));
      if (verdict.verdict !== 'block') return { verdict, note: null };
      const v = verdict.violations.find((x) => x.severity === 'block');
      return { verdict, note: v ? `违反平台规则「${ruleTitle(profile, v.rule)}」（${v.rule}）` : '违反平台规则' };
    };

    // F4 老客回访 by phone (a call task for an agent) or mail (queued for the shop's SMTP server):
    // the same frequency limit per buyer and channel, the same template and guard as chat.
    if (offChat.length > 0) {
      const facts = await revisitFacts(tx, offChat.map((g) => ({ shopId: g.row.shopId, buyerId: g.row.buyerId })));
      const calls: NewCallTask[] = [];
      const mails: NewMail[] = [];
      for (const { row, flow, order, shop } of offChat) {
        const channel = revisitChannelOf(flow, shop.settings) as 'phone' | 'email';
        const limit = rules.frequency[row.category];
        const key = `${row.buyerId}|${channel}|${row.category}`;
        if (!withinFrequency(sentCount.get(key) ?? 0, limit)) {
          const note = `频率限制：每 ${limit.per_hours} 小时最多 ${limit.max} 条${row.category === 'marketing' ? '营销' : '服务'}消息（${REVISIT_CHANNEL_ZH[channel]}）`;
          if (row.category === 'marketing') finish(row, 'held_frequency', { outcome_note: note, channel });
          else defer(row, 'deferred_frequency', new Date(now.getTime() + SERVICE_RETRY_MS), note);
          continue;
        }
        const f = facts.get(`${row.shopId}|${row.buyerId}`) ?? { phone: null, email: null, refusedBefore: false, openTask: false, mailConfigured: false };
        if (channel === 'phone') {
          const hold = callTaskHold(f);
          if (hold === 'refused_call') { finish(row, 'stopped_refused_call', { outcome_note: '买家曾拒绝电话回访，不再拨打', channel }); continue; }
          if (hold === 'call_open') { finish(row, 'held_call_open', { outcome_note: '该买家已有未完成的回访电话任务', channel }); continue; }
          if (!f.phone) { finish(row, 'missing_data', { outcome_note: '买家没有可拨打的电话号码', channel }); continue; }
        } else {
          if (!f.email) { finish(row, 'missing_data', { outcome_note: '买家没有登记邮箱', channel }); continue; }
          if (!f.mailConfigured) { finish(row, 'missing_data', { outcome_note: '店铺还没有配置发信服务器（SMTP）', channel }); continue; }
        }
        const composed = composeFollowup(shop, flow, order, { nickname: buyerById.get(row.buyerId)?.nickname, item: order ? itemByOrder.get(order.id) : null, lastIntent: null });
        const common: Partial<RowUpdate> = { lang: composed.lang, reason: composed.reason, template_id: composed.template?.id ?? null, channel };
        if (!composed.template) { finish(row, 'missing_data', { ...common, outcome_note: '没有可用的模板' }); continue; }
        if (composed.missing.length > 0) { finish(row, 'missing_data', { ...common, text: composed.text, outcome_note: `订单缺少：${composed.missing.join('、')}` }); continue; }
        const blocked = guardBlock(row, shop, composed.text).note;
        if (blocked) { finish(row, 'blocked', { ...common, text: composed.text, outcome_note: blocked }); continue; }
        if (channel === 'phone') {
          calls.push({ shopId: row.shopId, buyerId: row.buyerId, scheduledId: row.id, orderId: row.orderId, script: composed.text, dueAt: now });
          finish(row, 'call_task', { ...common, text: composed.text, outcome_note: '已生成回访电话任务' });
        } else {
          mails.push({ shopId: row.shopId, buyerId: row.buyerId, scheduledId: row.id, toAddress: f.email!, subject: mailSubject(rules.flows.revisit.mail?.subject ?? '{shop}', shop.ctx.shop.name), body: composed.text, nextAttemptAt: now });
          finish(row, 'mail_queued', { ...common, text: composed.text, outcome_note: '邮件已进入发送队列' });
        }
        sentCount.set(key, (sentCount.get(key) ?? 0) + 1);
      }
      await storeRevisitTasks(tx, calls, mails);
    }

    // Rows of one buyer together, oldest first.
    viaChat.sort((a, b) => a.row.buyerId.localeCompare(b.row.buyerId) || a.row.dueAt.getTime() - b.row.dueAt.getTime() || a.row.id - b.row.id);
    for (const { row, flow, order, shop } of viaChat) {
      const conv = convByBuyer.get(row.buyerId)!;
      const lockedConv = locked.get(conv.id)!;
      // C9: the order was confirmed with the buyer already (the bot in the chat, or an agent recorded it).
      if (flow === 'order_verify' && order && alreadyVerified(order.id, lockedConv.state.verifiedOrderIds, order.verifiedAt)) {
        finish(row, 'stopped_verified', { outcome_note: '已在会话中与买家核对过该订单', channel: conv.channel });
        continue;
      }
      const limit = rules.frequency[row.category];
      const key = `${row.buyerId}|${conv.channel}|${row.category}`;
      if (!withinFrequency(sentCount.get(key) ?? 0, limit)) {
        const note = `频率限制：每 ${limit.per_hours} 小时最多 ${limit.max} 条${row.category === 'marketing' ? '营销' : '服务'}消息`;
        if (row.category === 'marketing') finish(row, 'held_frequency', { outcome_note: note, channel: conv.channel });
        else defer(row, 'deferred_frequency', new Date(now.getTime() + SERVICE_RETRY_MS), note);
        continue;
      }
      // The wording: the shop's template or the default, in the buyer's language, filled from the order.
      const profile = shop.ctx.profile;
      const composed = composeFollowup(shop, flow, order, {
        nickname: buyerById.get(row.buyerId)?.nickname,
        item: order ? itemByOrder.get(order.id) : null,
        lastIntent: lockedConv.row.lastIntent,
        now,
        ...(flow === 'payment_reminder' && order ? { repriced: repriced.has(order.id) } : {}),
        ...(flow === 'review_invite' && order ? { reviewSegment: reviewInviteSegment(order.completedAt, ratingByOrder.get(order.id) ?? null) } : {}),
      });
      const common: Partial<RowUpdate> = { lang: composed.lang, reason: composed.reason, template_id: composed.template?.id ?? null, channel: conv.channel };
      if (!composed.template) {
        finish(row, 'missing_data', { ...common, outcome_note: '没有可用的模板' });
        continue;
      }
      if (composed.missing.length > 0) {
        finish(row, 'missing_data', { ...common, text: composed.text, outcome_note: `订单缺少：${composed.missing.join('、')}` });
        continue;
      }
      // R7/D9: a membership invitation never mentions the review (checked on save, and here again).
      const tied = flow === 'member_invite' ? memberInviteReviewWords(composed.text, rules.flows.member_invite.forbidden_words ?? []) : [];
      if (tied.length > 0) {
        finish(row, 'blocked', { ...common, text: composed.text, outcome_note: `入会邀请不能提及评价（${tied.join('、')}）：入会不能作为好评的回报（R7、D9）` });
        continue;
      }
      // The reply guard again at send (the template passed it when saved; the order's data did not).
      const { verdict, note: blocked } = guardBlock(row, shop, composed.text);
      if (blocked) {
        finish(row, 'blocked', { ...common, text: composed.text, outcome_note: blocked });
        continue;
      }
      sends.push({ row, conv: lockedConv, text: composed.text, verdict, profile, callbackUrl: shop.ctx.settings.bridgeCallbackUrl ?? null, common });
      sentCount.set(key, (sentCount.get(key) ?? 0) + 1);
    }
    await storeSends(tx, emit, sends, now, (row, set) => finish(row, 'sent', set));
    await rememberVerified(tx, sends.filter((x) => x.row.kind === 'order_verify' && x.row.orderId));
  }

  if (updates.length > 0) {
    await tx.execute(sql`
      update scheduled_messages s set
        state = v.state,
        outcome = v.outcome,
        outcome_note = v.outcome_note,
        fired_by = coalesce(v.fired_by, s.fired_by),
        sent_at = coalesce(v.sent_at, s.sent_at),
        text = coalesce(v.text, s.text),
        message_id = coalesce(v.message_id, s.message_id),
        conversation_id = coalesce(v.conversation_id, s.conversation_id),
        channel = coalesce(v.channel, s.channel),
        lang = coalesce(v.lang, s.lang),
        reason = coalesce(v.reason, s.reason),
        template_id = coalesce(v.template_id, s.template_id),
        due_at = coalesce(v.due_at, s.due_at)
      from jsonb_to_recordset(${JSON.stringify(updates)}::jsonb) as v(
        id bigint, state text, outcome text, outcome_note text, fired_by text, sent_at timestamptz, "text" text, message_id bigint,
        conversation_id text, channel text, lang text, reason text, template_id text, due_at timestamptz)
      where s.id = v.id`);
  }
  return out;
}

interface Send {
  row: Row;
  conv: LockedConversation;
  text: string;
  verdict: GuardVerdictStored;
  profile: Profile;
  callbackUrl: string | null;
  common: Partial<RowUpdate>;
}

/**
 * Stores the batch's messages with one statement, dxe_append_outgoing_many (migration 0020): the
 * set-based form of dxe_append_outgoing, the function every sender stores outgoing messages with —
 * sequence numbers per conversation (a conversation may get several), the bridge deliveries the
 * delivery port asks for (outboxUrlFor), promises (D8), and first_response_at left alone for a
 * buyer who never wrote (a proactive message is not an answer, C2). Then emits each message's
 * `message.created` (the widget's delivery), as appendOutgoing does for a single conversation.
 */
async function storeSends(tx: Tx, emit: Emit, sends: Send[], now: Date, sent: (row: Row, set: Partial<RowUpdate>) => void): Promise<void> {
  if (sends.length === 0) return;
  // D8 ties promises to an order not yet finished; one shop's profile per batch row (batches
  // usually hold one shop, and the finished states are the profile's).
  const byProfile = new Map<Profile, { send: Send; ord: number }[]>();
  sends.forEach((s, ord) => {
    const list = byProfile.get(s.profile) ?? [];
    list.push({ send: s, ord });
    byProfile.set(s.profile, list);
  });
  for (const [profile, list] of byProfile) {
    const items = list.map(({ send: s, ord }) => ({
      ord,
      conv: s.conv.row.id,
      text: s.text,
      verdict: s.verdict,
      url: outboxUrlFor({ channel: s.conv.row.channel, bridgeCallbackUrl: s.callbackUrl }),
      promises: s.verdict.promises.map((p) => ({ kind: p.kind, text: p.text })),
      proactive: true,
    }));
    const out = (await callJson(tx, 'dxe_append_outgoing_many', [{ json: items }, finishedStates(profile), now])) as { ord: number; message: unknown }[];
    for (const r of out) {
      const s = sends[Number(r.ord)]!;
      const m = rowFromJson(messagesTable, r.message);
      emit({ type: 'message.created', shopId: s.conv.row.shopId, data: { conversationId: s.conv.row.id, message: messageView(m) } });
      sent(s.row, { ...s.common, text: s.text, conversation_id: s.conv.row.id, message_id: m.id, outcome_note: null });
    }
  }
}

/**
 * C9: an order confirmation sent is remembered in the conversation's state (verifiedOrderIds), as
 * the bot's own confirmation is, so the bot does not ask again when the buyer writes. The rows are
 * locked by this transaction; the key is appended in place (no read-modify-write of the state).
 */
async function rememberVerified(tx: Tx, sends: readonly Send[]): Promise<void> {
  for (const s of sends) {
    const orderId = s.row.orderId!;
    await tx.execute(sql`
      update conversations set state = jsonb_set(coalesce(state, '{}'::jsonb), '{verifiedOrderIds}',
        coalesce(state->'verifiedOrderIds', '[]'::jsonb) || to_jsonb(${orderId}::text))
      where id = ${s.conv.row.id} and not coalesce(state->'verifiedOrderIds', '[]'::jsonb) ? ${orderId}`);
  }
}

/** A row's new state, as jsonb_to_recordset reads it (absent: unchanged). */
interface RowUpdate {
  id: number;
  state: 'pending' | 'sent' | 'cancelled' | 'failed';
  outcome: FollowupOutcome;
  outcome_note?: string | null;
  fired_by?: string;
  sent_at?: string | null;
  text?: string;
  message_id?: number | null;
  conversation_id?: string;
  channel?: string;
  lang?: string;
  reason?: string | null;
  template_id?: string | null;
  due_at?: string;
}

/**
 * Each buyer's conversation to write in: the latest open one, else a new one on the channel the
 * buyer last used (a marketplace buyer with no chat yet: the bridge), created together.
 */
async function conversationsFor(
  tx: Tx,
  pairs: { shopId: string; buyerId: string }[],
  now: Date,
): Promise<Map<string, { id: string; channel: string }>> {
  const buyerIds = [...new Set(pairs.map((p) => p.buyerId))];
  const latest = await tx
    .select({ id: conversations.id, buyerId: conversations.buyerId, channel: conversations.channel, status: conversations.status, lastIntent: conversations.lastIntent })
    .from(conversations)
    .where(inArray(conversations.buyerId, buyerIds))
    .orderBy(conversations.buyerId, desc(conversations.createdAt));
  const out = new Map<string, { id: string; channel: string }>();
  const byBuyer = new Map<string, (typeof latest)[number]>();
  for (const c of latest) if (!byBuyer.has(c.buyerId)) byBuyer.set(c.buyerId, c);
  const shopOf = new Map(pairs.map((p) => [p.buyerId, p.shopId]));
  const create: { id: string; shop_id: string; buyer_id: string; channel: string; last_intent: string | null }[] = [];
  for (const buyerId of buyerIds) {
    const c = byBuyer.get(buyerId);
    if (c && c.status !== 'closed') out.set(buyerId, c);
    else create.push({ id: randomUUID(), shop_id: shopOf.get(buyerId)!, buyer_id: buyerId, channel: c?.channel ?? 'bridge', last_intent: c?.lastIntent ?? null });
  }
  if (create.length > 0) {
    // One statement for every first-contact buyer of the batch (the buyers are locked by the
    // caller, so no other sender creates one for them meanwhile; ids are new UUIDs).
    await tx.execute(sql`
      insert into conversations (id, shop_id, buyer_id, channel, status, created_at, last_intent)
      select v.id, v.shop_id, v.buyer_id, v.channel, 'bot', ${now.toISOString()}::timestamptz, v.last_intent
        from jsonb_to_recordset(${JSON.stringify(create)}::jsonb) as v(id text, shop_id text, buyer_id text, channel text, last_intent text)
      on conflict (id) do nothing`);
    for (const c of create) out.set(c.buyer_id, { id: c.id, channel: c.channel });
  }
  return out;
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

/** R7 入会邀请: the outcome and note of each reason an invitation is not sent. */
export const MEMBER_HOLD: Record<MemberInviteHold, [FollowupOutcome, string]> = {
  review_not_good: ['stopped_review_not_good', '买家最近一条评价不是好评，不邀请入会'],
  already_member: ['already_member', '买家已是店铺会员'],
  invited_recently: ['held_member_gap', '近期已邀请过入会（每位买家 90 天最多 1 次）'],
};

/**
 * R7 入会邀请: per shop and buyer of these rows (key `shop|buyer`), the latest review's rating in
 * the shop, the buyer's tags, and when the shop last sent them a membership invitation.
 */
export async function memberInviteFactsOf(
  tx: Database['db'] | Tx,
  rows: readonly { shopId: string; buyerId: string | null }[],
): Promise<Map<string, { rating: 'good' | 'neutral' | 'bad' | null; tags: string[]; lastSentAt: Date | null }>> {
  const out = new Map<string, { rating: 'good' | 'neutral' | 'bad' | null; tags: string[]; lastSentAt: Date | null }>();
  const buyerIds = [...new Set(rows.map((r) => r.buyerId).filter((b): b is string => !!b))];
  if (buyerIds.length === 0) return out;
  const shopIds = [...new Set(rows.map((r) => r.shopId))];
  const get = (shopId: string, buyerId: string) => {
    const key = `${shopId}|${buyerId}`;
    let v = out.get(key);
    if (!v) out.set(key, (v = { rating: null, tags: [], lastSentAt: null }));
    return v;
  };
  const reviewed = await tx
    .select({ shopId: reviews.shopId, buyerId: reviews.buyerId, rating: reviews.rating })
    .from(reviews)
    .where(and(inArray(reviews.shopId, shopIds), inArray(reviews.buyerId, buyerIds)))
    .orderBy(asc(reviews.at), asc(reviews.id));
  for (const r of reviewed) if (r.buyerId) get(r.shopId, r.buyerId).rating = r.rating;
  const tagged = await tx.select({ id: buyers.id, shopId: buyers.shopId, tags: buyers.tags }).from(buyers).where(inArray(buyers.id, buyerIds));
  for (const b of tagged) get(b.shopId, b.id).tags = Array.isArray(b.tags) ? b.tags : [];
  const sent = await tx
    .select({ shopId: scheduledMessages.shopId, buyerId: scheduledMessages.buyerId, at: sql<Date | string | null>`max(${scheduledMessages.sentAt})` })
    .from(scheduledMessages)
    .where(and(inArray(scheduledMessages.shopId, shopIds), inArray(scheduledMessages.buyerId, buyerIds), eq(scheduledMessages.kind, 'member_invite'), eq(scheduledMessages.state, 'sent')))
    .groupBy(scheduledMessages.shopId, scheduledMessages.buyerId);
  for (const r of sent) if (r.buyerId && r.at) get(r.shopId, r.buyerId).lastSentAt = new Date(r.at);
  return out;
}

/** R7: which of these orders have an after-sales case still open (closed_at empty). */
export async function ordersWithOpenCase(tx: Database['db'] | Tx, orderIds: readonly string[]): Promise<Set<string>> {
  if (orderIds.length === 0) return new Set();
  const open = await tx
    .select({ orderId: aftersalesCases.orderId })
    .from(aftersalesCases)
    .where(and(inArray(aftersalesCases.orderId, [...new Set(orderIds)]), isNull(aftersalesCases.closedAt)));
  return new Set(open.map((o) => o.orderId));
}

/** When the next pending follow-up falls due (the timer loop sleeps until then); null: none. */
export async function nextFollowupDue(database: Database): Promise<Date | null> {
  const [row] = await database.db
    .select({ dueAt: scheduledMessages.dueAt })
    .from(scheduledMessages)
    .where(eq(scheduledMessages.state, 'pending'))
    .orderBy(asc(scheduledMessages.dueAt))
    .limit(1);
  return row?.dueAt ?? null;
}

/** Pending follow-ups (status screens, tests). */
export async function countPendingFollowups(database: Database, shopId?: string): Promise<number> {
  const [row] = await database.db
    .select({ n: sql<number>`count(*)::int` })
    .from(scheduledMessages)
    .where(and(eq(scheduledMessages.state, 'pending'), ...(shopId ? [eq(scheduledMessages.shopId, shopId)] : [])));
  return Number(row?.n ?? 0);
}


/** C8: the unpaid orders of these 催付 rows that wait for a 改价 (price-hold.ts, shared with the preview). */
async function pendingPriceChanges(tx: Tx, rows: readonly Row[], orderById: ReadonlyMap<string, OrderRow>): Promise<Set<string>> {
  const due = rows.filter((r) => r.kind === 'payment_reminder' && r.orderId && r.buyerId && orderById.has(r.orderId));
  return ordersAwaitingPriceChange(tx, due.map((r) => {
    const order = orderById.get(r.orderId!)!;
    return { id: order.id, shopId: r.shopId, buyerId: r.buyerId!, orderedAtMs: (order.orderedAt ?? order.createdAt).getTime() };
  }));
}
