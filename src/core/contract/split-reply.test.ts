// C4: long answers go out as several short messages, one line each; nothing is lost or reordered.
import { describe, expect, it } from 'vitest';
import { MAX_MESSAGE_CHARS, splitReply } from './split-reply.js';

describe('splitReply (C4)', () => {
  const cases: [string, string, number][] = [
    ['short reply stays one message', '亲，在的呢~', 1],
    ['each line is its own message', '亲，在的\n请问有什么可以帮您？', 2],
    ['blank lines and Windows line ends are dropped', '第一行\r\n\r\n\n第二行', 2],
    ['long paragraph is cut at sentence ends', '这款是纯棉面料的，透气舒服，夏天穿也不闷热。尺码是标准码，您平时穿M码就选M码哦。今天下单还送小礼物，明天就能发货呢！', 3],
  ];
  it.each(cases)('%s', (_name, text, count) => {
    const parts = splitReply(text);
    expect(parts).toHaveLength(count);
    expect(parts.join('')).toBe(text.replace(/[\r\n]+/g, ''));
    for (const p of parts) expect([...p].length).toBeLessThanOrEqual(MAX_MESSAGE_CHARS);
  });

  it('a sentence without punctuation is wrapped hard, emoji kept whole', () => {
    const text = '😊'.repeat(10) + '好'.repeat(85);
    const parts = splitReply(text);
    expect(parts).toEqual(['😊'.repeat(10) + '好'.repeat(30), '好'.repeat(40), '好'.repeat(15)]);
  });

  it('cuts an overlong sentence at commas, packing pieces up to the limit', () => {
    const text = '亲亲您好，这边帮您查询了一下物流信息，目前包裹已经到达您所在城市的转运中心，预计明天上午会派送到您手上，请您保持电话畅通哦。';
    const parts = splitReply(text);
    expect(parts.length).toBeGreaterThan(1);
    expect(parts.every((p) => /[，。]$/.test(p))).toBe(true);
    expect(parts.join('')).toBe(text);
  });

  it('a short fragment such as 好的。 joins its neighbour instead of going alone', () => {
    const text = '好的。这边已经帮您备注了尽快发货，仓库今天下午统一安排出库，请您耐心等待一下哦，有问题随时联系我。';
    const parts = splitReply(text);
    expect(parts[0]?.startsWith('好的。')).toBe(true);
    expect(parts.every((p) => [...p].length >= 6)).toBe(true);
    expect(parts.join('')).toBe(text);
  });

  it('a smaller limit may be given', () => {
    expect(splitReply('一二三四五。六七八九十。', 6)).toEqual(['一二三四五。', '六七八九十。']);
    expect(splitReply('一二三四五。六七八九十。')).toEqual(['一二三四五。六七八九十。']);
  });

  it('whitespace-only text gives nothing to send', () => {
    expect(splitReply(' \n \t ')).toEqual([]);
  });
});
