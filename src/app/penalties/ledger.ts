// N2, N3, N4: the penalty-points ledger of the shops a caller may see — gathers the facts the
// product keeps (late orders and their ruling deadline, blocked replies a supervisor sent, broken
// promises, the mismatch kinds and compensations recorded by people) and hands them to the pure
// ledger (core/money/penalty-ledger.ts), which knows the figures, the period and the removal line.
import { and, eq, gte, inArray, isNotNull, isNull, lt, or, sql } from 'drizzle-orm';
import { DxeError } from '../../core/errors.js';
import { buildLedger, countingPeriod, manualCategories, type LedgerFacts, type ShopLedger } from '../../core/money/penalty-ledger.js';
import { hasShipped, orderPhase } from '../../core/orders/order-phase.js';
import type { Profile } from '../../core/rules/schema.js';
import type { Database } from '../../store/open-database.js';
import { aftersalesCases, auditLog, deadlines, messages, orders, penaltyRecords, promises, shops } from '../../store/schema/index.js';
import type { Principal } from '../auth/auth.js';
import { paidInCurrency } from '../orders/exposure.js';
import { shopProfile } from '../shops/shop-profile.js';

export interface ShopLedgerView extends ShopLedger {
  shopId: string;
  shopName: string;
  platform: string;
  /** Order numbers of the entries that name an order (for the screen; ids stay the keys). */
  orderNos: Record<string, string>;
  /** What a lead may record as a deduction the platform notified (points from the rules). */
  categories: { key: string; points: number; title: string }[];
}

/** GET /penalties: one ledger per shop the caller may see (or the one asked for). */
export async function penaltyLedgers(database: Database, p: Principal, input: { shopId?: string | undefined }, now: Date): Promise<{ shops: ShopLedgerView[] }> {
  if (input.shopId !== undefined && !p.shopIds.includes(input.shopId)) throw new DxeError('NOT_FOUND', '找不到该店铺');
  const shopIds = input.shopId !== undefined ? [input.shopId] : p.shopIds;
  if (shopIds.length === 0) return { shops: [] };
  const rows = await database.db.select().from(shops).where(inArray(shops.id, shopIds)).orderBy(shops.name);
  const out: ShopLedgerView[] = [];
  for (const shop of rows) {
    const profile = shopProfile(shop);
    const ledger = buildLedger(profile, await loadFacts(database, shop.id, profile, now), now);
    const orderIds = [...new Set(ledger.entries.map((e) => e.orderId).filter((x): x is string => x !== null))];
    const nos = orderIds.length ? await database.db.select({ id: orders.id, no: orders.platformOrderNo }).from(orders).where(inArray(orders.id, orderIds)) : [];
    out.push({ shopId: shop.id, shopName: shop.name, platform: shop.platform, orderNos: Object.fromEntries(nos.map((o) => [o.id, o.no])), categories: manualCategories(profile), ...ledger });
  }
  return { shops: out };
}

async function loadFacts(database: Database, shopId: string, profile: Profile, now: Date): Promise<LedgerFacts> {
  const { db } = database;
  const period = countingPeriod(profile, now);
  const from = new Date(period.from);
  const to = new Date(period.to);
  // Orders that can be late in this period: still unshipped and open, or shipped in it.
  const candidates = await db
    .select()
    .from(orders)
    .where(and(
      eq(orders.shopId, shopId),
      isNotNull(orders.paidAt),
      or(and(isNull(orders.shippedAt), isNull(orders.closedAt), isNull(orders.completedAt)), and(gte(orders.shippedAt, from), lt(orders.shippedAt, to))),
    ));
  // An order whose state says it shipped but with no ship time cannot be judged late (N1).
  const late = candidates.filter((o) => !(o.shippedAt === null && hasShipped(orderPhase(profile, o.state))));
  const ids = late.map((o) => o.id);
  const [rulings, paid] = ids.length
    ? await Promise.all([
      db.select().from(deadlines).where(and(eq(deadlines.subjectKind, 'order'), eq(deadlines.kind, 'compensate_before_ruling'), inArray(deadlines.subjectId, ids))),
      db.select().from(penaltyRecords).where(and(eq(penaltyRecords.kind, 'compensation_paid'), eq(penaltyRecords.subjectKind, 'order'), inArray(penaltyRecords.subjectId, ids))),
    ])
    : [[], []];
  const rulingBy = new Map(rulings.map((d) => [d.subjectId, d.dueAt]));
  const paidBy = new Map(paid.map((r) => [r.subjectId, r.at]));

  // A blocked reply is never sent unless a supervisor overrode it: the first part keeps the verdict.
  const released = await db
    .select({ id: messages.id, conversationId: messages.conversationId, sentAt: messages.sentAt, createdAt: messages.createdAt, verdict: messages.guardVerdict })
    .from(messages)
    .where(and(
      eq(messages.shopId, shopId),
      eq(messages.direction, 'out'),
      sql`${messages.guardVerdict}->>'verdict' = 'block'`,
      sql`${messages.guardVerdict} ? 'violations'`,
      gte(messages.createdAt, from),
      lt(messages.createdAt, to),
    ));
  const overrides = released.length
    ? await db.select({ subjectId: auditLog.subjectId, at: auditLog.at, data: auditLog.data }).from(auditLog)
      .where(and(eq(auditLog.action, 'reply.override'), eq(auditLog.subjectKind, 'conversation'), inArray(auditLog.subjectId, [...new Set(released.map((m) => m.conversationId))])))
    : [];
  const reasonOf = (conversationId: string, at: Date): string | null => {
    const row = overrides.find((o) => o.subjectId === conversationId && o.at.getTime() === at.getTime());
    const reason = row && typeof row.data === 'object' && row.data !== null ? (row.data as Record<string, unknown>).reason : null;
    return typeof reason === 'string' ? reason : null;
  };

  const rulingRows = await db.select({ kind: penaltyRecords.subjectKind, id: penaltyRecords.subjectId, upheld: penaltyRecords.upheld }).from(penaltyRecords)
    .where(and(eq(penaltyRecords.shopId, shopId), eq(penaltyRecords.kind, 'platform_ruling')));
  const ruledOn = new Map(rulingRows.map((r) => [`${r.kind}:${r.id}`, r.upheld]));

  const broken = await db.select().from(promises).where(and(
    eq(promises.shopId, shopId), eq(promises.state, 'broken'), isNotNull(promises.settledAt), gte(promises.settledAt, from), lt(promises.settledAt, to),
  ));
  const manual = await db.select().from(penaltyRecords)
    .where(and(eq(penaltyRecords.shopId, shopId), eq(penaltyRecords.kind, 'manual'), gte(penaltyRecords.at, from), lt(penaltyRecords.at, to)));
  const promiseOrderIds = [...new Set([...broken.map((b) => b.orderId), ...manual.map((m) => m.orderId)].filter((x): x is string => x !== null))];
  const promiseOrders = new Map(
    (promiseOrderIds.length ? await db.select().from(orders).where(inArray(orders.id, promiseOrderIds)) : []).map((o) => [o.id, paidInCurrency(o)]),
  );
  const mismatch = await db.select({ r: penaltyRecords, orderId: aftersalesCases.orderId }).from(penaltyRecords)
    .innerJoin(aftersalesCases, eq(aftersalesCases.id, penaltyRecords.subjectId))
    .where(and(eq(penaltyRecords.shopId, shopId), eq(penaltyRecords.kind, 'description_mismatch'), gte(penaltyRecords.at, from), lt(penaltyRecords.at, to)));

  return {
    lateShipments: late.map((o) => {
      const money = paidInCurrency(o);
      return {
        orderId: o.id, paidAt: o.paidAt, shippedAt: o.shippedAt, agreedShipBy: o.agreedShipBy,
        paidAmount: money.amount, currency: money.currency, rulingDueAt: rulingBy.get(o.id) ?? null, compensationPaidAt: paidBy.get(o.id) ?? null,
      };
    }),
    releasedReplies: released.map((m) => {
      const v = m.verdict as { violations?: { rule?: unknown; severity?: unknown }[] };
      const rules = (v.violations ?? []).filter((x) => x.severity === 'block' && typeof x.rule === 'string').map((x) => x.rule as string);
      const sentAt = m.sentAt ?? m.createdAt;
      return { messageId: m.id, conversationId: m.conversationId, sentAt, rules, reason: reasonOf(m.conversationId, sentAt), upheld: ruledOn.get(`message:${m.id}`) ?? null };
    }),
    brokenPromises: broken.map((pr) => {
      const money = pr.orderId ? promiseOrders.get(pr.orderId) : undefined;
      return {
        promiseId: pr.id, orderId: pr.orderId, conversationId: pr.conversationId, kind: pr.kind, text: pr.text, settledAt: pr.settledAt!,
        paidAmount: money?.amount ?? null, currency: money?.currency ?? 'CNY', upheld: ruledOn.get(`promise:${pr.id}`) ?? null,
      };
    }),
    manual: manual.map((m) => {
      const money = m.orderId ? promiseOrders.get(m.orderId) : undefined;
      return { recordId: m.id, category: m.category ?? '', orderId: m.orderId, paidAmount: money?.amount ?? null, currency: money?.currency ?? 'CNY', at: m.at, note: m.note };
    }),
    mismatches: mismatch.map(({ r, orderId }) => ({ caseId: r.subjectId, orderId, kind: r.mismatchKind ?? '', recordedAt: r.at, upheld: r.upheld })),
  };
}
