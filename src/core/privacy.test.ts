import { describe, expect, it } from 'vitest';
import { maskAddress, maskName, maskPhone, maskPhonesInText } from './privacy.js';

describe('masking of personal data (Security, D6)', () => {
  it.each([
    ['浙江省杭州市西湖区文三路 100 号', '浙江省杭州市****'],
    ['北京市朝阳区建国路 88 号', '北京市****'],
    ['新疆维吾尔自治区乌鲁木齐市天山区', '新疆维吾尔自治区乌鲁木齐市****'],
    ['四川省甘孜藏族自治州康定县', '四川省甘孜藏族自治州****'],
    ['某小区', '某小区****'],
  ])('maskAddress(%s) = %s', (input, expected) => {
    expect(maskAddress(input)).toBe(expected);
  });

  it('masks phones, names and phones inside text', () => {
    expect(maskPhone('138-1234-5678')).toBe('138****5678');
    expect(maskPhone(null)).toBeNull();
    expect(maskName('张三丰')).toBe('张**');
    expect(maskPhonesInText('我的电话 138 1234 5678 谢谢')).toBe('我的电话 138****5678 谢谢');
    expect(maskPhonesInText('订单号 402133700000001234567')).toBe('订单号 402133700000001234567');
  });
});
