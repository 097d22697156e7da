// Orders that reached the store without passing through transitionOrder/syncOrder — file imports
// (O2), the demo, other writers — get their deadlines here: the loop's sweep finds open paid
// orders with no ship-by row and finished orders with no complaint window, and derives them with
// the same syncOrderDeadlines. Bounded per sweep so a large import is caught up over a few sweeps.
import type { Database } from '../../store/open-database.js';
import { deadlines } from '../../store/schema/index.js';
import { ordersWithProfiles } from '../shops/shop-profile.js';
import { syncOrderDeadlines } from './order-deadlines.js';

export async function ensureOrderDeadlines(database: Database, now: Date, limit = 500): Promise<number> {
  const missing = await database.query<{ id: string }>(
    `select o.id from orders o
      where ((o.paid_at is not null and o.shipped_at is null and o.completed_at is null and o.closed_at is null
              and not exists (select 1 from deadlines d where d.subject_kind = 'order' and d.subject_id = o.id and d.kind = 'ship_by'))
          or ((o.completed_at is not null or o.closed_at is not null)
              and not exists (select 1 from deadlines d where d.subject_kind = 'order' and d.subject_id = o.id and d.kind = 'complaint_window')))
      limit $1`,
    [limit],
  );
  if (missing.length === 0) return 0;
  const { rows, profiles } = await ordersWithProfiles(database, missing.map((m) => m.id));
  await database.db.transaction(async (tx) => {
    for (const order of rows) {
      const profile = profiles.get(order.shopId);
      if (profile) await syncOrderDeadlines(tx, order, profile, now);
      // Where the order's state did not call for the row (an unknown or inconsistent state), a
      // cancelled marker stops later sweeps from picking the order again; a real schedule re-arms it.
      const kind = order.completedAt || order.closedAt ? 'complaint_window' : 'ship_by';
      await tx
        .insert(deadlines)
        .values({ shopId: order.shopId, subjectKind: 'order', subjectId: order.id, kind, dueAt: now, state: 'cancelled', firedAt: now, firedBy: 'sweep', payload: { reasonZh: '订单状态与时间不一致，未安排' } })
        .onConflictDoNothing();
    }
  });
  return rows.length;
}
