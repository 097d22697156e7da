// What counts toward a buyer's standing (M2), as SQL over an `orders` row aliased `o`, shared by
// the planner's input (app/inbound/planner-input.ts), the profile and the segments: an order the
// buyer paid (a payment, shipment or completion time) and that did not close; its spend is what
// was paid (the total when the paid amount was not recorded) less refunds, in CNY fen.
import { sql } from 'drizzle-orm';

export const PAID_ORDER_TEXT = '(o.paid_at is not null or o.shipped_at is not null or o.completed_at is not null) and o.closed_at is null';
export const ORDER_SPEND_TEXT = 'greatest((case when o.paid_fen > 0 then o.paid_fen else o.total_fen end) - o.refund_fen, 0)';

export const PAID_ORDER = sql.raw(PAID_ORDER_TEXT);
export const ORDER_SPEND_FEN = sql.raw(ORDER_SPEND_TEXT);
