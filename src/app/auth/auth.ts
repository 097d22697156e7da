// Agents log in with a password (argon2id via @node-rs/argon2) and get a session token; bridges
// use API tokens. Only SHA-256 hashes of tokens are stored, so a leaked table grants nothing.
import { createHash, randomBytes } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import { and, eq, gt, isNull } from 'drizzle-orm';
import { DxeError } from '../../core/errors.js';
import type { Database, Tx } from '../../store/open-database.js';
import { agents, agentShops, apiTokens, sessions, shops } from '../../store/schema/index.js';

export type Role = 'admin' | 'supervisor' | 'agent';

/** Who is calling, and which shops they may see (every query is scoped by `shopIds`). */
export interface Principal {
  kind: 'agent' | 'token';
  orgId: string;
  agentId?: string;
  role: Role | 'integration';
  displayName: string;
  shopIds: string[];
}

export const hashPassword = (password: string) => hash(password);

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function newToken(prefix: string): string {
  return `${prefix}_${randomBytes(24).toString('base64url')}`;
}

/** Shops an agent may see: admins and supervisors see the organisation's; agents their assigned. */
export async function shopsVisibleTo(database: Database, agent: { id: string; orgId: string; role: string }) {
  const { db } = database;
  if (agent.role === 'admin' || agent.role === 'supervisor') {
    const rows = await db.select({ id: shops.id }).from(shops).where(eq(shops.orgId, agent.orgId));
    return rows.map((r) => r.id);
  }
  const rows = await db.select({ id: agentShops.shopId }).from(agentShops).where(eq(agentShops.agentId, agent.id));
  return rows.map((r) => r.id);
}

export async function login(database: Database, loginName: string, password: string, now: Date, hours: number) {
  const { db } = database;
  const [agent] = await db.select().from(agents).where(eq(agents.login, loginName));
  // Verify against a dummy hash when the login is unknown, so timing does not reveal accounts.
  const ok = agent && !agent.disabled ? await verify(agent.passwordHash, password).catch(() => false) : false;
  if (!agent || !ok) throw new DxeError('INVALID_CREDENTIALS');
  const token = newToken('dxs');
  await db.insert(sessions).values({
    tokenHash: hashToken(token),
    agentId: agent.id,
    createdAt: now,
    expiresAt: new Date(now.getTime() + hours * 3600_000),
  });
  await db.update(agents).set({ presence: 'online', lastSeenAt: now }).where(eq(agents.id, agent.id));
  const shopIds = await shopsVisibleTo(database, agent);
  return {
    token,
    agent: {
      id: agent.id,
      login: agent.login,
      displayName: agent.displayName,
      role: agent.role,
      agentNo: agent.agentNo,
      shopIds,
    },
  };
}

export async function logout(database: Database, token: string): Promise<void> {
  await database.db.delete(sessions).where(eq(sessions.tokenHash, hashToken(token)));
  forgetPrincipals(database);
}

/**
 * Who a token belongs to is read on every request (a bridge sends hundreds a second), so the
 * answer is kept for PRINCIPAL_TTL_MS. A logout, a revoked token or a changed agent in this
 * process forgets the cache at once; another process notices within the TTL.
 */
export const PRINCIPAL_TTL_MS = 5_000;
const principalCache = new WeakMap<Database, Map<string, { principal: Principal | null; until: number; expiresAt: number }>>();

/** Forgets every cached principal of this database (after a logout, a revocation, an agent change). */
export function forgetPrincipals(database: Database): void {
  principalCache.get(database)?.clear();
}

export async function resolveToken(database: Database, token: string, now: Date): Promise<Principal | null> {
  const tokenHash = hashToken(token);
  let cache = principalCache.get(database);
  if (!cache) principalCache.set(database, (cache = new Map()));
  const hit = cache.get(tokenHash);
  const wall = Date.now();
  if (hit && hit.until > wall && hit.expiresAt > now.getTime()) return hit.principal;
  const found = await readPrincipal(database, token, tokenHash, now);
  if (cache.size > 10_000) cache.clear();
  cache.set(tokenHash, { principal: found?.principal ?? null, until: wall + PRINCIPAL_TTL_MS, expiresAt: found?.expiresAt ?? Infinity });
  return found?.principal ?? null;
}

async function readPrincipal(
  database: Database,
  token: string,
  tokenHash: string,
  now: Date,
): Promise<{ principal: Principal; expiresAt: number } | null> {
  const { db } = database;
  if (token.startsWith('dxs_')) {
    const [row] = await db
      .select({ agent: agents, expiresAt: sessions.expiresAt })
      .from(sessions)
      .innerJoin(agents, eq(agents.id, sessions.agentId))
      .where(and(eq(sessions.tokenHash, tokenHash), gt(sessions.expiresAt, now)));
    if (!row || row.agent.disabled) return null;
    return {
      principal: {
        kind: 'agent',
        orgId: row.agent.orgId,
        agentId: row.agent.id,
        role: row.agent.role,
        displayName: row.agent.displayName,
        shopIds: await shopsVisibleTo(database, row.agent),
      },
      expiresAt: row.expiresAt.getTime(),
    };
  }
  if (token.startsWith('dxt_')) {
    const [row] = await db
      .select()
      .from(apiTokens)
      .where(and(eq(apiTokens.tokenHash, tokenHash), isNull(apiTokens.revokedAt)));
    if (!row) return null;
    const shopIds = row.shopId
      ? [row.shopId]
      : (await db.select({ id: shops.id }).from(shops).where(eq(shops.orgId, row.orgId))).map((r) => r.id);
    return { principal: { kind: 'token', orgId: row.orgId, role: 'integration', displayName: row.name, shopIds }, expiresAt: Infinity };
  }
  return null;
}

export async function createApiToken(
  database: Database,
  input: { orgId: string; shopId?: string | null; name: string },
): Promise<{ id: string; token: string }> {
  return createApiTokenIn(database.db, input);
}

/** Creates an API token inside the caller's transaction (so it commits with its audit row). */
export async function createApiTokenIn(
  tx: Tx,
  input: { orgId: string; shopId?: string | null; name: string },
): Promise<{ id: string; token: string }> {
  const token = newToken('dxt');
  const [row] = await tx
    .insert(apiTokens)
    .values({ orgId: input.orgId, shopId: input.shopId ?? null, name: input.name, tokenHash: hashToken(token) })
    .returning({ id: apiTokens.id });
  return { id: row!.id, token };
}
