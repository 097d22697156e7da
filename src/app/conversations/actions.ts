// An agent's actions on a conversation: take it (C17: a person takes over from the bot or the
// queue), hand it back to the bot, escalate a question to the shop manager (C18), close it. Each
// runs in one transaction with the conversation row locked, re-checks the state it acts on under
// that lock, and reports the new queue row to screens after commit.
import { and, eq } from 'drizzle-orm';
import type { ConversationSummary } from '../../core/contract/conversations.js';
import { DxeError } from '../../core/errors.js';
import type { Tx } from '../../store/open-database.js';
import { agents } from '../../store/schema/index.js';
import { appendAuditIn } from '../audit/audit-log.js';
import type { Principal } from '../auth/auth.js';
import { transact, type Emit } from '../events/outbox.js';
import type { UseCaseDeps } from '../runtime/context.js';
import { findLocked, writeConversation, type LockedConversation } from './conversation-row.js';
import { conversationSummary } from './views.js';

export type ActionDeps = UseCaseDeps;

function agentOf(p: Principal): string {
  if (!p.agentId) throw new DxeError('FORBIDDEN', '只有客服账号可以接待会话');
  return p.agentId;
}
const isLead = (p: Principal) => p.role === 'admin' || p.role === 'supervisor';

/** Locks the conversation if the caller may see its shop (NOT_FOUND otherwise). */
async function lockScoped(tx: Tx, p: Principal, id: string): Promise<LockedConversation> {
  const locked = await findLocked(tx, id);
  if (!locked || !p.shopIds.includes(locked.row.shopId)) throw new DxeError('NOT_FOUND', '找不到该会话');
  return locked;
}

/** Emits the conversation's new queue row and returns it. */
async function reportChange(tx: Tx, emit: Emit, locked: LockedConversation, now: Date): Promise<ConversationSummary | null> {
  const summary = await conversationSummary(tx, locked.row.id, now);
  emit({ type: 'conversation.updated', shopId: locked.row.shopId, data: { conversationId: locked.row.id, conversation: summary } });
  return summary;
}

export async function takeConversation(deps: ActionDeps, p: Principal, id: string) {
  const me = agentOf(p);
  return transact(deps, async (tx, emit) => {
    const c = await lockScoped(tx, p, id);
    if (c.row.status === 'closed') throw new DxeError('INVALID_TRANSITION', '会话已结束，不能接待');
    if (c.row.status === 'assigned' && c.row.assigneeId && c.row.assigneeId !== me && !isLead(p)) {
      throw new DxeError('CONFLICT', '该会话已由其他客服接待');
    }
    await writeConversation(tx, c, { status: 'assigned', assigneeId: me });
    return reportChange(tx, emit, c, deps.now);
  });
}

export async function handBack(deps: ActionDeps, p: Principal, id: string) {
  const me = agentOf(p);
  return transact(deps, async (tx, emit) => {
    const c = await lockScoped(tx, p, id);
    if (c.row.status === 'closed') throw new DxeError('INVALID_TRANSITION', '会话已结束');
    if (c.row.assigneeId && c.row.assigneeId !== me && !isLead(p)) throw new DxeError('FORBIDDEN', '只能交还自己接待的会话');
    await writeConversation(tx, c, { status: 'bot', assigneeId: null, handoverReason: null });
    return reportChange(tx, emit, c, deps.now);
  });
}

/** C18: questions the agent cannot answer safely go to the shop manager (a supervisor). */
export async function escalate(deps: ActionDeps, p: Principal, id: string, note: string) {
  return transact(deps, async (tx, emit) => {
    const c = await lockScoped(tx, p, id);
    if (c.row.status === 'closed') throw new DxeError('INVALID_TRANSITION', '会话已结束');
    const leads = await tx.select({ id: agents.id, presence: agents.presence }).from(agents)
      .where(and(eq(agents.orgId, p.orgId), eq(agents.role, 'supervisor'), eq(agents.disabled, false)));
    const lead = leads.find((a) => a.presence === 'online' && a.id !== p.agentId) ?? leads.find((a) => a.id !== p.agentId) ?? null;
    const escalation = { note, byAgentId: p.agentId ?? null, toAgentId: lead?.id ?? null, at: deps.now.toISOString() };
    await appendAuditIn(tx, {
      orgId: p.orgId, at: deps.now, actorKind: p.kind, actorId: p.agentId ?? null, action: 'conversation.escalate',
      subjectKind: 'conversation', subjectId: c.row.id, data: { note, toAgentId: escalation.toAgentId },
    });
    await writeConversation(
      tx,
      c,
      { status: lead ? 'assigned' : 'queued', assigneeId: lead?.id ?? null, priority: Math.max(c.row.priority, 10), handoverReason: 'escalated' },
      { escalation },
    );
    return reportChange(tx, emit, c, deps.now);
  });
}

export async function closeConversation(deps: ActionDeps, p: Principal, id: string) {
  return transact(deps, async (tx, emit) => {
    const c = await lockScoped(tx, p, id);
    if (c.row.status === 'closed') return conversationSummary(tx, c.row.id, deps.now);
    await writeConversation(tx, c, { status: 'closed', closedAt: deps.now });
    return reportChange(tx, emit, c, deps.now);
  });
}
