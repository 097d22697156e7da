// 质检: closed real conversations scored automatically by the practice report's measures
// (core/training/quality.ts), and the sample a supervisor reviews first — violations, then
// complaints, then the lowest scores — with each agent's average over the period. A supervisor
// comments on a sampled chat (and may set their own score); the agent reads the comment under
// 我的质检 and acknowledges it. Scores per agent over time feed the dashboard (T1).
import { and, asc, desc, eq, gte, inArray, isNotNull, lte } from 'drizzle-orm';
import { DxeError } from '../../core/errors.js';
import { scoreConversation, type QualityMessage } from '../../core/training/quality.js';
import { scoringWeights } from '../../core/training/scenarios.js';
import type { Deduction } from '../../core/training/score.js';
import { beijingDayKey, startOfBeijingDay } from '../../core/time/beijing-time.js';
import type { Database, Tx } from '../../store/open-database.js';
import { agents, conversations, messages, qualityReviews } from '../../store/schema/index.js';
import { appendAuditIn } from '../audit/audit-log.js';
import type { Principal } from '../auth/auth.js';
import type { UseCaseDeps } from '../runtime/context.js';
import { loadShopContext } from '../shops/shop-context.js';

export interface QualityReviewView {
  id: string;
  reviewerName: string;
  score: number;
  autoScore: number;
  comment: string;
  at: string;
  acknowledgedAt: string | null;
}

export interface QualityRow {
  conversationId: string;
  shopId: string;
  agentId: string | null;
  agentName: string;
  closedAt: string;
  score: number;
  platformPoints: number;
  complained: boolean;
  violations: number;
  deductions: Deduction[];
  review: QualityReviewView | null;
}

export interface QualityView {
  days: number;
  scored: number;
  sample: QualityRow[];
  agents: { agentId: string; agentName: string; chats: number; averageScore: number; platformPoints: number }[];
}

const DAY = 86400_000;
const isLead = (p: Principal) => p.role === 'admin' || p.role === 'supervisor';

function violationsOf(verdict: unknown): QualityMessage['violations'] {
  const v = (verdict as { violations?: unknown } | null)?.violations;
  if (!Array.isArray(v)) return [];
  return v.filter((x): x is QualityMessage['violations'][number] => typeof x === 'object' && x !== null && typeof (x as { rule?: unknown }).rule === 'string')
    .map((x) => ({ rule: x.rule, title: x.title, severity: x.severity === 'block' ? 'block' : 'warn', points: Number(x.points) || 0, message: String(x.message ?? '') }));
}

type Reader = Database['db'] | Tx;
type ConversationRow = typeof conversations.$inferSelect;

/** Scores the given closed conversations (those an agent spoke in); the bot alone is not scored. */
async function scoreClosed(database: Database, db: Reader, closed: readonly ConversationRow[], orgId: string, now: Date): Promise<QualityRow[]> {
  if (closed.length === 0) return [];
  const rows = await db.select().from(messages).where(inArray(messages.conversationId, closed.map((c) => c.id))).orderBy(asc(messages.seq));
  const names = new Map((await db.select({ id: agents.id, name: agents.displayName }).from(agents).where(eq(agents.orgId, orgId))).map((a) => [a.id, a.name]));
  const reviews = new Map(
    (await db.select().from(qualityReviews).where(inArray(qualityReviews.conversationId, closed.map((c) => c.id)))).map((r) => [r.conversationId, r]),
  );
  const w = scoringWeights();
  const out: QualityRow[] = [];
  for (const c of closed) {
    const list = rows.filter((m) => m.conversationId === c.id);
    const agentMsgs = list.filter((m) => m.authorKind === 'agent');
    if (agentMsgs.length === 0) continue; // the bot alone: nobody to score
    const shop = await loadShopContext(database, c.shopId, now.getTime());
    const service = shop.profile.service;
    const q = scoreConversation(
      list.map((m) => ({ author: m.authorKind, text: m.text, at: m.createdAt, intent: m.intent, violations: m.authorKind === 'agent' ? violationsOf(m.guardVerdict) : [] })),
      { firstSeconds: service.first_reply_seconds, laterSeconds: Math.max(service.first_reply_seconds, ...service.first_reply_seconds_alternatives) },
      w,
      shop.items.map((i) => i.title),
    );
    const agentId = c.assigneeId ?? agentMsgs[agentMsgs.length - 1]!.authorId ?? null;
    const r = reviews.get(c.id);
    out.push({
      conversationId: c.id, shopId: c.shopId, agentId, agentName: (agentId && names.get(agentId)) || '—', closedAt: c.closedAt!.toISOString(),
      score: q.score, platformPoints: q.platformPoints, complained: q.complained,
      violations: q.deductions.filter((d) => d.kind === 'violation').length, deductions: q.deductions,
      review: r
        ? { id: r.id, reviewerName: (r.reviewerId && names.get(r.reviewerId)) || '—', score: r.score, autoScore: r.autoScore, comment: r.comment, at: r.createdAt.toISOString(), acknowledgedAt: r.acknowledgedAt?.toISOString() ?? null }
        : null,
    });
  }
  return out;
}

async function closedIn(db: Reader, shopIds: readonly string[], from: Date, to: Date, limit = 500): Promise<ConversationRow[]> {
  if (shopIds.length === 0) return [];
  return db
    .select()
    .from(conversations)
    .where(and(inArray(conversations.shopId, [...shopIds]), eq(conversations.status, 'closed'), isNotNull(conversations.closedAt), gte(conversations.closedAt, from), lte(conversations.closedAt, to)))
    .orderBy(desc(conversations.closedAt))
    .limit(limit);
}

export async function qualitySample(database: Database, p: Principal, input: { days: number; limit: number }, now: Date): Promise<QualityView> {
  if (!isLead(p)) throw new DxeError('FORBIDDEN', '只有主管和管理员可以查看质检');
  const closed = await closedIn(database.db, p.shopIds, new Date(now.getTime() - input.days * DAY), now);
  const out = await scoreClosed(database, database.db, closed, p.orgId, now);
  const byAgent = new Map<string, QualityRow[]>();
  for (const r of out) if (r.agentId) byAgent.set(r.agentId, [...(byAgent.get(r.agentId) ?? []), r]);
  // Not yet reviewed first, then violations, complaints, the lowest scores.
  const sample = [...out]
    .sort((a, b) => Number(a.review !== null) - Number(b.review !== null) || b.violations - a.violations || Number(b.complained) - Number(a.complained) || a.score - b.score || a.closedAt.localeCompare(b.closedAt))
    .slice(0, input.limit);
  return {
    days: input.days,
    scored: out.length,
    sample,
    agents: [...byAgent.entries()].map(([agentId, list]) => ({
      agentId, agentName: list[0]!.agentName, chats: list.length,
      averageScore: Math.round(list.reduce((s, r) => s + r.score, 0) / list.length),
      platformPoints: list.reduce((s, r) => s + r.platformPoints, 0),
    })),
  };
}

/**
 * A supervisor's review of a closed real chat: a comment (required) and their score (default the
 * automatic one). Reviewing again replaces the comment and asks the agent to acknowledge again.
 */
export async function reviewConversation(
  deps: UseCaseDeps,
  p: Principal,
  conversationId: string,
  input: { comment: string; score?: number },
): Promise<QualityRow> {
  if (!isLead(p) || p.kind !== 'agent') throw new DxeError('FORBIDDEN', '只有主管和管理员可以写质检点评');
  const comment = input.comment.trim();
  if (!comment) throw new DxeError('VALIDATION_FAILED', '请填写点评内容');
  const { db } = deps.database;
  const [c] = await db.select().from(conversations).where(eq(conversations.id, conversationId));
  if (!c || !p.shopIds.includes(c.shopId)) throw new DxeError('NOT_FOUND', '找不到该会话');
  if (c.status !== 'closed' || !c.closedAt) throw new DxeError('INVALID_TRANSITION', '只有已结束的会话可以质检');
  const [scored] = await scoreClosed(deps.database, db, [c], p.orgId, deps.now);
  if (!scored) throw new DxeError('INVALID_TRANSITION', '该会话没有客服回复，无需质检');
  const score = input.score ?? scored.score;
  await db.transaction(async (tx) => {
    await tx
      .insert(qualityReviews)
      .values({
        orgId: p.orgId, shopId: c.shopId, conversationId: c.id, agentId: scored.agentId, reviewerId: p.agentId ?? null,
        autoScore: scored.score, score, comment, closedAt: c.closedAt, createdAt: deps.now,
      })
      .onConflictDoUpdate({
        target: qualityReviews.conversationId,
        set: { reviewerId: p.agentId ?? null, autoScore: scored.score, score, comment, createdAt: deps.now, acknowledgedAt: null },
      });
    await appendAuditIn(tx, {
      orgId: p.orgId, at: deps.now, actorKind: 'agent', actorId: p.agentId ?? null, action: 'quality.review',
      subjectKind: 'conversation', subjectId: c.id, data: { agentId: scored.agentId, score, autoScore: scored.score },
    });
  });
  const [again] = await scoreClosed(deps.database, db, [c], p.orgId, deps.now);
  return again!;
}

export interface QualityFeedbackView {
  items: (QualityReviewView & { conversationId: string; shopId: string; closedAt: string | null })[];
  unacknowledged: number;
}

/** The caller's own reviewed chats, newest first: what the supervisor said, to read and acknowledge. */
export async function myQualityFeedback(database: Database, p: Principal): Promise<QualityFeedbackView> {
  if (p.kind !== 'agent' || !p.agentId) throw new DxeError('FORBIDDEN', '只有客服账号有质检反馈');
  if (p.shopIds.length === 0) return { items: [], unacknowledged: 0 };
  const rows = await database.db
    .select({ r: qualityReviews, reviewer: agents.displayName })
    .from(qualityReviews)
    .leftJoin(agents, eq(agents.id, qualityReviews.reviewerId))
    .where(and(eq(qualityReviews.agentId, p.agentId), inArray(qualityReviews.shopId, p.shopIds)))
    .orderBy(desc(qualityReviews.createdAt))
    .limit(200);
  const items = rows.map(({ r, reviewer }) => ({
    id: r.id, conversationId: r.conversationId, shopId: r.shopId, closedAt: r.closedAt?.toISOString() ?? null, reviewerName: reviewer ?? '—',
    score: r.score, autoScore: r.autoScore, comment: r.comment, at: r.createdAt.toISOString(), acknowledgedAt: r.acknowledgedAt?.toISOString() ?? null,
  }));
  return { items, unacknowledged: items.filter((i) => !i.acknowledgedAt).length };
}

/** Only the reviewed agent acknowledges; acknowledging twice keeps the first time. */
export async function acknowledgeReview(deps: UseCaseDeps, p: Principal, id: string): Promise<QualityFeedbackView> {
  if (p.kind !== 'agent' || !p.agentId) throw new DxeError('FORBIDDEN', '只有客服账号有质检反馈');
  await deps.database.db.transaction(async (tx) => {
    const [r] = await tx.select().from(qualityReviews).where(eq(qualityReviews.id, id)).for('update');
    if (!r || !p.shopIds.includes(r.shopId) || r.orgId !== p.orgId) throw new DxeError('NOT_FOUND', '找不到该质检点评');
    if (r.agentId !== p.agentId) throw new DxeError('FORBIDDEN', '只能确认自己的质检点评');
    if (r.acknowledgedAt) return;
    await tx.update(qualityReviews).set({ acknowledgedAt: deps.now }).where(eq(qualityReviews.id, id));
    await appendAuditIn(tx, {
      orgId: p.orgId, at: deps.now, actorKind: 'agent', actorId: p.agentId ?? null, action: 'quality.acknowledge', subjectKind: 'conversation', subjectId: r.conversationId, data: { reviewId: id },
    });
  });
  return myQualityFeedback(deps.database, p);
}

export interface QualityTrendRow {
  agentId: string;
  agentName: string;
  /** Per Beijing day (ranges up to 31 days) or per week starting Monday (longer ranges). */
  points: { key: string; chats: number; averageScore: number; reviewedScore: number | null }[];
  chats: number;
  averageScore: number;
  reviewed: number;
}

/**
 * 质检 scores per agent over time for the dashboard: the automatic score of each closed chat (the
 * supervisor's score where they reviewed it counts apart, as reviewedScore). Real chats only —
 * practice sessions live in their own tables.
 */
export async function qualityTrend(database: Database, p: Principal, shopIds: readonly string[], from: Date, to: Date, now: Date): Promise<QualityTrendRow[]> {
  const closed = await closedIn(database.db, shopIds, from, to, 2000);
  const rows = await scoreClosed(database, database.db, closed, p.orgId, now);
  const weekly = to.getTime() - from.getTime() > 31 * DAY;
  const bucket = (iso: string) => {
    if (!weekly) return beijingDayKey(new Date(iso));
    const day = startOfBeijingDay(new Date(iso));
    const dow = (new Date(day.getTime() + 8 * 3600_000).getUTCDay() + 6) % 7; // Monday = 0, Beijing calendar
    return beijingDayKey(day, -dow);
  };
  const byAgent = new Map<string, QualityRow[]>();
  for (const r of rows) if (r.agentId) byAgent.set(r.agentId, [...(byAgent.get(r.agentId) ?? []), r]);
  const mean = (xs: number[]) => Math.round(xs.reduce((s, x) => s + x, 0) / xs.length);
  return [...byAgent.entries()]
    .map(([agentId, list]) => {
      const byKey = new Map<string, QualityRow[]>();
      for (const r of list) byKey.set(bucket(r.closedAt), [...(byKey.get(bucket(r.closedAt)) ?? []), r]);
      const reviewed = list.filter((r) => r.review);
      return {
        agentId,
        agentName: list[0]!.agentName,
        points: [...byKey.entries()]
          .sort(([a], [b]) => a.localeCompare(b))
          .map(([key, xs]) => {
            const rv = xs.filter((x) => x.review).map((x) => x.review!.score);
            return { key, chats: xs.length, averageScore: mean(xs.map((x) => x.score)), reviewedScore: rv.length ? mean(rv) : null };
          }),
        chats: list.length,
        averageScore: mean(list.map((r) => r.score)),
        reviewed: reviewed.length,
      };
    })
    .sort((a, b) => a.agentName.localeCompare(b.agentName, 'zh'));
}
