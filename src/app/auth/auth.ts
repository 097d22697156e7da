// Agents log in with a password (argon2id via @node-rs/argon2) and get a session token; bridges
// use API tokens. Only SHA-256 hashes of tokens are stored, so a leaked table grants nothing.
import { createHash, randomBytes } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import { and, eq, gt, isNull } from 'drizzle-orm';
import { DxeError } from '../../core/errors.js';
import type { Database, Tx } from '../../store/open-database.js';
import { agents, agentShops, apiTokens, sessions, shops } from '../../store/schema/index.js';

export type Role = 'admin' | 'supervisor' | 'agent';

/**
 * What an API token may do (docs/security.md): `bridge` — post buyer messages, orders and
 * logistics and poll replies; `read` — the workbench's read models; `admin` — workbench actions
 * (cases, transitions, taking conversations). Tokens made before scopes existed are bridge tokens.
 */
import { TOKEN_SCOPES, type TokenScope } from '../../core/contract/settings.js';

export { TOKEN_SCOPES, type TokenScope };

/** Who is calling, and which shops they may see (every query is scoped by `shopIds`). */
export interface Principal {
  kind: 'agent' | 'token';
  orgId: string;
  agentId?: string;
  role: Role | 'integration';
  displayName: string;
  shopIds: string[];
  /** API tokens only: what the token may do. Agents are limited by their role instead. */
  scopes?: readonly TokenScope[];
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

let dummyHash: Promise<string> | null = null;
/** An argon2 hash of a random password with the same parameters as real ones (made once). */
function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword(randomBytes(18).toString('base64url'));
  return dummyHash;
}

/** The part of the login throttle `login` uses (app/auth/login-throttle.ts). */
export interface LoginGuard {
  check(login: string, now: Date): void;
  failed(login: string, now: Date): void;
  succeeded(login: string): void;
}

export async function login(database: Database, loginName: string, password: string, now: Date, hours: number, guard?: LoginGuard) {
  const { db } = database;
  guard?.check(loginName, now);
  const [agent] = await db.select().from(agents).where(eq(agents.login, loginName));
  // An unknown or disabled account is verified against a dummy hash, so the time taken does not
  // reveal which accounts exist.
  const usable = agent && !agent.disabled ? agent : undefined;
  const passwordHash = usable?.passwordHash ?? (await dummyPasswordHash());
  const verified = await verify(passwordHash, password).catch(() => false);
  const ok = usable !== undefined && verified;
  if (!agent || !ok) {
    guard?.failed(loginName, now);
    throw new DxeError('INVALID_CREDENTIALS');
  }
  guard?.succeeded(loginName);
  const token = newToken('dxs');
  await db.insert(sessions).values({
    tokenHash: hashToken(token),
    agentId: agent.id,
    createdAt: now,
    expiresAt: new Date(now.getTime() + hours * 3600_000),
  });
  // C17: online at login, no chosen status, active now, no idle alert pending (app/auth/presence.ts).
  await db
    .update(agents)
    .set({ presence: 'online', presenceChoice: null, lastSeenAt: now, lastActiveAt: now, idleAlertedAt: null })
    .where(eq(agents.id, agent.id));
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

/** Ends the session; returns the agent whose session it was (their presence is re-derived by the caller). */
export async function logout(database: Database, token: string): Promise<string | null> {
  const [gone] = await database.db.delete(sessions).where(eq(sessions.tokenHash, hashToken(token))).returning({ agentId: sessions.agentId });
  forgetPrincipals(database);
  return gone?.agentId ?? null;
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

/** The kind of a bearer token by its prefix (dxs_ sessions, dxt_ API tokens), or null. */
export function tokenKind(token: string): TokenKind | null {
  if (token.startsWith('dxs_')) return 'session';
  if (token.startsWith('dxt_')) return 'api';
  return null;
}
export type TokenKind = 'session' | 'api';

export async function resolveToken(database: Database, token: string, now: Date): Promise<Principal | null> {
  const kind = tokenKind(token);
  if (!kind) return null;
  return resolveTokenHash(database, kind, hashToken(token), now);
}

/** Like resolveToken, from the stored hash (a WebSocket ticket remembers the hash, never the token). */
export async function resolveTokenHash(database: Database, kind: TokenKind, tokenHash: string, now: Date): Promise<Principal | null> {
  let cache = principalCache.get(database);
  if (!cache) principalCache.set(database, (cache = new Map()));
  const hit = cache.get(tokenHash);
  const wall = Date.now();
  if (hit && hit.until > wall && hit.expiresAt > now.getTime()) return hit.principal;
  const found = await readPrincipal(database, kind, tokenHash, now);
  if (cache.size > 10_000) cache.clear();
  cache.set(tokenHash, { principal: found?.principal ?? null, until: wall + PRINCIPAL_TTL_MS, expiresAt: found?.expiresAt ?? Infinity });
  return found?.principal ?? null;
}

async function readPrincipal(
  database: Database,
  kind: TokenKind,
  tokenHash: string,
  now: Date,
): Promise<{ principal: Principal; expiresAt: number } | null> {
  const { db } = database;
  if (kind === 'session') {
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
  if (kind === 'api') {
    const [row] = await db
      .select()
      .from(apiTokens)
      .where(and(eq(apiTokens.tokenHash, tokenHash), isNull(apiTokens.revokedAt)));
    if (!row) return null;
    const shopIds = row.shopId
      ? [row.shopId]
      : (await db.select({ id: shops.id }).from(shops).where(eq(shops.orgId, row.orgId))).map((r) => r.id);
    const scopes = (row.scopes ?? []).filter((x): x is TokenScope => (TOKEN_SCOPES as readonly string[]).includes(x));
    return { principal: { kind: 'token', orgId: row.orgId, role: 'integration', displayName: row.name, shopIds, scopes }, expiresAt: Infinity };
  }
  return null;
}

export async function createApiToken(
  database: Database,
  input: { orgId: string; shopId?: string | null; name: string; scopes?: readonly TokenScope[] },
): Promise<{ id: string; token: string }> {
  return createApiTokenIn(database.db, input);
}

/** Creates an API token inside the caller's transaction (so it commits with its audit row). */
export async function createApiTokenIn(
  tx: Tx,
  input: { orgId: string; shopId?: string | null; name: string; scopes?: readonly TokenScope[] },
): Promise<{ id: string; token: string }> {
  const token = newToken('dxt');
  const scopes = [...new Set(input.scopes ?? ['bridge'])];
  const [row] = await tx
    .insert(apiTokens)
    .values({ orgId: input.orgId, shopId: input.shopId ?? null, name: input.name, tokenHash: hashToken(token), scopes })
    .returning({ id: apiTokens.id });
  return { id: row!.id, token };
}
