// The order as screens show it (O1): money in yuan, times as ISO strings, and the receiver's
// name, phone and address masked unless the caller's role may see personal data.
import { personalDataMask } from '../../core/privacy.js';
import type { OrderRow } from './orders.js';

export function orderView(o: OrderRow, maySeePersonalData: boolean) {
  const mask = personalDataMask(maySeePersonalData);
  return {
    id: o.id,
    shopId: o.shopId,
    platformOrderNo: o.platformOrderNo,
    buyerId: o.buyerId,
    buyerAccount: o.buyerAccount,
    state: o.state,
    totalYuan: o.totalFen / 100,
    paidYuan: o.paidFen / 100,
    refundYuan: o.refundFen / 100,
    shippingYuan: o.shippingFen / 100,
    // Issue 15: the order's own currency and its amounts in that currency's minor units (never
    // converted; `*Yuan` stay CNY and are 0 for an order in another currency).
    currency: o.currency,
    totalMinor: o.totalMinor,
    paidMinor: o.paidMinor,
    orderedAt: o.orderedAt?.toISOString() ?? null,
    paidAt: o.paidAt?.toISOString() ?? null,
    shippedAt: o.shippedAt?.toISOString() ?? null,
    pickedUpAt: o.pickedUpAt?.toISOString() ?? null,
    completedAt: o.completedAt?.toISOString() ?? null,
    closedAt: o.closedAt?.toISOString() ?? null,
    agreedShipBy: o.agreedShipBy?.toISOString() ?? null,
    receiverName: mask.name(o.receiverName),
    receiverPhone: mask.phone(o.receiverPhone),
    receiverAddress: mask.address(o.receiverAddress),
    region: o.region,
    courier: o.courier,
    trackingNo: o.trackingNo,
    buyerNote: mask.text(o.buyerNote),
    sellerNote: mask.text(o.sellerNote),
    // C9: the confirmation with the buyer an agent recorded, and the buyer's corrections or notes.
    verifiedAt: o.verifiedAt?.toISOString() ?? null,
    verifiedBy: o.verifiedBy,
    verificationNote: mask.text(o.verificationNote),
    source: o.source,
    updatedAt: o.updatedAt.toISOString(),
  };
}

export type OrderView = ReturnType<typeof orderView>;
