// What a supervisor watches beyond the figures: agents shown online who leave waiting buyers
// unanswered (T2, over everything waiting now, not only the chosen range) and the same question
// answered with different meanings (T3, over the range's messages).
import { and, eq, gte, inArray, isNotNull, ne } from 'drizzle-orm';
import { TEST_CHANNEL } from '../../core/contract/queue-order.js';
import { findInconsistencies, type AnsweredQuestion, type Inconsistency } from '../../core/metrics/consistency.js';
import { findIdleAgents, type IdleAgent } from '../../core/metrics/idle-agents.js';
import type { MessageRow } from '../../core/metrics/types.js';
import type { Database } from '../../store/open-database.js';
import { agentShops, conversations, messages } from '../../store/schema/index.js';

const DAY = 86400_000;

export interface OrgAgent {
  id: string;
  displayName: string;
  presence: 'online' | 'away' | 'offline';
  lastSeenAt: Date | null;
  role: 'admin' | 'supervisor' | 'agent';
}

/** T2. Supervisors and admins count as serving every shop in scope; agents their assigned shops. */
export async function idleAgentsNow(
  database: Database,
  orgAgents: readonly OrgAgent[],
  shopIds: string[],
  now: Date,
  idleMinutes: number,
): Promise<IdleAgent[]> {
  const { db } = database;
  const links = await db.select().from(agentShops);
  const lastReplies = await db
    .select({ authorId: messages.authorId, createdAt: messages.createdAt })
    .from(messages)
    .where(and(inArray(messages.shopId, shopIds), eq(messages.authorKind, 'agent'), gte(messages.createdAt, new Date(now.getTime() - DAY))));
  const lastReplyOf = new Map<string, Date>();
  for (const r of lastReplies) {
    if (!r.authorId) continue;
    const prev = lastReplyOf.get(r.authorId);
    if (!prev || prev < r.createdAt) lastReplyOf.set(r.authorId, r.createdAt);
  }
  const waitingRows = await db
    .select({ shopId: conversations.shopId, assigneeId: conversations.assigneeId, lastBuyerMessageAt: conversations.lastBuyerMessageAt })
    .from(conversations)
    // A seller's own `dxe chat` test leaves no buyer waiting on an idle agent.
    .where(and(
      inArray(conversations.shopId, shopIds), ne(conversations.channel, TEST_CHANNEL),
      inArray(conversations.status, ['queued', 'assigned']), isNotNull(conversations.lastBuyerMessageAt),
    ));
  return findIdleAgents(
    orgAgents.map((a) => ({
      id: a.id,
      displayName: a.displayName,
      presence: a.presence,
      shopIds: a.role === 'agent' ? links.filter((l) => l.agentId === a.id).map((l) => l.shopId) : shopIds,
      lastReplyAt: lastReplyOf.get(a.id) ?? null,
      lastSeenAt: a.lastSeenAt,
    })),
    waitingRows.map((w) => ({ shopId: w.shopId, assigneeId: w.assigneeId, waitingSince: w.lastBuyerMessageAt! })),
    now,
    idleMinutes,
  );
}

/** T3: each agent or bot answer paired with the buyer question it answers, then compared per intent. */
export function inconsistentAnswers(msgs: readonly MessageRow[], authorName: (m: MessageRow) => string): Inconsistency[] {
  const answered: AnsweredQuestion[] = [];
  const byConv = new Map<string, MessageRow[]>();
  for (const m of msgs) byConv.set(m.conversationId, [...(byConv.get(m.conversationId) ?? []), m]);
  for (const list of byConv.values()) {
    list.sort((a, b) => a.seq - b.seq);
    let question: MessageRow | null = null;
    for (const m of list) {
      if (m.authorKind === 'buyer') question = m;
      else if (m.direction === 'out' && question?.intent && (m.authorKind === 'agent' || m.authorKind === 'bot')) {
        answered.push({ intent: question.intent, question: question.text, answer: m.text, author: authorName(m) });
        question = null;
      }
    }
  }
  return findInconsistencies(answered);
}
