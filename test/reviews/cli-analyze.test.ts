// `dxe reviews analyze` (EVAL §5): one output line per input line, in order; bad lines get an
// error with a stable code and the run goes on.
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runAnalyze } from '../../src/cli/commands/reviews.js';

async function analyze(lines: string[]): Promise<Array<Record<string, unknown>>> {
  let out = '';
  await runAnalyze(Readable.from(lines.map((l) => `${l}\n`)), (s) => (out += s));
  return out
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}

describe('dxe reviews analyze', () => {
  it('answers every line in order, with the EVAL fields', async () => {
    const out = await analyze([
      JSON.stringify({ id: 'v1', text: '质量不错就是物流太慢', rating: 4, platform: 'taobao' }),
      JSON.stringify({ id: 'v2', text: 'Broke after one day. Cheap plastic.', platform: 'aliexpress' }),
      JSON.stringify({ id: 3, text: '很满意' }),
    ]);
    expect(out.map((o) => o.id)).toEqual(['v1', 'v2', 3]);
    expect(out[0]).toMatchObject({ sentiment: 'positive', causes: ['logistics'], flags: [] });
    expect(out[1]).toMatchObject({ sentiment: 'negative', causes: ['quality'] });
    for (const o of out) {
      expect(typeof o.score).toBe('number');
      expect(Array.isArray(o.causes) && Array.isArray(o.flags)).toBe(true);
    }
  });
  it('a malformed line gets an error object with a stable code, and the run goes on', async () => {
    const out = await analyze(['{oops', JSON.stringify({ id: 'a', text: 1 }), JSON.stringify({ id: 'b', text: '好', rating: 7 }), JSON.stringify({ id: 'c', text: '好' })]);
    expect(out).toHaveLength(4);
    expect(out[0]).toMatchObject({ id: null, code: 'MALFORMED_JSON' });
    expect(out[1]).toMatchObject({ id: 'a', code: 'VALIDATION_FAILED' });
    expect(out[2]).toMatchObject({ id: 'b', code: 'VALIDATION_FAILED' });
    expect(out[3]).toMatchObject({ id: 'c', sentiment: 'positive' });
    expect(typeof out[0]?.error).toBe('string');
  });
  it('blank lines are skipped, null rating and platform are accepted', async () => {
    const out = await analyze(['', JSON.stringify({ id: 'x', text: '差评，尺码偏小', rating: null, platform: null })]);
    expect(out).toEqual([expect.objectContaining({ id: 'x', sentiment: 'negative', causes: ['size'] })]);
  });
});
