// API tokens for bridges and integrations (admins only): list, issue (the token is shown once;
// only its hash is stored), revoke. Each change commits with its audit row.
import { and, eq, isNull } from 'drizzle-orm';
import { DxeError } from '../../core/errors.js';
import type { Database } from '../../store/open-database.js';
import { apiTokens } from '../../store/schema/index.js';
import { appendAuditIn } from '../audit/audit-log.js';
import { assertShopAccess } from '../auth/access.js';
import { createApiTokenIn, type Principal, forgetPrincipals } from '../auth/auth.js';
import type { UseCaseDeps } from '../runtime/context.js';
import { orgAdmin, settingsAudit } from './access.js';
import { newApiTokenInput, type NewApiTokenInput } from '../../core/contract/settings.js';

// The request schema is part of the API contract (core/contract), shared with the workbench.
export { newApiTokenInput, type NewApiTokenInput };

export async function listApiTokens(database: Database, p: Principal) {
  orgAdmin(p);
  const rows = await database.db
    .select({ id: apiTokens.id, name: apiTokens.name, shopId: apiTokens.shopId, scopes: apiTokens.scopes, createdAt: apiTokens.createdAt, revokedAt: apiTokens.revokedAt })
    .from(apiTokens)
    .where(eq(apiTokens.orgId, p.orgId))
    .orderBy(apiTokens.createdAt);
  // Times as the JSON reply carries them (the contract's ApiTokenRowView).
  return { items: rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString(), revokedAt: r.revokedAt?.toISOString() ?? null })) };
}

/** A token for the whole organisation, or for one shop the admin may see. */
export async function issueApiToken(deps: UseCaseDeps, p: Principal, input: NewApiTokenInput): Promise<{ id: string; token: string }> {
  orgAdmin(p);
  if (input.shopId) assertShopAccess(p, input.shopId);
  return deps.database.db.transaction(async (tx) => {
    const created = await createApiTokenIn(tx, { orgId: p.orgId, shopId: input.shopId ?? null, name: input.name, scopes: input.scopes });
    await appendAuditIn(tx, settingsAudit(p, deps.now, 'api_token.create', { kind: 'api_token', id: created.id }, { name: input.name, shopId: input.shopId ?? null, scopes: input.scopes }));
    return created;
  });
}

/** NOT_FOUND for another organisation's token or one already revoked. */
export async function revokeApiToken(deps: UseCaseDeps, p: Principal, id: string): Promise<void> {
  orgAdmin(p);
  await deps.database.db.transaction(async (tx) => {
    const [row] = await tx
      .update(apiTokens)
      .set({ revokedAt: deps.now })
      .where(and(eq(apiTokens.id, id), eq(apiTokens.orgId, p.orgId), isNull(apiTokens.revokedAt)))
      .returning({ id: apiTokens.id });
    if (!row) throw new DxeError('NOT_FOUND');
    await appendAuditIn(tx, settingsAudit(p, deps.now, 'api_token.revoke', { kind: 'api_token', id }, {}));
  });
  // A revoked token stops working at once in this process (others: within PRINCIPAL_TTL_MS).
  forgetPrincipals(deps.database);
}
