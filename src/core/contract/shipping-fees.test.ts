// O6: the checks a shop's 运费模板 must pass before it is saved, and that a stored table is
// computed by the same function as the rules' example.
import { describe, expect, it } from 'vitest';
import { shippingFee } from '../money/shipping-fee.js';
import { feeTableErrors, shopFeeTableSchema, storedFeeTable } from './shipping-fees.js';

const table = (regions: unknown[], extra: Record<string, unknown> = {}) =>
  shopFeeTableSchema.parse({ first_kg: 1, default: { first: 10, extra_per_kg: 3 }, regions, ...extra });

describe('fee table checks (O6)', () => {
  it('accepts a sound table, full province names included', () => {
    expect(feeTableErrors(table([{ provinces: ['广西壮族自治区', '上海市'], first: 12, extra_per_kg: null }]))).toEqual([]);
  });

  it('names an unknown province and a province in two groups', () => {
    const errors = feeTableErrors(table([
      { provinces: ['浙江', '江浙沪'], first: 5, extra_per_kg: 1 },
      { provinces: ['浙江省'], first: 6, extra_per_kg: 1 },
    ]));
    expect(errors.map((e) => [e.code, e.path])).toEqual([
      ['FEE_PROVINCE_UNKNOWN', 'regions.0.provinces'],
      ['FEE_PROVINCE_TWICE', 'regions.1.provinces'],
    ]);
    expect(errors[1]!.messageZh).toBe('「浙江」同时出现在第 1 组和第 2 组，一个省份只能属于一组');
  });

  it('bounds prices to 0–9999 yuan and first weights above 0', () => {
    const errors = feeTableErrors(table([{ provinces: ['北京'], first: 10000, first_kg: 0, extra_per_kg: -1 }], { first_kg: -1 }));
    expect(errors.map((e) => e.path)).toEqual(['first_kg', 'regions.0.first', 'regions.0.extra_per_kg', 'regions.0.first_kg']);
    expect(errors.every((e) => /[\u4e00-\u9fa5]/.test(e.messageZh))).toBe(true);
    expect(feeTableErrors(table([{ provinces: ['北京'], first: 9999, extra_per_kg: 0 }]))).toEqual([]);
  });

  it('allows at most 40 groups', () => {
    const regions = Array.from({ length: 41 }, (_, i) => ({ provinces: i === 0 ? ['北京'] : [], first: 1, extra_per_kg: 1 }));
    expect(feeTableErrors(table(regions)).map((e) => e.code)).toContain('FEE_TOO_MANY_GROUPS');
  });

  it('a stored table that no longer passes is ignored; a sound one computes the fee', () => {
    expect(storedFeeTable({ first_kg: 1, default: { first: 10, extra_per_kg: 3 }, regions: [{ provinces: ['火星'], first: 1, extra_per_kg: 1 }] })).toBeNull();
    expect(storedFeeTable(undefined)).toBeNull();
    const own = storedFeeTable({ first_kg: 1, default: { first: 8, extra_per_kg: 2 }, regions: [{ provinces: ['新疆'], first: 20, extra_per_kg: 9 }] })!;
    expect(shippingFee(own, '新疆维吾尔自治区', 2.2).fee).toBe(38); // 20 + ceil(1.2) × 9
    expect(shippingFee(own, '浙江', 1).fee).toBe(8);
  });
});
