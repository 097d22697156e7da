// Store-level figures per month (M3, issue 14) and the follow-up flows' figures for the dashboard:
// items listed (on sale at some time in the Beijing month: created before its end, and listed
// still or delisted after its start — migration 0015 keeps the delisting time), items sold (listed
// items with a paid sale that month: 动销; an item that sold counts as listed that month too), units sold and the sell-through rate (动销率 = items sold
// / items listed). One statement for the months; the flows' figures are app/followups' own.
import { startOfBeijingMonth, beijingMonthKey } from '../../core/time/beijing-time.js';
import { followupRules } from '../../core/followups/config.js';
import type { StoreFiguresView } from '../../core/contract/buyers.js';
import type { Database } from '../../store/open-database.js';
import { assertShopAccess } from '../auth/access.js';
import type { Principal } from '../auth/auth.js';
import { flowStats } from '../followups/manage.js';
import { PAID_ORDER_TEXT } from './standing-sql.js';

export async function storeFigures(database: Database, p: Principal, shopId: string, q: { months: number }, now: Date): Promise<StoreFiguresView> {
  assertShopAccess(p, shopId);
  const starts = Array.from({ length: q.months + 1 }, (_, i) => startOfBeijingMonth(now, i - q.months + 1));
  const rows = await database.query<{ i: number; listed: number; sold: number; units: number }>(
    `with m as (
       select i, s as start, e as "end" from unnest($2::timestamptz[], $3::timestamptz[]) with ordinality as x(s, e, i)),
     sales as (
       -- a line names its item by id, or (marketplace sync and imports) by the shop's SKU
       select m.i, it.id as item_id, sum(l.qty)::int as units
         from m join orders o on o.shop_id = $1 and coalesce(o.paid_at, o.ordered_at, o.created_at) >= m.start and coalesce(o.paid_at, o.ordered_at, o.created_at) < m."end"
                                and ${PAID_ORDER_TEXT}
                join order_lines l on l.order_id = o.id
                join items it on it.shop_id = $1 and (it.id = l.item_id or (l.item_id is null and it.sku = l.sku))
        group by m.i, it.id)
     select m.i::int,
            (select count(*)::int from items it where it.shop_id = $1 and (
                (it.created_at < m."end" and (it.listed or (it.delisted_at is not null and it.delisted_at >= m.start)))
                -- an item that sold in the month was on sale then, whatever the catalogue's dates say
                or exists (select 1 from sales s where s.i = m.i and s.item_id = it.id))) as listed,
            (select count(*)::int from sales s where s.i = m.i) as sold,
            (select coalesce(sum(s.units), 0)::int from sales s where s.i = m.i) as units
       from m order by m.i`,
    [shopId, starts.slice(0, -1).map((d) => d.toISOString()), starts.slice(1).map((d) => d.toISOString())],
  );
  const byI = new Map(rows.map((r) => [Number(r.i), r]));
  const months = starts.slice(0, -1).map((start, k) => {
    const r = byI.get(k + 1);
    const listed = Number(r?.listed ?? 0);
    const sold = Number(r?.sold ?? 0);
    return { month: beijingMonthKey(start), itemsListed: listed, itemsSold: sold, unitsSold: Number(r?.units ?? 0), sellThrough: listed > 0 ? sold / listed : null };
  });
  const rules = followupRules();
  const flows = (await flowStats(database, shopId, now)).map((f) => ({ ...f, title: rules.flows[f.flow].title }));
  return { shopId, months, flows };
}
