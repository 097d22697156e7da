// The rows the team figures (T1) are computed from, read in the caller's shop scope for one time
// range: conversations opened, their messages, orders paid, their after-sales cases, and guard
// interceptions that left no message (audited blocks and supervisor overrides).
import { and, eq, gte, inArray, isNotNull, lte } from 'drizzle-orm';
import { z } from 'zod';
import type { CaseRow, ConversationRow, InterceptionRow, MessageRow, OrderRow } from '../../core/metrics/types.js';
import type { Database } from '../../store/open-database.js';
import { aftersalesCases, auditLog, conversations, messages, orders } from '../../store/schema/index.js';

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
}

export async function loadFigureRows(database: Database, scope: { orgId: string; shopIds: string[] }, from: Date, to: Date): Promise<FigureRows> {
  const { db } = database;
  const { shopIds } = scope;
  const inRange = and(inArray(conversations.shopId, shopIds), gte(conversations.createdAt, from), lte(conversations.createdAt, to));
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

  return {
    conversations: convRows,
    messages: msgRows.map(({ guardVerdict, ...m }) => ({ ...m, flaggedRules: m.direction === 'out' ? rulesOf(guardVerdict) : [] })),
    orders: orderRows,
    cases: caseRows,
    interceptions,
  };
}
