// The Nlu object: classify a buyer message into one of the 26 intents (B1, B2) with a calibrated
// confidence (B3 uses it to decide when to hand over), an optional secondary intent, entities,
// and context resolution for elliptic follow-ups (那L码呢? after a stock question).
import { INTENT_IDS, type IntentId } from '../intents.js';
import type { Entities } from '../entities.js';
import { exportModel, importModel, Predictor, trainModel, type IntentModel, type ModelStats } from './classifier.js';
import { extractEntities } from './entities/index.js';
import { normalizeText } from './normalize.js';
import { detectLanguage, type MessageLanguage } from './language.js';
import { mayHoldSeveral, splitClauses } from './questions.js';
import { followUpReading, topicsNamed } from './ellipsis.js';
import { loadShippedExamples, type Example } from './training/load.js';

export interface ClassifyOptions {
  /** Earlier turns of the conversation, oldest first. */
  context?: readonly string[];
  /** Resolves relative dates in entities. */
  now?: Date;
  /** Include the probability of every intent in the result. */
  scores?: boolean;
}

export interface ClassifyResult {
  intent: IntentId;
  /** Calibrated probability of `intent`, 0–1. */
  confidence: number;
  secondary?: IntentId;
  entities: Entities;
  normalized: string;
  /** True when the previous turns decided the intent. */
  fromContext?: boolean;
  scores?: Record<IntentId, number>;
  /** The message's language (issue 12): zh and en are answered, es/pt/ru/fr handed over. */
  language: MessageLanguage;
}

/** One question of a message (a clause or several joined), classified on its own. */
export interface QuestionResult {
  text: string;
  intent: IntentId;
  confidence: number;
  entities: Entities;
}

/** The whole message and every question in it, in the order asked (issue 12). */
export interface MessageUnderstanding extends ClassifyResult {
  /** At least one: the questions asked, in order; one per distinct topical intent. */
  questions: QuestionResult[];
}

export interface NluOptions {
  shopDictionary?: string[];
  extraExamples?: Example[];
  /** Folds for temperature calibration (default 3; 0 skips calibration). */
  folds?: number;
  /**
   * Where to keep the trained model between runs (the caller does the I/O; core stays pure).
   * `key` identifies the training data and options; the caller adds its code version.
   */
  cache?: ModelCache;
  /** Multiplier on p(other) for Chinese messages (default OTHER_PRIOR); tools use it to calibrate. */
  otherPrior?: number;
  /** The same for messages without Chinese characters (default OTHER_PRIOR_EN). */
  otherPriorEn?: number;
}

export interface ModelCache {
  load(key: string): Uint8Array | undefined;
  save(key: string, bytes: Uint8Array): void;
}

/**
 * Everything a training reads, as one unambiguous text: every example (the shipped ones, then the
 * extra ones, in order, with intent and language) and the options that change the model. Two
 * trainings with equal texts (and equal code) make equal models, so a hash of it keys a model
 * cache; any change to a training text, an intent, the dictionary or the folds changes it.
 */
export function trainingInput(opts: Omit<NluOptions, 'cache'> = {}): string {
  const examples = [...loadShippedExamples(), ...(opts.extraExamples ?? [])];
  return JSON.stringify({
    examples: examples.map((e) => [e.intent, e.lang ?? '', e.text]),
    dict: opts.shopDictionary ?? [],
    folds: opts.folds ?? 3,
  });
}

/** FNV-1a over trainingInput: changes whenever the training input changes. */
function trainingKey(opts: NluOptions): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  const s = trainingInput(opts);
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193) >>> 0;
    h2 = Math.imul(h2 ^ c, 0x5bd1e995) >>> 0;
  }
  const n = loadShippedExamples().length + (opts.extraExamples?.length ?? 0);
  return `${h1.toString(16).padStart(8, '0')}${h2.toString(16).padStart(8, '0')}-${n}`;
}

export interface Nlu {
  classify(text: string, opts?: ClassifyOptions): ClassifyResult;
  /** classify, plus the message cut into its questions, each classified (issue 12). */
  understand(text: string, opts?: ClassifyOptions): MessageUnderstanding;
  readonly stats: ModelStats;
}

const IDX = new Map<IntentId, number>(INTENT_IDS.map((id, i) => [id, i]));
const I_OTHER = IDX.get('other')!;
const NON_TOPIC: ReadonlySet<number> = new Set(
  (['other', 'greeting', 'thanks_bye', 'human'] as const).map((id) => IDX.get(id)!),
);
/**
 * Multiplier on p(other) before the top intent is chosen (issue 12): our training examples of
 * `other` are denser than real out-of-scope messages, so a real shop question in words we did not
 * foresee fell to `other`. Chosen on our own development set (test/fixtures/nlu-dev), which holds
 * out-of-scope requests too, so that those stay `other`. Round 8 tried 0.5: the SMP2019 out-of-scope
 * figure fell below its 85 % floor (84.6 %) and real buyers did not gain (77.6 against 78.0 %), so the
 * Chinese prior stays 0.65 (the general-assistant cue and the English prior of round 8 are kept).
 */
export const OTHER_PRIOR = 0.65;
/**
 * The same for messages without Chinese (English buyers): their out-of-scope chatter (lol, you have
 * instagram?) is closer to real questions in our features, so `other` keeps more of its weight.
 * Round 6 (issue 12): the Chinese prior went 0.8 → 0.65 (real buyers' questions still fell to
 * `other`, precision 0.40) while our general-assistant dev set (test/fixtures/nlu-dev/
 * development-oos.jsonl) stayed at 88 % `other`; English kept 0.8, where 0.65 lost out-of-scope
 * chatter on the AliExpress dev sets.
 */
export const OTHER_PRIOR_EN = 0.5;
/**
 * Chinese messages with a general-assistant cue (weather, music, trains, recipes, lotteries — the
 * SMP2019 domains) keep more of `other`'s weight than the shop fragments that have none (round 8,
 * issue 12): the out-of-scope decision leans on what a request is about, not on a message's shape.
 */
export const OTHER_PRIOR_GENERAL = 0.9;
const GENERAL_CUE =
  /天气|下雨|下雪|刮风|气温|空气质量|紫外线|播放|放一首|来一首|放首|唱首|唱一首|唱歌|首歌|的歌|听歌|歌曲|音乐|电影|电视剧|综艺|动漫|频道|节目|打电话给|给.{1,4}打(个|一个)?电话|拨打|发短信|发条短信|发微信给|邮件|火车|高铁|动车|硬座|卧铺|软卧|二等座|一等座|余票|门票|航班|机票|车票|地铁|公交|导航|怎么走|路线|股票|股价|大盘|基金|彩票|开奖|双色球|菜谱|怎么做好吃|做法|怎么煮|怎么炒|新闻|小说|古诗|唐诗|诗句|背诗|首诗|成语|谜语|笑话|讲个故事|翻译|英语怎么说|闹钟|提醒我|日程|网站|打开(微信|淘宝|相册|蓝牙|手电|音乐|地图|设置|app|应用|网站)|比赛|比分|球赛|首都|人口|面积|有多高|有多长|有多远|有多深|几点了|星期几|几号了|日历|农历|减肥|感冒|发烧|咳嗽|头疼|吃什么药|医院|景点|旅游|酒店|餐厅|饭店|好吃的|计算|等于|乘以|除以|汇率|百科|是谁|谁是/;
/**
 * Words of a shop conversation (an order, the parcel, the item, the buyer's address to the shop):
 * a message holding one is rarely out of scope, so `other` must win more clearly there (issue 12:
 * real shop questions in words we did not foresee fell to `other`, whose precision was 0.40).
 * General-assistant requests (weather, music, trains — SMP2019) seldom hold these words, so the
 * out-of-scope figure does not depend on this factor. Round 7 added coupons, warranty, sizes, defects and
 * the chat window's tokens ([图片] → [媒体], links): no general-assistant request carries them. Words that general requests do use (价 in 股价,
 * 换 in 换一首, 退 in 退票, 店 in 饭店, 码 in 验证码) are left out or only taken in shop compounds.
 */
const SHOP_CUE =
  /发货|发了没|到货|没到|质量问题|质量太差|质量不好|坏了|不亮|没反应|充不进|漏液|好评|返现|补货|有货|现货|断货|没货|库存|偏大|偏小|合身|说明书|维修|授权|包装|型号|规格|包裹|单子|卖家|收货|多少钱一[件个斤条双套盒瓶包只]|订单|单号|快递|物流|宝贝|东西|货|拍[了下的好]|店家|店铺|你家|贵店|本店|客服|亲(?!爱)|老板|掌柜|退货|退款|换货|发票|付款|支付|付钱|收到|寄|商品|这款|这件|链接|尺码|颜色|包邮|运费|售后|下单|签收|派送|派件|驿站|取件|快递柜|丰巢|扣[了我]?[两几]?[回次遍笔]?钱|花呗|白条|分期|定金|尾款|差评|投诉|态度|色差|正品|假货|保质期|材质|面料|[0-9a-z]码|斤|公斤|优惠券|领券|满减|赠品|保修|质保|尺寸|码数|几码|起球|掉色|缩水|实物|发错|少发|漏发|破损|\[(orderid|金额|站点|商品快照|媒体|链接)/;
const SHOP_CUE_FACTOR = 0.6;
const HAN = /[\u4e00-\u9fff]/;
/**
 * The same for English buyers (issue 12): an AliExpress message naming the order, the parcel, the
 * item or a shop matter is rarely out of scope, while chatter (lol, wait, you have instagram?) and
 * general requests (weather, football) name none of these.
 */
const SHOP_CUE_EN =
  /\b(orders?|parcel|package|item|product|seller|refund\w*|shipp?\w*|deliver\w*|tracking|sizes?|colou?rs?|price|discount|coupon|invoice|warranty|guarantee|review|feedback|stars?|brand|original|fake|authentic\w*|authori[sz]ation|pay|paid|payment|return\w*|exchange|broken|damaged|dispute|customs|tax|vat|shoes?|dress|shirt|t-?shirt|jacket|coat|pants|jeans|watch|band|strap|case|cable|charger|adapter|plug|battery|batteries|lamp|bulb|cream|bottle|bag|box|tablet|earphones?|headphones?|mm|cm|kg|inch|inches|xs|xl|xxl|xxxl|\d+xl|stock|available|sold|restock|cheaper|coins?|deal|promo|sale|wholesale|units|pcs|pieces|material|leather|cotton|waterproof|expiry|expire|fit|fits|tight|loose|description|button|screen|charging|arrived?|received?|receive|ship|shipped|courier|cod|paypal|cancel|address|model|version|quality|defect\w*|broke|missing|wrong)\b/;
/** An opener that greets (在吗/你好/hi), not a bare form of address (亲/老板/宝). */
const GREETS = /在|你好|您好|有人|哈喽|嗨|^(亲|老板|掌柜的?|店家|客服|美女|帅哥)?(好|早|早上好|晚上好)$|\b(hello|hi|hey|hola|ola|good (morning|evening|afternoon))\b/;
/** Clause intents that are not questions of their own (joined to the next clause). */
const NOT_A_QUESTION: ReadonlySet<number> = new Set([IDX.get('other')!]);
/** Words that open a further question inside a message (issue 12: stacked questions). */
const CONNECTOR_LEAD = /^(还有就是|还有|另外|顺便问一?下|顺便|再问一?下|然后|以及|对了|再就是|\b(?:and also|also|btw|by the way|plus)\b)\s*/;
/** A clause that only points at the item (在吗 这个 还有货没): it opens the next question. */
const BARE_DEMONSTRATIVE = /^(这个|那个|这款|那款|这件|那件|这种|这|那|就是)$/;
/** Probability from which a connector-led clause's shop intent is taken as its question. */
const CONNECTOR_MIN = 0.2;
/** Probability from which the shop intent behind a clause read as `other` is taken as its question. */
const RUNNER_UP_MIN = 0.35;
const RETURN_WORDS = /退货|退回|寄回|退掉|换货|换一|换个|换新|退换/;
const REFUND_WORDS = /退款|退钱|仅退款|钱退/;
/** Open topics of an order not yet shipped: a change asked then is an order change (INTENTS.md). */
const PRE_SHIPMENT: ReadonlySet<IntentId> = new Set(['ship_time', 'payment', 'order_change']);
/** What a change request reads as on its own (换成L → a size, 颜色想换 → the colour, 换 → a return). */
const CHANGED: ReadonlySet<IntentId> = new Set(['return_exchange', 'color_appearance', 'size_fit', 'stock']);
const CHANGE_REQUEST = /换成|改成|换一下|改一下|换个|改个|想换|要换|\bchange (it |to |size|colou?r)/;
const ASKS_PERSON = /人工|真人|活人|转人|找人|\b(human|agent|real person)\b/;
const URGES = /^(快点|快快|快|人呢|还没来|怎么还没|等半天|等了半天|等好久|在吗|急|hurry|still waiting|waiting|hello\?)|等半天|等了半天|等好久|人呢|没人|\b(hurry|still waiting|anyone|nobody|asap|right now|now please|please now)\b|^now\b/;
const THREAT =
  /(不然|否则|要不然|再不|不)?(我|我就|就)?(要|会|去|给|打)?(你们?)?(差评|投诉|举报|曝光|12315|消协|平台介入|小二介入)(你们|你)?(了|吧|啊)?/g;

/**
 * Short enough to be an elliptic follow-up: 16 characters of Chinese, or six English words
 * ("and the blue one?" is 17 characters).
 */
function shortEnough(normalized: string): boolean {
  if (normalized.length <= 16) return true;
  return !/[\u4e00-\u9fff]/.test(normalized) && normalized.length <= 40 && normalized.split(/\s+/).length <= 6;
}

class NluImpl implements Nlu {
  private readonly predictor: Predictor;
  private readonly own: Float64Array;
  private readonly shopDictionary: readonly string[];

  constructor(
    readonly model: IntentModel,
    shopDictionary: readonly string[],
    private readonly otherPrior: number = OTHER_PRIOR,
    private readonly otherPriorEn: number = OTHER_PRIOR_EN,
  ) {
    this.predictor = new Predictor(model);
    this.own = new Float64Array(INTENT_IDS.length);
    this.shopDictionary = shopDictionary;
  }

  get stats(): ModelStats {
    return this.model.stats;
  }

  classify(text: string, opts: ClassifyOptions = {}): ClassifyResult {
    const normalized = normalizeText(text);
    const p = this.predictor.probs;
    const own = this.own;
    let best = this.predict(normalized);
    let fromContext = false;
    const ctx = opts.context;
    if (ctx && ctx.length > 0 && shortEnough(normalized)) {
      own.set(p);
      const ownBest = best;
      const ctxBest = this.contextIntent(ctx);
      if (ctxBest >= 0) {
        const reading = followUpReading(normalized, INTENT_IDS[ctxBest]!, INTENT_IDS[ownBest]!, own[ownBest]!);
        if (reading.kind === 'own') {
          p.set(own);
        } else {
          p.set(this.ctxProbs);
          const w = reading.weight;
          for (let k = 0; k < own.length; k++) p[k] = (1 - w) * own[k]! + w * p[k]!;
          best = 0;
          for (let k = 1; k < p.length; k++) if (p[k]! > p[best]!) best = k;
          fromContext = best === ctxBest;
        }
        // 那换成L / 颜色想换一下 while the order is still unshipped is an order change, not a return.
        const pre = INTENT_IDS[ctxBest]!;
        const now = INTENT_IDS[best]!;
        if (PRE_SHIPMENT.has(pre) && CHANGE_REQUEST.test(normalized) && (CHANGED.has(now) || now === pre)) {
          const oc = IDX.get('order_change')!;
          const t = p[oc]!;
          p[oc] = p[best]!;
          p[best] = t;
          best = oc;
          fromContext = true;
        }
      } else {
        p.set(own);
      }
      // 快点 等半天了 / 人呢 right after asking for a person still asks for the person (a request for
      // a person opens no topic of its own, so contextIntent passes over it).
      // contextIntent normalised the last turn already (issue 12 latency: once per turn).
      const last = this.lastTurnNormalized;
      const h = IDX.get('human')!;
      if (best !== h && ASKS_PERSON.test(last) && URGES.test(normalized) && topicsNamed(normalized).length === 0) {
        const t = p[h]!;
        p[h] = p[best]!;
        p[best] = t;
        best = h;
        fromContext = true;
      }
    }
    const intent = INTENT_IDS[best]!;
    const result: ClassifyResult = {
      intent,
      confidence: Math.round(p[best]! * 1e4) / 1e4,
      entities: extractEntities(normalized, { shopDictionary: this.shopDictionary, now: opts.now }),
      normalized,
      language: detectLanguage(text),
    };
    if (fromContext) result.fromContext = true;
    if (opts.scores) {
      const scores = {} as Record<IntentId, number>;
      INTENT_IDS.forEach((id, k) => (scores[id] = Math.round(p[k]! * 1e4) / 1e4));
      result.scores = scores;
    }
    const secondary = this.secondary(best, normalized);
    if (secondary !== undefined) result.secondary = secondary;
    return result;
  }

  private readonly ctxProbs = new Float64Array(INTENT_IDS.length);
  /** The last earlier turn as contextIntent normalised it (read by classify right after). */
  private lastTurnNormalized = '';

  /** The predictor's top intent after the `other` prior (probabilities renormalised). */
  private predict(normalized: string): number {
    const p = this.predictor.probs;
    let best = this.predictor.predict(normalized);
    const base = HAN.test(normalized) ? (GENERAL_CUE.test(normalized) ? Math.max(this.otherPrior, OTHER_PRIOR_GENERAL) : this.otherPrior) : this.otherPriorEn;
    const prior = SHOP_CUE.test(normalized) || SHOP_CUE_EN.test(normalized) ? base * SHOP_CUE_FACTOR : base;
    if (prior !== 1) {
      const before = p[I_OTHER]!;
      const after = before * prior;
      const scale = 1 / (1 - before + after);
      for (let k = 0; k < p.length; k++) p[k] = (k === I_OTHER ? after : p[k]!) * scale;
      if (best === I_OTHER) for (let k = 0; k < p.length; k++) if (p[k]! > p[best]!) best = k;
    }
    return best;
  }

  /**
   * The topic open in the earlier turns (the last three, oldest to newest, each read against the
   * topic open before it: an earlier turn may be a follow-up itself, 这件有黑色吗 → 白色呢 → 那XL呢);
   * keeps its probabilities in ctxProbs and returns its index (-1 if none).
   */
  private contextIntent(context: readonly string[]): number {
    let open = -1;
    const ctxProbs = this.ctxProbs;
    const p = this.predictor.probs;
    for (let i = Math.max(0, context.length - 3); i < context.length; i++) {
      const norm = normalizeText(context[i]!);
      this.lastTurnNormalized = norm;
      const k = this.predict(norm);
      if (open >= 0 && shortEnough(norm)) {
        const reading = followUpReading(norm, INTENT_IDS[open]!, INTENT_IDS[k]!, p[k]!);
        if (reading.kind !== 'own') {
          const w = reading.weight;
          let best = 0;
          for (let j = 0; j < p.length; j++) {
            p[j] = (1 - w) * p[j]! + w * ctxProbs[j]!;
            if (p[j]! > p[best]!) best = j;
          }
          if (!NON_TOPIC.has(best)) {
            ctxProbs.set(p);
            open = best;
          }
          continue;
        }
      }
      if (!NON_TOPIC.has(k)) {
        ctxProbs.set(p);
        open = k;
      }
    }
    return open;
  }

  understand(text: string, opts: ClassifyOptions = {}): MessageUnderstanding {
    const whole = this.classify(text, opts);
    const single = (): MessageUnderstanding => ({
      ...whole,
      questions: [{ text, intent: whole.intent, confidence: whole.confidence, entities: whole.entities }],
    });
    if (!mayHoldSeveral(whole.normalized)) return single();
    const clauses = splitClauses(whole.normalized);
    if (clauses.length < 2) return single();
    // Classify every clause; a clause that is no question of its own (an opener, measurements
    // before 穿什么码, a fragment) joins the next one, the last one joins the one before.
    const groups: { text: string; intent: number }[] = [];
    let pending = '';
    for (const c of clauses) {
      const t = pending ? `${pending} ${c.text}` : c.text;
      let k = this.predict(t);
      let weak = NOT_A_QUESTION.has(k) || this.predictor.probs[k]! < 0.35 || c.text.length <= 1 || BARE_DEMONSTRATIVE.test(c.text);
      // A clause its buyer opened with 顺便/还有/另外 is a question of its own ("便宜点呗 顺便包个
      // 邮"): read without the connector, its best shop intent counts from a lower probability.
      const rest = pending ? '' : c.text.replace(CONNECTOR_LEAD, '');
      const led = c.led === true || rest !== c.text;
      // A full clause read as `other` with a shop intent almost as likely ("recommend me a good
      // phone case | and is free shipping") is a question too, when another clause follows or
      // precedes it (issue 12).
      const p = this.predictor.probs;
      if (weak && !pending && k === I_OTHER && c.text.length >= 4) {
        const j = this.bestTopical();
        if (j >= 0 && p[j]! >= RUNNER_UP_MIN) {
          k = j;
          weak = false;
        }
      }
      if (weak && led && rest.length >= 2) {
        this.predict(rest);
        const j = this.bestTopical();
        if (j >= 0 && p[j]! >= CONNECTOR_MIN) {
          k = j;
          weak = false;
        }
      }
      if (weak) {
        pending = t;
        continue;
      }
      pending = '';
      const prev = groups[groups.length - 1];
      if (prev && prev.intent === k) prev.text = `${prev.text} ${t}`;
      else groups.push({ text: t, intent: k });
    }
    if (pending) {
      const prev = groups[groups.length - 1];
      if (prev) prev.text = `${prev.text} ${pending}`;
    }
    // Greetings and thanks that open or close the message are listed as what they are (the
    // planner answers the real questions and treats them as manners); `other` fragments are not.
    const isTopical = (k: number) => !NON_TOPIC.has(k) || INTENT_IDS[k] === 'human';
    const topical = groups.filter((g) => isTopical(g.intent));
    if (topical.length === 0) return single();
    const kept = groups.filter(
      (g, i) =>
        isTopical(g.intent) ||
        (i === 0 && INTENT_IDS[g.intent] === 'greeting' && GREETS.test(g.text)) ||
        // Thanks or an acknowledgement before the next question (好的谢谢 那几号发, ok thanks. and
        // when …) is manners the reply acknowledges, like closing thanks.
        ((i === 0 || i === groups.length - 1) && INTENT_IDS[g.intent] === 'thanks_bye'),
    );
    if (kept.length < 2) return single();
    const seen = new Set<number>();
    const questions: QuestionResult[] = [];
    // Inside a message, 还有/另外 join questions: they are not elliptic follow-ups, so the
    // questions are read without the earlier turns.
    const own = opts.now ? { now: opts.now } : {};
    for (const g of kept) {
      const r = this.classify(g.text, own);
      // A group kept for its shop intent (a runner-up behind `other`) keeps that intent.
      if (r.intent === 'other' && isTopical(g.intent)) {
        r.intent = INTENT_IDS[g.intent]!;
        r.confidence = Math.round(this.predictor.probs[g.intent]! * 1e4) / 1e4;
      }
      const k = IDX.get(r.intent)!;
      if (seen.has(k)) continue;
      seen.add(k);
      questions.push({ text: g.text, intent: r.intent, confidence: r.confidence, entities: r.entities });
    }
    if (questions.length < 2) return single();
    // The whole message's intent leads when it is one of the real questions, else the first one
    // asked; the secondary is the next real question.
    const real = questions.filter((q) => isTopical(IDX.get(q.intent)!));
    const out: MessageUnderstanding = { ...whole, questions };
    // A confident reading of the whole message stays its intent even when the cut pieces read
    // otherwise (a piece loses the words around it), unless every piece is surer; the pieces are
    // still listed.
    // A reading the earlier turns decided holds too: the pieces are read without them (退回哪里
    // 银行卡吗 after a refund question asks where the refund goes; round 10, issue 12).
    const wholeHolds =
      (whole.fromContext === true && isTopical(IDX.get(whole.intent)!)) ||
      (isTopical(IDX.get(whole.intent)!) &&
        whole.confidence >= 0.5 &&
        real.some((q) => q.confidence <= whole.confidence));
    const lead = real.find((q) => q.intent === whole.intent) ?? (wholeHolds ? undefined : (real[0] ?? questions[0]!));
    if (lead && lead.intent !== whole.intent) {
      out.intent = lead.intent;
      out.confidence = lead.confidence;
    }
    const next = real.find((q) => q.intent !== out.intent);
    if (next) out.secondary = next.intent;
    else if (whole.secondary === undefined || whole.secondary === out.intent) delete out.secondary;
    return out;
  }

  /** The most likely shop intent (not other/greeting/thanks/human) of the last prediction. */
  private bestTopical(): number {
    const p = this.predictor.probs;
    let j = -1;
    for (let x = 0; x < p.length; x++) if (!NON_TOPIC.has(x) && (j < 0 || p[x]! > p[j]!)) j = x;
    return j;
  }

  private secondary(best: number, normalized: string): IntentId | undefined {
    const p = this.predictor.probs;
    const intent = INTENT_IDS[best]!;
    if (intent === 'quality_issue') {
      if (REFUND_WORDS.test(normalized)) return 'refund';
      if (RETURN_WORDS.test(normalized)) return 'return_exchange';
    }
    if (intent === 'complaint') {
      // The topic behind a threat: classify what is left without the threat words (may
      // overwrite the probabilities, so this runs last).
      const topic = normalized.replace(THREAT, ' ').trim();
      if (topic.length >= 2 && topic !== normalized) {
        const k = this.predictor.predict(topic);
        if (k !== best && !NON_TOPIC.has(k) && p[k]! >= 0.3) return INTENT_IDS[k];
        return undefined;
      }
    }
    let second = -1;
    for (let k = 0; k < p.length; k++) {
      if (k === best || NON_TOPIC.has(k)) continue;
      if (second < 0 || p[k]! > p[second]!) second = k;
    }
    if (second < 0) return undefined;
    const threshold = intent === 'complaint' ? 0.08 : 0.25;
    return p[second]! >= threshold ? INTENT_IDS[second] : undefined;
  }
}

/** Trains an Nlu on the shipped examples plus the shop's own (about a second or two). */
export function createNlu(opts: NluOptions = {}): Nlu {
  const examples = [...loadShippedExamples(), ...(opts.extraExamples ?? [])];
  const key = opts.cache ? trainingKey(opts) : '';
  const cached = opts.cache?.load(key);
  let model = cached ? importModel(cached, opts.shopDictionary ? { shopDictionary: opts.shopDictionary } : {}) : undefined;
  if (!model) {
    model = trainModel(examples, {
      ...(opts.shopDictionary ? { shopDictionary: opts.shopDictionary } : {}),
      folds: opts.folds ?? 3,
    });
    opts.cache?.save(key, exportModel(model));
  }
  return new NluImpl(model, opts.shopDictionary ?? [], opts.otherPrior ?? OTHER_PRIOR, opts.otherPriorEn ?? OTHER_PRIOR_EN);
}

/**
 * Trains like createNlu and returns the model as bytes (for training in another thread: the bytes
 * cross the thread boundary and nluFromModelBytes turns them back into an Nlu).
 */
export function trainNluBytes(opts: Omit<NluOptions, 'cache'> = {}): Uint8Array {
  const examples = [...loadShippedExamples(), ...(opts.extraExamples ?? [])];
  const model = trainModel(examples, {
    ...(opts.shopDictionary ? { shopDictionary: opts.shopDictionary } : {}),
    folds: opts.folds ?? 3,
  });
  return exportModel(model);
}

/** An Nlu from trainNluBytes's output, without training; throws when the bytes are not a model. */
export function nluFromModelBytes(bytes: Uint8Array, shopDictionary: string[] = []): Nlu {
  const model = importModel(bytes, { shopDictionary });
  if (!model) throw new Error('not an intent model of this version');
  return new NluImpl(model, shopDictionary);
}

let defaultNlu: Nlu | undefined;
let defaultCache: ModelCache | undefined;

/**
 * Where the default model is kept between processes (the app hands in a file cache; core does no
 * I/O). Set before the first getDefaultNlu() to take effect.
 */
export function setDefaultNluCache(cache: ModelCache | undefined): void {
  defaultCache = cache;
}

/** The Nlu trained on the shipped examples only, created on first use and then shared. */
export function getDefaultNlu(): Nlu {
  defaultNlu ??= createNlu(defaultCache ? { cache: defaultCache } : {});
  return defaultNlu;
}

/** The shared model if this process has it already (never trains; issue 12's retrain measure). */
export function loadedDefaultNlu(): Nlu | undefined {
  return defaultNlu;
}
