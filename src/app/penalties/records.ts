// N2/N3: what a person tells the product about a shop's points. An agent records a description
// mismatch complaint's kind on an after-sales case (and later that the platform upheld it), or
// that the late-shipment compensation was paid to the buyer — before the platform's ruling that
// waives the points — or (a lead) the platform's ruling on a complaint about a sent violation or a
// broken promise. Each write is one transaction with its audit row; the reply is the shop's
// ledger as it now stands.
import { randomUUID } from 'node:crypto';
import { and, eq, inArray } from 'drizzle-orm';
import { DxeError } from '../../core/errors.js';
import { lateShipment } from '../../core/money/late-shipment.js';
import { manualCategories } from '../../core/money/penalty-ledger.js';
import type { Database } from '../../store/open-database.js';
import { aftersalesCases, deadlines, messages, orders, penaltyRecords, promises } from '../../store/schema/index.js';
import { appendAuditIn } from '../audit/audit-log.js';
import type { Principal } from '../auth/auth.js';
import { paidInCurrency } from '../orders/exposure.js';
import { visibleOrder } from '../orders/order-detail.js';
import { loadShop, shopProfile } from '../orders/orders.js';
import { penaltyLedgers, type ShopLedgerView } from './ledger.js';

/** Stable reasons of a refused record (the error's details.reason); the message is Chinese. */
export type PenaltyRecordRefusal =
  | 'NO_MISMATCH_RULES'
  | 'UNKNOWN_MISMATCH_KIND'
  | 'NOT_LATE'
  | 'PAID_IN_FUTURE'
  | 'PAID_BEFORE_LATE'
  | 'ALREADY_RECORDED'
  | 'NOT_IN_LEDGER'
  | 'UNKNOWN_CATEGORY';

const actor = (p: Principal) => ({ actorKind: p.kind, actorId: p.agentId ?? null });

async function ledgerOf(database: Database, p: Principal, shopId: string, now: Date): Promise<ShopLedgerView> {
  const { shops } = await penaltyLedgers(database, p, { shopId }, now);
  return shops[0]!;
}

/** N3: the kind of a description-mismatch complaint on a case; recording again changes it. */
export async function recordMismatch(
  database: Database,
  p: Principal,
  caseId: string,
  input: { kind: string; upheld: boolean; note?: string | undefined },
  now: Date,
): Promise<ShopLedgerView> {
  const [c] = await database.db.select().from(aftersalesCases).where(eq(aftersalesCases.id, caseId));
  if (!c || !p.shopIds.includes(c.shopId)) throw new DxeError('NOT_FOUND', '找不到该售后单');
  const shop = await loadShop(database.db, c.shopId);
  const table = shopProfile(shop).penalties.description_mismatch;
  const kinds = Object.keys(table);
  if (kinds.length === 0) {
    throw new DxeError('VALIDATION_FAILED', '本店所在平台的规则没有描述不符的扣分标准，无法记录', { reason: 'NO_MISMATCH_RULES' satisfies PenaltyRecordRefusal });
  }
  if (!table[input.kind]) {
    const list = kinds.map((k) => `${k}（${table[k]!.title}）`).join('、');
    throw new DxeError('VALIDATION_FAILED', `描述不符类型无效，应为：${list}`, { reason: 'UNKNOWN_MISMATCH_KIND' satisfies PenaltyRecordRefusal, kinds });
  }
  await database.db.transaction(async (tx) => {
    const [existing] = await tx.select().from(penaltyRecords)
      .where(and(eq(penaltyRecords.subjectKind, 'case'), eq(penaltyRecords.subjectId, c.id), eq(penaltyRecords.kind, 'description_mismatch')))
      .for('update');
    if (existing) {
      await tx.update(penaltyRecords)
        .set({ mismatchKind: input.kind, upheld: input.upheld, note: input.note ?? existing.note, updatedAt: now, ...actor(p) })
        .where(eq(penaltyRecords.id, existing.id));
    } else {
      await tx.insert(penaltyRecords).values({
        shopId: c.shopId, subjectKind: 'case', subjectId: c.id, kind: 'description_mismatch', mismatchKind: input.kind, upheld: input.upheld,
        at: now, note: input.note ?? null, updatedAt: now, ...actor(p),
      });
    }
    await appendAuditIn(tx, {
      orgId: p.orgId, at: now, ...actor(p), action: 'penalty.mismatch_recorded', subjectKind: 'case', subjectId: c.id,
      data: { kind: input.kind, upheld: input.upheld, ...(existing ? { before: { kind: existing.mismatchKind, upheld: existing.upheld } } : {}) },
    });
  });
  return ledgerOf(database, p, c.shopId, now);
}

/**
 * N2: the late-shipment compensation was paid to the buyer at `paidAt` (default now). Paid before
 * the platform's ruling, the points are waived (the ledger shows the waiver) and the reminder to
 * pay before the ruling is settled.
 */
export async function recordCompensationPaid(
  database: Database,
  p: Principal,
  orderId: string,
  input: { paidAt?: Date | undefined; note?: string | undefined },
  now: Date,
): Promise<ShopLedgerView> {
  const order = await visibleOrder(database, orderId, p);
  const profile = shopProfile(await loadShop(database.db, order.shopId));
  const paidAt = input.paidAt ?? now;
  if (paidAt.getTime() > now.getTime()) {
    throw new DxeError('VALIDATION_FAILED', '赔付时间不能晚于当前时间', { reason: 'PAID_IN_FUTURE' satisfies PenaltyRecordRefusal });
  }
  const money = paidInCurrency(order);
  const late = lateShipment(
    {
      paidAmountYuan: money.amount, currency: money.currency, paidAt: order.paidAt?.toISOString() ?? null,
      shippedAt: order.shippedAt?.toISOString() ?? null, now: now.toISOString(), agreedShipBy: order.agreedShipBy?.toISOString() ?? null,
    },
    profile,
  );
  if (!late.late || late.deadlineMs === null) {
    throw new DxeError('INVALID_TRANSITION', '该订单没有延迟发货，无需记录延迟发货赔付', { reason: 'NOT_LATE' satisfies PenaltyRecordRefusal });
  }
  if (paidAt.getTime() <= late.deadlineMs) {
    throw new DxeError('VALIDATION_FAILED', '赔付时间早于发货时限，请填写实际赔付的时间', { reason: 'PAID_BEFORE_LATE' satisfies PenaltyRecordRefusal });
  }
  await database.db.transaction(async (tx) => {
    const inserted = await tx.insert(penaltyRecords).values({
      shopId: order.shopId, subjectKind: 'order', subjectId: order.id, kind: 'compensation_paid', at: paidAt, note: input.note ?? null, updatedAt: now, ...actor(p),
    }).onConflictDoNothing().returning({ id: penaltyRecords.id });
    if (inserted.length === 0) {
      throw new DxeError('CONFLICT', '该订单已记录过延迟发货赔付', { reason: 'ALREADY_RECORDED' satisfies PenaltyRecordRefusal });
    }
    // Paid before the ruling: the reminder to pay first has done its work.
    const [ruling] = await tx.select().from(deadlines)
      .where(and(eq(deadlines.subjectKind, 'order'), eq(deadlines.subjectId, order.id), eq(deadlines.kind, 'compensate_before_ruling'), inArray(deadlines.state, ['pending', 'warned'])))
      .for('update');
    if (ruling && paidAt.getTime() <= ruling.dueAt.getTime()) {
      await tx.update(deadlines).set({ state: 'done', firedAt: now, firedBy: 'compensation_paid' }).where(eq(deadlines.id, ruling.id));
    }
    await appendAuditIn(tx, {
      orgId: p.orgId, at: now, ...actor(p), action: 'penalty.compensation_paid', subjectKind: 'order', subjectId: order.id,
      data: { paidAt: paidAt.toISOString(), compensationMinor: late.compensationFen, currency: money.currency },
    });
  });
  return ledgerOf(database, p, order.shopId, now);
}

/**
 * N2: the platform's ruling on a buyer's complaint about a blocked reply sent anyway (by its
 * message id) or a broken promise: upheld → the points are incurred; not upheld → dismissed.
 * Recording again corrects it. Leads only (the route's table).
 */
export async function recordRuling(
  database: Database,
  p: Principal,
  input: { source: 'released_reply' | 'broken_promise'; subjectId: string; upheld: boolean; note?: string | undefined },
  now: Date,
): Promise<ShopLedgerView> {
  const subjectKind = input.source === 'released_reply' ? 'message' : 'promise';
  let shopId: string | undefined;
  if (subjectKind === 'message') {
    const id = /^\d{1,15}$/.test(input.subjectId) ? Number(input.subjectId) : null;
    const [m] = id === null ? [] : await database.db.select({ shopId: messages.shopId, direction: messages.direction, verdict: messages.guardVerdict }).from(messages).where(eq(messages.id, id));
    const verdict = m?.verdict as { verdict?: unknown; violations?: unknown } | null | undefined;
    // Only a reply the guard blocked and a supervisor sent anyway is in the ledger.
    if (m && p.shopIds.includes(m.shopId) && (m.direction !== 'out' || verdict?.verdict !== 'block' || !verdict.violations)) {
      throw new DxeError('VALIDATION_FAILED', '该消息不是被拦截后强制发出的回复，不在扣分台账中', { reason: 'NOT_IN_LEDGER' satisfies PenaltyRecordRefusal });
    }
    shopId = m?.shopId;
  } else {
    const [pr] = await database.db.select({ shopId: promises.shopId, state: promises.state }).from(promises).where(eq(promises.id, input.subjectId));
    if (pr && p.shopIds.includes(pr.shopId) && pr.state !== 'broken') {
      throw new DxeError('VALIDATION_FAILED', '该承诺未被判定为未兑现，不在扣分台账中', { reason: 'NOT_IN_LEDGER' satisfies PenaltyRecordRefusal });
    }
    shopId = pr?.shopId;
  }
  if (!shopId || !p.shopIds.includes(shopId)) throw new DxeError('NOT_FOUND', input.source === 'released_reply' ? '找不到该消息' : '找不到该承诺');
  const owner = shopId;
  await database.db.transaction(async (tx) => {
    const [existing] = await tx.select().from(penaltyRecords)
      .where(and(eq(penaltyRecords.subjectKind, subjectKind), eq(penaltyRecords.subjectId, input.subjectId), eq(penaltyRecords.kind, 'platform_ruling')))
      .for('update');
    if (existing) {
      await tx.update(penaltyRecords).set({ upheld: input.upheld, note: input.note ?? existing.note, updatedAt: now, ...actor(p) }).where(eq(penaltyRecords.id, existing.id));
    } else {
      await tx.insert(penaltyRecords).values({
        shopId: owner, subjectKind, subjectId: input.subjectId, kind: 'platform_ruling', upheld: input.upheld, at: now, note: input.note ?? null, updatedAt: now, ...actor(p),
      });
    }
    await appendAuditIn(tx, {
      orgId: p.orgId, at: now, ...actor(p), action: 'penalty.ruling_recorded', subjectKind, subjectId: input.subjectId,
      data: { upheld: input.upheld, ...(existing ? { before: existing.upheld } : {}) },
    });
  });
  return ledgerOf(database, p, owner, now);
}

/**
 * N2: a deduction the platform notified that the product cannot see (a broken special promise, a
 * refused ordered price…): a lead names the rule category; the points come from the rules, never
 * typed in. Counted as incurred on `at` (default now).
 */
export async function recordManualPenalty(
  database: Database,
  p: Principal,
  shopId: string,
  input: { category: string; orderId?: string | undefined; at?: Date | undefined; note?: string | undefined },
  now: Date,
): Promise<ShopLedgerView> {
  if (!p.shopIds.includes(shopId)) throw new DxeError('NOT_FOUND', '找不到该店铺');
  const profile = shopProfile(await loadShop(database.db, shopId));
  const categories = manualCategories(profile);
  if (!categories.some((c) => c.key === input.category)) {
    const list = categories.map((c) => `${c.key}（${c.title}，${c.points} 分）`).join('、');
    throw new DxeError('VALIDATION_FAILED', categories.length ? `扣分类别无效，应为：${list}` : '本店所在平台的规则没有可登记的扣分类别', { reason: 'UNKNOWN_CATEGORY' satisfies PenaltyRecordRefusal, categories: categories.map((c) => c.key) });
  }
  const at = input.at ?? now;
  if (at.getTime() > now.getTime()) throw new DxeError('VALIDATION_FAILED', '扣分时间不能晚于当前时间', { reason: 'PAID_IN_FUTURE' satisfies PenaltyRecordRefusal });
  if (input.orderId !== undefined) {
    const [o] = await database.db.select({ shopId: orders.shopId }).from(orders).where(eq(orders.id, input.orderId));
    if (!o || o.shopId !== shopId) throw new DxeError('NOT_FOUND', '找不到该订单');
  }
  await database.db.transaction(async (tx) => {
    const id = randomUUID();
    await tx.insert(penaltyRecords).values({
      id, shopId, subjectKind: 'record', subjectId: id, kind: 'manual', category: input.category, orderId: input.orderId ?? null,
      at, note: input.note ?? null, updatedAt: now, ...actor(p),
    });
    await appendAuditIn(tx, {
      orgId: p.orgId, at: now, ...actor(p), action: 'penalty.manual_recorded', subjectKind: 'shop', subjectId: shopId,
      data: { category: input.category, at: at.toISOString(), recordId: id, ...(input.orderId ? { orderId: input.orderId } : {}) },
    });
  });
  return ledgerOf(database, p, shopId, now);
}
