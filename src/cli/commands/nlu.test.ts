import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/** A spawned `dxe` may take long on a busy machine; the project's test timeout is the real limit. */
const SPAWN_TIMEOUT_MS = 240_000;

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const BIN = fileURLToPath(new URL('../../../bin/dxe.js', import.meta.url));

function dxe(args: string[], input = ''): { stdout: string; stderr: string; status: number | null } {
  const r = spawnSync(process.execPath, [BIN, ...args], { input, cwd: ROOT, encoding: 'utf8', timeout: SPAWN_TIMEOUT_MS });
  return { stdout: r.stdout, stderr: r.stderr, status: r.status };
}

describe('dxe nlu classify — EVAL.md §1 contract (B1)', () => {
  it('answers every line in input order, reports malformed lines and goes on, uses context', () => {
    const input = [
      JSON.stringify({ id: 'x1', text: '亲 这个什么时候能发货啊' }),
      '{"id": "bad", "text": ',
      JSON.stringify({ id: 'x2' }),
      JSON.stringify({ id: 7, text: '那L码呢?', context: ['这件黑色还有货吗'] }),
      '',
      JSON.stringify({ id: 'x3', text: '新疆包邮吗' }),
      JSON.stringify({ id: 'x4', text: '在吗', extra: 'ignored' }),
    ].join('\n');
    const r = dxe(['nlu', 'classify'], input + '\n');
    expect(r.status).toBe(0);
    const out = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(out.map((o) => o.id)).toEqual(['x1', null, 'x2', 7, 'x3', 'x4']);
    expect(out[0]).toMatchObject({ id: 'x1', intent: 'ship_time' });
    expect(typeof out[0]!.confidence).toBe('number');
    expect(out[0]!.confidence as number).toBeGreaterThan(0);
    expect(out[0]!.confidence as number).toBeLessThanOrEqual(1);
    expect(typeof out[1]!.error).toBe('string');
    expect(typeof out[2]!.error).toBe('string');
    expect(out[3]).toMatchObject({ id: 7, intent: 'stock' });
    expect(out[4]).toMatchObject({ id: 'x3', intent: 'shipping_fee' });
    expect(out[5]).toMatchObject({ id: 'x4', intent: 'greeting' });
  });

  it('keeps order on a large batch', () => {
    const texts = ['在吗', '包邮吗', '什么时候发货', '我要退货', '好的谢谢'];
    const lines = Array.from({ length: 3000 }, (_, i) => JSON.stringify({ id: `b${i}`, text: texts[i % 5] }));
    const r = dxe(['nlu', 'classify'], lines.join('\n'));
    const out = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as { id: string; intent: string });
    expect(out).toHaveLength(3000);
    expect(out.every((o, i) => o.id === `b${i}`)).toBe(true);
    expect(out.slice(0, 5).map((o) => o.intent)).toEqual(['greeting', 'shipping_fee', 'ship_time', 'return_exchange', 'thanks_bye']);
  });
});

describe('dxe nlu eval (B1)', () => {
  it('prints accuracy, macro-F1 and per-intent figures; --json is machine-readable', () => {
    const file = fileURLToPath(new URL('../../../test/fixtures/nlu/holdout.jsonl', import.meta.url));
    const text = dxe(['nlu', 'eval', file]);
    expect(text.status).toBe(0);
    expect(text.stdout).toMatch(/accuracy: \d+\.\d%/);
    expect(text.stdout).toMatch(/macro-F1: 0\.\d{3}|macro-F1: 1\.000/);
    const json = JSON.parse(dxe(['nlu', 'eval', file, '--json']).stdout) as { n: number; accuracy: number; perIntent: object };
    expect(json.n).toBe(104);
    expect(json.accuracy).toBeGreaterThan(0.85);
    expect(Object.keys(json.perIntent)).toHaveLength(26);
  });
});
