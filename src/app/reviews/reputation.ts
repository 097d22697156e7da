// A shop's reputation in numbers (issue 13; R1, R2, R4, R8): DSR per dimension over the rolling
// window (R4: six months; default reviews carry none), its trend per item and month, the
// forecast against the category average, credit under R1–R2 with the default good reviews of
// orders nobody reviewed in the mutual window, the counts the workbench heads with, and the
// causes of complaints with a quoted example each.
import { DxeError } from '../../core/errors.js';
import { isPlatform } from '../../core/platforms.js';
import { computeCredit, type CreditReview } from '../../core/reviews/credit.js';
import { dsrMeans, dsrTrendByItem, forecastDsr, type DsrDimension, type DsrPoint } from '../../core/reviews/reputation.js';
import { addCalendarMonths, DAY } from '../../core/rules/instant.js';
import { BEIJING_OFFSET_MIN } from '../../core/time/beijing-time.js';
import type { ReputationView } from '../../core/contract/reviews.js';
import type { Database } from '../../store/open-database.js';
import type { Principal } from '../auth/auth.js';
import { maySeePersonalData } from '../auth/access.js';
import { personalDataMask } from '../../core/privacy.js';
import { shopProfile } from '../shops/shop-profile.js';

export async function shopReputation(
  database: Database,
  p: Principal,
  shopId: string,
  q: { stars: number; categoryAverage: Partial<Record<DsrDimension, number>> },
  now: Date,
): Promise<ReputationView> {
  if (!p.shopIds.includes(shopId)) throw new DxeError('NOT_FOUND');
  const shop = (await database.query<{ platform: string; rule_overrides: unknown; settings: Record<string, unknown> | null }>(
    'SELECT platform, rule_overrides, settings FROM shops WHERE id = $1',
    [shopId],
  ))[0];
  if (!shop || !isPlatform(shop.platform)) throw new DxeError('NOT_FOUND');
  const profile = shopProfile({ platform: shop.platform, ruleOverrides: shop.rule_overrides });
  const months = profile.reviews.dsr_months ?? 6;
  const nowMs = now.getTime();
  const since = new Date(addCalendarMonths(nowMs, -months, BEIJING_OFFSET_MIN) - 8 * DAY);
  const dsrRows = await database.query<{ at: Date; dsr: Record<DsrDimension, number>; item_id: string | null }>(
    'SELECT at, dsr, item_id FROM reviews WHERE shop_id = $1 AND dsr IS NOT NULL AND at >= $2 AND at <= $3',
    [shopId, since, now],
  );
  const points: DsrPoint[] = dsrRows.map((r) => ({ atMs: new Date(r.at).getTime(), ...r.dsr, itemId: r.item_id }));
  const from = addCalendarMonths(nowMs, -months, BEIJING_OFFSET_MIN);
  const current = points.filter((x) => x.atMs >= from);
  // The category average: given in the request, else the shop's settings (dsrCategoryAverage).
  const saved = (shop.settings?.dsrCategoryAverage ?? {}) as Partial<Record<DsrDimension, number>>;
  const categoryAverage = { ...saved, ...q.categoryAverage };
  const forecast = forecastDsr({ points, nowMs, months, categoryAverage, stars: q.stars });

  const rated = await database.query<{ buyer: string; item: string; rating: 'good' | 'neutral' | 'bad'; at: Date }>(
    `SELECT coalesce(buyer_account, buyer_id, id) AS buyer, coalesce(item_id, '') AS item, rating, at FROM reviews WHERE shop_id = $1`,
    [shopId],
  );
  // R1: an order completed before the mutual window closed, never reviewed, gets the default good review.
  const defaultAfter = profile.reviews.default_good_after_days;
  const defaults = defaultAfter === null
    ? []
    : await database.query<{ buyer: string; at: Date }>(
        `SELECT coalesce(o.buyer_account, o.buyer_id, o.id) AS buyer, o.completed_at + make_interval(days => $2::int) AS at FROM orders o
         WHERE o.shop_id = $1 AND o.completed_at IS NOT NULL AND o.completed_at + make_interval(days => $2::int) <= $3
           AND NOT EXISTS (SELECT 1 FROM reviews r WHERE r.shop_id = o.shop_id AND r.platform_order_no = o.platform_order_no)`,
        [shopId, defaultAfter, now],
      );
  const creditInput: CreditReview[] = [
    ...rated.map((r) => ({ buyer: r.buyer, item: r.item, rating: r.rating, at: new Date(r.at).toISOString() })),
    ...defaults.map((d, i) => ({ buyer: d.buyer, item: `default:${i}`, rating: 'good' as const, at: new Date(d.at).toISOString() })),
  ];
  const credit = computeCredit(creditInput, profile);

  const counts = (await database.query<{ good: number; neutral: number; bad: number; flagged: number; open: number }>(
    `SELECT count(*) FILTER (WHERE rating = 'good')::int AS good, count(*) FILTER (WHERE rating = 'neutral')::int AS neutral,
       count(*) FILTER (WHERE rating = 'bad')::int AS bad, count(*) FILTER (WHERE jsonb_array_length(flags) > 0)::int AS flagged,
       count(*) FILTER (WHERE status IN ('new', 'recovery', 'reported'))::int AS open
     FROM reviews WHERE shop_id = $1`,
    [shopId],
  ))[0] ?? { good: 0, neutral: 0, bad: 0, flagged: 0, open: 0 };
  const causes = await database.query<{ cause: string; count: number; quote: string | null }>(
    `SELECT c.cause, count(*)::int AS count, (array_agg(r.text ORDER BY r.at DESC))[1] AS quote
     FROM reviews r, jsonb_array_elements_text(r.causes) AS c(cause)
     WHERE r.shop_id = $1 AND r.at >= $2 GROUP BY c.cause ORDER BY count DESC`,
    [shopId, new Date(from)],
  );
  const causeTrend = await database.query<{ month: string; item_id: string; cause: string; count: number }>(
    `SELECT to_char(r.at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM') AS month, coalesce(r.item_id, '') AS item_id, c.cause, count(*)::int AS count
     FROM reviews r, jsonb_array_elements_text(r.causes) AS c(cause)
     WHERE r.shop_id = $1 AND r.at >= $2 AND r.at <= $3 GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`,
    [shopId, new Date(from), now],
  );
  return {
    shopId,
    platform: shop.platform,
    months,
    dsr: dsrMeans(current),
    forecast,
    trend: dsrTrendByItem(points, nowMs, months),
    credit: { credit: credit.credit, defaultGood: defaults.length },
    counts,
    causes: causes.map((c) => ({ ...c, quote: personalDataMask(maySeePersonalData(p)).text(c.quote) })),
    causeTrend: causeTrend.map((c) => ({ month: c.month, itemId: c.item_id, cause: c.cause, count: c.count })),
  };
}
