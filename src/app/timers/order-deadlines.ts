// Which deadlines an order has follows from its phase and timestamps, so every change — a
// transition, a live sync, an import — calls one function that (re)schedules them: ship-by on
// payment (O3), and on success the review (R1), after-sales (A6) and complaint (N4) windows; and
// the promises made in chat about the order are judged by the same change (D8).
import { sql, and, eq, inArray } from 'drizzle-orm';
import { shipByDeadline } from '../../core/orders/ship-by.js';
import { orderPhase } from '../../core/orders/order-phase.js';
import type { Profile } from '../../core/rules/schema.js';
import { deadlines, type orders } from '../../store/schema/index.js';
import { scheduleDeadline, settleDeadlines, type Tx } from './deadlines.js';
import { syncOrderPromises } from './promise-deadlines.js';
import { syncOrderFollowups } from '../followups/schedule.js';

type OrderRow = typeof orders.$inferSelect;

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** Project defaults (not platform figures): how early the screens warn. */
const SHIP_BY_WARN_BEFORE = 12 * HOUR;
const REVIEW_WARN_BEFORE = 3 * DAY;

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** The ship-by instant (O3) or null while unpaid. */
export function shipByOf(order: Pick<OrderRow, 'paidAt' | 'agreedShipBy'>, profile: Pick<Profile, 'shipping'>): Date | null {
  const at = shipByDeadline({ paidAt: iso(order.paidAt), agreedShipBy: iso(order.agreedShipBy) }, profile);
  return at ? new Date(at.ms) : null;
}

export async function syncOrderDeadlines(tx: Tx, order: OrderRow, profile: Profile, now: Date): Promise<void> {
  const phase = orderPhase(profile, order.state);
  const subject = { shopId: order.shopId, subjectKind: 'order' as const, subjectId: order.id };

  const shipBy = shipByOf(order, profile);
  if (phase === 'paid' && shipBy) {
    const warn = Math.max(order.paidAt!.getTime() + (shipBy.getTime() - order.paidAt!.getTime()) * 0.75, shipBy.getTime() - SHIP_BY_WARN_BEFORE);
    await scheduleDeadline(tx, {
      ...subject,
      kind: 'ship_by',
      dueAt: shipBy,
      warnAt: new Date(warn),
      payload: { answerWorkingDays: profile.complaints.platform_answer_working_days, agreed: order.agreedShipBy !== null },
    });
  } else if (order.shippedAt) {
    // Shipped: met in time → done; late and not yet fired by the loop → missed (N1 still owed).
    await tx
      .update(deadlines)
      .set({
        state: sql`case when ${deadlines.dueAt} >= ${order.shippedAt} then 'done' else 'missed' end`,
        firedAt: now,
        firedBy: 'order-change',
      })
      .where(
        and(
          eq(deadlines.subjectKind, 'order'),
          eq(deadlines.subjectId, order.id),
          eq(deadlines.kind, 'ship_by'),
          inArray(deadlines.state, ['pending', 'warned']),
        ),
      );
  } else if (phase === 'closed' || phase === 'unpaid') {
    await settleDeadlines(tx, 'order', order.id, ['ship_by'], 'cancelled', now);
  }

  if (phase === 'succeeded' && order.completedAt) {
    const done = order.completedAt.getTime();
    const reviewDue = new Date(done + profile.reviews.mutual_window_days * DAY);
    await scheduleDeadline(tx, { ...subject, kind: 'review_window', dueAt: reviewDue, warnAt: new Date(reviewDue.getTime() - REVIEW_WARN_BEFORE) });
    await scheduleDeadline(tx, { ...subject, kind: 'aftersales_window', dueAt: new Date(done + profile.aftersales.window_days_after_success * DAY) });
    await scheduleDeadline(tx, { ...subject, kind: 'complaint_window', dueAt: new Date(done + profile.complaints.window_days_after_close * DAY) });
  } else if (phase === 'closed' && order.closedAt) {
    await scheduleDeadline(tx, { ...subject, kind: 'complaint_window', dueAt: new Date(order.closedAt.getTime() + profile.complaints.window_days_after_close * DAY) });
  }
  // D8: promises made in chat about this order are judged by its events.
  await syncOrderPromises(tx, order, profile, now);
  // Issue 14: the order's follow-ups (催付 stopped by payment, shipment/care/review scheduled).
  await syncOrderFollowups(tx, order, profile, now);
}
