import { describe, expect, it } from 'vitest';
import { maskAddress, maskName, maskPersonalText, maskPhone, maskPhonesInText, personalDataMask } from './privacy.js';

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

  it.each([
    ['请改寄浙江省杭州市西湖区文三路100号3单元502室，电话13800138000', '请改寄浙江省杭州市****，电话138****8000'],
    ['送到北京市朝阳区建国路88号', '送到北京市****'],
    ['家里座机0571-88886666', '家里座机0571-****6666'],
    ['+8613912345678 收', '+86 139****5678 收'],
    ['订单号 402133700000001234567', '订单号 402133700000001234567'],
    ['麻烦发顺丰，尺码L，2件', '麻烦发顺丰，尺码L，2件'],
  ])('maskPersonalText(%s) = %s (issue 10 major 8)', (input, expected) => {
    expect(maskPersonalText(input)).toBe(expected);
  });

  it('personalDataMask: one decision per read model', () => {
    const agent = personalDataMask(false);
    const supervisor = personalDataMask(true);
    expect(agent.text('电话13800138000')).toBe('电话138****8000');
    expect(agent.text(null)).toBeNull();
    expect(agent.phone('13800138000')).toBe('138****8000');
    expect(supervisor.text('电话13800138000')).toBe('电话13800138000');
    expect(supervisor.address('浙江省杭州市西湖区')).toBe('浙江省杭州市西湖区');
  });
});
