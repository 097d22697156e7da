// `dxe evidence verify`: recompute the bundle's SHA-256 and compare (完整 / 已被篡改); with a
// database, also check the export is in the audit log and the log's hash chain is unbroken.
import { and, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '../../store/open-database.js';
import { auditLog } from '../../store/schema/index.js';
import { verifyAuditChain } from '../audit/audit-log.js';
import { canonicalJson } from '../../core/canonical-json.js';
import { sha256Hex } from '../audit/sha256-hex.js';
import { EVIDENCE_FORMAT } from './build-bundle.js';

const fileSchema = z.object({
  format: z.literal(EVIDENCE_FORMAT),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  auditEntryHash: z.string().regex(/^[0-9a-f]{64}$/),
  bundle: z.record(z.string(), z.unknown()),
});

export interface Verification {
  intact: boolean;
  expected: string | null;
  actual: string | null;
  messageZh: string;
  audit?: { recorded: boolean; chainIntact: boolean; firstBadId: number | null };
}

export function verifyEvidenceText(text: string): Verification & { file: z.infer<typeof fileSchema> | null } {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { intact: false, expected: null, actual: null, messageZh: '已被篡改：文件不是有效的 JSON', file: null };
  }
  const parsed = fileSchema.safeParse(data);
  if (!parsed.success) {
    return { intact: false, expected: null, actual: null, messageZh: '已被篡改：文件结构不是店小二证据包格式', file: null };
  }
  const actual = sha256Hex(canonicalJson(parsed.data.bundle));
  const intact = actual === parsed.data.sha256;
  return {
    intact,
    expected: parsed.data.sha256,
    actual,
    messageZh: intact ? `完整：SHA-256 ${actual}` : `已被篡改：记录的 SHA-256 为 ${parsed.data.sha256}，重新计算为 ${actual}`,
    file: parsed.data,
  };
}

/** The export must be in the audit log with the same hash, and the chain must verify. */
export async function verifyAgainstAudit(database: Database, file: { sha256: string; auditEntryHash: string }) {
  const rows = await database.db
    .select({ id: auditLog.id })
    .from(auditLog)
    .where(and(eq(auditLog.action, 'evidence.export'), eq(auditLog.hash, file.auditEntryHash), sql`${auditLog.data}->>'sha256' = ${file.sha256}`));
  const firstBadId = await verifyAuditChain(database);
  return { recorded: rows.length > 0, chainIntact: firstBadId === null, firstBadId };
}
