// 质检: closed real conversations scored automatically by the practice report's measures
// (core/training/quality.ts), and the sample a supervisor reviews first — violations, then
// complaints, then the lowest scores — with each agent's average over the period.
import { and, asc, eq, gte, inArray, isNotNull } from 'drizzle-orm';
import { DxeError } from '../../core/errors.js';
import { scoreConversation, type QualityMessage } from '../../core/training/quality.js';
import { scoringWeights } from '../../core/training/scenarios.js';
import type { Deduction } from '../../core/training/score.js';
import type { Database } from '../../store/open-database.js';
import { agents, conversations, messages } from '../../store/schema/index.js';
import type { Principal } from '../auth/auth.js';
import { loadShopContext } from '../shops/shop-context.js';

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
}

export interface QualityView {
  days: number;
  scored: number;
  sample: QualityRow[];
  agents: { agentId: string; agentName: string; chats: number; averageScore: number; platformPoints: number }[];
}

const DAY = 86400_000;

function violationsOf(verdict: unknown): QualityMessage['violations'] {
  const v = (verdict as { violations?: unknown } | null)?.violations;
  if (!Array.isArray(v)) return [];
  return v.filter((x): x is QualityMessage['violations'][number] => typeof x === 'object' && x !== null && typeof (x as { rule?: unknown }).rule === 'string')
    .map((x) => ({ rule: x.rule, title: x.title, severity: x.severity === 'block' ? 'block' : 'warn', points: Number(x.points) || 0, message: String(x.message ?? '') }));
}

export async function qualitySample(database: Database, p: Principal, input: { days: number; limit: number }, now: Date): Promise<QualityView> {
  if (p.role !== 'admin' && p.role !== 'supervisor') throw new DxeError('FORBIDDEN', '只有主管和管理员可以查看质检');
  const { db } = database;
  if (p.shopIds.length === 0) return { days: input.days, scored: 0, sample: [], agents: [] };
  const closed = await db
    .select()
    .from(conversations)
    .where(and(inArray(conversations.shopId, p.shopIds), eq(conversations.status, 'closed'), isNotNull(conversations.closedAt), gte(conversations.closedAt, new Date(now.getTime() - input.days * DAY))))
    .limit(500);
  if (closed.length === 0) return { days: input.days, scored: 0, sample: [], agents: [] };
  const rows = await db.select().from(messages).where(inArray(messages.conversationId, closed.map((c) => c.id))).orderBy(asc(messages.seq));
  const names = new Map((await db.select({ id: agents.id, name: agents.displayName }).from(agents).where(eq(agents.orgId, p.orgId))).map((a) => [a.id, a.name]));
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
    out.push({
      conversationId: c.id, shopId: c.shopId, agentId, agentName: (agentId && names.get(agentId)) || '—', closedAt: c.closedAt!.toISOString(),
      score: q.score, platformPoints: q.platformPoints, complained: q.complained,
      violations: q.deductions.filter((d) => d.kind === 'violation').length, deductions: q.deductions,
    });
  }
  const byAgent = new Map<string, QualityRow[]>();
  for (const r of out) if (r.agentId) byAgent.set(r.agentId, [...(byAgent.get(r.agentId) ?? []), r]);
  const sample = [...out]
    .sort((a, b) => b.violations - a.violations || Number(b.complained) - Number(a.complained) || a.score - b.score || a.closedAt.localeCompare(b.closedAt))
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
