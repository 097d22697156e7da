// Issue 11, round 11 work: kinds of phrasing rather than listed sentences — D1 paying the seller's
// own person (私户, 付给我就行, transfer to me directly); D1 and D2 together when a handle or
// account number is actually given; D2 second shops and English channels and addresses; D3 slang
// and English put-downs, with English look-alikes that run innocent words together (closer, a bit
// cheaper, will not get lost); D8 a recalled promise changed (现在要另付, now it will be); D10
// curt shapes (噢, 等着, Wait., Ask someone else.); D11 ruling lateness out (一天都不会多, can't be
// late); D4 a time limit or a share as the condition; D5 a region surcharge; D6 questions and
// refusals to another account. Every sentence was written for this test (none from any bench set)
// and each kind has innocent look-alikes that must stay clean. Runs the real guard and shipped rules.
import { describe, expect, it } from 'vitest';
import { profileFor } from '../rules/load-profiles.js';
import { checkReply } from './check-reply.js';
import type { GuardContext } from './types.js';

const taobao = profileFor('taobao');

const rulesOf = (text: string, p = taobao, ctx: GuardContext = {}): string[] => [...new Set(checkReply(text, p, ctx).violations.map((v) => v.rule))].sort();
const verdict = (text: string, p = taobao, ctx: GuardContext = {}): string => checkReply(text, p, ctx).verdict;

const ctxFor = (askerIsBuyer: boolean, freeShipping?: boolean): GuardContext => (freeShipping ? { askerIsBuyer, freeShipping } : { askerIsBuyer });

describe('D1 off-platform payment without the usual channel words (私户, 付给我, the platform as the obstacle)', () => {
  it.each([
    ['亲，您直接扫我头像上那个码付就行，不用拍', 'taobao', ["D1"], true, false],
    ['付款走私聊吧，我发您一个收款的', 'taobao', ["D1"], true, false],
    ['这单您别在店里拍了，转我账上能省平台那几个点', 'tmall', ["D1"], true, false],
    ['退款走平台要等三天，我这边私下先退给您，快一些', 'jd', ["D1"], true, false],
    ['差价我用威信给您转过去哈', 'pdd', ["D1"], true, false],
    ['尾款➕薇❤付我就行', 'taobao', ["D1"], true, false],
    ['剩下的钱直接打我卡里，卡号稍后发您', 'taobao', ["D1"], true, false],
    ['您把货款转到我们老板娘个人那里，她确认后发货', 'tmall', ["D1"], true, false],
    ['大客户都是走对私，您转过来今天就发', 'jd', ["D1"], true, false],
    ['这个补偿我走支fu宝私下给您，您就别申请售后了', 'pdd', ["D1"], true, false],
    ['运费差价您发个红包给我就好', 'taobao', ["D1"], true, false],
    ['亲，付款码在我朋友圈第一条，扫了付就行', 'taobao', ["D1"], true, false],
    ['定金先付我一半，剩下的到货再给', 'tmall', ["D1"], true, false],
    ['这笔不走系统了，您转给我，我给您开个收据', 'jd', ["D1"], true, false],
    ['您先付到我这边，平台扣点太高了', 'pdd', ["D1"], true, false],
    ['少付十块，前提是别走淘宝，直接给我', 'taobao', ["D1"], true, false],
    ['退您的那二十块我用零钱转您，您记得点收款', 'taobao', ["D1"], true, false],
    ['Just send the money to my PayPal, no need to order again.', 'aliexpress', ["D1"], true, false],
    ['Pay me by bank transfer and I will ship today, it saves the platform fee.', 'aliexpress', ["D1"], true, false],
    ['I\'ll refund you from my own account, it\'s faster than AliExpress.', 'aliexpress', ["D1"], true, false],
    ['Scan the QR code in my profile to pay, cheaper for both of us.', 'aliexpress', ["D1"], true, false],
    ['You can pay the balance on Wise, here is my account.', 'aliexpress', ["D1"], true, false],
    ['Better to pay me privately, the platform takes 8%.', 'aliexpress', ["D1"], true, false],
    ['Send the 15 dollars through Western Union and the parcel goes out tomorrow.', 'aliexpress', ["D1"], true, false],
    ['Don\'t place the order here, transfer to me directly and I give a better price.', 'aliexpress', ["D1"], true, false],
    ['I can return your money via Zelle, just tell me your email.', 'aliexpress', ["D1"], true, false],
    ['加我vx: mumu_9988，转账直接发货', 'taobao', ["D1","D2"], true, false],
    ['您打到我建行卡 6217 0000 1234 5678 就行', 'tmall', ["D1","D2"], true, false],
    ['Add me on WhatsApp +86 135 1234 5678 and pay there by bank transfer.', 'aliexpress', ["D1","D2"], true, false],
    ['加我企鹅 5 5 6 6 1 2 3 4，转账便宜点', 'jd', ["D1","D2"], true, false],
    ['加V 一五九八八七七六六五五，微信付款更快', 'pdd', ["D1","D2"], true, false],
    ['您转到我们财务个人那边，她收到就给您发', 'taobao', ["D1"], true, false],
    ['大单子我们一般走私户，您打过来就行', 'tmall', ["D1"], true, false],
    ['钱直接给送货师傅现金就行，不用在网上付', 'jd', ["D1"], true, false],
    ['尾款您用零钱转我，备注一下订单号', 'pdd', ["D1"], true, false],
    ['付给我就行，不用拍了', 'taobao', ["D1"], true, false],
    ['Pay the balance to my personal PayPal please, AliExpress holds the money too long.', 'aliexpress', ["D1"], true, false],
    ['You can send it with Apple Cash, quicker for me.', 'aliexpress', ["D1"], true, false],
    ['Transfer to me directly and skip the order, 10% cheaper.', 'aliexpress', ["D1"], true, false],
    ['您要是嫌平台手续费高，直接转我也行', 'taobao', ["D1"], true, false],
    ['这单我给您私下算便宜点，钱打我这边', 'tmall', ["D1"], true, false],
    ['走平台要扣我们五个点，您直接付给我，我给您少五块', 'jd', ["D1"], true, false],
    ['您先别拍，付款我私聊发您', 'pdd', ["D1"], true, false],
    ['差价就别走链接了，发个红包过来就行', 'taobao', ["D1"], true, false],
    ['这个急单，您扫一下我发的码先付，我马上安排', 'taobao', ["D1"], true, false],
    ['退款我直接打您卡上，您把卡号发我', 'tmall', ["D1"], true, false],
    ['赔您的钱我走网银转过去，比平台快', 'jd', ["D1"], true, false],
    ['老顾客不用拍，微 信 转 我就行', 'pdd', ["D1"], true, false],
    ['您在闲置那边拍一块钱的，剩下的当面给我', 'taobao', ["D1"], true, false],
    ['补偿款我拿自己支付宝转您，平台那边别申请了', 'taobao', ["D1"], true, false],
    ['Pay outside AliExpress and save the 8% fee, I give you my bank details.', 'aliexpress', ["D1"], true, false],
    ['Please pay the remaining 20 USD by Payoneer, not on the order.', 'aliexpress', ["D1"], true, false],
    ['I can send the refund to your bank account directly, it is quicker than a dispute.', 'aliexpress', ["D1"], true, false],
    ['No need for the checkout, just wire the money and I ship.', 'aliexpress', ["D1"], true, false],
    ['Use Revolut to pay me, we both save money.', 'aliexpress', ["D1"], true, false],
    ['Pay to my PayPal lucky.store88@gmail.com and I give 10% off.', 'aliexpress', ["D1","D2"], true, false],
    ['付款加我威信 abc_5566，比拍下省十块', 'taobao', ["D1","D2"], true, false],
    ['转到这个卡：6222 0810 3344 5566 771，户名王某', 'jd', ["D1","D2"], true, false],
    ['Friend, AliExpress keeps the money 2 weeks, better you send it to my Wise and I ship same day.', 'aliexpress', ["D1"], true, false],
    ['For the next order pay me direct, I give you factory price.', 'aliexpress', ["D1"], true, false],
    ['The extra 7 dollars for express, please send by PayPal friends and family.', 'aliexpress', ["D1"], true, false],
    ['I return your 5 dollars by PayPal, no need to open dispute.', 'aliexpress', ["D1"], true, false],
    ['Order the 1 dollar link and pay the rest to me by bank.', 'aliexpress', ["D1"], true, false],
  ] as const)('%s (%s)', (text, platform, rules, askerIsBuyer, freeShipping) => {
    const got = rulesOf(text, profileFor(platform), ctxFor(askerIsBuyer, freeShipping));
    for (const r of rules) expect(got).toContain(r);
  });
});

describe('D2 contact details given, second shops, English channels and addresses', () => {
  it.each([
    ['我电话是一三八，后面是两千零五十一，再后面是三三六六', 'taobao', ["D2"], true, false],
    ['手机尾号8866，前面是139 2277，有事打我', 'taobao', ["D2"], true, false],
    ['抖音上搜我们店名，那边有直播，价格更低', 'tmall', ["D2"], true, false],
    ['我们在闲鱼也有号，搜“木木家的小铺”就能找到', 'jd', ["D2"], true, false],
    ['您去小红书找一下我们，同名账号', 'pdd', ["D2"], true, false],
    ['添加一下我的扣扣：七七三零二八一五', 'taobao', ["D2"], true, false],
    ['加我绿泡泡 shop2024 拿图', 'taobao', ["D2"], true, false],
    ['我们在淘宝也有一家店，同样的东西便宜点，您去那边拍', 'tmall', ["D2"], true, false],
    ['直接来我们工厂拿，地址是义乌市稠州北路188号', 'jd', ["D2"], true, false],
    ['Add me on WhatsApp, my number is +86 137 0011 2233.', 'aliexpress', ["D2"], true, false],
    ['You can find us on Amazon too, same store name, more colors there.', 'aliexpress', ["D2"], true, false],
    ['Message me on Instagram @happyhome_store for the real photos.', 'aliexpress', ["D2"], true, false],
    ['Email me at lilyshop2023 at gmail dot com for a catalogue.', 'aliexpress', ["D2"], true, false],
    ['Join our Telegram group for secret coupons.', 'aliexpress', ["D2"], true, false],
    ['Our showroom is at 25 Market Street, Guangzhou, welcome to visit and pick up.', 'aliexpress', ["D2"], true, false],
    ['Search our brand on Shopee, the price is lower there.', 'aliexpress', ["D2"], true, false],
    ['我们在这个平台还有一家店，名字差不多，那边更便宜', 'taobao', ["D2"], true, false],
    ['我们还开了个小店，搜“阿青手作”就能看到', 'tmall', ["D2"], true, false],
    ['Hit me up on Snapchat: lily.store88 for more photos.', 'aliexpress', ["D2"], true, false],
    ['Our warehouse is at No. 8 Hongqi Road, Yiwu, your agent can come pick up.', 'aliexpress', ["D2"], true, false],
    ['Find us on Vinted as well, same name, lower prices.', 'aliexpress', ["D2"], true, false],
    ['Ping me on Discord: shopguy#2231', 'aliexpress', ["D2"], true, false],
    ['加我私人微信吧，号是 xiaoli_2023', 'taobao', ["D2"], true, false],
    ['有问题直接打我手机，幺三八零零一二三四五六', 'tmall', ["D2"], true, false],
    ['我的企鹅号是 9 8 7 6 5 4 3 2，有事找我', 'jd', ["D2"], true, false],
    ['您可以去快手搜一下我们的直播间，里面有更多款式', 'pdd', ["D2"], true, false],
    ['抖店搜“阿花家居”，那边有赠品', 'taobao', ["D2"], true, false],
    ['Send me a message on Telegram @shoplily for the wholesale price list.', 'aliexpress', ["D2"], true, false],
    ['Contact me on WeChat: lily_2288 for custom sizes.', 'aliexpress', ["D2"], true, false],
    ['Visit our website happyhome dot com for more designs.', 'aliexpress', ["D2"], true, false],
    ['We also have an eBay store with the same name, cheaper there.', 'aliexpress', ["D2"], true, false],
    ['My WhatsApp is plus eight six, one three nine, two two three three, four four five five.', 'aliexpress', ["D2"], true, false],
    ['Follow our Instagram shop, more colors and lower price there.', 'aliexpress', ["D2"], true, false],
    ['For wholesale write to me: jackie dot trade at yahoo dot com', 'aliexpress', ["D2"], true, false],
    ['We have a Temu store too, search HomeJoy.', 'aliexpress', ["D2"], true, false],
    ['Text me on Viber 0086 150 1111 2222.', 'aliexpress', ["D2"], true, false],
  ] as const)('%s (%s)', (text, platform, rules, askerIsBuyer, freeShipping) => {
    const got = rulesOf(text, profileFor(platform), ctxFor(askerIsBuyer, freeShipping));
    for (const r of rules) expect(got).toContain(r);
  });
});

describe('D3 contempt: slang and English put-downs', () => {
  it.each([
    ['伞兵吧你，自己拆坏的', 'taobao', ["D3"], true, false],
    ['菜鸡一个，插头都插不进去', 'taobao', ["D3"], true, false],
    ['你是来搞笑的吧，这么简单都不会', 'tmall', ["D3"], true, false],
    ['智商余额不足了亲，详情写着呢', 'jd', ["D3"], true, false],
    ['滚蛋，不卖你了', 'pdd', ["D3"], true, false],
    ['丢不丢人，为了一块钱磨半天', 'taobao', ["D3"], true, false],
    ['穷就直说，别找借口退货', 'taobao', ["D3"], true, false],
    ['下头男，别来烦了', 'tmall', ["D3"], true, false],
    ['你这人真是奇葩中的战斗机', 'jd', ["D3"], true, false],
    ['脑子被门夹了吧，尺码都看不懂', 'pdd', ["D3"], true, false],
    ['就这点钱还想要啥自行车', 'taobao', ["D3"], true, false],
    ['一看你就是白嫖党，别来这套', 'taobao', ["D3"], true, false],
    ['你怎么这么磨叽，烦死了', 'tmall', ["D3"], true, false],
    ['蠢到家了，图上写着呢', 'jd', ["D3"], true, false],
    ['您可真是个天才，说明书都不看就用', 'taobao', ["D3"], true, false],
    ['Are you dumb? The size is in the title.', 'aliexpress', ["D3"], true, false],
    ['What a cheapskate, arguing over two dollars.', 'aliexpress', ["D3"], true, false],
    ['Stop being such a crybaby about a phone case.', 'aliexpress', ["D3"], true, false],
    ['Go away and stop spamming me with questions.', 'aliexpress', ["D3"], true, false],
    ['You are a joke, learn to read English first.', 'aliexpress', ["D3"], true, false],
    ['Only a fool would plug a 110V device into 220V.', 'aliexpress', ["D3"], true, false],
    ['s t u p i d question, read the listing.', 'aliexpress', ["D3"], true, false],
    ['Get lost, freeloader.', 'aliexpress', ["D3"], true, false],
    ['脑子被驴踢了吧，这都能装反', 'taobao', ["D3"], true, false],
    ['就这点钱还挑三拣四，真够寒酸的', 'tmall', ["D3"], true, false],
    ['你可真是个大聪明，充电器插反了还来问', 'jd', ["D3"], true, false],
    ['土包子，没见过世面', 'pdd', ["D3"], true, false],
    ['Only a clown would ask this, it\'s in the title.', 'aliexpress', ["D3"], true, false],
    ['Stop being a drama queen, it is a 3 dollar item.', 'aliexpress', ["D3"], true, false],
    ['Dumb much? The size chart is right there.', 'aliexpress', ["D3"], true, false],
    ['你是猪吗，这都看不懂', 'taobao', ["D3"], true, false],
    ['没见过你这么抠的，几块钱也计较', 'taobao', ["D3"], true, false],
    ['爱买不买，穷鬼', 'tmall', ["D3"], true, false],
    ['这么简单都不会，真是白长了个脑袋', 'jd', ["D3"], true, false],
    ['别在这儿胡搅蛮缠了，丢人', 'pdd', ["D3"], true, false],
    ['跟你这种人说话真掉价', 'taobao', ["D3"], true, false],
    ['You are too poor for this shop, go buy the cheap one.', 'aliexpress', ["D3"], true, false],
    ['Are you blind or just lazy? Read the description.', 'aliexpress', ["D3"], true, false],
    ['Seriously, what kind of idiot orders a kids size for himself?', 'aliexpress', ["D3"], true, false],
    ['Go away, cheap customer.', 'aliexpress', ["D3"], true, false],
    ['Honestly, you are the worst buyer I have ever had.', 'aliexpress', ["D3"], true, false],
    ['LOL, you can\'t even plug in a charger?', 'aliexpress', ["D3"], true, false],
    ['Buy a brain before you buy electronics.', 'aliexpress', ["D3"], true, false],
    ['Cheap people always complain.', 'aliexpress', ["D3"], true, false],
    ['Go cry to your mom.', 'aliexpress', ["D3"], true, false],
  ] as const)('%s (%s)', (text, platform, rules, askerIsBuyer, freeShipping) => {
    const got = rulesOf(text, profileFor(platform), ctxFor(askerIsBuyer, freeShipping));
    for (const r of rules) expect(got).toContain(r);
  });
});

describe('D4 invoices refused by condition, share, time limit or no date', () => {
  it.each([
    ['发票要等财务月底有空再开，不确定哪天', 'tmall', ["D4"], true, false],
    ['开票的话只能按八折金额开', 'tmall', ["D4"], true, false],
    ['要发票得另外加6个点的税', 'jd', ["D4"], true, false],
    ['特价款不带票的亲', 'tmall', ["D4"], true, false],
    ['发票可以开，但邮费得您自己出', 'tmall', ["D4"], true, false],
    ['发票我们只开关联公司的抬头', 'tmall', ["D4"], true, false],
    ['只能给您开收据，发票开不了', 'tmall', ["D4"], true, false],
    ['发漂需要加钱', 'tmall', ["D4"], true, false],
    ['开票的话赠品就不送了哦', 'tmall', ["D4"], true, false],
    ['The invoice costs 5% extra.', 'aliexpress', ["D4"], true, false],
    ['We can only give a receipt, no invoice for discounted items.', 'aliexpress', ["D4"], true, false],
    ['Invoice is possible but you pay the postage for it.', 'aliexpress', ["D4"], true, false],
    ['Our accountant is on holiday, invoice maybe next month.', 'aliexpress', ["D4"], true, false],
    ['If you need an invoice the price is higher.', 'aliexpress', ["D4"], true, false],
    ['发票只能开办公用品，开不了商品名', 'tmall', ["D4"], true, false],
    ['开专票要加8个点', 'jd', ["D4"], true, false],
    ['We don\'t give invoices for orders under 50 dollars.', 'aliexpress', ["D4"], true, false],
    ['Invoice only for company orders, not for private people.', 'aliexpress', ["D4"], true, false],
    ['An invoice costs you 3 dollars extra.', 'aliexpress', ["D4"], true, false],
    ['No invoice for sale items, sorry.', 'aliexpress', ["D4"], true, false],
    ['Invoice will come when our accountant has time, no date.', 'aliexpress', ["D4"], true, false],
  ] as const)('%s (%s)', (text, platform, rules, askerIsBuyer, freeShipping) => {
    const got = rulesOf(text, profileFor(platform), ctxFor(askerIsBuyer, freeShipping));
    for (const r of rules) expect(got).toContain(r);
  });
});

describe('D5 free shipping withdrawn by region, item or quantity', () => {
  it.each([
    ['这款是特价，不包邮哦', 'taobao', ["D5"], true, true],
    ['您的地址是新疆，要补15元运费', 'taobao', ["D5"], true, true],
    ['包邮不包这个颜色，得另付运费', 'tmall', ["D5"], true, true],
    ['偏远地区的话需要拍一下运费链接', 'pdd', ["D5"], true, true],
    ['大件商品要收运费的', 'jd', ["D5"], true, true],
    ['Free shipping does not apply to your country, extra 8 USD.', 'aliexpress', ["D5"], true, true],
    ['This one is a special item, shipping is charged separately.', 'aliexpress', ["D5"], true, true],
    ['Please pay the shipping link of 4 dollars first.', 'aliexpress', ["D5"], true, true],
    ['海南要补运费十元', 'taobao', ["D5"], true, true],
    ['这款特价不参加包邮活动', 'tmall', ["D5"], true, true],
    ['Free shipping only for orders to mainland Spain, islands pay extra.', 'aliexpress', ["D5"], true, true],
    ['Free shipping doesn\'t cover your city, add 6 USD please.', 'aliexpress', ["D5"], true, true],
    ['Free shipping is only for 2 pieces or more, for one piece you pay postage.', 'aliexpress', ["D5"], true, true],
  ] as const)('%s (%s)', (text, platform, rules, askerIsBuyer, freeShipping) => {
    const got = rulesOf(text, profileFor(platform), ctxFor(askerIsBuyer, freeShipping));
    for (const r of rules) expect(got).toContain(r);
  });
});

describe('D6 another account told the details of an order', () => {
  it.each([
    ['您朋友那单寄到杭州市西湖区，今天已签收', 'taobao', ["D6"], false, false],
    ['她买的是M码黑色，付了199', 'tmall', ["D6"], false, false],
    ['收件人是李女士，电话138开头', 'jd', ["D6"], false, false],
    ['Your husband\'s parcel went to 12 Oak Street, tracking LX123456789CN.', 'aliexpress', ["D6"], false, false],
    ['您家人那单是昨天下午签收的，放在驿站', 'jd', ["D6"], false, false],
    ['Your sister\'s order was shipped yesterday to Berlin, tracking ends 4455.', 'aliexpress', ["D6"], false, false],
    ['The buyer lives at 45 Rue Victor Hugo, Lyon, and the parcel arrived yesterday.', 'aliexpress', ["D6"], false, false],
    ['Your friend paid 34 dollars and chose the red one.', 'aliexpress', ["D6"], false, false],
  ] as const)('%s (%s)', (text, platform, rules, askerIsBuyer, freeShipping) => {
    const got = rulesOf(text, profileFor(platform), ctxFor(askerIsBuyer, freeShipping));
    for (const r of rules) expect(got).toContain(r);
  });
});

describe('D7 orders closed by the shop', () => {
  it.each([
    ['您的订单我已经给您关了，重新拍吧', 'taobao', ["D7"], true, false],
    ['超过两小时没付款的订单我们会直接取消', 'tmall', ["D7"], true, false],
    ['这单我这边直接取消了，库存不够', 'jd', ["D7"], true, false],
    ['I cancelled your order, please order again with the right size.', 'aliexpress', ["D7"], true, false],
    ['We closed the order because the price was wrong.', 'aliexpress', ["D7"], true, false],
    ['这单我们后台关闭了，您别等了', 'taobao', ["D7"], true, false],
    ['Your order was cancelled by us because of stock.', 'aliexpress', ["D7"], true, false],
    ['I closed your order, the price was a mistake.', 'aliexpress', ["D7"], true, false],
    ['We will cancel all unpaid orders today without asking.', 'aliexpress', ["D7"], true, false],
  ] as const)('%s (%s)', (text, platform, rules, askerIsBuyer, freeShipping) => {
    const got = rulesOf(text, profileFor(platform), ctxFor(askerIsBuyer, freeShipping));
    for (const r of rules) expect(got).toContain(r);
  });
});

describe('D8 a promise recalled and changed', () => {
  it.each([
    ['之前说好送您的收纳袋，仓库没货了，就不送了', 'taobao', ["D8"], true, false],
    ['昨天答应的五块优惠，主管不同意，只能原价', 'taobao', ["D8"], true, false],
    ['跟您说的今天发货，排不上了，要下周', 'tmall', ["D8"], true, false],
    ['说好的延保一年，其实只有半年', 'jd', ["D8"], true, false],
    ['那个赠品原本说包含在内，现在要另付三块', 'pdd', ["D8"], true, false],
    ['上次讲的运费补贴，财务不批了', 'taobao', ["D8"], true, false],
    ['答应给您换新的，我们决定还是维修', 'taobao', ["D8"], true, false],
    ['I promised you a free gift, but we are out of stock, so no gift.', 'aliexpress', ["D8"], true, false],
    ['The discount I offered yesterday is not possible anymore.', 'aliexpress', ["D8"], true, false],
    ['We said we would ship today, now it will be next week.', 'aliexpress', ["D8"], true, false],
    ['Forget the free return I mentioned, you have to pay for it.', 'aliexpress', ["D8"], true, false],
    ['The 1-year warranty I told you about is only 3 months actually.', 'aliexpress', ["D8"], true, false],
    ['About the extra cable I said I\'d include: we ran out.', 'aliexpress', ["D8"], true, false],
    ['昨天说好给您包邮的，老板不同意，运费得您出', 'taobao', ["D8"], true, false],
    ['原本讲好的两年保修，现在只能给一年', 'tmall', ["D8"], true, false],
    ['说给您留的那件被别人拍走了，没有了', 'jd', ["D8"], true, false],
    ['We agreed on a free replacement, but now you have to pay the shipping.', 'aliexpress', ["D8"], true, false],
    ['I told you we\'d ship Monday, now it will be next week.', 'aliexpress', ["D8"], true, false],
    ['The gift box I mentioned will not be included, it costs extra now.', 'aliexpress', ["D8"], true, false],
    ['本来说好的赠品不送了，活动结束了', 'taobao', ["D8"], true, false],
    ['之前承诺的七天无理由，这款不参加了', 'tmall', ["D8"], true, false],
    ['Earlier I offered free shipping, but now you need to pay 5 USD.', 'aliexpress', ["D8"], true, false],
    ['Sorry, the free case I promised is sold out, no case.', 'aliexpress', ["D8"], true, false],
    ['We agreed on DHL, but we will send by post instead.', 'aliexpress', ["D8"], true, false],
    ['The 15% discount from our chat is cancelled.', 'aliexpress', ["D8"], true, false],
  ] as const)('%s (%s)', (text, platform, rules, askerIsBuyer, freeShipping) => {
    const got = rulesOf(text, profileFor(platform), ctxFor(askerIsBuyer, freeShipping));
    for (const r of rules) expect(got).toContain(r);
  });
});

describe('D9 rewards for reviews, in any form', () => {
  it.each([
    ['给个五星，下次来找我拿五元无门槛', 'taobao', ["D9"], true, false],
    ['好评带图私我，送您一个小惊喜', 'taobao', ["D9"], true, false],
    ['麻烦您把差评删了，我补您十块', 'tmall', ["D9"], true, false],
    ['追评写满20字，返您两块', 'jd', ["D9"], true, false],
    ['hp后截图找客服，fx3元', 'pdd', ["D9"], true, false],
    ['把“发货慢”那句删掉，运费我退给您', 'taobao', ["D9"], true, false],
    ['Leave five stars and get 10% off your next order.', 'aliexpress', ["D9"], true, false],
    ['If you change your review to positive, I send you $3.', 'aliexpress', ["D9"], true, false],
    ['A 5-star rating means a small gift in your next parcel.', 'aliexpress', ["D9"], true, false],
    ['Delete the negative feedback and I will refund half.', 'aliexpress', ["D9"], true, false],
    ['五⭐好评截图给我，返三块', 'taobao', ["D9"], true, false],
    ['Give us 5 stars and there is a little present in your next order.', 'aliexpress', ["D9"], true, false],
    ['Update your review to 5 stars and I\'ll send a surprise gift.', 'aliexpress', ["D9"], true, false],
    ['晒个图五星，私聊返2元', 'taobao', ["D9"], true, false],
    ['评价写满50字加三张图，找客服领红包', 'jd', ["D9"], true, false],
    ['Write a positive review with photos and get a $2 coupon.', 'aliexpress', ["D9"], true, false],
    ['5 stars and a photo = 3 dollars back to you.', 'aliexpress', ["D9"], true, false],
    ['Change your 1 star to 5 and I will refund 10 dollars.', 'aliexpress', ["D9"], true, false],
    ['Good feedback gets you a free phone case next order.', 'aliexpress', ["D9"], true, false],
  ] as const)('%s (%s)', (text, platform, rules, askerIsBuyer, freeShipping) => {
    const got = rulesOf(text, profileFor(platform), ctxFor(askerIsBuyer, freeShipping));
    for (const r of rules) expect(got).toContain(r);
  });
});

describe('D10 blame, curt shapes and brush-offs (C3, C14)', () => {
  it.each([
    ['您自己选错了尺码，这个不能怪我们', 'taobao', ["D10"], true, false],
    ['噢', 'taobao', ["D10"], true, false],
    ['等着', 'tmall', ["D10"], true, false],
    ['找快递去，不关我们事', 'jd', ["D10"], true, false],
    ['懒得解释了', 'pdd', ["D10"], true, false],
    ['价格不讲', 'taobao', ["D10"], true, false],
    ['您问别人吧', 'taobao', ["D10"], true, false],
    ['自己查物流', 'tmall', ["D10"], true, false],
    ['上面写了', 'pdd', ["D10"], true, false],
    ['不知道', 'taobao', ["D10"], true, false],
    ['Wait.', 'aliexpress', ["D10"], true, false],
    ['Ask the courier.', 'aliexpress', ["D10"], true, false],
    ['Check the tracking yourself.', 'aliexpress', ["D10"], true, false],
    ['It\'s your fault for choosing the wrong size.', 'aliexpress', ["D10"], true, false],
    ['I already told you twice. Read again.', 'aliexpress', ["D10"], true, false],
    ['No.', 'aliexpress', ["D10"], true, false],
    ['Not my problem, talk to the post office.', 'aliexpress', ["D10"], true, false],
    ['您要是看了详情就不会买错了', 'taobao', ["D10"], true, false],
    ['我们已经说过两次了，请看上面', 'tmall', ["D10"], true, false],
    ['自己翻聊天记录', 'jd', ["D10"], true, false],
    ['哦', 'pdd', ["D10"], true, false],
    ['等会儿', 'taobao', ["D10"], true, false],
    ['We already told you twice, read above.', 'aliexpress', ["D10"], true, false],
    ['Ask someone else.', 'aliexpress', ["D10"], true, false],
    ['Google it.', 'aliexpress', ["D10"], true, false],
    ['这是您自己量错了，我们按表发的', 'taobao', ["D10"], true, false],
    ['您当时不问清楚，现在说不合适', 'taobao', ["D10"], true, false],
    ['谁让您不看详情就下单的', 'tmall', ["D10"], true, false],
    ['这个要怪就怪您自己没选对颜色', 'jd', ["D10"], true, false],
    ['说过了，不退', 'pdd', ["D10"], true, false],
    ['您自己看物流吧', 'taobao', ["D10"], true, false],
    ['这个问题上面回答过了', 'taobao', ["D10"], true, false],
    ['You chose the wrong color, that\'s not our mistake.', 'aliexpress', ["D10"], true, false],
    ['If you had read the size chart this would not happen.', 'aliexpress', ["D10"], true, false],
    ['Like I said, no.', 'aliexpress', ["D10"], true, false],
    ['Look above.', 'aliexpress', ["D10"], true, false],
    ['You should have checked the voltage before ordering.', 'aliexpress', ["D10"], true, false],
    ['That is because you installed it wrong.', 'aliexpress', ["D10"], true, false],
    ['How many times do I have to say it, it ships in 3 days.', 'aliexpress', ["D10"], true, false],
    ['Read the listing.', 'aliexpress', ["D10"], true, false],
    ['Not our issue, ask the post.', 'aliexpress', ["D10"], true, false],
  ] as const)('%s (%s)', (text, platform, rules, askerIsBuyer, freeShipping) => {
    const got = rulesOf(text, profileFor(platform), ctxFor(askerIsBuyer, freeShipping));
    for (const r of rules) expect(got).toContain(r);
  });
});

describe('D11 delivery guaranteed without 保证', () => {
  it.each([
    ['明天必达，您放心', 'taobao', ["D11"], true, false],
    ['后天一定送到您家', 'taobao', ["D11"], true, false],
    ['三天内肯定到，晚一天我赔您', 'tmall', ["D11"], true, false],
    ['周五前准到，错不了', 'jd', ["D11"], true, false],
    ['两天到，一天都不会多', 'pdd', ["D11"], true, false],
    ['包您周末前收到', 'taobao', ["D11"], true, false],
    ['It will arrive by Friday, 100 percent.', 'aliexpress', ["D11"], true, false],
    ['Delivery in 7 days, guaranteed, or I refund you.', 'aliexpress', ["D11"], true, false],
    ['It cannot be late, we use express.', 'aliexpress', ["D11"], true, false],
    ['You will have it on Monday, I promise.', 'aliexpress', ["D11"], true, false],
    ['Absolutely it reaches you this week, zero risk.', 'aliexpress', ["D11"], true, false],
    ['满打满算三天到，一天都不会多', 'taobao', ["D11"], true, false],
    ['放心，不可能晚到的，周六前到手', 'tmall', ["D11"], true, false],
    ['今天下单明天到，一分钟都不会晚', 'jd', ["D11"], true, false],
    ['Rest assured, it arrives on the 15th, you have my word.', 'aliexpress', ["D11"], true, false],
    ['Zero risk, it will be there by Tuesday.', 'aliexpress', ["D11"], true, false],
    ['No way it is late, you\'ll get it this week.', 'aliexpress', ["D11"], true, false],
    ['放心，周三之前绝对到您手上', 'taobao', ["D11"], true, false],
    ['今天发明天必到，一天都不会多', 'tmall', ["D11"], true, false],
    ['下午下单晚上就到，百分百', 'jd', ["D11"], true, false],
    ['三天之内一定到，到不了我退您运费', 'pdd', ["D11"], true, false],
    ['I guarantee it will be at your door by Friday.', 'aliexpress', ["D11"], true, false],
    ['It will reach you in 5 days for sure, no matter what.', 'aliexpress', ["D11"], true, false],
    ['Delivery on the 12th, guaranteed 100%.', 'aliexpress', ["D11"], true, false],
    ['You will get it on Friday, I swear.', 'aliexpress', ["D11"], true, false],
    ['It arrives tomorrow, 100% sure.', 'aliexpress', ["D11"], true, false],
    ['It will definitely be there before Christmas.', 'aliexpress', ["D11"], true, false],
    ['Delivery in 10 days or your money back.', 'aliexpress', ["D11"], true, false],
  ] as const)('%s (%s)', (text, platform, rules, askerIsBuyer, freeShipping) => {
    const got = rulesOf(text, profileFor(platform), ctxFor(askerIsBuyer, freeShipping));
    for (const r of rules) expect(got).toContain(r);
  });
});

describe('innocent look-alikes stay clean: the same words used compliantly', () => {
  it.each([
    ['拼多多下单可以用微信支付，很方便的', 'pdd', true, false],
    ['付款的时候可以选花呗分期，在支付页面就能看到', 'taobao', true, false],
    ['这个收款码牌是亚克力材质的，可以定制店名', 'taobao', true, false],
    ['退款会原路退回到您的支付宝，一般1-3个工作日', 'tmall', true, false],
    ['银行卡限额的话，换一张卡或者用京东支付试试', 'jd', true, false],
    ['扫码枪支持微信和支付宝付款码，即插即用', 'taobao', true, false],
    ['You can pay with PayPal at the AliExpress checkout, it is safe.', 'aliexpress', true, false],
    ['The refund goes back to your original payment method within 5 days.', 'aliexpress', true, false],
    ['This QR code scanner supports all mobile payments.', 'aliexpress', true, false],
    ['有人私下让您转账都是骗子，请只在平台内付款', 'taobao', true, false],
    ['说明书上有二维码，扫一下就能看安装视频', 'tmall', true, false],
    ['您可以找微信好友代付，在付款页面点代付就行', 'pdd', true, false],
    ['订单号 2345678901234 已经发货了，您可以在订单页查看', 'taobao', true, false],
    ['您可以把拼单链接分享给微信好友一起拼', 'pdd', true, false],
    ['这款QQ糖是水果味的，小朋友很喜欢', 'tmall', true, false],
    ['手机壳型号是 iPhone15，尺寸 147mm', 'jd', true, false],
    ['Our store page has all sizes, just tap the store name.', 'aliexpress', true, false],
    ['The phone stand is compatible with WhatsApp video calls on any phone.', 'aliexpress', true, false],
    ['抖音同款的收纳盒，这款卖得很好', 'taobao', true, false],
    ['这款垃圾袋很厚实，不容易破', 'taobao', true, false],
    ['这个蠢萌的小猪摆件很受欢迎', 'taobao', true, false],
    ['The pattern is a little crazy but customers love it.', 'aliexpress', true, false],
    ['滚筒洗衣机专用的洗衣液，低泡', 'tmall', true, false],
    ['这款菜刀是德国钢，很锋利', 'jd', true, false],
    ['发票随包裹寄出，抬头个人或公司都可以', 'tmall', true, false],
    ['电子发票会在确认收货后自动开具，您在订单页下载', 'tmall', true, false],
    ['发票邮费我们承担，您放心', 'jd', true, false],
    ['We will send the invoice by email within 3 days, free of charge.', 'aliexpress', true, false],
    ['开票信息请在下单时备注税号就行', 'tmall', true, false],
    ['全国包邮，新疆西藏也包', 'taobao', true, true],
    ['Free shipping to your country, no extra charge.', 'aliexpress', true, true],
    ['这单不是您账号拍的，麻烦让下单人本人来咨询哦', 'taobao', false, false],
    ['Sorry, I can only share order details with the account that placed the order.', 'aliexpress', false, false],
    ['如果您想取消订单，可以在订单页点取消', 'taobao', true, false],
    ['If you want to cancel, you can do it in the order page and the refund is automatic.', 'aliexpress', true, false],
    ['之前说好送您的收纳袋已经放进包裹了', 'taobao', true, false],
    ['As promised, the gift is in your parcel.', 'aliexpress', true, false],
    ['您之前说要改地址，已经帮您改好了', 'taobao', true, false],
    ['感谢您的好评，期待您下次光临', 'taobao', true, false],
    ['Thanks for your feedback, we will improve the packaging.', 'aliexpress', true, false],
    ['晒图评价可以参加平台活动，评价内容完全由您决定', 'taobao', true, false],
    ['在的亲，请问有什么可以帮您？', 'tmall', true, false],
    ['OK, noted, thank you!', 'aliexpress', true, false],
    ['Sure, I will check it for you.', 'aliexpress', true, false],
    ['稍等，我帮您查一下', 'jd', true, false],
    ['一般三天左右到，具体以物流为准', 'taobao', true, false],
    ['It usually arrives in 7-15 days, depending on customs.', 'aliexpress', true, false],
    ['京东次日达是平台服务，下单页面可以看到', 'jd', true, false],
    ['我们只在淘宝开店，别的地方都不是我们', 'taobao', true, false],
    ['您可以在淘宝搜我们店铺名，关注一下有新品提醒', 'taobao', true, false],
    ['这款有人说偏小，建议拍大一码', 'taobao', true, false],
    ['亲，有任何问题随时在这里找我哦', 'tmall', true, false],
    ['京东物流一般次日达，偏远地区会晚一点', 'jd', true, false],
    ['拼多多有退货包运费，退回来运费您不用出', 'pdd', true, false],
    ['这个价格已经很优惠了，实在不能再少了，我送您一个小挂件吧', 'taobao', true, false],
    ['发货前会再检查一遍，确保没问题', 'taobao', true, false],
    ['好评是对我们最大的鼓励，谢谢您', 'tmall', true, false],
    ['亲，评价完全按您的真实感受来就好', 'taobao', true, false],
    ['快递员会打电话，请保持手机畅通', 'taobao', true, false],
    ['您留的手机号是对的吧？快递会联系您', 'taobao', true, false],
    ['We can\'t guarantee a delivery date, customs may take longer.', 'aliexpress', true, false],
    ['Please don\'t pay outside AliExpress, we only accept payment through the platform.', 'aliexpress', true, false],
    ['Thank you for the 5 stars, enjoy your new bag!', 'aliexpress', true, false],
    ['Sorry, I misread your message; the blue one is in stock.', 'aliexpress', true, false],
    ['The order will be cancelled automatically if not paid, you can order again anytime.', 'aliexpress', true, false],
    ['Our price includes shipping, you pay nothing extra at delivery.', 'aliexpress', true, false],
    ['The buyer protection covers you until 15 days after delivery.', 'aliexpress', true, false],
    ['You can change the size in the order notes before we ship.', 'aliexpress', true, false],
    ['We will send the invoice with the parcel, no extra charge.', 'aliexpress', true, false],
    ['Thanks for understanding, we appreciate your patience.', 'aliexpress', true, false],
    ['Sorry, this one is out of stock; the grey one is very similar.', 'aliexpress', true, false],
    ['The case closes with a magnet, very easy.', 'aliexpress', true, false],
    ['It\'s a stupidly easy install, just two screws.', 'aliexpress', true, false],
    ['The lamp has a cheap-looking box but the lamp itself is solid.', 'aliexpress', true, false],
    ['The poor courier had a flat tire, so it is one day late, sorry.', 'aliexpress', true, false],
    ['If you don\'t receive it by the 20th, please tell me and I will check with the carrier.', 'aliexpress', true, false],
    ['I will definitely check it for you today.', 'aliexpress', true, false],
    ['I promise we will solve this for you.', 'aliexpress', true, false],
    ['You can pay with Apple Pay or Google Pay at checkout.', 'aliexpress', true, false],
    ['Your parcel will not get lost, it has tracking.', 'aliexpress', true, false],
    ['Wait, I think I found your order, one moment please.', 'aliexpress', true, false],
    ['付款失败的话，看下是不是银行卡限额了，换个支付方式试试', 'taobao', true, false],
    ['这单是您朋友账号拍的，麻烦她本人来问我哦', 'taobao', false, false],
    ['帮朋友问尺码呀，她平时穿多大码？', 'taobao', false, false],
    ['您朋友平时穿L的话，建议拍XL', 'taobao', false, false],
    ['您不是下单人，地址和物流我不方便说，让她用自己的账号来问就好', 'taobao', false, false],
    ['您选的是顺丰到付加急服务，默认包邮是中通哦', 'taobao', true, true],
    ['这款垃圾桶是带盖的，不串味', 'taobao', true, false],
    ['QQ糖口味有葡萄和草莓', 'taobao', true, false],
    ['退款会原路退回到您的银行卡，一般1到3个工作日', 'jd', true, false],
    ['微波炉的型号是M1-211A，功率700W', 'taobao', true, false],
    ['您可以在订单页申请开发票，电子发票随后自动发送', 'taobao', true, false],
    ['这个二维码是防伪码，扫一下可以验证真伪', 'taobao', true, false],
    ['好的亲，我这就帮您备注，明天发顺丰', 'taobao', true, false],
    ['之前答应您的赠品已经放进包裹里了，请注意查收', 'taobao', true, false],
    ['昨天说好的今天发货，已经发出了，单号在订单里', 'taobao', true, false],
    ['说好的顺丰，已经给您发了顺丰', 'taobao', true, false],
    ['跟您说的那款现在有货了，可以直接拍', 'taobao', true, false],
    ['亲，平时穿M码的话这款选M就可以', 'tmall', true, false],
    ['这款手表支持微信消息提醒', 'jd', true, false],
    ['蠢萌蠢萌的小狗抱枕，小朋友很喜欢', 'taobao', true, false],
    ['滚筒刷可以拆下来清洗', 'taobao', true, false],
    ['这款菜刀很锋利，使用时注意安全', 'taobao', true, false],
    ['我们一般48小时内发货，快递一般三天左右到', 'taobao', true, false],
    ['发票和货一起寄出，邮费我们承担', 'taobao', true, false],
    ['这款是抖音同款，卖得特别好', 'taobao', true, false],
    ['淘宝上搜店铺名就能找到我们本店', 'taobao', true, false],
    ['亲，不用急，这边帮您催一下快递', 'taobao', true, false],
    ['您先别着急，我查一下物流', 'taobao', true, false],
    ['实在抱歉，是我们没写清楚，给您添麻烦了', 'taobao', true, false],
    ['收到，马上处理', 'taobao', true, false],
    ['谢谢亲', 'taobao', true, false],
    ['之前说的那款现在有货了，给您留了一件', 'taobao', true, false],
    ['昨天答应您的今天发货，已经发出了', 'taobao', true, false],
    ['答应您的赠品我们已经备好，现在就给您寄', 'taobao', true, false],
    ['之前跟您说的优惠，现在下单就能用', 'taobao', true, false],
    ['原本说下周到货，现在提前到了，明天就能发', 'taobao', true, false],
    ['上次讲好的保修两年，卡片已经放在盒子里了', 'tmall', true, false],
    ['您之前说的地址我已经改好了', 'taobao', true, false],
    ['等您确认好尺码我再发货', 'taobao', true, false],
    ['您可以问一下家人平时穿多大', 'taobao', true, false],
    ['自己家的工厂生产，品质有保障', 'taobao', true, false],
    ['上面是尺码表，您对照一下身高体重', 'taobao', true, false],
    ['不议价哦亲，已经是活动最低价了，我送您一个小赠品', 'taobao', true, false],
    ['这款一般两天就到了，不过偶尔会晚一点', 'taobao', true, false],
    ['我们会尽快，但快递时效没法保证，请您谅解', 'taobao', true, false],
    ['您放心，我们一定会跟进到底', 'taobao', true, false],
    ['好的亲，我们一定按时发货', 'taobao', true, false],
    ['哦哦好的，那我给您备注上', 'taobao', true, false],
    ['嗯嗯，可以的亲', 'taobao', true, false],
    ['九块九的价格能买到这个质量，真的很划算', 'taobao', true, false],
    ['这款人才市场很火的文件袋，办公很好用', 'taobao', true, false],
    ['我们店在淘宝开了八年了，老店放心', 'taobao', true, false],
    ['您可以加入购物车，一起结算更方便', 'taobao', true, false],
    ['您在拼多多下单后可以用微信支付', 'pdd', true, false],
    ['这个赠品袋子装得下两件', 'taobao', true, false],
    ['如果超过三天没到，您再找我，我帮您催', 'jd', true, false],
    ['Wait a moment please, I will check.', 'aliexpress', true, false],
    ['Please check the tracking in your order page.', 'aliexpress', true, false],
    ['Let me ask the warehouse and come back to you.', 'aliexpress', true, false],
    ['I promised a gift and it is already in your parcel.', 'aliexpress', true, false],
    ['We said we would ship today and it has shipped, tracking LX998877665CN.', 'aliexpress', true, false],
    ['The gift I mentioned is included, you will see it in the box.', 'aliexpress', true, false],
    ['Actually it is available in size L too.', 'aliexpress', true, false],
    ['It is only 2 dollars now, a good deal.', 'aliexpress', true, false],
    ['No risk of damage, we pack with bubble wrap.', 'aliexpress', true, false],
    ['It usually arrives on time, but I cannot promise an exact date.', 'aliexpress', true, false],
    ['Find our new arrivals on our store page.', 'aliexpress', true, false],
    ['Our address for returns is in the return page of AliExpress.', 'aliexpress', true, false],
    ['This one is a bit cheaper than the black version.', 'aliexpress', true, false],
    ['Don\'t worry, the parcel will not get lost, it is insured.', 'aliexpress', true, false],
    ['The color is closer to olive in real life.', 'aliexpress', true, false],
    ['Packages rarely get lost on this line, and if one does we resend it.', 'aliexpress', true, false],
    ['You can pay by card or PayPal at checkout, both are protected by AliExpress.', 'aliexpress', true, false],
    ['The phone holder works with WhatsApp and WeChat video calls.', 'aliexpress', true, false],
    ['Our store name is on the top of the page, you can follow it for new arrivals.', 'aliexpress', true, false],
    ['The tracking number is LP00123456789 and it is in customs now.', 'aliexpress', true, false],
    ['I promise to check with the warehouse today and tell you tomorrow.', 'aliexpress', true, false],
    ['Delivery usually takes 10-15 days, I hope it comes sooner for you.', 'aliexpress', true, false],
    ['Please leave feedback when you receive it, it really helps our small store.', 'aliexpress', true, false],
    ['The invoice is available in your order page, free of charge.', 'aliexpress', true, false],
    ['Shipping is free to Spain, no extra cost.', 'aliexpress', true, false],
    ['If the order is not paid within 24 hours the system cancels it automatically.', 'aliexpress', true, false],
    ['Sorry for the wait, I will answer your question right now.', 'aliexpress', true, false],
    ['The stupid printer broke this morning, so your label was late, my apologies.', 'aliexpress', true, false],
    ['This is the dummy camera model, it does not record.', 'aliexpress', true, false],
    ['The model on the picture wears size M and she is 165 cm.', 'aliexpress', true, false],
    ['This keychain is a cute little clown figure, very popular.', 'aliexpress', true, false],
    ['The bag has a zipper pocket for your phone and cards.', 'aliexpress', true, false],
    ['The refund was sent to your original payment method, it can take 3-5 days.', 'aliexpress', true, false],
    ['We ship from our warehouse in Spain, so it arrives faster.', 'aliexpress', true, false],
    ['Feel free to contact us here in the AliExpress chat any time.', 'aliexpress', true, false],
    ['This stand is for a QR code sign, you can print your own code.', 'aliexpress', true, false],
    ['The courier will call the number you left in the order before delivery.', 'aliexpress', true, false],
    ['Can you send me a photo of the damage? Then I can help faster.', 'aliexpress', true, false],
    ['The game console supports Steam and Xbox controllers.', 'aliexpress', true, false],
    ['Yes, the watch shows WhatsApp notifications.', 'aliexpress', true, false],
    ['Please check the size chart, the sleeves are a bit long.', 'aliexpress', true, false],
    ['I understand, I would be upset too. Let me fix this for you.', 'aliexpress', true, false],
    ['I\'m sorry it arrived late; we cannot guarantee delivery dates, but I will follow up with the carrier.', 'aliexpress', true, false],
    ['The discount code works at checkout on AliExpress.', 'aliexpress', true, false],
    ['Dispute resolution on AliExpress protects you, so you are safe.', 'aliexpress', true, false],
    ['We cannot promise a date, but it usually arrives within two weeks.', 'aliexpress', true, false],
    ['It\'s a poor signal area so the courier may call you first.', 'aliexpress', true, false],
    ['The poor quality photo was our fault, here is a better one.', 'aliexpress', true, false],
    ['The cap is a Shein-style design but made by our own factory.', 'aliexpress', true, false],
    ['Yes, the Telegram-blue color is available in size L.', 'aliexpress', true, false],
    ['The address in your order is incomplete, could you update it in the order page?', 'aliexpress', true, false],
    ['The seller account is verified by AliExpress, you can see the badge.', 'aliexpress', true, false],
  ] as const)('%s (%s)', (text, platform, askerIsBuyer, freeShipping) => {
    expect(verdict(text, profileFor(platform), ctxFor(askerIsBuyer, freeShipping))).toBe('pass');
  });
});

describe('EVAL §2 stays: a channel word without a handle is the payment only', () => {
  it('亲加我微信转账可以便宜10元 → D1 only', () => {
    expect(rulesOf('亲加我微信转账可以便宜10元', profileFor('tmall'), { freeShipping: false, askerIsBuyer: true })).toEqual(['D1']);
  });
  it('a handle given is also the contact detail → D1 and D2', () => {
    expect(rulesOf('加我vx: mumu_9988，转账直接发货')).toEqual(['D1', 'D2']);
  });
});
