// N5: for every open order and case, the penalty exposure now and at the next deadline, with the
// advice to pay before the platform decides when that is cheaper. Formulas are core's
// (late shipment N1, reasons A5, intervention A6); this file gathers the facts from the store.
import { and, eq, inArray, isNull, isNotNull } from 'drizzle-orm';
import { interventionCountdown } from '../../core/aftersales/aftersales-windows.js';
import { checkRefundReason } from '../../core/aftersales/refund-reasons.js';
import { isRefundFinal } from '../../core/aftersales/refund-machine.js';
import { lateShipmentExposure, type Cost } from '../../core/money/exposure.js';
import { fenToYuan } from '../../core/money/fen.js';
import { hasShipped, isUnderWay, orderPhase } from '../../core/orders/order-phase.js';
import type { Profile } from '../../core/rules/schema.js';
import type { Database } from '../../store/open-database.js';
import { aftersalesCases, deadlines, itemVariants, orderLines, orders, shops } from '../../store/schema/index.js';
import { shopProfile, type OrderRow } from './orders.js';

export type CaseRow = typeof aftersalesCases.$inferSelect;

export interface ExposureLine {
  subjectKind: 'order' | 'case';
  subjectId: string;
  shopId: string;
  orderId: string;
  platformOrderNo: string;
  /** Cost if the seller settles now (yuan; 0 for an order in another currency — see nowMinor). */
  nowYuan: number;
  /** Cost if nothing is done before the next deadline (yuan; 0 for another currency). */
  atNextDeadlineYuan: number;
  /** O2: the order's currency; the *Minor figures are in its minor units (fen for CNY), never converted. */
  currency: string;
  nowMinor: number;
  atNextDeadlineMinor: number;
  nextDeadlineAt: string | null;
  points: number;
  late: boolean;
  advice: string;
}

const total = (c: Cost) => Math.round((c.compensation + c.platformRepay) * 100) / 100;

/**
 * O2: what the buyer paid, in major units of the order's own currency (yuan for CNY), and that
 * currency. The *Fen columns are CNY only (0 for another currency): a USD order is read from its
 * minor-unit columns, never as ¥0.
 */
export function paidInCurrency(order: Pick<OrderRow, 'currency' | 'paidFen' | 'totalFen' | 'paidMinor' | 'totalMinor'>): { currency: string; amount: number } {
  const currency = order.currency ?? 'CNY';
  if (currency === 'CNY') return { currency, amount: fenToYuan(order.paidFen || order.totalFen) };
  return { currency, amount: ((order.paidMinor ?? 0) || (order.totalMinor ?? 0)) / 100 };
}

/** The line's money: major amounts of `currency` → yuan fields (CNY only) and minor units. */
function moneyFields(currency: string, now: number, atNext: number) {
  const cny = currency === 'CNY';
  return { nowYuan: cny ? now : 0, atNextDeadlineYuan: cny ? atNext : 0, currency, nowMinor: Math.round(now * 100), atNextDeadlineMinor: Math.round(atNext * 100) };
}

/** N1/N5 for a paid order (null for unpaid or finished orders, which carry no shipping risk). */
export function orderExposure(order: OrderRow, profile: Profile, now: Date, compensateBy?: Date | null): ExposureLine | null {
  const phase = orderPhase(profile, order.state);
  if (!isUnderWay(phase)) return null;
  // N1: an order whose state says it has shipped (an export's 卖家已发货 with no ship time) is not an
  // unshipped order: with no ship time, lateness cannot be judged, so no compensation is claimed.
  if (hasShipped(phase) && order.shippedAt === null) return null;
  const paid = paidInCurrency(order);
  const e = lateShipmentExposure(
    {
      paidAmountYuan: paid.amount,
      currency: paid.currency,
      paidAt: order.paidAt?.toISOString() ?? null,
      shippedAt: order.shippedAt?.toISOString() ?? null,
      now: now.toISOString(),
      agreedShipBy: order.agreedShipBy?.toISOString() ?? null,
    },
    profile,
  );
  const base = { subjectKind: 'order' as const, subjectId: order.id, shopId: order.shopId, orderId: order.id, platformOrderNo: order.platformOrderNo, late: e.late, advice: e.adviceZh };
  if (e.late) {
    return { ...base, ...moneyFields(paid.currency, total(e.payNow), total(e.ifPlatformRules)), nextDeadlineAt: compensateBy?.toISOString() ?? null, points: e.ifPlatformRules.points };
  }
  return {
    ...base,
    ...moneyFields(paid.currency, 0, e.atDeadline ? total(e.atDeadline.cost) : 0),
    nextDeadlineAt: e.atDeadline ? new Date(Date.parse(e.atDeadline.at)).toISOString() : null,
    points: e.atDeadline?.cost.points ?? 0,
  };
}

export interface CaseFacts {
  outOfStock: boolean;
  interventionAt: Date | null;
}

/** A5/A6/N5 for an open case: a compensation reason costs money now; the platform adds more. */
export function caseExposure(c: CaseRow, order: OrderRow, profile: Profile, now: Date, facts: CaseFacts): ExposureLine {
  const phase = orderPhase(profile, order.state);
  const shipped = order.shippedAt !== null || hasShipped(phase);
  const late = orderExposure(order, profile, now)?.late ?? false;
  const paid = paidInCurrency(order);
  const check = checkRefundReason(profile, c.reason, {
    shipped, outOfStock: facts.outOfStock, late, paidAmountYuan: paid.amount, currency: paid.currency, tradeSucceeded: phase === 'succeeded',
  });
  const appliedAt = facts.interventionAt
    ? new Date(facts.interventionAt.getTime() - profile.aftersales.intervention_after_hours * 3_600_000)
    : c.openedAt;
  const countdown = interventionCountdown(profile, appliedAt.toISOString(), now.toISOString());
  const comp = check.triggersCompensation && !check.untrue ? check.compensation : 0;
  const worst = check.triggersCompensation ? check.compensation : 0;
  const repay = check.triggersCompensation && profile.late_shipment.repay_platform_after_upheld_complaint ? worst : 0;
  return {
    subjectKind: 'case',
    subjectId: c.id,
    shopId: c.shopId,
    orderId: order.id,
    platformOrderNo: order.platformOrderNo,
    ...moneyFields(paid.currency, comp, Math.round((worst + repay) * 100) / 100),
    nextDeadlineAt: new Date(Date.parse(countdown.at)).toISOString(),
    points: check.triggersCompensation ? profile.late_shipment.points_if_unpaid_before_ruling : 0,
    late,
    advice: `${check.adviceZh}${countdown.adviceZh}`,
  };
}

/** Whether any line of the order is out of stock now (A5: is 缺货 true?). */
export async function orderOutOfStock(database: Database, orderIds: string[]): Promise<Set<string>> {
  if (orderIds.length === 0) return new Set();
  const rows = await database.db
    .select({ orderId: orderLines.orderId, stock: itemVariants.stock })
    .from(orderLines)
    .innerJoin(itemVariants, and(eq(itemVariants.itemId, orderLines.itemId), eq(itemVariants.colour, orderLines.colour), eq(itemVariants.size, orderLines.size)))
    .where(inArray(orderLines.orderId, orderIds));
  return new Set(rows.filter((r) => r.stock <= 0).map((r) => r.orderId));
}

export interface ExposureReport {
  /** Yuan: CNY lines only (another currency is never added to yuan; see byCurrency). */
  total: { nowYuan: number; atNextDeadlineYuan: number; points: number };
  /** O2: the totals per currency, in its minor units (CNY first). */
  byCurrency: { currency: string; nowMinor: number; atNextDeadlineMinor: number }[];
  items: ExposureLine[];
}

/** Sums lines per currency (CNY first, then by code); every currency present gets its row. */
export function totalsByCurrency<T, K extends string>(lines: T[], currencyOf: (l: T) => string, fields: Record<K, (l: T) => number>): ({ currency: string } & Record<K, number>)[] {
  const keys = Object.keys(fields) as K[];
  const by = new Map<string, Record<K, number>>();
  for (const l of lines) {
    const cur = currencyOf(l);
    const row = by.get(cur) ?? (Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>);
    for (const k of keys) row[k] += fields[k](l);
    by.set(cur, row);
  }
  return [...by].sort(([a], [b]) => (a === 'CNY' ? -1 : b === 'CNY' ? 1 : a.localeCompare(b))).map(([currency, row]) => ({ currency, ...row }));
}

/** GET /exposure: every open order and case of the given shops, worst first. */
export async function exposureFor(database: Database, shopIds: string[], now: Date): Promise<ExposureReport> {
  const items: ExposureLine[] = [];
  if (shopIds.length > 0) {
    const { db } = database;
    const shopRows = await db.select().from(shops).where(inArray(shops.id, shopIds));
    const profiles = new Map(shopRows.map((s) => [s.id, shopProfile(s)]));
    const openOrders = await db.select().from(orders).where(and(inArray(orders.shopId, shopIds), isNotNull(orders.paidAt), isNull(orders.completedAt), isNull(orders.closedAt)));
    const orderIds = openOrders.map((o) => o.id);
    const due = orderIds.length
      ? await db.select().from(deadlines).where(and(eq(deadlines.subjectKind, 'order'), eq(deadlines.kind, 'compensate_before_ruling'), inArray(deadlines.subjectId, orderIds)))
      : [];
    const compensateBy = new Map(due.map((d) => [d.subjectId, d.dueAt]));
    for (const o of openOrders) {
      const line = orderExposure(o, profiles.get(o.shopId)!, now, compensateBy.get(o.id));
      if (line) items.push(line);
    }
    const cases = (await db.select().from(aftersalesCases).where(and(inArray(aftersalesCases.shopId, shopIds), isNull(aftersalesCases.closedAt))))
      .filter((c) => !isRefundFinal(profiles.get(c.shopId)!, c.state));
    if (cases.length > 0) {
      const caseOrders = await db.select().from(orders).where(inArray(orders.id, [...new Set(cases.map((c) => c.orderId))]));
      const byId = new Map(caseOrders.map((o) => [o.id, o]));
      const outOfStock = await orderOutOfStock(database, [...byId.keys()]);
      const interventions = await db.select().from(deadlines).where(and(eq(deadlines.subjectKind, 'case'), eq(deadlines.kind, 'intervention'), inArray(deadlines.subjectId, cases.map((c) => c.id))));
      const interventionAt = new Map(interventions.map((d) => [d.subjectId, d.dueAt]));
      for (const c of cases) {
        const o = byId.get(c.orderId);
        // A closed order puts nothing at stake (the at-stake total counts open orders and cases only).
        if (!o || o.closedAt !== null || orderPhase(profiles.get(c.shopId)!, o.state) === 'closed') continue;
        items.push(caseExposure(c, o, profiles.get(c.shopId)!, now, { outOfStock: outOfStock.has(o.id), interventionAt: interventionAt.get(c.id) ?? null }));
      }
    }
  }
  // Worst first within each currency's own scale (minor units; yuan lines are not compared with converted amounts).
  items.sort((a, b) => b.atNextDeadlineMinor + b.nowMinor - (a.atNextDeadlineMinor + a.nowMinor));
  const sum = (f: (l: ExposureLine) => number) => Math.round(items.reduce((s, l) => s + f(l), 0) * 100) / 100;
  const byCurrency = totalsByCurrency(items, (l) => l.currency, { nowMinor: (l) => l.nowMinor, atNextDeadlineMinor: (l) => l.atNextDeadlineMinor });
  return { total: { nowYuan: sum((l) => l.nowYuan), atNextDeadlineYuan: sum((l) => l.atNextDeadlineYuan), points: sum((l) => l.points) }, byCurrency, items };
}
