// Order-side answers: ship time from the cut-off, courier, logistics, payment (C8), order
// changes, invoice (D4), and the order verification after ordering (C9).
import { pickAnswer, type TemplateVars } from './answers.js';
import { beforeCutoff, sameBeijingDay } from '../time/beijing-time.js';
import { lookupOrder, orderVars, type Draft } from './draft.js';
import { matchingVariants, variantLabel } from './catalogue.js';
import { asksPriceChange, priceChangePending } from '../orders/price-change.js';
import type { Item, Order, OrderLine, Shop, StandardAnswer, Turn } from './types.js';
import { disruptionPhrase, recoveryPhrase, transitDisruption } from '../logistics/disruptions.js';

/**
 * C8: the seller is still to change this unpaid order's price or freight before the buyer pays —
 * the order says so, or the buyer asked for the change in this conversation or an agent marked
 * the order as awaiting one, and the order's history shows no 改价 (nor an agent's end of the
 * wait) since (core/orders/price-change.ts).
 */
export function awaitsPriceChange(order: Order, turns: readonly Turn[]): boolean {
  if (order.state !== 'unpaid') return false;
  if (order.awaitingPriceChange) return true;
  const asked = turns.filter((t) => t.author === 'buyer').map((t) => ({ text: t.text, atMs: Date.parse(t.at) }));
  const ms = (iso: string | undefined) => (iso ? Date.parse(iso) : null);
  return priceChangePending(Date.parse(order.createdAt), asked, ms(order.priceChangedAt), {
    markedAtMs: ms(order.priceChangeMarkedAt), clearedAtMs: ms(order.priceChangeClearedAt),
  });
}

/** Does an order paid at `paidAt` leave today (Beijing) given the cut-off? */
function shipsToday(now: Date, cutoff: string, paidAt?: string): boolean {
  if (beforeCutoff(now, cutoff)) return true;
  if (!paidAt) return false;
  const paid = new Date(paidAt);
  return sameBeijingDay(paid, now) && beforeCutoff(paid, cutoff);
}

/** Tell the buyer the D6 rule instead of discussing another account's order. */
function privacy(d: Draft): void {
  d.say('logistics.privacy');
}

export function handleShipTime(d: Draft): void {
  const { now, shop } = d.input;
  const cutoff = shop.settings.shipCutoff;
  const found = lookupOrder(d.input, (o) => o.state === 'paid' || o.state === 'shipped');
  if (found.kind === 'foreign') return privacy(d);
  if (found.kind === 'found') {
    const o = found.order;
    if (o.state === 'shipped' || o.state === 'signed') return answerTracking(d, o);
    if (o.state === 'unpaid') {
      d.say('payment.unpaid_nudge', orderVars(o));
      d.say(beforeCutoff(now, cutoff) ? 'ship_time.today' : 'ship_time.tomorrow', {}, { main: false });
      return;
    }
    if (o.state === 'paid') {
      d.say(
        shipsToday(now, cutoff, o.paidAt) ? 'ship_time.order_today' : 'ship_time.order_tomorrow',
        orderVars(o),
      );
      return;
    }
  }
  d.say(beforeCutoff(now, cutoff) ? 'ship_time.today' : 'ship_time.tomorrow');
}

export function handleCourier(d: Draft): void {
  const asked = d.input.nlu.entities.couriers[0];
  const couriers = d.input.shop.settings.couriers;
  if (!asked) {
    d.say('courier.list');
    return;
  }
  const ok = couriers.some((c) => c.includes(asked) || asked.includes(c));
  d.say(ok ? 'courier.ok' : 'courier.other', { courier: asked });
}

/**
 * Hours since the parcel's last scan when that is longer than the courier's normal gap (O7,
 * rules/*.yaml logistics.stale_scan_hours): the parcel is stuck. Undefined while it moves, once it
 * is signed for, or when no figure is set.
 */
export function stuckHours(order: Order, now: Date, staleScanHours?: number): number | undefined {
  if (staleScanHours === undefined || order.state !== 'shipped') return undefined;
  const times = order.logistics.map((e) => Date.parse(e.at)).filter((t) => Number.isFinite(t));
  const last = times.length > 0 ? Math.max(...times) : order.shippedAt ? Date.parse(order.shippedAt) : NaN;
  if (!Number.isFinite(last)) return undefined;
  const hours = (now.getTime() - last) / 3_600_000;
  return hours > staleScanHours ? hours : undefined;
}

function answerTracking(d: Draft, order: Order): void {
  const vars = orderVars(order);
  const stuck = stuckHours(order, d.input.now, d.input.staleScanHours);
  // O7: a parcel whose province and days in transit fall in a disruption (the shop's 物流异常, a
  // holiday span) is told the cause and the expected recovery instead of a generic line; while the
  // span lasts a slow parcel is expected, so it goes to a person only once the span is over.
  const disruption =
    order.state === 'shipped' && d.input.disruptions && d.lang !== 'en'
      ? transitDisruption(
          d.input.disruptions,
          { province: order.province ?? null, courier: order.courier ?? null, shippedAt: order.shippedAt ?? null, now: d.input.now },
          d.input.disruptionBacklogDays ?? 0,
        )
      : null;
  if (disruption) {
    const dv = { ...vars, 'disruption.cause': disruptionPhrase(disruption), 'disruption.recovery': recoveryPhrase(disruption, d.input.now) };
    if (!d.say('logistics.disrupted', dv)) d.say('logistics.disrupted_no_events', dv);
    if (stuck !== undefined && d.input.now.getTime() > Date.parse(`${disruption.to}T23:59:59+08:00`)) {
      d.handOver(
        'logistics_stuck',
        `订单${order.platformOrderNo}（${order.courier ?? '快递'} ${order.trackingNo ?? '无单号'}）受${disruptionPhrase(disruption)}影响，异常已结束仍${Math.max(1, Math.floor(stuck / 24))}天没有新的物流扫描，请联系快递核查并跟进买家`,
        null,
      );
    }
    return;
  }
  if (stuck !== undefined) {
    // A parcel that stopped moving is not reported as normal: apologise, have a person check it
    // with the courier (the hand-over carries the facts to the agent).
    const days = Math.max(1, Math.floor(stuck / 24));
    const said = d.say('logistics.stuck', { ...vars, 'order.latest_event': vars['order.latest_event'] ?? (d.lang === 'en' ? 'shipped' : '已发货'), 'stuck.days': days });
    if (!said) d.say('logistics.no_events', vars);
    d.handOver(
      'logistics_stuck',
      `订单${order.platformOrderNo}（${order.courier ?? '快递'} ${order.trackingNo ?? '无单号'}）已${days}天没有新的物流扫描，超过该快递正常间隔，请联系快递核查并跟进买家`,
      null,
    );
    return;
  }
  if (!d.say('logistics.tracking', vars) && !d.say('logistics.no_events', vars)) {
    d.handOver('missing_data', `订单${order.platformOrderNo}已发货但没有运单号，需人工查询物流`);
  }
}

export function handleLogistics(d: Draft): void {
  const found = lookupOrder(d.input, (o) => o.state === 'shipped' || o.state === 'signed');
  if (found.kind === 'foreign') return privacy(d);
  if (found.kind === 'none') {
    d.ask('logistics.ask_order');
    return;
  }
  const o = found.order;
  if (o.state === 'unpaid') d.say('payment.unpaid_nudge', orderVars(o));
  else if (o.state === 'paid') handleShipTime(d);
  else answerTracking(d, o);
}

export function handlePayment(d: Draft): void {
  const found = lookupOrder(d.input, (o) => o.state === 'unpaid');
  if (found.kind === 'foreign') return privacy(d);
  const order = found.kind === 'found' ? found.order : undefined;
  // C8: a freight/price change is made by a person before the buyer pays; until the order's
  // history shows it, the buyer is told to wait, and after it to check the changed amount.
  const asksChange = asksPriceChange(d.input.text);
  if (asksChange || (order && awaitsPriceChange(order, d.input.conversation.turns))) {
    d.say('payment.price_change');
    d.handOver(
      'money_action',
      asksChange || !order ? '买家需要改价/改运费，请在后台修改价格后通知买家付款' : `买家在等订单${order.platformOrderNo}改价/改运费后再付款，请尽快在后台修改`,
      null,
    );
    return;
  }
  if (order?.state === 'unpaid' && order.priceChangedAt) d.say('payment.price_changed', orderVars(order));
  else if (order?.state === 'unpaid') d.say('payment.unpaid_nudge', orderVars(order));
  else d.say('payment.guide');
}

const CANCEL = /取消|不要了|不想要|退掉/u;
const SPEC = /颜色|尺码|码数|换.{0,3}码|换.{0,3}色|规格|大一码|小一码/u;

export function handleOrderChange(d: Draft): void {
  // Changes concern orders not yet shipped first.
  const found = lookupOrder(d.input, (o) => o.state === 'unpaid' || o.state === 'paid');
  if (found.kind === 'foreign') return privacy(d);
  if (found.kind === 'none') {
    d.ask('aftersales.ask_order');
    return;
  }
  const o = found.order;
  const text = d.input.text;
  if (CANCEL.test(text)) {
    // D7: the buyer closes the order; the shop never closes it for them.
    if (o.state === 'unpaid') d.say('order_change.cancel_unpaid');
    else if (o.state === 'paid') d.say('order_change.cancel_paid');
    else d.say('refund.in_transit');
    return;
  }
  if (o.state === 'unpaid' || o.state === 'paid') {
    d.say(SPEC.test(text) ? 'return_exchange.unshipped' : 'order_change.address', orderVars(o));
    d.handOver(
      'order_action',
      `买家要修改订单${o.platformOrderNo}（${SPEC.test(text) ? '规格' : '地址/信息'}），需人工在后台修改`,
      null,
    );
    return;
  }
  if (o.state === 'shipped') {
    d.say('order_change.shipped');
    d.handOver('order_action', `订单${o.platformOrderNo}已发货，买家要改地址，需人工联系快递`, null);
    return;
  }
  d.say('return_exchange.window');
}

export function handleInvoice(d: Draft): void {
  // D4: an invoice is never refused, never charged for.
  d.say('invoice');
}

/** Orders placed recently that were not yet confirmed with the buyer (C9). */
export function orderToVerify(
  orders: Order[],
  verified: string[],
  now: Date,
  withinHours = 2,
): Order | undefined {
  const since = now.getTime() - withinHours * 3600_000;
  return orders
    .filter((o) => (o.state === 'unpaid' || o.state === 'paid') && !verified.includes(o.id) && !o.verifiedAt)
    .filter((o) => Date.parse(o.createdAt) >= since && Date.parse(o.createdAt) <= now.getTime())
    .sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt))[0];
}

/**
 * Messages confirming address, phone and notes of an order (C9). Only ever called with the
 * ordering buyer's own orders (D6); the address and phone arrive masked from the store.
 * Usable on its own when an order event arrives. Null when the order lacks an address.
 */
export function planVerification(
  order: Order,
  shop: Shop,
  library: StandardAnswer[],
  turn = 0,
  lang: 'zh' | 'en' = 'zh',
): string[] | null {
  const items = order.lines
    .map((l) => `${l.title}${l.colour || l.size ? ` ${variantLabel(l.colour, l.size)}` : ''} ×${l.quantity}`)
    .join('、');
  const vars: TemplateVars = {
    ...orderVars(order),
    'order.items': items,
    'shop.name': shop.name,
    'shop.agent': shop.agentName,
  };
  const main = pickAnswer('verify', library, vars, turn, lang);
  if (!main) return null;
  const lines = order.lines.length ? pickAnswer('verify.items', library, vars, turn, lang) : null;
  const note = vars['order.note'] ? pickAnswer('verify.note', library, vars, turn, lang) : null;
  return [...main.messages, ...(lines?.messages ?? []), ...(note?.messages ?? [])];
}

/**
 * O5: an ordered variant that is out of stock now — the buyer is told at once, not at shipping
 * time. Lines whose item or variant the catalogue does not know are not judged.
 */
export function unfillableLine(order: Order, items: Item[]): OrderLine | undefined {
  return order.lines.find((l) => {
    const item = items.find((i) => i.id === l.itemId);
    if (!item) return false;
    const matches = matchingVariants(item, l.colour, l.size);
    return matches.length > 0 && matches.reduce((s, v) => s + v.stock, 0) <= 0;
  });
}

/**
 * The kind unpaid-order nudge of C8 (seed 004's wording), for a follow-up timer. None while the
 * seller is still to change the price or freight (the buyer was told to wait); after a 改价 the
 * buyer is asked to check the changed amount before paying.
 */
export function planUnpaidNudge(order: Order, library: StandardAnswer[], turn = 0, turns: readonly Turn[] = []): string[] | null {
  if (order.state !== 'unpaid' || awaitsPriceChange(order, turns)) return null;
  const key = order.priceChangedAt ? 'payment.price_changed' : 'payment.unpaid_nudge';
  return pickAnswer(key, library, orderVars(order), turn)?.messages ?? null;
}
