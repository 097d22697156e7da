// L3 / T4: product-knowledge questions generated from the shop's own data — item prices,
// materials and other listed attributes, stock of a colour and size, the size chart, the shop's
// policies (return days, invoice, ship cut-off, couriers, free shipping), its standard answers
// (C12) and its competitor comparison tables (T4). Seed 000: 每个月都做一次产品知识考试.
// Pure: the app passes the shop's data; the same data and seed give the same quiz, and the keys
// are rebuilt on the server to grade (the catalogue as it is when graded is the truth: the stock
// an agent must tell a buyer is the stock now).
import { INTENT_LABELS_ZH, type IntentId } from '../intents.js';
import { prng } from '../prng.js';
import type { Item, ShopSettings, StandardAnswer } from '../bot/types.js';

export const PRODUCT_QUESTION_KINDS = ['price', 'attribute', 'stock', 'size', 'policy', 'answer', 'compare'] as const;
export type ProductQuestionKind = (typeof PRODUCT_QUESTION_KINDS)[number];

export const PRODUCT_KIND_ZH: Record<ProductQuestionKind, string> = {
  price: '价格',
  attribute: '材质与参数',
  stock: '库存',
  size: '尺码',
  policy: '店铺政策',
  answer: '标准话术',
  compare: '竞品对比',
};

export interface ComparisonInput {
  itemId: string;
  itemTitle: string;
  competitor: string;
  rows: readonly { attribute: string; ours: string; theirs: string }[];
}

export interface ProductQuizInput {
  items: readonly Item[];
  settings: Pick<ShopSettings, 'returnDays' | 'invoice' | 'shipCutoff' | 'couriers' | 'freeShipping'>;
  standardAnswers: readonly StandardAnswer[];
  comparisons: readonly ComparisonInput[];
}

export interface ProductQuestion {
  kind: ProductQuestionKind;
  promptZh: string;
  options: string[];
}
export interface ProductKey {
  answer: number;
  explanationZh: string;
}

interface Drawn {
  q: ProductQuestion;
  key: ProductKey;
}

function shuffle<T>(list: readonly T[], next: () => number): T[] {
  const out = [...list];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** A question from a right option and distractors (duplicates dropped); null when fewer than two options remain. */
function ask(kind: ProductQuestionKind, promptZh: string, right: string, wrong: readonly string[], explanationZh: string, next: () => number): Drawn | null {
  const distractors = shuffle([...new Set(wrong.filter((w) => w && w !== right))], next).slice(0, 3);
  if (distractors.length === 0) return null;
  const options = shuffle([right, ...distractors], next);
  return { q: { kind, promptZh, options }, key: { answer: options.indexOf(right), explanationZh } };
}

const yuan = (n: number) => `¥${Number.isInteger(n) ? n : n.toFixed(2)}`;

/** Placeholders shown as "…" so a template reads as a sentence. */
function readable(template: string): string {
  return template.replace(/\{[a-z_.]+\}/g, '…').replace(/\n+/g, ' ').trim();
}

function priceQuestions(items: readonly Item[], next: () => number): Drawn[] {
  const out: Drawn[] = [];
  for (const it of items) {
    const others = items.filter((o) => o.id !== it.id).map((o) => yuan(o.price));
    const near = [Math.round(it.price * 0.8), Math.round(it.price * 1.2), Math.round(it.price * 0.9) + 0.9].map(yuan);
    const d = ask('price', `"${it.title}"的标价是多少？`, yuan(it.price), [...near, ...others], `商品资料：${it.title} 标价 ${yuan(it.price)}。`, next);
    if (d) out.push(d);
  }
  return out;
}

function attributeQuestions(items: readonly Item[], next: () => number): Drawn[] {
  const out: Drawn[] = [];
  const valuesByKey = new Map<string, Set<string>>();
  for (const it of items) for (const [k, v] of Object.entries(it.attributes)) if (v) valuesByKey.set(k, (valuesByKey.get(k) ?? new Set()).add(v));
  for (const it of items) {
    for (const [k, v] of Object.entries(it.attributes)) {
      if (!v) continue;
      const pool = [...(valuesByKey.get(k) ?? [])].filter((x) => x !== v);
      // Other attribute values of the same item make plausible wrong answers when the shop has one value for the key.
      const fallback = Object.entries(it.attributes).filter(([kk]) => kk !== k).map(([, vv]) => vv);
      const d = ask('attribute', `"${it.title}"的${k}是什么？`, v, [...pool, ...fallback], `商品资料：${it.title} 的${k}为"${v}"。`, next);
      if (d) out.push(d);
    }
  }
  return out;
}

function stockQuestions(items: readonly Item[], next: () => number): Drawn[] {
  const out: Drawn[] = [];
  for (const it of items) {
    for (const v of it.variants) {
      const name = [v.colour, v.size].filter(Boolean).join(' ');
      if (!name) continue;
      const right = v.stock > 0 ? '有货，可以拍下' : '缺货，需推荐相近款或告知到货时间';
      const d = ask(
        'stock', `买家问"${it.title}"的 ${name} 有没有货，你应怎么答？`, right,
        ['有货，可以拍下', '缺货，需推荐相近款或告知到货时间', '不清楚，让买家自己看页面'],
        `系统库存：${it.title} ${name} 现有 ${v.stock} 件。`, next,
      );
      if (d) out.push(d);
    }
  }
  return out;
}

function sizeQuestions(items: readonly Item[], next: () => number): Drawn[] {
  const out: Drawn[] = [];
  for (const it of items) {
    const chart = it.sizeChart ?? [];
    for (const row of chart) {
      const h = Math.round((row.heightCm[0] + row.heightCm[1]) / 2);
      const w = Math.round((row.weightJin[0] + row.weightJin[1]) / 2);
      // Only a body that one row alone fits makes a fair question.
      const fits = chart.filter((r) => h >= r.heightCm[0] && h <= r.heightCm[1] && w >= r.weightJin[0] && w <= r.weightJin[1]);
      if (fits.length !== 1) continue;
      const d = ask(
        'size', `买家身高 ${h}cm、体重 ${w} 斤，"${it.title}"建议拍哪个尺码？`, row.size, chart.map((r) => r.size),
        `尺码表：${row.size} 码适合身高 ${row.heightCm[0]}–${row.heightCm[1]}cm、体重 ${row.weightJin[0]}–${row.weightJin[1]} 斤。`, next,
      );
      if (d) out.push(d);
    }
  }
  return out;
}

function policyQuestions(s: ProductQuizInput['settings'], next: () => number): Drawn[] {
  const out: Drawn[] = [];
  const push = (d: Drawn | null) => d && out.push(d);
  push(ask('policy', '本店支持收货后几天内无理由退换货？', s.returnDays > 0 ? `${s.returnDays} 天` : '不支持无理由退换',
    ['3 天', '7 天', '15 天', '30 天', '不支持无理由退换'], `店铺设置：无理由退换 ${s.returnDays} 天。`, next));
  push(ask('policy', '当天几点前付款的订单当天发货？', s.shipCutoff, ['12:00', '14:00', '16:00', '17:00', '18:00', '20:00'], `店铺设置：${s.shipCutoff} 前付款当天发货。`, next));
  if (s.couriers.length) {
    push(ask('policy', '本店合作的快递是哪家？', s.couriers[0]!, ['顺丰速运', '中通快递', '圆通速递', '韵达快递', '申通快递', '京东物流', 'EMS'].filter((c) => !s.couriers.includes(c)),
      `店铺设置：合作快递 ${s.couriers.join('、')}。`, next));
  }
  push(ask('policy', '买家要发票，本店能开哪种？', s.invoice.types.join('、'), ['不开发票', '只能开收据', '加 6% 税点才开', '特价商品不开票'],
    `店铺设置：可开${s.invoice.types.join('、')}，${s.invoice.when}开具。拒开发票或加收税点都是违规（D2）。`, next));
  push(ask('policy', '本店是否包邮？', s.freeShipping ? '包邮（偏远地区除外时以店铺说明为准）' : '不包邮，按运费模板收取',
    ['包邮（偏远地区除外时以店铺说明为准）', '不包邮，按运费模板收取'], `店铺设置：${s.freeShipping ? '包邮' : '不包邮'}。`, next));
  return out;
}

function answerQuestions(answers: readonly StandardAnswer[], next: () => number): Drawn[] {
  const out: Drawn[] = [];
  const byBase = answers.filter((a) => a.variants.length > 0 && a.intent in INTENT_LABELS_ZH);
  for (const a of byBase) {
    const label = INTENT_LABELS_ZH[a.intent as IntentId];
    const right = readable(a.variants[0]!);
    const wrong = byBase.filter((o) => o.intent !== a.intent).map((o) => readable(o.variants[0]!));
    const d = ask('answer', `买家问"${label}"类问题时，本店的标准话术是哪一条？`, right, wrong, `标准话术（${label}）：${right}`, next);
    if (d) out.push(d);
  }
  return out;
}

function compareQuestions(list: readonly ComparisonInput[], next: () => number): Drawn[] {
  const out: Drawn[] = [];
  for (const c of list) {
    for (const r of c.rows) {
      if (!r.ours || !r.ours.trim()) continue;
      const others = c.rows.filter((x) => x !== r).map((x) => x.ours);
      const d = ask('compare', `和${c.competitor}相比，我们的"${c.itemTitle}"在${r.attribute}上是？`, r.ours, [r.theirs, ...others],
        `竞品对比表：${r.attribute}，我们 ${r.ours}，${c.competitor} ${r.theirs}。`, next);
      if (d) out.push(d);
    }
  }
  return out;
}

/**
 * A quiz of up to `size` questions, drawn across the kinds in turn so every kind the shop's data
 * supports appears: questions for the agent, keys for grading.
 */
export function buildProductQuiz(input: ProductQuizInput, seed: number, size = 10): { questions: ProductQuestion[]; keys: ProductKey[] } {
  const next = prng(seed);
  const items = [...input.items].sort((a, b) => a.id.localeCompare(b.id));
  const answers = [...input.standardAnswers].sort((a, b) => a.intent.localeCompare(b.intent));
  const comparisons = [...input.comparisons].sort((a, b) => `${a.itemId}|${a.competitor}`.localeCompare(`${b.itemId}|${b.competitor}`));
  const pools: Drawn[][] = [
    priceQuestions(items, next),
    attributeQuestions(items, next),
    stockQuestions(items, next),
    sizeQuestions(items, next),
    policyQuestions(input.settings, next),
    answerQuestions(answers, next),
    compareQuestions(comparisons, next),
  ].map((p) => shuffle(p, next));
  const drawn: Drawn[] = [];
  // Comparison tables first in the rotation: the shop entered them to be learnt (T4).
  const order = [6, 0, 1, 2, 3, 4, 5];
  while (drawn.length < size && pools.some((p) => p.length > 0)) {
    for (const i of order) {
      const d = pools[i]!.shift();
      if (d && drawn.length < size) drawn.push(d);
    }
  }
  const mixed = shuffle(drawn, next);
  return { questions: mixed.map((d) => d.q), keys: mixed.map((d) => d.key) };
}

export function gradeProductQuiz(keys: readonly ProductKey[], answers: readonly (number | null)[]) {
  const results = keys.map((k, i) => ({ correct: answers[i] === k.answer, answer: k.answer, explanationZh: k.explanationZh }));
  const correct = results.filter((r) => r.correct).length;
  return { correct, total: keys.length, score: keys.length ? Math.round((100 * correct) / keys.length) : 0, results };
}

/** The monthly exam's seed: the same questions for everyone in a shop that month. */
export function examSeed(shopId: string, period: string): number {
  let h = 7;
  for (const ch of `${shopId}|${period}|exam`) h = (Math.imul(h, 31) + (ch.codePointAt(0) ?? 0)) >>> 0;
  return (h % (2 ** 31 - 2)) + 1;
}

/**
 * T4 (seed 000: 把自己的产品和竞品放一起做一个优劣势对比表分析，然后制作标准话术): the standard answer
 * variants written from an item's comparison tables (one or several competitors). Both variants say
 * the same facts (C12) in different words; the wording stays factual (our value beside theirs) and
 * never runs the competitor down.
 */
export function comparisonAnswer(itemTitle: string, tables: readonly { competitor: string; rows: readonly { attribute: string; ours: string; theirs: string }[] }[]): string[] {
  const usable = tables
    .map((t) => ({ competitor: t.competitor.trim(), rows: t.rows.filter((r) => r.attribute.trim() && r.ours.trim()) }))
    .filter((t) => t.competitor && t.rows.length > 0);
  if (usable.length === 0) return [];
  const pairs = (t: (typeof usable)[number]) =>
    t.rows.map((r) => (r.theirs.trim() ? `${r.attribute}：我们${r.ours}，${t.competitor}${r.theirs}` : `${r.attribute}：我们${r.ours}`)).join('；');
  const ours = [...new Map(usable.flatMap((t) => t.rows).map((r) => [r.attribute, `${r.attribute}${r.ours}`])).values()].join('、');
  const names = usable.map((t) => t.competitor).join('、');
  return [
    `亲，这款${itemTitle}和${names}的对比给您列一下：\n${usable.map(pairs).join('。\n')}。\n您更看重哪一点，我帮您参谋～`,
    `亲，很多买家都会对比，${itemTitle}的特点是${ours}。\n${usable.map((t) => `跟${t.competitor}比，${pairs(t)}`).join('。\n')}。\n还有想了解的随时问我哦～`,
  ];
}
