// What an agent or a bridge does to an order from the workbench or the API, each answered with the
// order's detail: a move through the platform's machine (O1, D7), a logistics event (O7), and a
// live sync of the order as the marketplace reports it (O2).
import { DxeError } from '../../core/errors.js';
import type { Database } from '../../store/open-database.js';
import type { Principal } from '../auth/auth.js';
import { orderDetail, visibleOrder, type OrderDetail } from './order-detail.js';
import { addLogisticsEvent, syncOrder, transitionOrder, type SyncInput } from './orders.js';

export interface MoveOrderInput {
  event: string;
  note?: string | undefined;
  /** D7: the buyer asked to close the order through the account that placed it. */
  buyerConsented?: boolean | undefined;
}

export async function moveOrder(
  database: Database, p: Principal, id: string, input: MoveOrderInput, now: Date, maySeePersonalData: boolean,
): Promise<OrderDetail> {
  const order = await transitionOrder(database, id, input.event, { kind: p.kind, id: p.agentId ?? null }, now, {
    note: input.note, context: { buyerConsented: input.buyerConsented }, shopIds: p.shopIds,
  });
  return orderDetail(database, order, maySeePersonalData, now);
}

export interface LogisticsInput {
  at?: Date | undefined;
  status: string;
  text: string;
}

export async function recordLogistics(database: Database, p: Principal, id: string, input: LogisticsInput, now: Date) {
  const order = await visibleOrder(database, id, p);
  const row = await addLogisticsEvent(database, order.id, { at: input.at ?? now, status: input.status, text: input.text });
  return { event: { ...row, at: row.at.toISOString() } };
}

/** O2: a bridge's token reports as the platform; an agent posting an order is the agent. */
export async function syncPlatformOrder(
  database: Database, p: Principal, shopId: string, input: SyncInput, now: Date, maySeePersonalData: boolean,
): Promise<{ created: boolean; detail: OrderDetail }> {
  if (!p.shopIds.includes(shopId)) throw new DxeError('NOT_FOUND');
  const { order, created } = await syncOrder(database, shopId, input, { kind: p.kind === 'token' ? 'platform' : 'agent', id: p.agentId ?? null }, now);
  return { created, detail: await orderDetail(database, order, maySeePersonalData, now) };
}
