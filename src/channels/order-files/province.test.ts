import { describe, expect, it } from 'vitest';
import { provinceOf } from './province.js';

describe('province of an address (O2 import)', () => {
  it('gives province short names', () => {
    expect(provinceOf('吉林省 通化市 柳河县 ...(135300)')).toBe('吉林');
    expect(provinceOf('内蒙古自治区')).toBe('内蒙古');
    expect(provinceOf('广西壮族自治区 南宁市')).toBe('广西');
    expect(provinceOf('上海')).toBe('上海');
    expect(provinceOf('黑龙江省')).toBe('黑龙江');
    expect(provinceOf('火星')).toBeUndefined();
  });
});
