import { describe, expect, it } from 'vitest';
import { assessInterest, isFiller, type TimedTurn } from './interest.js';

const t0 = Date.parse('2026-11-23T01:00:00Z');
/** Build a chat: [buyer text, minutes after the previous bot turn] pairs, a bot reply 1 min later. */
function chat(pairs: [string, number][]): TimedTurn[] {
  const out: TimedTurn[] = [];
  let clock = t0;
  for (const [text, gapMin] of pairs) {
    clock += gapMin * 60_000;
    out.push({ author: 'buyer', text, at: new Date(clock).toISOString() });
    clock += 60_000;
    out.push({ author: 'bot', text: '好的亲', at: new Date(clock).toISOString() });
  }
  return out.slice(0, -1); // the last buyer turn is the one being answered
}

describe('buyer interest (C15)', () => {
  it.each([['哦'], ['哦哦'], ['嗯。'], ['好吧～'], ['噢[微笑]'], ['ok']])('"%s" is a filler', (t) =>
    expect(isFiller(t)).toBe(true),
  );
  it.each([['哦这样，那M码呢'], ['好的谢谢'], ['嗯M码有吗']])('"%s" carries content', (t) =>
    expect(isFiller(t)).toBe(false),
  );

  it('an engaged buyer scores 1 and is not losing', () => {
    const s = assessInterest(
      chat([
        ['这款T恤是纯棉的吗', 0],
        ['M码和L码差多少', 1],
        ['白色和黑色哪个更显瘦呀', 1],
      ]),
    );
    expect(s).toMatchObject({ score: 1, losing: false, reasons: [] });
    expect(s.adviceZh).toBe('');
  });

  it('repeated 哦/嗯 means losing interest, with the reason for the agent', () => {
    const s = assessInterest(
      chat([
        ['这款有什么颜色', 0],
        ['哦', 1],
        ['嗯', 1],
      ]),
    );
    expect(s.losing).toBe(true);
    expect(s.reasons).toContain('filler_replies');
    expect(s.reasonZh).toContain('哦');
    expect(s.adviceZh).toMatch(/换个话题|角度/);
  });

  it('shorter replies and longer gaps together mean losing interest', () => {
    const s = assessInterest(
      chat([
        ['这款纯棉T恤夏天穿会不会热啊，透气吗', 0],
        ['那洗了会缩水吗', 1],
        ['M码呢', 4],
        ['贵', 15],
      ]),
    );
    expect(s.reasons).toEqual(expect.arrayContaining(['shorter_replies', 'longer_gaps']));
    expect(s.losing).toBe(true);
    expect(s.score).toBeLessThan(0.5);
  });

  it('one signal alone is shown but not yet a loss', () => {
    const s = assessInterest(
      chat([
        ['这款纯棉T恤夏天穿会不会热啊，透气吗', 0],
        ['那洗了会缩水吗', 1],
        ['M码呢', 1],
      ]),
    );
    expect(s.reasons).toEqual(['shorter_replies']);
    expect(s.losing).toBe(false);
    expect(s.score).toBe(0.7);
  });

  it('a slow but talkative buyer is not losing', () => {
    const s = assessInterest(
      chat([
        ['有什么颜色', 0],
        ['白色和黑色哪个好看', 5],
        ['我165cm 100斤穿M码可以吗，会不会太宽松', 20],
      ]),
    );
    expect(s.losing).toBe(false);
  });
});
