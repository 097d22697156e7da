// Province short names for the orders.region column ("吉林省 通化市 …" → 吉林, "内蒙古自治区" →
// 内蒙古), the names shipping-fee tables and reports use. One list and one reading for the whole
// product: core/money/province.ts (the fee table, O6, and the disruption calendar, O7, read it too).
import { orderProvince } from '../../core/money/province.js';

/** The province an address starts with, as its short name; undefined when none does. */
export function provinceOf(address: string | undefined): string | undefined {
  return orderProvince(null, address) ?? undefined;
}
