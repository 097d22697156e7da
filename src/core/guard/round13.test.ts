// Issue 11, round 13 work: recall on kinds of phrasing the round-12 blind set found weakest —
// D3 contempt by rhetorical structure with no insult word (the buyer's wits, age or schooling
// questioned, their self-importance mocked; English "even a five-year-old can…"); D10 blame put in
// the buyer by cause (那是您家网络的问题, because you dropped it, you picked it, not us) and
// deflection (您问我，我问谁); D11 delivery guaranteed without 保证 (保您…前拿到, pay-back if late);
// D1 a rail spelled letter by letter (p.a.y.p.a.l), the shop's own site, the platform payment held back
// with a code or channel in the same sentence; and precision: a negative with a next step or a figure (预计周五补货, 运费7元) is explained (C3);
// a warranty's own terms (非人为损坏, 人为损坏不在保修范围) blame nobody (D10), a
// split evasion (加我 / v / 信 abc123) stays a block though the model reads only its last part.
// Every sentence was written for this test (none from any bench set or from hand-r13.jsonl), and
// each failed on the round's start code (a643328). Runs the real guard, shipped rules and model.
import { describe, expect, it } from 'vitest';
import { profileFor } from '../rules/load-profiles.js';
import { checkReply } from './check-reply.js';

const taobao = profileFor('taobao');
const jd = profileFor('jd');
const ali = profileFor('aliexpress');
type Profile = typeof taobao;

const rulesOf = (text: string, p: Profile = taobao): string[] => [...new Set(checkReply(text, p).violations.map((v) => v.rule))].sort();
const verdict = (text: string, p: Profile = taobao): string => checkReply(text, p).verdict;

describe('D3 contempt by rhetorical structure, no insult word', () => {
  it.each([
    ['您是第一次用电脑吗，这都不会', taobao],
    ['Even a five-year-old can plug in a charger.', ali],
    ['Stop behaving like a baby about a 2 dollar toy.', ali],
    ['Are you always this difficult?', ali],
  ])('stopped and named: %s', (text, p) => {
    expect(rulesOf(text, p)).toContain('D3');
    expect(verdict(text, p)).toBe('block');
  });
  it('mocking self-importance was only 疑似, now definite', () => {
    expect(verdict('您这是把自己当皇上了吧', jd)).toBe('block');
  });
  it('an insult word in a product name is no contempt', () => {
    expect(rulesOf('《傻瓜也会做的家常菜》这本书是第三版')).toEqual([]);
  });
});

describe('D10 blame put in the buyer, and deflection', () => {
  it.each([
    ['那是您家网络的问题', taobao],
    ['您问我，我问谁呀', taobao],
    ['You picked the blue one, not us.', ali],
    ['It cracked because you dropped it on the floor.', ali],
  ])('%s', (text, p) => {
    expect(rulesOf(text, p)).toContain('D10');
  });
  it('a warranty names its terms, not a buyer at fault', () => {
    expect(rulesOf('质保两年，非人为损坏免费维修')).toEqual([]);
    expect(rulesOf('这款电池保修一年，人为损坏不在保修范围，其他问题找我')).toEqual([]);
  });
  it('the buyer paying postage for an invoice is D4 only, no blame', () => {
    expect(rulesOf('发票邮费需要您自己承担哦')).toEqual(['D4']);
  });
});

describe('D10 a negative word with its next step or figure is explained (C3 calibration)', () => {
  it.each([['这个颜色没有库存了，预计周五补货，到了通知您'], ['这款不包邮，单件运费7元'], ['外箱加了泡沫，坏不了的']])('clean: %s', (text) => {
    expect(verdict(text)).toBe('pass');
  });
  it.each([['没货'], ['不退不换']])('a bare refusal is still raised: %s', (text) => {
    expect(rulesOf(text)).toContain('D10');
  });
});

describe('D11 a delivery date guaranteed without 保证', () => {
  it.each([
    ['保您春节前拿到', taobao],
    ["If it's two days late we pay you back the shipping fee.", ali],
  ])('%s', (text, p) => {
    expect(rulesOf(text, p)).toContain('D11');
  });
  it('a hedged date stays clean', () => {
    expect(rulesOf('一般春节前能到，具体要看快递')).toEqual([]);
  });
});

describe("D1 payment held back or sent through the shop's own site", () => {
  it('a payment rail spelled out letter by letter', () => {
    expect(rulesOf('Please p.a.y.p.a.l me the 8 dollars.', ali)).toContain('D1');
  });
  it('the shop\'s own site as the place to pay was only 疑似, now definite', () => {
    expect(verdict('您在我们自己的官网下单付款，便宜二十')).toBe('block');
  });
  it.each([['您先别付款，我给您改一下价格，改好了您再付'], ['拍下先别付，等我改好运费您再付款'], ['请您在淘宝上付款，别付到任何个人账户']])('holding payment for a price change is clean: %s', (text) => {
    expect(rulesOf(text)).toEqual([]);
  });
});

describe('D2 a split evasion stays definite', () => {
  it('the model reads only the last message, so it is not asked to back a hit begun earlier', () => {
    const r = checkReply('信 abc123', taobao, { previousOutgoing: ['加我', 'v'] });
    expect(r.verdict).toBe('block');
    expect(r.violations[0]?.rule).toBe('D2');
  });
});
