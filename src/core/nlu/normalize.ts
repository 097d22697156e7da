// Text normalisation (B1): buyers write with full-width characters, traditional script, emoji,
// 旺旺 emoticon codes, repeated punctuation and net slang. Everything downstream (segmentation,
// features, entity rules) sees the canonical form produced here.
import { Converter, Locale } from 'opencc-js/t2cn';

let toSimplified: ((s: string) => string) | undefined;

/**
 * Every code point a key of the converter's dictionaries begins with (the tw → cn chain: the
 * normalisation, segmentation and conversion dictionaries of OpenCC's `tw2s` configuration). The
 * converter replaces only where a key matches, so a text holding none of these code points comes
 * out of it unchanged (issue 12 latency: English messages and most short ones skip it).
 */
let keyStarts: Set<number> | undefined;

export function converterKeyStarts(): Set<number> {
  if (keyStarts) return keyStarts;
  const config: unknown = Locale.configs.tw2s;
  const starts = new Set<number>();
  const visit = (x: unknown): void => {
    if (typeof x === 'string') {
      for (const entry of x.split('|')) {
        const cp = entry.codePointAt(0);
        if (cp !== undefined && entry.length > 0) starts.add(cp);
      }
    } else if (Array.isArray(x)) {
      // Dictionary groups; a [source, replacement] pair adds its replacement's start too (a
      // superset is safe: it only sends more texts through the converter).
      for (const y of x) visit(y);
    } else if (x && typeof x === 'object') {
      for (const y of Object.values(x)) visit(y);
    }
  };
  visit(config);
  keyStarts = starts;
  return starts;
}

/** Whether the converter could change `text`: some code point of it begins a dictionary key. */
export function mayConvert(text: string): boolean {
  const starts = converterKeyStarts();
  for (let i = 0; i < text.length; i++) {
    const cp = text.codePointAt(i) ?? 0;
    if (cp > 0xffff) i++;
    if (starts.has(cp)) return true;
  }
  return false;
}
/**
 * 么 is already simplified, but the Taiwan table reads a lone 么 as the variant of 幺 (在么 → 在幺,
 * 包邮么 → 包邮幺), which hid the question particle from every rule (issue 12): it is kept aside.
 */
const ME = /么/g;
const ME_KEPT = '\uE000';
function t2s(text: string): string {
  const hasMe = text.includes('么');
  const input = hasMe ? text.replace(ME, ME_KEPT) : text;
  // The converter would return `input` itself (see converterKeyStarts).
  const converted = mayConvert(input) ? (toSimplified ??= Converter({ from: 'tw', to: 'cn' }))(input) : input;
  return hasMe ? converted.replace(/\uE000/g, '么') : converted;
}

/** Slang and frequent typos → standard form. Order matters: longer keys first. */
const SLANG: ReadonlyArray<readonly [RegExp, string]> = [
  [/有木有/g, '有没有'],
  [/木有/g, '没有'],
  [/神马/g, '什么'],
  [/甚么/g, '什么'],
  [/肿[么幺麼]/g, '怎么'],
  [/咋(办|样|回事|弄|还|不|没|就|才|这么|又|能|可以)?/g, '怎么$1'],
  [/啥/g, '什么'],
  [/酱紫/g, '这样子'],
  [/介个/g, '这个'],
  [/那个啥/g, '那个'],
  [/发[或获伙]/g, '发货'],
  [/[包保]油/g, '包邮'],
  [/退宽/g, '退款'],
  [/快[第滴低]/g, '快递'],
  [/物留/g, '物流'],
  [/(优惠|领|用|满减|购物|无门槛)卷/g, '$1券'],
  [/尺吗/g, '尺码'],
  [/色查/g, '色差'],
  [/炒鸡/g, '超级'],
  [/孩纸/g, '孩子'],
  [/稀饭/g, '喜欢'],
  [/童鞋/g, '同学'],
  [/银家/g, '人家'],
  [/(可以|行|好|能|要|有)伐/g, '$1吗'],
  [/表(客气|这样|那样|发|给|寄|骗)/g, '不要$1'],
  [/亲亲+/g, '亲'],
  [/么么哒+/g, ''],
  [/蚂蚁花呗?/g, '花呗'],
  [/\bnihao\b/g, '你好'],
  [/\bzaima\b/g, '在吗'],
  [/\bthx\b|\bthanks\b|\bthank you\b/g, '谢谢'],
  [/\bbye(bye)?\b|^88$/g, '拜拜'],
];

/** One pass that tells whether any slang rule can apply (most messages need none). */
const SLANG_ANY = new RegExp(SLANG.map(([re]) => `(?:${re.source})`).join('|'));

/**
 * 旺旺/千牛 emoticon codes (#E-s12, /:^_^, /:?) and bracketed faces ([微笑]); in exported chat logs
 * the code's number may itself be masked (#E-s[数字x]).
 */
const WANGWANG = /#E-[a-z](?:\d{1,3}|\[数字[a-z0-9]*\])|\/:[^\s\u3400-\u9fff\u4e00-\u9fff]{1,5}/g;
const BRACKET_FACES =
  /\[(微笑|大笑|哈哈|偷笑|害羞|调皮|可爱|呲牙|憨笑|流泪|大哭|委屈|难过|生气|发怒|抓狂|疑问|惊讶|晕|汗|再见|拜拜|握手|抱拳|强|赞|ok|OK|玫瑰|爱心|心碎|鼓掌|飞吻|亲亲|色|坏笑|鄙视|白眼|无语|尴尬|吐|酷|困|睡觉|思考|加油|笑哭|捂脸|奸笑|机智|耶|嘿哈|皱眉|红包|礼物|太阳|月亮|OK手势)\]/g;
const EMOJI = /[\p{Extended_Pictographic}\u{1F1E6}-\u{1F1FF}\u{1F3FB}-\u{1F3FF}\u200d\ufe0e\ufe0f\u20e3]/gu;
/** Kaomoji fragments such as (⊙o⊙) or ^_^ carry no intent. */
const KAOMOJI = /\([^\u4e00-\u9fff()]{1,6}\)|\^[_\-o]?\^|[⊙╯╰□°︵┻━ω∀]+/g;

/**
 * Platform boilerplate real buyers' messages carry (issue 12): links (shop, item and share links)
 * become the [链接] mask of exported chat logs; 淘口令 share codes (￥AbC123xyz￥), the share text
 * around them (【淘宝】, 「item title」, 点击链接直接打开…) and the inline tokens of the chat window for
 * media and cards ([图片], [语音], [商品卡片] …) become masks too. stripMasks (features.ts) drops
 * them from what the model reads, so a photo token no longer reads as a colour question (图片) and a
 * link's letters no longer read as English chatter.
 */
const URL = /(?:https?:\/\/|www\.)[^\s\u3400-\u9fff，。！？「」【】]+|\b[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|cn|net|hk|tw)(?:\/[^\s\u3400-\u9fff，。！？「」【】]*)?/gi;
const SHARE_CODE = /[￥$€₤¢][a-z0-9]{6,16}[￥$€₤¢]|\([a-z0-9]{9,14}\)(?=\s|$|\/)/gi;
const SHARE_TEXT =
  /【(?:淘宝|天猫|手机淘宝|京东|拼多多|抖音|闲鱼|1688)】|「[^」]{2,80}」|(?:点击链接|复制(?:本条|这条|此条|链接)(?:信息|消息|内容)?)[,，]?(?:直接)?(?:打开|去|到)?(?:【?(?:手机)?(?:淘宝|天猫|京东|拼多多)】?|浏览器)?(?:即可)?(?:查看|打开)?|打开【?手机淘宝】?(?:即可查看)?/g;
const MEDIA_TOKEN =
  /\[(?:图片|照片|表情|动画表情|语音|视频|文件|位置|名片|红包|转账|商品|宝贝|商品卡片|宝贝卡片|订单卡片|卡片|商品链接|订单|链接|小程序)\]/g;

/**
 * The product or order card a chat window sends for the buyer when the chat is opened from an item
 * or an order ("我正在看: <title> ¥39.90 已售1.2万件", "商品: 纯棉四件套 实付款: ¥199.00"): its title and
 * figures are no words of the buyer's (新款 in a title read as a stock question). The order number
 * stays (it is an entity).
 */
const CARD_LEAD =
  /(?:我正在看|我在看|正在浏览|我想咨询(?:一下)?(?:这个|这件|这款)?(?:商品|宝贝)|我(?:正在|想|要)咨询(?:的)?订单)[:]?\s*(?:[^\s¥￥?？]{1,60}\s*(?=[¥￥]|已售|已拼|月销|订单编号))?(?:[¥￥]\s*[\d.]+)?\s*(?:(?:已售|已拼|月销)\s*[\d.]+万?\+?件?)?/g;
/** Card fields; a bare ¥ amount only with the sales figure a card shows (a buyer's ¥250 is an entity). */
const CARD_FIELDS =
  /(?:商品(?:名称)?|宝贝|规格)[:]\s*[^\s¥￥]{1,60}|(?:实付款?|价格|单价|合计|总价)[:]?\s*[¥￥]\s*[\d.]+|(?:[¥￥]\s*[\d.]+\s*)?(?:已售|已拼|月销)\s*[\d.]+万?\+?件?|下单时间[:]?\s*[\d:\s-]{8,19}/g;

/** Links, share codes, share boilerplate, cards and chat-window tokens → masks (see URL above). */
function maskBoilerplate(s: string): string {
  if (/[¥￥]|已售|已拼|月销|正在看|在看|浏览|咨询|商品:|宝贝:|下单时间/.test(s)) {
    s = s.replace(CARD_LEAD, ' [商品快照] ').replace(CARD_FIELDS, ' [商品快照] ');
  }
  if (!/[.\[【「￥$€]|打开|复制|点击/.test(s)) return s;
  return s
    .replace(URL, ' [链接] ')
    .replace(SHARE_CODE, ' ')
    .replace(SHARE_TEXT, ' ')
    .replace(MEDIA_TOKEN, (m) => (m === '[链接]' ? ' [链接] ' : ` [媒体] `));
}

function toHalfWidth(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xff01 && c <= 0xff5e) out += String.fromCharCode(c - 0xfee0);
    else if (c === 0x3000 || c === 0xa0) out += ' ';
    else out += text[i];
  }
  return out;
}

/** A character KAOMOJI begins with: it cannot match a text without one. */
const KAOMOJI_NEEDS = /[(^⊙╯╰□°︵┻━ω∀]/;

/** Whether two equal code units stand side by side, or the text holds a surrogate. */
function adjacentRepeat(s: string): boolean {
  let prev = -1;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === prev || (c >= 0xd800 && c <= 0xdfff)) return true;
    prev = c;
  }
  return false;
}

/**
 * Canonical form of a buyer message: half-width, lower-case Latin, simplified Chinese, no emoji or
 * emoticon codes, single punctuation, slang replaced, whitespace collapsed.
 */
export function normalizeText(text: string): string {
  // Each replacement runs only when the text holds what its expression needs to match (issue 12
  // latency: most messages need few of them); the result is the same as running them all.
  let s = toHalfWidth(text.normalize('NFC'));
  if (s.includes('&nbsp;')) s = s.replace(/&nbsp;/g, ' ');
  if (s.includes('#E-') || s.includes('/:')) s = s.replace(WANGWANG, ' ');
  if (s.includes('[')) s = s.replace(BRACKET_FACES, ' ');
  s = s.replace(EMOJI, ' ');
  if (KAOMOJI_NEEDS.test(s)) s = s.replace(KAOMOJI, ' ');
  s = maskBoilerplate(s);
  s = t2s(s).toLowerCase();
  if (SLANG_ANY.test(s)) for (const [re, to] of SLANG) s = s.replace(re, to);
  // Repeated punctuation and Han characters repeated three times need two equal code units side
  // by side (or, for a Han character outside the BMP, a surrogate pair).
  if (adjacentRepeat(s)) s = s.replace(/([?!.,~。，、…！？~-])\1+/g, '$1');
  if ((s.includes('?') || s.includes('？')) && (s.includes('!') || s.includes('！'))) s = s.replace(/[?？]+[!！]+|[!！]+[?？]+/g, '?');
  if (s.includes('…')) s = s.replace(/…+/g, '…');
  if (adjacentRepeat(s)) s = s.replace(/(\p{Script=Han})\1{2,}/gu, '$1$1');
  s = s.replace(/\s+/g, ' ').trim();
  return s;
}
