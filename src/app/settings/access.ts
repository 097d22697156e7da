// Who may change a shop's settings (C12, O5, C7, P1) and the organisation's (agents, tokens), and
// the audit row each change writes (A11). Reads are open to everyone who may see the shop.
import type { AuditEntry } from '../audit/audit-log.js';
import { assertShopAccess, requireRoleOf } from '../auth/access.js';
import type { Principal } from '../auth/auth.js';

/** A supervisor or admin of this shop; NOT_FOUND outside the principal's shops, FORBIDDEN for other roles. */
export function shopEditor(p: Principal, shopId: string): Principal {
  assertShopAccess(p, shopId);
  return requireRoleOf(p, 'admin', 'supervisor');
}

/** An admin of the organisation (rule overrides, agents, API tokens). */
export function orgAdmin(p: Principal): Principal {
  return requireRoleOf(p, 'admin');
}

/** The audit row of a settings change made by `p` (appended in the change's own transaction). */
export function settingsAudit(
  p: Principal,
  at: Date,
  action: string,
  subject: { kind: string; id: string },
  data: unknown,
): AuditEntry {
  return { orgId: p.orgId, at, actorKind: p.kind, actorId: p.agentId ?? null, action, subjectKind: subject.kind, subjectId: subject.id, data };
}
