// The report flags as structure (R6; issue 13 round 3): what a review does, read after undoing the
// ways buyers get round a platform's filter. The text is first put into one canonical form —
// full-width and circled digits, keycap emoji, Chinese and financial numerals, traditional
// characters, digits and letters spaced out or cut by dots and emoji, homophones of WeChat and QQ
// (威信, 薇, 卫星, 绿泡泡, 企鹅, 扣扣) — and then each flag is a shape, not a word list:
//   abuse       an insult (plain, masked, abbreviated or in pinyin) aimed at someone, not an
//               exclamation (卧槽, holy sh*t) nor a word about the product or oneself;
//   ad          a contact id, a link or another shop/channel the buyer is pointed to, or someone
//               selling something of their own (代购, 刷单, 看我主页, DM me, use my code);
//   private_data a phone or ID number, a street address, or a full name given with its role;
//   extortion   a demand for money tied to the review: a promise to change it once paid, or a
//               threat to keep or spread bad reviews unless paid.
// Pure and fast (a handful of regular expressions per review); analyze.ts joins these with the
// model's heads.
import type { FlagId } from './analysis-lexicon.js';

/** Traditional forms of the characters the flag shapes read. */
const TRAD = '買賣貨騙評電話號碼錢紅補償賠給還刪聯繫係鏈網區縣鎮樓單門滾腦殘雞媽們這個麼東質發現讓價塊圓傳訊擊號碼連結達蠢豬狗養雜種廢試點淘寶貝戶頭條額撥訊絡搜尋親愛鐘廣告優惠圖關註來壞兩說會帳';
const SIMP = '买卖货骗评电话号码钱红补偿赔给还删联系系链网区县镇楼单门滚脑残鸡妈们这个么东质发现让价块圆传讯击号码连结达蠢猪狗养杂种废试点淘宝贝户头条额拨讯络搜寻亲爱钟广告优惠图关注来坏两说会帐';
const TRAD_MAP = new Map<string, string>();
for (let i = 0; i < TRAD.length; i++) TRAD_MAP.set(TRAD[i] ?? '', SIMP[i] ?? '');
/** The traditional characters (all in the CJK block the map is applied to): only these are looked up. */
const RE_TRAD = new RegExp(`[${[...TRAD_MAP.keys()].filter((c) => /[\u3400-\u9fff]/.test(c)).join('')}]`, 'g');
/** Every picture or sign the first replacements of canonicalFlagText read; without one they change nothing. */
const RE_PICTURE_WORD = /[\u{1F000}-\u{1FFFF}\u2795\uFF0B\u2764\u2665]/u;
/** Invisible format characters put between digits or letters to dodge a filter (word joiner, zero-width space, soft hyphen). */
const RE_INVISIBLE = /[\u00ad\u200b\u200c\u200e\u200f\u2060-\u2064\ufeff]/g;
/** English number words (seven seven one - two nine zero …): a run of six or more is a number written out (round 6). */
const EN_DIGIT: Record<string, string> = { zero: '0', oh: '0', one: '1', two: '2', three: '3', four: '4', five: '5', six: '6', seven: '7', eight: '8', nine: '9' };
const RE_EN_NUMBER = /\b(?:plus\s+)?(?:zero|oh|one|two|three|four|five|six|seven|eight|nine)(?:[\s,.-]+(?:zero|oh|one|two|three|four|five|six|seven|eight|nine)\b){5,}/g;

const ZH_DIGIT: Record<string, string> = {
  零: '0', 〇: '0', 洞: '0', 一: '1', 幺: '1', 壹: '1', 二: '2', 贰: '2', 貳: '2', 两: '2', 三: '3', 叁: '3', 參: '3',
  四: '4', 肆: '4', 五: '5', 伍: '5', 六: '6', 陆: '6', 陸: '6', 七: '7', 柒: '7', 八: '8', 捌: '8', 九: '9', 玖: '9',
};
const ZH_DIGIT_CLASS = '零〇一幺壹二贰貳两三叁參四肆五伍六陆陸七柒八捌九玖';
/** A run of at least six Chinese numerals, spaces allowed between them: a number written to dodge the filter. */
const RE_ZH_NUMBER = new RegExp(`[${ZH_DIGIT_CLASS}](?:[\\s·.,，、-]*[${ZH_DIGIT_CLASS}]){5,}`, 'g');
const PICTO = /[\p{Extended_Pictographic}\u{FE0F}\u{200D}\u{20E3}\u{1F3FB}-\u{1F3FF}]/gu;
/** Digits cut by spaces, dots, dashes or emoji (1 3 8·1234-5678): joined when at least seven. */
const RE_SPLIT_DIGITS = /\d(?:[\s.·\-_/|~,*#＊☆★○●◆◇♡•※^+]{1,3}\d|\d)+/g;

/** One canonical form for the flag shapes; `compact` also drops every space and emoji. */
export interface FlagText {
  text: string;
  compact: string;
}

export function canonicalFlagText(raw: string): FlagText {
  // Skipped when the text holds none of the pictures and signs they read (they would change nothing).
  const visible = raw.replace(RE_INVISIBLE, '');
  const pictured = !RE_PICTURE_WORD.test(visible)
    ? visible
    : visible
        .replace(/🐎|🐴/gu, '马')
        // Pictures that stand for a word in an insult: 🐶商家, 🐷脑子, 没有🧠, 傻🅱️, 🤡.
        .replace(/🐶|🐕|🐩/gu, '狗')
        .replace(/🐷|🐖|🐽/gu, '猪')
        .replace(/🧠/gu, '脑子')
        .replace(/🤡/gu, '小丑')
        .replace(/🐔/gu, '鸡')
        .replace(/💩/gu, '屎')
        .replace(/🅱️?/gu, 'b')
        .replace(/➕|＋/gu, '+')
        .replace(/❤️?|💚|♥/gu, ' ');
  let t = pictured
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '') // śb, ídiot: accents dropped
    .normalize('NFKC')
    .toLowerCase();
  t = t.replace(RE_TRAD, (c) => TRAD_MAP.get(c) ?? c);
  t = t.replace(PICTO, ' ');
  // English number words in a long run are a number (plus → +).
  if (/(?:one|two|three|four|five|six|seven|eight|nine|zero)\b/.test(t)) t = t.replace(/\bplus\s+(\d{1,3})\s+(?=(?:zero|oh|one|two|three|four|five|six|seven|eight|nine)\b)/g, '+$1 ');
  if (/(?:one|two|three|four|five|six|seven|eight|nine|zero)\b/.test(t)) t = t.replace(RE_EN_NUMBER, (m) => (m.startsWith('plus') ? '+' : '') + m.replace(/^plus\s+/, '').split(/[\s,.-]+/).map((w) => EN_DIGIT[w] ?? '').join(''));
  // A letter o inside a run of digits is a zero (15O12345678).
  t = t.replace(/(?<=\d)o(?=\d)/g, '0');
  // Chinese numerals in a long run are a number.
  t = t.replace(RE_ZH_NUMBER, (m) => m.replace(/[^零〇一幺壹二贰貳两三叁參四肆五伍六陆陸七柒八捌九玖]/g, '').replace(/./g, (c) => ZH_DIGIT[c] ?? c));
  // Letters spaced out one by one (w h a t s a p p, h t t p s) are one word.
  t = t.replace(/(?<![a-z0-9])[a-z0-9](?: {1,2}[a-z0-9](?![a-z0-9])){2,}/g, (m) => m.replace(/ /g, ''));
  // …or cut by dots or dashes (f.u.c.k, r-e-t-a-r-d), four letters or more.
  t = t.replace(/(?<![a-z0-9.-])[a-z](?:[.-][a-z](?![a-z0-9])){3,}(?![.-]?[a-z0-9])/g, (m) => m.replace(/[.-]/g, ''));
  t = t.replace(/\s*([:/])\s*(?=[a-z/])/g, '$1').replace(/([a-z])\s*\.\s*(?=(com|cn|net|org|shop|top|xyz|cc|io|vip|me|co|to|ly)\b)/g, '$1.');
  // Digits cut by separators: joined when the run holds seven or more digits.
  t = t.replace(RE_SPLIT_DIGITS, (m) => {
    const d = m.replace(/\D/g, '');
    return d.length >= 7 ? d : m;
  });
  t = t.replace(/\s+/g, ' ').trim();
  const compact = t.replace(/[\s·_~]+/g, '');
  return { text: t, compact };
}

// ---------- evidence ----------

const RE_MOBILE = /(?<!\d)(?:\+?86)?1[3-9]\d{9}(?!\d)/;
const RE_LANDLINE = /(?<![a-z\d-])0\d{2,3}-?\d{7,8}(?![a-z\d])/;
const RE_INTL = /(?:\+\d{1,3}\s?\(\d{2,4}\)\s?\d{3}[ -]?\d{4})|(?:\+\d{1,3}[ -]?\d{2,4}[ -]?\d{3,4}[ -]?\d{3,5})|(?<![a-z\d])0\d{9,10}(?![a-z\d])/;
/** A phone given in pieces: the prefix and the last four (139 尾号 5521), or an ID number with four digits or more beside it. */
const RE_PHONE_PIECES = /(?:尾号|后四位|最后四位)[是:：\s]*\d{4}[^。!！?？]{0,12}(?:前面|前七位|前几位|开头|前边)(?:是|为)?[:：\s]*1[3-9]\d{5}|(?:前面|前七位|前几位|开头)(?:是|为)?[:：\s]*1[3-9]\d{5}[^。!！?？]{0,12}(?:尾号|后四位|最后四位)[是:：\s]*\d{4}|(?:手机|电话|号码|号)[^，,。!！?？]{0,6}1[3-9]\d[^，,。!！?？\d]{0,6}(?:尾号|后四位|最后四位)[是:：\s]*\d{4}|身份证(?:号)?(?:码)?[^。!！?？]{0,8}\d{4,}/;
const RE_MASKED_MOBILE = /(?<!\d)1[3-9]\d[ -]?[*x×]{4}[ -]?\d{4}(?!\d)/;
const RE_ID_CARD = /(?<!\d)[1-9]\d{16}[\dx](?!\d)|passport\s*(?:no\.?|number|#|:)?\s*[a-z]{0,2}\d[\d *]{4,}|护照号?(?:码)?[:：是]?\s*[a-z]{0,2}\d{5,}|身份证(?:号)?(?:码)?后(?:四|4|六|6)位/;
const RE_URL = /(https?:\/\/|www\.|www ?(?:\.|点|dot) ?[a-z0-9 ]{2,20}? ?(?:\.|点|dot) ?(?:c ?n|c ?o ?m|net|biz|org|top)\b|www(?:点|dot)|\b[a-z0-9-]+\.(com|cn|net|org|shop|top|xyz|cc|io|vip|club|site|online|me|ly|co|store|to)\b(\/\S*)?|[a-z0-9-]{3,} ?(?:点|dot|\(dot\)|\[dot\]) ?(?:com|cn|net|org|shop|top|xyz|store|online|site|vip|io|co)\b|\b(tb|t)\.cn\/\w+|amzn\.to|[a-z0-9-]{3,} dot biz\b)/;
const RE_EMAIL = /[a-z0-9._%+-]+@[a-z0-9.-]+\.[a-z]{2,}/;
/** Labels of a chat contact, homophones and abbreviations included. */
const CONTACT_LABEL =
  'q裙|扣裙|qq裙|企鹅裙|绿色软件|绿色app|(?<![a-z])wa(?![a-z])|微信|威信|薇信|薇芯|微芯|维信|卫星|绿泡泡|v信|vx|wx|weixin|wechat|wei xin|加微|加威|加薇|\\+v|\\+微|\\+威|企鹅|扣扣|qq群?|q群|加扣|加q|whatsapp|whats app|telegram|tg|instagram|insta|ins|line|skype|signal|viber|小红书号?|抖音号|快手号|微博|群号|qq群|微信群|群';
/** A contact label followed (after a 号/是/:/搜/同号…) by an id: letters and digits, at least five. */
const RE_CONTACT_ID = new RegExp(
  `(?:${CONTACT_LABEL}|(?<![a-z])(?:v|q)(?![a-z])|(?<=加|\\+)(?:薇|威|微|扣|v|q)|(?:扣|微|薇|威|企)(?=[:：]|\\s\\d{5}))[\\s:：=号是搜同\\-+@]*(?=[a-z0-9_.@-]*\\d|[a-z_.-]*[_.-][a-z])[a-z0-9][a-z0-9_.-]{4,}`,
);
const RE_HANDLE = /(?:(?:卫星|威信|薇信|绿泡泡|绿色软件|v信|vx|微信|扣扣|企鹅|小红书|小红薯|抖音|快手|闲鱼|咸鱼)[”"」』]?(?:里|上)?[^。!！?？]{0,6}搜\s*(?:我的?)?(?:id|号)?[:：]?\s*[a-z][a-z0-9_.]{2,})|(?:instagram|insta|ins|小红书|抖音|tiktok|twitter|facebook|fb|telegram|tg|微博|b站|关注)[^，。,.!！?？]{0,10}@[\p{L}\p{N}_.-]{3,}|(?:follow|find|dm)( me)? (on|at) \w+|(?<![a-z0-9])@[a-z0-9_.]{4,}/u;

/** Places a buyer can be pointed to that are not this shop. */
const ELSEWHERE =
  '某宝|小红薯|某红书|xhs|某乎|知乎|某东|某猫|某多多|多多|某团|小黄鱼|某站|淘宝|tb|taobao|天猫|拼多多|拼夕夕|pdd|闲鱼|咸鱼|某鱼|抖音|某音|小红书|某书|快手|唯品会|京东|得物|1688|微店|有赞|公众号|小程序|joom|etsy|amazon|ebay|shein|temu|wish|walmart|aliexpress';
/** A shop or channel named in quotes after a search/shop word: 淘宝搜“某某小铺”, 店铺名“…”, store "X". */
const RE_NAMED_SHOP = new RegExp(
  `(?:搜索?|店铺名?|店名|小店|直播间|认准|用户名|账号|关注|推荐|隔壁|不如去|建议去|可以去|推荐去|大家去|store|shop|search|google|on (?:${ELSEWHERE}))[^，,。!！?？“"「『【《]{0,6}[“"「『【《][^”"」』】》]{2,24}[”"」』】》]` +
    `|[“"「『【《][^”"」』】》]{1,14}(?:店|铺|屋|坊|馆|优选|专营|工厂|衣橱|小站|outlet|store|shop)[”"」』】》]` +
    // a channel or creator named after its platform: 公众号【…】, b站up主"…", 抖音博主「…」
    `|(?:公众号|视频号|b站|抖音|快手|小红书|微博|youtube|up主|博主|主播)(?:up主|博主|主播|账号|号)?[:：]?[“"「『【《][^”"」』】》]{2,16}[”"」』】》]` +
    `|店名[:：是叫][^，,。!！?？]{2,12}` +
    // a shop named by what it is called: 某宝上一家叫“阳光数码”的店
    `|(?:一家|家|个)(?:店)?(?:叫|名叫|叫做)[“"「『【《][^”"」』】》]{2,16}[”"」』】》]` +
    `|(?:${ELSEWHERE})[^，,。!！?？]{0,8}(?:搜|小店|直播间|店铺)` +
    // round 8: a platform then a quoted seller: 快手上"农家小妹"卖的, 抖音上“山里阿妹”家的
    `|(?:${ELSEWHERE})(?:上|里)(?:的|有个|有家|那个)?[“"「『【《][^”"」』】》]{2,16}[”"」』】》](?:家|卖|的店|店|直播)`,
);
/** A 淘口令 between currency signs (¥Kx8Qm2Lp0a¥, €7HjkL2nQ€). */
const RE_TAO_CODE = /[¥￥€$£₳💰]\s?[a-z0-9]{6,14}\s?[¥￥€$£₳💰]/;
/** A call to get in touch (需要装空调的可以联系, 想要整箱的直接找…, 找我表哥): an ad when a contact goes with it. */
const RE_CALL_TO_CONTACT =
  /(?:需要|想要|有需要|要买|想买|要)[^，,。!！?？]{0,10}的(?:朋友|姐妹|宝子|亲|家人)?(?:们)?(?:可以|请|直接|就)?(?:直接)?(?:联系|找|打|加|私|约|预约|call)|找我(?:表哥|表姐|哥|姐|老公|老婆|朋友|同学|亲戚|家)|(?:need|want)[^.!?]{0,20}(?:call|contact|text|whatsapp)/;
/** A phone number after its label in any language, however long once its separators are dropped (my new phone is 380-67-215-90-44). */
const RE_PHONE_AFTER_LABEL = /(?:电话|手机|号码|联系方式|phone|mobile|cell|tel|whatsapp|call me|call this)[^\d，,。!?！？]{0,12}\+?\d{8,15}(?!\d)|(?:快递员|快递小哥|送货员|配送员|骑手|司机)[:：\s]*1[3-9]\d{9,10}(?!\d)/;
const OFFICIAL = /(官方旗舰店|旗舰店|官方店|京东自营|天猫超市|自营|官网|official store|official shop|实体店|专柜|线下店)/;
/** Someone selling something of their own in a review. */
const RE_SELF_PROMO = new RegExp(
  [
    '(?:我的|我家的?|我们的?|本人的?|朋友的|我朋友的?)[^，,。!！?？]{0,6}(?:小店|店铺|网店|水果店|店(?!员|家|主))',
    '(?:来|到|去)我们?(?:的|家)?(?:店里|店|小店|抖音|直播间|主页|实体店|门店|工作室|档口)|(?:我家|我们家|自家|我们)(?:的)?(?:果园|工厂|厂子|农场|茶园|档口|工作室|直播间)|扫(?:描)?[^，,。!！?？]{0,8}二维码|(?:需要|想要|要)的(?:朋友|姐妹|宝子|亲|家人)?(?:们)?(?:可以)?(?:私聊|私信|滴滴|找我|联系我)|报我(?:的)?名字|提我(?:的)?名字|说是我介绍',
    '(?:我|本人)?(?:在)?自(?:己|家)(?:的)?(?:店|小店|网店|店铺)(?:里)?(?:卖|有|也有|更便宜)',
    '(?:看|戳|点)我(?:的)?(?:头像|主页|朋友圈|签名|简介|昵称|名字|用户名|id|动态|置顶|笔记)|搜我(?:的)?(?:名字|昵称|id|用户名|小红书|抖音|快手|闲鱼|咸鱼|b站|微博|公众号|店)|戳我(?!的)|滴滴我|dd我',
    '(?:联系方式|微信|链接|群号|号码|v号|vx|q号|qq)(?:就)?(?:在|见|看|是)(?:我的?)?(?:主页|头像|简介|签名|评论|昵称|名字|id)|(?:头像|昵称|主页|签名)(?:就是|即)(?:联系方式|微信|v|号)',
    '关注(?:一下)?(?:我的?)?(?:公众号|视频号|抖音号?|快手号?|小红书号?|b站|微博|直播间)|求三连|一键三连|求关注',
    '(?:留言|评论|私信|扣1|扣个1)[^。!！?？]{0,4}(?:我)?(?:发|给|私发)(?:你)?(?:链接|地址|联系方式)|有兴趣的(?:朋友|宝子|姐妹)?(?:们)?(?:可以)?[^，,。!！?？]{0,4}了解(?:一下)?|我(?:家|们家?)?(?:自己)?也(?:在)?(?:做|卖)(?:这个|同款)|(?:羊毛|优惠|福利|团购|特价|内部|折扣|秒杀)群|复制[^，,。!！?？]{0,8}(?:打开|去|到)|口令',
    '(?<![型码单])号(?:就)?(?:在|见|看)(?:我的?)?(?:头像|主页|简介|签名|昵称)|\\+我(?=[^，,。]{0,6}(?:软件|v|微|薇|威|扣|企鹅|泡泡))|(?:抖音|快手|小红书|小红薯|b站|视频号|淘宝|闲鱼|拼多多|微店|公众号)[^，,。!！?？]{0,4}开了?(?:个|一个|家|一家)?(?:号|店|账号|直播间|小店)|推荐(?:大家|你们)?去我(?:朋友|亲戚|家|表哥|表姐)',
    '感兴趣的[^，,。!！?？]{0,4}(?:私聊|私信|私我|滴滴|联系)|(?:订房|订餐|订桌|订票|租车|装修|搬家|维修|回收|拿货)(?:的话)?(?:找我|联系我|打我电话|请联系|call me)|找(?:货源|代购|渠道|工厂)的[^，,。!！?？]{0,4}(?:私聊|私信|私我|滴滴|联系)|我(?:自己)?开的[^，,。!！?？]{0,6}(?:店|铺|工作室)[^，,。!！?？]{0,4}(?:有|更|也)|(?:渠道|货源|门路)我有|我有(?:更便宜的)?(?:渠道|货源|门路)',
    '我(?:专业|长期|常年)代购|本人(?:专业|长期|常年)?(?:代购|代理|批发)',
    // round 8: an invite or referral code, one's own stall or trade with a way in (我家在…有档口, 需要的来店里), 本人收旧手机, 扫我晒图里的码, vx同名
    '我在(?:' + ELSEWHERE + ')(?:上|里)?(?:也)?(?:卖|出|有卖|开了)|(?:邀请码|推荐码|注册码|推广码|返利(?:app|软件|平台|网))|(?:我家|我们家|我们|本人|我)(?:自己)?(?:也)?(?:在|于)[^，,。!！?？]{0,10}(?:有|开了?)(?:个|一个|家|一家)?(?:档口|摊位|摊子|店|门店|小店|工作室|铺子|门面)|(?:需要|想要|要买)的[^，,。!！?？]{0,4}(?:来|到)(?:我)?(?:店里|店|摊位|档口)|本人(?:长期|常年|高价)?(?:收|回收)|高价回收|扫我[^，,。!！?？]{0,8}码|(?:v|vx|wx|微信|薇|威|微|q|qq|扣扣)同名',
    '看主页|主页有|个人主页|主页看|带你(?:一起)?(?:入门|赚|飞|做|搞钱)|副业|搞钱|打个广告|顺便推荐(?:一下)?(?:我|大家)|广告位',
    '(?:有需要|需要|想要|要)[^，,。!！?？]{0,14}(?:的|的话)?[^，,。!！?？]{0,4}(?:找我|联系我|私我|私聊我|加我|来找我|打我电话|call me|滴滴|私聊|私信)',
    '(?<!老板|卖家|客服|店家|商家|掌柜)(?:私聊我|私信我|私我|加我)(?!们|谈)',
    '我(?:的)?(?:闲鱼|咸鱼|小红书|小红薯|抖音|快手|微店|淘宝店|b站|橱窗)(?:里|上)?(?:有|卖|出|搜)|搜索?(?:店铺|店名|小店)[:：]|点头像进|橱窗里|找我(?:拿|买|代购|订|预约|团)|(?:私信|私聊)我要(?:链接|联系方式|微信|店名|渠道|货源)|去我推荐的',
    '(?:代购|代写|代刷|代拍|代理)[^，,。!！?？]{0,8}(?:找我|联系|加|私|可以|微|v|q)|(?:需要|要)[^，,。!！?？]{0,6}代购|招代理|做微商|微商',
    '加群|进群|刷单|日结|日赚|兼职|在家赚钱|零花钱|宝妈看过来|赚钱',
    '批发找|量大从优|厂家直销|源头工厂|低价充值|充值话费|出闲置|出二手|收二手',
    '(?:大家|建议|推荐|不如|可以|还是)?(?:去|到)(?:' + ELSEWHERE + ')[^，,。!！?？]{0,10}(?:买|搜|看看|找)',
    '内部(?:优惠)?券|优惠券群|回复\\d+',
    '同款[^，,。!！?？]{0,12}(?:' + ELSEWHERE + ')(?![^，,。!！?？]{0,3}(?:看到|见过|看过|买过))|(?<!在|从|拼|某)(?:' + ELSEWHERE + ')(?![^，,。!！?？]{0,4}(?:看到|见过|看过|买过|也有))[^，,。!！?？]{0,8}同款(?![^，,。!！?？]{0,4}(?:更贵|贵|差不多|一样|也|都|二手))',
  ].join('|'),
);
const RE_SELF_PROMO_EN =
  /\b(contact me\s*[:：]|[a-z0-9_.]*\d[a-z0-9_.]* on (?:wechat|whatsapp|telegram|line|insta(?:gram)?|kik|snap(?:chat)?)\b|dm me|message me|join (?:my|our) (?:telegram |whatsapp |wechat |facebook |discord |vip )?(?:group|channel|community)|pm me|inbox me|add me|write (to )?me|write (him|her|us)|whatsapp me|contact me for|follow (me|my)|visit my|check (?:out )?my|link in (?:my )?bio|my profile|my (store|shop|page|channel|instagram|insta|tiktok|website)|my friend'?s? (store|shop)|use (my )?code|(?<!(?:give|send|offer) me an? |want an? )(?:discount|promo|coupon) code|code [a-z]*\d+|go to (store|shop)|buy (it )?(from|on|at) (my|amazon|ebay|temu|shein|wish|joom|etsy)|(?:buy|get|order) (?:it |them |one )?from [a-z0-9]+[^.!?]{0,20} on (?:amazon|ebay|temu|shein|wish|joom|etsy)\b|same (one )?(on|at) (amazon|ebay|temu|shein|wish|joom|etsy)|(?:get|buy|order) (?:it |them |this |one )?cheaper (on|at) (amazon|ebay|temu|shein|wish|joom|etsy)|make money|from home|contact me on|(?:i|we) (?:also )?sell (?:the )?(?:same|similar|them|these|it|this)? ?(?:cheaper|for less|(?:on|at|in) (?:my|our) (?:shop|store|website|page|channel|etsy|ebay|amazon))|\$ ?\/ ?(week|day)|per (week|day) from|link ?:|wholesale price)/;

/** Insults: plain, masked, abbreviated or in pinyin; each stands alone (not inside a longer word). */
const ABUSE_ZH =
  /((?:你|你们|客服|卖家|老板|商家|店家|店主|售后)[^，,。!！?？]{0,4}没(?:上过|读过)(?:学|书)|(?:老板|商家|卖家|客服|店家|店主)[^，,。!！?？]{0,3}心是黑的|骗子一个|(?:是|一群|一帮|都是|加)(?:个)?文盲|(?:蠢|笨|傻)得?(?:像|跟)(?:一)?(?:头|只|条)?(?:驴|猪|狗)|(?:是|加|和)(?:个)?(?:流氓|无赖|土匪|强盗)|(?:一帮|一群|都是|全是)吃干饭的|饭桶|(?:你|你们|客服|卖家|老板|商家|店家|店主|售后)[^，,。!！?？]{0,4}弱鸡|活着(?:就是|纯属|都是)?浪费(?:粮食|空气)|巨婴|(?:店主|客服|卖家|老板|商家|店家|售后|你|你们)[^，,。!！?？]{0,8}回炉重造|九年义务教育|(?:是|像)(?:一)?(?:条|只|头)[\u4e00-\u9fff]{0,3}的(?:狗|猪|驴)|(?:是个|你个|个|一群|一帮|真是个|怕不是个)瓜皮|(?:人|员|你们|你|客服|老板|店主|小哥)[^，,。!！?？]{0,4}(?:蜗牛|乌龟|猪|狗|树懒)投胎|(?:的|是|群|个)废柴|手是脚变的|丢人现眼|遭报应|报应(?:到|在)(?:你|自己)|良心[^，,。!！?？]{0,8}(?:喂|被|让|叫)[^，,。!！?？]{0,6}狗|全家[^，,。!！?？]{0,6}(?:骗子|靠骗|骗吃)|废物点心|傻[逼比笔b屄x叉缺帽狗子蛋冒嗨屌吊]|[煞沙][逼比笔b屄x叉]|煞笔|沙比|沙雕|憨批|憨憨|二逼|二百五|二货|脑残|脑瘫|智障|弱智|白痴|蠢货|蠢猪|蠢蛋|蠢材|猪脑子?|狗东西|狗屎|狗屁|狗日|狗娘|狗杂种|杂种|狗(?:卖家|商家|客服|老板|店|快递)|王八|混蛋|混账|眼瞎|瞎了眼|瞎眼|滚吧|滚(?=[!！。.]*$)|龟孙|畜生|畜牲|贱人|贱货|婊子|人渣|败类|废物|残废|神经病|(?:你|你们|客服|卖家|老板|商家|店家|店主|快递员?)(?:是|就是|真是|跟|像)(?:个|头|只|条)?(?:猪|狗|驴)(?:吗|吧|啊|一样|似的)|脑子有病|脑子有坑|脑子呢|全家(?:死|都死|死光|暴毙)|死光光|狗都不如|猪狗不如|畜生不如|黑心肝|奸商|智商欠费|没脑子|棒槌|(?:客服|老板|卖家|店家|商家|店主)(?:都|全)?死了|脑子进水|脑子被驴踢|脑子坏了|没长脑子|不得好死|断子绝孙|有病吧|你(?:是|们是)?(?:属)?(?:狗|猪|驴)的?吗|见人就咬|不要脸|去死|死全家|全家都是骗子|滚蛋|滚犊子|你妈|你马的|他妈的|尼玛|妈蛋|草泥马|日你|操你|艹|司马|死妈|瞎了狗眼|狗眼|眼睛长屁股上|骗子老板|死骗子|垃圾(?:卖家|商家|店家|店铺|客服|老板|东西卖家)|j8|鸡巴|你大爷|去你的|瓜娃子|二五仔|瞎还是傻|傻还是瞎|智商感人|(?:你|你们|客服|卖家|老板|商家|店家|店主|售后|快递员|快递小哥)(?:就|真|简直)?(?:是)?(?:个|属)?(?:属狗的|垃圾(?!袋|桶|分类|东西|产品|质量|货)|贱(?:得很|人|货|骨头)?(?![卖价])|人渣|败类)|(?:你|是个|真是个|就是个|加)(?:大)?(?:冤种|傻春)|脑干缺失|脑子(?:是不是|怕不是|是)?被门(?:夹|挤)|脑子被驴踢|缺脑子|垃圾人|滚你(?:丫|妈|的|大爷)|狗都比你|智力(?:有问题|低下)|智商(?:有问题|堪忧|低下|为零)|瓜批|哈批|哈麻批|锤子玩意|扑街|仆街|叼你|屌你|丢你老母|冚家铲|食屎|吃屎|操蛋|龟儿子|狗腿子|缺德玩意|缺心眼|死扑街|日你仙人|(?:你|你们|客服|卖家|老板|商家|店家|店主|售后|快递员|快递小哥)(?:是|是不是)?(?:个)?(?:聋子|瞎子|哑巴|聋了还是瞎了|瞎了还是聋了)|(?:你|你们|客服|卖家|老板|商家|店家|售后)[^，,。!！?？]{0,3}是个?什么(?:东西|玩意儿?)|(?:是个|就是个|一群|一帮|真是)(?:流氓|无赖|土匪|强盗|吸血鬼)|没有?脑子|脑子(?:里)?(?:装的)?(?:都是|全是)(?:浆糊|屎|水|草)|脑子被门夹|脑子被狗吃|(?:你|你个|你这个|是个|就是个|一群|一帮|一窝|真是个)(?:老六|小丑|250|2b|二b|瘪三|孙子|憨批|憨货|废柴|饭桶|蠢驴|傻狍子|猪头|傻帽)|(?:你|nm|尼玛|你马)(?:妈)?没了|(?:狗|猪)(?:一样|都不如)的(?:卖家|商家|客服|老板|店)|吃屎吧|滚出|死开|去死吧|坑人不得好死|不得好死|智(?:zhang|zz)|弱(?:zhi|zz)(?![a-z])|脑(?:can|tan)(?![a-z])|sha(?:逼|比|x|bi)|傻bi|老阴[比逼b]|阴[比逼]|(?:你|你们|客服|卖家|老板|商家|店家|店主|售后)[^，,。!！?？]{0,6}(?:脑子(?:是不是)?(?:有泡|有坑|瓦特|秀逗|抽了|有问题吧|缺根弦|缺根筋|少根筋)|(?:是不是)?没长眼(?:睛)?|(?:是|真的|真|太|好)(?:真的)?(?:蠢|贱)(?!萌|卖)|有大病|有病吧)|(?:你|你们|客服|卖家|老板|商家|店家|店主|售后|快递员?)(?:就|真|简直)?(?:是|像)(?:一)?(?:条|只|头)(?:狗|猪|驴|蠢驴|疯狗)|无耻(?:商家|卖家|老板|客服|店家|奸商|之徒|至极|的(?:商家|卖家|老板|客服|店家))|(?:商家|卖家|老板|客服|店家|店主)(?:真|太|好)?(?:无耻|没脸没皮)|良心(?:被狗|让狗|喂了?狗|叫狗)|祖坟(?:冒黑烟|冒青烟了吧|被刨)|天打雷劈|出门被车撞|被雷劈|下三[滥烂]|吸血鬼|土鳖|土包子|死肥猪|肥猪|死胖子|老不死|死老头子?|死老太婆|死三八|贱兮兮|贱嗖嗖|妈卖批|麻卖批|(?<![a-z])mmp(?![a-z])|(?:你|你们|客服|卖家|老板|商家|店家|店主|售后)(?:真的?|可真|真是|可真是)?(?:是)?(?:个)?大聪明|(?:你|你们|客服|卖家|老板|商家|店家|店主|售后)[^，,。!！?？]{0,6}(?:放屁|放狗屁|屁话)|说话(?:跟|像|如同)放屁|(?:你|你们|客服|卖家|老板|商家|店家|店主|售后)(?:是不是|怕不是|真是|真|是)?有(?:毛病|大病)(?![的了]?(?:机器|东西|产品|商品|货))|(?:你|你们|客服|卖家|老板|商家|店家|店主|售后)[^，,。!！?？]{0,4}脑子(?:是不是)?(?:不好使|不太好使|不灵光|不够用)|还是(?:猪|狗|驴)(?=[吗啊吧呢?？。!！,，]|$)|(?:你|你们|客服|卖家|老板|商家|店家|店主|售后|快递员)[^，,。!！?？]{0,3}(?:耳朵)?聋了(?:吗|吧|啊|？|\?)|你?算(?:个)?什么东西|(?:像个?|就是个?|是个|真是个)(?:泼妇|疯婆子|疯狗|无赖|叫花子|要饭的)|臭(?:卖货|要饭|打工)的|臭(?:卖家|商家|客服|老板))/;
const ABUSE_ABBR = /(?<![a-z0-9_-])(sb|s13|nmsl|cnm|nmb|tmd|tm的|mlgb|mdzz|nt|zz|mb|nc|wcnm|rnm|sb玩意|f u|fu|stfu|nm(?=死|的|b|没)|s b|fkn|fking|fcking|fck|f-ing|f'ing|effing|shabi|sha bi|naocan|zhizhang|ruozhi|baichi|caonima|tamade|gtfo|wtf)(?![a-z0-9_-])/;
const ABUSE_EN =
  /\b((?:greedy|dirty|lying|filthy|sneaky|thieving)(?: little)? (?:rat|snake|weasel)s?\b|shitheads?|iq of (?:a|an) (?:potato|rock|goldfish|brick|chicken|fish|toaster|carrot|stone)|go rot|(?:store|shop|business) burns? down|hope (?:you|your)[^.!?]{0,20}(?:die|rot|burn|go broke)|idiots?|stupid (seller|shop|store|people|scammers?|liars?|company|owner|courier|guy)|scumbags?|bastards?|assholes?|a\$\$holes?|a\*+(hole)?|dumb (a\*+|ass|shop|seller)|bitch(es)?|b\*+tch|motherf\w*|morons?|retards?|r\*tard|dumbass|thieves|piece of (sh\*?i?t|s\*+t|crap|garbage|trash|junk)|shut up|f+[*#@]+c?k\w*|go f\S{1,4}k yourself|f+u+c+k\w*|f\*+cking|sh[*#1!]t+y?|shitty|shit (seller|shop|store)|(you|ur|your) (are )?(liar|liars|clowns?|losers?|jerks?)|liar|clowns?(?! (?:costume|nose|makeup|shoes|wig|toy|fish|outfit|mask|party|suit))|losers?|jerks?|(?:lying|dirty|filthy|stupid|greedy) (?:dog|pig|rat|snake)s?|go to hell|screw you|son of a|dickheads?|dicks?(?= (seller|shop|store|owner))|cunts?|twats?|wankers?|pricks?|jackass|scum(bag)?s?|brainless|greedy (pigs?|bastards?|scammers?)|(you|ur|greedy|fat|dirty|lazy|stupid) pigs?|(you|ur) (are )?(an? )?(absolute |total |complete |real |fucking )?(idiot|moron|retard|pig|dog|joke|clown)s?|(you|ur|seller|owner|staff|support|he|she) (are|is|r) (so |as |such an? )?(dumb|stupid|brainless|retarded)(?! (thing|product|item|design))|go f(\*+|uck)? yourself|a-holes?|a\$\$(?:es)?(?![a-z])|(?:burn|rot) in hell|disgusting (?:cheaters?|scammers?|thieves|liars?|people|seller)|\b(?:a|an|you|such a|is a|you're a) (?:total |real |complete |fucking )?dick(?:head)?s?\b|brain ?dead|(?:stupid|dumb|lazy|lying)[- ]?ass\b|\b(?:a|and a|you|you're a|you are a) (?:fat |greedy |dirty |lazy )?pigs?\b|\b(?:you|u|ya|this shop|this store|seller|you guys) (?:all )?suck\b|\bf+ off\b|\beff off\b|(?:scammers?|thie(?:f|ves)|liars?|cheaters?|crooks?) pigs?\b|(?:filthy|dirty|lying|stinking) (?:scammers?|liars?|thieves|cheats?|crooks?))/;
/** Mild curses (妈的, 特么, tm) are abuse only when aimed: a person of the shop within a few characters. */
const MILD_CURSE_AIMED =
  /(?:妈的|特么的?|特喵的?|tm的?(?![a-z]))[^。!?！？]{0,6}(?:你|客服|卖家|老板|商家|店家|掌柜|店主|售后|快递员)|(?:你|客服|卖家|老板|商家|店家|掌柜|店主|售后|快递员)[^。!?！？]{0,8}(?:妈的|特么的?)/;
/** Insults written in leetspeak (id1ot, m0r0n, r3tard, p1g, a$$hole): letters put back. */
const LEET: Record<string, string> = { '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't', '@': 'a', $: 's', '!': 'i' };
const RE_LEET_WORD = /(?<![a-z0-9@$!])(?=[a-z0-9@$!]*[a-z][a-z0-9@$!]*[a-z])(?=[a-z@$!]*[0-9@$!])[a-z0-9@$!]{3,}(?![a-z0-9@$!])/g;
/** English insult stems a masked word (b*stard, f**k, sh#t) is compared with. */
const EN_INSULT_STEMS = ['scum', 'shithead', 'idiot', 'moron', 'retard', 'bastard', 'asshole', 'dickhead', 'bitch', 'fuck', 'fucking', 'shit', 'shitty', 'scumbag', 'cunt', 'twat', 'wanker', 'prick', 'dumbass', 'jackass', 'motherfucker'];
const RE_MASKED_EN_WORD = /(?<![a-z])[a-z]+[*#]+[a-z*#]*|(?<![a-z])[*#]+[a-z]+/g;
function maskedEnglishInsult(t: string): boolean {
  if (!/[a-z][*#]|[*#][a-z]/.test(t)) return false;
  for (const m of t.matchAll(RE_MASKED_EN_WORD)) {
    const re = new RegExp(`^${m[0].replace(/[*#]+/g, (x) => `[a-z]{${x.length},${x.length + 1}}`)}(?:s|es|ing|ed)?$`);
    if (EN_INSULT_STEMS.some((w) => re.test(w) || re.test(`${w}s`))) return true;
  }
  return false;
}

/** Exclamations and words about the product or oneself, not aimed at anyone. */
/** Round 7 (R6): abuse with no swear word — a person likened to an animal or a lesser being, contempt for their mind, harm wished on them. */
const ABUSE_R7 =
  /听不懂人话|(?:就是|是)(?:条|只|一条|个)?(?:看门狗|狗腿子|走狗)|只会乱叫|早晚(?:进局子|坐牢|遭报应|倒闭|被抓)|\b(?:is|are) (?:a |such )?(?:disgusting |dirty |filthy )?(?:rats?|snakes?|cockroach(?:es)?|leeches)\b|\b(?:you are|you're|they are|seller is) (?:the )?(?:dumbest|stupidest)\b|寄生虫|活该(?:一辈子)?(?:穷|倒霉|被骗|没人要|断子绝孙)|冷血动物|(?:是不是人|不是人)(?![工])|\b(?:trash|scum|garbage) of a (?:person|human)|ashamed to exist|bunch of (?:monkeys|clowns|animals|pigs|apes)|no brains at all|祝你们?[^，,。!！?？]{0,6}(?:越做越差|赔光|关门|倒闭|破产|出门(?:被|踩)|踩坑|被车|早死|不得好死)|(?:你|你这|老板你这|客服)[^，,。!！?？]{0,3}脑子(?:是不是)?(?:出厂)?(?:就)?(?:没装|有病|进水|秀逗|被门夹|被驴踢|坏了)|脑子秀逗|(?:杠精|猪|狗|畜生|癞蛤蟆)转世|你(?:还)?是人吗|贱骨头|(?:没素质|没教养|没家教)(?:的)?(?:玩意|东西|人)|不会说人话|说的不是人话|动物园(?:里)?(?:请|跑|放|出)|没进化(?:完|好)|脑子里(?:装的)?(?:是|全是)?(?:豆腐渣|浆糊|水|屎|稻草|草)|(?:良心|心)(?:都)?(?:被狗吃了|喂了狗)|社会的?(?:垃圾|败类|蛀虫)|(?<![a-z])(?:brain|memory|iq) of a (?:goldfish|potato|rock|chicken|fly)|\blow-?life\b|\bpathetic (?:human|people|person|losers?|creatures?)|\bparasites?\b|disgrace to humanity|\bdeserves? to (?:die|starve|rot|suffer|go bankrupt)|\bsubhuman\b|\bvermin\b/;
/**
 * Round 8 (R6): abuse with no swear word, as a shape — a person of the shop (or the courier) called a
 * contemptible kind of person or creature (老妖婆, 讨饭的, 软骨头, 蛆, 懒猪, 鹦鹉, 蚂蟥), their family
 * or upbringing dragged in (祖宗十八代, 爹妈知道吗, shame on your family), their head "broken" by a door
 * or a donkey, harm promised (出门小心点, 迟早被人收拾); English "X is a clueless donkey", "pack of
 * hyenas", "brain of a sandwich", "useless human being". Speed comparisons (像乌龟, 像蜗牛) are not in
 * the list: a slow parcel is a complaint, not an insult.
 */
const ABUSE_TARGET = '(?:你们?|客服|卖家|老板娘?|商家|店家|店主|掌柜|售后|快递员|快递小哥|驿站(?:的)?(?:老板娘?|那个人?)?|骑手|送货的|那个(?:男的|女的|人)|大姐|大妈|这人|这家伙|(?<!快递)小哥)';
const CONTEMPT_NOUN = '(?:老妖婆|老巫婆|老太婆|老东西|老妖精|巫婆|妖婆|泼妇|讨饭的|要饭的|叫花子|乞丐|丑八怪|软骨头|窝囊废|瞎子|聋子|哑巴|蛆|懒猪|懒鬼|懒虫|鹦鹉|复读机|打字机|蠢驴|驴|蚂蟥|水蛭|吸血鬼|王八|耗子|老鼠|蟑螂|苍蝇|白眼狼|疯狗|泼皮|无赖|地痞|呆子|傻子|神经病|木头人|土匪|强盗|饭桶|废物|木头疙瘩|榆木疙瘩|缩头乌龟|癞皮狗|哈巴狗|跳梁小丑|地头蛇|铁公鸡|败家子|混混|小人(?![偶书国物])|势利眼|马屁精|吝啬鬼|守财奴|蠢材|笨蛋|呆瓜|傻瓜|二愣子|愣头青|乡巴佬|老油条|滚刀肉|赖皮|小偷|狐狸精|母老虎|母夜叉|怨妇|丧门星|扫把星|瘟神|害人精|蛀虫|渣滓|禽兽|牲口|奴才|混球|半吊子|怂包|软蛋|草包|酒囊饭袋|低能儿|疯子|精神病|瘸子|矮冬瓜|秃驴|猩猩|狒狒|癞蛤蟆|臭虫|毒蛇|蛇蝎|戏精|事儿精|作精|马戏团)';
const ABUSE_R8 = new RegExp(
  [
    `${ABUSE_TARGET}[^，,。!！?？]{0,8}?(?:(?<![说写标称像]|[说写]这)是|就是|八成是|简直是|怕不是|真是)(?:个|只|头|条|一只|一头|一条|一个|一群|一帮|群|帮)?[^，,。!！?？]{0,3}?${CONTEMPT_NOUN}(?![肉粮食饲崽仔皮毛奶胶])`,
    `${ABUSE_TARGET}[^，,。!！?？]{0,8}?(?:像|跟|如同|活像)(?:个|只|头|条|一只|一头|一条|一个|一群|一帮|群|帮)?${CONTEMPT_NOUN}(?:一样|似的|般)?(?![肉粮食饲崽仔皮毛奶胶])`,
    `${ABUSE_TARGET}(?:那个|这个|那|这)(?:死)?(?:老太婆|老妖婆|老巫婆|老东西|胖子|懒鬼|秃子|矮子|瘸子)`,
    `(?:一帮|一群|一窝|一伙)[^，,。!！?？]{0,4}(?:蚂蟥|吸血鬼|蛆|耗子|老鼠|蟑螂|苍蝇|强盗|土匪|骗子|白眼狼|疯狗)`,
    // batch 2: a heart or a face 'blacker/thicker than…', sent back to the village, a mind a machine beats, crawled out of a rubbish heap, looks mocked
    `${ABUSE_TARGET}[^，,。!！?？]{0,6}(?:就)?(?:配|只配|活该)(?:去)?(?:扫大街|讨饭|要饭|搬砖|捡垃圾|掏粪)|${ABUSE_TARGET}[^，,。!！?？]{0,4}(?:不配)(?:当|做)?(?:人|客服|老板|商家|卖东西)|`
    + '(?:脸皮|心肠|心|良心)[^，,。!！?？]{0,3}比[^，,。!！?？]{1,6}还(?:厚|黑|硬|毒)|(?:就该|应该|赶紧|还是|不如)(?:滚)?回(?:村里|老家|家|乡下)(?:去)?(?:放羊|种地|种红薯|养猪|喂猪|搬砖)|(?:都|也)比(?:你|他|她|你们|他们)(?:有脑子|聪明|强|懂事)|(?:垃圾堆|粪坑|茅坑|臭水沟|哪个洞|坟)里(?:爬|钻|蹦)出来|(?:客服|卖家|老板娘?|店主|售后|那个女的|那个男的)[^，,。!！?？]{0,6}(?:长得|长的)(?:丑|难看|猥琐)|智商(?:没充值|掉线|不在线|为负|负数)|蠢到家|缩头乌龟|'
    + '老妖婆|老巫婆|窝囊废|丑八怪|讨饭的命|要饭的命|祖宗十八代|(?<![蜗乌])[\\u4e00-\\u9fff]{1,2}投胎的?(?:吧|吗|么|啊)|更年期(?:到了|提前了?|来了)?(?:吧|吗|了吧)|(?:爹妈|爸妈|父母|你妈|你爸)(?:知道|没教|怎么教|教的)|没家教|有娘生没娘养|(?:你|你们|老板|卖家|客服)[^，,。!！?？]{0,6}出门小心|出门小心点|迟早(?:被人)?(?:收拾|挨打|被打)|走夜路小心',
    '脑(?:子|袋|壳|门)[^，,。!！?？]{0,4}(?:让|被|叫)[^，,。!！?？]{0,4}(?:撞|夹|踢|挤|啃|砸|烧|驴|门)(?:坏|傻|扁|了)?|眼睛(?:是)?瞎的|瞎子开店|(?:一家|一家子|全家|一家人)(?:都是|全是|都)?骗子|骗子(?:一家|全家|窝)|吸血的?(?:蚂蟥|鬼)',
    "\\b(?:seller|sellers|courier|driver|agent|staff|owner|support|you|they|he|she|guy|lady|people)\\b[^.!?]{0,24}\\b(?:is|are|'re|'s)\\s+(?:a |an |such (?:a |an )?|just (?:a |an )?|the )?(?:[a-z]+ ){0,2}(?:donkeys?|pigs?|hyenas?|slobs?|vultures?|goats?|parasites?|leech(?:es)?|weasels?|imbeciles?|losers?|crooks?|jackals?|baboons?|muppets?|clowns?)\\b",
    "\\b(?:pack|bunch|gang|herd) of (?:hyenas|wolves|jackals|rats|thieves|liars|clowns|idiots|losers|vultures|donkeys|pigs|crooks)\\b|\\bbrain of a [a-z]+|\\buseless (?:human|person|people|creature)|waste of (?:space|oxygen|air)\\b|\\b(?:your|his|her) (?:parents|mother|mom|mum|family|father|dad) (?:must|should) (?:be )?(?:so )?ashamed|\\bshame on (?:you and )?(?:your|ur) (?:family|parents|mother|mom|mum)|\\blazy (?:slob|pig|pigs|sloth)\\b|whoever raised you|\\b(?:clueless|brainless|spineless) (?:donkey|clown|idiot|fools?|creatures?|people|seller|staff)|\\b(?:greedy|lying|lazy|filthy) (?:goblins?|trolls?|sloths?|hogs?|weasels?|vultures?)\\b|\\b(?:bunch|pack|herd) of (?:sloths|goblins|trolls|hogs|chimps|baboons)\\b|\\bgo back to (?:school|kindergarten|primary school)\\b|\\b(?:you are|you're|seller is|they are|you guys are|shop is) (?:a |an )?(?:total |complete |absolute |walking )?disgrace\\b|\\byour (?:mother|mom|mum|parents|father|dad) (?:should have|never|didn'?t|did not) (?:taught|teach|raised?)|\\b(?:zero|no|two|few) brain cells\\b|\\b(?:belongs?|should be|locked) in a zoo\\b",
  ].join('|'),
);
const NOT_AIMED = /((?:怪|是)?我(?:自己)?(?:真是|就是|真)?(?:眼瞎|瞎了眼)|卧槽|我靠|我擦|我去|wc(?![a-z])|holy sh\*?i?t|oh sh\*?i?t|this shit is (good|great|amazing|fire)|傻子才(?:不)?(?:买|信|要)|(?<=我家(?:的)?(?:狗|狗狗|猫|猫咪)[^。]{0,20})狗东西|(?:idiot|fool|moron)[- ]?proof|(?:idiot|stupid|silly|dumb) me\b|sb卡|shit (this|it) is good|我(?:真|就|也)?(?:是|像)?(?:个)?(?:大)?(?:傻[子瓜逼]|二货|憨憨|大冤种|冤种)|去死吧?(?=这破|这个破|这玩意)|我(?:真是|真的是|就是|是|也是)?(?:个)?脑子(?:进水|秀逗|有病|坏了|抽了|短路)|(?:stupid|dumb) (thing|product|item|design|charger|cable|app|phone|box|me)|(?:kill|killing) me|\bi(?: was|'m| am| felt| feel)? (?:such |so |an? |such an )?(?:idiot|stupid|dumb|moron)|傻傻|傻乎乎|憨态|(?:笑|乐|高兴|开心)(?:成|得像)(?:了)?(?:个)?傻子|\bidiot move\b|\b(?:this|the) (?:thing|product|item|junk|crap|charger|phone|device) can go to hell|\bit can go to hell)/g;
/** What every alternative of NOT_AIMED holds (卧槽, 我…, 傻…, 狗东西, 憨态, wc, sh*t, idiot, fool, moron, stupid, silly, dumb, kill, sb卡): without one it cannot match. */
const NOT_AIMED_MAY = /[卧我傻狗憨去]|wc|sh|idiot|fool|moron|stupid|silly|dumb|kill|sb卡|hell/;

/** A demand for money (or a refund or gift) in the review. */
const MONEY =
  '再送(?:我)?(?:\\d+|[一二三四五六七八九十两几]+)(?:瓶|个|件|盒|包|套|份|台)|赔(?:我)?双倍|退我一半|一半的钱|(?:\\d+|[一二三四五六七八九十百两几半])\\s*(?:块|元|rmb|毛|百块|大洋)|红包|免单|返现|返点|补偿|赔偿|赔钱|赔我|补我|退我|转我|转账|打钱|给钱|给点|好处费|封口费|精神损失费|误工费|差价|折现|全额退|退一半|退全款|全款|货我留着|东西我不寄回|不寄回|钱(?:你)?退(?:给)?我|(?:给我|再给我|再)退(?:我)?\\s*(?:\\d+|[一二三四五六七八九十百两几半]+)\\s*(?:块|元)?(?![天日号次个件年月周])|(?:转|返|赔|补|退)(?:我)?\\s*[一二三四五六七八九两几]?[十百千][一二三四五六七八九]?(?:块|元)?|退款|退钱|赔|补(?!发|货|寄|件|单|拍|办|充|齐了|上了|水|妆|色|光|钙|铁|血|习|课|丁|漆)(?:个|点)?|(?:转|打|返|赔)(?:我)?\\s*\\d{2,}|(?:给|转|发)(?:我|了我)[^，,。]{0,8}(?:钱|红包|补偿|\\d|[一二三四五六七八九十百两几]+\\s*(?:块|元))';
const REVIEW_LEVER =
  '电视台|媒体|记者|小号|开(?:\\d+|[一二三四五六七八九十几两]+)个(?:小)?号|多个号|后果自负|让[^，,。!！?？]{0,8}都(?:知道|看看|看到)|改(?:成|为)?(?:好评|五星|5星|评价|评|掉)?|删(?:评|掉|除|差评)?|撤(?:评|销|回)?|追(?:加)?(?:好)?评|好评|差评|中评|五星|5星|四星|三星|一星|1星|零分|评价|小作文|曝光|挂(?:着|出来|到底|你)|全网|每个(?:链接|商品|宝贝)|所有(?:的)?(?:宝贝|商品|链接|产品)|各大群|当没发生过|当没这(?:事|回事)|当(?:这事|这件事|这回事)没(?:发生过?|有过)|这事就(?:算了|了了|过去了)|当没看见|一笔勾销|评论区见|一直差评|连环';
const RE_PAID_CHANGE = new RegExp(
  // (money)… then a promise: 赔我20我就改五星, 补偿到位了我改五星, 转我40马上删, 给点补偿就五星
  `(?:${MONEY})[^。！!?？]{0,16}?(?:就|才|再|我就|马上|立刻|立马|了就|了我|后|我|了)\\s*(?:把|给你|给|打|改成?)?(?:这个|这条|那条)?\\s*(?:${REVIEW_LEVER})` +
    // …or a good review on offer for money: 补偿我30块，好评马上安排 / 100块买你一个好评
    `|(?:${MONEY})[^。！!?？]{0,16}(?:好评|五星|5星|追评)(?:马上|立刻|立马|就|秒|一定)?(?:安排|奉上|送上|给你|到位)` +
    `|(?:\\d+|[一二三四五六七八九十百两几]+)\\s*(?:块|元)(?:钱)?(?:买|换)(?:你|你们)?(?:的)?(?:一个|个|一条)?(?:好评|五星|删评|改评)` +
    // …or a threat unless paid: 不赔我200就全网曝光, 不给就这么挂着, 不补就别怪我
    `|(?:不|没|不肯|不愿)(?:给|赔|补|退|返|转|处理|把(?:钱|运费|差价|货款|款|红包|补偿|押金))[^。！!?？]{0,14}?(?:就|我就|的话)[^。！!?？]{0,18}?(?:${REVIEW_LEVER}|别怪我|走着瞧|等着|别想)` +
    // …with only a comma (or 我) between, the lever must be a threat (差评伺候, 一直差评, 曝光), not a plain 差评 after a refusal
    `|(?:不|不肯|不愿)(?:给|赔|补|退|返|转|把(?:钱|运费|差价|货款|款|红包|补偿|押金))[^。！!?？,，]{0,12}?(?:[,，]|我)[^。！!?？]{0,10}?(?:差评伺候|伺候|置顶|一直|永远|天天|每天|每个?月|每周|来追评|全网|曝光|挂着|挂到底|别想|等着|走着瞧|别怪我|连环|每个(?:链接|商品|宝贝)|所有(?:的)?(?:宝贝|商品|链接|产品))` +
    // …or the bad review stays until paid: 不补偿我50元这个差评我是不会删的, 不退我50元我天天来追评
    `|(?:不|没)(?:给|赔|补|退|返|转|把)[^。！!?？]{0,16}?(?:\\d+|[一二三四五六七八九十百两几]+)\\s*(?:块|元)[^。！!?？]{0,20}?(?:${REVIEW_LEVER})` +
    `|(?:${MONEY})[^。！!?？]{0,16}?(?:差评|一星|这条评价|评价)(?:我)?(?:永远|一直|是不会|就|就一直|不会|删不了|不删|别想)` +
    // …the review stays unless: 这个差评我不会删，除非你们退我运费再加50
    `|(?:${REVIEW_LEVER})[^。！!?？]{0,12}(?:除非|要么|否则|不然)[^。！!?？]{0,16}(?:${MONEY})` +
    // …or review first, money later: 什么时候给我返现什么时候改, 先给三星…补偿到位了我改五星
    `|(?:什么|啥)时候[^。！!?？]{0,16}(?:给|补|赔|返|退|打|转)[^。！!?？]{0,8}(?:什么|啥)时候(?:改|删|追|撤)` +
    // 要么…要么 / 除非 / 看着办 / 别逼我 with money
    `|(?:除非|要么|要不|否则|不然|看着办|别逼我|懂的都懂|懂我意思|你懂的)[^。！!?？]{0,20}(?:${MONEY})[^。！!?？]{0,20}(?:${REVIEW_LEVER})` +
    // money then the review with only a comma between: 转我88，删评 / 补我50，五星
    `|(?:转我|打我|给我|赔我|补我|返我)\\s*(?:\\d+|[一二三四五六七八九十百两几]+)\\s*(?:块|元)?(?:钱)?[，,、\\s]{1,2}(?:删评|删差评|改评|改五星|改好评|五星|好评)` +
    // money then a threat withheld: 赔我三百精神损失费，我就不投诉到12315
    `|(?:${MONEY})[^。！!?？]{0,20}(?:我就不|就不|我就不去|就不去)(?:投诉|曝光|举报|差评|追评|发(?:抖音|微博|小红书|帖|(?=[，,。!！?？]|$))|挂)` +
    // money, a comma, then the review on offer: 退我一半的钱，差评我可以改
    `|(?:${MONEY})[^。！!?？]{0,12}[，,]\\s*(?:这个|这条)?(?:差评|评价|一星)(?:我)?(?:可以|就|马上|立马)?(?:改|删|撤)` +
    // the exposure first, then the price of silence: 不想被我挂到网上，就赔钱
    '|(?:不想|不要|别想)(?:被我)?[^。！!?？]{0,8}(?:挂|曝光|差评|发到网上|评分|分数|店铺分|信誉)[^。！!?？]{0,8}(?:就|赶紧|马上)?(?:给我)?(?:赔钱|给钱|打钱|转账|赔偿|补偿)' +
    // after the fact: 老板转了我30块改成好评了
    `|(?:转了我|给了我|补了我|赔了我|返了我)[^。！!?？]{0,10}(?:改成?|删)`,
);
const RE_PAID_CHANGE_EN =
  /(\$|dollars?|usd|euros?|refund|coupon|money)[^.!?]{0,24}(=|for|gets? you|and you get|then) ?\d ?stars?|\b(if|without) (no |any )?(coupon|refund|money|compensation|gift|discount)[^.!?]{0,40}(change|review|stars?|rating|feedback)|(pay|send|give|refund|return|transfer|compensat)\w*( me)?[^.!?]{0,40}\b(or|otherwise|unless|if not|or else|until|and i('ll| will)?|then i('ll| will)?)\b[^.!?]{0,50}(review|stars?|rating|feedback|comment)|\b(unless|until|if you don'?t|if not|or)\b[^.!?]{0,40}(pay|send|give|refund|\$|usd|money|compensat)[^.!?]{0,50}(review|stars?|rating|feedback)|(review|stars?|rating|feedback)[^.!?]{0,40}\b(unless|until|if you don'?t|if not)\b[^.!?]{0,30}(pay|send|give|refund|\$|money|compensat)|\b(if|once|when|after) you (refund|pay|send|give|compensat|return)\w*[^.!?]{0,30}\bi('ll| will)? (delete|remove|change|update|edit|fix)|(change|remove|delete|update|edit)\w* (my |the )?(review|rating|stars?|feedback)[^.!?]{0,30}(if|when|after|once) (you )?(pay|send|give|refund|compensat)|(pay|send|give|refund)\w*[^.!?]{0,30}(and|then) i('ll| will)? (change|remove|delete|update|edit)/;
/** The buyer refusing a cash-for-review offer, or a claim under the platform's rules. */
/** The seller's own cash-for-review offer, read out before the buyer's words are. */
const SELLER_OFFER = /(?:商家|卖家|老板|客服|店家|seller)[^，。,.]{0,12}(?:让我|要我|叫我|求我|说(?!的|好的)|offered|asked)[^，。,.]{0,10}(?:好评|五星|改评价?|评价|5 stars|review)[^，。,.]*/g;
const NOT_EXTORTION = /((?:不用|不需要|不必|没让我|没要求|没叫我)(?:我)?(?:改|删|给好评|写好评|好评)|(?:补偿|红包|返现|赔偿|钱)我?(?:就)?(?:不要|不稀罕|不需要)了?|(?:不要|不图|不稀罕|不是为了|不用|不需要)(?:你的?|任何|什么|啥)?(?:补偿|红包|钱|赔偿|返现)(?!的)|(?:如果|要是|只要|等)(?:能)?(?:退款|退货|换货|补发|换新|换一个|维修|修好)[^，,。]{0,6}[^，,。]{0,4}(?:我)?(?:就|会|再)(?:改|追|删|给)|我没收|没收下|退回去了|拒绝了|(?:返现卡|好评卡|红包卡|卡片)[^。!！?？]{0,6}(?:扔了|丢了|撕了|没理|扔掉)|我没要|没答应|没同意|不同意|没接受|没理他|不稀罕|i said no|i refused|i declined|no thanks|not for money|平台介入|七天无理由|(?<!不给|没给|不|没)价保(?!也?不给|也?没给|不给)|按规定|following .{0,20}rules|store policy|好评返现[^，,。]{0,6}(?:已领|领了|拿了|收到)|退款(?:已经)?(?:到了|到账了|已到)|照实写|如实(?:写|评价)|一直打(?:客服)?电话|直到有人处理|本来就(?:打算|想|要|准备)(?:给)?(?:好评|五星)|不是为了(?:那|这)?(?:几块|点|几个)?(?:钱)?(?:的)?(?:返现|红包|补偿))/;

/** "别跟我谈什么价保": the buyer waving the rules away, not claiming under them. */
const WAVED_AWAY = /(?:别|不要|少)(?:跟我|和我|给我)?(?:谈|说|扯|提|讲)(?:什么)?[^，,。!！?？]{0,8}/g;
/** Threats of exposure that work like a bad review: posts, videos, banners. */
const EXPOSURE =
  '发(?:到)?群里|视频(?:就)?发(?:出去|出来|网上)|视频[^，,。!！?？]{1,6}发(?:出去|出来|网上|到网上)|挂(?:到|在)[^，,。!！?？]{0,8}(?:群|网上|朋友圈|微博)|避雷(?:帖|贴|笔记|视频)|发不发|发给[^，,。!！?？]{0,8}(?:电视台|媒体|记者)|让[^，,。!！?？]{0,8}都(?:知道|看看|看到)|开(?:\\d+|[一二三四五六七八九十几两]+)个(?:小)?号|(?:差评|评价)置顶|发(?:到|去|在|上)[^，,。!！?？]{0,10}(?:群|朋友圈|小红书|微博|抖音|快手|网上|公众号|论坛|贴吧)|(?:消协|12315|小红书|微博|抖音|法庭|媒体|电视台|记者)(?:和[^，,。!！?？]{0,6})?见|(?:天天|每天|一直)来(?:评论区|差评区)?(?:报到|刷|骂|留言)|换(?:\\d+|[一二三四五六七八九十几两]+)个(?:小)?号|评论区(?:报到|刷屏)|(?:每个|所有)(?:商品|宝贝|链接|产品)(?:下面)?(?:都)?(?:写|评|发|刷)|写长文|(?:朋友圈|群|粉丝)[^，,。!！?？]{0,4}(?:\\d+|[一二三四五六七八九十几两]+)[千万百]?(?:好友|人|粉)|到处(?:发帖|说|发|宣传|曝光)|发帖|让你(?:们)?(?:的)?(?:店铺|店|家)?好看|拉横幅|发(?:个|条|篇)?(?:到)?(?:抖音|快手|小红书|微博|朋友圈|网上|视频)|黑猫投诉|拍视频|让(?:大家|所有人|你家店|你们店)(?:都)?(?:看看|知道|火)|火一把|一天一个差评|每天一个差评|天天(?:差评|追评)|(?:天天|每天|一直)来?(?:写|评|骂|刷)(?:差评|评价)?(?=[，,。!！?？]|$)';
/** Words that only bargaining over a review uses: 看着办, 你懂的, 数字你定, 加个鸡腿, 私聊价格. */
const BARGAIN =
  '明码标价|看着赔|看着补|谈个价钱?|谈谈价格?|看着办|你懂的|老板懂的|懂的都懂|懂我意思|可以商量|好商量|私聊价格|价格私聊|数字你定|你出个价|出个价|开个价|买个安心|加个鸡腿|意思意思|表示表示|表示一下|封口费|(?:拿钱|用钱)说话|钱到位(?:了)?(?:再说|就改|就删)|掂量|衡量|哪个划算|破财消灾|花钱消灾|够不够意思|心里有数|值多少钱|看你(?:们)?的?(?:诚意|红包|表现)|诚意总要有|买(?:个|一个)(?:五星|好评|删评)';
const RE_BARGAIN = new RegExp(`(?:${BARGAIN})`);
/** 前提是返我三十块: a condition that is money. */
const RE_ON_CONDITION_PAID = new RegExp(`(?:前提是|条件是|只要你?)[^。！!?？]{0,8}(?:${MONEY})`);
/** Money (or a benefit beyond the rules) then 不然/否则/要么: a threat when a review lever is in the text too. */
const RE_MONEY_OR_ELSE = new RegExp(`(?:${MONEY})[^。！!?？]{0,24}(?:除非|要么|要不|否则|不然|看着办|别逼我|懂的都懂|懂我意思|你懂的)`);
/** A demand beyond the rules: an amount, cash, compensation, a free item or a refund without return (a plain 退款 is the rules). */
const RE_DEMAND = new RegExp(
  '不要钱的|免费(?:再)?(?:寄|送|补)|白送|私了|(?:打|转|赔|补|给)(?:我)?(?:\\d+|[一二三四五六七八九十两几]+[十百千万])(?=[到过来，,。块元]|$)|(?:\\d+|[一二三四五六七八九十百两几半])\\s*(?:块|元|rmb|毛|百块|大洋)|[$€£]\\s?\\d|\\d+\\s?(?:\\$|usd|dollars?|euros?|eur|bucks)|红包|补偿|赔偿|赔钱|赔我|转账|打钱|给钱|钱给够|钱的事|免单|返现|差价|诚意|精神损失|再送(?:个|一个)?(?:赠品|东西)|寄个新的|退一半|退全款|货我留着|不用退货' +
    '|compensat|money|cash|paypal|discount|free (?:one|item|gift|product)|without return|keep (?:it|the item)',
);
/** The word that ties a demand to the review. */
const RE_TIE = /就|才|取决于|再|否则|不然|要么|或者|除非|的话|两清|好说|合适|选择|立马|马上|安排|奉上|\bthen\b|\bonce\b|as soon as|\bif you\b|\bwhen you\b|\bafter you\b|=|\bor\b|\bunless\b|\buntil\b|\beither\b|\band i\b|talks/;
/** Review levers in English too (1 star, feedback, post on facebook). */
const RE_ANY_LEVER_EN = new RegExp(`(?:${REVIEW_LEVER}|${EXPOSURE}|\\d ?stars?|one star|review|feedback|rating|facebook|tiktok|youtube|instagram|groups?\\b|post (?:this|it|photos|videos?))`);
const RE_ANY_LEVER = new RegExp(`(?:${REVIEW_LEVER}|${EXPOSURE})`);
/** A gift or cash-back held hostage: 礼品到了我再给五星, 返现到账之前我先给个中评. */
const RE_HOSTAGE = new RegExp(
  '(?:赠品|礼品|礼物|返现|红包|补偿|鸡腿|差价)(?:一天)?(?:还)?(?:不|没)(?:到|到位|到账|来|寄来|发来|补|给)(?:之前|以前|前)?[^。！!?？]{0,14}(?:就|会|一直|随时|永远)[^。！!?？]{0,6}(?:改|差评|一星|中评|挂|在这)' +
    `|(?:${MONEY}|答应(?:我)?的|说好的)[^。！!?？]{0,16}(?:没|不)(?:收到|到账|到|给)[^。！!?？]{0,8}(?:回来|就|会)[^。！!?？]{0,4}(?:改|删|差评|一星)` +
    '|(?:礼品|礼物|赠品|返现|红包|鸡腿|补偿|差价)[^。！!?？]{0,8}(?:到了|到账|收到|寄来|发来|给了|到位|补齐|补上)[^。！!?？]{0,6}(?:我)?(?:再|才|就)[^。！!?？]{0,6}(?:好评|五星|5星|追评|改评|改回|删)' +
    '|(?:礼品|礼物|赠品|返现|红包|补偿)[^。！!?？]{0,6}(?:到账|到|来)之前[^。！!?？]{0,8}(?:中评|差评|一星|三星|不改|不删)' +
    `|(?:${MONEY})[^。！!?？]{0,8}(?:立刻|马上|立马|我就|就)(?:停|收手|住手|罢手|改回来?)` +
    `|(?:不|没)(?:给|赔|补|退|返|转)[^。！!?？]{0,12}(?:就|我就|那我)[^。！!?？]{0,12}(?:${EXPOSURE})` +
    '|(?:不|没)(?:赔钱|赔偿|补偿|给钱|退钱|赔|补)[^。！!?？]{0,6}(?:我)?(?:就|天天|每天|一直|就去)[^。！!?？]{0,6}(?:刷|给|打|写)?(?:你)?(?:差评|一星)' +
    `|(?:删|改|撤)(?:评)?(?:也行|可以|没问题)[^。！!?？]{0,8}(?:${MONEY}|拿来)` +
    '|钱(?:到位|到账|到了)(?:了)?(?:我)?(?:就|再|才)(?:改|删|追|撤)' +
    `|(?:好评|五星|5星|删评|改评|删差评)(?:可以|没问题|行|好说)[^。！!?？]{0,6}(?:${MONEY})` +
    '|(?:想让我|要我|让我)(?:给)?(?:好评|五星|删评|改评|删差评|改差评|删|改)[^。！!]{0,4}(?:先|就)?拿(?:\\d+|[一二三四五六七八九十百千两几]+)\\s*(?:块|元)?来?' +
    '|(?:红包|钱|补偿)(?:给够|到位|给足)[^。！!?？]{0,6}(?:评价|好评|差评|五星)(?:随你|任你|你说了算|随便)' +
    '|(?:想要|要想|想让我给)(?:好评|五星|5星|删评|改评)[^。！!]{0,4}(?:先|就)?(?:拿钱|给钱|打钱|转账|掏钱|发红包|拿红包|出钱)' +
    // 想要我改五星可以，先转200过来
    '|(?:想要|想让|要想|要)我(?:改|删|撤|追)[^。！!?？]{0,12}(?:先|就)?(?:转|打|给|赔|补|返)(?:我)?(?:\\d+|[一二三四五六七八九十百两几]+|钱|红包)',
);
/** Money taken for the review: 客服给我转了三十块让我改成五星. */
const RE_TAKEN_FOR_REVIEW =
  /(?:给我|给了我)(?:转|返|补|赔|发)了(?:\d+|[一二三四五六七八九十百两几]+)\s*(?:块|元)(?:钱)?[^。！!?？]{0,8}(?:改|删|五星|好评)/;
const RE_EXTORTION_EN =
  /(?:review|rating|stars?|feedback)[^.!?]{0,20}\b(?:depends on|depending on)\b[^.!?]{0,30}(?:compensat|money|\$|refund|cash|pay)|(?:review|rating|feedback|stars?)[^.!?]{0,20}\b(?:removed|deleted|changed|gone|updated|fixed)\W{1,4}(?:then |so )?(?:[$€£]?\d+\s*(?:\$|usd|dollars?|euros?|eur|bucks)?\s*(?:via |by |to |on )?)?(?:paypal|pay|send|give|transfer|venmo)|\b(?:remove|delete|change|update|edit)\w* (?:my|the|this) (?:\d ?star )?(?:review|rating|feedback)[^.!?]{0,12}\b(?:when|once|after|if) (?:i|you)[^.!?]{0,20}(?:\$|usd|dollars?|euros?|bucks|money|cash|paypal|compensat)|(?:pay|send|give|usd|\$|dollars?|bucks|money|euros?|cash)[^.!?]{0,40}\b(?:and|then)\b[^.!?]{0,24}\b(?:goes? up|go up|bump|becomes?|turns?|changes?|update)\b[^.!?]{0,12}(?:\d|five)|\bno (?:money|cash|payment|refund|compensation|gift card|coupon|voucher)\b\s*(?:[,=:-]|then)[^.!?]{0,24}(?:stays?|remains?|\d ?stars?|one star|review|rating)|\b(?:cash|money|compensation|refund)\b or (?:this|the|my) (?:review|rating|feedback|\d ?stars?)|(?:\$|usd|dollars?|euros?|paypal|money)[^.!?]{0,20}=\s*(?:the |my )?(?:review|rating|stars?|feedback|comment)s?\s*(?:deleted|removed|changed|gone|updated|\d)|\b(?:want|need) (?:a |my |the )?(?:good|positive|nice|5.?stars?|five.?stars?) (?:review|rating|feedback)\W{1,3}(?:then |so )?(?:pay|send|give)|(?:review|stars?|rating|feedback|video|tiktok|youtube|instagram|facebook|post|expose|everyone|everybody)[^.!?]{0,60}\bunless\b[^.!?]{0,30}(?:pay|send|give|refund|compensat|money|\$)|(?:pay|send|give|usd|\$|dollars?|money|free)[^.!?]{0,40}\bthen (?:my |the |your )?(?:review|rating|stars?|feedback|comment)s? (?:will )?(?:disappear|go away|gone|change|removed?|deleted?)|(?:usd|\$|dollars?|money|paypal)[^.!?]{0,30}\b(?:and|then) (?:the |my )?(?:review|rating|feedback)s? (?:becomes?|turns?|goes|will be|changes?)|\bno (?:money|refund|payment|compensation|cash)\W{1,3}(?:then )?(?:everyone|everybody|all|the world) (?:will )?(?:know|see)|(?:pay|send|give|refund|usd|\$|dollars?|bucks|money)[^.!?]{0,40}\b(?:and|then) (?:my |the |your |this )?(?:bad |negative )?(?:\d ?stars?|one.?star|review|rating|feedback|comment)s? (?:will )?(?:goes? away|disappears?|is gone|gets? (?:deleted|removed|changed)|becomes? (?:\d|five|a good|positive)|turns? (?:into )?(?:\d|five|a good|positive))|\b(?:want|need) (?:your |the |my )?(?:\d|five).?stars? back\W{1,3}(?:then )?(?:pay|send|give)|\b(?:pay|send|give|refund)\w*[^.!?]{0,30}[,;] ?i(?:'ll| will)? (?:change|update|edit|remove|delete|switch)\b/;
/** Bargaining words with a review lever, a hostage gift, or an English cash-for-review shape. */
/**
 * Round 7 (R6): the deal worded politely or as "refund and I keep it": the goods kept with the money
 * back tied to a threat; money then the review "handled" (评价我自己会处理, 差评也撤掉); a price on
 * the review (标价三百，付了就删); no refund then a video or a post; "a small compensation would make
 * me rethink my rating", "no refund = I post", "refund or I make a video".
 */
const RE_EXTORTION_R7 = new RegExp(
  [
    '(?:要|想要)(?:五星|好评|5星)(?:得|就得|需要|要|就)(?:加钱|给钱|红包|补偿|表示)|免单(?:的话)?[^。！!?？]{0,10}(?:写|发)(?:篇|个|条)?(?:好的|好评|推荐)|(?:想要|要)(?:好评|五星|5星)[？?，,][^。！!?？]{0,6}(?:再送|送我|给我|转我|补我|返我)',
    "\\b(?:want|get) (?:5|five) stars\\?? then (?:send|pay|give|refund)|\\bwant (?:your |the |my )?(?:5|five) stars\\?[^.!]{0,12}\\b(?:send|pay|give|refund)",
    '(?:想让我|要我|想要我)(?:删|改)(?:评|差评|评价)?[^。！!]{0,4}[？?，,]?\\s*先(?:打|转|给|赔|拿)',
    '(?:不然|否则)(?:我)?(?:就)?(?:天天|每天)来(?=[，,。!！?？]|$)',
    '(?:没|不)(?:寄|发|给|到|补|返)(?:到|来)?(?:之前|以前|前)[^。！!?？]{0,14}(?:先)?(?:挂着|一星|中评|差评|三星|四星)|不(?:寄|给|发|补|返)(?:就|我就)(?:改)?(?:一星|差评|中评)',
    '(?:返现|红包|赠品|礼品|补偿)(?:还)?(?:没|不)(?:到|到账|来|给)[^。！!?？]{0,4}[，,]?先(?:差评|一星|中评|挂)',
    "(?:refund|pay|money|compensat)\\w*[^.!?]{0,40}\\bor\\b[^.!?]{0,30}(?:video|youtube|tiktok|facebook|instagram|forums?|reddit)",
    `(?:退款不退货|退钱不退货|(?:款|钱)(?:退|返)了?[^。！!?？，,]{0,6}(?:东西|商品|货)(?:我)?(?:就)?(?:留着|不寄回|不退)|(?:东西|商品|货|这台|这个|这件|这双|这套|旧的)(?:我)?(?:就)?(?:留着|收下了?|不寄回了?|不退(?!款|钱)))[^。！!?？]{0,24}(?:否则|不然|要么|或者|后果自负|评价|差评|曝光|留言|12315|耗|${EXPOSURE})`,
    `(?:${MONEY})[^。！!?？]{0,20}?[，,][^。！!?？]{0,10}(?:差评|评价|一星)[^。！!?？，,]{0,8}(?:处理|撤|删|商量|不计较|一笔勾销)`,
    '(?:评价|差评|一星|好评|五星)[^。！!?？，,]{0,6}标价|付了?(?:钱)?(?:我)?就(?:删|改|撤)',
    `(?:不|没)(?:退钱|赔钱|给钱|退款|赔偿|补偿|给个说法)[^。！!?？]{0,14}(?:${EXPOSURE}|抖音|视频|小红书|微博|曝光|快手)`,
    "(?:compensation|\\$\\s?\\d+|\\d+\\s?(?:dollars?|euros?|usd|eur|bucks))[^.!?]{0,40}(?:rethink|reconsider|make me (?:change|update|edit)|improve my)[^.!?]{0,12}(?:rating|review|stars?|feedback)",
    "\\bno (?:refund|money|compensation|cash)\\s*(?:=|means|and|then)\\s*i(?:'ll| will)? (?:post|write|tell|share|make|upload|leave)",
    "\\b(?:the )?(?:review|5 stars|five stars|rating) (?:is|are) yours",
    "\\b(?:refund|pay|compensate)\\w*[^.!?]{0,24}\\bor (?:else )?i(?:'ll| will)? (?:make|post|write|share|upload|tell|expose|report)",
  ].join('|'),
);

/**
 * Round 8 (R6): a small gift, a coupon or the postage asked for a better review (送我一套枕套我立马改五星,
 * 发二十块的券我就把差评改了), the buyer's own price (价格谈得拢就撤, 数字合适我就不发视频), goods kept and money
 * on top (先把钱全退了东西我留着，再加二十), a review left standing until a promised gift comes (到了再给五，不到
 * 就改一星), "unless you send … I copy this under every item", "return 15 bucks, I fix the rating".
 */
const RE_EXTORTION_R8 = new RegExp(
  [
    // (a resend, an exchange or a repair for a better review is the rules, not a deal; 改成好评了 is a past report)
    '(?:送|给|补|寄|返|转)(?:我|给我)(?![^。！!?？]{0,8}(?:补发|换|新的|退货|维修|修好|寄回))[^。！!?？了]{0,16}?[，,]?(?:我)?(?:就|立马|马上|立刻|才|再)(?:把)?(?:差评|评价|中评|这条|三星|一星)?(?:改|删|撤)(?!了)(?:成|为|掉)?(?:好评|五星|五颗星|5星|评价|掉)?(?![^。！!?？，,]{0,3}了)',
    '(?:价格|价钱|数字|数目|条件|金额|钱数|诚意)(?:合适|谈得拢|谈妥|满意|到位|够了?)[^。！!?？]{0,6}(?:我)?(?:就|再|才)[^。！!?？]{0,6}(?:删|撤|改|不发|不曝光|不追|不投诉)',
    '给个数[^。！!?？]{0,12}(?:不然|否则|要不)',
    '(?:想让我|要我|想要我)(?:删|改|撤)(?:评|差评|评价)?[^。！!]{0,4}[？?，,]?\\s*先(?:把|退|补|赔)',
    '(?:东西|货|商品)(?:我)?留着[^。！!?？]{0,4}[，,]?(?:再|另外|还要)?(?:加|补|给|赔)(?:我)?(?:\\d+|[一二三四五六七八九十百两几]+)',
    '(?:到了|到账了?|收到了?|寄来了?)(?:我)?(?:再|才)(?:给|改)(?:成)?(?:五|5|好评|五星)[^。！!?？]{0,6}[，,]?(?:不到|没到|不给|没收到)(?:就|我就)?(?:改|给)(?:成)?(?:一星|差评|中评|1星)',
    '(?:不|没)(?:送|给|寄|到|退|赔|补)(?:的话)?[，,]?(?:就|我就)(?:这样|这么|一直|永远)(?:挂着|中评|差评|一星|挂)',
    '(?:返现|红包|补偿)(?:我)?(?:就|我就)不(?:在)?(?:评论区|评价里|评论里)',
    "\\bunless you (?:send|pay|refund|give|return)[^.!?]{0,50}\\b(?:review|stars?|rating|post|copy|listing|item|product|complaint)",
    "\\b(?:pay|send|give|refund|return)\\w*[^.!?]{0,40}\\b(?:otherwise|or else|if not)\\b[^.!?]{0,40}\\b(?:post|posting|review|stars?|rating|listing|products|items|copy)",
    "\\b(?:return|refund|send|pay|give)\\w*[^.!?]{0,30}(?:bucks|dollars?|usd|euros?|eur|\\$|€)[^.!?]{0,10}[,.;]? ?(?:and )?i(?:'ll| will)? (?:fix|change|update|edit|put|raise|make|delete|remove)",
    "\\b(?:send|give) me (?:a |an )?free [^.!?]{0,20}\\b(?:and|then) i(?:'ll| will)? (?:change|fix|update|edit|put|raise|delete|remove)",
    // batch 4: a conditional gift (要是送我个充电宝，这条中评我就改了), 不免就写差评, 'offer me something and this review might look different', '… and I will forget about this review'
    '(?:要是|如果|只要)(?:能)?(?:送|给|补|返|寄|免)(?:我)?(?![^。！!?？]{0,6}(?:补发|换|新的|退货|维修|修好|寄回))[^。！!?？]{0,12}[，,]?[^。！!?？]{0,6}(?:我)?(?:就|马上|立马)(?:把)?(?:这条|差评|中评|评价|一星)?(?:改|删|撤)',
    '(?:不|没)(?:免|送|补|返|赔)(?:单)?(?:的话)?[，,]?(?:就|我就)(?:写|给|打|发)[^，,。!！?？]{0,6}(?:差评|一星|中评)',
    "\\boffer me\\b[^.!?]{0,30}\\b(?:review|rating|stars?)\\b|\\b(?:this|my|the) (?:review|rating) (?:might|will|could|may) (?:look|be|become|turn) (?:different|better|nicer|positive)",
    "\\b(?:coupon|voucher|refund|money|cash|discount|free [a-z]+)\\b[^.!?]{0,30}\\bi(?:'ll| will)? forget (?:about )?(?:this|my|the) (?:review|rating|complaint|stars?)",
    // batch 2: the outcome decides what the buyer tells a group; no satisfying answer then the platforms; refund or followers hear
    '(?:处理结果|处理得怎么样|你们的(?:态度|诚意|表现)|怎么处理)(?:决定|看|就看)[^。！!?？]{0,12}(?:怎么说|怎么写|怎么评|评价|发不发|写什么)',
    `(?:不给|没有)(?:我)?(?:个)?满意(?:的)?(?:答复|说法|交代|处理|结果)[^。！!?？]{0,14}(?:小红书|抖音|微博|快手|朋友圈|${EXPOSURE})`,
    "\\b(?:refund|pay|compensat|give)\\w*[^.!?]{0,40}\\bor\\b[^.!?]{0,20}\\b(?:followers|subscribers|fans|group members)\\b",
  ].join('|'),
);

function extortionShape(t: string): boolean {
  if (RE_EXTORTION_R7.test(t) || RE_EXTORTION_R8.test(t)) return true;
  if ((RE_BARGAIN.test(t) || RE_ON_CONDITION_PAID.test(t) || RE_MONEY_OR_ELSE.test(t)) && RE_ANY_LEVER.test(t)) return true;
  if (RE_HOSTAGE.test(t) || RE_EXTORTION_EN.test(t)) return true;
  // The three parts of a deal over a review, close together: the review (or an exposure), a
  // demand for money or a benefit beyond the rules, and the word that ties them (就, 不然, 或者, then, or).
  for (const w of dealWindows(t.replace(RE_PAST_CASHBACK, ' '))) if (RE_ANY_LEVER_EN.test(w) && RE_DEMAND.test(w) && RE_TIE.test(w)) return true;
  return false;
}

/** A past report that a good review was given for cash-back (为了返现才给的好评): a warning, not a demand. */
const RE_PAST_CASHBACK = /(?:为了|因为)(?:返现|红包|补偿|返钱)才(?:给的?|打的?)?(?:好评|五星)|好评是为了(?:返现|红包)/g;
/** Sentences, and pairs of neighbouring sentences, of a review (the whole of a short one). */
function dealWindows(t: string): string[] {
  if (t.length <= 60) return [t];
  const parts = t.split(/(?<=[。！!?？])/);
  const out: string[] = [];
  for (let i = 0; i < parts.length; i++) out.push((parts[i] ?? '') + (parts[i + 1] ?? ''));
  return out;
}

/** Roles that come before a person's name. */
const NAME_ROLE =
  '前台的|前台|店员|服务员|安装师傅|维修师傅|客服组长|客服主管|组长|主任|专员|负责人|站长|客服|快递员|快递小哥|配送员|送货员|骑手|司机|师傅|卖家|商家|店主|老板娘?|掌柜|店长|经理|主管|助理|业务员|导购|售后|收货人|收件人|寄件人|联系人|签收人|姓名|名字|名叫|叫做|叫|(?<=[，,]\\s?)找|我是|本人|真名|真实姓名|驿站老板娘?';
const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
/** Characters that end a name's run rather than belong to it (words that follow a name). */
const NOT_NAME_CHAR = '的了是在也都就很太不没说把给让被对和跟师傅总姐哥老小先女经理态度电话手机号人员们大家说话回复服务家店这那个吗呢吧啊呀哦嘛说着要会能还又再已上下到边来去过好便兴然后面前样';
const RE_ROLE_NAME = new RegExp(
  `(?:${NAME_ROLE})[是:：为\\s]*([${SURNAMES}])([\\u4e00-\\u9fff]{1,2})`,
  'g',
);
const RE_CHILD_AT_SCHOOL = new RegExp(`(?:女儿|儿子|孩子|闺女|外孙女?|孙子|孙女|侄子|侄女|my (?:son|daughter|kid))(?:叫)?[${SURNAMES}][\\u4e00-\\u9fff]{1,2}[^。!！?？]{0,10}(?:小学|中学|初中|高中|幼儿园|年级|[一二三四五六七八九十\\d]班)`);
const RE_SELF_NAME_AFTER_PLACE = new RegExp(`(?:我是|我叫|本人是?)[\\u4e00-\\u9fff]{2,10}(?:区|县|市|镇|村|小区)的([${SURNAMES}])[\\u4e00-\\u9fff]{1,2}(?=[，,。!！\\s]|$)`);
/** A full name written right before a (possibly masked) phone: 赵秀英 186****2231. */
const RE_NAME_BEFORE_PHONE = new RegExp(`(?<![\\u4e00-\\u9fff])[${SURNAMES}][\\u4e00-\\u9fff]{1,2}[\\s:：,，(（]*(?:电话|手机)?[\\s:：]*1[3-9]\\d[ -]?(?:\\d{4}|[*x×]{4})[ -]?\\d{4}`);
const RE_EN_NAME =
  /\b(?:named|name is|courier|postman|driver|seller|agent|manager|owner|assistant|contact|i am|i'm|my name|mr\.?|mrs\.?|ms\.?)\s+(?!the\b|is\b|was\b|and\b|very\b|so\b)([a-z][a-z'-]+)\s+(?!is\b|was\b|and\b|from\b|very\b|the\b|did\b|has\b|had\b|who\b|on\b|at\b|in\b)([a-z][a-z'-]+)/;
const RE_EN_NAME_CAPS = /\b(?:[Tt]his is|courier|postman|driver|seller|agent|manager|owner|assistant|guy|lady|rider|rep|representative|staff|named|contact me[^:]*:)\s*([A-Z][a-z]+)\s+([A-Z][a-z]+(?:[- ][A-Z][a-z]+)?)/;
const ADDRESS_CN_ADMIN = /(省|自治区|(?<!超|菜|夜|门|上|集|早|黑|股|楼)市|(?<!小|社|专|景|地|校|山|误|盲|禁|灾)区|县|镇|乡|街道|村|开发区)/g;
const RE_ADDRESS_CN_STREET = /([\u4e00-\u9fff]{1,8}(路|街|大道|巷|弄|胡同|道|村|组|城|广场|大厦|小区|花园|公寓|苑))([\dA-Za-z一二三四五六七八九十]+(号|栋|幢|单元|室|楼|组|排|区|座|层))?/;
const RE_ADDRESS_NUM = /\d+(号|栋|幢|单元|室|号楼|组|排)/;
const RE_ADDRESS_EN =
  /(\d+[a-z]?,?\s+(?:[a-z]+\s+){0,3}(street|st|road|rd|avenue|ave|lane|ln|drive|dr|boulevard|blvd|way|court|ct|place|pl)\b)|\b(calle|avenida|travessa|largo|calçada|av\.|rue|via(?!\s+(?:paypal|e-?mail|dhl|ups|fedex|wechat|whatsapp|the|my|a|an|post|mail|bank|western|wise|revolut|skrill))|viale|ul\.|ulica|strasse|straße|str\.|rua|plaza|piazza|carrer)\s+[\p{L}' .-]{2,30}?\s*\d+|\b\d{2}-\d{3}\s+\p{L}+|\b\d{4}-\d{3}\s+\p{L}+|\b\d{5}\s+(madrid|paris|lyon|berlin|roma|rome|milano|barcelona|lisboa|warszawa|marseille|\p{Lu}\p{Ll}+)\b/u;

export interface FlagEvidence {
  phone: boolean;
  contactId: boolean;
  url: boolean;
  fullName: boolean;
  address: boolean;
}

function has(re: RegExp, s: string): boolean {
  re.lastIndex = 0;
  return re.test(s);
}

function fullNames(t: string, raw: string): boolean {
  RE_ROLE_NAME.lastIndex = 0; // exec on the shared expression: matchAll clones it every call
  for (let m = RE_ROLE_NAME.exec(t); m !== null; m = RE_ROLE_NAME.exec(t)) {
    let given = m[2] ?? '';
    // Stop the name at a character that begins the next word.
    let cut = given.length;
    // 小 begins a given name after a surname (陈小红), not a nickname (客服小王: no surname before it).
    const start = given.length === 2 && (given[0] === '小' || given[0] === '大') && !NOT_NAME_CHAR.includes(given[1] ?? '') && !/^[小大](?:哥|姐|妹|弟|伙|朋友|时|心|孩|家|概|约|爷|妈|叔|婶|神|佬)/.test(given) ? 1 : 0;
    // 然 ends a name only as 然后 (邓浩然 is a name).
    const nameEnd = (m.index ?? 0) + m[0].length;
    for (let i = start; i < given.length; i++) {
      const c = given[i] ?? '';
      if (NOT_NAME_CHAR.includes(c) && !(c === '然' && i === given.length - 1 && t[nameEnd] !== '后')) { cut = i; break; }
    }
    given = given.slice(0, cut);
    if (given.length === 0) continue;
    // A title or nickname (王师傅, 客服小王, 张总, 刘姐) is not a full name.
    if (/^(师傅|总|姐|哥|工|老师|先生|女士|小姐|经理|阿姨|叔)/.test(given)) continue;
    if (given.length === 1) {
      // Two-character names only when the run stops there (快递员李强，/ 李强 1…).
      const end = (m.index ?? 0) + m[0].length - (m[2] ?? '').length + given.length;
      const after = t.slice(end, end + 1);
      if (!(after === '' || /[，。,.!！?？\s\d(（把被给和跟对在就说]/.test(after))) continue;
      if (/[说回到来去]/.test(given)) continue;
    }
    return true;
  }
  if (RE_NAME_BEFORE_PHONE.test(t)) return true;
  // Round 8: one's own full name after a place (我是常州新北区的张文斌).
  if (RE_SELF_NAME_AFTER_PLACE.test(t)) return true;
  // A child's full name with the school or class (README-blind-r7).
  if (RE_CHILD_AT_SCHOOL.test(t)) return true;
  if (RE_EN_NAME_CAPS.test(raw)) return true;
  const m = RE_EN_NAME.exec(t);
  if (m && !/^(service|support|delivery|team|said|told|called|guy|man|woman|person|was|is|very|so|not|never|always|also|just|really)$/.test(m[1] ?? '')) {
    // English names need a capital in the raw text.
    const re = new RegExp(`\\b${(m[1] ?? '').replace(/[^a-z'-]/g, '')}\\b`, 'i');
    const orig = raw.match(re)?.[0] ?? '';
    if (/^[A-Z]/.test(orig)) return true;
  }
  return false;
}

function hasAddress(t: string): boolean {
  // batch 2: one's own home on a numbered street (我家是滨江路三十八号二楼).
  if (/(?:我家|我住|我们家|住在|寄到我)[^，,。!！?？]{0,8}[\u4e00-\u9fff]{1,6}(?:路|街|巷|弄|大街|大道)(?:\d+|[一二三四五六七八九十百零〇]{1,5})号/.test(t)) return true;
  // Round 8: a building and unit written in Chinese numerals (十二栋三单元六零一, 七栋二单元五零二) is a home address.
  if (/[一二三四五六七八九十\d]{1,3}(?:栋|幢|号楼)[一二三四五六七八九十\d]{1,2}单元/.test(t)) return true;
  const admin = t.match(ADDRESS_CN_ADMIN)?.length ?? 0;
  const street = RE_ADDRESS_CN_STREET.test(t);
  const num = RE_ADDRESS_NUM.test(t);
  if (admin >= 2 && (street || num)) return true;
  if (/(小区|大厦|公寓|花园|苑|新村|路|街)\d+(号|栋|幢|单元)/.test(t) && /\d+(单元|室|号楼|栋)|\d{3,4}(?!\d)/.test(t)) return true;
  if (admin >= 3 && /(省|市).{0,6}(区|县|镇)/.test(t)) return true;
  if (/[\u4e00-\u9fff]{2,6}(路|街|大道|巷|弄)(?:\d+|[一二三四五六七八九十百零〇]{1,5})号/.test(t) && admin >= 1) return true;
  return RE_ADDRESS_EN.test(t);
}

/** The four flags read from the text's shape; `evidence` says what was seen. */
export function ruleFlags(raw: string): { flags: Set<FlagId>; evidence: FlagEvidence } {
  const { text: t, compact: k } = canonicalFlagText(raw);
  const flags = new Set<FlagId>();

  // Abuse: drop exclamations and self-talk first, then look for an insult.
  const aimed = NOT_AIMED_MAY.test(t) ? t.replace(NOT_AIMED, ' ') : t;
  const aimedCompact = aimed.replace(/[\s·_~]+/g, '');
  const masked = /(傻|煞|沙)[*＊×x#@%.。]+(逼|b|比|笔|叉)?|(?<![a-z])s[*#.]+b(?![a-z])|你[*＊]+的|他[*＊]+的|[草操艹][*＊]+|脑[*＊]+残|智[*＊]+障/.test(aimedCompact);
  const deleet = /[0-9@$!]/.test(aimed) ? aimed.replace(RE_LEET_WORD, (w) => w.replace(/[0-9@$!]/g, (c) => LEET[c] ?? c)) : aimed;
  if (
    has(ABUSE_ZH, aimedCompact) || has(ABUSE_ABBR, aimed) || has(ABUSE_EN, aimed) || masked ||
    (deleet !== aimed && has(ABUSE_EN, deleet)) || maskedEnglishInsult(aimed) || MILD_CURSE_AIMED.test(aimedCompact) || ABUSE_R7.test(aimed) || has(ABUSE_R8, aimed)
  ) flags.add('abuse');

  // Contacts and numbers.
  const mobile = RE_MOBILE.test(k) || RE_MOBILE.test(t);
  const phone = mobile || RE_LANDLINE.test(t) || RE_INTL.test(t) || RE_PHONE_AFTER_LABEL.test(t);
  const idCard = RE_ID_CARD.test(k) || RE_PHONE_PIECES.test(t);
  // 微❤信 leaves 微 信 once the heart is dropped: Chinese characters are joined again (Latin words are not, or 'worst garbage' holds a 'tg').
  const cjkJoined = t.replace(/(?<=[\u4e00-\u9fff])\s+(?=[\u4e00-\u9fff])/g, '');
  const contactId = RE_CONTACT_ID.test(t) || (cjkJoined !== t && RE_CONTACT_ID.test(cjkJoined));
  // "…broken. Top" joined by the canonical form is a sentence end, not a .top link.
  const url = RE_URL.test(t.replace(/[a-z0-9._%+-]+@[a-z0-9.-]+\.[a-z]{2,}/g, ' ')) && !(/\.\s+top\b/i.test(raw) && !RE_URL.test(t.replace(/\b[a-z]+\.top\b/g, ' ')) && !/[a-z0-9-]\.top\b/i.test(raw));
  const email = RE_EMAIL.test(t);
  const handle = RE_HANDLE.test(t);
  const official = OFFICIAL.test(t);
  const namedShop = RE_NAMED_SHOP.test(t) && !(official && !/(推荐(?:大家|你们)?去|大家去|建议去|某宝|某鱼|某音|闲鱼|咸鱼|joom|etsy|amazon|ebay|shein|temu)/.test(t));
  const callToContact = RE_CALL_TO_CONTACT.test(t);
  const selfPromo = RE_SELF_PROMO.test(t) || RE_SELF_PROMO_EN.test(t) || RE_TAO_CODE.test(t) || (callToContact && (mobile || RE_PHONE_AFTER_LABEL.test(t) || contactId));
  const contactSold = contactId && !/(客服|卖家|商家|店家|老板|售后)[^，,。]{0,4}(的)?(微信|vx|wx|qq)/.test(t);
  const fullName = fullNames(t, raw.normalize('NFKC'));
  const address = hasAddress(t);

  // An e-mail is an ad when it sells; given as one's own contact (my email is…) it is private data.
  const emailSells = email && !fullName && (selfPromo || callToContact || /(cheap|wholesale|discount|price|order|buy|sell|deal|批发|便宜|优惠|代购|货源|购买)/.test(t));
  if (contactSold || url || handle || namedShop || selfPromo || emailSells) flags.add('ad');
  // A phone given only to sell something is the ad, not private data.
  const phoneForSale = (phone || contactId) && selfPromo && !fullName;
  const maskedWithName = RE_MASKED_MOBILE.test(t) && fullName;
  const shopAddress = address && (selfPromo || namedShop);
  if (((phone || idCard) && !phoneForSale) || (email && !emailSells) || maskedWithName || fullName || (address && !shopAddress)) flags.add('private_data');

  // Extortion: money tied to the review, unless refused or claimed under the rules.
  const buyerWords = t.replace(SELLER_OFFER, ' ');
  const claimText = t.replace(WAVED_AWAY, ' ');
  const refused = NOT_EXTORTION.test(claimText);
  if ((RE_PAID_CHANGE.test(buyerWords) || RE_PAID_CHANGE_EN.test(buyerWords) || extortionShape(buyerWords) || RE_TAKEN_FOR_REVIEW.test(t)) && !refused) flags.add('extortion');

  return { flags, evidence: { phone: phone || idCard, contactId, url, fullName, address } };
}
