// Text normalisation (B1): buyers write with full-width characters, traditional script, emoji,
// 旺旺 emoticon codes, repeated punctuation and net slang. Everything downstream (segmentation,
// features, entity rules) sees the canonical form produced here.
import { Converter } from 'opencc-js/t2cn';

let toSimplified: ((s: string) => string) | undefined;
/**
 * 么 is already simplified, but the Taiwan table reads a lone 么 as the variant of 幺 (在么 → 在幺,
 * 包邮么 → 包邮幺), which hid the question particle from every rule (issue 12): it is kept aside.
 */
const ME = /么/g;
const ME_KEPT = '\uE000';
function t2s(text: string): string {
  const convert = (toSimplified ??= Converter({ from: 'tw', to: 'cn' }));
  if (!text.includes('么')) return convert(text);
  return convert(text.replace(ME, ME_KEPT)).replace(/\uE000/g, '么');
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

/**
 * Canonical form of a buyer message: half-width, lower-case Latin, simplified Chinese, no emoji or
 * emoticon codes, single punctuation, slang replaced, whitespace collapsed.
 */
export function normalizeText(text: string): string {
  let s = toHalfWidth(text.normalize('NFC'));
  s = s.replace(/&nbsp;/g, ' ').replace(WANGWANG, ' ').replace(BRACKET_FACES, ' ');
  s = s.replace(EMOJI, ' ').replace(KAOMOJI, ' ');
  s = t2s(s).toLowerCase();
  if (SLANG_ANY.test(s)) for (const [re, to] of SLANG) s = s.replace(re, to);
  s = s
    .replace(/([?!.,~。，、…！？~-])\1+/g, '$1')
    .replace(/[?？]+[!！]+|[!！]+[?？]+/g, '?')
    .replace(/…+/g, '…')
    .replace(/(\p{Script=Han})\1{2,}/gu, '$1$1')
    .replace(/\s+/g, ' ')
    .trim();
  return s;
}
