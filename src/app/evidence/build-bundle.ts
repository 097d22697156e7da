// A11: the evidence a platform wants for a complaint or an appeal — the complete chats of the
// order's buyer in that shop, the order's history and logistics, every case timeline, the promises
// made, and the attachments — as one bundle whose SHA-256 is written to the hash-chained audit
// log at export, so later edits to the file (or to the log) are detectable.
import { and, asc, desc, eq, inArray, or } from 'drizzle-orm';
import { DxeError } from '../../core/errors.js';
import { personalDataMask } from '../../core/privacy.js';
import type { Database } from '../../store/open-database.js';
import {
  aftersalesCases, auditLog, buyers, caseEvents, conversations, logisticsEvents, messages, orderEvents, orderLines, orders, promises, shops,
} from '../../store/schema/index.js';
import { appendAudit } from '../audit/audit-log.js';
import { canonicalJson } from '../../core/canonical-json.js';
import { sha256Hex } from '../audit/sha256-hex.js';
import { uploadsForBundle } from './case-uploads.js';

export const EVIDENCE_FORMAT = 'dxe-evidence/1';

export interface Exporter {
  orgId: string;
  kind: string;
  id: string | null;
  displayName: string;
  /** Agents see phones and addresses masked in their exports too. */
  maySeePersonalData: boolean;
}

export interface EvidenceFile {
  format: typeof EVIDENCE_FORMAT;
  /** SHA-256 (hex) of canonicalJson(bundle). */
  sha256: string;
  /** The audit-log entry that recorded this export (its hash chains to every earlier entry). */
  auditEntryHash: string;
  bundle: EvidenceBundle;
}

export type EvidenceBundle = Awaited<ReturnType<typeof collect>>;

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);
const URL_RE = /https?:\/\/[^\s"'<>）)]+/g;

async function collect(database: Database, orderId: string, who: Exporter, now: Date, focusCaseId: string | null) {
  const { db } = database;
  const [order] = await db.select().from(orders).where(eq(orders.id, orderId));
  if (!order) throw new DxeError('NOT_FOUND', '找不到该订单');
  const [shop] = await db.select().from(shops).where(eq(shops.id, order.shopId));
  const mask = personalDataMask(who.maySeePersonalData);
  const full = mask.unmasked;
  const text = (s: string) => mask.text(s);
  let buyerId = order.buyerId;
  if (!buyerId && order.buyerAccount) {
    const [b] = await db.select({ id: buyers.id }).from(buyers).where(and(eq(buyers.shopId, order.shopId), eq(buyers.platformAccount, order.buyerAccount)));
    buyerId = b?.id ?? null;
  }
  const convs = buyerId
    ? await db.select().from(conversations).where(and(eq(conversations.shopId, order.shopId), eq(conversations.buyerId, buyerId))).orderBy(asc(conversations.createdAt))
    : [];
  const convIds = convs.map((c) => c.id);
  const msgs = convIds.length ? await db.select().from(messages).where(inArray(messages.conversationId, convIds)).orderBy(asc(messages.conversationId), asc(messages.seq)) : [];
  const cases = await db.select().from(aftersalesCases).where(eq(aftersalesCases.orderId, order.id)).orderBy(asc(aftersalesCases.openedAt));
  const timelines = cases.length ? await db.select().from(caseEvents).where(inArray(caseEvents.caseId, cases.map((c) => c.id))).orderBy(asc(caseEvents.id)) : [];
  const promiseRows = await db
    .select()
    .from(promises)
    .where(convIds.length ? or(eq(promises.orderId, order.id), inArray(promises.conversationId, convIds)) : eq(promises.orderId, order.id))
    .orderBy(asc(promises.createdAt));
  const [lines, history, logistics] = await Promise.all([
    db.select().from(orderLines).where(eq(orderLines.orderId, order.id)).orderBy(asc(orderLines.lineNo)),
    db.select().from(orderEvents).where(eq(orderEvents.orderId, order.id)).orderBy(asc(orderEvents.id)),
    db.select().from(logisticsEvents).where(eq(logisticsEvents.orderId, order.id)).orderBy(asc(logisticsEvents.at)),
  ]);
  const uploads = await uploadsForBundle(database, cases.map((c) => c.id), (s) => mask.text(s));
  const [head] = await db.select({ id: auditLog.id, hash: auditLog.hash }).from(auditLog).orderBy(desc(auditLog.id)).limit(1);

  const attachments: { source: string; ref: string }[] = [];
  for (const c of cases) for (const [i, e] of (c.evidence ?? []).entries()) attachments.push({ source: `售后单 ${c.id} 凭证 #${i + 1}`, ref: typeof e === 'string' ? e : JSON.stringify(e) });
  for (const m of msgs) for (const url of m.text.match(URL_RE) ?? []) attachments.push({ source: `聊天 ${m.conversationId} #${m.seq}`, ref: url });

  return {
    generatedAt: now.toISOString(),
    /** Set when the bundle was exported for one after-sales case (A11: per order or case). */
    focusCaseId,
    generatedBy: { kind: who.kind, id: who.id, displayName: who.displayName },
    personalDataMasked: !full,
    auditChainHead: head ? { id: head.id, hash: head.hash } : null,
    shop: { id: shop?.id ?? order.shopId, name: shop?.name ?? '', platform: shop?.platform ?? '' },
    order: {
      id: order.id, platformOrderNo: order.platformOrderNo, state: order.state, buyerAccount: order.buyerAccount,
      totalYuan: order.totalFen / 100, paidYuan: order.paidFen / 100, refundYuan: order.refundFen / 100,
      orderedAt: iso(order.orderedAt), paidAt: iso(order.paidAt), shippedAt: iso(order.shippedAt), completedAt: iso(order.completedAt), closedAt: iso(order.closedAt),
      agreedShipBy: iso(order.agreedShipBy), courier: order.courier, trackingNo: order.trackingNo,
      receiverName: mask.name(order.receiverName),
      receiverPhone: mask.phone(order.receiverPhone),
      receiverAddress: mask.address(order.receiverAddress),
      buyerNote: mask.text(order.buyerNote), sellerNote: mask.text(order.sellerNote),
      lines: lines.map((l) => ({ lineNo: l.lineNo, sku: l.sku, title: l.title, colour: l.colour, size: l.size, qty: l.qty, priceYuan: l.priceFen / 100 })),
    },
    orderHistory: history.map((h) => ({ at: h.at.toISOString(), from: h.fromState, to: h.toState, event: h.event, actorKind: h.actorKind, actorId: h.actorId, note: mask.text(h.note) })),
    logistics: logistics.map((l) => ({ at: l.at.toISOString(), status: l.status, text: l.text })),
    cases: cases.map((c) => ({
      id: c.id, type: c.type, state: c.state, reason: mask.text(c.reason), amountYuan: c.amountFen / 100, openedAt: c.openedAt.toISOString(), closedAt: iso(c.closedAt),
      platformDecided: c.platformDecided, returnTrackingNo: c.returnTrackingNo,
      timeline: timelines.filter((e) => e.caseId === c.id).map((e) => ({ at: e.at.toISOString(), from: e.fromState, to: e.toState, event: e.event, actorKind: e.actorKind, actorId: e.actorId, note: mask.text(e.note) })),
    })),
    conversations: convs.map((c) => ({
      id: c.id, channel: c.channel, startedAt: c.createdAt.toISOString(), closedAt: iso(c.closedAt),
      messages: msgs.filter((m) => m.conversationId === c.id).map((m) => ({
        seq: m.seq, at: (m.sentAt ?? m.createdAt).toISOString(), direction: m.direction, authorKind: m.authorKind, authorId: m.authorId,
        channelMessageId: m.channelMessageId, text: text(m.text),
      })),
    })),
    promises: promiseRows.map((p) => ({ at: p.createdAt.toISOString(), kind: p.kind, text: text(p.text), state: p.state, conversationId: p.conversationId, messageId: p.messageId })),
    attachments,
    /** Files and excerpts agents added to the cases (A11), each with the SHA-256 of its bytes. */
    uploads,
  };
}

/** Builds the bundle, hashes it and records the export in the audit log (one entry per export). */
export async function exportEvidence(
  database: Database,
  orderId: string,
  who: Exporter,
  now: Date,
  opts: { caseId?: string | undefined } = {},
): Promise<EvidenceFile> {
  const bundle = await collect(database, orderId, who, now, opts.caseId ?? null);
  const sha256 = sha256Hex(canonicalJson(bundle));
  const auditEntryHash = await appendAudit(database, {
    orgId: who.orgId,
    at: now,
    actorKind: who.kind,
    actorId: who.id,
    action: 'evidence.export',
    subjectKind: opts.caseId ? 'case' : 'order',
    subjectId: opts.caseId ?? orderId,
    data: { format: EVIDENCE_FORMAT, sha256, platformOrderNo: bundle.order.platformOrderNo },
  });
  return { format: EVIDENCE_FORMAT, sha256, auditEntryHash, bundle };
}
