// M2: where each default tier figure comes from, as shown beside the 客户 settings.
import { describe, expect, it } from 'vitest';
import { defaultTierSources, sourceText } from './tiers.js';

describe('tier sources (M2)', () => {
  it('say 项目取值 once, even when the rules note starts with it', () => {
    for (const text of Object.values(defaultTierSources())) expect(text).not.toMatch(/项目取值：项目取值/);
    expect(sourceText(null, '项目取值：5 笔已付款订单')).toBe('项目取值：5 笔已付款订单');
    expect(sourceText('001', '老客')).toBe('种子 001：老客');
    expect(sourceText(null, null)).toBe('项目取值');
  });
});
