import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

function dxe(args: string[], input = '', cwd = root) {
  const r = spawnSync(process.execPath, [join(root, 'bin/dxe.js'), ...args], { input, cwd, encoding: 'utf8', timeout: 240_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const PAID = '2024-05-01T10:00:00+08:00';
const table = {
  first_kg: 1,
  extra_weight_rounding: 'ceil_to_whole_kg',
  default: { first: 10, extra_per_kg: 3 },
  regions: [
    { provinces: ['山东', '广西'], first: 12, extra_per_kg: 3 },
    { provinces: ['内蒙古', '新疆'], first: 18, extra_per_kg: 8 },
  ],
};

describe('dxe rules eval (EVAL §3)', () => {
  const questions: [unknown, unknown][] = [
    [{ id: 'l1', kind: 'late_shipment', platform: 'tmall', paid_amount: 2000, paid_at: PAID, shipped_at: null, now: '2024-05-05T10:00:00+08:00' },
      { late: true, deadline: '2024-05-04T10:00:00+08:00', compensation: 500, points: 0 }],
    [{ id: 'l2', kind: 'late_shipment', platform: 'taobao', paid_amount: 100, paid_at: PAID, shipped_at: '2024-05-03T10:00:00+08:00', now: '2024-05-09T10:00:00+08:00' },
      { late: false, deadline: '2024-05-03T10:00:00+08:00', compensation: 0, points: 0 }],
    [{ id: 'l3', kind: 'late_shipment', platform: 'taobao', paid_amount: 10, paid_at: PAID, shipped_at: '2024-05-03T10:00:01+08:00', now: '2024-05-09T10:00:00+08:00' },
      { late: true, deadline: '2024-05-03T10:00:00+08:00', compensation: 1, points: 3 }],
    [{ id: 'l4', kind: 'late_shipment', platform: 'taobao', paid_amount: 100, paid_at: null, shipped_at: null, now: '2024-05-09T10:00:00+08:00' },
      { late: false, deadline: null, compensation: 0, points: 0 }],
    [{ id: 'l5', kind: 'late_shipment', platform: 'tmall', paid_amount: 100, paid_at: PAID, shipped_at: null, now: '2024-05-20T00:00:00+08:00', agreed_ship_by: '2024-05-20T00:00:00+08:00' },
      { late: false, deadline: '2024-05-20T00:00:00+08:00', compensation: 0, points: 0 }],
    [{ id: 7, kind: 'refund_transition', platform: 'tmall', state: '退款申请等待卖家确认中', event: 'seller_agree_refund' }, { ok: true, next: '退款成功' }],
    [{ id: 'f2', kind: 'refund_transition', platform: 'jd', state: '退款成功', event: 'buyer_cancel' }, { ok: false, next: null }],
    [{ id: 'c1', kind: 'credit', platform: 'taobao', reviews: [
      { buyer: 'a', item: 'x', rating: 'good', at: '2024-03-01T00:00:00+08:00' },
      { buyer: 'a', item: 'x', rating: 'good', at: '2024-03-05T00:00:00+08:00' },
      { buyer: 'b', item: 'x', rating: 'bad', at: '2024-03-05T00:00:00+08:00' },
    ] }, { credit: 0 }],
    [{ id: 'd1', kind: 'dsr', now: '2024-08-31T12:00:00+08:00', reviews: [
      { at: '2024-02-29T12:00:00+08:00', description: 5, service: 4, logistics: 3 },
      { at: '2024-02-29T11:59:59+08:00', description: 1, service: 1, logistics: 1 },
      { at: '2024-05-01T00:00:00+08:00', description: 4, service: 5, logistics: 4 },
    ] }, { description: 4.5, service: 4.5, logistics: 3.5 }],
    [{ id: 's1', kind: 'shipping_fee', table, province: '广西壮族自治区', weight_kg: 2.2 }, { fee: 18 }],
    [{ id: 's2', kind: 'shipping_fee', table, province: '新疆维吾尔自治区', weight_kg: 1 }, { fee: 18 }],
    [{ id: 's3', kind: 'shipping_fee', table, province: '上海市', weight_kg: 3 }, { fee: 16 }],
    [{ id: 'p1', kind: 'price_protection', platform: 'tmall', paid: 100, red_packets: 10, new_price: 80, shop_coupon: 5, claims_so_far: 0 }, { refund: 25, allowed: true }],
    [{ id: 'p2', kind: 'price_protection', platform: 'tmall', paid: 100, red_packets: 10, new_price: 80, shop_coupon: 5, claims_so_far: 1 }, { refund: 0, allowed: false }],
    [{ id: 'p3', kind: 'price_protection', platform: 'jd', paid: 100, red_packets: 10, new_price: 80, shop_coupon: 5, claims_so_far: 4 }, { refund: 20, allowed: true }],
  ];

  it('answers every kind, one line each, in input order, and goes on after malformed lines', () => {
    const lines = questions.map(([q]) => JSON.stringify(q));
    lines.splice(3, 0, '{"id": "bad1", "kind": "late_shipment", ');
    lines.splice(6, 0, JSON.stringify({ id: 'bad2', kind: 'late_shipment', platform: 'ebay', paid_amount: 1, paid_at: null, now: PAID }));
    lines.splice(8, 0, JSON.stringify({ id: 'bad3', kind: 'horoscope' }));
    lines.splice(9, 0, JSON.stringify({ id: 'bad4', kind: 'late_shipment', platform: 'tmall', paid_amount: 1, paid_at: 'tomorrow', now: PAID }));
    const r = dxe(['rules', 'eval'], `${lines.join('\n')}\n`);
    expect(r.code).toBe(0);
    const out = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as { id: unknown; result?: unknown; error?: string });
    expect(out).toHaveLength(lines.length);
    const errors = out.filter((o) => o.error !== undefined);
    expect(errors.map((o) => o.id)).toEqual(['bad1', 'bad2', 'bad3', 'bad4']);
    for (const e of errors) expect(e.error).toMatch(/[\u4e00-\u9fff]/);
    const answers = out.filter((o) => o.error === undefined);
    expect(answers.map((o) => o.id)).toEqual(questions.map(([q]) => (q as { id: unknown }).id));
    answers.forEach((o, i) => expect(o.result).toEqual(questions[i]?.[1]));
  });

  it('a line that is not JSON at all gets id null', () => {
    const r = dxe(['rules', 'eval'], 'hello\n');
    expect(JSON.parse(r.stdout.trim())).toMatchObject({ id: null, error: expect.any(String) });
  });
});

describe('dxe rules show (P1)', () => {
  it('prints the merged Tmall profile as YAML with the late-shipment rule and its source', () => {
    const r = dxe(['rules', 'show', 'tmall'], '', tmpdir());
    expect(r.code).toBe(0);
    const doc = parse(r.stdout) as { shipping: { ship_by_hours: number }; late_shipment: { rate_pct: number; cap_yuan: number; source: { req: string; seed: string } } };
    expect(doc.shipping.ship_by_hours).toBe(72);
    expect(doc.late_shipment).toMatchObject({ rate_pct: 30, cap_yuan: 500, source: { req: 'N1', seed: '001' } });
  });
  it('--json, and --overrides from a file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dxe-ovr-'));
    const file = join(dir, 'shop.yaml');
    writeFileSync(file, 'late_shipment:\n  rate_pct: 10\n  min_yuan: 0\n  cap_yuan: 100\n');
    const r = dxe(['rules', 'show', 'taobao', '--json', '--overrides', file]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ platform: 'taobao', late_shipment: { rate_pct: 10, cap_yuan: 100, points_if_unpaid_before_ruling: 3 } });
  });
  it('a bad override names the file and path', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dxe-ovr-'));
    const file = join(dir, 'shop.yaml');
    writeFileSync(file, 'reviews:\n  dedupe_days: 两周\n');
    const r = dxe(['rules', 'show', 'taobao', '--overrides', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${file}: reviews.dedupe_days: 类型不对`);
  });
  it('an unknown platform is a Chinese error with exit code 2', () => {
    const r = dxe(['rules', 'show', 'ebay']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('未知平台');
  });
});
