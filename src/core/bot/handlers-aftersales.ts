// After-sales and closing answers: return/exchange and refund by order state (A5, A7), quality
// problems and price protection (hand-over with empathy, A9, C18), reviews (D9), farewell (C10).
import { priceProtectionVars } from './money-answers.js';
import { lookupOrder, orderVars, type Draft } from './draft.js';
import type { Order } from './types.js';

const DAY_MS = 24 * 3600_000;
/** Wording of a money claim the bot must not settle itself: amounts, compensation, part refunds. */
const MONEY_CLAIM = /赔|补偿|补差|部分退|退一部分|退点|退差价|返钱/u;

function withinReturnWindow(order: Order, returnDays: number, now: Date): boolean {
  const since = order.signedAt ?? order.shippedAt;
  if (!since) return true;
  return now.getTime() - Date.parse(since) <= returnDays * DAY_MS;
}

/** A return is about goods the buyer has, a refund about money paid: prefer such orders. */
const RECEIVED = (o: Order) => o.state === 'signed' || o.state === 'succeeded' || o.state === 'shipped';
const PAID = (o: Order) => o.state !== 'unpaid';

export function handleReturnExchange(d: Draft): void {
  const found = lookupOrder(d.input, RECEIVED);
  if (found.kind === 'foreign') return void d.say('logistics.privacy');
  if (found.kind === 'none') {
    d.say('return_exchange.window');
    d.ask('aftersales.ask_order');
    return;
  }
  const o = found.order;
  const days = d.input.shop.settings.returnDays;
  if (o.state === 'unpaid') d.say('order_change.cancel_unpaid');
  else if (o.state === 'paid') {
    d.say('return_exchange.unshipped');
    d.handOver('order_action', `订单${o.platformOrderNo}未发货，买家要换规格或取消，需人工处理`, null);
  } else if (o.state === 'shipped') d.say('return_exchange.in_transit');
  else if (days > 0 && withinReturnWindow(o, days, d.input.now)) d.say('return_exchange.window');
  else {
    if (!d.say('return_exchange.expired')) d.say('handover');
    d.handOver('aftersales_case', `订单${o.platformOrderNo}已过退换期，买家仍要退换，需人工判断`, null);
  }
}

export function handleRefund(d: Draft): void {
  const found = lookupOrder(d.input, (o) => o.refundState !== undefined || PAID(o));
  if (found.kind === 'foreign') return void d.say('logistics.privacy');
  if (found.kind === 'none') {
    d.ask('aftersales.ask_order');
    return;
  }
  const o = found.order;
  if (o.refundState) {
    d.say('refund.progress', orderVars(o));
    return;
  }
  const moneyClaim = d.input.nlu.entities.amounts.length > 0 || MONEY_CLAIM.test(d.input.text);
  if (o.state === 'unpaid') d.say('order_change.cancel_unpaid');
  else if (o.state === 'paid') d.say('refund.unshipped');
  else if (o.state === 'shipped') d.say('refund.in_transit');
  else d.say('refund.received');
  // A7: after a trade succeeds a refund is a direct transfer — a person confirms account and amount.
  if (moneyClaim || o.state === 'succeeded') {
    d.handOver('money_action', `买家就订单${o.platformOrderNo}要求退款/补偿金额，需人工核实金额`, null);
  }
}

export function handleQualityIssue(d: Draft): void {
  d.say('quality_issue');
  const asked = d.messages[d.messages.length - 1];
  if (asked) d.question = asked;
  const found = lookupOrder(d.input);
  const no = found.kind === 'found' ? `订单${found.order.platformOrderNo}` : '未指明订单';
  d.handOver('aftersales_case', `买家反映质量问题（${no}），需人工查看照片并给出方案`, null);
}

export function handleWarranty(d: Draft): void {
  d.say('warranty_repair');
}

export function handlePriceProtection(d: Draft): void {
  // S2: the difference under the platform's rule when the order and the price say it.
  const pp = priceProtectionVars(d.input, d.input.moneyRules);
  // An agent already recorded a claim: say where it stands; a refused one goes back to a person.
  if (pp?.claimed && d.say('price_protection.claimed', pp.vars)) {
    if (pp.claimed === 'refused') d.handOver('money_action', '买家再次询问价保，该商品的价保申请已被拒绝，需人工说明', null);
    return;
  }
  if (pp && !pp.claimed && d.say(pp.allowed ? (pp.terms ? 'price_protection.amount_terms' : 'price_protection.amount') : 'price_protection.none', pp.vars)) return;
  d.say('price_protection');
  d.handOver('money_action', '买家申请价保补差价，需人工按平台规则核算金额', null);
}

export function handleAuthenticity(d: Draft): void {
  d.say('authenticity');
}

const REVIEW_REWARD = /返现|返钱|红包|好评.{0,4}(送|返|给)/u;

export function handleReview(d: Draft): void {
  d.say(REVIEW_REWARD.test(d.input.text) ? 'review.no_reward' : 'review.invite');
}

/** C10: thank whether or not they bought; a buyer with a fresh order is told to expect it. */
export function handleThanksBye(d: Draft): void {
  const since = d.input.now.getTime() - 3 * DAY_MS;
  const bought = d.input.orders.some(
    (o) => o.state !== 'closed' && o.state !== 'unpaid' && Date.parse(o.createdAt) >= since,
  );
  d.say(bought ? 'thanks_bye.bought' : 'thanks_bye.not_bought');
}

export function handleGreeting(d: Draft): void {
  d.say('greeting');
}

export function handleOther(d: Draft): void {
  d.say('other');
}
