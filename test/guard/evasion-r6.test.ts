// Issue 11, round 6: the kinds of evasion that slipped past the guard, one test per kind, on our
// own sentences (not the blind sets'): each violating sentence is stopped for its rule, and the
// innocent look-alike next to it (the same words used honestly) is not blocked.
import { describe, expect, it } from 'vitest';
import { checkReply, type GuardContext } from '../../src/core/guard/index.js';
import { profileFor } from '../../src/core/rules/load-profiles.js';
import type { Platform } from '../../src/core/platforms.js';

function rulesOf(text: string, platform: Platform = 'taobao', ctx: GuardContext = {}): string[] {
  return [...new Set(checkReply(text, profileFor(platform), ctx).violations.map((v) => v.rule))];
}
const verdict = (text: string, platform: Platform = 'taobao', ctx: GuardContext = {}) => checkReply(text, profileFor(platform), ctx).verdict;

const KINDS: Array<{ kind: string; rule: string; ctx?: GuardContext; platform?: Platform; bad: string[]; innocent: string[] }> = [
  {
    kind: 'off-platform payment with no channel word (pay me in person, 私聊付款, 线下结)',
    rule: 'D1',
    bad: ['亲您先把钱给我，我这边再安排发货', '付款这块私聊付款吧，到了就发', '这批货咱们线下结，给您少算点', '拍下先不用付，钱转我就行'],
    innocent: ['付款请在平台完成，系统会自动通知我们发货', '拼多多支付时可以选微信，都是平台收款'],
  },
  {
    kind: 'QR code in the avatar or a picture',
    rule: 'D1',
    bad: ['扫一下我头像上的二维码付款，付完截图', '图片里的收款码扫了就能付'],
    innocent: ['包装上的二维码扫了可以看安装视频', '扫码关注店铺领5元券，在平台下单时抵扣'],
  },
  {
    kind: 'refund paid outside the platform, to be quicker',
    rule: 'D1',
    bad: ['差价我这边用支付宝直接退您，不用申请售后', '退款我们这边直接发您红包，不用走流程了'],
    innocent: ['退款会原路退回您的支付宝，1-3个工作日到账', '差价请走平台的价保申请，审核后自动到账'],
  },
  {
    kind: 'reward for a review in any form (gift, next-time discount, money for changing a review, pinyin)',
    rule: 'D9',
    bad: ['晒图好评的亲下次下单立减五元', '中评改成好评的话给您退一半运费', 'haoping fanxian 八元，截图给客服', '给个五星，有小惊喜送您'],
    innocent: ['感谢您的五星好评，欢迎下次光临', '评价的时候可以上传买家秀，给其他买家参考'],
  },
  {
    kind: 'contempt without profanity',
    rule: 'D3',
    bad: ['嫌慢就别网购了', '你眼睛是摆设吗，尺码表就在上面', '随你便，不差你这一单', '这点常识都没有吗'],
    innocent: ['这款很划算，几块钱就能买到', '这个问题很多买家问过，我再给您详细说一下'],
  },
  {
    kind: 'phone number in pieces and another app "search for it"',
    rule: 'D2',
    bad: ['尾号是3344，前面是186 5566，急事打我', '去抖店搜木子生活馆，那边有现货'],
    innocent: ['快递单号是YT1234567890123，订单页面可以查', '我们在抖音没有开店，请认准本店'],
  },
  {
    kind: 'invoice refused by condition or in shorthand (发漂)',
    rule: 'D4',
    bad: ['发漂要按原价才能开', '开票的话自己付快递费', '这个价是不含票的，含票要加钱'],
    innocent: ['发票随货寄出，个人公司抬头都可以，邮费我们出', '电子发票发货后发到您邮箱，特价款也能开'],
  },
  {
    kind: 'free shipping withdrawn by region or special item, extra freight link',
    rule: 'D5',
    ctx: { freeShipping: true },
    bad: ['您那个地址我们包不了邮', '甘肃要多加10块快递费', '特价款运费自理哦'],
    innocent: ['新疆西藏也一样包邮，就是慢一点', '港澳台和海外不在包邮范围，大陆都包邮'],
  },
  {
    kind: "another person's order details to an account that did not order",
    rule: 'D6',
    ctx: { askerIsBuyer: false },
    bad: ['她拍的是白色S码，昨天发出了', '这单收件人姓王，寄到杭州市西湖区的'],
    innocent: ['为了保护隐私，请让下单的朋友用他自己的账号来问'],
  },
  {
    kind: 'delivery guarantee without 保证, or money back if late',
    rule: 'D11',
    bad: ['后天必达，放心', '三天到不了您找我', '周末前到不了我全额退款'],
    innocent: ['一般3天左右到，具体以物流为准', '我们尽量今天发出，到货时间看快递'],
  },
];

describe('issue 11 round 6: kinds of evasion', () => {
  for (const k of KINDS) {
    it(`${k.rule} ${k.kind}`, () => {
      for (const text of k.bad) expect(rulesOf(text, k.platform, k.ctx), text).toContain(k.rule);
      for (const text of k.innocent) expect(verdict(text, k.platform, k.ctx), text).not.toBe('block');
    });
  }

  it('D3 contempt in words no lexicon lists is raised as 疑似 by the learned layer, never blocked on its word alone', () => {
    for (const text of ['就你这样的，哪家店都不想接', '问那么多干什么，要买就买']) {
      const r = checkReply(text, profileFor('taobao'));
      const d3 = r.violations.find((v) => v.rule === 'D3');
      expect(d3, text).toBeDefined();
      expect(d3?.suspected).toBe(true);
      expect(d3?.severity).toBe('warn');
      expect(d3?.reason).toContain('疑似');
    }
    // An ordinary reply with the same shape is not flagged.
    expect(verdict('这款卖得很好，好多回头客')).toBe('pass');
    expect(verdict('Sorry, this one is sold out, but we have a similar model in stock', 'aliexpress')).not.toBe('block');
  });

  it('English (AliExpress): pay privately, a review for a coupon, contempt, another store', () => {
    expect(rulesOf('Pay me privately by PayPal and save 10%', 'aliexpress')).toContain('D1');
    expect(rulesOf('Change your review to five stars and get a coupon', 'aliexpress')).toContain('D9');
    expect(rulesOf('You are so annoying, go buy it somewhere else', 'aliexpress')).toContain('D3');
    expect(rulesOf('Our Amazon store has it cheaper, search Sunny Home', 'aliexpress')).toContain('D2');
    expect(verdict('You can pay with PayPal at the AliExpress checkout', 'aliexpress')).toBe('pass');
  });
});
