import { describe, expect, it } from 'vitest';
import { loadProfiles } from '../rules/load-profiles.js';
import { PLATFORMS } from '../platforms.js';
import { descriptionMismatchPenalty, pointsForRule, removalRisk } from './penalty-points.js';

const profiles = loadProfiles();

describe('penalty points (N2, N3, N4, D4–D8)', () => {
  it.each([
    ['tmall', 'D4', 6],
    ['tmall', 'D5', 4],
    ['tmall', 'D6', 6],
    ['tmall', 'D7', 1],
    ['tmall', 'D8', 4],
    ['taobao', 'D8', 4],
    ['taobao', 'D4', 0],
    ['jd', 'D4', 0],
    ['tmall', 'D1', 0],
  ] as const)('%s %s → %d points', (platform, rule, points) => {
    expect(pointsForRule(profiles[platform], rule)).toBe(points);
  });
  it('the Taobao point table of seed 000 (N2)', () => {
    const t = profiles.taobao.penalties.table;
    expect([t.special_promise?.points, t.trade_promise?.points, t.late_or_price?.points]).toEqual([6, 4, 3]);
  });
  it('Tmall description mismatch escalates by count (N3)', () => {
    const p = profiles.tmall;
    expect(descriptionMismatchPenalty(p, 'material', 1)).toEqual({ points: 6, serious: false, action: '删除商品' });
    expect(descriptionMismatchPenalty(p, 'material', 2)?.points).toBe(12);
    expect(descriptionMismatchPenalty(p, 'material', 4)).toMatchObject({ points: 12, serious: true });
    expect(descriptionMismatchPenalty(p, 'flaw_affecting_use', 4)).toMatchObject({ points: 6, serious: false });
    expect(descriptionMismatchPenalty(p, 'flaw_affecting_use', 5)).toMatchObject({ points: 6, serious: true });
    expect(descriptionMismatchPenalty(p, 'flaw_not_affecting_use', 1)?.points).toBe(3);
    expect(descriptionMismatchPenalty(p, 'trivial', 1)?.points).toBe(0);
    expect(descriptionMismatchPenalty(profiles.taobao, 'material', 1)).toBeNull();
  });
  it('Tmall removes a shop at 48 serious points (N4)', () => {
    expect(removalRisk(profiles.tmall, 47)).toEqual({ threshold: 48, remaining: 1, removed: false });
    expect(removalRisk(profiles.tmall, 48)).toEqual({ threshold: 48, remaining: 0, removed: true });
    for (const p of PLATFORMS.filter((x) => x !== 'tmall')) expect(removalRisk(profiles[p], 100).threshold).toBeNull();
  });
});
