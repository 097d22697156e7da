// O6: a shop's own 运费模板 (shipping fee table) — the request body of
// PUT /api/v1/shops/:shopId/shipping-fees, its reply, and the checks a table must pass. The shape
// is the rules' fee table (core/rules/schema.ts shippingFeeTableSchema, computed by
// core/money/shipping-fee.ts), so the shop's table and the rules' example go through one function.
// The checks give a stable code and a Chinese message per problem (the workbench shows them).
import { z } from 'zod';
import { PROVINCES, provinceShortName } from '../money/province.js';
import type { ShippingFeeTable } from '../rules/schema.js';

export const MAX_FEE_GROUPS = 40;
export const MAX_FEE_YUAN = 9999;

// The types only; the ranges and the province names are checked by feeTableErrors (Chinese text).
const money = z.number();
export const shopFeeTableSchema = z.strictObject({
  first_kg: z.number(),
  extra_weight_rounding: z.enum(['ceil_to_whole_kg', 'ceil_to_half_kg']).default('ceil_to_whole_kg'),
  default: z.strictObject({ first: money, extra_per_kg: money }),
  regions: z.array(
    z.strictObject({
      provinces: z.array(z.string()),
      first: money,
      first_kg: z.number().optional(),
      /** null: the shop gives no extra-weight price for this group ("ask the shop"). */
      extra_per_kg: money.nullable(),
      note: z.string().max(200).optional(),
    }),
  ),
});

/** `table: null` removes the shop's own table; the rules' example applies again. */
export const shippingFeesBody = z.strictObject({ table: shopFeeTableSchema.nullable() });
export type ShippingFeesBody = z.infer<typeof shippingFeesBody>;

export type FeeTableErrorCode =
  | 'FEE_TOO_MANY_GROUPS'
  | 'FEE_GROUP_EMPTY'
  | 'FEE_PROVINCE_UNKNOWN'
  | 'FEE_PROVINCE_TWICE'
  | 'FEE_PRICE_RANGE'
  | 'FEE_FIRST_KG';

export interface FeeTableError {
  code: FeeTableErrorCode;
  path: string;
  messageZh: string;
}

/** Every problem of a fee table, in order; empty when it may be saved. */
export function feeTableErrors(table: z.infer<typeof shopFeeTableSchema>): FeeTableError[] {
  const errors: FeeTableError[] = [];
  const price = (value: number | null, path: string, what: string) => {
    if (value === null) return;
    if (!Number.isFinite(value) || value < 0 || value > MAX_FEE_YUAN) {
      errors.push({ code: 'FEE_PRICE_RANGE', path, messageZh: `${what}应在 0 到 ${MAX_FEE_YUAN} 元之间（现为 ${value}）` });
    }
  };
  const firstKg = (value: number | undefined, path: string, what: string) => {
    if (value === undefined) return;
    if (!Number.isFinite(value) || value <= 0 || value > 100) {
      errors.push({ code: 'FEE_FIRST_KG', path, messageZh: `${what}首重应大于 0 公斤且不超过 100 公斤（现为 ${value}）` });
    }
  };
  if (table.regions.length > MAX_FEE_GROUPS) {
    errors.push({ code: 'FEE_TOO_MANY_GROUPS', path: 'regions', messageZh: `地区分组最多 ${MAX_FEE_GROUPS} 组（现有 ${table.regions.length} 组）` });
  }
  firstKg(table.first_kg, 'first_kg', '默认');
  price(table.default.first, 'default.first', '默认首重价格');
  price(table.default.extra_per_kg, 'default.extra_per_kg', '默认续重价格');
  const seen = new Map<string, number>();
  table.regions.forEach((r, i) => {
    const name = `第 ${i + 1} 组`;
    if (r.provinces.length === 0) errors.push({ code: 'FEE_GROUP_EMPTY', path: `regions.${i}.provinces`, messageZh: `${name}没有选择省份` });
    for (const p of r.provinces) {
      const short = provinceShortName(p);
      if (!PROVINCES.includes(short)) {
        errors.push({ code: 'FEE_PROVINCE_UNKNOWN', path: `regions.${i}.provinces`, messageZh: `${name}的「${p}」不是已知的省份名称` });
        continue;
      }
      const before = seen.get(short);
      if (before !== undefined) {
        errors.push({
          code: 'FEE_PROVINCE_TWICE',
          path: `regions.${i}.provinces`,
          messageZh: before === i ? `${name}重复填写了「${short}」` : `「${short}」同时出现在第 ${before + 1} 组和${name}，一个省份只能属于一组`,
        });
      } else seen.set(short, i);
    }
    price(r.first, `regions.${i}.first`, `${name}首重价格`);
    price(r.extra_per_kg, `regions.${i}.extra_per_kg`, `${name}续重价格`);
    firstKg(r.first_kg, `regions.${i}.first_kg`, name);
  });
  return errors;
}

/** The stored table when it still passes every check, else null (the rules' example applies). */
export function storedFeeTable(raw: unknown): ShippingFeeTable | null {
  const parsed = shopFeeTableSchema.safeParse(raw);
  if (!parsed.success || feeTableErrors(parsed.data).length > 0) return null;
  return parsed.data;
}

export const shippingFeesViewSchema = z.object({
  shopId: z.string(),
  /** True when the shop has its own table; false: `table` is the rules' example. */
  own: z.boolean(),
  table: shopFeeTableSchema,
  example: shopFeeTableSchema,
  /** The province names a group may list. */
  provinces: z.array(z.string()),
});
export type ShippingFeesView = z.infer<typeof shippingFeesViewSchema>;
