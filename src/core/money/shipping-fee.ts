// Shipping fee by region (O6, EVAL §3 shipping_fee): fee = first + ceil(weight − first_kg) ×
// extra_per_kg, with the region picked by the province's short name. Weights are handled in
// grams and money in fen, so 2.2 kg never rounds into a third extra kilogram by float error.
import { DxeError } from '../errors.js';
import type { ShippingFeeTable } from '../rules/schema.js';
import { fenToYuan, yuanToFen } from './fen.js';
import { sameProvince } from './province.js';

export type FeeTable = ShippingFeeTable;

export interface ShippingFeeResult {
  fee: number;
  /** Index of the region that matched; null for the default. */
  region: number | null;
}

export function shippingFee(table: FeeTable, province: string, weightKg: number): ShippingFeeResult {
  if (!(weightKg >= 0)) throw new DxeError('VALIDATION_FAILED', `重量应为非负数: ${weightKg}`);
  const index = table.regions.findIndex((r) => r.provinces.some((p) => sameProvince(p, province)));
  const region = index >= 0 ? table.regions[index] : undefined;
  const first = region ? region.first : table.default.first;
  const extraPerKg = region ? region.extra_per_kg : table.default.extra_per_kg;
  const firstGrams = Math.round((region?.first_kg ?? table.first_kg) * 1000);
  const grams = Math.round(weightKg * 1000);
  const over = Math.max(0, grams - firstGrams);
  const step = table.extra_weight_rounding === 'ceil_to_half_kg' ? 500 : 1000;
  const steps = Math.ceil(over / step);
  if (steps > 0 && extraPerKg === null) {
    throw new DxeError('VALIDATION_FAILED', `${province} 超出首重，但运费表没有该地区的续重价格`);
  }
  const perStepFen = Math.round((yuanToFen(extraPerKg ?? 0) * step) / 1000);
  return { fee: fenToYuan(yuanToFen(first) + steps * perStepFen), region: index >= 0 ? index : null };
}
