// Issue 11, round 7: the concepts and operators added for the kinds that slipped (D1–D11), on the
// real guard and the real rules/*.yaml. Sentences written for this test (none from any blind set).
import { describe, expect, it } from 'vitest';
import { profileFor } from '../rules/load-profiles.js';
import { checkReply } from './check-reply.js';
import { compileGuard } from './compile.js';
import type { GuardContext } from './types.js';

const taobao = profileFor('taobao');
const pdd = profileFor('pdd');
const jd = profileFor('jd');
const ali = profileFor('aliexpress');
const { norm } = compileGuard(taobao.guard ?? (() => { throw new Error('no guard'); })());

const rulesOf = (text: string, p = taobao, ctx: GuardContext = {}): string[] => [...new Set(checkReply(text, p, ctx).violations.map((v) => v.rule))].sort();

describe('emoji substitutes in the views (D1, D2)', () => {
  it('a heart standing for 信 sounds as 信; a heart only decorating 信 disappears', () => {
    expect(norm.view('薇❤信').compact).toBe('微信');
    expect(norm.view('微❤️信').compact).toBe('微信');
    const v = norm.view('微❤转我');
    expect(v.compact).toBe('微心转我');
    expect(v.phon.slice(0, 2)).toBe(norm.view('微信').phon);
  });
  it('the red envelope, satellite and penguin read as their words', () => {
    expect(norm.view('发个🧧').compact).toBe('发个红包');
    expect(norm.view('🛰️信').compact).toBe('卫星信');
    expect(norm.view('🐧号').compact).toBe('企鹅号');
  });
  it('findings on the emoji forms', () => {
    expect(rulesOf('这单别在平台付了，微❤转我能便宜8块')).toContain('D1');
    expect(rulesOf('补的运费您直接发个🧧过来就行')).toContain('D1');
  });
});

describe('D1: payment outside the checkout without a channel word', () => {
  it.each([
    ['尾款不用在平台补拍了，私下给我们的业务员就行', ['D1']],
    ['钱直接转到我们老板卡上，收到马上发', ['D1']],
    ['审核太慢的话，我们线下退款给您', ['D1']],
  ])('%s → %j', (text, want) => {
    expect(rulesOf(text)).toEqual(expect.arrayContaining(want));
  });
  it('refunds back to the buyer’s own card stay compliant', () => {
    expect(rulesOf('退款已原路退回，银行卡到账慢一些，一般三个工作日')).toEqual([]);
  });
});

describe('D2 is platform-aware', () => {
  it('naming the platform the shop is on is no other platform', () => {
    expect(rulesOf('在拼多多搜我们的店铺名就能找到，就是这家店', pdd)).toEqual([]);
    expect(rulesOf('拼多多下单可以选微信支付', pdd)).toEqual([]);
  });
  it('sending the buyer to another platform is', () => {
    expect(rulesOf('去淘宝搜“青禾小铺”也是我们家，同款便宜5块', pdd)).toContain('D2');
    expect(rulesOf('我们在京东也有店，去京东买更便宜', taobao)).toContain('D2');
  });
  it('own channels off the platform are at least a 疑似', () => {
    const r = checkReply('我们官网款式更全，您可以去看看', jd);
    expect(r.violations.map((v) => v.rule)).toContain('D2');
  });
});

describe('D3 contempt without profanity', () => {
  it.each(['你这素质，真没法沟通', '对牛弹琴，说了也白说', 'Stop crying like a child over two dollars.'])('%s → D3', (text) => {
    expect(rulesOf(text, /[\u4e00-\u9fff]/.test(text) ? taobao : ali)).toContain('D3');
  });
});

describe('D4 and D5: the cost put on the buyer', () => {
  it('an invoice with the postage on the buyer is a condition; shop-paid postage is fine', () => {
    expect(rulesOf('发票能开，快递费您自己出')).toContain('D4');
    expect(rulesOf('发票能开，快递费我们承担')).toEqual([]);
  });
  it('free shipping withdrawn by a threshold or a surcharge; confirmed everywhere is fine', () => {
    const fs = { freeShipping: true };
    expect(rulesOf('满59才包邮，您这单要补5块运费', taobao, fs)).toContain('D5');
    expect(rulesOf('乡镇地址要额外收8块中转费', taobao, fs)).toContain('D5');
    expect(rulesOf('偏远地区也包邮，不需要再补运费', taobao, fs)).toEqual([]);
  });
});

describe('D7 closing by the shop’s own hand', () => {
  it('the shop closed it; the platform closing unpaid orders is fine', () => {
    expect(rulesOf('运费没补的单我先关单了，您补完再拍')).toContain('D7');
    expect(rulesOf('未付款的订单系统会自动关闭，您重新拍就可以')).toEqual([]);
  });
});

describe('D8 a promise withdrawn in the reply (疑似)', () => {
  it('withdrawing is a warning with a reason; keeping it is not', () => {
    const r = checkReply('之前答应送您的杯垫没货了，这次就不送了', taobao);
    const d8 = r.violations.find((v) => v.rule === 'D8');
    expect(d8?.severity).toBe('warn');
    expect(d8?.reason).toMatch(/^疑似/);
    expect(d8?.points).toBe(4);
    expect(rulesOf('之前答应送您的杯垫已经放进包裹了')).not.toContain('D8');
  });
  it('English too', () => {
    expect(rulesOf('Yesterday I said we pay the return postage, but now you have to pay it.', ali)).toContain('D8');
  });
});

describe('D9 rewards for a changed review or for what a review says', () => {
  it.each(['差评撤掉的话我私下补您20块', '追评写满20个字送您一包纸巾'])('%s → D9', (text) => {
    expect(rulesOf(text)).toContain('D9');
  });
  it('a perk for any review, whatever it says, stays allowed (R7)', () => {
    expect(rulesOf('写评价后可以领一张店铺券，好评差评都一样')).toEqual([]);
  });
});

describe('D10 blame and brush-offs, D11 absolute deadlines', () => {
  it.each([
    ['是您门牌号写错了才退回来的', 'D10'],
    ['我上面已经回答过了，您往上翻翻', 'D10'],
    ['后天到，一天都不会耽误', 'D11'],
    ['三天之内包到，到不了我负责', 'D11'],
  ])('%s → %s', (text, rule) => {
    expect(rulesOf(text)).toContain(rule);
  });
  it('the hedged form passes', () => {
    expect(rulesOf('预计后天左右到，具体以物流为准')).toEqual([]);
  });
});
