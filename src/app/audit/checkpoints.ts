// Anchors of the audit chain and its full check (issue 10, minor; A11). The hash chain alone shows
// an edited row, but not a chain recomputed from an edited row onwards, nor its newest rows deleted.
// A checkpoint records the newest row (id, hash) and the number of rows up to it, signed with
// HMAC-SHA256 under AUDIT_CHECKPOINT_KEY (kept out of the database) together with the previous
// checkpoint's signature. `dxe audit verify` recomputes the chain and checks every checkpoint
// against it: a recomputed chain no longer matches a signed hash, deleted rows no longer match a
// signed id or count, and a forged or removed checkpoint breaks the signatures. Rows newer than
// the newest checkpoint are covered by the chain only (reported as not yet anchored); each
// checkpoint is also written to the log, a copy outside the database.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { asc, desc, sql } from 'drizzle-orm';
import { canonicalJson } from '../../core/canonical-json.js';
import type { Database } from '../../store/open-database.js';
import { auditCheckpoints, auditLog } from '../../store/schema/index.js';
import { verifyAuditChain } from './audit-log.js';

/** The same advisory lock as appends: a checkpoint sees a chain no one is extending. */
const AUDIT_LOCK = 4242001;
export const GENESIS_SIGNATURE = '0'.repeat(64);

export interface Checkpoint {
  id: number;
  at: Date;
  lastId: number;
  lastHash: string;
  rowCount: number;
  prevSignature: string;
  signature: string;
}

type Signed = Omit<Checkpoint, 'id' | 'signature'>;

export function signCheckpoint(key: string, c: Signed): string {
  const body = canonicalJson(['dxe-audit-checkpoint/1', c.at.toISOString(), c.lastId, c.lastHash, c.rowCount, c.prevSignature]);
  return createHmac('sha256', key).update(body).digest('hex');
}

function signatureMatches(key: string, c: Checkpoint): boolean {
  const expected = Buffer.from(signCheckpoint(key, c), 'hex');
  const actual = Buffer.from(c.signature, 'hex');
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}

/**
 * Signs the chain as it is now. Returns null when nothing was appended since the last checkpoint
 * (or the log is empty).
 */
export async function writeCheckpoint(database: Database, key: string, now: Date): Promise<Checkpoint | null> {
  return database.db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${AUDIT_LOCK})`);
    const [head] = await tx.select({ id: auditLog.id, hash: auditLog.hash }).from(auditLog).orderBy(desc(auditLog.id)).limit(1);
    if (!head) return null;
    const [previous] = await tx.select().from(auditCheckpoints).orderBy(desc(auditCheckpoints.id)).limit(1);
    if (previous && previous.lastId === head.id) return null;
    const [counted] = await tx.select({ n: sql<number>`count(*)::bigint` }).from(auditLog).where(sql`${auditLog.id} <= ${head.id}`);
    const unsigned: Signed = {
      at: now,
      lastId: head.id,
      lastHash: head.hash,
      rowCount: Number(counted?.n ?? 0),
      prevSignature: previous?.signature ?? GENESIS_SIGNATURE,
    };
    const [row] = await tx.insert(auditCheckpoints).values({ ...unsigned, signature: signCheckpoint(key, unsigned) }).returning();
    return row as Checkpoint;
  });
}

export type AuditProblemKind =
  | 'row_changed'
  | 'checkpoint_forged'
  | 'checkpoint_row_missing'
  | 'checkpoint_hash_mismatch'
  | 'checkpoint_count_mismatch';

export interface AuditProblem {
  kind: AuditProblemKind;
  /** The audit row or checkpoint concerned. */
  id: number;
  messageZh: string;
}

export interface AuditReport {
  intact: boolean;
  rows: number;
  newestId: number | null;
  checkpoints: number;
  /** False when no key is configured: checkpoints were not checked (a recomputed chain would pass). */
  checkpointsChecked: boolean;
  /** Rows after the newest checkpoint: protected by the chain only until the next checkpoint. */
  unanchoredRows: number;
  problems: AuditProblem[];
  warningsZh: string[];
}

export async function verifyAudit(database: Database, key: string | undefined): Promise<AuditReport> {
  const problems: AuditProblem[] = [];
  const warningsZh: string[] = [];
  const firstBad = await verifyAuditChain(database);
  if (firstBad !== null) {
    problems.push({ kind: 'row_changed', id: firstBad, messageZh: `审计记录第 ${firstBad} 条与哈希链不符：该条或其前一条被修改或删除` });
  }
  const { db } = database;
  const [stats] = await db.select({ n: sql<number>`count(*)::bigint`, newest: sql<number | null>`max(${auditLog.id})` }).from(auditLog);
  const rows = Number(stats?.n ?? 0);
  const newestId = stats?.newest === null || stats?.newest === undefined ? null : Number(stats.newest);
  const checkpoints = (await db.select().from(auditCheckpoints).orderBy(asc(auditCheckpoints.id))) as Checkpoint[];

  let unanchoredRows = rows;
  if (!key) {
    warningsZh.push(
      checkpoints.length
        ? `未配置 AUDIT_CHECKPOINT_KEY：无法校验 ${checkpoints.length} 个签名检查点，整条链被重新计算或最新记录被删除将无法发现`
        : '未配置 AUDIT_CHECKPOINT_KEY，没有签名检查点：整条链被重新计算或最新记录被删除将无法发现',
    );
  } else {
    let prevSignature = GENESIS_SIGNATURE;
    for (const c of checkpoints) {
      if (c.prevSignature !== prevSignature || !signatureMatches(key, c)) {
        problems.push({ kind: 'checkpoint_forged', id: c.id, messageZh: `签名检查点 #${c.id} 的签名无效或检查点链断开：检查点被伪造、修改或删除（或密钥不对）` });
      }
      prevSignature = c.signature;
      const [row] = await db.select({ hash: auditLog.hash }).from(auditLog).where(sql`${auditLog.id} = ${c.lastId}`);
      if (!row) {
        problems.push({ kind: 'checkpoint_row_missing', id: c.id, messageZh: `签名检查点 #${c.id} 覆盖到第 ${c.lastId} 条审计记录，但该条已不存在：审计记录被删除` });
        continue;
      }
      if (row.hash !== c.lastHash) {
        problems.push({ kind: 'checkpoint_hash_mismatch', id: c.id, messageZh: `第 ${c.lastId} 条审计记录的哈希与签名检查点 #${c.id} 不符：哈希链被重新计算` });
      }
      const [counted] = await db.select({ n: sql<number>`count(*)::bigint` }).from(auditLog).where(sql`${auditLog.id} <= ${c.lastId}`);
      if (Number(counted?.n ?? 0) !== c.rowCount) {
        problems.push({ kind: 'checkpoint_count_mismatch', id: c.id, messageZh: `签名检查点 #${c.id} 记录了 ${c.rowCount} 条审计记录，现在只有 ${Number(counted?.n ?? 0)} 条：审计记录被删除或插入` });
      }
    }
    const newest = checkpoints.at(-1);
    if (newest) {
      const [after] = await db.select({ n: sql<number>`count(*)::bigint` }).from(auditLog).where(sql`${auditLog.id} > ${newest.lastId}`);
      unanchoredRows = Number(after?.n ?? 0);
    }
    if (rows > 0 && checkpoints.length === 0) warningsZh.push('还没有签名检查点（服务运行时按 AUDIT_CHECKPOINT_MINUTES 定期写入，或执行 dxe audit checkpoint）');
  }
  return {
    intact: problems.length === 0,
    rows,
    newestId,
    checkpoints: checkpoints.length,
    checkpointsChecked: Boolean(key),
    unanchoredRows,
    problems,
    warningsZh,
  };
}
