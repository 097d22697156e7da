// Report flags read as structure (R6; issue 13 round 3) and causes from everyday complaint
// phrases (R8). Sentences written here for the test — not taken from any evaluation or
// development set — in the forms buyers use to get round a platform's filter, with look-alikes
// that must stay unflagged.
import { describe, expect, it } from 'vitest';
import { canonicalFlagText, ruleFlags } from '../../src/core/reviews/flag-rules.js';
import { ruleCauses } from '../../src/core/reviews/cause-rules.js';
import { analyzeReview } from '../../src/core/reviews/analyze.js';

const flagsOf = (t: string): string[] => [...ruleFlags(t).flags].sort();

describe('canonicalFlagText', () => {
  it('undoes the common dodges before matching', () => {
    expect(canonicalFlagText('电话 一三九 零零八八 七七六六').text).toContain('13900887766');
    expect(canonicalFlagText('壹叁柒 贰贰叁叁 肆肆伍伍').text).toContain('13722334455');
    expect(canonicalFlagText('①⑤⓪①②③④⑤⑥⑦⑧').text).toContain('15012345678');
    expect(canonicalFlagText('1️⃣3️⃣8️⃣0️⃣0️⃣1️⃣1️⃣2️⃣2️⃣3️⃣3️⃣').text).toContain('13800112233');
    expect(canonicalFlagText('１３８．００１１．２２３３').text).toContain('13800112233');
    expect(canonicalFlagText('1 5 8 🌟 6 6 7 7 8 8 9 9').text).toContain('15866778899');
    expect(canonicalFlagText('t e l e g r a m').text).toContain('telegram');
    expect(canonicalFlagText('貨到了，賣家騙人').text).toBe('货到了,卖家骗人');
  });
  it('leaves short numbers alone', () => {
    expect(canonicalFlagText('买了 3 件，共 2 9 元').text).not.toMatch(/\d{7}/);
  });
});

describe('ruleFlags: ad as structure', () => {
  it.each([
    '宝贝不错，想要更多款的加绿泡泡 lulu_shop88，每周上新',
    '别在这家买了，某宝搜“阿青的杂货铺”同款便宜一半',
    '东西还行，卫星：kk20251111 有团购价',
    '需要正品代购的姐妹找我，日韩直邮',
    '好用！顺便打个广告，本人出闲置数码，看主页',
    'Nice cup. Want cheaper? follow my page @cupsbymiri and dm me',
    '质量一般，搜我闲鱼“旧物新生”，比这好',
    '挺好，企鹅 7 7 6 6 5 5 4 4 3 拉你进团购群',
    '链接在这 h t t p s : / / w w w . dealhub . top 满减更多',
  ])('%s → ad', (t) => {
    expect(flagsOf(t)).toContain('ad');
  });
  it.each([
    '在品牌官方旗舰店买的，和专柜一样',
    '这次是在天猫超市下的单，送货快',
    '客服让我加他们的售后微信处理，处理得很快',
    '链接里的第二款颜色更好看',
    '第一次在拼多多买电器，没想到这么好',
  ])('%s → no ad', (t) => {
    expect(flagsOf(t)).not.toContain('ad');
  });
});

describe('ruleFlags: private data', () => {
  it.each([
    '送货的是快递员周海涛，电话 一八六 一二三四 五六七八，人很好',
    '卖家的手机 139-0011-2233，打了没人接',
    '地址写的是江苏省南京市鼓楼区中山北路88号5栋302，别寄错了',
    '客服蒋文静态度很差，我记住你了',
    'Delivered to 27 Maple Avenue, thanks to the postman',
    '收货人是韩梅 153****6677，不是我',
  ])('%s → private_data', (t) => {
    expect(flagsOf(t)).toContain('private_data');
  });
  it.each([
    '王师傅送货很准时，点赞',
    '客服小雅很耐心',
    '快递员打电话说放驿站了',
    '订单号 4021558812345678，物流单号 YT8801234567',
    '13号下单15号就到了',
  ])('%s → no private_data', (t) => {
    expect(flagsOf(t)).not.toContain('private_data');
  });
});

describe('ruleFlags: abuse aimed at someone, not exclamations', () => {
  it.each(['什么破店，店主就是个s*b', '客服nmsl，问三遍不回', '老板脑子进水了吧，憨批一个', 'seller is a total a$$hole', '你们这帮废物，tmd发个货要十天', '卖家是不是zz，发错三次'])(
    '%s → abuse',
    (t) => {
      expect(flagsOf(t)).toContain('abuse');
    },
  );
  it.each(['卧槽，这也太好吃了吧', '我真是个傻子，买之前没看尺码', 'Holy sh*t, this blender is amazing', 'stupid thing stopped charging', '给家里的小狗买的窝，它很喜欢', '垃圾质量，一用就坏'])(
    '%s → no abuse',
    (t) => {
      expect(flagsOf(t)).not.toContain('abuse');
    },
  );
});

describe('ruleFlags: extortion as demand + review lever', () => {
  it.each([
    '瓶子漏了，返我25块我立马改成好评',
    '发错颜色，不给我补偿60元这差评就一直挂着',
    '先打一星，啥时候给我退一半啥时候追评改掉',
    '物流太慢，老板意思意思，给点补偿我就删评，懂的都懂',
    'Broken handle. Send me $15 and I will update my rating to 5 stars',
    'Refund me half or this one star review stays forever',
  ])('%s → extortion', (t) => {
    expect(flagsOf(t)).toContain('extortion');
  });
  it.each([
    '商家说好评返现8元，我拒绝了，实话实说质量一般',
    '已经按七天无理由申请退款，等商家处理',
    '给个说法，不然我就打平台客服电话',
    'I opened a dispute under the platform rules and got my refund',
    '差评，已经退款了',
  ])('%s → no extortion', (t) => {
    expect(flagsOf(t)).not.toContain('extortion');
  });
});

describe('ruleCauses: everyday complaint wording, only when complaining', () => {
  it.each<[string, string]>([
    ['风扇挺好用，就是晚上有点吵', 'quality'],
    ['毛衣穿了两次就起球了', 'quality'],
    ['新买的柜子味道太大，开窗放了一周', 'quality'],
    ['鞋子偏小，建议拍大一码', 'size'],
    ['裤子稍微长了一点', 'size'],
    ['实物比图片暗很多', 'color'],
    ['等了九天才到，太磨叽了', 'logistics'],
    ['客服回复很敷衍，问了也白问', 'service'],
    ['到手发现少了一个配件', 'description'],
    ['结账时又加了12块运费', 'price'],
    ['就用一个塑料袋装着，连个盒子都没有', 'packaging'],
  ])('%s → %s', (t, cause) => {
    expect([...ruleCauses(t)]).toContain(cause);
  });
  it.each(['没有色差，不起球，也没有异味', '包装很严实，物流很快', '尺码刚好，颜色和图片一样', '一个坏果都没有，很新鲜'])('%s → no cause', (t) => {
    expect([...ruleCauses(t)]).toEqual([]);
  });
  it('a courier’s attitude is logistics, not service; breakage in transit is not quality', () => {
    expect([...ruleCauses('快递员态度很差，让我自己下楼拿')]).not.toContain('service');
    expect([...ruleCauses('快递压得变形，里面的杯子碎了')]).not.toContain('quality');
  });
  it('analyzeReview: praise names no cause even with topic words', () => {
    expect(analyzeReview({ text: '快递小哥很负责，送货上门，包装也很用心' }).causes).toEqual([]);
    expect(analyzeReview({ text: '耳机音质很好，就是戴久了有点夹耳朵' }).causes.length).toBeGreaterThan(0);
  });
});

// More sentences written for this test in three batches; each batch was first run before any
// change made after seeing it (first runs: 34/40, 20/29 and 17/23 flags found, 2 of 53
// look-alikes flagged), then the shapes were widened. They stay as the regression check.
describe('analyzeReview flags on sentences written for the test (R6)', () => {
  it.each<[string, string]>([
    ["abuse", "你们这群骗子不得好死"],
    ["abuse", "客服是猪吗，听不懂人话"],
    ["abuse", "店家脑子有坑吧"],
    ["abuse", "老板sb玩意儿，退款拖一个月"],
    ["abuse", "发货的是不是瞎子，颜色都能发错，瞎眼玩意"],
    ["abuse", "什么垃圾客服，滚！"],
    ["abuse", "卖家真是个大傻冒"],
    ["abuse", "what a scam, you people are pathetic losers"],
    ["abuse", "f**k you seller, never again"],
    ["abuse", "客服就是个废物点心"],
    ["abuse", "tm的什么破快递员，扔门口就跑"],
    ["abuse", "狗日的商家，卖假货"],
    ["abuse", "shabi店主，气死我了"],
    ["abuse", "这客服是弱智吧，一问三不知"],
    ["abuse", "老板你个大SB"],
    ["ad", "想要同款的姐妹戳我头像"],
    ["ad", "推荐个更好的店，dy搜“小美家居”"],
    ["ad", "东西可以，要批发的联系 V：abc_9988"],
    ["ad", "我这有一手货源，扣：1 2 3 4 5 6 7 8 9"],
    ["ad", "加我vx有优惠，vx号在个签"],
    ["ad", "质量不行，来我们店看看，拼夕夕搜“好货坊”"],
    ["ad", "Buy it cheaper at my website shop-best.net"],
    ["ad", "nice! whatsapp me for bulk orders +44 7700 900123"],
    ["ad", "兼职打字员日结200，有意加薇"],
    ["ad", "有需要修手机的可以联系我，同城上门"],
    ["private_data", "快递员是李明辉，电话是幺三八幺二三四五六七八"],
    ["private_data", "寄件人写的黄小燕，地址广东省深圳市南山区科技园路12号"],
    ["private_data", "我家在北京市朝阳区望京西路3号院2号楼1202，放门口就行"],
    ["private_data", "卖家身份证号码320102199001011234也敢写在发货单上"],
    ["private_data", "Seller name is Li Hua, phone 13912345678"],
    ["private_data", "配送员 孙建华 186-1234-5678 态度非常好"],
    ["private_data", "店长叫做许文博，有问题找他"],
    ["extortion", "给我返50，我就把差评删了"],
    ["extortion", "不退我一半钱，我就天天差评"],
    ["extortion", "老板你懂的，补个红包我就追评好评"],
    ["extortion", "要么赔300，要么等着全网曝光"],
    ["extortion", "Pay me 20 dollars or I will leave one star"],
    ["extortion", "先给差评，退我20元运费再改"],
    ["extortion", "返我10块才给你五星"],
    ["extortion", "转我50，不然差评一直在"],
    ["abuse", "seller u r a clown 🤡 and a thief"],
    ["abuse", "Dear seller, go f*ck yourself"],
    ["abuse", "这店主智商欠费吧"],
    ["abuse", "傻 逼 商 家"],
    ["abuse", "客服是个棒槌"],
    ["abuse", "快递员真是个蠢货，件都能送丢"],
    ["abuse", "老板nm死了？消息都不回"],
    ["abuse", "你们这帮吸血鬼奸商，去死吧"],
    ["abuse", "mdzz，这也能发错"],
    ["abuse", "The courier is a complete moron"],
    ["ad", "同款在 pdd 只要一半价，店名叫“优品汇”"],
    ["ad", "需要的宝子私信我，给你们内部价"],
    ["ad", "Check my profile for a better deal"],
    ["ad", "Join our telegram group t.me/dealsxx for coupons"],
    ["ad", "可以加我 V 💬 a1b2c3d4 拿货"],
    ["ad", "有做跨境电商的朋友吗，带你入门，详情看个人主页"],
    ["ad", "买贵了！某东同款只要59，搜“家居优选”就有"],
    ["private_data", "送货的王德发 电话 158 0000 1111 人超好"],
    ["private_data", "My address is 55 King Street, please ship again"],
    ["private_data", "客服名字叫刘欣怡，说话很冲"],
    ["private_data", "卖家电话：0755-88889999"],
    ["private_data", "收件地址：浙江省杭州市余杭区五常街道文一西路998号"],
    ["private_data", "他的手机是 壹叁玖 捌捌捌捌 柒柒柒柒"],
    ["extortion", "Give me $10 back and I change to 5 stars"],
    ["extortion", "If you refund 50% I will delete this review"],
    ["extortion", "赔我精神损失费200，不然各大平台曝光你"],
    ["extortion", "补偿我30块，好评马上安排"],
    ["extortion", "100块买你一个好评，划算吧老板"],
    ["extortion", "不给赔偿，我每个月来追评一次"],
    ["abuse", "卖家就是个骗子加傻子"],
    ["abuse", "奸商！黑心肝的东西，全家死光"],
    ["abuse", "你们客服都是机器人吗？蠢死了，nt"],
    ["abuse", "Seller is a lying piece of garbage"],
    ["abuse", "what a bunch of dumb idiots working here"],
    ["abuse", "老板你真是个人才，脑子呢？狗都不如"],
    ["ad", "宝子们，同款源头工厂价，v我"],
    ["ad", "我在某红书上发了测评，搜“小鱼爱生活”关注一下"],
    ["ad", "要买正品的去我推荐的那家，找我要链接"],
    ["ad", "东西一般，真心推荐隔壁“星辰数码”，态度好价格低"],
    ["ad", "Want it for $5? text me on whatsapp 0044 7911 123456"],
    ["ad", "加群领券：群号 8 8 6 6 5 5 3 3"],
    ["private_data", "送货员陈国强（电话 137 1234 5678）直接把东西扔楼下"],
    ["private_data", "我的地址是上海市徐汇区漕溪北路100弄5号"],
    ["private_data", "安装师傅叫刘海军，电话号码 一五九 八八八八 六六六六"],
    ["private_data", "客服组长何晓东说不给退"],
    ["private_data", "Call the driver Pedro Alvarez at +34 612 345 678, he has my parcel"],
    ["extortion", "不把运费退给我，差评伺候"],
    ["extortion", "给我补20块差价，我改五星好评"],
    ["extortion", "退款到账我就删差评，不到账就等着"],
    ["extortion", "你们要是不赔，我就去小红书发帖曝光"],
    ["extortion", "Send me a free one or my 1 star stays"],
    ["extortion", "老板，发个50的红包，好评就给你"],
  ])('%s: %s', (flag, text) => {
    expect(analyzeReview({ text }).flags).toContain(flag);
  });
  it.each<[string, string]>([
    ["abuse", "这锅太垃圾了"],
    ["abuse", "我是傻了才会买这个"],
    ["abuse", "卧槽好看到哭"],
    ["abuse", "狗狗很喜欢这个玩具"],
    ["abuse", "孩子说这是他最爱的猪猪储蓄罐"],
    ["abuse", "Damn, this is so good"],
    ["ad", "在京东自营买的，放心"],
    ["ad", "客服加了我微信，发了安装视频，很贴心"],
    ["ad", "这家店我关注了，以后还来"],
    ["ad", "比我在实体店买的便宜"],
    ["ad", "淘宝上买的第二个了"],
    ["private_data", "快递员小刘人很好"],
    ["private_data", "张师傅安装很专业"],
    ["private_data", "下单时留了电话，快递员提前联系了"],
    ["private_data", "订单号 20261201887766554433"],
    ["private_data", "买了3件，共花了258元"],
    ["extortion", "差评！退款退了半个月"],
    ["extortion", "商家给了我10元红包让我好评，我没收"],
    ["extortion", "已申请平台介入，等待处理"],
    ["extortion", "质量太差，差评，不会再买"],
    ["extortion", "好评返现收到了，谢谢老板"],
    ["abuse", "笨笨的我装了半天才装好"],
    ["abuse", "质量垃圾，客服态度也差"],
    ["abuse", "This shit is fire, love it"],
    ["abuse", "I felt stupid for not reading the size chart"],
    ["ad", "我是在直播间下单的，主播讲得很清楚"],
    ["ad", "朋友推荐这家店的，果然不错"],
    ["ad", "Found this store via instagram ad, good quality"],
    ["ad", "链接里说的赠品收到了"],
    ["private_data", "快递小哥姓陈，人很好"],
    ["private_data", "Delivered in 5 days to my city, fast"],
    ["private_data", "客服说工作时间是9点到18点"],
    ["private_data", "包裹上的收件人名字被打码了，很好"],
    ["extortion", "我会按平台规则申请退款"],
    ["extortion", "如果质量有问题我会联系客服退换"],
    ["extortion", "If it breaks I will update my review"],
    ["extortion", "质量差，给一星，不用补偿了，不想再联系"],
    ["abuse", "这个玩偶蠢萌蠢萌的"],
    ["abuse", "我妈说我傻，买这么贵的"],
    ["abuse", "衣服很垃圾，不推荐"],
    ["abuse", "sick design, dope colors"],
    ["ad", "在旗舰店买的放心"],
    ["ad", "店铺客服推荐的款，很合适"],
    ["ad", "看了小红书的推荐来买的"],
    ["ad", "我会推荐给朋友"],
    ["private_data", "快递员电话打不通"],
    ["private_data", "收货后打了客服电话，很快解决"],
    ["private_data", "The courier Ahmed was nice"],
    ["private_data", "这是第3次买了，共5件"],
    ["extortion", "好评，老板给的返现卡我扔了"],
    ["extortion", "如果下次还这样我就不来了"],
    ["extortion", "差评，退货退款中"],
    ["extortion", "给了差评，客服主动联系退款了，很好"],
    ['extortion', '卖家不给退货，差评'],
    ['extortion', '没给发票，差评'],
    ['extortion', '不给换货，这种店给差评'],
  ])('not %s: %s', (flag, text) => {
    expect(analyzeReview({ text }).flags).not.toContain(flag);
  });
});

// Causes on sentences written for this test (first run: micro-F1 0.873; the misses were a
// plain 声音有点大, 'pills', and 客服态度好 read as a complaint). Each must name exactly the
// expected causes; praise names none.
describe('analyzeReview causes on sentences written for the test (R8)', () => {
  it.each<[string, string[]]>([
    ["加湿器挺好用的，就是声音有点大，晚上睡觉能听到", ["quality"]],
    ["卫衣洗了一次就变形了", ["quality"]],
    ["床单掉色严重，洗一次水都是红的", ["quality"]],
    ["裤子腰围偏大，得系皮带", ["size"]],
    ["鞋码偏大半码，建议拍小一码", ["size"]],
    ["外套袖子太长了，我一米七都盖住手了", ["size"]],
    ["收到的米色偏黄，跟图片不一样", ["color"]],
    ["实物颜色比图上深了好几个度", ["color"]],
    ["下单一周才发货，太慢了", ["logistics"]],
    ["快递员直接扔在小区门口，也不打电话", ["logistics"]],
    ["物流信息五天没更新", ["logistics"]],
    ["问客服问题半天不回，回了也是复制粘贴", ["service"]],
    ["售后推来推去，一个问题问了三天", ["service"]],
    ["说好的赠品没给，客服装傻", ["service", "description"]],
    ["说是纯棉，其实是涤纶", ["description"]],
    ["少发了一个杯子", ["description"]],
    ["东西还行，就是有点小贵", ["price"]],
    ["买完第二天降了五十，心塞", ["price"]],
    ["邮费比东西还贵", ["price"]],
    ["包装太简单了，就一个塑料袋", ["packaging"]],
    ["Fabric pills after one wash", ["quality"]],
    ["Runs small, order one size up", ["size"]],
    ["The color is darker than in the photos", ["color"]],
    ["Took 40 days to arrive", ["logistics"]],
    ["Seller never answered my messages", ["service"]],
    ["A bit pricey for what you get", ["price"]],
    ["Arrived in a plain bag with no box", ["packaging"]],
    ["很好用，没有异味，也没有色差，物流快", []],
    ["衣服很好看，尺码标准，客服态度好", []],
    ["包装很精美，送人有面子", []],
    ["价格实惠，质量也好", []],
    ["差评，不推荐", []],
    ["快递小哥服务态度很好，送货上门", []],
  ])('%s → %j', (text, causes) => {
    expect([...analyzeReview({ text }).causes].sort()).toEqual([...causes].sort());
  });
});

// A fourth batch, in English (first run: 17/19 found, 1/12 look-alikes flagged).
describe('analyzeReview flags on English sentences written for the test (R6)', () => {
  it.each<[string, string]>([
    ["abuse", "Seller you are a dirty thief and a liar"],
    ["abuse", "useless morons, cant even pack a box"],
    ["abuse", "screw this shop and its clowns"],
    ["abuse", "Shut up seller, you scammer piece of trash"],
    ["abuse", "stupid a** seller sent wrong size"],
    ["ad", "Same product 50% off at www.gadgetz.store"],
    ["ad", "For original ones message me on telegram @orig_parts"],
    ["ad", "I sell these at half price, search my shop \"TechNest\" on eBay"],
    ["ad", "Use code SAVE20 on my site for discount"],
    ["ad", "contact wechat: lily8899 for wholesale"],
    ["private_data", "The courier Mark Johnson left it at 12 Baker Street"],
    ["private_data", "Seller phone +86 138 0013 8000 never answers"],
    ["private_data", "My name is Anna Schmidt, Hauptstrasse 5, 10115 Berlin, send replacement"],
    ["private_data", "driver David Lee, his number is 555-234-7788"],
    ["extortion", "Refund me 20 dollars and I will remove the 1 star"],
    ["extortion", "pay me back or I post bad reviews everywhere"],
    ["extortion", "If no compensation, I will leave negative feedback on all your items"],
    ["extortion", "Give me a discount coupon and I will rate 5 stars"],
    ["extortion", "I keep this 1 star until you send money"],
  ])('%s: %s', (flag, text) => {
    expect(analyzeReview({ text }).flags).toContain(flag);
  });
  it.each<[string, string]>([
    ["abuse", "this thing is stupid simple to use"],
    ["abuse", "damn good headphones"],
    ["abuse", "I was an idiot for not checking the size"],
    ["ad", "Bought from the official Anker store, genuine"],
    ["ad", "I recommend this seller to everyone"],
    ["ad", "Contacted the seller via AliExpress chat, quick answer"],
    ["private_data", "The courier called me, very polite"],
    ["private_data", "Order 8123456789012 arrived"],
    ["private_data", "Delivered to my city in 10 days"],
    ["extortion", "I opened a dispute and got a refund"],
    ["extortion", "Seller offered $5 for a 5 star review, I said no"],
    ["extortion", "Will update my review after testing for a month"],
  ])('not %s: %s', (flag, text) => {
    expect(analyzeReview({ text }).flags).not.toContain(flag);
  });
});
