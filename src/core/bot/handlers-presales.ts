// Pre-sales answers: stock, size, product facts, colour, recommendation, bargaining, promotions,
// free shipping (C5, C6, C7, C11, B2).
import { freightVars } from './money-answers.js';
import {
  adviseSize,
  crossSell,
  generalPick,
  inStockColours,
  matchingVariants,
  pickFromListed,
  resolveItem,
  similarItems,
  totalStock,
  variantLabel,
} from './catalogue.js';
import { formatBeijingDate } from '../time/beijing-time.js';
import { formatYuan, itemVars, offerablePromotions, type Draft } from './draft.js';
import type { Item } from './types.js';
import type { Measurements } from '../entities.js';

/** Items of the categories the buyer's words name (T恤, 裤子 … as the shop files them). */
function namedCategoryItems(d: Draft): Item[] {
  const text = d.input.text.toLowerCase();
  const cats = [...new Set(d.input.items.map((i) => i.category))].filter(
    (c) => c.length > 0 && text.includes(c.toLowerCase()),
  );
  return d.input.items.filter((i) => cats.includes(i.category));
}

/** "身高170cm、体重130斤" / "height 170 cm, weight 65 kg" — what the advice is based on. */
function basisText(d: Draft, m: Measurements): string {
  if (d.lang === 'en') {
    return [
      m.heightCm !== undefined ? `height ${m.heightCm} cm` : '',
      m.weightJin !== undefined ? `weight ${Math.round(m.weightJin / 2)} kg` : '',
    ]
      .filter(Boolean)
      .join(', ');
  }
  return [m.heightCm !== undefined ? `身高${m.heightCm}cm` : '', m.weightJin !== undefined ? `体重${m.weightJin}斤` : '']
    .filter(Boolean)
    .join('、');
}

/**
 * Size advice without an item (issue 12): the buyer's measurements read against the shop's size
 * charts, one line per category (the categories the buyer named, else every category with a
 * chart). False when the shop has no chart that fits (an electronics shop has none).
 */
function adviseAcrossCategories(d: Draft, m: Measurements): boolean {
  const named = namedCategoryItems(d).filter((i) => i.sizeChart?.length);
  const charted = named.length > 0 ? named : d.input.items.filter((i) => i.sizeChart?.length);
  const byCategory = new Map<string, string>();
  for (const item of charted) {
    if (byCategory.has(item.category)) continue;
    const advice = adviseSize(item, m.heightCm, m.weightJin);
    if (advice && advice !== 'outside') byCategory.set(item.category, advice.size);
  }
  if (byCategory.size === 0) return false;
  const list = [...byCategory]
    .slice(0, 4)
    .map(([cat, size]) => (d.lang === 'en' ? `${cat}: size ${size}` : `${cat}建议${size}码`));
  return d.say('size_fit.by_category', { 'size.basis': basisText(d, m), 'size.list': d.list(list) });
}

/**
 * The item the question is about: one named or referred to, else the item card of the chat, else
 * the shop's only item of the category the buyer named ("这个充电宝" in a shop with one power bank).
 */
function focusItem(d: Draft): Item | undefined {
  const { items, nlu, conversation } = d.input;
  const resolved = resolveItem(items, nlu.entities, conversation.focusItemId);
  if (resolved) return resolved;
  const pool = namedCategoryItems(d);
  // What we said since the buyer's previous message (a reply is stored as several short messages).
  const lastBuyer = conversation.turns.findLastIndex((t) => t.author === 'buyer');
  const lastReply = conversation.turns.slice(lastBuyer + 1).map((t) => t.text).join('');
  const found = pool.length === 1 ? pool[0] : lastReply ? pickFromListed(items, lastReply, d.input.text) : undefined;
  // The chat's item from now on (the app keeps it as the item under discussion).
  if (found) d.aboutItemId = found.id;
  return found;
}

/**
 * No item known: two or three of the category the buyer named are listed to choose from ("20000mAh
 * 快充充电宝（149元）、10000mAh磁吸充电宝（169元）"); a longer list is no help in a chat, so then
 * the buyer is asked for the link. True when the listing was asked.
 */
function askWhichItem(d: Draft): boolean {
  const pool = namedCategoryItems(d);
  if (pool.length > 1 && pool.length <= 3) {
    const choices = pool.map((i) => (d.lang === 'en' ? `${i.title} (${formatYuan(i.price)} yuan)` : `${i.title}（${formatYuan(i.price)}元）`));
    if (d.ask('stock.ask_which', { 'item.choices': d.list(choices) })) return true;
  }
  d.ask('stock.ask_item');
  return false;
}

/** The size the buyer named, else the one their measurements point to. */
function wantedSize(d: Draft, item?: Item): string | undefined {
  const named = d.input.nlu.entities.sizes[0];
  if (named || !item) return named;
  const m = d.input.nlu.entities.measurements;
  const advice = adviseSize(item, m.heightCm, m.weightJin);
  return advice && advice !== 'outside' ? advice.size : undefined;
}

/** Variant stock check for a colour/size; alternatives when it is sold out (C5). */
function answerVariantStock(d: Draft, item: Item, colour?: string, size?: string): void {
  const label = variantLabel(colour, size);
  const matches = matchingVariants(item, colour, size);
  const stock = matches.reduce((s, v) => s + Math.max(0, v.stock), 0);
  const base = { ...itemVars(item), variant: label };
  if (matches.length === 0) {
    d.say('stock.colours', { ...base, 'item.colours': d.list(inStockColours(item)) });
    return;
  }
  if (stock > 0) {
    const low = stock <= d.input.shop.settings.bot.lowStockThreshold;
    d.say(low ? 'stock.low' : 'stock.in', { ...base, 'stock.count': stock });
    return;
  }
  // Other colours of the same item that have the wanted size (or any stock when no size named).
  const alternatives = [
    ...new Set(
      matchingVariants(item, undefined, size)
        .filter((v) => v.stock > 0)
        .map((v) => v.colour),
    ),
  ];
  if (alternatives.length > 0) {
    d.say('stock.variant_out', { ...base, 'item.colours': d.list(alternatives) });
  } else {
    d.say('stock.size_out', base);
    recommendSimilar(d, item, size);
  }
}

export function handleStock(d: Draft): void {
  const item = focusItem(d);
  if (!item) {
    // Several of the category the buyer named: they are listed to choose from. Otherwise only from
    // the category the buyer named (a T-shirt question never gets socks); nothing named, nothing
    // offered until we know what they look at.
    if (askWhichItem(d)) return;
    const pool = namedCategoryItems(d);
    if (pool.length > 0) d.recommend(generalPick(pool, d.input.nlu.entities.sizes[0]), 'recommend.pick');
    return;
  }
  const colour = d.input.nlu.entities.colours[0];
  const size = wantedSize(d, item);
  if (totalStock(item) === 0) {
    d.say('stock.item_out', itemVars(item));
    recommendSimilar(d, item, size);
    if (item.restockAt)
      d.say('stock.restock', { 'restock.date': formatBeijingDate(item.restockAt) }, { main: false });
    return;
  }
  if (colour || size) answerVariantStock(d, item, colour, size);
  else d.say('stock.colours', { ...itemVars(item), 'item.colours': d.list(inStockColours(item)) });
}

export function handleSizeFit(d: Draft): void {
  const item = focusItem(d);
  const m = d.input.nlu.entities.measurements;
  if (!item) {
    if ((m.heightCm !== undefined || m.weightJin !== undefined) && adviseAcrossCategories(d, m)) return;
    const charts = d.input.items.some((i) => i.sizeChart?.length);
    if (charts && m.heightCm === undefined && m.weightJin === undefined) d.ask('size_fit.ask');
    else d.ask('stock.ask_item');
    if (!charts) d.handOver('missing_data', '店内商品没有尺码表，买家问尺码，需人工确认是哪件商品、哪个尺寸', null);
    return;
  }
  const advice = adviseSize(item, m.heightCm, m.weightJin);
  if (advice === null) {
    if (!item.sizeChart?.length) {
      d.handOver('missing_data', `「${item.title}」没有尺码表，需人工提供尺码建议`);
      return;
    }
    d.ask('size_fit.ask');
    return;
  }
  if (advice === 'outside') {
    d.say('size_fit.outside');
    d.handOver('missing_data', '买家身材数据超出尺码表范围，需人工核对实物尺寸', null);
    return;
  }
  const basis = basisText(d, m);
  const vars = { size: advice.size, 'size.small': advice.smaller, 'size.basis': basis };
  // "那XL呢" after the advice: say how the size asked about compares with the advised one.
  const asked = d.input.nlu.entities.sizes[0];
  if (asked && asked.toUpperCase() !== advice.size.toUpperCase() && item.sizeChart) {
    const order = item.sizeChart.map((r) => r.size.toUpperCase());
    const ia = order.indexOf(asked.toUpperCase());
    const ib = order.indexOf(advice.size.toUpperCase());
    if (ia >= 0 && ib >= 0) {
      const feel = ia > ib ? (d.lang === 'en' ? 'loose' : '偏大') : d.lang === 'en' ? 'tight' : '偏小';
      d.say('size_fit.asked_other', { ...vars, 'size.asked': asked, 'size.feel': feel });
    } else d.say(advice.smaller ? 'size_fit.between' : 'size_fit.advice', vars);
  } else d.say(advice.smaller ? 'size_fit.between' : 'size_fit.advice', vars);
  // The advised size must also be there to buy (O5: warn before the buyer orders); a follow-up
  // about a colour ("那黑色的呢" after the advice) is answered with that colour in the advised size.
  const colour = d.input.nlu.entities.colours[0];
  const stock = matchingVariants(item, colour, advice.size).reduce((s, v) => s + v.stock, 0);
  if (stock <= 0 || (colour && d.input.nlu.followUp)) answerVariantStock(d, item, colour, advice.size);
  if (advice.basis === 'height') d.ask('size_fit.ask_weight');
  if (advice.basis === 'weight') d.ask('size_fit.ask_height');
}

/** Attribute names buyers use for the listing's attribute keys. */
const ATTRIBUTE_WORDS: [RegExp, string[]][] = [
  [/材质|面料|布料|成分|什么料|纯棉|棉的/u, ['材质', '面料', '成分']],
  [/厚|薄/u, ['厚薄']],
  [/弹力|弹性|有弹/u, ['弹力']],
  [/洗|缩水|掉色|起球/u, ['洗涤', '洗涤说明']],
  [/产地|哪里产|哪产/u, ['产地']],
];

/** T4: a buyer comparing with another shop's item. */
const COMPARE_WORDS = /对比|比较|比一比|别家|别的店|其他家|其他店|哪家|区别|有什么不同|有啥不同|优势|竞品/u;

/**
 * T4: the standard-answer key an item's competitor comparison is written to (app/training/
 * comparisons.ts): `product_info.vs_` and the item id spelt in letters, so the key fits the
 * standard-answer key format and the shop can edit it like any answer.
 */
export function comparisonAnswerKey(itemId: string): string {
  const letters = [...itemId.toLowerCase().replace(/[^0-9a-z]/g, '')]
    .map((ch) => (/[0-9]/.test(ch) ? String.fromCharCode(97 + Number(ch)) : ch))
    .join('')
    .slice(0, 24);
  return `product_info.vs_${letters}`;
}

/** T4: the shop's comparison answer for the item, when the buyer compares and the shop has written one. */
function sayComparison(d: Draft, item: Item): boolean {
  const key = comparisonAnswerKey(item.id);
  return COMPARE_WORDS.test(d.input.text) && d.input.standardAnswers.some((a) => a.intent === key) && d.say(key, itemVars(item));
}

export function handleProductInfo(d: Draft): void {
  const item = focusItem(d);
  if (!item) {
    askWhichItem(d);
    return;
  }
  const text = d.input.text;
  if (sayComparison(d, item)) return;
  for (const [pattern, keys] of ATTRIBUTE_WORDS) {
    if (!pattern.test(text)) continue;
    const key = keys.find((k) => item.attributes[k] !== undefined);
    if (!key) {
      d.say('product_info.general', generalVars(item));
      d.handOver('missing_data', `买家问「${keys[0]}」，商品资料里没有，需人工确认`);
      return;
    }
    d.say('product_info.attr', { ...itemVars(item), 'attr.name': key, 'attr.value': item.attributes[key] });
    // C11: material questions hide a need — health, durability or comfort.
    if (keys[0] === '材质') d.ask('product_info.need');
    return;
  }
  d.say('product_info.general', generalVars(item));
}

function generalVars(item: Item): Record<string, string> {
  const attrs = Object.entries(item.attributes)
    .slice(0, 3)
    .map(([k, v]) => `${k}：${v}`)
    .join('，');
  return { ...itemVars(item), 'item.attrs': attrs || '详情页有完整介绍哦' };
}

export function handleColour(d: Draft): void {
  d.say('color_appearance');
  const item = focusItem(d);
  if (item && totalStock(item) > 0) {
    d.say(
      'stock.colours',
      { ...itemVars(item), 'item.colours': d.list(inStockColours(item)) },
      { main: false },
    );
  }
}

export function handleRecommend(d: Draft): void {
  const item = focusItem(d);
  const size = wantedSize(d, item);
  // The buyer asked for advice: the recommendation is the answer (an alternative of the same
  // kind, then something that goes with it), chosen for suitability, not price.
  if (item) {
    // "Which is better, this or the other shop's?": the comparison first, then the alternatives.
    sayComparison(d, item);
    d.recommend(similarItems(item, d.input.items, size), 'recommend.similar', { main: true });
    d.recommend(crossSell(item, d.input.items, d.input.shop.settings, size), 'recommend.cross', {
      main: true,
    });
  }
  if (d.recommendations.length === 0)
    d.recommend(generalPick(d.input.items, size), 'recommend.pick', { main: true });
  if (!item && !size) d.ask('recommend.ask');
}

/**
 * The gift itself, without the "下单送 / 买就送 / 赠" the shop often writes before it: the answers say
 * "这次下单我们送您{gift.text}", so "下单送同款收纳袋一个" would read "送您下单送同款收纳袋一个".
 */
export function giftThing(text: string): string {
  const thing = text
    .trim()
    .replace(/^(?:(?:下单|拍下|购买|凡购买|买就|买)(?:即|就)?(?:赠送|加赠|送|赠)|赠送|加赠|送)[:：]?\s*/, '');
  return thing || text.trim();
}

/** C7: hold the price; alternatives only from the shop's own offers, never a price cut. */
export function handleBargain(d: Draft, bargainer: { kind: string; bargainTurns: number }): void {
  const offers = offerablePromotions(d.input.promotions, d.input.now);
  const byKind = (k: string) => offers.find((p) => p.kind === k);
  const order =
    bargainer.kind === 'wants_win' ? ['gift', 'freight', 'coupon'] : ['coupon', 'freight', 'gift'];
  // First ask: state the principle. Hesitation (a second ask) or a buyer who needs a win: offer.
  if (bargainer.bargainTurns <= 1) d.say('bargain.hold');
  if (bargainer.bargainTurns <= 1 && bargainer.kind !== 'wants_win') return;
  for (const kind of order) {
    const p = byKind(kind);
    if (!p) continue;
    const key = kind === 'coupon' ? 'bargain.coupon' : kind === 'gift' ? 'bargain.gift' : 'bargain.freight';
    if (d.say(key, { [`${kind}.text`]: kind === 'gift' ? giftThing(p.text) : p.text })) return;
  }
  d.say('bargain.final');
}

export function handlePromotion(d: Draft): void {
  const offers = offerablePromotions(d.input.promotions, d.input.now);
  if (offers.length > 0) d.say('promotion.list', { 'promo.list': offers.map((p) => p.text).join('；') });
  else d.say('promotion.none');
}

export function handleShippingFee(d: Draft): void {
  const s = d.input.shop.settings;
  if (!s.freeShipping) {
    // O6: with the region named, the fee table's figure; else the page computes it.
    const fee = freightVars(d.input, d.input.moneyRules);
    if (fee && (fee['fee.total'] !== undefined ? d.say('shipping_fee.region_total', fee) : false)) return;
    if (fee && d.say('shipping_fee.region', fee)) return;
    d.say('shipping_fee.paid');
    return;
  }
  const regions = d.input.nlu.entities.regions;
  const excluded = s.freeShippingExcludedRegions.find((r) =>
    regions.some((x) => r.region.includes(x) || x.includes(r.region)),
  );
  if (!excluded) {
    d.say('shipping_fee.free');
    return;
  }
  // D5: a shop that promises 包邮 never tells the buyer "not included"; the page shows the freight.
  d.say('shipping_fee.remote', { region: excluded.region });
}

/**
 * C6: an inquiry about an item gets at least one suitable item to go with it — once per item the
 * buyer looks at: a different suggestion under every answer reads as a sales script, not service.
 */
export function addCrossSell(d: Draft): void {
  if (d.recommendations.length > 0 || d.handover) return;
  const item = focusItem(d);
  if (!item || d.input.conversation.memory?.crossSoldFor === item.id) return;
  const size = wantedSize(d, item);
  if (d.recommend(crossSell(item, d.input.items, d.input.shop.settings, size), 'recommend.cross')) d.crossSoldFor = item.id;
}

/** Up to two similar items, each on its own line (C5: product B with similar function and price). */
function recommendSimilar(d: Draft, item: Item, size?: string): void {
  const candidates = similarItems(item, d.input.items, size);
  if (d.recommend(candidates, 'recommend.similar')) d.recommend(candidates, 'recommend.similar');
}
