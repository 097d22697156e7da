import { describe, expect, it } from 'vitest';
import { extractEntities } from './index.js';
import { parseChineseNumber } from './numbers.js';
import { normalizeText } from '../normalize.js';

const ent = (text: string, now?: Date) => extractEntities(normalizeText(text), now ? { now } : {});
const NOW = new Date('2026-11-23T04:00:00Z'); // Monday, Beijing noon

describe('entities (B2: order/logistics numbers, measurements, colours, regions)', () => {
  it.each([
    ['订单号 123456789012345678 查下', 'orderNos', ['123456789012345678']],
    ['1234567890123456789', 'orderNos', ['1234567890123456789']],
    ['京东订单 98765432101 到哪了', 'orderNos', ['98765432101']],
    ['拼多多 201123-123456789012345', 'orderNos', ['201123-123456789012345']],
    ['单号SF1234567890123', 'trackingNos', ['SF1234567890123']],
    ['yt1234567890123 到哪了', 'trackingNos', ['YT1234567890123']],
    ['JT0001234567890', 'trackingNos', ['JT0001234567890']],
    ['快递单号 75123456789012', 'trackingNos', ['75123456789012']],
    ['EA123456789CN', 'trackingNos', ['EA123456789CN']],
    ['电话13812345678', 'phones', ['13812345678']],
    ['我手机 138 1234 5678', 'phones', ['13812345678']],
    ['号码是138-1234-5678', 'phones', ['13812345678']],
    ['538872953711是纸皮核桃吗', 'itemRefs', ['538872953711']],
  ] as const)('%s → %s', (text, key, expected) => {
    expect(ent(text)[key]).toEqual(expected);
  });

  it.each([
    ['便宜十块吧', [10]],
    ['¥99.5', [99.5]],
    ['35元两个', [35]],
    ['三块五一斤', [3.5]],
    ['3块5', [3.5]],
    ['两百块', [200]],
    ['一百五十元', [150]],
    ['电话13812345678', []],
  ])('amounts %s → %j', (text, expected) => {
    expect(ent(text).amounts).toEqual(expected);
  });

  it.each([
    ['L码有吗', ['L']],
    ['xxl还有没有', ['2XL']],
    ['s m 哪个合适', ['S', 'M']],
    ['38码有货吗', ['38']],
    ['3xl和XL', ['3XL', 'XL']],
    ['165cm穿什么', []],
    ['ems可以吗', []],
  ])('sizes %s → %j', (text, expected) => {
    expect(ent(text).sizes).toEqual(expected);
  });

  it.each([
    ['165 100斤穿什么码', { heightCm: 165, weightJin: 100 }],
    ['身高170 体重60kg', { heightCm: 170, weightJin: 120 }],
    ['1米65 110斤', { heightCm: 165, weightJin: 110 }],
    ['一米六五', { heightCm: 165 }],
    ['1.72m 130斤', { heightCm: 172, weightJin: 130 }],
    ['腰围2尺1', { waistCm: 70 }],
    ['腰围72cm', { waistCm: 72 }],
    ['胸围88', { bustCm: 88 }],
    ['脚长24.5', { footLengthMm: 245 }],
    ['一斤多少钱', {}],
  ])('measurements %s → %j', (text, expected) => {
    expect(ent(text).measurements).toEqual(expected);
  });

  it('colours, regions, couriers', () => {
    const e = ent('新疆发顺丰吗 要酒红色和黑的 广西壮族自治区也发吗');
    expect(e.colours).toEqual(['酒红色', '黑色']);
    expect(e.regions).toEqual(['新疆', '广西']);
    expect(e.couriers).toEqual(['顺丰']);
    expect(ent('能用白条吗').colours).toEqual([]);
    expect(ent('京东快递还是中通').couriers).toEqual(['中通', '京东物流']);
  });

  it('dates resolve against now (Beijing calendar), else stay as written', () => {
    expect(ent('明天能到吗', NOW).dates).toEqual(['2026-11-24']);
    expect(ent('明天能到吗').dates).toEqual(['明天']);
    expect(ent('11月25日前能到吗', NOW).dates).toEqual(['2026-11-25']);
    expect(ent('下周五发货', NOW).dates).toEqual(['2026-12-04']);
    expect(ent('2026年1月3日买的').dates).toEqual(['2026-01-03']);
    expect(ent('5号能到吗', NOW).dates).toEqual(['2026-12-05']);
    expect(ent('25号能到吗', NOW).dates).toEqual(['2026-11-25']);
    expect(ent('穿38号的').dates).toEqual([]);
  });

  it('shop dictionary names become item refs', () => {
    const e = extractEntities(normalizeText('云南普洱饼还有吗'), { shopDictionary: ['云南普洱饼'] });
    expect(e.itemRefs).toEqual(['云南普洱饼']);
  });

  it.each([
    ['十', 10], ['十二', 12], ['二十五', 25], ['一百五', 150], ['一百零五', 105], ['两千三', 2300], ['三万', 30000],
  ])('chinese number %s = %d', (s, v) => {
    expect(parseChineseNumber(s)).toBe(v);
  });
});
