// Issue 11, round 8 work: concept kinds and innocent readings added after the development rounds
// r4–r7 (payment apps, WeChat euphemisms, sarcasm, regional surcharges, the shop cancelling an
// order, late-pay guarantees; pre-sales talk to a non-buyer, words that contain a forbidden one).
// Sentences written for this test (none from any bench set), on the real guard and rules/*.yaml.
import { describe, expect, it } from 'vitest';
import { profileFor } from '../rules/load-profiles.js';
import { checkReply } from './check-reply.js';
import type { GuardContext } from './types.js';

const taobao = profileFor('taobao');
const ali = profileFor('aliexpress');

const rulesOf = (text: string, p = taobao, ctx: GuardContext = {}): string[] => [...new Set(checkReply(text, p, ctx).violations.map((v) => v.rule))].sort();
const verdict = (text: string, p = taobao, ctx: GuardContext = {}): string => checkReply(text, p, ctx).verdict;

describe('kinds stopped by concept, not by phrase', () => {
  it.each([
    ['The card keeps failing? Just Venmo me the total and I ship it tonight.', ['D1'], ali, {}],
    ['Pay with an Apple gift card code here, it is simpler for you.', ['D1'], ali, {}],
    ['我们店长的绿泡泡是 hz_dian2020，找他拿内部价', ['D2'], taobao, {}],
    ['看不懂就算了，爱买不买', ['D3'], taobao, {}],
    ['这点小事也值得问？交智商税的人真多', ['D3'], taobao, {}],
    ['发票要等季度统一开，到时候再来找我', ['D4'], taobao, {}],
    ['云南贵州的亲要补8块运费哦', ['D5'], taobao, { freeShipping: true }],
    ['您妹妹那单我们已经发出了，明天就能签收', ['D6'], taobao, { askerIsBuyer: false }],
    ['库存不够，您那单被我们撤了，钱会原路退', ['D7'], taobao, {}],
    ['写好评时别提做工问题，我们退您10元', ['D9'], taobao, {}],
    ['周五前不到我把运费全退给您', ['D11'], taobao, {}],
  ] as const)('%s → %j', (text, expected, p, ctx) => {
    for (const rule of expected) expect(rulesOf(text, p, ctx)).toContain(rule);
  });
});

describe('look-alikes stay allowed', () => {
  it('product talk to an account that has not ordered is no privacy leak (D6)', () => {
    expect(verdict('这件风衣有卡其和藏青两个颜色，S到XL码都有货', taobao, { askerIsBuyer: false })).toBe('pass');
    expect(verdict('The coat comes in size S to XL, colour navy or camel.', ali, { askerIsBuyer: false })).toBe('pass');
    // …while the same words about someone's order still are.
    expect(rulesOf('她的订单拍的是藏青色XL码，已经发货了', taobao, { askerIsBuyer: false })).toContain('D6');
  });
  it('a word containing a forbidden one is not that word (D2, D3)', () => {
    expect(verdict('妈妈的生日礼物选这款丝巾很合适')).toBe('pass');
    expect(verdict('这个饭盒可以放微波炉加热，盖子要先拿掉')).toBe('pass');
  });
  it('the platform’s own payment features are no off-platform payment (D1)', () => {
    expect(verdict('可以用拼多多的好友代付功能，让家人帮您付', profileFor('pdd'))).toBe('pass');
    expect(verdict('付款页可以用红包抵扣，系统会自动计算')).toBe('pass');
  });
  it('the same service for every item is no invoice condition, nor a courier upgrade a freight charge (D4, D5)', () => {
    expect(verdict('特价商品也一样开发票，抬头随您填')).toBe('pass');
    expect(verdict('想发顺丰的话要补5元差价，默认快递是包邮的', taobao, { freeShipping: true })).toBe('pass');
    expect(verdict('西藏新疆也在包邮范围内，只是路上要久一点', taobao, { freeShipping: true })).toBe('pass');
  });
  it('disowning a review reward is no review reward (D9)', () => {
    expect(verdict('好评返现这种事平台是禁止的，我们店从来不做')).toBe('pass');
  });
});
