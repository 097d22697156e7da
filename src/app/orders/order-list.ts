// A shop's orders for the workbench list (O1, O3): newest change first, filtered by state (commas
// and spaces in the name do not matter) or by a search over order no., buyer, receiver and
// tracking no.; each with its ship-by countdown. A shop outside the caller's is NOT_FOUND.
import { and, desc, eq, ilike, or, sql } from 'drizzle-orm';
import { DxeError } from '../../core/errors.js';
import { normalizeStateName } from '../../core/rules/machines.js';
import type { Database } from '../../store/open-database.js';
import { orders } from '../../store/schema/index.js';
import type { Principal } from '../auth/auth.js';
import { deadlineView, deadlinesOf } from '../timers/deadlines.js';
import { orderView } from './order-view.js';

export interface OrderListQuery {
  state?: string | undefined;
  q?: string | undefined;
  limit: number;
}

export async function listShopOrders(database: Database, p: Principal, shopId: string, query: OrderListQuery, now: Date, maySeePersonalData: boolean) {
  if (!p.shopIds.includes(shopId)) throw new DxeError('NOT_FOUND');
  const conds = [eq(orders.shopId, shopId)];
  if (query.state) conds.push(sql`regexp_replace(${orders.state}, '[,，、[:space:]]', '', 'g') = ${normalizeStateName(query.state)}`);
  if (query.q) {
    const like = `%${query.q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
    conds.push(or(ilike(orders.platformOrderNo, like), ilike(orders.buyerAccount, like), ilike(orders.receiverName, like), ilike(orders.trackingNo, like))!);
  }
  const rows = await database.db.select().from(orders).where(and(...conds)).orderBy(desc(orders.updatedAt)).limit(query.limit);
  const due = await deadlinesOf(database.db, 'order', rows.map((r) => r.id));
  return {
    items: rows.map((o) => {
      const shipBy = due.find((d) => d.subjectId === o.id && d.kind === 'ship_by');
      return { ...orderView(o, maySeePersonalData), shipBy: shipBy ? deadlineView(shipBy, now) : null };
    }),
  };
}
