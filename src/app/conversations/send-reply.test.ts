// C4: long answers go out as several short messages, one line each; nothing is lost or reordered.
import { describe, expect, it } from 'vitest';
import { MAX_MESSAGE_CHARS, splitReply } from './send-reply.js';

describe('splitReply (C4)', () => {
  const cases: [string, string, number][] = [
    ['short reply stays one message', '亲，在的呢~', 1],
    ['each line is its own message', '亲，在的\n请问有什么可以帮您？', 2],
    ['blank lines are dropped', '第一行\n\n\n第二行', 2],
    ['long paragraph is cut at sentence ends', '这款是纯棉面料的，透气舒服，夏天穿也不闷热。尺码是标准码，您平时穿M码就选M码哦。今天下单还送小礼物，明天就能发货呢！', 3],
  ];
  it.each(cases)('%s', (_name, text, count) => {
    const parts = splitReply(text);
    expect(parts).toHaveLength(count);
    expect(parts.join('')).toBe(text.replace(/\n+/g, ''));
    for (const p of parts) expect([...p].length).toBeLessThanOrEqual(MAX_MESSAGE_CHARS);
  });

  it('a sentence without punctuation is wrapped hard, emoji kept whole', () => {
    const text = '😊'.repeat(10) + '好'.repeat(85);
    const parts = splitReply(text);
    expect(parts.join('')).toBe(text);
    for (const p of parts) expect([...p].length).toBeLessThanOrEqual(MAX_MESSAGE_CHARS);
  });

  it('cuts an overlong sentence at commas', () => {
    const text = '亲亲您好，这边帮您查询了一下物流信息，目前包裹已经到达您所在城市的转运中心，预计明天上午会派送到您手上，请您保持电话畅通哦。';
    const parts = splitReply(text);
    expect(parts.length).toBeGreaterThan(1);
    expect(parts.every((p) => /[，。]$/.test(p))).toBe(true);
    expect(parts.join('')).toBe(text);
  });

  it('whitespace-only text gives nothing to send', () => {
    expect(splitReply(' \n \t ')).toEqual([]);
  });
});
