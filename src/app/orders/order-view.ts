// The order as screens show it (O1): money in yuan, times as ISO strings, and the receiver's
// name, phone and address masked unless the caller's role may see personal data.
import { maskAddress, maskName, maskPhone, maskPhonesInText } from '../../core/privacy.js';
import type { OrderRow } from './orders.js';

export function orderView(o: OrderRow, maySeePersonalData: boolean) {
  const full = maySeePersonalData;
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
    orderedAt: o.orderedAt?.toISOString() ?? null,
    paidAt: o.paidAt?.toISOString() ?? null,
    shippedAt: o.shippedAt?.toISOString() ?? null,
    completedAt: o.completedAt?.toISOString() ?? null,
    closedAt: o.closedAt?.toISOString() ?? null,
    agreedShipBy: o.agreedShipBy?.toISOString() ?? null,
    receiverName: full ? o.receiverName : maskName(o.receiverName),
    receiverPhone: full ? o.receiverPhone : maskPhone(o.receiverPhone),
    receiverAddress: full ? o.receiverAddress : maskAddress(o.receiverAddress),
    region: o.region,
    courier: o.courier,
    trackingNo: o.trackingNo,
    buyerNote: full || !o.buyerNote ? o.buyerNote : maskPhonesInText(o.buyerNote),
    sellerNote: full || !o.sellerNote ? o.sellerNote : maskPhonesInText(o.sellerNote),
    source: o.source,
    updatedAt: o.updatedAt.toISOString(),
  };
}

export type OrderView = ReturnType<typeof orderView>;
