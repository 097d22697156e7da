// What counts toward a buyer's standing (M2), as SQL over an `orders` row aliased `o`, shared by
// the planner's input (app/inbound/planner-input.ts), the profile and the segments: an order the
// buyer paid (a payment, shipment or completion time) and that did not close; its spend is what
// was paid (the total when the paid amount was not recorded) less refunds, in the order's own
// currency: CNY fen for a CNY order, the order's minor units for another (issue 15). Amounts of
// different currencies are kept apart (spend_fen for CNY, spend_other per ISO code), never added.
import { sql } from 'drizzle-orm';
import { sortTiers, toMinor, type Tier } from '../../core/buyers/tiers.js';

export const PAID_ORDER_TEXT = '(o.paid_at is not null or o.shipped_at is not null or o.completed_at is not null) and o.closed_at is null';
/** A CNY order's spend in fen (0 for an order in another currency, whose *_fen are 0). */
export const ORDER_SPEND_TEXT = "(case when o.currency = 'CNY' then greatest((case when o.paid_fen > 0 then o.paid_fen else o.total_fen end) - o.refund_fen, 0) else 0 end)";
/** An order's spend in minor units of its own currency. */
export const ORDER_SPEND_MINOR_TEXT =
  "(case when o.currency = 'CNY' then greatest((case when o.paid_fen > 0 then o.paid_fen else o.total_fen end) - o.refund_fen, 0)" +
  ' else greatest(coalesce(case when o.paid_minor > 0 then o.paid_minor else o.total_minor end, 0) - coalesce(o.refund_minor, 0), 0) end)';

export const PAID_ORDER = sql.raw(PAID_ORDER_TEXT);
export const ORDER_SPEND_FEN = sql.raw(ORDER_SPEND_TEXT);

/**
 * A CTE body: per buyer of the shop ($shopAt), their spend in each currency other than CNY as a
 * jsonb object {ISO: minor}; buyers with none are absent (left join and coalesce to '{}').
 */
export function spendOtherCte(shopAt: number): string {
  return `select buyer_id, jsonb_object_agg(currency, amt) as spend_other
            from (select o.buyer_id, o.currency, sum(${ORDER_SPEND_MINOR_TEXT})::bigint as amt
                    from orders o where o.shop_id = $${shopAt} and o.currency <> 'CNY' and o.buyer_id is not null and ${PAID_ORDER_TEXT}
                   group by 1, 2) x
           group by buyer_id`;
}

/**
 * Scalar subquery: one buyer's spend per other currency ({} when none). Columns given as SQL text
 * (they may name an outer `orders o`: the subquery's own rows are aliased `so`).
 */
export function spendOtherOfText(shopCol: string, buyerCol: string): string {
  const so = (text: string) => text.replace(/\bo\./g, 'so.');
  return `(select coalesce(jsonb_object_agg(currency, amt), '{}'::jsonb)
             from (select so.currency, sum(${so(ORDER_SPEND_MINOR_TEXT)})::bigint as amt
                     from orders so where so.shop_id = ${shopCol} and so.buyer_id = ${buyerCol} and so.currency <> 'CNY' and ${so(PAID_ORDER_TEXT)}
                    group by 1) x)`;
}

/**
 * SQL for the tier id of a standing (`paid_orders`, `spend_fen`, `spend_other` columns), highest
 * first; 'none' below every tier. A tier is reached by orders, by CNY spend, or by the spend in one
 * other currency against that currency's own threshold (core/buyers/tiers.ts reachesTier).
 * Parameters start at `$from`.
 */
export function tierCaseSql(tiers: readonly Tier[], from: number): { text: string; params: unknown[] } {
  const params: unknown[] = [];
  const p = (v: unknown, type: string) => `$${from + params.push(v) - 1}::${type}`;
  const whens = [...sortTiers(tiers)].reverse().map((t) => {
    const ors = [`paid_orders >= ${p(t.minOrders, 'int')}`, `spend_fen >= ${p(Math.round(t.minSpendYuan * 100), 'bigint')}`];
    for (const [currency, major] of Object.entries(t.minSpendByCurrency ?? {})) {
      ors.push(`coalesce((spend_other ->> ${p(currency, 'text')})::bigint, 0) >= ${p(toMinor(major, currency), 'bigint')}`);
    }
    return `when ${ors.join(' or ')} then ${p(t.id, 'text')}`;
  });
  return { text: `case ${whens.join(' ')} else 'none' end`, params };
}
