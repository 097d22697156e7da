// The inbox's views: a message as screens see it, a conversation's queue row (C2: waiting time
// against the platform's first-reply target), and the queue in C2 order. Every list is scoped to
// the caller's shops.
import { and, desc, eq, inArray, ne, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { ConversationSummary } from '../../core/contract/conversations.js';
import { compareQueue, TEST_CHANNEL } from '../../core/contract/queue-order.js';
import type { GuardVerdictView, MessageView } from '../../core/contract/messages.js';
import { readConversationState } from '../../core/conversation/state.js';
import { queriesOf, type Database, type Tx } from '../../store/open-database.js';
import { buyers, conversations, messages, shops } from '../../store/schema/index.js';
import type { Principal } from '../auth/auth.js';
import { firstReplySeconds } from '../shops/shop-profile.js';

export type { ConversationSummary, MessageView };

/** C2: a wait is "near target" once 70 % of the first-reply target has passed. */
export const NEAR_TARGET_FRACTION = 0.7;

export type MessageRow = typeof messages.$inferSelect;
export type ConversationRow = typeof conversations.$inferSelect;

export function messageView(m: MessageRow): MessageView {
  return {
    id: m.id, seq: m.seq, conversationId: m.conversationId, direction: m.direction, authorKind: m.authorKind,
    authorId: m.authorId, text: m.text, intent: m.intent, confidence: m.confidence,
    // Stored by the pipeline and agent replies as core/guard's GuardResult (jsonb reads as unknown).
    guardVerdict: m.guardVerdict as GuardVerdictView | null,
    createdAt: m.createdAt.toISOString(),
  };
}

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

function summaryView(r: SummaryRow, now: Date): ConversationSummary {
  const c = r.c;
  const waitingSince = c.status === 'closed' ? null : toDate(r.waitingSince);
  // A seller's `dxe chat` test has no platform first-reply target (C2 is about buyers).
  const target = c.channel === TEST_CHANNEL ? null : firstReplySeconds({ platform: r.platform, ruleOverrides: r.ruleOverrides });
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

/** The queue row's parts the server-side functions compute (dxe_summary_parts, migration 0003). */
export interface SummaryParts {
  last_text: string | null;
  waiting_since: string | null;
  shop_name: string;
  platform: string;
  rule_overrides: unknown;
  buyer: { id: string; nickname: string | null; platformAccount: string };
}

/** A queue row from a conversation row and its parts, without another query. */
export function summaryFromParts(c: ConversationRow, p: SummaryParts, now: Date): ConversationSummary {
  return summaryView(
    { c, shopName: p.shop_name, platform: p.platform, ruleOverrides: p.rule_overrides, lastText: p.last_text, waitingSince: p.waiting_since, buyer: p.buyer },
    now,
  );
}

function escalationOf(state: unknown) {
  // Only the escalation is read here, and each field of the state parses on its own: a state
  // object without one has none, so the whole state is parsed only when it has one (every queue
  // row of every answer passes here; issue 9, throughput).
  if (state && typeof state === 'object' && !Array.isArray(state) && (state as { escalation?: unknown }).escalation === undefined) return null;
  return readConversationState(state).escalation ?? null;
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
      sql`(${conversations.channel} = ${TEST_CHANNEL}) asc`,
      desc(conversations.priority),
      sql`(${conversations.firstResponseAt} is null and ${conversations.firstBuyerMessageAt} is not null) desc`,
      sql`${conversations.lastBuyerMessageAt} asc nulls last`,
    )
    .limit(2000);
  return rows.map((r) => summaryView(r, now)).sort(compareQueue);
}

/** One queue row; inside a transaction (tx) it sees that transaction's writes. */
export async function conversationSummary(database: Database | Tx, id: string, now: Date): Promise<ConversationSummary | null> {
  const db = queriesOf(database);
  const [row] = await db
    .select(summaryFields)
    .from(conversations)
    .innerJoin(shops, eq(shops.id, conversations.shopId))
    .innerJoin(buyers, eq(buyers.id, conversations.buyerId))
    .where(eq(conversations.id, id));
  return row ? summaryView(row, now) : null;
}

