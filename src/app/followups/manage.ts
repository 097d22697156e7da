// The follow-ups workbench (issue 14): a shop's flows (switch and timing, F1–F4, C8), its own
// templates (F2, checked by the reply guard on save), opt-outs set by an agent (F3), the preview
// of who would receive what before a flow is switched on, and the sent log with its outcomes and
// per-flow conversion (paid after a reminder, replied, opted out).
import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import {
  type FollowupFlowBody,
  type FollowupFlowStats,
  type FollowupLog,
  type FollowupPreview,
  type FollowupsView,
  type FollowupTemplatesBody,
} from '../../core/contract/followups.js';
import { DxeError } from '../../core/errors.js';
import { flowRule, FLOW_KEYS, followupRules, type FlowKey } from '../../core/followups/config.js';
import { FLOW_TITLES_ZH } from '../../core/followups/keys.js';
import { confirmReminderHold, flowEnabled, memberInviteHold, memberInviteReviewWords, planFollowups, reviewInviteSegment, type FlowSettings } from '../../core/followups/flows.js';
import { buyerTimeZone, isOptOut, quietUntil, withinFrequency } from '../../core/followups/limits.js';
import { renderTemplate, SAMPLE_VARS, TEMPLATE_VARIABLES, unknownVariables, type Template } from '../../core/followups/templates.js';
import { orderPhase, type OrderPhase } from '../../core/orders/order-phase.js';
import { maskPhonesInText } from '../../core/privacy.js';
import { shopTiers } from '../../core/buyers/tiers.js';
import { inSegment, readSegment, segmentLabel, type Segment } from '../../core/followups/segment.js';
import { flowChannels, REVISIT_CHANNEL_ZH } from '../../core/followups/revisit-channels.js';
import { ordersAwaitingPriceChange, ordersRepricedSinceBuyerSpoke } from './price-hold.js';
import { buyerSegmentInfo } from '../buyers/segments.js';
import type { Database, Tx } from '../../store/open-database.js';
import {
  aftersalesCases,
  buyers,
  conversations,
  followupConsent,
  followupFlows,
  followupTemplates,
  logisticsEvents,
  messages,
  orderEvents,
  orderLines,
  orders,
  reviews,
  scheduledMessages,
} from '../../store/schema/index.js';
import { appendAuditIn } from '../audit/audit-log.js';
import { assertShopAccess } from '../auth/access.js';
import type { Principal } from '../auth/auth.js';
import { explainVerdict, guardContext, guardReply, ruleTitle } from '../conversations/guard-reply.js';
import type { UseCaseDeps } from '../runtime/context.js';
import { settingsAudit, shopEditor } from '../settings/access.js';
import { guardWrittenTexts, type TextFinding } from '../settings/text-guard.js';
import { loadShopContext } from '../shops/shop-context.js';
import { composeFollowup, followupOutline } from './compose.js';
import { EXPIRE_AFTER_MS } from './run-due.js';
import { factsOf, insertPlanned, loadFlowSettings, loadShopTemplates, signingStatuses } from './schedule.js';
import { normalizeStateName } from '../../core/rules/machines.js';
import type { Profile } from '../../core/rules/schema.js';

const HOUR = 3_600_000;
const REPLY_WINDOW = "interval '72 hours'";

function sourceText(flow: FlowKey, platform: string): string {
  const s = flowRule(followupRules(), flow, platform).source;
  const req = Array.isArray(s.req) ? s.req.join('、') : s.req;
  return `${req}${s.seed ? `（种子 ${s.seed}）` : '（项目取值）'}${s.note ? `：${s.note}` : ''}`;
}

/** The whole screen: flows, templates (own and default), limits and per-flow figures. */
export async function followupsOverview(database: Database, p: Principal, shopId: string, now: Date): Promise<FollowupsView> {
  assertShopAccess(p, shopId);
  const shop = await loadShopContext(database, shopId);
  const rules = followupRules();
  const settings = await loadFlowSettings(database, shopId);
  const platform = shop.profile.platform;
  const tierNames = tierNamer(shop.settings);
  const flows = FLOW_KEYS.map((flow) => {
    const rule = flowRule(rules, flow, platform);
    const own = settings[flow];
    return {
      flow,
      title: rule.title,
      category: rule.category,
      trigger: rule.trigger,
      enabled: flowEnabled(settings, flow),
      delayHours: own?.delayHours ?? null,
      stepsHours: own?.stepsHours ?? null,
      defaultDelayHours: rule.delay_hours ?? null,
      defaultStepsHours: rule.steps_hours ?? null,
      sourceZh: sourceText(flow, platform),
      segment: rule.category === 'marketing' ? segmentView(own?.segment ?? null, tierNames) : null,
      channel: own?.channel ?? 'chat',
      channels: [...flowChannels(rule)],
    };
  });
  const own = await loadShopTemplates(database, shopId);
  const templates = [
    ...own.map((t) => templateView(t, true)),
    ...rules.templates.filter((t) => !t.platform || t.platform === platform).map((t) => templateView(t, false)),
  ];
  return {
    shopId,
    platform,
    payWindowHours: shop.profile.service.pay_window_hours,
    flows,
    templates,
    stats: await flowStats(database, shopId, now),
    limits: {
      marketing: { max: rules.frequency.marketing.max, perHours: rules.frequency.marketing.per_hours },
      service: { max: rules.frequency.service.max, perHours: rules.frequency.service.per_hours },
      quietStart: rules.quiet_hours.start,
      quietEnd: rules.quiet_hours.end,
    },
    variables: [...TEMPLATE_VARIABLES],
  };
}

/** The shop's tier names by id (its own tiers, else the defaults), for segment labels. */
function tierNamer(settings: unknown): (id: string) => string {
  const names = new Map(shopTiers((settings as { vip?: unknown } | null)?.vip).tiers.map((t) => [t.id, t.name]));
  return (id) => names.get(id) ?? id;
}

function segmentView(seg: Segment | null, tierName: (id: string) => string) {
  return seg ? { tiers: seg.tiers, tags: seg.tags, label: segmentLabel(seg, tierName) } : null;
}

/**
 * A segment as a shop may set it: only on a marketing flow (service messages are owed to every
 * buyer of the order), with tiers the shop has (or `none`). Empty: null (every buyer).
 */
function checkedSegment(flow: FlowKey, segment: Segment | null, settings: unknown): Segment | null {
  const seg = readSegment(segment);
  if (!seg) return null;
  if (followupRules().flows[flow].category !== 'marketing') {
    throw new DxeError('VALIDATION_FAILED', `「${FLOW_TITLES_ZH[flow]}」是服务消息，发给订单的每位买家，不能只发给部分人群`);
  }
  const ids = new Set(shopTiers((settings as { vip?: unknown } | null)?.vip).tiers.map((t) => t.id));
  const unknown = seg.tiers.filter((t) => t !== 'none' && !ids.has(t));
  if (unknown.length > 0) throw new DxeError('VALIDATION_FAILED', `没有这个会员等级：${unknown.join('、')}`);
  return seg;
}

function templateView(t: Template, own: boolean) {
  return {
    id: t.id ?? null, flow: t.flow, lang: t.lang, reason: t.reason ?? null, platform: t.platform ?? null,
    courier: t.courier ?? null, country: t.country ?? null, text: t.text, own,
  };
}

/** A flow switched on or off, or its timing changed. Off stops its pending rows; on schedules the open orders. */
export async function setFollowupFlow(deps: UseCaseDeps, p: Principal, shopId: string, input: FollowupFlowBody): Promise<FollowupsView> {
  shopEditor(p, shopId);
  const shop = await loadShopContext(deps.database, shopId);
  const before = await loadFlowSettings(deps.database, shopId);
  // Absent: the segment stays as it was; null or empty: every buyer.
  const segment = input.segment === undefined ? (before[input.flow]?.segment ?? null) : checkedSegment(input.flow, input.segment, shop.settings);
  // F4: absent: the channel stays as it was; only a flow whose rules list the channel may go by it.
  const channel = input.channel === undefined ? (before[input.flow]?.channel ?? 'chat') : input.channel;
  if (!flowChannels(flowRule(followupRules(), input.flow, shop.profile.platform)).includes(channel)) {
    throw new DxeError('VALIDATION_FAILED', `「${FLOW_TITLES_ZH[input.flow]}」不能通过${REVISIT_CHANNEL_ZH[channel]}发送`);
  }
  await deps.database.db.transaction(async (tx) => {
    const values = {
      enabled: input.enabled,
      delayHours: input.delayHours ?? null,
      stepsHours: input.stepsHours ?? null,
      segment,
      channel: channel === 'chat' ? null : channel,
      updatedAt: deps.now,
      updatedBy: p.agentId ?? null,
    };
    await tx.insert(followupFlows).values({ shopId, flow: input.flow, ...values }).onConflictDoUpdate({ target: [followupFlows.shopId, followupFlows.flow], set: values });
    if (!input.enabled) {
      await tx
        .update(scheduledMessages)
        .set({ state: 'cancelled', outcome: 'flow_off', outcomeNote: '该跟进已关闭' })
        .where(and(eq(scheduledMessages.shopId, shopId), eq(scheduledMessages.kind, input.flow), eq(scheduledMessages.state, 'pending')));
    } else {
      const settings: FlowSettings = { ...before, [input.flow]: { enabled: true, delayHours: input.delayHours ?? undefined, stepsHours: input.stepsHours ?? undefined, channel } };
      const candidates = await eligibleOrders(tx, shopId, shop.profile, input.flow, settings, deps.now);
      for (const c of candidates) await insertPlanned(tx, c.order, c.planned);
    }
    await appendAuditIn(tx, settingsAudit(p, deps.now, 'settings.followup_flow', { kind: 'shop', id: shopId }, {
      flow: input.flow, enabled: input.enabled, delayHours: input.delayHours ?? null, stepsHours: input.stepsHours ?? null, segment, channel,
    }));
  });
  return followupsOverview(deps.database, p, shopId, deps.now);
}

/**
 * F2: the shop's templates replaced as a whole. Each is checked by the reply guard as the buyer
 * would read it (variables filled with sample values): a blocking finding refuses the save
 * (TEXT_BLOCKED, with the rule in Chinese), as for standard answers.
 */
export async function saveFollowupTemplates(deps: UseCaseDeps, p: Principal, shopId: string, input: FollowupTemplatesBody): Promise<{ ok: true; warnings: TextFinding[] }> {
  shopEditor(p, shopId);
  input.templates.forEach((t, i) => {
    const unknown = unknownVariables(t.text);
    if (unknown.length > 0) {
      throw new DxeError('VALIDATION_FAILED', `第 ${i + 1} 个模板（${FLOW_TITLES_ZH[t.flow]}）使用了未知变量：${unknown.map((u) => `{${u}}`).join('、')}；可用变量：${TEMPLATE_VARIABLES.map((v) => `{${v}}`).join('、')}`);
    }
  });
  // R7/D9: a membership invitation never mentions the review — joining is never a reward for it.
  const forbidden = followupRules().flows.member_invite.forbidden_words ?? [];
  input.templates.forEach((t, i) => {
    const tied = t.flow === 'member_invite' ? memberInviteReviewWords(t.text, forbidden) : [];
    if (tied.length > 0) {
      throw new DxeError('TEXT_BLOCKED', `第 ${i + 1} 个模板（${FLOW_TITLES_ZH[t.flow]}）提到了评价（${tied.join('、')}）：入会邀请不能和评价挂钩，入会不能作为好评的回报（R7、D9）`);
    }
  });
  const shop = await loadShopContext(deps.database, shopId);
  const warnings = guardWrittenTexts(
    shop,
    input.templates.map((t, i) => ({ where: `第 ${i + 1} 个模板（${FLOW_TITLES_ZH[t.flow]}）`, text: renderTemplate(t.text, SAMPLE_VARS).text })),
  );
  await deps.database.db.transaction(async (tx) => {
    await tx.delete(followupTemplates).where(eq(followupTemplates.shopId, shopId));
    if (input.templates.length > 0) {
      await tx.insert(followupTemplates).values(
        input.templates.map((t) => ({
          shopId, flow: t.flow, lang: t.lang, reason: t.reason ?? null, platform: t.platform ?? null, courier: t.courier ?? null,
          country: t.country ? t.country.toUpperCase() : null, text: t.text, updatedAt: deps.now, updatedBy: p.agentId ?? null,
        })),
      );
    }
    await appendAuditIn(tx, settingsAudit(p, deps.now, 'settings.followup_templates', { kind: 'shop', id: shopId }, { count: input.templates.length }));
  });
  return { ok: true, warnings };
}

/** F3: an agent records a buyer's opt-out (or takes it back when the buyer asks again). */
export async function setFollowupConsent(deps: UseCaseDeps, p: Principal, shopId: string, input: { buyerId: string; optedOut: boolean }): Promise<{ ok: true }> {
  assertShopAccess(p, shopId);
  const [buyer] = await deps.database.db.select({ id: buyers.id }).from(buyers).where(and(eq(buyers.id, input.buyerId), eq(buyers.shopId, shopId)));
  if (!buyer) throw new DxeError('NOT_FOUND', '找不到该买家');
  await deps.database.db.transaction(async (tx) => {
    if (input.optedOut) {
      await tx.insert(followupConsent).values({ shopId, buyerId: input.buyerId, optedOutAt: deps.now, source: 'agent' }).onConflictDoNothing();
    } else {
      await tx.delete(followupConsent).where(and(eq(followupConsent.shopId, shopId), eq(followupConsent.buyerId, input.buyerId)));
    }
    await appendAuditIn(tx, settingsAudit(p, deps.now, input.optedOut ? 'followup.opt_out' : 'followup.opt_in', { kind: 'buyer', id: input.buyerId }, { shopId }));
  });
  return { ok: true };
}

/** The phases whose orders a flow can start from. */
function phasesFor(flow: FlowKey): OrderPhase[] {
  switch (flow) {
    case 'payment_reminder':
      return ['unpaid'];
    case 'order_verify':
      return ['paid'];
    case 'shipment_notice':
    case 'care':
      return ['shipped', 'signed', 'succeeded'];
    case 'arrival_notice':
    case 'delay_notice':
      return ['shipped'];
    case 'confirm_reminder':
      return ['shipped', 'signed'];
    case 'review_invite':
    case 'member_invite':
    case 'revisit':
      return ['succeeded'];
  }
}

type OrderRow = typeof orders.$inferSelect;
/** The order columns planning and wording read (the preview reads tens of thousands). */
type PlanOrder = Pick<
  OrderRow,
  | 'id' | 'shopId' | 'buyerId' | 'platformOrderNo' | 'state' | 'orderedAt' | 'paidAt' | 'createdAt' | 'updatedAt' | 'shippedAt' | 'completedAt'
  | 'courier' | 'trackingNo' | 'region' | 'receiverName' | 'receiverAddress' | 'receiverPhone' | 'buyerNote'
>;

/** Open orders of the shop the flow would schedule now (due no earlier than the expiry span). */
async function eligibleOrders(
  tx: Database['db'] | Tx,
  shopId: string,
  profile: Profile,
  flow: FlowKey,
  settings: FlowSettings,
  now: Date,
) {
  const states = profile.orders.machine.states.filter((s) => phasesFor(flow).includes(orderPhase(profile, s)!));
  if (states.length === 0) return [];
  const rows: PlanOrder[] = await tx
    .select({
      id: orders.id, shopId: orders.shopId, buyerId: orders.buyerId, platformOrderNo: orders.platformOrderNo, state: orders.state,
      orderedAt: orders.orderedAt, paidAt: orders.paidAt, createdAt: orders.createdAt, updatedAt: orders.updatedAt, shippedAt: orders.shippedAt, completedAt: orders.completedAt,
      courier: orders.courier, trackingNo: orders.trackingNo, region: orders.region,
      receiverName: orders.receiverName, receiverAddress: orders.receiverAddress, receiverPhone: orders.receiverPhone, buyerNote: orders.buyerNote,
    })
    .from(orders)
    .where(and(eq(orders.shopId, shopId), inArray(orders.state, states), sql`${orders.buyerId} is not null`));
  let finished = new Map<string, number>();
  if (flow === 'revisit') {
    const counts = await tx
      .select({ buyerId: orders.buyerId, n: sql<number>`count(*)::int` })
      .from(orders)
      .where(and(eq(orders.shopId, shopId), sql`${orders.completedAt} is not null`))
      .groupBy(orders.buyerId);
    finished = new Map(counts.map((c) => [c.buyerId ?? '', Number(c.n)]));
  }
  // R7 入会邀请: each buyer's latest review in the shop (good, on which order, when) and last invitation sent.
  const memberFacts = flow === 'member_invite' ? await memberInviteFactsByBuyer(tx, shopId) : new Map<string, MemberFacts>();
  // R7: when each shipped order was signed for (signing scans, the signed state), read for the shop at once.
  const signedAt = flow === 'confirm_reminder' ? await signedAtByOrder(tx, shopId, profile) : new Map<string, Date>();
  const ctx = {
    rules: followupRules(), platform: profile.platform, payWindowHours: profile.service.pay_window_hours,
    settings: { ...settings, [flow]: { ...settings[flow], enabled: true } }, autoConfirmDays: profile.orders.receipt.auto_confirm_days_after_ship,
  };
  const out: { order: PlanOrder; planned: ReturnType<typeof planFollowups> }[] = [];
  const earliest = now.getTime() - EXPIRE_AFTER_MS;
  for (const order of rows) {
    const facts = factsOf(profile, order, flow === 'revisit' ? { buyerFinishedOrders: finished.get(order.buyerId ?? '') ?? 0 } : {});
    if (flow === 'confirm_reminder') facts.signedAt = signedAt.get(order.id) ?? (facts.phase === 'signed' ? order.updatedAt : null);
    if (flow === 'member_invite') {
      const m = memberFacts.get(order.buyerId ?? '');
      facts.goodReviewAt = m && m.rating === 'good' && m.orderId === order.id ? m.at : null;
      facts.lastMemberInviteAt = m?.lastSentAt ?? null;
    }
    // Arrival and delay notices start from scans the sweep sees; the preview counts the parcels on their way.
    if (flow === 'arrival_notice' || flow === 'delay_notice') facts[flow === 'arrival_notice' ? 'outForDeliveryAt' : 'stalledSince'] = now;
    const planned = planFollowups(ctx, facts).filter((x) => x.flow === flow && x.dueAt.getTime() >= earliest);
    if (planned.length > 0) out.push({ order, planned });
  }
  return out;
}

/**
 * R7 入会邀请: per buyer of the shop, their latest review (order, rating, when) and when the shop
 * last sent them a membership invitation — as schedule.memberInviteFacts reads it for one order.
 */
async function memberInviteFactsByBuyer(tx: Database['db'] | Tx, shopId: string): Promise<Map<string, MemberFacts>> {
  const all = await tx
    .select({ buyerId: reviews.buyerId, orderId: reviews.orderId, rating: reviews.rating, at: reviews.at })
    .from(reviews)
    .where(and(eq(reviews.shopId, shopId), sql`${reviews.buyerId} is not null`))
    .orderBy(asc(reviews.at), asc(reviews.id));
  const latestOf = new Map<string, (typeof all)[number]>();
  for (const r of all) latestOf.set(r.buyerId!, r);
  const latest = [...latestOf.values()];
  const sent = await tx
    .select({ buyerId: scheduledMessages.buyerId, at: sql<Date | string | null>`max(${scheduledMessages.sentAt})` })
    .from(scheduledMessages)
    .where(and(eq(scheduledMessages.shopId, shopId), eq(scheduledMessages.kind, 'member_invite'), eq(scheduledMessages.state, 'sent')))
    .groupBy(scheduledMessages.buyerId);
  const lastSent = new Map(sent.filter((r) => r.buyerId && r.at).map((r) => [r.buyerId!, new Date(r.at!)]));
  return new Map(latest.map((r) => [r.buyerId!, { orderId: r.orderId, rating: r.rating, at: r.at, lastSentAt: lastSent.get(r.buyerId!) ?? null }]));
}

interface MemberFacts {
  orderId: string | null;
  rating: 'good' | 'neutral' | 'bad';
  at: Date;
  lastSentAt: Date | null;
}

/**
 * R7: the shop's shipped, unconfirmed orders that were signed for, with the moment (as
 * schedule.signedAtOf reads it for one order: the earliest signing scan or entry into the signed state).
 */
async function signedAtByOrder(tx: Database['db'] | Tx, shopId: string, profile: Profile): Promise<Map<string, Date>> {
  const signed = profile.orders.machine.states.filter((s) => orderPhase(profile, s) === 'signed');
  const signedStates = [...new Set([...signed, ...signed.map(normalizeStateName)])];
  const open = sql`${orders.shopId} = ${shopId} and ${orders.shippedAt} is not null and ${orders.completedAt} is null and ${orders.closedAt} is null`;
  const out = new Map<string, Date>();
  const keep = (rows: { orderId: string; at: Date | string | null }[]) => {
    for (const r of rows) {
      if (!r.at) continue;
      const at = new Date(r.at);
      const had = out.get(r.orderId);
      if (!had || at < had) out.set(r.orderId, at);
    }
  };
  const statuses = signingStatuses();
  if (statuses.length > 0) {
    keep(await tx
      .select({ orderId: logisticsEvents.orderId, at: sql<Date | string | null>`min(${logisticsEvents.at})` })
      .from(logisticsEvents)
      .innerJoin(orders, eq(orders.id, logisticsEvents.orderId))
      .where(and(open, inArray(logisticsEvents.status, statuses)))
      .groupBy(logisticsEvents.orderId));
  }
  if (signedStates.length > 0) {
    keep(await tx
      .select({ orderId: orderEvents.orderId, at: sql<Date | string | null>`min(${orderEvents.at})` })
      .from(orderEvents)
      .innerJoin(orders, eq(orders.id, orderEvents.orderId))
      .where(and(open, inArray(orderEvents.toState, signedStates)))
      .groupBy(orderEvents.orderId));
  }
  return out;
}

/**
 * Who would receive what if the flow were on now: every open order the flow applies to, with the
 * text it would get (first rows shown, guard-checked), or why it would not get one (opted out,
 * frequency limit, missing data). Counts cover all orders.
 */
export async function previewFollowupFlow(
  database: Database,
  p: Principal,
  shopId: string,
  flow: FlowKey,
  now: Date,
  /** A segment to preview before it is saved (null: every buyer); absent: the flow's saved one. */
  segmentDraft?: Segment | null,
): Promise<FollowupPreview> {
  assertShopAccess(p, shopId);
  const started = performance.now();
  const shop = await loadShopContext(database, shopId);
  const settings = await loadFlowSettings(database, shopId);
  const templates = await loadShopTemplates(database, shopId);
  const rules = followupRules();
  const all = await eligibleOrders(database.db, shopId, shop.profile, flow, settings, now);
  // F4/M2: a marketing flow aimed at a segment previews the segment's buyers only, as it sends.
  const segment = segmentDraft === undefined ? (settings[flow]?.segment ?? null) : checkedSegment(flow, segmentDraft, shop.settings);
  let candidates = all;
  let segmentInfo: FollowupPreview['segment'] = null;
  if (segment) {
    const members = await buyerSegmentInfo(database, shopId, shopTiers((shop.settings as { vip?: unknown }).vip).tiers, null);
    const inSeg = new Set([...members].filter(([, b]) => inSegment(segment, b)).map(([id]) => id));
    candidates = all.filter((c) => inSeg.has(c.order.buyerId ?? ''));
    segmentInfo = { ...segmentView(segment, tierNamer(shop.settings))!, outsideOrders: all.length - candidates.length, buyers: inSeg.size };
  }

  const category = rules.flows[flow].category;
  const limit = rules.frequency[category];
  // Shop-wide reads (one statement each, no lists of tens of thousands of ids).
  const consent = new Set(
    (await database.db.select({ b: followupConsent.buyerId }).from(followupConsent).where(eq(followupConsent.shopId, shopId))).map((c) => c.b),
  );
  const convRows = await database.query<{ buyer_id: string; channel: string; last_intent: string | null }>(
    `select distinct on (buyer_id) buyer_id, channel, last_intent from conversations where shop_id = $1 order by buyer_id, created_at desc`,
    [shopId],
  );
  const convByBuyer = new Map(convRows.map((c) => [c.buyer_id, { channel: c.channel, lastIntent: c.last_intent }]));
  const said = await database.db
    .select({ b: conversations.buyerId, text: messages.text })
    .from(messages)
    .innerJoin(conversations, eq(conversations.id, messages.conversationId))
    .where(and(eq(conversations.shopId, shopId), eq(messages.direction, 'in'), sql`length(${messages.text}) <= 20`));
  for (const m of said) if (isOptOut(m.text, rules.opt_out.words)) consent.add(m.b);
  const sentRows = await database.db
    .select({ b: scheduledMessages.buyerId, n: sql<number>`count(*)::int` })
    .from(scheduledMessages)
    .where(and(
      eq(scheduledMessages.shopId, shopId), eq(scheduledMessages.state, 'sent'), eq(scheduledMessages.category, category),
      sql`${scheduledMessages.sentAt} >= ${new Date(now.getTime() - limit.per_hours * HOUR)}`,
    ))
    .groupBy(scheduledMessages.buyerId);
  const sentByBuyer = new Map(sentRows.map((r) => [r.b ?? '', Number(r.n)]));

  // C8: a 催付 waits while the buyer waits for an agreed 改价 — read by the sender's own function.
  const holdList = flow === 'payment_reminder'
    ? candidates.map((c) => ({ id: c.order.id, shopId, buyerId: c.order.buyerId!, orderedAtMs: (c.order.orderedAt ?? c.order.createdAt).getTime() }))
    : [];
  const awaitingPriceChange = await ordersAwaitingPriceChange(database.db, holdList);
  // C8: and the reminder after a 改价 the buyer has not written since is worded for it, as sent.
  const repriced = await ordersRepricedSinceBuyerSpoke(database.db, holdList);

  // R7: a buyer with an after-sales case still open is never asked to confirm receipt (as sent).
  const openCase = flow === 'confirm_reminder'
    ? new Set((await database.db.select({ o: aftersalesCases.orderId }).from(aftersalesCases).where(and(eq(aftersalesCases.shopId, shopId), isNull(aftersalesCases.closedAt)))).map((r) => r.o))
    : new Set<string>();
  const autoConfirmDays = shop.profile.orders.receipt.auto_confirm_days_after_ship;
  // R7 入会邀请: buyers tagged as members already are never invited (as sent).
  const memberRule = rules.flows.member_invite;
  const members = new Set<string>();
  if (flow === 'member_invite') {
    const tagged = await database.db.select({ id: buyers.id, tags: buyers.tags }).from(buyers).where(and(eq(buyers.shopId, shopId), sql`jsonb_array_length(${buyers.tags}) > 0`));
    for (const b of tagged) {
      const hold = memberInviteHold({ latestRating: 'good', tags: Array.isArray(b.tags) ? b.tags : [], memberTags: memberRule.member_tags ?? [], lastInvitedAt: null, now, minGapHours: 0 });
      if (hold === 'already_member') members.add(b.id);
    }
  }

  const composeShop = { ctx: shop, settings, templates };
  const templateMemo = new Map<string, Template | null>();
  const shown: { order: PlanOrder; lastIntent: string | null }[] = [];
  const byOutcome: Record<string, number> = {};
  const rows: FollowupPreview['rows'] = [];
  const guardCtx = guardContext({ freeShipping: shop.settings.freeShipping, previousOutgoing: [], askerIsBuyer: true });
  // Quiet hours per time zone and minute, computed once (50,000 orders share a handful of each).
  const quietMemo = new Map<string, Date | null>();
  const quietAt = (due: Date, tz: string) => {
    const minute = Math.floor(due.getTime() / 60_000);
    const key = `${tz}|${minute}`;
    if (!quietMemo.has(key)) quietMemo.set(key, quietUntil(new Date(minute * 60_000), tz, rules.quiet_hours));
    return quietMemo.get(key)!;
  };
  // Every planned step in due order (small objects with a numeric key: 150,000 for 50,000 orders).
  const sorted: { order: PlanOrder; due: number }[] = [];
  for (const c of candidates) for (const pl of c.planned) sorted.push({ order: c.order, due: pl.dueAt.getTime() });
  sorted.sort((a, b) => a.due - b.due);
  const variablesMemo = new Map<string, string[]>();
  // Orders alike in what the wording reads (destination, courier, the buyer's last question, the
  // fields a template may need) get the same template and the same missing fields: decided once.
  const outlineMemo = new Map<string, { missing: string[] }>();
  const tzMemo = new Map<string | null, string>();
  const perBuyer = new Map<string, number>();
  const nowMs = now.getTime();
  for (const s of sorted) {
    const order = s.order;
    const c = { order, dueAt: new Date(s.due) };
    const buyerId = order.buyerId!;
    const conv = convByBuyer.get(buyerId);
    let outcome = 'would_send';
    let note: string | null = null;
    // The text is written only for the rows shown; the counts need the template and what is missing.
    const shownRow = rows.length < 50;
    let composed: { text: string; missing: string[] };
    const isRepriced = repriced.has(order.id);
    if (shownRow) composed = composeFollowup(composeShop, flow, order, { nickname: null, item: null, lastIntent: conv?.lastIntent, repriced: isRepriced, now }, templateMemo);
    else {
      const key = `${order.region ?? ''}\u0000${order.courier ?? ''}\u0000${conv?.lastIntent ?? ''}\u0000${order.platformOrderNo ? 1 : 0}${order.trackingNo ? 1 : 0}${isRepriced ? 1 : 0}`;
      let outline = outlineMemo.get(key);
      if (!outline) outlineMemo.set(key, (outline = followupOutline(composeShop, flow, order, conv?.lastIntent, templateMemo, variablesMemo, null, isRepriced, now)));
      composed = { text: '', missing: outline.missing };
    }
    const already = (sentByBuyer.get(buyerId) ?? 0) + (perBuyer.get(buyerId) ?? 0);
    const hold = flow === 'confirm_reminder'
      ? confirmReminderHold({ openCase: openCase.has(order.id), shippedAt: order.shippedAt, autoConfirmDays, now: new Date(Math.max(s.due, nowMs)) })
      : null;
    if (members.has(buyerId)) {
      outcome = 'already_member';
      note = '买家已是店铺会员';
    } else if (hold === 'aftersales_open') {
      outcome = 'stopped_aftersales';
      note = '售后处理中，不提醒确认收货';
    } else if (hold === 'auto_confirmed') {
      outcome = 'stopped_auto_confirmed';
      note = '已过平台自动确认收货时间';
    } else if (consent.has(buyerId)) outcome = 'opted_out';
    else if (awaitingPriceChange.has(order.id)) {
      outcome = 'deferred_price_change';
      note = '等待改价，暂缓催付';
    } else if (composed.missing.length > 0) {
      outcome = 'missing_data';
      note = `订单缺少：${composed.missing.join('、')}`;
    } else if (!withinFrequency(already, limit)) {
      outcome = category === 'marketing' ? 'held_frequency' : 'deferred_frequency';
      note = `每 ${limit.per_hours} 小时最多 ${limit.max} 条`;
    } else {
      const due = s.due < nowMs ? now : c.dueAt;
      let tz = tzMemo.get(order.region);
      if (tz === undefined) tzMemo.set(order.region, (tz = buyerTimeZone(rules, order.region)));
      const quiet = quietAt(due, tz);
      if (quiet) {
        outcome = 'deferred_quiet';
        if (shownRow) note = `免打扰时段，顺延至 ${quiet.toISOString()}`;
      }
    }
    // The guard reads the rows shown (the templates passed it on save; the sender checks every message again).
    if (rows.length < 50 && (outcome === 'would_send' || outcome === 'deferred_quiet') && flow === 'member_invite') {
      const tied = memberInviteReviewWords(composed.text, memberRule.forbidden_words ?? []);
      if (tied.length > 0) {
        outcome = 'blocked';
        note = `入会邀请不能提及评价（${tied.join('、')}）`;
      }
    }
    if (rows.length < 50 && (outcome === 'would_send' || outcome === 'deferred_quiet')) {
      const v = explainVerdict(shop.profile, guardReply(shop.profile, composed.text, guardCtx));
      if (v.verdict === 'block') {
        outcome = 'blocked';
        note = v.violations.map((x) => ruleTitle(shop.profile, x.rule)).join('、');
      }
    }
    if (outcome === 'would_send' || outcome === 'deferred_quiet') perBuyer.set(buyerId, (perBuyer.get(buyerId) ?? 0) + 1);
    byOutcome[outcome] = (byOutcome[outcome] ?? 0) + 1;
    if (rows.length < 50) {
      shown.push({ order: c.order, lastIntent: conv?.lastIntent ?? null });
      rows.push({
        orderNo: c.order.platformOrderNo,
        buyer: buyerId,
        dueAt: c.dueAt.toISOString(),
        channel: conv?.channel ?? 'bridge',
        text: composed.text,
        outcome,
        note,
      });
    }
  }
  // The rows shown: worded with the item and the buyer's name, as they would be sent.
  if (shown.length > 0) {
    const ids = shown.map((x) => x.order.id);
    const lines = await database.db
      .select({ orderId: orderLines.orderId, title: orderLines.title, lineNo: orderLines.lineNo })
      .from(orderLines)
      .where(inArray(orderLines.orderId, ids));
    const itemByOrder = new Map<string, string>();
    for (const l of lines.sort((a, b) => a.lineNo - b.lineNo)) if (!itemByOrder.has(l.orderId)) itemByOrder.set(l.orderId, l.title);
    const names = await database.db
      .select({ id: buyers.id, nick: buyers.nickname, account: buyers.platformAccount })
      .from(buyers)
      .where(inArray(buyers.id, [...new Set(rows.map((r) => r.buyer))]));
    const nameOf = new Map(names.map((b) => [b.id, b.nick ?? b.account]));
    // R7: a review invitation is worded by the buyer's review of the order (the latest).
    const ratingOf = new Map<string, 'good' | 'neutral' | 'bad'>();
    if (flow === 'review_invite') {
      const reviewed = await database.db.select({ orderId: reviews.orderId, rating: reviews.rating }).from(reviews).where(inArray(reviews.orderId, ids)).orderBy(asc(reviews.at));
      for (const r of reviewed) if (r.orderId) ratingOf.set(r.orderId, r.rating);
    }
    shown.forEach((x, i) => {
      const reviewSegment = flow === 'review_invite' ? reviewInviteSegment(x.order.completedAt ?? null, ratingOf.get(x.order.id) ?? null) : null;
      const text = composeFollowup(composeShop, flow, x.order, { nickname: null, item: itemByOrder.get(x.order.id), lastIntent: x.lastIntent, reviewSegment, repriced: repriced.has(x.order.id), now }).text;
      rows[i] = { ...rows[i]!, text: maskPhonesInText(text), buyer: nameOf.get(rows[i]!.buyer) ?? '' };
    });
  }
  return {
    flow,
    title: rules.flows[flow].title,
    enabled: flowEnabled(settings, flow),
    orders: candidates.length,
    wouldSend: (byOutcome.would_send ?? 0) + (byOutcome.deferred_quiet ?? 0),
    byOutcome,
    segment: segmentInfo,
    rows,
    tookMs: Math.round(performance.now() - started),
  };
}

/** The sent log: each follow-up handled, newest first, with what followed it. */
export async function followupLog(database: Database, p: Principal, shopId: string, q: { flow?: FlowKey | undefined; limit: number }): Promise<FollowupLog> {
  assertShopAccess(p, shopId);
  const rows = await database.query<{
    id: number; kind: FlowKey; order_no: string | null; buyer: string | null; due_at: Date | string; sent_at: Date | string | null;
    state: string; outcome: string | null; outcome_note: string | null; text: string; channel: string | null; conversation_id: string | null;
    paid_after: boolean; replied: boolean; opted_out: boolean;
  }>(
    `select s.id, s.kind, o.platform_order_no as order_no, coalesce(b.nickname, b.platform_account) as buyer, s.due_at, s.sent_at,
            s.state, s.outcome, s.outcome_note, s.text, s.channel, s.conversation_id,
            (s.state = 'sent' and s.kind = 'payment_reminder' and o.paid_at is not null and o.paid_at >= s.sent_at) as paid_after,
            (s.state = 'sent' and exists (select 1 from messages m where m.conversation_id = s.conversation_id and m.direction = 'in'
               and m.created_at > s.sent_at and m.created_at < s.sent_at + ${REPLY_WINDOW})) as replied,
            (s.state = 'sent' and c.opted_out_at is not null and c.opted_out_at >= s.sent_at) as opted_out
       from scheduled_messages s
       left join orders o on o.id = s.order_id
       left join buyers b on b.id = s.buyer_id
       left join followup_consent c on c.shop_id = s.shop_id and c.buyer_id = s.buyer_id
      where s.shop_id = $1 and s.state <> 'pending' ${q.flow ? 'and s.kind = $3' : ''}
      order by coalesce(s.sent_at, s.due_at) desc, s.id desc
      limit $2`,
    q.flow ? [shopId, q.limit, q.flow] : [shopId, q.limit],
  );
  const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());
  return {
    items: rows.map((r) => ({
      id: Number(r.id), flow: r.kind, orderNo: r.order_no, buyer: r.buyer ?? '', dueAt: iso(r.due_at)!, sentAt: iso(r.sent_at),
      state: r.state, outcome: r.outcome, note: r.outcome_note, text: maskPhonesInText(r.text), channel: r.channel,
      conversationId: r.conversation_id, paidAfter: !!r.paid_after, replied: !!r.replied, optedOut: !!r.opted_out,
    })),
  };
}

/** Per-flow figures over the last 90 days (the dashboard's "what it earns"). */
export async function flowStats(database: Database, shopId: string, now: Date): Promise<FollowupFlowStats[]> {
  const rows = await database.query<Record<string, number | string>>(
    `select s.kind,
            count(*) filter (where s.state = 'pending')::int as pending,
            count(*) filter (where s.state = 'sent')::int as sent,
            count(*) filter (where s.outcome = 'held_frequency')::int as held,
            count(*) filter (where s.state = 'cancelled' and s.outcome <> 'held_frequency')::int as stopped,
            count(*) filter (where s.state = 'failed')::int as failed,
            count(distinct s.order_id) filter (where s.state = 'sent' and o.paid_at is not null and o.paid_at >= s.sent_at)::int as paid_after,
            count(distinct s.order_id) filter (where s.state = 'sent')::int as orders_sent,
            count(*) filter (where s.state = 'sent' and exists (select 1 from messages m where m.conversation_id = s.conversation_id
               and m.direction = 'in' and m.created_at > s.sent_at and m.created_at < s.sent_at + ${REPLY_WINDOW}))::int as replied,
            count(distinct s.buyer_id) filter (where s.state = 'sent' and c.opted_out_at >= s.sent_at)::int as opted_out,
            count(distinct s.buyer_id) filter (where s.state = 'sent')::int as buyers_sent
       from scheduled_messages s
       left join orders o on o.id = s.order_id
       left join followup_consent c on c.shop_id = s.shop_id and c.buyer_id = s.buyer_id
      where s.shop_id = $1 and s.created_at > $2::timestamptz - interval '90 days'
      group by s.kind`,
    [shopId, now.toISOString()],
  );
  const byKind = new Map(rows.map((r) => [String(r.kind), r]));
  return FLOW_KEYS.map((flow) => {
    const r = byKind.get(flow);
    const n = (k: string) => Number(r?.[k] ?? 0);
    const base = flow === 'payment_reminder' ? n('orders_sent') : n('sent');
    const hit = flow === 'payment_reminder' ? n('paid_after') : n('replied');
    return {
      flow, pending: n('pending'), sent: n('sent'), held: n('held'), stopped: n('stopped'), failed: n('failed'),
      paidAfter: n('paid_after'), replied: n('replied'), optedOut: n('opted_out'),
      conversion: base > 0 ? hit / base : null,
      optOutRate: n('buyers_sent') > 0 ? n('opted_out') / n('buyers_sent') : null,
    };
  });
}
