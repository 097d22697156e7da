import { mkdtempSync, readFileSync, writeFileSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DxeError } from '../errors.js';
import { refundMachine } from '../aftersales/refund-machine.js';
import { orderMachine } from '../orders/order-machine.js';
import { loadProfiles, profileFor, rulesDir } from './load-profiles.js';
import { deepMerge } from './merge.js';
import { PLATFORMS } from '../platforms.js';

function copyRules(): string {
  const dir = mkdtempSync(join(tmpdir(), 'dxe-rules-'));
  cpSync(rulesDir(), dir, { recursive: true });
  return dir;
}

function errorOf(fn: () => unknown): DxeError {
  try {
    fn();
  } catch (err) {
    if (err instanceof DxeError) return err;
    throw err;
  }
  throw new Error('expected a DxeError');
}

describe('rule profiles load (P1, P2)', () => {
  const profiles = loadProfiles();
  it.each(PLATFORMS)('%s loads, validates and builds its machines', (platform) => {
    const p = profiles[platform];
    expect(p.platform).toBe(platform);
    expect(() => orderMachine(p)).not.toThrow();
    expect(() => refundMachine(p)).not.toThrow();
    expect(p.late_shipment.source.req).toBeDefined();
  });
  it('states common figures once and lets a platform replace them (P2)', () => {
    expect(profiles.taobao.shipping.ship_by_hours).toBe(48);
    expect(profiles.tmall.shipping.ship_by_hours).toBe(72);
    expect(profiles.jd.shipping.ship_by_hours).toBe(48);
    // tmall restates nothing under complaints: it inherits common's
    expect(profiles.tmall.complaints).toEqual(profiles.taobao.complaints);
    expect(profiles.aliexpress.service.first_reply_seconds).toBe(86400);
    expect(profiles.aliexpress.service.pay_window_hours).toBe(480);
  });
  it('carries the Tmall late-shipment rule with its source (N1, seed 001)', () => {
    const t = profiles.tmall.late_shipment;
    expect([t.rate_pct, t.cap_yuan, t.paid_in]).toEqual([30, 500, 'tmall_points']);
    expect(t.source.seed).toBe('001');
  });
  it('records the seeds disagreeing on Taobao and defaults to seed 000 (N1)', () => {
    const t = profiles.taobao.late_shipment;
    expect([t.rate_pct, t.min_yuan, t.cap_yuan, t.points_if_unpaid_before_ruling]).toEqual([5, 1, 30, 3]);
    expect(t.source.seed).toBe('000');
    expect(t.alternatives[0]).toMatchObject({ rate_pct: 10, cap_yuan: 100, source: { seed: '001' } });
  });
  it('keeps D-rule points in penalties.by_rule (D4–D8, Tmall)', () => {
    const pts = Object.fromEntries(Object.entries(profiles.tmall.penalties.by_rule).map(([k, v]) => [k, v.points]));
    expect(pts).toEqual({ D4: 6, D5: 4, D6: 6, D7: 1, D8: 4 });
  });
  it('caches per directory', () => {
    expect(loadProfiles()).toBe(profiles);
  });
});

describe('shop overrides (P1)', () => {
  it('merge on top of the platform profile', () => {
    const p = profileFor('taobao', { late_shipment: { rate_pct: 10, cap_yuan: 100, min_yuan: 0 } });
    expect(p.late_shipment.rate_pct).toBe(10);
    expect(p.late_shipment.points_if_unpaid_before_ruling).toBe(3);
    expect(loadProfiles().taobao.late_shipment.rate_pct).toBe(5);
  });
  it('are rejected with the label, path and a Chinese reason', () => {
    const e = errorOf(() => profileFor('tmall', { shipping: { ship_by_hours: '三天' } }, undefined, 'shop-7.yaml'));
    expect(e.code).toBe('PROFILE_INVALID');
    expect(e.message).toContain('shop-7.yaml: shipping.ship_by_hours: 类型不对：应为数字');
  });
  it('the same overrides give the same (cached) profile', () => {
    const o = { reviews: { dedupe_days: 7 } };
    expect(profileFor('pdd', o)).toBe(profileFor('pdd', { reviews: { dedupe_days: 7 } }));
    expect(profileFor('pdd', o).reviews.dedupe_days).toBe(7);
  });
  it('may not change the platform (P3)', () => {
    expect(() => profileFor('tmall', { platform: 'jd' })).toThrow(/不能改变平台/);
  });
});

describe('deepMerge', () => {
  it('merges objects and replaces arrays and scalars', () => {
    expect(deepMerge({ a: { b: 1, c: [1, 2] }, d: 1 }, { a: { c: [3] }, d: 2 })).toEqual({ a: { b: 1, c: [3] }, d: 2 });
  });
});

describe('broken profiles are rejected naming file, path and reason', () => {
  it('a bad value in a platform file', () => {
    const dir = copyRules();
    const file = join(dir, 'tmall.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('rate_pct: 30', 'rate_pct: 300'));
    const e = errorOf(() => loadProfiles(dir));
    expect(e.code).toBe('PROFILE_INVALID');
    expect(e.message).toContain(`${file}: late_shipment.rate_pct: 数值或长度过大：至多为 100`);
  });
  it('a bad value inherited from common.yaml is blamed on common.yaml', () => {
    const dir = copyRules();
    const file = join(dir, 'common.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('dedupe_days: 14', 'dedupe_days: -1'));
    expect(errorOf(() => loadProfiles(dir)).message).toContain(`${file}: reviews.dedupe_days:`);
  });
  it('a YAML syntax error names the line', () => {
    const dir = copyRules();
    const file = join(dir, 'jd.yaml');
    writeFileSync(file, 'platform: jd\nprice_protection: [unclosed\n');
    expect(errorOf(() => loadProfiles(dir)).message).toMatch(new RegExp(`${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: 第 \\d+ 行第 \\d+ 列: YAML 语法错误`));
  });
  it('a misspelt key', () => {
    const dir = copyRules();
    const file = join(dir, 'pdd.yaml');
    writeFileSync(file, `${readFileSync(file, 'utf8')}\nreveiws: {}\n`);
    expect(errorOf(() => loadProfiles(dir)).message).toContain(`${file}: (顶层): 未知字段：reveiws`);
  });
  it('a machine with an unreachable state', () => {
    const dir = copyRules();
    const file = join(dir, 'aliexpress.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('[等待买家付款, 等待卖家发货, 运输中,', '[等待买家付款, 孤岛, 等待卖家发货, 运输中,'));
    expect(errorOf(() => loadProfiles(dir)).message).toContain(`${file}: orders.machine.states.1: 状态不可达: 孤岛`);
  });
  it('a profile without the reply guard does not load (B4, D1–D11)', () => {
    const dir = copyRules();
    const file = join(dir, 'common.yaml');
    const text = readFileSync(file, 'utf8');
    const start = text.indexOf('\nguard:');
    expect(start).toBeGreaterThan(0);
    // Cut the top-level guard section (up to the next top-level key or the end of the file).
    const rest = text.slice(start + 1);
    const next = rest.search(/\n[a-z_]+:/);
    writeFileSync(file, text.slice(0, start + 1) + (next < 0 ? '' : rest.slice(next + 1)));
    const e = errorOf(() => loadProfiles(dir));
    expect(e.code).toBe('PROFILE_INVALID');
    expect(e.message).toContain('guard');
  });
  it('a platform file whose platform does not match its name', () => {
    const dir = copyRules();
    writeFileSync(join(dir, 'pdd.yaml'), 'platform: jd\n');
    expect(errorOf(() => loadProfiles(dir)).message).toMatch(/pdd\.yaml: platform: 应为 "pdd"/);
  });
});

describe('every figure section names its source (P1)', () => {
  const sections = ['service', 'shipping', 'late_shipment', 'complaints', 'aftersales', 'reviews', 'price_protection', 'promises'] as const;
  it.each(PLATFORMS)('%s', (platform) => {
    const p = loadProfiles()[platform];
    for (const s of sections) {
      const src = p[s].source;
      expect(src.req, `${platform}.${s}`).toBeTruthy();
      expect(src.seed === null ? src.note : src.seed, `${platform}.${s}`).toBeTruthy();
    }
    for (const m of [p.orders.machine, p.refunds.machine, p.orders.fraud, p.orders.stock, p.refunds.rates, p.shipping.fee_table_example]) {
      expect(m.source.req).toBeTruthy();
    }
  });
});
