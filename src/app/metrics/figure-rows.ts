// The rows the team figures (T1) are computed from, read in the caller's shop scope for one time
// range: conversations opened, their messages, orders paid, their after-sales cases, and guard
// interceptions that left no message (audited blocks and supervisor overrides), DSR stars of the
// orders' reviews, and the listed item titles (to recognise a recommendation, C6).
import { and, eq, gte, inArray, isNotNull, lte, ne } from 'drizzle-orm';
import { TEST_CHANNEL } from '../../core/contract/queue-order.js';
import { z } from 'zod';
import type { CaseRow, ConversationRow, InterceptionRow, MessageRow, OrderRow, ReviewRow } from '../../core/metrics/types.js';
import type { Database } from '../../store/open-database.js';
import { aftersalesCases, auditLog, conversations, items, messages, orders, reviews } from '../../store/schema/index.js';

const verdictSchema = z.object({ violations: z.array(z.object({ rule: z.string() }).loose()) }).loose();
const auditDataSchema = z.object({ rules: z.array(z.string()).optional(), shopId: z.string().optional() }).loose();

function rulesOf(verdict: unknown): string[] {
  const v = verdictSchema.safeParse(verdict);
  return v.success ? [...new Set(v.data.violations.map((x) => x.rule))] : [];
}

export interface FigureRows {
  conversations: ConversationRow[];
  messages: MessageRow[];
  orders: OrderRow[];
  cases: CaseRow[];
  interceptions: InterceptionRow[];
  reviews: ReviewRow[];
  itemTitles: string[];
}

const dsrSchema = z.object({ description: z.number().min(1).max(5), service: z.number().min(1).max(5), logistics: z.number().min(1).max(5) }).loose();

export async function loadFigureRows(database: Database, scope: { orgId: string; shopIds: string[] }, from: Date, to: Date): Promise<FigureRows> {
  const { db } = database;
  const { shopIds } = scope;
  // A seller's `dxe chat` test is not service to a buyer: it counts in no team figure.
  const inRange = and(
    inArray(conversations.shopId, shopIds), ne(conversations.channel, TEST_CHANNEL),
    gte(conversations.createdAt, from), lte(conversations.createdAt, to),
  );
  const convRows = await db
    .select({
      id: conversations.id,
      shopId: conversations.shopId,
      buyerId: conversations.buyerId,
      assigneeId: conversations.assigneeId,
      status: conversations.status,
      handoverReason: conversations.handoverReason,
      createdAt: conversations.createdAt,
    })
    .from(conversations)
    .where(inRange);
  const msgRows = convRows.length
    ? await db
        .select({
          conversationId: messages.conversationId,
          shopId: messages.shopId,
          seq: messages.seq,
          direction: messages.direction,
          authorKind: messages.authorKind,
          authorId: messages.authorId,
          text: messages.text,
          intent: messages.intent,
          guardVerdict: messages.guardVerdict,
          createdAt: messages.createdAt,
        })
        .from(messages)
        .where(inArray(messages.conversationId, db.select({ id: conversations.id }).from(conversations).where(inRange)))
    : [];
  const orderRows = await db
    .select({ id: orders.id, shopId: orders.shopId, buyerId: orders.buyerId, paidFen: orders.paidFen, refundFen: orders.refundFen, paidAt: orders.paidAt })
    .from(orders)
    .where(and(inArray(orders.shopId, shopIds), isNotNull(orders.paidAt), gte(orders.paidAt, from), lte(orders.paidAt, to)));
  const caseRows = orderRows.length
    ? await db
        .select({ orderId: aftersalesCases.orderId, shopId: aftersalesCases.shopId, type: aftersalesCases.type, platformDecided: aftersalesCases.platformDecided })
        .from(aftersalesCases)
        .where(inArray(aftersalesCases.orderId, orderRows.map((o) => o.id)))
    : [];

  // An audit row names its conversation (subject) or its shop (data); either must be in scope.
  const convShop = new Map(convRows.map((c) => [c.id, c.shopId]));
  const audits = await db
    .select({ actorId: auditLog.actorId, subjectId: auditLog.subjectId, data: auditLog.data, at: auditLog.at })
    .from(auditLog)
    .where(and(eq(auditLog.orgId, scope.orgId), inArray(auditLog.action, ['reply.blocked', 'reply.override']), gte(auditLog.at, from), lte(auditLog.at, to)));
  const interceptions: InterceptionRow[] = [];
  for (const a of audits) {
    const d = auditDataSchema.safeParse(a.data);
    const shopId = (a.subjectId && convShop.get(a.subjectId)) ?? (d.success ? d.data.shopId : undefined) ?? null;
    if (!shopId || !shopIds.includes(shopId)) continue;
    interceptions.push({ shopId, agentId: a.actorId, rules: d.success ? (d.data.rules ?? []) : [], at: a.at });
  }

  // R4: DSR stars of reviews on the orders paid in range (attributed like the order, T1).
  const reviewRows = orderRows.length
    ? await db
        .select({ orderId: reviews.orderId, shopId: reviews.shopId, dsr: reviews.dsr })
        .from(reviews)
        .where(and(inArray(reviews.shopId, shopIds), inArray(reviews.orderId, orderRows.map((o) => o.id)), isNotNull(reviews.dsr)))
    : [];
  const reviewsOut: ReviewRow[] = [];
  for (const r of reviewRows) {
    const d = dsrSchema.safeParse(r.dsr);
    if (r.orderId && d.success) reviewsOut.push({ orderId: r.orderId, shopId: r.shopId, dsr: { description: d.data.description, service: d.data.service, logistics: d.data.logistics } });
  }
  const itemTitles = (await db.select({ title: items.title }).from(items).where(and(inArray(items.shopId, shopIds), eq(items.listed, true)))).map((i) => i.title);

  return {
    reviews: reviewsOut,
    itemTitles,
    conversations: convRows,
    messages: msgRows.map(({ guardVerdict, ...m }) => ({ ...m, flaggedRules: m.direction === 'out' ? rulesOf(guardVerdict) : [] })),
    orders: orderRows,
    cases: caseRows,
    interceptions,
  };
}
