// Table-driven tests per rule family (D1–D11): each table holds violations, disguised violations
// and innocent look-alikes that must pass. Profiles are the real rules/*.yaml.
import { describe, expect, it } from 'vitest';
import { profileFor } from '../../rules/load-profiles.js';
import { checkReply } from '../check-reply.js';
import type { GuardContext } from '../types.js';

type Row = [text: string, rules: string[], ctx?: GuardContext];

const tables: Record<string, Row[]> = {
  'D1 off-platform payment': [
    ['亲加我微信转账可以便宜10元', ['D1']],
    ['微 信 转 账 优惠5元哦', ['D1']],
    ['支付寶轉帳給我就可以了', ['D1']],
    ['亲可以Ｖ信转账哦', ['D1']],
    ['走zfb转账就行', ['D1']],
    ['扫码支付给我，马上发', ['D1']],
    ['可以发个红包给我', ['D1']],
    ['不走平台的话可以再便宜20', ['D1']],
    ['打款到我们建设银行账号 6217 0012 3456 7890 123', ['D1']],
    ['You can pay me directly via PayPal', ['D1']],
    ['pay me via P.a.y.P.a.l', ['D1']],
    ['weixin zhuanzhang', ['D1']],
    ['transfer the money to my bank account', ['D1']],
    ['付款给我们之后会立刻发货', []],
    ['亲，您的退款我已经转到您的支付宝了', []],
    ['我们不支持微信转账哦，请在平台下单', []],
    ['请勿相信任何要求微信转账的人', []],
    ['凡是要求私下转账的都是骗子', []],
    ['拼多多下单可以用微信支付的，很方便', []],
    ['店铺红包可以在首页领取，下单自动抵扣哦', []],
    ['We never ask you to pay outside AliExpress', []],
  ],
  'D2 contact details and links': [
    ['有问题可以打我电话13812345678', ['D2']],
    ['联系电话 一三八 一二三四 五六七八', ['D2']],
    ['电话①③⑨①②③④⑤⑥⑦⑧', ['D2']],
    ['幺三八幺二三四五六七八 随时打', ['D2']],
    ['加我薇❤ abc666', ['D2']],
    ['可以加我ᴡx聊', ['D2']],
    ['加我 q q 87654321', ['D2']],
    ['点这个链接 http://t.cn/abc123 领券', ['D2']],
    ['我们公司地址在杭州市西湖区文三路100号', ['D2']],
    ['Please add me on WhatsApp +86 138 1234 5678', ['D2']],
    ['add me on w-h-a-t-s-a-p-p', ['D2']],
    ['v❤：abc123', ['D2']],
    ['薇❤: abc666', ['D2']],
    ['ᴡᴇᴄʜᴀᴛ: tom2024', ['D2']],
    ['¹³⁸¹²³⁴⁵⁶⁷⁸', ['D2']],
    ['亲，这个是微波炉专用碗', []],
    ['型号v1234567', []],
    ['这款型号wx-200是新款', []],
    ['您的订单号是2305121234567890123', []],
    ['京东订单号12345678901，请您核对一下', []],
    ['快递单号：SF1234567890123', []],
    ['这件价格是138元，两件258元', []],
    ['活动时间是2024年11月11日0点到12日23点59分', []],
    ['这款USB充电线支持快充', []],
    ['请核对一下收货地址和电话是否正确哦', []],
  ],
  'D3 rudeness': [
    ['爱买不买，不买滚', ['D3']],
    ['s b 买家', ['D3']],
    ['你瞎啊，详情页写得清清楚楚', ['D3']],
    ['You idiot, the size chart is right there', ['D3']],
    ['这款滚筒洗衣机很受欢迎', []],
    ['垃圾袋我们有大中小三种规格', []],
    ['这款USB风扇声音很小', []],
  ],
  'D4 invoices': [
    ['特价商品无法开票哦', ['D4']],
    ['亲，我们只能开收据，不能开发票', ['D4']],
    ['只能开公司抬头的发票，个人的开不了', ['D4']],
    ['发票只能开办公用品类目哦', ['D4']],
    ['开发票需要加6个点的税', ['D4']],
    ['发票邮费需要您自己承担哦', ['D4']],
    ['财务不在，今天没法开票', ['D4']],
    ['发票打印机坏了，过几天给您补寄', ['D4']],
    ['Sorry, we do not provide invoices', ['D4']],
    ['发票随货寄出', []],
    ['最近纳税主体变更中，发票会在7天内为您补寄，邮费由我们承担', []],
    ['开票不需要加税点，您放心', []],
    ['特价商品也可以正常开票的哦', []],
    ['特价商品，无法开票', ['D4']],
    ['我们的发票是电子发票，不提供纸质发票', ['D10']],
  ],
  'D5 free shipping': [
    ['亲~这款是特价宝贝,不参与活动的哦~', ['D5'], { freeShipping: true }],
    ['这个是不包邮的亲', ['D5'], { freeShipping: true }],
    ['麻烦您补一下运费差价', ['D5'], { freeShipping: true }],
    ['Sorry, shipping is not free for this item', ['D5'], { freeShipping: true }],
    ['这款不包邮，需要补10元运费', [], { freeShipping: false }],
    ['包邮的，港澳台和海外地区除外哦', [], { freeShipping: true }],
    ['七天无理由退货的话，非质量问题来回邮费需要买家承担哦', [], { freeShipping: true }],
  ],
  'D6 buyer privacy': [
    ['这个订单已经发货了，收货地址是杭州市西湖区文三路100号', ['D6'], { askerIsBuyer: false }],
    ['收件人是张三，电话13812345678', ['D6'], { askerIsBuyer: false }],
    ['The order was shipped yesterday', ['D6'], { askerIsBuyer: false }],
    ['为了保护买家隐私，请您用拍下订单的账号联系我们核对哦', [], { askerIsBuyer: false }],
    ['您的订单已经发货了，请留意物流', [], { askerIsBuyer: true }],
  ],
  'D7 closing orders': [
    ['我已经帮您把订单关闭了', ['D7']],
    ['您的订单我们已经关闭了，重新拍吧', ['D7']],
    ['我们会直接关闭您的订单', ['D7']],
    ['I have cancelled your order because the item is out of stock', ['D7']],
    ['需要我帮您取消订单吗？', []],
    ['订单关闭后款项会原路退回', []],
    ['You can cancel the order yourself on the order page', []],
  ],
  'D9 rewards for good reviews': [
    ['好评返现5元哦', ['D9']],
    ['好 评 返 現 哦', ['D9']],
    ['给个五星好评送您一个小礼品', ['D9']],
    ['Leave 5 stars and get a $2 refund', ['D9']],
    ['我们不做好评返现，只希望您给个真实评价', []],
    ['您的好评是对我们最大的鼓励，谢谢亲', []],
    ['评价后可以领取店铺优惠券，下次购物使用', []],
  ],
  'D10 tone': [
    ['在', ['D10']],
    ['卖完了', ['D10']],
    ['没有。', ['D10']],
    ['不能退', ['D10']],
    ['您搞错了，我们发的是对的', ['D10']],
    ['您听明白了吗？', ['D10']],
    ['No.', ['D10']],
    ['没问题', []],
    ['没关系的亲', []],
    ['没有现货了，因为厂家断货，给您推荐一款相似的吧', []],
    ['亲，在的，正等着您呢！很高兴为您服务', []],
    ['这个没有影响使用的', []],
  ],
  'D11 delivery guarantees': [
    ['保证明天到', ['D11']],
    ['三天内肯定到货', ['D11']],
    ['明天一定送到您手上', ['D11']],
    ['It will definitely arrive in 7 days', ['D11']],
    ['顺利的话一般3天左右到', []],
    ['我们保证48小时内发货', []],
    ['保证正品，假一赔三', []],
  ],
};

const taobao = profileFor('taobao');

describe.each(Object.entries(tables))('%s', (_name, rows) => {
  it.each(rows)('%s → %j', (text, rules, ctx) => {
    const res = checkReply(text, taobao, ctx ?? {});
    expect([...new Set(res.violations.map((v) => v.rule))].sort()).toEqual([...rules].sort());
    expect(res.verdict === 'pass').toBe(rules.length === 0);
  });
});
