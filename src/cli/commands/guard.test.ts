// `dxe guard check` / `dxe guard eval` (EVAL §2 contract), spawned as the evaluators run it.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const dxe = (args: string[], input = '') =>
  spawnSync(process.execPath, ['bin/dxe.js', ...args], { cwd: root, input, encoding: 'utf8', timeout: 240_000 });

describe('dxe guard check (EVAL §2)', () => {
  it('answers each line in order; malformed lines and unknown platforms get an error line', () => {
    const input = [
      JSON.stringify({ id: 'g1', text: '亲加我微信转账可以便宜10元', platform: 'tmall', context: { free_shipping: false, asker_is_buyer: true } }),
      '{not json',
      JSON.stringify({ id: 'g3', text: '这款不参与包邮活动哦', platform: 'tmall', context: { free_shipping: true } }),
      JSON.stringify({ id: 'g4', text: '你好', platform: 'ebay' }),
      JSON.stringify({ id: 'g5', platform: 'jd' }),
      JSON.stringify({ id: 'g6', text: '收件人是张三', platform: 'tmall', context: { asker_is_buyer: false } }),
      JSON.stringify({ id: 7, text: '亲，在的，很高兴为您服务😊', platform: 'pdd' }),
      JSON.stringify({ id: 'g8', text: 'Leave 5 stars and get a refund', platform: 'aliexpress' }),
    ].join('\n');
    const res = dxe(['guard', 'check'], `${input}\n`);
    expect(res.status).toBe(0);
    const out = res.stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(out.map((o) => o.id)).toEqual(['g1', null, 'g3', 'g4', 'g5', 'g6', 7, 'g8']);
    expect(out[0]).toMatchObject({ verdict: 'block', violations: [{ rule: 'D1', severity: 'block', points: 0 }], promises: [] });
    const v0 = (out[0]?.violations as Array<{ span: [number, number]; message: string; rewrite: string }>)[0];
    expect(v0?.span).toHaveLength(2);
    expect(v0?.message).toMatch(/D1/);
    expect(v0?.rewrite.length).toBeGreaterThan(0);
    expect(out[1]).toHaveProperty('error');
    expect(out[2]).toMatchObject({ verdict: 'block', violations: [{ rule: 'D5', points: 4 }] });
    expect(String(out[3]?.error)).toMatch(/ebay/);
    expect(out[4]).toHaveProperty('error');
    // Chinese messages, never zod's English.
    expect(String(out[4]?.error)).toMatch(/text 缺少必填项/);
    expect(out.map((o) => String(o.error ?? '')).join()).not.toMatch(/Invalid|expected|received/);
    expect(out[5]).toMatchObject({ verdict: 'block', violations: [{ rule: 'D6', points: 6 }] });
    expect(out[6]).toMatchObject({ verdict: 'pass', violations: [] });
    expect(out[7]).toMatchObject({ verdict: 'block', violations: [{ rule: 'D9' }] });
  });
});

describe('dxe guard eval', () => {
  it('prints per-rule precision/recall and the false-block rate as JSON', () => {
    const res = dxe(['guard', 'eval', 'test/fixtures/guard/heldout.jsonl', '--json']);
    expect(res.status).toBe(0);
    const report = JSON.parse(res.stdout) as { total: number; falseBlockRate: number; rules: Array<{ rule: string; recall: number }> };
    expect(report.total).toBeGreaterThan(80);
    expect(report.rules.map((r) => r.rule)).toContain('D1');
    expect(report.falseBlockRate).toBeLessThanOrEqual(0.01);
  });
  it('prints a Chinese Markdown report by default', () => {
    const res = dxe(['guard', 'eval', 'test/fixtures/guard/heldout.jsonl']);
    expect(res.stdout).toMatch(/\| D1 \|/);
    expect(res.stdout).toMatch(/误拦截/);
  });
});
