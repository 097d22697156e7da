import { describe, expect, it } from 'vitest';
import { inSegment, readSegment, segmentLabel } from './segment.js';

describe('follow-up segments (F4, M2)', () => {
  it('no segment or an empty one is every buyer', () => {
    expect(readSegment(null)).toBeNull();
    expect(readSegment({ tiers: [], tags: [] })).toBeNull();
    expect(readSegment({ tiers: 'vip' })).toBeNull();
    expect(inSegment(null, { tier: null, tags: [] })).toBe(true);
  });

  it('tiers and tags both have to match; none stands for below every tier', () => {
    const seg = readSegment({ tiers: ['vip', 'none'], tags: ['回头客'] })!;
    expect(inSegment(seg, { tier: 'vip', tags: ['回头客', '学生'] })).toBe(true);
    expect(inSegment(seg, { tier: null, tags: ['回头客'] })).toBe(true);
    expect(inSegment(seg, { tier: 'loyal', tags: ['回头客'] })).toBe(false);
    expect(inSegment(seg, { tier: 'vip', tags: ['学生'] })).toBe(false);
    const tiersOnly = readSegment({ tiers: ['vip'] })!;
    expect(inSegment(tiersOnly, { tier: 'vip', tags: [] })).toBe(true);
    expect(inSegment(tiersOnly, { tier: 'loyal', tags: [] })).toBe(false);
  });

  it('is described in Chinese', () => {
    expect(segmentLabel(readSegment({ tiers: ['vip', 'none'], tags: ['回头客'] }), (id) => (id === 'vip' ? 'VIP会员' : id))).toBe('会员等级：VIP会员、未达等级；标签：回头客');
    expect(segmentLabel(null, (x) => x)).toBe('全部买家');
  });
});
