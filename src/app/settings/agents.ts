// The organisation's agents: supervisors and admins list them; admins create them with a role and
// the shops they serve (only shops the admin may see). A creation and its audit row commit together.
import { and, eq, inArray } from 'drizzle-orm';
import { DxeError } from '../../core/errors.js';
import type { Database } from '../../store/open-database.js';
import { agents, agentShops, conversations, sessions, shops } from '../../store/schema/index.js';
import { transact } from '../events/outbox.js';
import { findLocked, writeConversation } from '../conversations/conversation-row.js';
import { conversationSummary } from '../conversations/views.js';
import { appendAuditIn } from '../audit/audit-log.js';
import { assertShopAccess, requireRoleOf } from '../auth/access.js';
import { forgetPrincipals, hashPassword, type Principal } from '../auth/auth.js';
import type { UseCaseDeps } from '../runtime/context.js';
import { orgAdmin, settingsAudit } from './access.js';
import { newAgentInput, updateAgentInput, type NewAgentInput, type UpdateAgentInput } from '../../core/contract/settings.js';

// The request schemas are part of the API contract (core/contract), shared with the workbench.
export { newAgentInput, updateAgentInput, type NewAgentInput, type UpdateAgentInput };

export async function listAgents(database: Database, p: Principal) {
  requireRoleOf(p, 'admin', 'supervisor');
  const { db } = database;
  const rows = await db
    .select({
      id: agents.id,
      login: agents.login,
      displayName: agents.displayName,
      role: agents.role,
      agentNo: agents.agentNo,
      presence: agents.presence,
      lastSeenAt: agents.lastSeenAt,
      disabled: agents.disabled,
    })
    .from(agents)
    .where(eq(agents.orgId, p.orgId))
    .orderBy(agents.login);
  const links = rows.length ? await db.select().from(agentShops).where(inArray(agentShops.agentId, rows.map((r) => r.id))) : [];
  return { items: rows.map((r) => ({ ...r, shopIds: links.filter((l) => l.agentId === r.id).map((l) => l.shopId) })) };
}

/** CONFLICT when the login is taken (logins are unique across organisations). */
export async function createAgent(deps: UseCaseDeps, p: Principal, input: NewAgentInput): Promise<{ id: string }> {
  orgAdmin(p);
  for (const s of input.shopIds) assertShopAccess(p, s);
  const passwordHash = await hashPassword(input.password); // slow on purpose: outside the transaction
  return deps.database.db.transaction(async (tx) => {
    const [clash] = await tx.select({ id: agents.id }).from(agents).where(eq(agents.login, input.login));
    if (clash) throw new DxeError('CONFLICT', '该登录名已被使用');
    const [row] = await tx
      .insert(agents)
      .values({ orgId: p.orgId, login: input.login, displayName: input.displayName, agentNo: input.agentNo ?? null, role: input.role, passwordHash })
      .returning({ id: agents.id });
    const id = row!.id;
    if (input.shopIds.length) await tx.insert(agentShops).values(input.shopIds.map((shopId) => ({ agentId: id, shopId })));
    await appendAuditIn(tx, settingsAudit(p, deps.now, 'agent.create', { kind: 'agent', id }, { login: input.login, role: input.role, shopIds: input.shopIds }));
    return { id };
  });
}

/**
 * Issue 15: an admin edits an agent of the organisation (name, number, role, shops, password) or
 * disables / re-enables them. Disabling ends every session of the agent (they cannot log in: the
 * login refuses a disabled account) and puts each of their open chats back in the queue; the
 * change, the re-queues and the realtime events commit together with the audit rows.
 * NOT_FOUND for an agent of another organisation; CONFLICT when an admin would disable or demote
 * themselves (the organisation must keep a way in).
 */
export async function updateAgent(
  deps: UseCaseDeps,
  p: Principal,
  agentId: string,
  input: UpdateAgentInput,
): Promise<{ ok: true; endedSessions: number; requeued: number }> {
  orgAdmin(p);
  for (const s of input.shopIds ?? []) assertShopAccess(p, s);
  if (agentId === p.agentId && (input.disabled === true || (input.role !== undefined && input.role !== 'admin'))) {
    throw new DxeError('CONFLICT', '不能停用自己的账号或取消自己的管理员角色');
  }
  const passwordHash = input.password !== undefined ? await hashPassword(input.password) : undefined; // slow: outside the transaction
  const result = await transact(deps, async (tx, emit) => {
    const [agent] = await tx.select().from(agents).where(and(eq(agents.id, agentId), eq(agents.orgId, p.orgId))).for('update');
    if (!agent) throw new DxeError('NOT_FOUND', '未找到该客服账号');
    if (input.shopIds) {
      const own = input.shopIds.length ? await tx.select({ id: shops.id }).from(shops).where(and(inArray(shops.id, input.shopIds), eq(shops.orgId, p.orgId))) : [];
      if (own.length !== new Set(input.shopIds).size) throw new DxeError('NOT_FOUND', '店铺不存在');
    }
    const set: Partial<typeof agents.$inferInsert> = {};
    if (input.displayName !== undefined) set.displayName = input.displayName;
    if (input.agentNo !== undefined) set.agentNo = input.agentNo || null;
    if (input.role !== undefined) set.role = input.role;
    if (passwordHash !== undefined) set.passwordHash = passwordHash;
    const disabling = input.disabled === true && !agent.disabled;
    if (input.disabled !== undefined) set.disabled = input.disabled;
    if (disabling) set.presence = 'offline';
    if (Object.keys(set).length > 0) await tx.update(agents).set(set).where(eq(agents.id, agentId));
    if (input.shopIds) {
      await tx.delete(agentShops).where(eq(agentShops.agentId, agentId));
      if (input.shopIds.length) await tx.insert(agentShops).values([...new Set(input.shopIds)].map((shopId) => ({ agentId, shopId })));
    }
    let endedSessions = 0;
    let requeued = 0;
    // A new password or a disabled account ends the sessions that exist.
    if (disabling || passwordHash !== undefined) {
      endedSessions = (await tx.delete(sessions).where(eq(sessions.agentId, agentId)).returning({ h: sessions.tokenHash })).length;
    }
    if (disabling) {
      const open = await tx
        .select({ id: conversations.id })
        .from(conversations)
        .where(and(eq(conversations.assigneeId, agentId), eq(conversations.status, 'assigned')));
      for (const { id } of open) {
        const c = await findLocked(tx, id);
        if (!c || c.row.status !== 'assigned' || c.row.assigneeId !== agentId) continue;
        await writeConversation(tx, c, { status: 'queued', assigneeId: null });
        await appendAuditIn(tx, settingsAudit(p, deps.now, 'conversation.requeue', { kind: 'conversation', id }, { from: agentId, to: null, reason: 'agent_disabled' }));
        const summary = await conversationSummary(tx, id, deps.now);
        emit({ type: 'conversation.updated', shopId: c.row.shopId, data: { conversationId: id, conversation: summary } });
        requeued += 1;
      }
    }
    if (disabling) {
      // The realtime gateway closes the agent's open sockets on this event; supervisors hear of it.
      const served = agent.role === 'agent'
        ? (await tx.select({ id: agentShops.shopId }).from(agentShops).where(eq(agentShops.agentId, agentId))).map((r) => r.id)
        : (await tx.select({ id: shops.id }).from(shops).where(eq(shops.orgId, p.orgId))).map((r) => r.id);
      for (const shopId of new Set([...served, ...(input.shopIds ?? [])])) {
        emit({
          type: 'agent.presence', shopId,
          data: { agentId, displayName: agent.displayName, presence: 'offline', reasonZh: '账号已停用', alert: false, requeued, sessionsEnded: true },
        });
      }
    }
    const changed = Object.keys(input).filter((k) => k !== 'password');
    await appendAuditIn(
      tx,
      settingsAudit(p, deps.now, disabling ? 'agent.disable' : input.disabled === false && agent.disabled ? 'agent.enable' : 'agent.update', { kind: 'agent', id: agentId }, {
        changed: passwordHash !== undefined ? [...changed, 'password'] : changed,
        ...(input.role !== undefined ? { role: { from: agent.role, to: input.role } } : {}),
        ...(input.shopIds !== undefined ? { shopIds: input.shopIds } : {}),
        endedSessions,
        requeued,
      }),
    );
    return { ok: true as const, endedSessions, requeued };
  });
  // Cached principals of this process would still let the old sessions (or role) in for a few seconds.
  forgetPrincipals(deps.database);
  return result;
}
