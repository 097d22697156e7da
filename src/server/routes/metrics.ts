// GET /api/v1/metrics — the dashboard (T1 figures per agent / shop / day; for supervisors and
// admins also idle agents, T2, and inconsistent answers, T3). Reads rows in the caller's shop
// scope and hands them to the pure formulas in src/core/metrics.
import type { FastifyPluginAsync } from 'fastify';
import { and, eq, gte, inArray, isNotNull, lte } from 'drizzle-orm';
import { z } from 'zod';
import { computeFigures, BOT_KEY, UNATTRIBUTED_KEY } from '../../core/metrics/figures.js';
import { findIdleAgents } from '../../core/metrics/idle-agents.js';
import { findInconsistencies, type AnsweredQuestion } from '../../core/metrics/consistency.js';
import type { InterceptionRow, MessageRow } from '../../core/metrics/types.js';
import { DxeError } from '../../core/errors.js';
import { agents, agentShops, aftersalesCases, auditLog, conversations, messages, orders, shops } from '../../store/schema/index.js';
import { mayseePersonalData, principalOf } from '../auth.js';

const DAY = 86400_000;

const query = z.object({
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  shopId: z.string().min(1).max(100).optional(),
  groupBy: z.enum(['agent', 'shop', 'day']).default('day'),
  idleMinutes: z.coerce.number().int().min(1).max(24 * 60).default(5),
});

const verdictSchema = z.object({ violations: z.array(z.object({ rule: z.string() }).loose()) }).loose();
const auditDataSchema = z.object({ rules: z.array(z.string()).optional(), shopId: z.string().optional() }).loose();

function rulesOf(verdict: unknown): string[] {
  const v = verdictSchema.safeParse(verdict);
  return v.success ? [...new Set(v.data.violations.map((x) => x.rule))] : [];
}

const metricsRoutes: FastifyPluginAsync = async (app) => {
  app.get('/api/v1/metrics', { preHandler: app.authenticate }, async (request) => {
    const q = query.parse(request.query);
    const p = principalOf(request);
    const now = app.ctx.now();
    const to = q.to ? new Date(q.to) : now;
    const from = q.from ? new Date(q.from) : new Date(to.getTime() - 7 * DAY);
    if (from > to) throw new DxeError('VALIDATION_FAILED', '开始时间不能晚于结束时间');
    if (q.shopId && !p.shopIds.includes(q.shopId)) throw new DxeError('NOT_FOUND');
    const shopIds = q.shopId ? [q.shopId] : p.shopIds;
    const { db } = app.ctx.database;
    const empty = { from: from.toISOString(), to: to.toISOString(), groupBy: q.groupBy };
    if (shopIds.length === 0) return { ...empty, total: computeFigures({ conversations: [], messages: [], orders: [], cases: [] }, q.groupBy).total, groups: [] };

    const convRows = await db
      .select({ id: conversations.id, shopId: conversations.shopId, buyerId: conversations.buyerId, assigneeId: conversations.assigneeId, status: conversations.status, handoverReason: conversations.handoverReason, createdAt: conversations.createdAt })
      .from(conversations)
      .where(and(inArray(conversations.shopId, shopIds), gte(conversations.createdAt, from), lte(conversations.createdAt, to)));
    const convIds = convRows.map((c) => c.id);
    const msgRows = convIds.length
      ? await db
          .select({ conversationId: messages.conversationId, shopId: messages.shopId, seq: messages.seq, direction: messages.direction, authorKind: messages.authorKind, authorId: messages.authorId, text: messages.text, intent: messages.intent, guardVerdict: messages.guardVerdict, createdAt: messages.createdAt })
          .from(messages)
          .where(inArray(messages.conversationId, db.select({ id: conversations.id }).from(conversations).where(and(inArray(conversations.shopId, shopIds), gte(conversations.createdAt, from), lte(conversations.createdAt, to)))))
      : [];
    const metricMessages: MessageRow[] = msgRows.map((m) => ({ ...m, flaggedRules: m.direction === 'out' ? rulesOf(m.guardVerdict) : [] }));
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

    // Interceptions that left no stored message: audited blocks and supervisor overrides.
    const convShop = new Map(convRows.map((c) => [c.id, c.shopId]));
    const audits = await db
      .select({ actorId: auditLog.actorId, subjectId: auditLog.subjectId, data: auditLog.data, at: auditLog.at })
      .from(auditLog)
      .where(and(eq(auditLog.orgId, p.orgId), inArray(auditLog.action, ['reply.blocked', 'reply.override']), gte(auditLog.at, from), lte(auditLog.at, to)));
    const interceptions: InterceptionRow[] = [];
    for (const a of audits) {
      const d = auditDataSchema.safeParse(a.data);
      const shopId = (a.subjectId && convShop.get(a.subjectId)) ?? (d.success ? d.data.shopId : undefined) ?? null;
      if (!shopId || !shopIds.includes(shopId)) continue;
      interceptions.push({ shopId, agentId: a.actorId, rules: d.success ? (d.data.rules ?? []) : [], at: a.at });
    }

    const result = computeFigures({ conversations: convRows, messages: metricMessages, orders: orderRows, cases: caseRows, interceptions }, q.groupBy);

    // Labels for the groups.
    const orgAgents = await db
      .select({ id: agents.id, displayName: agents.displayName, presence: agents.presence, lastSeenAt: agents.lastSeenAt, role: agents.role })
      .from(agents)
      .where(and(eq(agents.orgId, p.orgId), eq(agents.disabled, false)));
    const shopNames = await db.select({ id: shops.id, name: shops.name }).from(shops).where(inArray(shops.id, shopIds));
    const agentName = (key: string): string => {
      if (key === BOT_KEY) return '机器人';
      if (key === UNATTRIBUTED_KEY) return '未归属';
      return orgAgents.find((a) => a.id === key)?.displayName ?? key;
    };
    const label = (key: string): string => {
      if (q.groupBy === 'day') return key.slice(5);
      if (q.groupBy === 'shop') return shopNames.find((s) => s.id === key)?.name ?? key;
      return agentName(key);
    };
    const body = { ...empty, total: result.total, groups: result.groups.map((g) => ({ ...g, label: label(g.key) })) };
    if (!mayseePersonalData(p) || p.kind !== 'agent') return body;

    // T2: idle agents, over all conversations waiting now (not only the chosen range).
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
      .select({ shopId: conversations.shopId, assigneeId: conversations.assigneeId, lastBuyerMessageAt: conversations.lastBuyerMessageAt, status: conversations.status })
      .from(conversations)
      .where(and(inArray(conversations.shopId, shopIds), inArray(conversations.status, ['queued', 'assigned']), isNotNull(conversations.lastBuyerMessageAt)));
    const idleAgents = findIdleAgents(
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
      q.idleMinutes,
    );

    // T3: agent and bot answers, each paired with the buyer question it answers.
    const answered: AnsweredQuestion[] = [];
    const byConv = new Map<string, typeof msgRows>();
    for (const m of msgRows) byConv.set(m.conversationId, [...(byConv.get(m.conversationId) ?? []), m]);
    for (const list of byConv.values()) {
      list.sort((a, b) => a.seq - b.seq);
      let question: (typeof list)[number] | null = null;
      for (const m of list) {
        if (m.authorKind === 'buyer') question = m;
        else if (m.direction === 'out' && question?.intent && (m.authorKind === 'agent' || m.authorKind === 'bot')) {
          answered.push({ intent: question.intent, question: question.text, answer: m.text, author: m.authorKind === 'bot' ? '机器人' : agentName(m.authorId ?? UNATTRIBUTED_KEY) });
          question = null;
        }
      }
    }
    return { ...body, idleAgents, inconsistencies: findInconsistencies(answered) };
  });
};
export default metricsRoutes;
