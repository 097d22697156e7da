// D8: promises made in chat get a state from their order's events (core/orders/promise-terms.ts
// has the rules), a warning before they are due and a settlement when they are due — as deadline
// rows (kind promise_due), never in-memory timers. Called wherever a promise or its order changes:
// after a reply that makes promises (same transaction for agents; right after commit for the bot,
// with the loop's sweep as the safety net), from syncOrderDeadlines on every order change, and by
// the timer loop when a promise is due. An agent may settle a promise by hand (settlePromise).
import { and, eq, gte, inArray, isNull, lte } from 'drizzle-orm';
import { DxeError } from '../../core/errors.js';
import { orderPhase } from '../../core/orders/order-phase.js';
import { shipByDeadline } from '../../core/orders/ship-by.js';
import { judgePromise, promiseWarnAt, type OrderFacts, type PromiseJudgement } from '../../core/orders/promise-terms.js';
import type { Profile } from '../../core/rules/schema.js';
import type { Database, Tx } from '../../store/open-database.js';
import { conversations, orders, promises, shops } from '../../store/schema/index.js';
import { appendAuditIn } from '../audit/audit-log.js';
import type { Principal } from '../auth/auth.js';
import { shopProfile } from '../shops/shop-profile.js';
import { scheduleDeadline, settleDeadlines, type DeadlineRow } from './deadlines.js';

type OrderRow = typeof orders.$inferSelect;
type PromiseRow = typeof promises.$inferSelect;

function shipByOf(order: OrderRow, profile: Profile): Date | null {
  const iso = (d: Date | null) => (d ? d.toISOString() : null);
  const at = shipByDeadline({ paidAt: iso(order.paidAt), agreedShipBy: iso(order.agreedShipBy) }, profile);
  return at ? new Date(at.ms) : null;
}

export function orderFacts(order: OrderRow, profile: Profile): OrderFacts {
  const phase = orderPhase(profile, order.state);
  return {
    phase,
    shippedAt: order.shippedAt,
    arrivedAt: phase === 'signed' || phase === 'succeeded' ? (order.completedAt ?? order.updatedAt) : null,
    completedAt: phase === 'succeeded' ? order.completedAt : null,
    courier: order.courier,
    shipBy: shipByOf(order, profile),
    aftersalesWindowDays: profile.aftersales.window_days_after_success,
    invoiceDaysAfterSuccess: profile.promises.invoice_days_after_success,
  };
}

const OUTCOME = { kept: 'done', broken: 'missed', void: 'cancelled' } as const;

/** Writes a judgement: a settled promise and its deadline row, or the (re)armed deadline. */
async function apply(tx: Tx, p: PromiseRow, j: PromiseJudgement, profile: Profile, now: Date): Promise<void> {
  if (j.state !== 'open') {
    await tx
      .update(promises)
      .set({ state: j.state, settledAt: now, settledNote: j.note, dueAt: j.dueAt })
      .where(and(eq(promises.id, p.id), eq(promises.state, 'open')));
    await settleDeadlines(tx, 'promise', p.id, ['promise_due'], OUTCOME[j.state], now);
    return;
  }
  if ((p.dueAt?.getTime() ?? null) !== (j.dueAt?.getTime() ?? null)) {
    await tx.update(promises).set({ dueAt: j.dueAt }).where(eq(promises.id, p.id));
  }
  if (j.dueAt) {
    await scheduleDeadline(tx, {
      shopId: p.shopId,
      subjectKind: 'promise',
      subjectId: p.id,
      kind: 'promise_due',
      dueAt: j.dueAt,
      warnAt: promiseWarnAt({ kind: p.kind, text: p.text, createdAt: p.createdAt }, j.dueAt, profile.promises.warn_before_hours),
      payload: { conversationId: p.conversationId, orderId: p.orderId, kind: p.kind, text: p.text },
    });
  }
}

const judge = (p: PromiseRow, order: OrderRow, profile: Profile, now: Date) =>
  judgePromise({ kind: p.kind, text: p.text, createdAt: p.createdAt }, orderFacts(order, profile), now);

/**
 * On every order change (from syncOrderDeadlines): open promises of the buyer's chats made shortly
 * before the order (profile `promises.bind_before_order_hours`, a D8 project default: 下单送赠品,
 * then the order) and tied to no order are tied to it; then every open promise of the order is
 * judged, settled or (re)scheduled.
 */
export async function syncOrderPromises(tx: Tx, order: OrderRow, profile: Profile, now: Date): Promise<void> {
  if (order.buyerId && order.orderedAt) {
    await tx
      .update(promises)
      .set({ orderId: order.id })
      .where(
        and(
          eq(promises.shopId, order.shopId),
          eq(promises.state, 'open'),
          isNull(promises.orderId),
          gte(promises.createdAt, new Date(order.orderedAt.getTime() - profile.promises.bind_before_order_hours * 3_600_000)),
          lte(promises.createdAt, order.orderedAt),
          inArray(
            promises.conversationId,
            tx.select({ id: conversations.id }).from(conversations).where(and(eq(conversations.shopId, order.shopId), eq(conversations.buyerId, order.buyerId))),
          ),
        ),
      );
  }
  const open = await tx.select().from(promises).where(and(eq(promises.orderId, order.id), eq(promises.state, 'open')));
  for (const p of open) await apply(tx, p, judge(p, order, profile, now), profile, now);
}

/** Open promises (given, or all of a conversation) judged against their orders and scheduled. */
export async function syncPromises(tx: Tx, filter: { conversationId: string } | { ids: string[] }, now: Date): Promise<void> {
  const where = 'ids' in filter ? inArray(promises.id, filter.ids) : eq(promises.conversationId, filter.conversationId);
  if ('ids' in filter && filter.ids.length === 0) return;
  const open = (await tx.select().from(promises).where(and(where, eq(promises.state, 'open')))).filter((p) => p.orderId);
  if (open.length === 0) return;
  const orderRows = await tx.select().from(orders).where(inArray(orders.id, [...new Set(open.map((p) => p.orderId!))]));
  const shopRows = await tx.select().from(shops).where(inArray(shops.id, [...new Set(orderRows.map((o) => o.shopId))]));
  const profiles = new Map<string, Profile | null>();
  for (const s of shopRows) {
    try {
      profiles.set(s.id, shopProfile(s));
    } catch {
      profiles.set(s.id, null); // a broken override is reported where it is edited
    }
  }
  for (const p of open) {
    const order = orderRows.find((o) => o.id === p.orderId);
    const profile = order ? profiles.get(order.shopId) : null;
    if (order && profile) await apply(tx, p, judge(p, order, profile, now), profile, now);
  }
}

/** The loop's safety net: open promises tied to an order with no deadline row yet (a bot reply whose follow-up failed). */
export async function ensurePromiseDeadlines(database: Database, now: Date, limit = 200): Promise<number> {
  const missing = await database.query<{ id: string }>(
    `select p.id from promises p
      where p.state = 'open' and p.order_id is not null and p.due_at is null and p.kind <> 'repair'
        and p.created_at >= $2
        and not exists (select 1 from deadlines d where d.subject_kind = 'promise' and d.subject_id = p.id)
      order by p.created_at limit $1`,
    // Recent ones only: older promises waiting for their order (unpaid) are scheduled by its next change.
    [limit, new Date(now.getTime() - 2 * 86_400_000)],
  );
  if (missing.length === 0) return 0;
  await database.db.transaction(async (tx) => syncPromises(tx, { ids: missing.map((m) => m.id) }, now));
  return missing.length;
}

/** The timer loop's decision on due or warning promise rows: already settled, settled now, or warned. */
export async function promiseOutcomes(tx: Tx, rows: DeadlineRow[], now: Date): Promise<Map<number, 'done' | 'missed' | 'cancelled'>> {
  const out = new Map<number, 'done' | 'missed' | 'cancelled'>();
  if (rows.length === 0) return out;
  const ids = rows.map((r) => r.subjectId);
  await syncPromises(tx, { ids }, now);
  const after = await tx.select({ id: promises.id, state: promises.state }).from(promises).where(inArray(promises.id, ids));
  const byId = new Map(after.map((p) => [p.id, p.state]));
  for (const row of rows) {
    const state = byId.get(row.subjectId);
    if (state === undefined) out.set(row.id, 'cancelled');
    else if (state !== 'open') out.set(row.id, OUTCOME[state]);
  }
  return out;
}

/** An agent marks a promise kept or broken (D8): audited, its deadline settled. */
export async function settlePromise(
  deps: { database: Database; now: Date },
  p: Principal,
  input: { promiseId: string; state: 'kept' | 'broken'; note?: string },
): Promise<PromiseRow> {
  return deps.database.db.transaction(async (tx) => {
    const [row] = await tx.select().from(promises).where(eq(promises.id, input.promiseId)).for('update');
    if (!row || !p.shopIds.includes(row.shopId)) throw new DxeError('NOT_FOUND', '找不到该承诺');
    if (row.state !== 'open') throw new DxeError('INVALID_TRANSITION', '该承诺已有结论，不能再更改');
    const note = input.note?.trim() || (input.state === 'kept' ? '客服确认已兑现' : '客服确认未兑现');
    const [updated] = await tx
      .update(promises)
      .set({ state: input.state, settledAt: deps.now, settledNote: note })
      .where(eq(promises.id, row.id))
      .returning();
    await settleDeadlines(tx, 'promise', row.id, ['promise_due'], input.state === 'kept' ? 'done' : 'missed', deps.now);
    const [shop] = await tx.select({ orgId: shops.orgId }).from(shops).where(eq(shops.id, row.shopId));
    await appendAuditIn(tx, {
      orgId: shop!.orgId, at: deps.now, actorKind: p.kind, actorId: p.agentId ?? null, action: `promise.${input.state}`,
      subjectKind: 'promise', subjectId: row.id, data: { note },
    });
    return updated!;
  });
}
