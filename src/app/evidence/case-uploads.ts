// A11 from the workbench: an agent adds evidence to a case — a photo, a courier record (image or
// PDF, or typed), or a chat excerpt (pasted, or picked from the buyer's chats with the shop, whose
// text the server copies so it cannot be retouched). Each item is hashed (SHA-256 of its bytes),
// stored with the case, written to the audit log in the same transaction, and listed in the
// evidence bundle. Outside the caller's shops: NOT_FOUND.
import { createHash } from 'node:crypto';
import { and, asc, count, eq, inArray } from 'drizzle-orm';
import { checkEvidenceFile, checkEvidenceText, EVIDENCE_LIMITS, type EvidenceKind } from '../../core/aftersales/evidence-files.js';
import { DxeError } from '../../core/errors.js';
import { maskPersonalText } from '../../core/privacy.js';
import type { Database } from '../../store/open-database.js';
import { aftersalesCases, caseEvidence, conversations, messages, orders } from '../../store/schema/index.js';
import { appendAuditIn } from '../audit/audit-log.js';
import type { Principal } from '../auth/auth.js';

export interface AddEvidenceInput {
  kind: EvidenceKind;
  fileName?: string | undefined;
  /** A file, base64-encoded. */
  contentBase64?: string | undefined;
  /** A typed excerpt or record. */
  text?: string | undefined;
  /** Messages of the buyer's chats with the shop to copy as a chat excerpt. */
  messageIds?: number[] | undefined;
  note?: string | undefined;
}

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

function decodeBase64(b64: string): Buffer {
  const clean = b64.replace(/^data:[^;,]*;base64,/, '').replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(clean)) throw new DxeError('VALIDATION_FAILED', '文件内容不是有效的 base64 编码');
  return Buffer.from(clean, 'base64');
}

export async function addCaseEvidence(database: Database, p: Principal, caseId: string, input: AddEvidenceInput, now: Date) {
  const { db } = database;
  const [c] = await db.select().from(aftersalesCases).where(eq(aftersalesCases.id, caseId));
  if (!c || !p.shopIds.includes(c.shopId)) throw new DxeError('NOT_FOUND', '找不到该售后单');

  let bytes: Buffer;
  let mime: string;
  let fileName = input.fileName?.trim() || '';
  const sources = [input.contentBase64 !== undefined, input.text !== undefined, input.messageIds !== undefined].filter(Boolean).length;
  if (sources !== 1) throw new DxeError('VALIDATION_FAILED', '请上传一个文件、粘贴一段文字或选择聊天消息（三选一）');
  if (input.contentBase64 !== undefined) {
    if (!fileName) throw new DxeError('VALIDATION_FAILED', '请填写文件名');
    bytes = decodeBase64(input.contentBase64);
    mime = checkEvidenceFile(input.kind, fileName, bytes).mime;
  } else if (input.text !== undefined) {
    checkEvidenceText(input.kind, input.text);
    bytes = Buffer.from(input.text, 'utf8');
    mime = 'text/plain; charset=utf-8';
    fileName ||= input.kind === 'chat_excerpt' ? '聊天记录.txt' : '快递记录.txt';
  } else {
    if (input.kind !== 'chat_excerpt') throw new DxeError('VALIDATION_FAILED', '只有聊天记录可以从会话中选择消息');
    const ids = [...new Set(input.messageIds ?? [])];
    if (ids.length === 0) throw new DxeError('VALIDATION_FAILED', '请至少选择一条聊天消息');
    const [order] = await db.select({ buyerId: orders.buyerId }).from(orders).where(eq(orders.id, c.orderId));
    const rows = await db
      .select({ id: messages.id, seq: messages.seq, text: messages.text, authorKind: messages.authorKind, at: messages.createdAt, conversationId: messages.conversationId, buyerId: conversations.buyerId })
      .from(messages)
      .innerJoin(conversations, eq(conversations.id, messages.conversationId))
      .where(and(inArray(messages.id, ids), eq(conversations.shopId, c.shopId)))
      .orderBy(asc(messages.conversationId), asc(messages.seq));
    const own = rows.filter((r) => (c.conversationId ? r.conversationId === c.conversationId : false) || (order?.buyerId && r.buyerId === order.buyerId));
    if (own.length !== ids.length) throw new DxeError('VALIDATION_FAILED', '所选消息不属于该售后单买家的会话');
    const who: Record<string, string> = { buyer: '买家', bot: '机器人', agent: '客服', system: '系统' };
    const text = own.map((m) => `[${m.at.toISOString()}] ${who[m.authorKind] ?? m.authorKind}：${m.text}`).join('\n');
    checkEvidenceText('chat_excerpt', text);
    bytes = Buffer.from(text, 'utf8');
    mime = 'text/plain; charset=utf-8';
    fileName ||= `聊天记录-${own[0]!.conversationId}.txt`;
  }
  const hash = sha256(bytes);

  return db.transaction(async (tx) => {
    const [{ n } = { n: 0 }] = await tx.select({ n: count() }).from(caseEvidence).where(eq(caseEvidence.caseId, c.id));
    if (n >= EVIDENCE_LIMITS.maxItemsPerCase) throw new DxeError('VALIDATION_FAILED', `每个售后单最多 ${EVIDENCE_LIMITS.maxItemsPerCase} 份凭证`);
    const [row] = await tx
      .insert(caseEvidence)
      .values({
        caseId: c.id, shopId: c.shopId, kind: input.kind, fileName: fileName.slice(0, 200), mime, sizeBytes: bytes.length, sha256: hash, content: bytes,
        note: input.note ?? null, uploadedByKind: p.kind, uploadedById: p.agentId ?? null, createdAt: now,
      })
      .returning({ id: caseEvidence.id });
    await appendAuditIn(tx, {
      orgId: p.orgId, at: now, actorKind: p.kind, actorId: p.agentId ?? null, action: 'case.evidence.add', subjectKind: 'case', subjectId: c.id,
      data: { evidenceId: row!.id, kind: input.kind, fileName, mime, sizeBytes: bytes.length, sha256: hash },
    });
    return { evidence: { id: row!.id, kind: input.kind, fileName, mime, sizeBytes: bytes.length, sha256: hash, note: input.note ?? null, createdAt: now.toISOString() } };
  });
}

/** One evidence file as it was uploaded (text excerpts masked unless the role may see personal data). */
export async function caseEvidenceFile(database: Database, p: Principal, caseId: string, evidenceId: string, maySeePersonalData: boolean) {
  const [row] = await database.db.select().from(caseEvidence).where(and(eq(caseEvidence.id, evidenceId), eq(caseEvidence.caseId, caseId)));
  if (!row || !p.shopIds.includes(row.shopId)) throw new DxeError('NOT_FOUND', '找不到该凭证');
  const content = row.mime.startsWith('text/') && !maySeePersonalData ? Buffer.from(maskPersonalText(row.content.toString('utf8')), 'utf8') : row.content;
  return { fileName: row.fileName, mime: row.mime, content };
}

/** A11: the uploads of the given cases for the evidence bundle (hashes bind the files). */
export async function uploadsForBundle(database: Database, caseIds: string[], mask: (s: string | null) => string | null) {
  if (caseIds.length === 0) return [];
  const rows = await database.db.select().from(caseEvidence).where(inArray(caseEvidence.caseId, caseIds)).orderBy(asc(caseEvidence.createdAt));
  return rows.map((r) => ({
    id: r.id, caseId: r.caseId, kind: r.kind, fileName: r.fileName, mime: r.mime, sizeBytes: r.sizeBytes, sha256: r.sha256,
    note: mask(r.note), uploadedAt: r.createdAt.toISOString(), uploadedBy: { kind: r.uploadedByKind, id: r.uploadedById },
    text: r.mime.startsWith('text/') ? mask(r.content.toString('utf8')) : null,
  }));
}
