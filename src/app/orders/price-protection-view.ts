// S2: the 价保 card of the order drawer (read model): the shop's platform rule, the window, each
// line's amounts prefilled from the order (the line's price, the red packets and shop coupon the
// platform reported, the listed item's price now) and the claims recorded (app/orders/price-protection.ts).
import { eq, inArray } from 'drizzle-orm';
import type { PriceProtectionClaimView, PriceProtectionView } from '../../core/contract/views.js';
import { priceProtectionRuleZh, priceProtectionWindowEnd } from '../../core/money/price-protection.js';
import { orderPhase } from '../../core/orders/order-phase.js';
import type { Profile } from '../../core/rules/schema.js';
import { queriesOf, type Database, type Tx } from '../../store/open-database.js';
import { agents, items, orderLines, priceProtectionClaims } from '../../store/schema/index.js';
import { signedAtOf } from '../followups/schedule.js';
import type { OrderRow } from './orders.js';

const yuan = (fen: number) => fen / 100;
/** Claims that use a line's allowance: a refused claim leaves the once for a corrected one. */
export const claimCounts = (status: string) => status === 'pending' || status === 'paid';

export function priceProtectionBlockedZh(order: OrderRow, profile: Profile): string | null {
  const phase = orderPhase(profile, order.state);
  if (phase === 'unpaid') return '订单尚未付款，不能价保';
  if (phase === 'closed') return '订单已关闭，不能价保';
  if (phase === null) return `订单状态「${order.state}」无法识别，不能价保`;
  return null;
}

/** The 价保 card of an order: rule, window, lines with prefilled amounts, claims. */
export async function priceProtectionOf(database: Database | Tx, order: OrderRow, profile: Profile): Promise<PriceProtectionView> {
  const db = queriesOf(database);
  const rule = profile.price_protection;
  const [lines, claims, signedAt] = await Promise.all([
    db.select().from(orderLines).where(eq(orderLines.orderId, order.id)),
    db.select().from(priceProtectionClaims).where(eq(priceProtectionClaims.orderId, order.id)),
    signedAtOf(database, order, profile),
  ]);
  const itemIds = lines.map((l) => l.itemId).filter((x): x is string => !!x);
  const skus = lines.map((l) => l.sku).filter((x): x is string => !!x);
  const listed = itemIds.length || skus.length
    ? (await db.select({ id: items.id, sku: items.sku, priceFen: items.priceFen, listed: items.listed }).from(items).where(eq(items.shopId, order.shopId)))
      .filter((i) => i.listed && (itemIds.includes(i.id) || skus.includes(i.sku)))
    : [];
  const people = [...new Set(claims.flatMap((c) => [c.claimedBy, c.settledBy]).filter((x): x is string => !!x))];
  const names = new Map(
    people.length ? (await db.select({ id: agents.id, name: agents.displayName }).from(agents).where(inArray(agents.id, people))).map((a) => [a.id, a.name] as const) : [],
  );
  const paidAt = order.paidAt?.toISOString() ?? null;
  const signed = signedAt?.toISOString() ?? null;
  return {
    rule: {
      supported: rule.supported, include_red_packets: rule.include_red_packets, subtract_shop_coupon: rule.subtract_shop_coupon,
      max_claims: rule.max_claims, window_days: rule.window_days, window_from: rule.window_from,
    },
    platform: profile.platform,
    ruleZh: priceProtectionRuleZh(rule, profile.name_zh),
    paidAt,
    signedAt: signed,
    windowEndsAt: priceProtectionWindowEnd(rule, paidAt, signed),
    blockedZh: priceProtectionBlockedZh(order, profile),
    lines: lines
      .sort((a, b) => a.lineNo - b.lineNo)
      .map((l) => {
        const item = listed.find((i) => i.id === l.itemId) ?? listed.find((i) => l.sku !== null && i.sku === l.sku);
        return {
          lineNo: l.lineNo,
          title: l.title,
          qty: l.qty,
          paidYuan: yuan(l.priceFen * l.qty),
          redPacketYuan: l.redPacketFen === null ? null : yuan(l.redPacketFen),
          shopCouponYuan: l.shopCouponFen === null ? null : yuan(l.shopCouponFen),
          newPriceYuan: item ? yuan(item.priceFen * l.qty) : null,
          claimsSoFar: claims.filter((c) => c.lineNo === l.lineNo && claimCounts(c.status)).length,
        };
      }),
    claims: claims
      .sort((a, b) => a.claimedAt.getTime() - b.claimedAt.getTime())
      .map((c): PriceProtectionClaimView => ({
        id: c.id, lineNo: c.lineNo, lineTitle: c.lineTitle,
        paidYuan: yuan(c.paidFen), redPacketYuan: yuan(c.redPacketFen), shopCouponYuan: yuan(c.shopCouponFen), newPriceYuan: yuan(c.newPriceFen),
        refundYuan: yuan(c.refundFen), ruleZh: c.ruleZh, status: c.status, note: c.note,
        claimedAt: c.claimedAt.toISOString(), claimedBy: c.claimedBy ? (names.get(c.claimedBy) ?? null) : null,
        settledAt: c.settledAt?.toISOString() ?? null, settledBy: c.settledBy ? (names.get(c.settledBy) ?? null) : null, settleNote: c.settleNote,
      })),
  };
}

