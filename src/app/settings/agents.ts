// The organisation's agents: supervisors and admins list them; admins create them with a role and
// the shops they serve (only shops the admin may see). A creation and its audit row commit together.
import { eq, inArray } from 'drizzle-orm';
import { DxeError } from '../../core/errors.js';
import type { Database } from '../../store/open-database.js';
import { agents, agentShops } from '../../store/schema/index.js';
import { appendAuditIn } from '../audit/audit-log.js';
import { assertShopAccess, requireRoleOf } from '../auth/access.js';
import { hashPassword, type Principal } from '../auth/auth.js';
import type { UseCaseDeps } from '../runtime/context.js';
import { orgAdmin, settingsAudit } from './access.js';
import { newAgentInput, type NewAgentInput } from '../../core/contract/settings.js';

// The request schema is part of the API contract (core/contract), shared with the workbench.
export { newAgentInput, type NewAgentInput };

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
