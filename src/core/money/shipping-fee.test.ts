import { describe, expect, it } from 'vitest';
import { loadProfiles } from '../rules/load-profiles.js';
import { provinceShortName } from './province.js';
import { shippingFee } from './shipping-fee.js';

const table = loadProfiles().taobao.shipping.fee_table_example;

describe('shipping fee table of seed 004 (O6)', () => {
  // [province as written, weight kg, fee]
  const cases: [string, number, number][] = [
    ['浙江省', 1, 10],
    ['浙江', 0.3, 10],
    ['江苏省', 1.01, 13],
    ['北京市', 3, 16],
    ['山东省', 1, 12],
    ['广西壮族自治区', 2.2, 18],
    ['重庆市', 2, 15],
    ['黑龙江省', 1.5, 20],
    ['辽宁', 3, 25],
    ['内蒙古自治区', 2, 26],
    ['新疆维吾尔自治区', 3.5, 42],
    ['宁夏回族自治区', 1, 18],
    ['西藏自治区', 0, 18],
    ['香港特别行政区', 0.5, 30],
    ['台湾', 0.2, 30],
    ['上海市', 0, 10],
  ];
  it.each(cases)('%s %d kg → ¥%d', (province, kg, fee) => {
    expect(shippingFee(table, province, kg).fee).toBe(fee);
  });
  it('whole-kg rounding is done in grams: 2.2 − 1 is 2 extra kg, 2.0 − 1 is 1', () => {
    const t = { first_kg: 1, extra_weight_rounding: 'ceil_to_whole_kg' as const, default: { first: 10, extra_per_kg: 3 }, regions: [] };
    expect(shippingFee(t, '浙江', 2).fee).toBe(13);
    expect(shippingFee(t, '浙江', 2.2).fee).toBe(16);
    expect(shippingFee(t, '浙江', 1.3).fee).toBe(13);
  });
  it('half-kg rounding charges half the per-kg price per half kg', () => {
    const t = { first_kg: 1, extra_weight_rounding: 'ceil_to_half_kg' as const, default: { first: 10, extra_per_kg: 3 }, regions: [] };
    expect(shippingFee(t, '浙江', 1.2).fee).toBe(11.5);
  });
  it('a region without an extra-weight price cannot be charged past its first weight', () => {
    expect(() => shippingFee(table, '香港', 1)).toThrow(/续重/);
  });
});

describe('province short names', () => {
  it.each([
    ['广西壮族自治区', '广西'],
    ['内蒙古自治区', '内蒙古'],
    ['新疆维吾尔自治区', '新疆'],
    ['宁夏回族自治区', '宁夏'],
    ['上海市', '上海'],
    ['黑龙江省', '黑龙江'],
    ['陕西省', '陕西'],
    ['山西省', '山西'],
    ['香港特别行政区', '香港'],
    ['内蒙', '内蒙古'],
    [' 浙江 ', '浙江'],
  ])('%s → %s', (full, short) => {
    expect(provinceShortName(full)).toBe(short);
  });
});
