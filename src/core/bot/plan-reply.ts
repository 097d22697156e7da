// The reply planner (B1, B3, C1–C18): intent + conversation + shop data → messages, recommendations,
// a question back, or a hand-over. Pure: no I/O, time comes in as `now`.
import type { IntentId } from '../intents.js';
import { classifyBargainer } from '../conversation/bargainer.js';
import { assessInterest } from '../conversation/interest.js';
import { nextStage, type Stage } from '../conversation/stages.js';
import { fillTemplate, splitMessages } from './answers.js';
import { variantLabel } from './catalogue.js';
import { Draft, offerablePromotions } from './draft.js';
import * as pre from './handlers-presales.js';
import * as ord from './handlers-orders.js';
import * as after from './handlers-aftersales.js';
import type { ConversationMemory, PlanInput, Question, ReplyPlan } from './types.js';
import type { Entities } from '../entities.js';

/** Languages a person must answer, named for the buyer and the agent (issue 12). */
const LANGUAGE_NAME: Record<string, { en: string; zh: string }> = {
  es: { en: 'Spanish', zh: '西班牙语' },
  pt: { en: 'Portuguese', zh: '葡萄牙语' },
  ru: { en: 'Russian', zh: '俄语' },
  fr: { en: 'French', zh: '法语' },
};
/** Intents that are manners, not questions: answered only when nothing else is asked. */
const MANNERS: ReadonlySet<IntentId> = new Set(['greeting', 'thanks_bye', 'other']);
/** Intents whose answer is a hand-over of its own; planned once, before anything else. */
const TAKES_OVER: ReadonlySet<IntentId> = new Set(['human', 'complaint']);

/**
 * A question's entities completed from the conversation (issue 12): measurements given earlier
 * count until the buyer gives new ones; an elliptic follow-up (那XL呢, 黑色的呢) keeps the size or
 * colour it does not name.
 */
function withMemory(e: Entities, memory: ConversationMemory | undefined, followUp: boolean): Entities {
  if (!memory) return e;
  const out: Entities = { ...e, measurements: { ...memory.measurements, ...e.measurements } };
  if (followUp) {
    // "那黑色的呢" after a size advice asks about the advised size in black, not the size the
    // buyer named before the advice.
    const colourAfterAdvice = memory.topic === 'size_fit' && e.colours.length > 0;
    if (out.sizes.length === 0 && memory.size && !colourAfterAdvice) out.sizes = [memory.size];
    if (out.colours.length === 0 && memory.colour) out.colours = [memory.colour];
  }
  return out;
}

/** What to remember after this message (issue 12). */
function nextMemory(input: PlanInput, questions: Question[]): ConversationMemory {
  const before = input.conversation.memory ?? {};
  const m: ConversationMemory = { ...before };
  for (const q of questions) {
    const e = q.entities;
    if (Object.keys(e.measurements).length > 0) m.measurements = { ...m.measurements, ...e.measurements };
    if (e.sizes[0]) m.size = e.sizes[0];
    if (e.colours[0]) m.colour = e.colours[0];
    const own = e.orderNos.find((no) => input.orders.some((o) => o.platformOrderNo === no || o.id === no));
    if (own) m.orderNo = own;
    if (!MANNERS.has(q.intent) && q.intent !== 'human') m.topic = q.intent;
  }
  return m;
}

/** C6: remember the item a cross-sell was made for, so the next answers do not repeat one. */
function crossSold(d: Draft): Pick<ConversationMemory, 'crossSoldFor'> {
  return d.crossSoldFor ? { crossSoldFor: d.crossSoldFor } : {};
}

type Handler = (d: Draft, ctx: { bargainer: ReturnType<typeof classifyBargainer> }) => void;

const HANDLERS: Record<IntentId, Handler> = {
  greeting: after.handleGreeting,
  stock: pre.handleStock,
  size_fit: pre.handleSizeFit,
  product_info: pre.handleProductInfo,
  color_appearance: pre.handleColour,
  recommend: pre.handleRecommend,
  bargain: (d, c) => pre.handleBargain(d, c.bargainer),
  promotion: pre.handlePromotion,
  shipping_fee: pre.handleShippingFee,
  ship_time: ord.handleShipTime,
  courier: ord.handleCourier,
  logistics: ord.handleLogistics,
  payment: ord.handlePayment,
  order_change: ord.handleOrderChange,
  invoice: ord.handleInvoice,
  return_exchange: after.handleReturnExchange,
  refund: after.handleRefund,
  quality_issue: after.handleQualityIssue,
  warranty_repair: after.handleWarranty,
  price_protection: after.handlePriceProtection,
  authenticity: after.handleAuthenticity,
  // complaint and human never reach their handler: they hand over first (see below).
  complaint: (d) => d.say('complaint'),
  review: after.handleReview,
  thanks_bye: after.handleThanksBye,
  human: (d) => d.say('human'),
  other: after.handleOther,
};

/** Inquiries that get at least one recommendation (C6, seed 000: every inquiring buyer). */
const INQUIRY: ReadonlySet<IntentId> = new Set([
  'stock',
  'size_fit',
  'product_info',
  'color_appearance',
  'authenticity',
]);
/** A secondary intent is answered too when it is a plain question with its own short answer. */
const SECONDARY_OK: ReadonlySet<IntentId> = new Set([
  'ship_time',
  'shipping_fee',
  'courier',
  'invoice',
  'stock',
  'size_fit',
  'promotion',
]);
/** Intents after which the order confirmation (C9) would be out of place. */
const NO_VERIFY: ReadonlySet<IntentId> = new Set([
  'complaint',
  'human',
  'quality_issue',
  'refund',
  'thanks_bye',
]);

function welcome(d: Draft): void {
  const override = d.input.shop.settings.welcomeText;
  if (override) {
    const filled = fillTemplate(override, d.baseVars());
    if (filled) {
      d.messages.push(...splitMessages(filled));
      return;
    }
  }
  d.say('welcome');
}

export function planReply(input: PlanInput): ReplyPlan {
  const { nlu, conversation, shop } = input;
  const bot = shop.settings.bot;
  const current = {
    author: 'buyer' as const,
    text: input.text,
    at: input.now.toISOString(),
    intent: nlu.intent,
  };
  const history = [...conversation.turns, current];
  const interest = assessInterest(history);
  const bargainer = classifyBargainer(history);
  const turn = conversation.turns.filter((t) => t.author !== 'buyer').length + (input.forAgent?.variant ?? 0);
  const d = new Draft(input, turn);

  const foreign = input.language && input.language !== 'zh' && input.language !== 'en' ? input.language : undefined;
  // Several questions: the message is understood when any of its questions is (each is answered).
  const confidence =
    input.questions && input.questions.length > 1 ? Math.max(...input.questions.map((q) => q.confidence)) : nlu.confidence;
  const lowConfidence = !foreign && confidence < bot.clarifyBelowConfidence;
  const misunderstandings = lowConfidence ? conversation.misunderstandings + 1 : 0;

  // Every question of the message, in the order asked (issue 12), with the conversation's context.
  const asked: Question[] = (input.questions?.length ? input.questions : [{ ...nlu, text: input.text }]).map(
    (q, i, all) => ({
      ...q,
      entities: withMemory(q.entities, conversation.memory, nlu.followUp === true && all.length === 1),
    }),
  );
  const topical = asked.filter((q) => !MANNERS.has(q.intent));
  const toAnswer = topical.length > 0 ? topical : asked.slice(0, 1);
  const answered: IntentId[] = [];
  const base = input;
  /** Answer one question: the handlers read d.input, so it is this question while it runs. */
  const answer = (q: Question) => {
    if (answered.includes(q.intent)) return;
    d.input = { ...base, nlu: { ...base.nlu, intent: q.intent, confidence: q.confidence, entities: q.entities }, text: q.text };
    HANDLERS[q.intent](d, { bargainer });
    d.input = base;
    answered.push(q.intent);
  };

  if (input.isFirstMessage && !foreign && !input.forAgent) welcome(d);
  // C9: an order the buyer just placed, not yet confirmed with them.
  const toVerify = NO_VERIFY.has(nlu.intent)
    ? undefined
    : ord.orderToVerify(input.orders, conversation.verifiedOrderIds ?? [], input.now);

  if (foreign) {
    // es/pt/ru/fr: a colleague who reads it answers; the buyer is told so in English.
    const name = LANGUAGE_NAME[foreign] ?? { en: foreign, zh: foreign };
    d.input = { ...base, language: 'en' };
    d.say('handover.language', { language: name.en }, { main: false });
    d.input = base;
    d.handOver('foreign_language', `买家使用${name.zh}（${foreign}），需会${name.zh}的同事接待`, null);
  } else if (nlu.intent === 'human' || (asked.length > 1 && asked.some((q) => q.intent === 'human'))) {
    d.say('human');
    d.handOver('human_requested', '买家要求转人工', null);
  } else if (nlu.intent === 'complaint') {
    // C17/C18: an angry buyer gets empathy and a person at once, never a bot argument.
    d.say('complaint');
    d.handOver('complaint', '买家投诉或情绪激动，需主管立即介入', null);
    // The plain questions asked alongside still get their answer (issue 12).
    for (const q of toAnswer) if (!TAKES_OVER.has(q.intent) && toAnswer.length > 1) answer(q);
  } else if (confidence < bot.handoverBelowConfidence) {
    d.handOver('low_confidence', `无法识别买家意图（置信度${confidence.toFixed(2)}）`);
  } else if (lowConfidence && misunderstandings >= 2) {
    d.handOver('repeated_misunderstanding', `连续${misunderstandings}次没理解买家的意思`);
  } else if (lowConfidence) {
    d.ask('clarify');
  } else if (toVerify && nlu.intent === 'other') {
    // "拍了/好了" after ordering: the confirmation below is the answer.
  } else if (toAnswer.length > 1) {
    // Several questions: each answered in the order asked; a question that only a person can
    // settle (complaint) is left to the hand-over, the others still get their answer.
    for (const q of toAnswer) if (!TAKES_OVER.has(q.intent)) answer(q);
    if (toAnswer.some((q) => q.intent === 'complaint')) {
      d.say('complaint', {}, { main: false });
      d.handOver('complaint', '买家投诉或情绪激动，需主管立即介入', null);
    }
    if (toAnswer.some((q) => INQUIRY.has(q.intent))) pre.addCrossSell(d);
  } else if (!(input.isFirstMessage && nlu.intent === 'greeting')) {
    answer(toAnswer[0]!.intent === nlu.intent ? toAnswer[0]! : { ...nlu, text: input.text, entities: asked[0]!.entities });
    const second = nlu.secondary;
    if (second && second !== nlu.intent && SECONDARY_OK.has(second) && !d.handover)
      answer({ ...nlu, intent: second, text: input.text, entities: asked[0]!.entities });
    if (INQUIRY.has(nlu.intent)) pre.addCrossSell(d);
  }

  // A planned answer whose data is missing never goes out half-filled: a person answers.
  const greetedOnly =
    (input.isFirstMessage && nlu.intent === 'greeting') || (toVerify !== undefined && nlu.intent === 'other');
  if (!d.usedAnswer && !d.handover && !greetedOnly) {
    d.handOver('missing_data', `缺少回复所需的数据：${d.missing.join('、') || nlu.intent}`);
  }

  // C15: a buyer losing interest gets a new angle — a current offer — and the agent is told.
  if (interest.losing && !d.handover) {
    const coupon = offerablePromotions(input.promotions, input.now).find((p) => p.kind === 'coupon');
    if (coupon) d.say('interest.angle', { 'coupon.text': coupon.text }, { main: false });
  }

  // M2 (issue 14): a VIP buyer asking about items, prices or offers hears the perk the shop gives
  // their tier (e.g. a new-item discount), once per conversation.
  if (!d.handover && VIP_MOMENT.has(nlu.intent)) offerTierPerk(d);

  // C9: confirm address, phone and notes of an order the buyer just placed.
  let verified = false;
  if (toVerify && !d.handover) {
    const lines = ord.planVerification(toVerify, shop, input.standardAnswers, turn, d.lang);
    if (lines) {
      d.messages.push(...lines);
      verified = true;
    } else if (d.messages.length === 0) d.say('other');
    // O5: a line that cannot be filled any more is said now, and a person settles it.
    const short = ord.unfillableLine(toVerify, input.items);
    if (short) {
      d.say(
        'verify.unfillable',
        { variant: `${short.title} ${variantLabel(short.colour, short.size)}`.trim() },
        { main: false },
      );
      d.handOver(
        'order_action',
        `订单${toVerify.platformOrderNo}中「${short.title}」已无库存，需与买家协商换款或退款`,
        null,
      );
    }
  }

  // C17: the bot does not talk alone for long; every N bot turns without a person it offers one
  // (once per N, so the buyer is not told the same thing on every line).
  const botTurns = conversation.botTurnsSinceHuman + 1;
  if (!d.handover && !input.forAgent && botTurns % bot.maxBotTurnsWithoutHuman === 0) {
    d.handOver('bot_alone_too_long', `机器人已连续回复${botTurns}次，请人工跟进`, 'handover.offer');
  }

  if (d.messages.length === 0 && !input.forAgent) {
    d.handOver('missing_data', `缺少回复所需的数据：${d.missing.join('、') || nlu.intent}`, null);
    d.say('handover.fallback', {}, { main: false });
  }

  let stage: Stage = conversation.stage;
  if (!lowConfidence) {
    stage = nextStage(conversation.stage, {
      kind: 'intent',
      intent: nlu.intent,
      recommended: d.recommendations.length > 0,
    });
  }
  if (verified) stage = nextStage(stage, { kind: 'order_verified' });

  return {
    messages: d.messages,
    recommendations: d.recommendations,
    ...(d.question ? { question: d.question } : {}),
    ...(d.handover ? { handover: d.handover } : {}),
    stage,
    misunderstandings,
    signals: { interest, bargainer },
    ...(d.usedAnswer ? { usedAnswer: d.usedAnswer } : {}),
    ...(verified && toVerify ? { verifiedOrderId: toVerify.id } : {}),
    memory: { ...nextMemory(input, asked), ...crossSold(d) },
    ...(d.aboutItemId ? { focusItemId: d.aboutItemId } : {}),
    language: d.lang,
    answered,
  };
}

/** When a VIP buyer hears their perk: a greeting, an item question, bargaining, offers. */
const VIP_MOMENT: ReadonlySet<IntentId> = new Set([
  'greeting', 'stock', 'size_fit', 'product_info', 'color_appearance', 'recommend', 'bargain', 'promotion',
]);

/** The tier's first perk not yet said in this conversation (by us or a colleague), in one line. */
function offerTierPerk(d: Draft): void {
  const tier = d.input.buyerTier;
  if (!tier || tier.perks.length === 0) return;
  const said = (text: string) =>
    d.messages.some((m) => m.includes(text)) || d.input.conversation.turns.some((t) => t.author !== 'buyer' && t.text.includes(text));
  if (tier.perks.some((p) => said(p.text))) return;
  const perk = tier.perks[0]!;
  d.say('vip.perk', { 'tier.name': tier.name, 'perk.text': perk.text }, { main: false });
}
