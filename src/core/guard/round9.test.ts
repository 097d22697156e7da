// Issue 11, round 9 work: the kinds that still slipped after round 8 — payment with no channel word
// (a code in the avatar, 付款私聊, a handle next to a transfer, country payment rails), contempt
// without profanity, blame by timing, bare refusals, absolute delivery and "money back if late",
// withdrawn promises, the shop closing an order; and the look-alikes that were blocked (quoted
// words, products carrying the words, fashion labels, a cost the shop bears, the buyer's own
// request). Sentences written for this test (none from any bench set), on the real guard and rules.
import { describe, expect, it } from 'vitest';
import { profileFor } from '../rules/load-profiles.js';
import { checkReply } from './check-reply.js';
import type { GuardContext } from './types.js';

const taobao = profileFor('taobao');
const pdd = profileFor('pdd');
const ali = profileFor('aliexpress');

const rulesOf = (text: string, p = taobao, ctx: GuardContext = {}): string[] => [...new Set(checkReply(text, p, ctx).violations.map((v) => v.rule))].sort();
const verdict = (text: string, p = taobao, ctx: GuardContext = {}): string => checkReply(text, p, ctx).verdict;

describe('D1 off-platform payment without the obvious words', () => {
  it.each([
    ['亲，主页那张码扫了就能付，付完发个截图', taobao],
    ['頭像裡的碼掃一下付款就好', taobao],
    ['这单付 款 私 聊哦，平台拍要贵一点', taobao],
    ['➕V：dian_8866，转账给您便宜十块', pdd],
    ['尾款您直接给我就可以，不用再拍链接了', taobao],
    ['钱付给我们老板个人就行，他收到马上安排', taobao],
    ['平台要扣我们5个点，您直接转过来我少收15', taobao],
    ['You can settle it with Bizum, quicker than the AliExpress checkout.', ali],
    ['Skip the AliExpress checkout and transfer the money to me directly.', ali],
  ] as const)('%s', (text, p) => {
    expect(rulesOf(text, p)).toContain('D1');
    expect(verdict(text, p)).toBe('block');
  });
});

describe('D3 contempt without profanity', () => {
  it.each([
    '人家买的都好好的，就您事儿多',
    '您这样的客户我们见多了',
    '您可真是大聪明，图上写着呢',
    '退退退，一天到晚就知道退',
    '您自己不会百度一下吗',
    'Nobody forced you to order it.',
    'I am not your babysitter, figure it out.',
  ])('%s', (text) => {
    expect(rulesOf(text, /[\u4e00-\u9fff]/.test(text) ? taobao : ali)).toContain('D3');
  });
});

describe('D10 blame by timing and bare refusals', () => {
  it.each([
    ['您下单前又不量尺寸，现在说小了', taobao],
    ['您要是早点备注，就不会发错了', taobao],
    ['是您签收前没验货，现在不好处理', taobao],
    ["You didn't measure your foot, so that's on you.", ali],
    ['You should have checked the size chart first.', ali],
    ['换不了', taobao],
    ['没办法', taobao],
    ['???', taobao],
    ['Nah.', ali],
  ] as const)('%s', (text, p) => {
    const r = checkReply(text, p);
    expect(r.violations.map((v) => v.rule)).toContain('D10');
    // The polite form replaces the blaming or bare words.
    expect(r.violations.find((v) => v.rule === 'D10')?.rewrite.length ?? 0).toBeGreaterThan(0);
  });
});

describe('D11 absolute arrival and D8 withdrawn promises', () => {
  it.each([
    ['下周一铁定送上门，放心', taobao],
    ['明天上午肯定给您送到家', taobao],
    ['It will 100% be with you by Monday.', ali],
    ["If it doesn't arrive by the 20th, I'll refund you everything.", ali],
  ] as const)('D11: %s', (text, p) => {
    expect(rulesOf(text, p)).toContain('D11');
  });
  it.each([
    ['之前讲好的赠品没货了，这次就不送了', taobao],
    ['上午说运费我们出，老板不同意，还是得您自己付', taobao],
    ['说好的顺丰发不了，改发韵达了', taobao],
    ['I know I said DHL, but it will go by standard shipping now.', ali],
  ] as const)('D8: %s', (text, p) => {
    const r = checkReply(text, p);
    expect(r.violations.map((v) => v.rule)).toContain('D8');
  });
});

describe('D7 the shop closing an order', () => {
  it.each([
    ['我这边先给您取消了，等到货您再拍', taobao],
    ['订单我直接点了缺货退款', taobao],
    ['Order closed by us, please buy from the new link.', ali],
  ] as const)('%s', (text, p) => {
    expect(rulesOf(text, p)).toContain('D7');
  });
  it('the buyer’s own request is no D7', () => {
    expect(verdict('按您刚才的要求，这单我帮您关掉了，钱原路退回')).not.toBe('block');
    expect(verdict('As you asked, I cancelled the order; the refund goes back to your card.', ali)).not.toBe('block');
  });
});

describe('look-alikes stay unblocked', () => {
  it.each([
    ['您说“加个微信便宜点”，这个真不行哈，价格都在平台上', taobao],
    ['T恤印的是“别烦我”三个字，年轻人很喜欢', taobao],
    ['收款码支架是亚克力的，放在收银台很稳', taobao],
    ['这款扫码枪支持微信支付宝付款码', taobao],
    ['抖音同款我们也有，还多两个颜色', taobao],
    ['税点我们承担，开票不会让您多付一分钱', taobao],
    ['如果有人以客服的名义加您QQ，千万别信', taobao],
    ['I know how annoying a late parcel is, I will chase the courier now.', ali],
    ['You can pay at checkout with PayPal or Klarna, whatever AliExpress offers you.', ali],
    ['I have added your note "no invoice in the box" to the order.', ali],
  ] as const)('%s', (text, p) => {
    expect(verdict(text, p)).not.toBe('block');
  });
  it('free shipping confirmed for townships is no exception (D5)', () => {
    expect(verdict('这款包邮的，乡镇也能送到，就是要去驿站取', taobao, { freeShipping: true })).not.toBe('block');
  });
  it('…while the same words used to violate still are', () => {
    expect(rulesOf('开票要加税点，运费我们承担', profileFor('tmall'))).toContain('D4');
    expect(rulesOf('抖音搜我们店名，那边便宜20')).toContain('D2');
    expect(rulesOf('For a quicker refund I can send it by PayPal instead of through AliExpress.', ali)).toContain('D1');
  });
});
