// Append-only audit log; each row's hash covers the previous row's hash, so editing or deleting
// any row breaks the chain (A11, supervisor overrides). Appends are serialised with an advisory
// lock so two processes never fork the chain.
import { asc, desc, sql } from 'drizzle-orm';
import { canonicalJson } from '../../core/canonical-json.js';
import type { Database, Tx } from '../../store/open-database.js';
import { auditLog } from '../../store/schema/index.js';
import { sha256Hex } from './sha256-hex.js';

export interface AuditEntry {
  orgId: string;
  at: Date;
  actorKind: string;
  actorId?: string | null;
  action: string;
  subjectKind?: string | null;
  subjectId?: string | null;
  data?: unknown;
}

export const GENESIS_HASH = '0'.repeat(64);

export function auditHash(prevHash: string, e: AuditEntry): string {
  const canonical = canonicalJson([
    prevHash,
    e.orgId,
    e.at.toISOString(),
    e.actorKind,
    e.actorId ?? null,
    e.action,
    e.subjectKind ?? null,
    e.subjectId ?? null,
    e.data ?? {},
  ]);
  return sha256Hex(canonical);
}

/** Appends in its own transaction. */
export async function appendAudit(database: Database, entry: AuditEntry): Promise<string> {
  return database.db.transaction((tx) => appendAuditIn(tx, entry));
}

/**
 * Appends inside the caller's transaction, so a write and its audit row commit or fail together
 * (the advisory lock is held until that transaction ends).
 */
export async function appendAuditIn(tx: Tx, entry: AuditEntry): Promise<string> {
  {
    await tx.execute(sql`select pg_advisory_xact_lock(4242001)`);
    const [last] = await tx.select({ hash: auditLog.hash }).from(auditLog).orderBy(desc(auditLog.id)).limit(1);
    const prevHash = last?.hash ?? GENESIS_HASH;
    const hash = auditHash(prevHash, entry);
    await tx.insert(auditLog).values({
      orgId: entry.orgId,
      at: entry.at,
      actorKind: entry.actorKind,
      actorId: entry.actorId ?? null,
      action: entry.action,
      subjectKind: entry.subjectKind ?? null,
      subjectId: entry.subjectId ?? null,
      data: entry.data ?? {},
      prevHash,
      hash,
    });
    return hash;
  }
}

/** Recomputes the chain; returns the id of the first row that does not verify, or null. */
export async function verifyAuditChain(database: Database): Promise<number | null> {
  const rows = await database.db.select().from(auditLog).orderBy(asc(auditLog.id));
  let prev = GENESIS_HASH;
  for (const row of rows) {
    const expected = auditHash(prev, {
      orgId: row.orgId,
      at: row.at,
      actorKind: row.actorKind,
      actorId: row.actorId,
      action: row.action,
      subjectKind: row.subjectKind,
      subjectId: row.subjectId,
      data: row.data,
    });
    if (row.prevHash !== prev || row.hash !== expected) return row.id;
    prev = row.hash;
  }
  return null;
}
