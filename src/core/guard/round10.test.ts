// Issue 11, round 10 work: mechanisms that generalise instead of listed sentences — D10 blame,
// impatience and brushing-off by construction, curt replies by shape, a broader bare-negative
// vocabulary; D8 a recalled promise and its change in one sentence; D3 contempt by construction;
// D11 pledges without 保证. Every sentence was written for this test (none from any bench set) and
// each kind has an innocent look-alike that must stay clean. Runs the real guard and shipped rules.
import { describe, expect, it } from 'vitest';
import { profileFor } from '../rules/load-profiles.js';
import { checkReply } from './check-reply.js';
import { nonAsciiOnly } from './concepts.js';
import type { GuardContext } from './types.js';

const taobao = profileFor('taobao');
const ali = profileFor('aliexpress');

const rulesOf = (text: string, p = taobao, ctx: GuardContext = {}): string[] => [...new Set(checkReply(text, p, ctx).violations.map((v) => v.rule))].sort();

describe('D10 (C14) blame toward the buyer, by construction', () => {
  it.each([
    '您早干嘛去了，收货一个月了才来说',
    '盒子上印着防水等级呢，泡坏了能怪谁',
    '亲，您非要选最小号，现在穿不上了又来找我们',
    '这是您保管方式不对造成的，跟店家没有关系',
    '您要是早点量一下脚长，就不会买小了',
    '又不是我们的问题，您自己的疏忽',
  ])('%s', (text) => {
    expect(rulesOf(text)).toContain('D10');
  });
  it.each([
    'You should have looked at the voltage before plugging it in.',
    'That is nothing to do with us, the box says keep dry.',
  ])('%s', (text) => {
    expect(rulesOf(text, ali)).toContain('D10');
  });
});

describe('D10 (C3/C13) impatience and brushing the buyer off', () => {
  it.each([
    '发货时间这个我都回答过了呀',
    '这个问题您已经问第四次了，答案还是一样',
    '您怎么又问这个，上面都写着',
    '运单号您自己去查物流记录',
    '包裹丢了您去找快递公司吧，问我没用',
    '这不归我们管',
  ])('%s', (text) => {
    expect(rulesOf(text)).toContain('D10');
  });
  it.each(['For the second time, the handle is sold separately.', 'I told you before, we only ship on weekdays.'])('%s', (text) => {
    expect(rulesOf(text, ali)).toContain('D10');
  });
});

describe('D10 (C3) curt replies by shape and bare negatives', () => {
  it.each(['售罄', '亲，断货了', '好', '知道了', '赠品没得送', '寄不了的'])('%s', (text) => {
    expect(rulesOf(text)).toEqual(['D10']);
  });
  it.each(['No stock.', 'Nothing left.', 'Not today.'])('%s', (text) => {
    expect(rulesOf(text, ali)).toEqual(['D10']);
  });
});

describe('D10 (C3) a reply that only tells the buyer to speak', () => {
  it.each(['有事说', '在，啥事', '直接说吧'])('%s', (text) => {
    expect(rulesOf(text)).toEqual(['D10']);
  });
  it.each(['What now?', 'Go ahead.'])('%s', (text) => {
    expect(rulesOf(text, ali)).toEqual(['D10']);
  });
  it.each(['有事您说，我一直在呢😊', '您好，有什么可以帮您的吗？'])('look-alike: %s', (text) => {
    expect(rulesOf(text)).toEqual([]);
  });
  it('English look-alike', () => {
    expect(rulesOf('Hi, what can I do for you today?', ali)).toEqual([]);
  });
});

describe('D10 look-alikes stay clean: the agent owns the fault, explains, or is simply courteous', () => {
  it.each([
    '谢谢',
    '稍等',
    '不好意思，是我们没写清楚，给您添麻烦了',
    '物流慢不是您的原因，我这边马上帮您催一下',
    '这款在仓库里还有很多，不用担心断货',
    '不管发到哪里都包邮，您放心拍',
    '如果您当时没有拆封，可以直接申请退货',
    '我已经跟仓库说过了，今天一定帮您发出',
  ])('%s', (text) => {
    expect(rulesOf(text)).not.toContain('D10');
  });
  it.each(['Thanks!', 'Sorry, I did not explain it clearly earlier.', "Don't worry, it is not your fault."])('%s', (text) => {
    expect(rulesOf(text, ali)).not.toContain('D10');
  });
});

describe('D8 a promise recalled and changed in one sentence', () => {
  it.each([
    '昨天答应给您加的那双袜子，库存没了，就不加了哈',
    '之前跟您说的免费安装，师傅那边排不开，得您自己装一下',
    '说好的下单立减20，系统没通过，只能按原价了',
    '同事小王承诺的运费险其实没有，不好意思',
    '答应您的周二发货要推迟到周五了',
  ])('%s', (text) => {
    expect(rulesOf(text)).toContain('D8');
  });
  it.each([
    'I know I said you would get the phone case free, but the warehouse ran out, so no gift this time.',
    'We agreed on express shipping earlier, but we will use the economy line instead.',
  ])('%s', (text) => {
    expect(rulesOf(text, ali)).toContain('D8');
  });
  it.each([
    '之前答应您的赠品已经放进包裹了，请查收',
    '说好的顺丰今天已经发出了，单号发您了',
    '您之前说要改成白色，已经帮您改好了',
    'As promised, the free strap is already in your parcel.',
  ])('kept or the buyer’s own words: %s', (text) => {
    expect(rulesOf(text, /[\u4e00-\u9fff]/.test(text) ? taobao : ali)).not.toContain('D8');
  });
});

describe('D3 contempt by construction', () => {
  it.each(['你以为你是谁啊，还要我道歉', '有本事你去投诉，我不怕', '少废话，要买就拍', '你是来捣乱的吧', '别在这磨叽了，不买就走'])('%s', (text) => {
    expect(rulesOf(text)).toContain('D3');
  });
  it.each(['Who do you think you are, asking for a discount like that?', 'Grow up, it is just a small scratch.'])('%s', (text) => {
    expect(rulesOf(text, ali)).toContain('D3');
  });
  it.each(['这款眼镜配了防蓝光镜片，您放心用', '您有任何不满意都可以联系我们，我们一定处理'])('look-alike: %s', (text) => {
    expect(rulesOf(text)).not.toContain('D3');
  });
});

describe('D11 arrival pledged without 保证', () => {
  it.each(['今天下单，明天稳稳的送到', '最迟周三就能送到您家', '百分百明天到货'])('%s', (text) => {
    expect(rulesOf(text)).toContain('D11');
  });
  it('English: for sure', () => {
    expect(rulesOf('It will arrive on Monday for sure.', ali)).toContain('D11');
  });
  it.each(['预计周三能送到，具体以物流为准', '一般最晚三天到，偏远地区会慢一点'])('look-alike: %s', (text) => {
    expect(rulesOf(text)).not.toContain('D11');
  });
  it('English estimate', () => {
    expect(rulesOf('It should arrive around Monday, depending on the carrier.', ali)).not.toContain('D11');
  });
});

describe('latency: Chinese-only concept expressions are skipped on an all-ASCII reply (issue 11)', () => {
  it.each([
    ['(您|你)(自己)?(选|拍)错', true],
    ['不[\\u4e00-\\u9fff]{1,3}了', true],
    ['一-龥', true],
    ['100%', false],
    ['(?<![a-z])zz', false],
    ['[^您]', false],
    ['您.', false],
    ['[!-~]', false],
    ['您-', false],
  ] as const)('%s → %s', (source, expected) => {
    expect(nonAsciiOnly(source)).toBe(expected);
  });
});

describe('D1 wallets and accounts a checkout never offers', () => {
  it.each([
    ['这次的货款用云闪付转给我就好', taobao],
    ['Transfer it with WorldRemit, I ship once it lands.', ali],
  ] as const)('%s', (text, p) => {
    expect(rulesOf(text, p)).toContain('D1');
  });
  it.each([
    ['您手机号绑定的账号登录后就能看到订单', taobao],
    ['Please keep your personal account details private.', ali],
  ] as const)('look-alike: %s', (text, p) => {
    expect(rulesOf(text, p)).not.toContain('D1');
  });
});

describe('D11 an English upper bound with no hedge', () => {
  it('no later', () => {
    expect(rulesOf('Your parcel reaches you in 5 days, no later.', ali)).toContain('D11');
  });
  it('hedged', () => {
    expect(rulesOf('It usually takes 5 days, sometimes a bit more.', ali)).not.toContain('D11');
  });
});

describe('D9 follow-up reviews and full marks for a reward', () => {
  it.each(['追评加两张图，快递费我给您报销', '分数打满的宝子可以找客服抽个奖'])('%s', (text) => {
    expect(rulesOf(text)).toContain('D9');
  });
  it('English: rating', () => {
    expect(rulesOf('Set your rating to full stars and we add a coupon to the next order.', ali)).toContain('D9');
  });
  it.each(['追评的时候可以说说用了一个月的感受', '评分是系统自动算的，我们改不了哦'])('look-alike: %s', (text) => {
    expect(rulesOf(text)).not.toContain('D9');
  });
});

describe('D2 an address to come to and a spelt-out e-mail', () => {
  it('a factory address in an industrial park, with an invitation to come', () => {
    expect(rulesOf('来我们仓库自己拿也行，在临平开发区8号')).toContain('D2');
  });
  it('an e-mail spelt out next to the word support', () => {
    expect(rulesOf('Write to our support: helen at brightlamp dot net', ali)).toContain('D2');
  });
  it.each([
    ['发货仓在临平开发区8号，今天已经发出了', taobao],
    ['The reader supports Alipay and WeChat QR codes at the counter.', ali],
  ] as const)('look-alike: %s', (text, p) => {
    expect(rulesOf(text, p)).not.toContain('D2');
  });
});
