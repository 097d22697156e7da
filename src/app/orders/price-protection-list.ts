// S2 (seed 000): the shop-wide 价保 ledger of the 订单 screen — every claim recorded on the
// caller's shops (or one of them), newest first with the pending ones on top (money promised to a
// buyer and not yet paid), and per status the totals of those shops and days whatever the status
// filter (the screen's tabs show them all): how many claims, how much difference. Read-only; scoped to the principal's shops like every query (an unknown or foreign
// shop is 404).
import { and, desc, eq, gte, inArray, sql, type SQL } from 'drizzle-orm';
import type { PriceProtectionListQuery } from '../../core/contract/orders.js';
import type { PriceProtectionListView } from '../../core/contract/views.js';
import { DxeError } from '../../core/errors.js';
import type { Database } from '../../store/open-database.js';
import { agents, orders, priceProtectionClaims, shops } from '../../store/schema/index.js';
import type { Principal } from '../auth/auth.js';

const DAY_MS = 86_400_000;
const STATUSES = ['pending', 'paid', 'refused'] as const;

export async function priceProtectionClaimList(database: Database, p: Principal, q: PriceProtectionListQuery, now: Date): Promise<PriceProtectionListView> {
  if (q.shopId && !p.shopIds.includes(q.shopId)) throw new DxeError('NOT_FOUND', '找不到该店铺');
  const shopIds = q.shopId ? [q.shopId] : p.shopIds;
  const empty = { count: 0, refundYuan: 0 };
  if (shopIds.length === 0) return { items: [], totals: { pending: { ...empty }, paid: { ...empty }, refused: { ...empty } }, truncated: false };
  const db = database.db;
  const since = new Date(now.getTime() - q.days * DAY_MS);
  const within: SQL[] = [inArray(priceProtectionClaims.shopId, shopIds), gte(priceProtectionClaims.claimedAt, since)];
  const matching = q.status === 'all' ? within : [...within, eq(priceProtectionClaims.status, q.status)];

  const [rows, sums] = await Promise.all([
    db
      .select({ c: priceProtectionClaims, orderNo: orders.platformOrderNo, shopName: shops.name })
      .from(priceProtectionClaims)
      .innerJoin(orders, eq(orders.id, priceProtectionClaims.orderId))
      .innerJoin(shops, eq(shops.id, priceProtectionClaims.shopId))
      .where(and(...matching))
      .orderBy(sql`case when ${priceProtectionClaims.status} = 'pending' then 0 else 1 end`, desc(priceProtectionClaims.claimedAt), desc(priceProtectionClaims.id))
      .limit(q.limit + 1),
    db
      .select({ status: priceProtectionClaims.status, count: sql<number>`count(*)::int`, fen: sql<number>`coalesce(sum(${priceProtectionClaims.refundFen}), 0)::bigint` })
      .from(priceProtectionClaims)
      .where(and(...within))
      .groupBy(priceProtectionClaims.status),
  ]);
  const page = rows.slice(0, q.limit);
  const people = [...new Set(page.flatMap((r) => [r.c.claimedBy, r.c.settledBy]).filter((x): x is string => !!x))];
  const names = new Map(
    people.length ? (await db.select({ id: agents.id, name: agents.displayName }).from(agents).where(inArray(agents.id, people))).map((a) => [a.id, a.name] as const) : [],
  );
  const yuan = (fen: number) => fen / 100;
  const totals = Object.fromEntries(
    STATUSES.map((s) => {
      const row = sums.find((x) => x.status === s);
      return [s, { count: Number(row?.count ?? 0), refundYuan: yuan(Number(row?.fen ?? 0)) }];
    }),
  ) as PriceProtectionListView['totals'];
  return {
    items: page.map(({ c, orderNo, shopName }) => ({
      id: c.id, lineNo: c.lineNo, lineTitle: c.lineTitle,
      paidYuan: yuan(c.paidFen), redPacketYuan: yuan(c.redPacketFen), shopCouponYuan: yuan(c.shopCouponFen), newPriceYuan: yuan(c.newPriceFen),
      refundYuan: yuan(c.refundFen), ruleZh: c.ruleZh, status: c.status, note: c.note,
      claimedAt: c.claimedAt.toISOString(), claimedBy: c.claimedBy ? (names.get(c.claimedBy) ?? null) : null,
      settledAt: c.settledAt?.toISOString() ?? null, settledBy: c.settledBy ? (names.get(c.settledBy) ?? null) : null, settleNote: c.settleNote,
      shopId: c.shopId, shopName, orderId: c.orderId, platformOrderNo: orderNo,
    })),
    totals,
    truncated: rows.length > q.limit,
  };
}
