// Order use cases (O1, O2, O3, O7): every state change goes through the platform's machine from
// the shop's merged profile, writes a history row, and re-derives the order's deadlines in the
// same transaction. Live sync from a marketplace bridge is idempotent on the platform order no.
import { and, eq } from 'drizzle-orm';
import { DxeError } from '../../core/errors.js';
import { orderMachine, orderTransition, type OrderContext } from '../../core/orders/order-machine.js';
import { eventsFrom } from '../../core/fsm.js';
import { hasShipped, orderPhase, type OrderPhase } from '../../core/orders/order-phase.js';
import { normalizeStateName } from '../../core/rules/machines.js';
import { isCourierScan } from '../../core/orders/pickup-scan.js';
import { knownAmounts, PRICE_CHANGED_EVENT, priceChangeNote, unpaidBothWays } from '../../core/orders/price-change.js';
import type { Database } from '../../store/open-database.js';
import { buyers, logisticsEvents, orderEvents, orderLines, orders, shops } from '../../store/schema/index.js';
import { isUniqueViolation } from '../../store/unique-violation.js';
import { shopProfile } from '../shops/shop-profile.js';
import type { Tx } from '../timers/deadlines.js';
import { syncOrderDeadlines } from '../timers/order-deadlines.js';

export type OrderRow = typeof orders.$inferSelect;
export type ShopRow = typeof shops.$inferSelect;

export interface Actor {
  kind: 'agent' | 'token' | 'system' | 'platform';
  id?: string | null | undefined;
}

export { shopProfile };

export async function loadShop(tx: Tx, shopId: string): Promise<ShopRow> {
  const [shop] = await tx.select().from(shops).where(eq(shops.id, shopId));
  if (!shop) throw new DxeError('NOT_FOUND');
  return shop;
}

/** Timestamps an order gets when it enters a phase (kept when already set). */
function stampsFor(order: Pick<OrderRow, 'paidAt' | 'shippedAt' | 'completedAt' | 'closedAt'>, phase: OrderPhase | null, now: Date) {
  const s: Partial<Pick<OrderRow, 'paidAt' | 'shippedAt' | 'completedAt' | 'closedAt'>> = {};
  if ((phase === 'paid' || hasShipped(phase)) && !order.paidAt) s.paidAt = now;
  if (hasShipped(phase) && !order.shippedAt) s.shippedAt = now;
  if (phase === 'succeeded' && !order.completedAt) s.completedAt = now;
  if (phase === 'closed' && !order.closedAt) s.closedAt = now;
  return s;
}

/**
 * O1: moves an order by `event` through its platform's machine. An event the state does not
 * allow (or a guard refuses, D7) → INVALID_TRANSITION with the machine's Chinese reason.
 */
export async function transitionOrder(
  database: Database,
  orderId: string,
  event: string,
  actor: Actor,
  now: Date,
  opts: { note?: string | undefined; context?: OrderContext; shopIds?: string[] } = {},
): Promise<OrderRow> {
  return database.db.transaction(async (tx) => {
    const [order] = await tx.select().from(orders).where(eq(orders.id, orderId)).for('update');
    if (!order || (opts.shopIds && !opts.shopIds.includes(order.shopId))) throw new DxeError('NOT_FOUND');
    return transitionOrderIn(tx, order, event, actor, now, opts);
  });
}

/** The same inside a caller's transaction, on an order row the caller has locked. */
export async function transitionOrderIn(
  tx: Tx,
  order: OrderRow,
  event: string,
  actor: Actor,
  now: Date,
  opts: { note?: string | undefined; context?: OrderContext } = {},
): Promise<OrderRow> {
  const profile = shopProfile(await loadShop(tx, order.shopId));
  const result = orderTransition(profile, order.state, event, opts.context ?? {});
  if (!result.ok) {
    const allowed = eventsFrom(orderMachine(profile), normalizeStateName(order.state));
    throw new DxeError('INVALID_TRANSITION', `订单当前为「${order.state}」，不能执行该操作：${result.reason}`, { state: order.state, event, allowed });
  }
  const stamps = stampsFor(order, orderPhase(profile, result.next), now);
  const [updated] = await tx
    .update(orders)
    .set({ state: result.next, ...stamps, updatedAt: now })
    .where(eq(orders.id, order.id))
    .returning();
  await tx.insert(orderEvents).values({
    orderId: order.id, at: now, fromState: order.state, toState: result.next, event,
    actorKind: actor.kind, actorId: actor.id ?? null, note: opts.note ?? null,
  });
  await syncOrderDeadlines(tx, updated!, profile, now);
  return updated!;
}

export interface SyncLine {
  lineNo?: number | undefined;
  sku?: string | undefined;
  title: string;
  colour?: string | undefined;
  size?: string | undefined;
  qty: number;
  priceFen: number;
  /** S2: red packets and the shop coupon used on the line (fen), when the platform says them. */
  redPacketFen?: number | undefined;
  shopCouponFen?: number | undefined;
}

/** What a bridge may send; every field but the order number is optional (partial updates). */
export interface SyncInput {
  platformOrderNo: string;
  state?: string | undefined;
  buyerAccount?: string | undefined;
  totalFen?: number | undefined;
  paidFen?: number | undefined;
  shippingFen?: number | undefined;
  orderedAt?: Date | undefined;
  paidAt?: Date | null | undefined;
  shippedAt?: Date | null | undefined;
  completedAt?: Date | null | undefined;
  closedAt?: Date | null | undefined;
  agreedShipBy?: Date | null | undefined;
  receiverName?: string | undefined;
  receiverPhone?: string | undefined;
  receiverAddress?: string | undefined;
  region?: string | undefined;
  courier?: string | undefined;
  trackingNo?: string | undefined;
  buyerNote?: string | undefined;
  sellerNote?: string | undefined;
  lines?: SyncLine[] | undefined;
  raw?: unknown;
}

/**
 * O2 live sync: creates or updates the order (unique per shop and platform order no.). The
 * marketplace is the truth for the state, so a reported state is taken as is — the history row
 * names the machine event when exactly one edge leads there, else `platform_sync` — but it must be
 * a state of the shop's machine. Returns the order and whether it was created.
 */
export async function syncOrder(
  database: Database,
  shopId: string,
  input: SyncInput,
  actor: Actor,
  now: Date,
): Promise<{ order: OrderRow; created: boolean }> {
  try {
    return await syncOrderOnce(database, shopId, input, actor, now);
  } catch (err) {
    // Two deliveries of a new order raced to insert it: the second now finds it and updates.
    if (isUniqueViolation(err)) return syncOrderOnce(database, shopId, input, actor, now);
    throw err;
  }
}

async function syncOrderOnce(
  database: Database,
  shopId: string,
  input: SyncInput,
  actor: Actor,
  now: Date,
): Promise<{ order: OrderRow; created: boolean }> {
  return database.db.transaction(async (tx) => {
    const profile = shopProfile(await loadShop(tx, shopId));
    const machine = profile.orders.machine;
    const state = input.state === undefined ? undefined : normalizeStateName(input.state);
    if (state !== undefined && !machine.states.includes(state)) {
      throw new DxeError('VALIDATION_FAILED', `未知的订单状态「${input.state}」，可用状态：${machine.states.join('、')}`, { allowed: machine.states });
    }
    let buyerId: string | undefined;
    if (input.buyerAccount) {
      const [b] = await tx
        .insert(buyers)
        .values({ shopId, platformAccount: input.buyerAccount, address: input.receiverAddress ?? null, phone: input.receiverPhone ?? null })
        .onConflictDoUpdate({ target: [buyers.shopId, buyers.platformAccount], set: { platformAccount: input.buyerAccount } })
        .returning({ id: buyers.id });
      buyerId = b!.id;
    }
    const [existing] = await tx
      .select()
      .from(orders)
      .where(and(eq(orders.shopId, shopId), eq(orders.platformOrderNo, input.platformOrderNo)))
      .for('update');
    const fields = {
      ...(buyerId ? { buyerId, buyerAccount: input.buyerAccount } : {}),
      ...pick(input, ['totalFen', 'paidFen', 'shippingFen', 'orderedAt', 'paidAt', 'shippedAt', 'completedAt', 'closedAt', 'agreedShipBy',
        'receiverName', 'receiverPhone', 'receiverAddress', 'region', 'courier', 'trackingNo', 'buyerNote', 'sellerNote']),
      ...(input.raw !== undefined ? { raw: input.raw } : {}),
    };
    const nextState = state ?? existing?.state ?? machine.initial;
    const stamps = stampsFor({ ...(existing ?? { paidAt: null, shippedAt: null, completedAt: null, closedAt: null }), ...fields }, orderPhase(profile, nextState), now);
    let order: OrderRow;
    if (!existing) {
      const [row] = await tx
        .insert(orders)
        .values({ shopId, platformOrderNo: input.platformOrderNo, source: 'api', ...fields, ...stamps, state: nextState, orderedAt: input.orderedAt ?? now, createdAt: now, updatedAt: now })
        .returning();
      order = row!;
      await tx.insert(orderEvents).values({ orderId: order.id, at: now, fromState: null, toState: nextState, event: 'platform_sync', actorKind: actor.kind, actorId: actor.id ?? null });
    } else {
      const [row] = await tx.update(orders).set({ ...fields, ...stamps, state: nextState, updatedAt: now }).where(eq(orders.id, existing.id)).returning();
      order = row!;
      // C8: the seller changed the price or freight of an order still unpaid (after the buyer was
      // told to wait for it): written to the order's history, which the bot reads.
      const note = unpaidBothWays(profile, existing.state, nextState)
        ? priceChangeNote(knownAmounts(existing.totalFen, existing.shippingFen), { total: input.totalFen, shipping: input.shippingFen })
        : null;
      if (note) {
        await tx.insert(orderEvents).values({ orderId: order.id, at: now, fromState: existing.state, toState: nextState, event: PRICE_CHANGED_EVENT, actorKind: actor.kind, actorId: actor.id ?? null, note });
      }
      if (normalizeStateName(existing.state) !== nextState) {
        const edges = machine.transitions.filter((t) => t.from === normalizeStateName(existing.state) && t.to === nextState);
        const event = edges.length === 1 ? edges[0]!.event : 'platform_sync';
        await tx.insert(orderEvents).values({ orderId: order.id, at: now, fromState: existing.state, toState: nextState, event, actorKind: actor.kind, actorId: actor.id ?? null });
      }
    }
    if (input.lines) {
      await tx.delete(orderLines).where(eq(orderLines.orderId, order.id));
      if (input.lines.length > 0) {
        await tx.insert(orderLines).values(
          input.lines.map((l, i) => ({ orderId: order.id, lineNo: l.lineNo ?? i + 1, sku: l.sku ?? null, title: l.title, colour: l.colour ?? null, size: l.size ?? null, qty: l.qty, priceFen: l.priceFen, redPacketFen: l.redPacketFen ?? null, shopCouponFen: l.shopCouponFen ?? null })),
        );
      }
    }
    await syncOrderDeadlines(tx, order, profile, now);
    return { order, created: !existing };
  });
}

function pick<T extends object, K extends keyof T>(obj: T, keys: K[]): Partial<Pick<T, K>> {
  const out: Partial<Pick<T, K>> = {};
  for (const k of keys) if (obj[k] !== undefined) out[k] = obj[k];
  return out;
}

/**
 * O7: a logistics event for an order (the courier's scan, or a delay explained to the buyer).
 * O3: a courier scan (pickup, or a later scan of the moving parcel) sets the order's real ship
 * time, the earliest such scan.
 */
export async function addLogisticsEvent(
  database: Database,
  orderId: string,
  input: { at: Date; status: string; text: string },
): Promise<typeof logisticsEvents.$inferSelect> {
  return database.db.transaction(async (tx) => {
    const [row] = await tx.insert(logisticsEvents).values({ orderId, ...input }).returning();
    const [order] = await tx.select({ shopId: orders.shopId, pickedUpAt: orders.pickedUpAt }).from(orders).where(eq(orders.id, orderId)).for('update');
    if (order && isCourierScan(shopProfile(await loadShop(tx, order.shopId)), input.status) && (order.pickedUpAt === null || input.at < order.pickedUpAt)) {
      await tx.update(orders).set({ pickedUpAt: input.at }).where(eq(orders.id, orderId));
    }
    return row!;
  });
}
