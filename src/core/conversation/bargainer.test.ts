import { describe, expect, it } from 'vitest';
import { classifyBargainer } from './bargainer.js';

const b = (text: string) => ({ author: 'buyer' as const, text, intent: 'bargain' });
const other = (text: string) => ({ author: 'buyer' as const, text, intent: 'stock' });

describe('bargainer classification (C7)', () => {
  const cases: [string, ReturnType<typeof b>[], string, number][] = [
    ['no bargaining', [other('有货吗')], 'none', 0],
    ['a single plain ask says little yet', [b('能便宜点吗')], 'none', 1],
    ['asking twice is a habit', [b('能便宜点吗'), b('最低多少')], 'habitual', 2],
    ['lowest price and comparisons in one go', [b('最低多少，别家便宜点')], 'habitual', 1],
    ['wants a token of goodwill', [b('老顾客了，送点小礼物呗')], 'wants_win', 1],
    ['rounding down is about winning', [b('便宜点'), b('抹个零头嘛')], 'wants_win', 2],
  ];
  it.each(cases)('%s', (_n, turns, kind, n) => {
    const p = classifyBargainer(turns);
    expect(p.kind).toBe(kind);
    expect(p.bargainTurns).toBe(n);
    if (kind !== 'none') expect(p.reasonZh.length).toBeGreaterThan(5);
  });

  it('only the buyer’s bargaining turns count', () => {
    const p = classifyBargainer([{ author: 'bot', text: '最低价了哦', intent: 'bargain' }, b('便宜点')]);
    expect(p.bargainTurns).toBe(1);
  });
});
