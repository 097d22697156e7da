// Issue 15: when a case's auto-agree time limit passes (a timer row fired once by the timer loop),
// the platform agrees for the seller as its refund machine says: the case takes the seller's
// agreement event for its type (refund-only → refunded, return → waiting for the buyer's parcel,
// exchange/repair → waiting for the goods), with a timeline row and an audit row by the platform,
// inside the timer loop's transaction, so the miss and the move commit together and only once.
import { eq } from 'drizzle-orm';
import { autoAgreeEvent, moneyText, type CaseKind } from '../../core/aftersales/case-flow.js';
import { aftersalesCases, orders, shops } from '../../store/schema/index.js';
import { loadShop, shopProfile } from '../orders/orders.js';
import type { DeadlineRow, Tx } from '../timers/deadlines.js';
import { transitionCaseIn } from './cases.js';

/**
 * Applies the platform's agreement for a fired auto-agree row. Returns the Chinese line the agents
 * are told, or null when the case had already moved on (nothing is changed then).
 */
export async function applyAutoAgree(tx: Tx, row: DeadlineRow, now: Date): Promise<string | null> {
  const [c] = await tx.select().from(aftersalesCases).where(eq(aftersalesCases.id, row.subjectId)).for('update');
  if (!c || c.closedAt !== null) return null;
  const profile = shopProfile(await loadShop(tx, c.shopId));
  const event = autoAgreeEvent(profile, c.type as CaseKind, c.state);
  if (event === null) return null;
  const [shop] = await tx.select({ orgId: shops.orgId }).from(shops).where(eq(shops.id, c.shopId));
  if (!shop) return null;
  const moved = await transitionCaseIn(
    tx,
    c.id,
    { event, note: `卖家未在时限（${row.dueAt.toISOString()}）内处理，平台超时自动同意`, cause: 'auto_agree' },
    { kind: 'platform', id: null, orgId: shop.orgId },
    now,
    null,
  );
  const amount = moneyText(c.amountMinor ?? c.amountFen, c.currency);
  const money = c.type === 'exchange' || c.type === 'repair' ? '' : `（${amount}）`;
  return `售后单（订单 ${await orderNo(tx, c.orderId)}）卖家未及时处理，平台已超时自动同意${money}：当前「${moved.state}」`;
}

async function orderNo(tx: Tx, orderId: string): Promise<string> {
  const [o] = await tx.select({ no: orders.platformOrderNo }).from(orders).where(eq(orders.id, orderId));
  return o?.no ?? orderId;
}
