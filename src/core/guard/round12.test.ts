// Issue 11, round 12 work: a block needs confident evidence (a literal hit the learned layer does
// not back is shown as 疑似), and recall on the kinds the round-11 blind set found weakest — D8 a
// promise recalled in one sentence and taken back in the next; D10 curt whole replies; D3 English
// put-downs without a swear word; D2 numbers in English words or in pieces; D1 a transfer accepted
// in quotation marks, money sent to the seller's e-mail; D9 a bad review to change in one sentence
// and the reward in the next. Every sentence was written for this test (none from any bench set),
// each kind with innocent look-alikes. Runs the real guard, shipped rules and shipped model.
import { describe, expect, it } from 'vitest';
import { profileFor } from '../rules/load-profiles.js';
import { checkReply } from './check-reply.js';
import type { GuardContext } from './types.js';

const taobao = profileFor('taobao');
const ali = profileFor('aliexpress');

const rulesOf = (text: string, p = taobao, ctx: GuardContext = {}): string[] => [...new Set(checkReply(text, p, ctx).violations.map((v) => v.rule))].sort();
const verdict = (text: string, p = taobao, ctx: GuardContext = {}): string => checkReply(text, p, ctx).verdict;

describe('a block needs confident evidence (precision)', () => {
  it('a product that carries the words is at most 疑似, with the reason shown', () => {
    expect(verdict('这款收款码立牌是亚克力的，适合小店摆在收银台旁边')).not.toBe('block');
    expect(verdict('The idiot-proof plug only goes in one way, so anyone can install it.', ali)).not.toBe('block');
    expect(verdict('笨笨狗系列的贴纸一套有十二张')).not.toBe('block');
  });
  it('a plain violation still blocks', () => {
    expect(verdict('加我微信abc12345转账，便宜10块')).toBe('block');
    expect(verdict('Pay me by Western Union and I give you 15% off.', ali)).toBe('block');
  });
  it('D6 is about who asks: an order status told to another account still blocks', () => {
    expect(verdict('亲，这个订单已经付款成功了，正在安排发货', taobao, { askerIsBuyer: false })).toBe('block');
  });
});

describe('D8 a promise recalled, then taken back in a later sentence', () => {
  it.each([
    ['昨天答应给您送的那个收纳袋，我看了下库存。这次就不放了哈', taobao],
    ['之前说好周三前发货的。仓库那边排不过来，下周再看吧', taobao],
    ['前面我说的保价服务，查了一下这个商品不在范围内。抱歉不能保了', taobao],
    ['I promised you a free phone case with the order. Unfortunately we won\'t include it this time.', ali],
    ['My colleague confirmed a partial refund of $8. Sorry, we can only give $3.', ali],
  ])('%s', (text, p) => {
    const d8 = checkReply(text, p).violations.find((v) => v.rule === 'D8');
    expect(d8?.severity).toBe('warn');
    expect(d8?.reason).toMatch(/^疑似/);
  });
  it.each([
    ['昨天答应给您送的收纳袋已经放进去了，发货单上有备注', taobao],
    ['之前说好周三前发货，今天已经发出了，单号您在订单里能看到', taobao],
    ['As promised, the free phone case is in the box. Enjoy!', ali],
  ])('kept: %s', (text, p) => {
    expect(rulesOf(text, p)).not.toContain('D8');
  });
});

describe('D10 curt whole replies', () => {
  it.each([['查不到就算了'], ['就这样吧'], ['改不动了']])('%s', (text) => {
    expect(rulesOf(text)).toContain('D10');
  });
  it.each([['Nothing I can do.'], ['Already told you.'], ['Check it yourself.']])('%s', (text) => {
    expect(rulesOf(text, ali)).toContain('D10');
  });
  it('a short answer with a way forward is not curt', () => {
    expect(rulesOf('Not yet, it ships tomorrow morning.', ali)).not.toContain('D10');
    expect(rulesOf('没货了亲，这款预计下周三补货，到了第一时间通知您')).toEqual([]);
  });
  it('跟您 alone clears nobody: the blame that follows is still blame', () => {
    expect(rulesOf('跟您讲过了，是您自己没认真看')).toContain('D10');
  });
});

describe('D3 English put-downs without a swear word', () => {
  it.each([
    ['For $3 what did you expect, a diamond?'],
    ['You clearly have no idea what you are talking about.'],
    ['Nobody else complains about this lamp, only you.'],
  ])('%s', (text) => {
    expect(rulesOf(text, ali)).toContain('D3');
  });
  it('an insult word naming a product or a game rule is no insult', () => {
    expect(verdict('Loser pays is the house rule of this card game, the box has 4 decks.', ali)).not.toBe('block');
  });
});

describe('D2 a number in English words or in pieces', () => {
  it('spelled out', () => {
    expect(rulesOf('Call me at five five five, two one three, four four nine eight.', ali)).toContain('D2');
    expect(rulesOf('My WhatsApp is plus one, four one five, five five five, zero one nine two.', ali)).toContain('D2');
  });
  it('in pieces', () => {
    expect(rulesOf('My number ends with 4471, the first part is 202 555, call any time.', ali)).toContain('D2');
  });
  it('counts are not numbers', () => {
    expect(rulesOf('Five pieces in one pack, two packs in one box, nine colors available.', ali)).toEqual([]);
  });
});

describe('D1 without a channel word', () => {
  it('a quoted transfer the agent then accepts is the agent\'s word', () => {
    expect(rulesOf('您说的"转账"也行，我这边收到就发货')).toContain('D1');
    expect(rulesOf('有人让您"私下转账"的话千万别信，我们只在淘宝上交易')).not.toContain('D1');
  });
  it('money put with the shop\'s own people, or sent to an e-mail', () => {
    expect(rulesOf('您付到我们老板那里，他确认了我这边就发')).toContain('D1');
    expect(rulesOf('Just send the $20 difference to my email and I will upgrade the item.', ali)).toContain('D1');
    expect(rulesOf('The refund through AliExpress takes weeks; I can send you the money myself right now.', ali)).toContain('D1');
  });
});

describe('D9 the bad review in one sentence, the reward in the next', () => {
  it('flags it', () => {
    expect(rulesOf('那个差评能改一下吗？改了我给您退5块运费')).toContain('D9');
  });
  it('a review invitation with nothing for it stays clean', () => {
    expect(rulesOf('您有空的话可以评价一下，好不好都欢迎如实写')).toEqual([]);
  });
});
