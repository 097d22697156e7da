// Segments of a shop's buyers for targeted messages (issue 14: F4, M2): which buyers are in a
// segment (VIP tier(s) and/or tags), in one statement over their standing — paid orders, CNY
// spend and the spend per other currency, each against its own threshold (never converted) —
// and the segment picker's counts per tier and per tag.
import { sql, type SQL } from 'drizzle-orm';
import { sortTiers, toMinor, type Tier } from '../../core/buyers/tiers.js';
import type { BuyerSegmentsView } from '../../core/contract/buyers.js';
import type { SegmentBuyer } from '../../core/followups/segment.js';
import { queriesOf, type Database, type Tx } from '../../store/open-database.js';
import { assertShopAccess } from '../auth/access.js';
import type { Principal } from '../auth/auth.js';
import { tiersOfShop } from './buyers.js';
import { ORDER_SPEND_MINOR_TEXT, ORDER_SPEND_TEXT, PAID_ORDER_TEXT } from './standing-sql.js';

/** The tier of a standing row (paid_orders, spend_fen, spend_other), as tierCaseSql, with bound values. */
function tierCase(tiers: readonly Tier[]): SQL {
  const whens = [...sortTiers(tiers)].reverse().map((t) => {
    const ors: SQL[] = [sql`paid_orders >= ${t.minOrders}::int`, sql`spend_fen >= ${Math.round(t.minSpendYuan * 100)}::bigint`];
    for (const [currency, major] of Object.entries(t.minSpendByCurrency ?? {})) {
      ors.push(sql`coalesce((spend_other ->> ${currency}::text)::bigint, 0) >= ${toMinor(major, currency)}::bigint`);
    }
    return sql`when ${sql.join(ors, sql` or `)} then ${t.id}::text`;
  });
  return sql`case ${sql.join(whens, sql` `)} else 'none' end`;
}

/**
 * Each buyer's tier and tags (all the shop's buyers, or only `buyerIds`), read in one statement.
 * Works inside the sender's transaction as outside it.
 */
export async function buyerSegmentInfo(db: Database | Tx, shopId: string, tiers: readonly Tier[], buyerIds: readonly string[] | null): Promise<Map<string, SegmentBuyer>> {
  const ids = buyerIds ? [...new Set(buyerIds)] : null;
  if (ids && ids.length === 0) return new Map();
  const list = ids ? sql`(${sql.join(ids.map((x) => sql`${x}`), sql`, `)})` : null;
  const onlyOrders = list ? sql`and o.buyer_id in ${list}` : sql``;
  const onlyBuyers = list ? sql`and b.id in ${list}` : sql``;
  const res = (await queriesOf(db).execute(sql`
    with st as (
      select o.buyer_id,
             count(*) filter (where ${sql.raw(PAID_ORDER_TEXT)})::int as paid_orders,
             coalesce(sum(${sql.raw(ORDER_SPEND_TEXT)}) filter (where ${sql.raw(PAID_ORDER_TEXT)}), 0)::bigint as spend_fen
        from orders o where o.shop_id = ${shopId} and o.buyer_id is not null ${onlyOrders}
       group by o.buyer_id),
    other as (
      select buyer_id, jsonb_object_agg(currency, amt) as spend_other
        from (select o.buyer_id, o.currency, sum(${sql.raw(ORDER_SPEND_MINOR_TEXT)})::bigint as amt
                from orders o where o.shop_id = ${shopId} and o.currency <> 'CNY' and o.buyer_id is not null and ${sql.raw(PAID_ORDER_TEXT)} ${onlyOrders}
               group by 1, 2) x
       group by buyer_id),
    standing as (
      select b.id, b.tags, coalesce(st.paid_orders, 0) as paid_orders, coalesce(st.spend_fen, 0) as spend_fen,
             coalesce(other.spend_other, '{}'::jsonb) as spend_other
        from buyers b left join st on st.buyer_id = b.id left join other on other.buyer_id = b.id
       where b.shop_id = ${shopId} ${onlyBuyers})
    select id, tags, ${tierCase(tiers)} as tier from standing`)) as unknown;
  const rows = (Array.isArray(res) ? res : ((res as { rows?: unknown[] }).rows ?? [])) as { id: string; tags: unknown; tier: string }[];
  const out = new Map<string, SegmentBuyer>();
  for (const r of rows) {
    const tags = typeof r.tags === 'string' ? (JSON.parse(r.tags) as unknown) : r.tags;
    out.set(r.id, { tier: r.tier === 'none' ? null : r.tier, tags: Array.isArray(tags) ? tags.map(String) : [] });
  }
  return out;
}

/** The segment picker: buyers per tier (`none`: below every tier) and per tag, across the shop. */
export async function buyerSegments(database: Database, p: Principal, shopId: string): Promise<BuyerSegmentsView> {
  assertShopAccess(p, shopId);
  const tiers = await tiersOfShop(database, shopId);
  const info = await buyerSegmentInfo(database, shopId, tiers, null);
  const byTier = new Map<string, number>();
  const byTag = new Map<string, number>();
  for (const b of info.values()) {
    byTier.set(b.tier ?? 'none', (byTier.get(b.tier ?? 'none') ?? 0) + 1);
    for (const t of new Set(b.tags)) byTag.set(t, (byTag.get(t) ?? 0) + 1);
  }
  return {
    shopId,
    buyers: info.size,
    tiers: [
      ...sortTiers(tiers).map((t) => ({ id: t.id, name: t.name, buyers: byTier.get(t.id) ?? 0 })),
      { id: 'none', name: '未达等级', buyers: byTier.get('none') ?? 0 },
    ],
    tags: [...byTag].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, 100).map(([tag, buyers]) => ({ tag, buyers })),
  };
}
