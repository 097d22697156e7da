// Ellipsis against the previous turn (issue 12, B1): a short follow-up that names no topic of its
// own ("多久", "要多少", "怎么办", "那XL呢", "花呗付的呢", "电子的可以吗") takes the topic of the
// conversation; one that names a topic ("那运费呢", "发票呢") asks about that topic, unless the
// topic is only a detail of the open one (到哪了 after a refund is the money, 运费谁出 after a return
// is the return). The topic words below name a topic; entity words (courier names, 花呗/白条,
// colours, sizes, places) do not, so "顺丰呢" after 包邮吗 stays on shipping_fee.
import type { IntentId } from '../intents.js';

/** Words that name an intent's topic (not its details). Checked only on short follow-ups. */
const TOPIC_WORDS_ZH: ReadonlyArray<readonly [IntentId, readonly string[]]> = [
  ['stock', ['有货', '没货', '缺货', '现货', '库存', '补货', '断货', '到货', '售罄', '卖完', '有库存', '会补', '再补', '上架']],
  ['size_fit', ['尺码', '码数', '几码', '什么码', '多大码', '偏大', '偏小', '合身', '穿多大', '鞋码', '尺寸表', '穿得下', '穿的下', '穿得进', '戴得进', '戴得下', '戴的进']],
  ['product_info', ['材质', '面料', '保质期', '成分', '功能', '规格', '配料', '产地', '说明书', '多少钱', '价格', '什么价', '怎么用', '区别', '重量', '容量', '功率']],
  ['color_appearance', ['色差', '颜色', '实物图', '实拍', '外观', '色号', '图片', '买家秀']],
  ['recommend', ['推荐', '哪款好', '哪个好', '选哪', '买哪']],
  ['bargain', ['便宜', '最低', '砍价', '议价', '抹零', '少点']],
  ['promotion', ['优惠券', '优惠', '活动', '满减', '赠品', '送什么', '送啥', '折扣', '红包', '券', '赠送', '小礼物']],
  ['shipping_fee', ['运费', '邮费', '包邮', '快递费', '油费', '加钱', '加多少', '补多少钱', '要补钱']],
  ['ship_time', ['发货', '发出', '寄出', '出库', '发走', '一起发', '先发', '分开发', '几号发', '啥时候发', '什么时候发', '哪天发']],
  ['courier', ['快递公司', '什么快递', '哪家快递', '哪个快递']],
  ['logistics', ['物流', '单号', '签收', '派送', '到哪', '快递员', '派件']],
  ['payment', ['付款', '支付', '分期', '改价', '付钱', '付不了']],
  ['order_change', ['改地址', '地址', '取消订单', '取消', '备注', '拍错']],
  ['invoice', ['发票', '专票', '普票', '开票', '抬头', '税号']],
  ['return_exchange', ['退货', '换货', '退换', '寄回', '无理由', '换码', '退回']],
  ['refund', ['退款', '退钱', '到账', '钱呢', '钱退', '的钱', '那钱', '钱啥时候', '钱什么时候', '钱多久', '钱几时']],
  ['quality_issue', ['坏了', '破损', '漏发', '少发', '发错', '质量', '瑕疵', '坏的']],
  ['warranty_repair', ['保修', '维修', '质保', '返修', '修理', '能修', '修好', '送修', '保不保', '修要', '给修', '修一下']],
  ['price_protection', ['价保', '保价', '差价', '降价']],
  ['authenticity', ['正品', '假货', '真假', '行货', '假的']],
  ['complaint', ['投诉', '差评', '举报']],
  ['review', ['好评', '评价', '追评', '返现', '晒图', '五星', '返多少']],
  ['human', ['人工', '真人']],
];

/** English topic words (any one makes the follow-up its own question unless it agrees). */
const TOPIC_EN =
  /\b(shipping|ship|shipped|deliver\w*|track\w*|refund\w*|money back|invoice|receipt|size|sizes|sizing|colou?rs?|price|discount|coupon|promo\w*|return\w*|exchange|warranty|repair|original|genuine|fake|review|feedback|pay|payment|paypal|stock|cancel\w*|address|material|battery|dispute|agent|human)\b/;

/** A follow-up form: 那…呢 / 还有…吗 / what about … (from nlu.ts). */
export const FOLLOW_UP =
  /^(那|那么|那个|还有|另外|换成|如果是|要是)|[呢勒嘞][?]?$|^(what about|how about|and|what if|same for|also|but|even if|even)\b|\b(also|too|as well)[?.!]*$|^(in |size )?(xs|s|m|l|xl|xxl|[2-5]xl|black|white|red|blue|green|grey|gray|pink)\b.{0,6}\?$/;

/** Something is asked, urged or settled (两个都是, 催一下, 普通的就行): the follow-up is no bare remark. */
const QUESTION_CUE =
  /吗|呢|么|嘛|多久|多少|多长|多宽|多高|多重|多厚|多大|几|怎么|什么|哪|能不能|可以|可不可以|行不行|有没有|要不要|是不是|会不会|\?|都是|也是|也|还能|能|催|快点|就行|就好|帮我|麻烦|还有没|有没|还是不行|还不行|不行|咋|啥|如何|怎样|([\u4e00-\u9fff])[不没]\1|[不没]$/;
/**
 * 也 asks the open question of something else (这个也是吗, 电池也保吗, 满减券的也能算吗; round 9,
 * issue 12): read with the open topic unless it names another topic.
 */
const ALSO = /也(是|能|可以|行|一样|保|算|有|要|退|包|送|会|适用)/;
const QUESTION_CUE_EN = /\?|^(what|how|when|where|which|can|could|is|are|do|does|will|and|also|same|any)\b/;

const THANKS = /谢|感谢|拜拜|再见|辛苦|\b(thanks?|thx|bye)\b/;
const NON_TOPIC_IDS: ReadonlySet<IntentId> = new Set(['other', 'greeting', 'thanks_bye', 'human']);
/** Open topics the buyer answers with data (a name, a phone number, a tax number): a statement that follows supplies it. */
const SUPPLIED: ReadonlySet<IntentId> = new Set(['order_change', 'invoice']);
/** Open topics about one variant of an item, where another size or colour asks the same again. */
const VARIANT_OPEN: ReadonlySet<IntentId> = new Set(['stock', 'return_exchange', 'order_change']);
const VARIANT_EN = /\b(size|colou?r|in)?\s*\b(xxs|xs|s|m|l|xl|xxl|xxxl|[2-5]xl|\d{2}(\.5)?|black|white|red|blue|navy|green|grey|gray|pink|beige|brown|yellow|purple)\b/;
const VARIANT_EN_ALL = new RegExp(VARIANT_EN.source, 'g');
/** A colour or a size named in a Chinese follow-up (有白色吗, 有没有xl码, 粉的有吗). */
const VARIANT_ZH = /[白黑红蓝绿黄粉紫灰棕咖米杏橙金银青褐藏驼卡其][色的款]|白的|黑的|彩色|[0-9]*x*[sml]码?(?![a-z])|均码|大号|中号|小号|加大|[0-9]{2}码/;
/** Open topics that a variant completes (有白色吗 after 能换吗 asks for the colour to exchange to). */
/** Open topics a named defect only adds to (坏了 after 我要退货 is the return's reason). */
const DEFECT_KEEPS_OPEN: ReadonlySet<IntentId> = new Set(['quality_issue', 'return_exchange', 'refund', 'warranty_repair']);
const VARIANT_KEEPS_OPEN: ReadonlySet<IntentId> = new Set(['stock', 'return_exchange', 'order_change', 'quality_issue', 'recommend']);
/** A noun-phrase fragment ending in 的/那款/那个 (电子的, 蓝色那款的, 大的那个). */
const FRAGMENT = /的$|那[款个种件]的?$|[的款]呀$/;
const ACK = /^(好的|好吧|好滴|好嘞|嗯+|哦+|噢+|喔|额|呃|ok|okay|oh|行|亲|老板|谢谢|thanks|thx)[\s,.!，。！~]*/;
const HUMAN = /人工|真人|机器人|活人|是人吗|人呢|\b(human|agent|real person|bot|robot)\b/;

/** Topics a follow-up names, in the order of the table (empty for a bare follow-up). */
export function topicsNamed(normalized: string): IntentId[] {
  const out: IntentId[] = [];
  for (const [intent, words] of TOPIC_WORDS_ZH) {
    for (const w of words) {
      if (normalized.includes(w)) {
        out.push(intent);
        break;
      }
    }
  }
  return out;
}

/** Open topics whose follow-up 要多少钱 asks what the service costs. */
const COSTED: ReadonlySet<IntentId> = new Set(['invoice', 'warranty_repair', 'return_exchange', 'courier', 'shipping_fee', 'bargain']);
const EXTRA_COST = /^(那|要|得|还要|需要|会)*(加钱|加多少|补多少钱|要补钱)/;
const COST = /^(那|那么|大概|一共|要|得|需要|还要|修|换|开|寄)*(多少钱|什么价|价格|收费|收钱|要钱)/;

/** A topic named in a follow-up that is only a detail of the open topic (read with the context). */
function detailOf(open: IntentId, named: readonly IntentId[], text: string): boolean {
  if (named.length === 0) return false;
  const all = (set: readonly IntentId[]) => named.every((n) => set.includes(n));
  // 另一个颜色呢 / 别的颜色呢 after 有黑色吗: the colour is the variant asked about, not its look.
  if (open === 'stock' && all(['color_appearance']) && !/色差|实物|实拍|图|外观|色号|好看/.test(text)) return true;
  // 要多少钱 / 价格呢 after a paid service (an invoice, a repair, a return, a courier, freight, a
  // volume price): the cost of that service, not the item's price (issue 12).
  if (COSTED.has(open) && all(['product_info']) && COST.test(text)) return true;
  // 要加钱吗 after 要开发票 / a repair: what that service costs (after a courier it is the freight).
  if (COSTED.has(open) && open !== 'courier' && all(['product_info', 'shipping_fee']) && EXTRA_COST.test(text)) return true;
  // 还有运费呢 after a refund is the freight refunded; 退回到哪里 is where the money goes (round 9).
  if (open === 'refund') return all(['logistics', 'payment', 'shipping_fee']) || (all(['return_exchange', 'logistics', 'payment']) && /退回?到|退回哪|退哪/.test(text));
  if (open === 'return_exchange') return all(['shipping_fee', 'logistics', 'order_change']);
  if (open === 'warranty_repair') return all(['shipping_fee', 'logistics']);
  if (open === 'invoice') return all(['order_change']);
  // 满减券的也能算吗 / 用券后的价格呢 after a price drop: which price the difference is counted on.
  if (open === 'price_protection') return all(['refund', 'promotion', 'product_info']);
  // 会比现在便宜多少 after 搞活动不: how much the campaign saves, not a request for a lower price.
  if (open === 'promotion') return all(['bargain']) && /便宜多少|省多少|比现在|比平时/.test(text);
  // 说明书也没放 / 赠品也没有 after 少发了一个: one more missing part, not a product or gift question.
  if (open === 'quality_issue') return all(['product_info', 'promotion', 'return_exchange']) && /没放|没有|没给|没发|少了|少个|缺|漏|没见|没看到|没找到|不见/.test(text);
  // 现货的呢 after 预售多久发: when the in-stock variant ships (round 10, issue 12).
  if (open === 'ship_time') return all(['stock', 'color_appearance']) && /现货|预售/.test(text);
  // 那运费给我免了也行 / 要不送个小东西 after asking for a lower price: another concession asked for.
  if (open === 'bargain') return all(['promotion', 'shipping_fee']) && /要不|或者|也行|也可以|那就|免了/.test(text);
  // 便宜点的有吗 after 有啥推荐: a cheaper item to recommend, not a lower price for this one.
  if (open === 'recommend') return all(['bargain']) && /便宜(一)?点的|便宜的|实惠(一)?点的|实惠的/.test(text);
  return false;
}

/**
 * How a short message with earlier turns is read:
 *  - `own`: it is a question of its own (names another topic, or is a greeting/thanks);
 *  - `context`: a bare follow-up — the open topic decides (strongly);
 *  - `blend`: the earlier rule — mix its own reading with the open topic's.
 */
export function followUpReading(
  normalized: string,
  open: IntentId,
  own: IntentId,
  ownProb: number,
): { kind: 'own' | 'context' | 'blend'; weight: number } {
  if (own === 'human' && HUMAN.test(normalized)) return { kind: 'own', weight: 0 };
  // An acknowledgement before the follow-up (好的 那XL呢 / ok and in black?) is manners.
  const stripped = normalized.replace(ACK, '');
  const backChannel = stripped.replace(/[\s,.!?。，！？、~…]/g, '') === '';
  normalized = stripped || normalized;
  const latin = !/[\u4e00-\u9fff]/.test(normalized);
  const asks = latin ? QUESTION_CUE_EN.test(normalized) : QUESTION_CUE.test(normalized);
  const followUp = FOLLOW_UP.test(normalized);
  // 那灰的 / 那中号 read as an acknowledgement on their own; the follow-up form says otherwise.
  // 那就麻烦啦 拜拜: thanks that only sound like a request (麻烦) are thanks.
  const closing = own === 'thanks_bye' && THANKS.test(normalized) && !/[?吗呢]/.test(normalized);
  if ((own === 'greeting' || own === 'thanks_bye') && ownProb >= 0.5 && (!asks || closing) && !(followUp && !THANKS.test(normalized))) {
    return { kind: 'own', weight: 0 };
  }
  const compact = normalized.replace(/[\s,.!?。，！？、~…]/g, '');
  if (latin) {
    const words = normalized.split(/\s+/).filter(Boolean).length;
    // "for the battery also?" / "the other order too": the open question asked of something else.
    if (/\b(also|too|as well)\b/.test(normalized) && words <= 6 && !HUMAN.test(normalized)) return { kind: 'context', weight: 0.8 };
    // "who pay for shipping?" after a return: the return's postage, part of the return (round 10).
    if ((open === 'return_exchange' || open === 'refund') && /\b(shipping|postage|send it back|label)\b/.test(normalized) && !/\bfree shipping\b/.test(normalized)) return { kind: 'context', weight: 0.8 };
    // "to paypal or my card?" after a refund question: where the money goes (round 9, issue 12).
    if (open === 'refund' && /\b(paypal|card|visa|mastercard|balance|bank|account|wallet)\b/.test(normalized) && !/\b(pay|payment|paid)\b/.test(normalized)) return { kind: 'context', weight: 0.8 };
    // "what about size L" / "for M please" after a stock, exchange or order question: the size or
    // colour is the variant asked about, not a sizing or colour question (round 10, issue 12).
    if (VARIANT_OPEN.has(open) && words <= 6 && VARIANT_EN.test(normalized) && !TOPIC_EN.test(normalized.replace(VARIANT_EN_ALL, ' '))) return { kind: 'context', weight: 0.8 };
    // "new is Calle Mayor 5" after a wrong address: the data the open request needs.
    if (SUPPLIED.has(open) && own === 'other' && !/\?/.test(normalized)) return { kind: 'context', weight: 0.7 };
    if (TOPIC_EN.test(normalized)) return own === open ? { kind: 'blend', weight: 0.5 } : followUp ? { kind: 'blend', weight: 0.5 } : { kind: 'own', weight: 0 };
    if (words <= 5 && (followUp || QUESTION_CUE_EN.test(normalized))) return { kind: 'context', weight: 0.8 };
    if (followUp) return { kind: 'blend', weight: 0.65 };
    // "for M please" / "the red one please": a fragment that completes the open request.
    if (words <= 4 && ownProb < 0.5 && !NON_TOPIC_IDS.has(own)) return { kind: 'context', weight: 0.7 };
    return own === 'other' && ownProb < 0.6 ? { kind: 'blend', weight: 0.5 } : { kind: 'own', weight: 0 };
  }
  const named = topicsNamed(compact);
  // 能给换成L吗 / 换黑色行吗 after a size or a colour that does not suit: an exchange asked for
  // (round 10); 还有红色的吗 after another topic is a stock question of its own, not 还有 = "and".
  if (own === 'return_exchange' && ownProb >= 0.6 && (open === 'size_fit' || open === 'color_appearance') && /(能|可以|给我?|想|要)换|换.{0,6}(行吗|行不|可以吗|可以不)/.test(compact)) return { kind: 'own', weight: 0 };
  if (own === 'stock' && ownProb >= 0.8 && open !== 'recommend' && open !== 'stock' && /^还有.{1,8}(吗|嘛|么|没)/.test(compact)) return { kind: 'own', weight: 0 };
  // 有白色吗 / 有没有L码 / 粉色有吗 after a question about the item's material, price or use: a
  // question of its own about a variant (stock), not the product question again (round 11, issue 12).
  // After a stock, exchange or order-change question the variant still completes the open request.
  if (own === 'stock' && ownProb >= 0.6 && !VARIANT_KEEPS_OPEN.has(open) && VARIANT_ZH.test(compact) && /有/.test(compact) && named.every((n) => n === 'stock' || n === 'color_appearance' || n === 'size_fit')) return { kind: 'own', weight: 0 };
  // 换货的时候也有吗 / 赠品也没见着: the open question asked of the thing named before 也 (round 10).
  const also = ALSO.exec(compact) ?? /也没|也不/.exec(compact);
  if (also && named.length > 0 && !named.includes('complaint') && topicsNamed(compact.slice(also.index)).length === 0) {
    return { kind: 'context', weight: 0.9 };
  }
  // A threat (我要投诉, 差评) is a complaint whatever the open topic (快递员态度太差 我要投诉 after 到哪了).
  if (named.includes('complaint') && open !== 'complaint') return { kind: 'own', weight: 0 };
  // 到货坏了怎么办 after 有白色吗: a defect named is a question of its own unless the open topic is
  // already about a defect or its remedy (到货 there is the parcel's arrival, not stock). Seen in a
  // newcomer's `dxe chat`, round 11: the stock answer was given again.
  if (named.includes('quality_issue') && !DEFECT_KEEPS_OPEN.has(open)) return { kind: 'own', weight: 0 };
  if (named.length > 0) {
    if (named.includes(open) || detailOf(open, named, compact)) return { kind: 'context', weight: 0.8 };
    return { kind: 'own', weight: 0 };
  }
  if (ALSO.test(compact)) return { kind: 'context', weight: 0.9 };
  // A question of its own in few words (几点发 after 我刚付款了): a sure reading of another topic holds.
  if (ownProb >= 0.99 && compact.length >= 3 && own !== open && !NON_TOPIC_IDS.has(own) && !followUp) return { kind: 'blend', weight: 0.3 };
  if (compact.length <= 10 && (followUp || QUESTION_CUE.test(compact))) return { kind: 'context', weight: 0.8 };
  if (followUp) return { kind: 'blend', weight: 0.65 };
  // A fragment that completes the open question (电子的, 蓝色那款的, 银行卡的) or adds a fact to it
  // (都一周了, 我在海南); a bare back-channel (嗯, 好的) stays what it is.
  if (!backChannel && compact.length <= 8 && (FRAGMENT.test(compact) || (own === 'other' && ownProb < 0.98))) return { kind: 'context', weight: 0.7 };
  // A fact or a detail the open question needs (要S的 小个子, 我上周三下的单, 应该是李明 木子李):
  // it names no topic and reads as nothing sure on its own (round 10, issue 12).
  if (!backChannel && compact.length <= 12 && !NON_TOPIC_IDS.has(own) && ownProb < 0.5) return { kind: 'context', weight: 0.7 };
  if (!backChannel && SUPPLIED.has(open) && (own === 'other' || (named.length === 0 && !QUESTION_CUE.test(compact)))) return { kind: 'context', weight: 0.7 };
  return own === 'other' && ownProb < 0.6 ? { kind: 'blend', weight: 0.5 } : { kind: 'own', weight: 0 };
}
