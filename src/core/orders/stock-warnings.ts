// Stock warnings (O5, seeds 004 and 001): warn before the buyer orders a colour/size that is
// out or nearly out, tell the buyer at once when an order cannot be filled, and delist items
// with no stock at all.
import type { Profile } from '../rules/schema.js';

export interface SkuStock {
  itemId: string;
  sku: string;
  /** What the buyer sees, e.g. 黑色 / XL. */
  label: string;
  qty: number;
}

export interface StockWarning {
  sku: string;
  level: 'out' | 'low';
  messageZh: string;
}

export function stockWarnings(skus: readonly SkuStock[], profile: Pick<Profile, 'orders'>): StockWarning[] {
  const threshold = profile.orders.stock.low_stock_threshold;
  const out: StockWarning[] = [];
  for (const s of skus) {
    if (s.qty <= 0) {
      out.push({ sku: s.sku, level: 'out', messageZh: `${s.label} 暂时缺货，下单前请告知买家并推荐相近款式` });
    } else if (s.qty <= threshold) {
      out.push({ sku: s.sku, level: 'low', messageZh: `${s.label} 仅剩 ${s.qty} 件` });
    }
  }
  return out;
}

export interface OrderLine {
  sku: string;
  qty: number;
}

export interface FillCheck {
  fillable: boolean;
  short: { sku: string; wanted: number; available: number }[];
  adviceZh: string;
}

export function checkOrderFillable(lines: readonly OrderLine[], skus: readonly SkuStock[]): FillCheck {
  const available = new Map<string, number>();
  for (const s of skus) available.set(s.sku, (available.get(s.sku) ?? 0) + s.qty);
  const wanted = new Map<string, number>();
  for (const l of lines) wanted.set(l.sku, (wanted.get(l.sku) ?? 0) + l.qty);
  const short = [...wanted]
    .filter(([sku, qty]) => (available.get(sku) ?? 0) < qty)
    .map(([sku, qty]) => ({ sku, wanted: qty, available: Math.max(0, available.get(sku) ?? 0) }));
  return {
    fillable: short.length === 0,
    short,
    adviceZh:
      short.length === 0
        ? '库存充足，可以发货。'
        : '库存不足：请立即联系买家说明情况，提供相近款式或退款，避免因缺货引起延迟发货赔付。',
  };
}

/** Items whose every SKU is at zero, to delist when the profile says so. */
export function itemsToDelist(skus: readonly SkuStock[], profile: Pick<Profile, 'orders'>): string[] {
  if (!profile.orders.stock.delist_when_empty) return [];
  const total = new Map<string, number>();
  for (const s of skus) total.set(s.itemId, (total.get(s.itemId) ?? 0) + Math.max(0, s.qty));
  return [...total].filter(([, qty]) => qty === 0).map(([id]) => id);
}
