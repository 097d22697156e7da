// Word segmentation: jieba (native, ~1–2 µs per short message, measured in bench/nlu.bench.ts)
// with the e-commerce vocabulary that its general dictionary splits apart (运费险 → 运费/险), plus
// the shop's own item names (createNlu({shopDictionary})).
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';

/** Terms buyers use that the stock jieba dictionary does not keep whole. */
export const DOMAIN_TERMS: readonly string[] = [
  '运费险', '七天无理由', '7天无理由', '无理由退货', '花呗', '白条', '分期', '包邮', '不包邮', '偏远地区',
  '色差', '实物图', '买家秀', '卖家秀', '价保', '保价', '补差价', '退差价', '假一赔十', '假一赔三',
  '正品', '专柜', '国行', '水货', '专票', '普票', '电子发票', '增值税', '抬头', '税号', '转人工',
  '人工客服', '真人', '机器人', '差评', '好评', '中评', '追评', '晒图', '返现', '优惠券', '店铺券',
  '满减', '领券', '赠品', '小礼物', '预售', '定金', '尾款', '补货', '现货', '断码', '尺码表', '偏大',
  '偏小', '掉色', '起球', '开线', '漏发', '少发', '发错', '错发', '破损', '瑕疵', '退货', '换货',
  '退款', '退换', '拒收', '上门取件', '揽收', '派件', '签收', '快递员', '驿站', '丰巢', '顺丰',
  '中通', '圆通', '申通', '韵达', '百世', '极兔', '邮政', 'ems', '京东物流', '德邦', '天天快递',
  '改地址', '改价', '拍下', '付款', '货到付款', '确认收货', '返修', '保修', '维修', '售后', '质保',
  '投诉', '举报', '小二', '平台介入', '消协', '12315', '在吗', '在不', '在么', '有人吗', '亲',
];

let base: Jieba | undefined;

function lines(words: readonly string[]): Uint8Array {
  return new TextEncoder().encode(words.map((w) => `${w} 20000 n`).join('\n') + '\n');
}

/**
 * Whitespace of any kind (jieba's dictionary line is `word freq tag`, split at whitespace: a word
 * with a space in it fails the whole load) and other characters that are not text (controls,
 * format characters, lone surrogates, unassigned code points).
 */
const NOT_A_WORD_CHAR = /[\s\p{C}]+/u;

/**
 * The dictionary words in a shop's item names (issue 10, critical 1): lower-cased, split where a
 * name has whitespace or a non-text character ("Type-C快充数据线 1米" → "type-c快充数据线", "1米"),
 * without duplicates.
 */
export function dictionaryWords(names: readonly string[]): string[] {
  const words = new Set<string>();
  for (const name of names) {
    for (const part of name.toLowerCase().split(NOT_A_WORD_CHAR)) if (part.length > 0) words.add(part);
  }
  return [...words];
}

/** Loads the words at once; if jieba refuses the batch, one by one, leaving out what it refuses. */
function loadWords(jieba: Jieba, words: readonly string[]): void {
  try {
    jieba.loadDict(lines(words));
  } catch {
    for (const w of words) {
      try {
        jieba.loadDict(lines([w]));
      } catch {
        // A word jieba will not take is left out: segmentation just splits it like any unknown text.
      }
    }
  }
}

/** A segmenter. Creating one with a shop dictionary loads jieba's dictionary again (~250 ms). */
export class Segmenter {
  private readonly jieba: Jieba;
  constructor(shopDictionary: readonly string[] = []) {
    const extra = dictionaryWords(shopDictionary);
    if (extra.length === 0) {
      if (!base) {
        base = Jieba.withDict(dict);
        base.loadDict(lines(DOMAIN_TERMS));
      }
      this.jieba = base;
    } else {
      this.jieba = Jieba.withDict(dict);
      loadWords(this.jieba, [...DOMAIN_TERMS, ...extra]);
    }
  }

  /** Words of a normalised text, without whitespace tokens. */
  cut(text: string): string[] {
    const out = this.jieba.cut(text, false);
    let n = 0;
    for (let i = 0; i < out.length; i++) {
      const w = out[i]!;
      if (w.trim().length > 0) out[n++] = w;
    }
    out.length = n;
    return out;
  }
}
