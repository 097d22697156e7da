// S2 (seed 000): price protection (价保) on the agent's side. The order drawer's card reads the
// shop's platform rule, each line's amounts (prefilled from the order: the line's price, the red
// packets and shop coupon the platform reported, the listed item's price now) and the claims made;
// an agent records a claim — the difference computed by core/money/price-protection under the
// shop's merged rule, refused once a Taobao/Tmall line has its one claim or after a JD window — and
// later marks it paid or refused. Every record is an order history row and an audit row, written
// with the order row locked (actOnOrder), so two claims on one line cannot both pass.
import { and, eq } from 'drizzle-orm';
import type { PriceProtectionClaimBody, PriceProtectionSettleBody } from '../../core/contract/orders.js';
import { DxeError } from '../../core/errors.js';
import { assessPriceProtection, priceProtectionRuleZh } from '../../core/money/price-protection.js';
import type { Database } from '../../store/open-database.js';
import { orderEvents, orderLines, priceProtectionClaims } from '../../store/schema/index.js';
import { appendAuditIn } from '../audit/audit-log.js';
import type { Principal } from '../auth/auth.js';
import { signedAtOf } from '../followups/schedule.js';
import { actOnOrder, type OrderDetail } from './order-detail.js';
import { claimCounts, priceProtectionBlockedZh } from './price-protection-view.js';

/** Order history events of a claim and of its outcome (the state does not change). */
export const PRICE_PROTECTION_CLAIMED_EVENT = 'price_protection_claimed';
export const PRICE_PROTECTION_SETTLED_EVENT = 'price_protection_settled';

/** Stable reasons of a refused claim or settlement (the error's details.reason); the message is Chinese. */
export type PriceProtectionActionRefusal =
  | 'NOT_SUPPORTED' | 'ALREADY_CLAIMED' | 'WINDOW_CLOSED' | 'NO_DIFFERENCE' | 'ORDER_NOT_PAID' | 'LINE_NOT_FOUND' | 'CLAIM_SETTLED';

const yuan = (fen: number) => fen / 100;

/** S2: records a 价保 claim on one line of an order in the caller's shops. */
export async function recordPriceProtectionClaim(
  database: Database,
  p: Principal,
  id: string,
  input: PriceProtectionClaimBody,
  now: Date,
  maySeePersonalData: boolean,
): Promise<OrderDetail> {
  return actOnOrder(database, p, id, now, maySeePersonalData, async (tx, order, profile) => {
    const blocked = priceProtectionBlockedZh(order, profile);
    if (blocked) throw new DxeError('INVALID_TRANSITION', blocked, { reason: 'ORDER_NOT_PAID' satisfies PriceProtectionActionRefusal });
    const [line] = await tx.select().from(orderLines).where(and(eq(orderLines.orderId, order.id), eq(orderLines.lineNo, input.lineNo)));
    if (!line) throw new DxeError('NOT_FOUND', `该订单没有第 ${input.lineNo} 行商品`, { reason: 'LINE_NOT_FOUND' satisfies PriceProtectionActionRefusal });
    const earlier = await tx.select({ status: priceProtectionClaims.status }).from(priceProtectionClaims)
      .where(and(eq(priceProtectionClaims.orderId, order.id), eq(priceProtectionClaims.lineNo, input.lineNo)));
    const rule = profile.price_protection;
    const signedAt = await signedAtOf(tx, order, profile);
    const a = assessPriceProtection({
      paidFen: input.paidYuan, redPacketFen: input.redPacketYuan, newPriceFen: input.newPriceYuan, shopCouponFen: input.shopCouponYuan,
      claimsSoFar: earlier.filter((c) => claimCounts(c.status)).length,
      paidAt: order.paidAt?.toISOString() ?? null, signedAt: signedAt?.toISOString() ?? null, now: now.toISOString(),
    }, rule);
    if (!a.allowed) {
      const code = a.refusal === 'ALREADY_CLAIMED' ? 'CONFLICT' : 'INVALID_TRANSITION';
      throw new DxeError(code, a.reasonZh ?? '不能价保', { reason: a.refusal satisfies PriceProtectionActionRefusal | null, refundYuan: yuan(a.refundFen) });
    }
    const ruleZh = priceProtectionRuleZh(rule, profile.name_zh);
    const [claim] = await tx.insert(priceProtectionClaims).values({
      shopId: order.shopId, orderId: order.id, lineNo: line.lineNo, lineTitle: line.title,
      paidFen: input.paidYuan, redPacketFen: input.redPacketYuan, shopCouponFen: input.shopCouponYuan, newPriceFen: input.newPriceYuan,
      refundFen: a.refundFen, rulePlatform: profile.platform, ruleZh, status: 'pending', note: input.note ?? null,
      claimedAt: now, claimedByKind: p.kind, claimedBy: p.agentId ?? null, createdAt: now,
    }).returning({ id: priceProtectionClaims.id });
    const note = `价保申请：${line.title}，差价 ${yuan(a.refundFen).toFixed(2)} 元（${ruleZh}）${input.note ? `：${input.note}` : ''}`;
    await tx.insert(orderEvents).values({
      orderId: order.id, at: now, fromState: order.state, toState: order.state, event: PRICE_PROTECTION_CLAIMED_EVENT,
      actorKind: p.kind, actorId: p.agentId ?? null, note,
    });
    await appendAuditIn(tx, {
      orgId: p.orgId, at: now, actorKind: p.kind, actorId: p.agentId ?? null, action: 'order.price_protection_claimed',
      subjectKind: 'order', subjectId: order.id,
      data: {
        shopId: order.shopId, platformOrderNo: order.platformOrderNo, claimId: claim!.id, lineNo: line.lineNo, platform: profile.platform,
        paidFen: input.paidYuan, redPacketFen: input.redPacketYuan, shopCouponFen: input.shopCouponYuan, newPriceFen: input.newPriceYuan, refundFen: a.refundFen,
      },
    });
  });
}

/** S2: a pending claim of an order in the caller's shops marked paid (差价已补) or refused. */
export async function settlePriceProtectionClaim(
  database: Database,
  p: Principal,
  id: string,
  claimId: string,
  input: PriceProtectionSettleBody,
  now: Date,
  maySeePersonalData: boolean,
): Promise<OrderDetail> {
  return actOnOrder(database, p, id, now, maySeePersonalData, async (tx, order) => {
    const [claim] = await tx.select().from(priceProtectionClaims)
      .where(and(eq(priceProtectionClaims.id, claimId), eq(priceProtectionClaims.orderId, order.id), eq(priceProtectionClaims.shopId, order.shopId)));
    if (!claim) throw new DxeError('NOT_FOUND', '找不到该价保申请');
    if (claim.status !== 'pending') {
      throw new DxeError('CONFLICT', `该价保申请已${claim.status === 'paid' ? '补差价' : '拒绝'}，不能再更改`, { reason: 'CLAIM_SETTLED' satisfies PriceProtectionActionRefusal });
    }
    await tx.update(priceProtectionClaims)
      .set({ status: input.status, settledAt: now, settledByKind: p.kind, settledBy: p.agentId ?? null, settleNote: input.note ?? null })
      .where(eq(priceProtectionClaims.id, claim.id));
    const what = input.status === 'paid' ? `已补差价 ${yuan(claim.refundFen).toFixed(2)} 元` : '已拒绝';
    await tx.insert(orderEvents).values({
      orderId: order.id, at: now, fromState: order.state, toState: order.state, event: PRICE_PROTECTION_SETTLED_EVENT,
      actorKind: p.kind, actorId: p.agentId ?? null, note: `价保${what}：${claim.lineTitle}${input.note ? `：${input.note}` : ''}`,
    });
    await appendAuditIn(tx, {
      orgId: p.orgId, at: now, actorKind: p.kind, actorId: p.agentId ?? null,
      action: input.status === 'paid' ? 'order.price_protection_paid' : 'order.price_protection_refused',
      subjectKind: 'order', subjectId: order.id,
      data: { shopId: order.shopId, platformOrderNo: order.platformOrderNo, claimId: claim.id, lineNo: claim.lineNo, refundFen: claim.refundFen, note: input.note ?? null },
    });
  });
}
