// Reading the catalogue: which item the buyer means, live variant stock (B1, O5), size advice
// from the item's size chart (B2), and recommendations (C5, C6).
import type { Entities } from '../entities.js';
import type { Item, Recommendation, ShopSettings, Variant } from './types.js';

/** The item the buyer means: an item ref from the NLU (id or title), else the chat's item card. */
export function resolveItem(items: Item[], entities: Entities, focusItemId?: string): Item | undefined {
  for (const ref of entities.itemRefs) {
    const hit =
      items.find((i) => i.id === ref || i.title === ref) ?? items.find((i) => i.title.includes(ref));
    if (hit) return hit;
  }
  return focusItemId ? items.find((i) => i.id === focusItemId) : undefined;
}

const ORDINALS: [RegExp, number][] = [
  [/第[一1](?:个|款|种|件)?|前面(?:那|这)?(?:个|款)|上面(?:那|这)?(?:个|款)|\bfirst\b/iu, 0],
  [/第[二2](?:个|款|种|件)?|\bsecond\b/iu, 1],
  [/第[三3](?:个|款|种|件)?|\bthird\b/iu, 2],
];

/**
 * The buyer's pick from items the bot just listed (C11: "您问的是哪一款呢？" → "20000的那个",
 * "第二个", "磁吸的"): by position, else by what only one title has — a number (20000) or two
 * characters no other listed title shares. Undefined when it is not clear.
 */
export function pickFromListed(items: Item[], listedText: string, text: string): Item | undefined {
  const listed = items
    .map((i) => ({ item: i, at: listedText.indexOf(i.title) }))
    .filter((x) => x.at >= 0)
    .sort((a, b) => a.at - b.at)
    .map((x) => x.item);
  if (listed.length < 2) return undefined;
  for (const [re, index] of ORDINALS) if (re.test(text)) return listed[index];
  const lower = text.toLowerCase();
  const marks = (title: string): string[] => {
    const t = title.toLowerCase();
    const numbers = t.match(/\d{2,}/g) ?? [];
    const pairs = [...t.matchAll(/(?=([\u4e00-\u9fff]{2}))/gu)].map((m) => m[1]!);
    return [...numbers, ...pairs];
  };
  const scored = listed.map((item) => {
    const others = listed.filter((o) => o !== item).map((o) => o.title.toLowerCase());
    const own = marks(item.title).filter((m) => !others.some((o) => o.includes(m)));
    return { item, score: own.filter((m) => lower.includes(m)).length };
  });
  const best = Math.max(...scored.map((x) => x.score));
  const top = scored.filter((x) => x.score === best);
  return best > 0 && top.length === 1 ? top[0]!.item : undefined;
}

/** 黑 matches 黑色, 藏青 matches 藏青色: the NLU and the listing do not always agree on 色. */
export function colourMatches(variantColour: string, asked: string): boolean {
  const a = variantColour.replace(/色$/u, '');
  const b = asked.replace(/色$/u, '');
  return a === b || variantColour.includes(b) || asked.includes(a);
}

export function sizeMatches(variantSize: string, asked: string): boolean {
  const norm = (s: string): string =>
    s
      .toUpperCase()
      .replace(/码$/u, '')
      .replace(/^XXL$/, '2XL')
      .replace(/^XXXL$/, '3XL');
  return norm(variantSize) === norm(asked);
}

export function totalStock(item: Item): number {
  return item.variants.reduce((s, v) => s + Math.max(0, v.stock), 0);
}

export function inStockColours(item: Item): string[] {
  return [...new Set(item.variants.filter((v) => v.stock > 0).map((v) => v.colour))];
}

/** Variants that fit what the buyer named (colour and/or size); all variants when nothing named. */
export function matchingVariants(item: Item, colour?: string, size?: string): Variant[] {
  return item.variants.filter(
    (v) => (!colour || colourMatches(v.colour, colour)) && (!size || sizeMatches(v.size, size)),
  );
}

export function variantLabel(colour?: string, size?: string): string {
  return [colour, size ? `${size.replace(/码$/u, '')}码` : undefined].filter(Boolean).join(' ');
}

export interface SizeAdvice {
  size: string;
  /** The smaller size when height and weight point to different sizes. */
  smaller?: string;
  basis: 'both' | 'height' | 'weight';
}

function inRange(value: number, [min, max]: [number, number]): boolean {
  return value >= min && value <= max;
}

/**
 * Size from measurements via the chart (身高165 体重100斤 → M). When height and weight disagree
 * the larger size is advised (a snug garment is the usual cause of returns). Null when the item
 * has no chart or the buyer gave nothing usable; 'outside' when the chart does not cover them.
 */
export function adviseSize(item: Item, heightCm?: number, weightJin?: number): SizeAdvice | 'outside' | null {
  const chart = item.sizeChart;
  if (!chart || chart.length === 0 || (heightCm === undefined && weightJin === undefined)) return null;
  const byHeight = heightCm === undefined ? -1 : chart.findIndex((r) => inRange(heightCm, r.heightCm));
  const byWeight = weightJin === undefined ? -1 : chart.findIndex((r) => inRange(weightJin, r.weightJin));
  if (heightCm !== undefined && weightJin !== undefined) {
    if (byHeight < 0 || byWeight < 0) return 'outside';
    const hi = Math.max(byHeight, byWeight);
    const lo = Math.min(byHeight, byWeight);
    const size = chart[hi]?.size ?? '';
    return hi === lo ? { size, basis: 'both' } : { size, smaller: chart[lo]?.size, basis: 'both' };
  }
  const idx = heightCm !== undefined ? byHeight : byWeight;
  if (idx < 0) return 'outside';
  return { size: chart[idx]?.size ?? '', basis: heightCm !== undefined ? 'height' : 'weight' };
}

/** Is this item a good offer for a buyer who wants `size` (when known)? */
function available(item: Item, size?: string): boolean {
  if (!size) return totalStock(item) > 0;
  return item.variants.some((v) => v.stock > 0 && sizeMatches(v.size, size));
}

/**
 * Similar items for an out-of-stock or unsuitable item (C5, seed 000: product B with similar
 * function and price): listed similars first, then the same category; in stock (in the buyer's
 * size when known); closest in price, not the most expensive.
 */
export function similarItems(item: Item, items: Item[], size?: string, limit = 3): Recommendation[] {
  const listed = new Set(item.similarItemIds);
  const candidates = items.filter(
    (i) => i.id !== item.id && (listed.has(i.id) || i.category === item.category) && available(i, size),
  );
  candidates.sort((a, b) => {
    const la = listed.has(a.id) ? 0 : 1;
    const lb = listed.has(b.id) ? 0 : 1;
    if (la !== lb) return la - lb;
    return Math.abs(a.price - item.price) - Math.abs(b.price - item.price);
  });
  return candidates.slice(0, limit).map((i) => ({
    itemId: i.id,
    reason: `与「${item.title}」同类、价位相近（${i.price}元），有现货`,
  }));
}

/**
 * One cross-sell item from a category that pairs with this one (C6: trousers with a shirt): in
 * stock in the buyer's size when known, priced closest to the item in hand, not the dearest.
 */
export function crossSell(
  item: Item,
  items: Item[],
  settings: ShopSettings,
  size?: string,
  limit = 3,
): Recommendation[] {
  const pairs = settings.crossSell[item.category] ?? [];
  const candidates = items.filter((i) => pairs.includes(i.category) && available(i, size));
  candidates.sort((a, b) => Math.abs(a.price - item.price) - Math.abs(b.price - item.price));
  return candidates.slice(0, limit).map((pick) => ({
    itemId: pick.id,
    reason: `搭配推荐：${pick.category}配${item.category}，价位相近（${pick.price}元）`,
  }));
}

/**
 * A pick when the buyer has named nothing (C6, C11): the best seller in stock among items priced
 * at or below the catalogue's median, so the advice is the suitable one, not the dearest.
 */
export function generalPick(items: Item[], size?: string, limit = 3): Recommendation[] {
  const stocked = items.filter((i) => available(i, size));
  if (stocked.length === 0) return [];
  const prices = stocked.map((i) => i.price).sort((a, b) => a - b);
  const median = prices[Math.floor((prices.length - 1) / 2)] ?? 0;
  const pool = stocked.filter((i) => i.price <= median);
  pool.sort((a, b) => (b.salesCount ?? 0) - (a.salesCount ?? 0) || a.price - b.price);
  return pool
    .slice(0, limit)
    .map((pick) => ({ itemId: pick.id, reason: `店内热销且价位适中（${pick.price}元）` }));
}
