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
import type { PlanInput, ReplyPlan } from './types.js';

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
  const turn = conversation.turns.filter((t) => t.author !== 'buyer').length;
  const d = new Draft(input, turn);

  const lowConfidence = nlu.confidence < bot.clarifyBelowConfidence;
  const misunderstandings = lowConfidence ? conversation.misunderstandings + 1 : 0;

  if (input.isFirstMessage) welcome(d);
  // C9: an order the buyer just placed, not yet confirmed with them.
  const toVerify = NO_VERIFY.has(nlu.intent)
    ? undefined
    : ord.orderToVerify(input.orders, conversation.verifiedOrderIds ?? [], input.now);

  if (nlu.intent === 'human') {
    d.say('human');
    d.handOver('human_requested', '买家要求转人工', null);
  } else if (nlu.intent === 'complaint') {
    // C17/C18: an angry buyer gets empathy and a person at once, never a bot argument.
    d.say('complaint');
    d.handOver('complaint', '买家投诉或情绪激动，需主管立即介入', null);
  } else if (nlu.confidence < bot.handoverBelowConfidence) {
    d.handOver('low_confidence', `无法识别买家意图（置信度${nlu.confidence.toFixed(2)}）`);
  } else if (lowConfidence && misunderstandings >= 2) {
    d.handOver('repeated_misunderstanding', `连续${misunderstandings}次没理解买家的意思`);
  } else if (lowConfidence) {
    d.ask('clarify');
  } else if (toVerify && nlu.intent === 'other') {
    // "拍了/好了" after ordering: the confirmation below is the answer.
  } else if (!(input.isFirstMessage && nlu.intent === 'greeting')) {
    HANDLERS[nlu.intent](d, { bargainer });
    const second = nlu.secondary;
    if (second && second !== nlu.intent && SECONDARY_OK.has(second) && !d.handover)
      HANDLERS[second](d, { bargainer });
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

  // C9: confirm address, phone and notes of an order the buyer just placed.
  let verified = false;
  if (toVerify && !d.handover) {
    const lines = ord.planVerification(toVerify, shop, input.standardAnswers, turn);
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
  if (!d.handover && botTurns % bot.maxBotTurnsWithoutHuman === 0) {
    d.handOver('bot_alone_too_long', `机器人已连续回复${botTurns}次，请人工跟进`, 'handover.offer');
  }

  if (d.messages.length === 0) {
    d.handOver('missing_data', `缺少回复所需的数据：${d.missing.join('、') || nlu.intent}`, null);
    d.messages.push('亲，我请同事马上来为您解答，请稍等一下哦');
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
  };
}
