// The agents' inbox: queue order (C2), conversation detail with masked buyer data, and the
// take / hand back / escalate (C18) / close actions. Every query is scoped to the caller's shops;
// a conversation outside them is NOT_FOUND so ids do not leak.
import { and, asc, desc, eq, gt, inArray, like, ne, or, sql } from 'drizzle-orm';
import { z } from 'zod';
import { DxeError } from '../../core/errors.js';
import { maskAddress, maskName, maskPhone } from '../../core/privacy.js';
import type { Database } from '../../store/open-database.js';
import {
  aftersalesCases, agents, buyers, conversations, messages, orderLines, orders, promises, shops, standardAnswers,
} from '../../store/schema/index.js';
import type { Principal } from '../auth/auth.js';
import { appendAudit } from '../audit/audit-log.js';
import type { EventBus } from '../events/event-bus.js';
import { firstReplySeconds } from '../shops/shop-profile.js';

/** C2: a wait is "near target" once 70 % of the first-reply target has passed. */
export const NEAR_TARGET_FRACTION = 0.7;

export type MessageRow = typeof messages.$inferSelect;
export type ConversationRow = typeof conversations.$inferSelect;

export function messageView(m: MessageRow) {
  return {
    id: m.id, seq: m.seq, conversationId: m.conversationId, direction: m.direction, authorKind: m.authorKind,
    authorId: m.authorId, text: m.text, intent: m.intent, confidence: m.confidence, guardVerdict: m.guardVerdict,
    createdAt: m.createdAt.toISOString(),
  };
}
export type MessageView = ReturnType<typeof messageView>;

const interestSchema = z.object({
  level: z.enum(['ok', 'falling', 'lost']).optional(),
  losing: z.boolean().optional(),
  score: z.number().optional(),
  reasonZh: z.string().optional(),
}).loose();

function interestOf(raw: unknown): { level: 'ok' | 'falling' | 'lost'; reasonZh?: string } {
  const p = interestSchema.safeParse(raw);
  if (!p.success) return { level: 'ok' };
  const level = p.data.level ?? (p.data.losing ? ((p.data.score ?? 1) < 0.2 ? 'lost' : 'falling') : 'ok');
  return p.data.reasonZh ? { level, reasonZh: p.data.reasonZh } : { level };
}

function toDate(v: unknown): Date | null {
  if (v === null || v === undefined) return null;
  const d = v instanceof Date ? v : new Date(String(v));
  return Number.isNaN(d.getTime()) ? null : d;
}

const summaryFields = {
  c: conversations,
  shopName: shops.name,
  platform: shops.platform,
  ruleOverrides: shops.ruleOverrides,
  buyer: { id: buyers.id, nickname: buyers.nickname, platformAccount: buyers.platformAccount },
  lastText: sql<string | null>`(select m.text from messages m where m.conversation_id = ${conversations.id} order by m.seq desc limit 1)`,
  // The oldest buyer message not yet followed by any reply: the start of the current wait.
  waitingSince: sql<unknown>`(select min(m.created_at) from messages m where m.conversation_id = ${conversations.id}
    and m.direction = 'in' and m.seq > coalesce((select max(o.seq) from messages o
    where o.conversation_id = ${conversations.id} and o.direction = 'out'), 0))`,
};

type SummaryRow = {
  c: ConversationRow; shopName: string; platform: string; ruleOverrides: unknown; lastText: string | null; waitingSince: unknown;
  buyer: { id: string; nickname: string | null; platformAccount: string };
};

function summaryView(r: SummaryRow, now: Date) {
  const c = r.c;
  const waitingSince = c.status === 'closed' ? null : toDate(r.waitingSince);
  const target = firstReplySeconds({ platform: r.platform, ruleOverrides: r.ruleOverrides });
  const waitedSeconds = waitingSince ? Math.max(0, (now.getTime() - waitingSince.getTime()) / 1000) : null;
  return {
    id: c.id, shopId: c.shopId, shopName: r.shopName, platform: r.platform, buyer: r.buyer, channel: c.channel,
    status: c.status, stage: c.stage, lastIntent: c.lastIntent, priority: c.priority, assigneeId: c.assigneeId,
    handoverReason: c.handoverReason,
    waitingSince: waitingSince?.toISOString() ?? null,
    waitedSeconds: waitedSeconds === null ? null : Math.round(waitedSeconds),
    firstReplyTargetSeconds: target,
    nearTarget: waitedSeconds !== null && target !== null && waitedSeconds >= target * NEAR_TARGET_FRACTION,
    awaitingFirstResponse: c.firstResponseAt === null && waitingSince !== null,
    firstBuyerMessageAt: c.firstBuyerMessageAt?.toISOString() ?? null,
    firstResponseAt: c.firstResponseAt?.toISOString() ?? null,
    lastMessageAt: c.lastMessageAt?.toISOString() ?? null,
    lastText: r.lastText,
    interest: interestOf(c.interest),
    escalation: escalationOf(c.state),
  };
}
export type ConversationSummary = ReturnType<typeof summaryView>;

const escalationSchema = z.object({ escalation: z.object({ note: z.string(), byAgentId: z.string().nullable(), toAgentId: z.string().nullable(), at: z.string() }) });
function escalationOf(state: unknown) {
  const p = escalationSchema.safeParse(state);
  return p.success ? p.data.escalation : null;
}

/**
 * C2 queue order. Buyers still waiting for a first response come first (oldest first message
 * first: they are closest to the target), then other waiting buyers by how long they have
 * waited, then conversations nobody waits on, most recent first. Escalations (priority) lead.
 */
export function compareQueue(a: ConversationSummary, b: ConversationSummary): number {
  if (a.priority !== b.priority) return b.priority - a.priority;
  const rank = (s: ConversationSummary) => (s.awaitingFirstResponse ? 0 : s.waitingSince ? 1 : 2);
  const ra = rank(a);
  const rb = rank(b);
  if (ra !== rb) return ra - rb;
  if (ra === 0) return (a.firstBuyerMessageAt ?? '').localeCompare(b.firstBuyerMessageAt ?? '');
  if (ra === 1) return (a.waitingSince ?? '').localeCompare(b.waitingSince ?? '');
  return (b.lastMessageAt ?? '').localeCompare(a.lastMessageAt ?? '');
}

export type QueueStatus = 'queued' | 'assigned' | 'bot' | 'closed' | 'open';

export async function listConversations(
  database: Database, p: Principal, q: { status?: QueueStatus; shopId?: string }, now: Date,
): Promise<ConversationSummary[]> {
  const shopIds = q.shopId ? p.shopIds.filter((s) => s === q.shopId) : p.shopIds;
  if (shopIds.length === 0) return [];
  const status = q.status ?? 'open';
  const rows = await database.db
    .select(summaryFields)
    .from(conversations)
    .innerJoin(shops, eq(shops.id, conversations.shopId))
    .innerJoin(buyers, eq(buyers.id, conversations.buyerId))
    .where(and(
      inArray(conversations.shopId, shopIds),
      status === 'open' ? ne(conversations.status, 'closed') : eq(conversations.status, status),
    ))
    // The limit must not drop the buyers who waited longest: order roughly as C2 does (escalated,
    // then awaiting a first reply, then by waiting time) before cutting, then sort exactly.
    .orderBy(
      desc(conversations.priority),
      sql`(${conversations.firstResponseAt} is null and ${conversations.firstBuyerMessageAt} is not null) desc`,
      sql`${conversations.lastBuyerMessageAt} asc nulls last`,
    )
    .limit(2000);
  return rows.map((r) => summaryView(r, now)).sort(compareQueue);
}

export async function conversationSummary(database: Database, id: string, now: Date): Promise<ConversationSummary | null> {
  const [row] = await database.db
    .select(summaryFields)
    .from(conversations)
    .innerJoin(shops, eq(shops.id, conversations.shopId))
    .innerJoin(buyers, eq(buyers.id, conversations.buyerId))
    .where(eq(conversations.id, id));
  return row ? summaryView(row, now) : null;
}

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
  return rows.map(messageView);
}

export async function conversationDetail(database: Database, p: Principal, id: string, now: Date, unmasked: boolean) {
  const c = await loadScoped(database, p, id);
  const { db } = database;
  const conversation = await conversationSummary(database, id, now);
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
      city: b.city, occupation: b.occupation, tags: b.tags, notes: b.notes, profile: b.profile,
      masked: !unmasked,
    },
    orders: orderRows.map((o) => ({
      id: o.id, platformOrderNo: o.platformOrderNo, state: o.state, totalFen: o.totalFen, paidFen: o.paidFen,
      refundFen: o.refundFen, orderedAt: o.orderedAt?.toISOString() ?? null, paidAt: o.paidAt?.toISOString() ?? null,
      shippedAt: o.shippedAt?.toISOString() ?? null, courier: o.courier, trackingNo: o.trackingNo,
      receiverName: unmasked ? o.receiverName : maskName(o.receiverName),
      receiverPhone: phone(o.receiverPhone), receiverAddress: address(o.receiverAddress), buyerNote: o.buyerNote,
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

export interface ActionDeps {
  database: Database;
  bus: EventBus;
  now: Date;
}

async function update(deps: ActionDeps, c: ConversationRow, set: Partial<ConversationRow>) {
  await deps.database.db.update(conversations).set(set).where(eq(conversations.id, c.id));
  const summary = await conversationSummary(deps.database, c.id, deps.now);
  await deps.bus.publish({ type: 'conversation.updated', shopId: c.shopId, data: { conversationId: c.id, conversation: summary } });
  return summary;
}

function agentOf(p: Principal): string {
  if (!p.agentId) throw new DxeError('FORBIDDEN', '只有客服账号可以接待会话');
  return p.agentId;
}
const isLead = (p: Principal) => p.role === 'admin' || p.role === 'supervisor';

export async function takeConversation(deps: ActionDeps, p: Principal, id: string) {
  const me = agentOf(p);
  const c = await loadScoped(deps.database, p, id);
  if (c.status === 'closed') throw new DxeError('INVALID_TRANSITION', '会话已结束，不能接待');
  if (c.status === 'assigned' && c.assigneeId && c.assigneeId !== me && !isLead(p)) {
    throw new DxeError('CONFLICT', '该会话已由其他客服接待');
  }
  return update(deps, c, { status: 'assigned', assigneeId: me });
}

export async function handBack(deps: ActionDeps, p: Principal, id: string) {
  const me = agentOf(p);
  const c = await loadScoped(deps.database, p, id);
  if (c.status === 'closed') throw new DxeError('INVALID_TRANSITION', '会话已结束');
  if (c.assigneeId && c.assigneeId !== me && !isLead(p)) throw new DxeError('FORBIDDEN', '只能交还自己接待的会话');
  return update(deps, c, { status: 'bot', assigneeId: null, handoverReason: null });
}

/** C18: questions the agent cannot answer safely go to the shop manager (a supervisor). */
export async function escalate(deps: ActionDeps, p: Principal, id: string, note: string) {
  const c = await loadScoped(deps.database, p, id);
  if (c.status === 'closed') throw new DxeError('INVALID_TRANSITION', '会话已结束');
  const leads = await deps.database.db.select({ id: agents.id, presence: agents.presence }).from(agents)
    .where(and(eq(agents.orgId, p.orgId), eq(agents.role, 'supervisor'), eq(agents.disabled, false)));
  const lead = leads.find((a) => a.presence === 'online' && a.id !== p.agentId) ?? leads.find((a) => a.id !== p.agentId) ?? null;
  const escalation = { note, byAgentId: p.agentId ?? null, toAgentId: lead?.id ?? null, at: deps.now.toISOString() };
  const state = { ...(z.record(z.string(), z.unknown()).safeParse(c.state).data ?? {}), escalation };
  await appendAudit(deps.database, {
    orgId: p.orgId, at: deps.now, actorKind: p.kind, actorId: p.agentId ?? null, action: 'conversation.escalate',
    subjectKind: 'conversation', subjectId: c.id, data: { note, toAgentId: escalation.toAgentId },
  });
  return update(deps, c, {
    status: lead ? 'assigned' : 'queued', assigneeId: lead?.id ?? null, priority: Math.max(c.priority, 10),
    handoverReason: 'escalated', state,
  });
}

export async function closeConversation(deps: ActionDeps, p: Principal, id: string) {
  const c = await loadScoped(deps.database, p, id);
  if (c.status === 'closed') return conversationSummary(deps.database, c.id, deps.now);
  return update(deps, c, { status: 'closed', closedAt: deps.now });
}
