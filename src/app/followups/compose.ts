// The wording of one follow-up (F2, C8): the shop's template or the default, in the buyer's
// language, for the platform, courier, destination country and (催付) the reason the buyer held
// back, filled from the order. Shared by the sender and the preview, so the preview shows what
// would really go out.
import { followupRules, type FlowKey, type ReviewInviteSegment, type TemplateReason } from '../../core/followups/config.js';
import { paymentCloseAt, reminderReason, type FlowSettings } from '../../core/followups/flows.js';
import { countryCode } from '../../core/followups/limits.js';
import { pickTemplate, renderTemplate, templateVariables, type Template, type TemplateVars } from '../../core/followups/templates.js';
import { maskAddress, maskName, maskPhone } from '../../core/privacy.js';
import { beijingDayKey, formatBeijingDate } from '../../core/time/beijing-time.js';
import type { orders } from '../../store/schema/index.js';
import type { ShopContext } from '../shops/shop-context.js';
import { logisticsCalendar } from '../../core/logistics/calendar.js';
import { disruptionPhrase, recoveryPhrase, transitDisruption, type DisruptionSpan } from '../../core/logistics/disruptions.js';
import { orderProvince } from '../../core/money/province.js';

/** The order columns the wording reads (the receiver's address and phone only masked, C9/D6). */
type OrderRow = Pick<
  typeof orders.$inferSelect,
  'platformOrderNo' | 'courier' | 'trackingNo' | 'region' | 'orderedAt' | 'createdAt' | 'receiverName' | 'receiverAddress' | 'receiverPhone' | 'buyerNote'
> & Partial<Pick<typeof orders.$inferSelect, 'shippedAt'>>;

/**
 * O7: the disruption this order's parcel is caught in (the shop's 物流异常 entries and the holiday
 * calendar), matched by the receiver's province only — the address is read for nothing else.
 */
export function orderDisruption(spans: readonly DisruptionSpan[] | undefined, order: OrderRow | undefined, now: Date | undefined): DisruptionSpan | null {
  if (!spans || !order || !now || !order.shippedAt) return null;
  return transitDisruption(
    spans,
    { province: orderProvince(order.region, order.receiverAddress), courier: order.courier, shippedAt: order.shippedAt, now },
    logisticsCalendar().recovery_backlog_days,
  );
}

/** C9: the buyer's message on the order, trimmed (null: none). */
function buyerNoteOf(order: OrderRow | undefined): string | null {
  const note = order?.buyerNote?.trim();
  return note ? note : null;
}

export interface ComposeShop {
  ctx: Pick<ShopContext, 'shop' | 'profile' | 'promotions' | 'settings'> & Partial<Pick<ShopContext, 'disruptions'>>;
  settings: FlowSettings;
  templates: readonly Template[];
}

export interface Composed {
  template: Template | null;
  text: string;
  missing: string[];
  lang: 'zh' | 'en';
  reason: TemplateReason | null;
}

/** The template reason: what held the buyer back (催付, C8) or their review segment (评价邀请, R7). */
function templateReason(
  flow: FlowKey,
  lastIntent: string | null | undefined,
  hasCoupon: boolean,
  reviewSegment: ReviewInviteSegment | null | undefined,
  repriced: boolean | undefined,
  hasBuyerNote = false,
  disrupted = false,
): TemplateReason | null {
  // C8: after a 改价 the buyer has not seen, the reminder says so before anything else.
  if (flow === 'payment_reminder') return repriced ? 'price_changed' : reminderReason(lastIntent, hasCoupon);
  // C9: the buyer's message on the order is read back with the address (seed 004: 特别关注个性化留言).
  if (flow === 'order_verify') return hasBuyerNote ? 'with_note' : null;
  if (flow === 'review_invite') return reviewSegment ?? 'confirmed_not_reviewed';
  // O7: a parcel caught in a disruption is told its cause and the expected recovery.
  if (flow === 'delay_notice') return disrupted ? 'disruption' : null;
  return null;
}

/** C8: the last day to pay, as the buyer reads it (Beijing calendar: 12月13日, or 2026-12-13 in English). */
function payDeadline(shop: ComposeShop, order: OrderRow, en: boolean): string {
  const rules = followupRules();
  const profile = shop.ctx.profile;
  const close = paymentCloseAt(
    { rules, platform: profile.platform, payWindowHours: profile.service.pay_window_hours, settings: shop.settings },
    order.orderedAt ?? order.createdAt,
  );
  return en ? beijingDayKey(close) : formatBeijingDate(close.toISOString());
}

/**
 * What composeFollowup decides without writing the text (the preview counts tens of thousands of
 * orders and shows only the first rows): the template and the variables the order cannot fill.
 * Same choices as composeFollowup — the template by the same query, and a variable missing
 * exactly when composeFollowup would leave it unfilled.
 */
export function followupOutline(
  shop: ComposeShop,
  flow: FlowKey,
  order: OrderRow | undefined,
  lastIntent: string | null | undefined,
  memo: Map<string, Template | null>,
  variablesMemo: Map<string, string[]>,
  /** R7: the buyer's review segment when known (else the invitation's). */
  reviewSegment?: ReviewInviteSegment | null,
  /** C8: the order had a 改价 since the buyer last wrote (the reminder says so). */
  repriced?: boolean,
  /** O7: when the preview runs (a delayed parcel's disruption is matched against it). */
  now?: Date,
): { template: Template | null; missing: string[] } {
  const rules = followupRules();
  const profile = shop.ctx.profile;
  const country = countryCode(order?.region);
  const lang: 'zh' | 'en' = profile.guard.locale === 'en' && country !== 'CN' ? 'en' : 'zh';
  const coupon = shop.ctx.promotions.find((p) => p.kind === 'coupon' && p.botMayOffer)?.text ?? null;
  const disruption = flow === 'delay_notice' && lang === 'zh' ? orderDisruption(shop.ctx.disruptions, order, now) : null;
  const reason = templateReason(flow, lastIntent, coupon !== null, reviewSegment, repriced, !!buyerNoteOf(order), disruption !== null);
  const courier = order?.courier ?? null;
  const memoKey = `${flow}|${lang}|${reason ?? ''}|${courier ?? ''}|${country ?? ''}`;
  let template = memo.get(memoKey);
  if (template === undefined) {
    template = pickTemplate(shop.templates, rules.templates, { flow, lang, reason, platform: profile.platform, courier, country });
    memo.set(memoKey, template);
  }
  if (!template) return { template: null, missing: ['template'] };
  let names = variablesMemo.get(template.text);
  if (!names) variablesMemo.set(template.text, (names = templateVariables(template.text)));
  const filled: Record<string, boolean> = {
    // buyer and item fall back to 亲 / 宝贝; shop and shipHours come from the shop; payDeadline from the order.
    buyer: true, item: true, shop: !!shop.ctx.shop.name, shipHours: true, payDeadline: !!order,
    orderNo: !!order?.platformOrderNo, courier: !!order?.courier, trackingNo: !!order?.trackingNo, coupon: !!coupon,
    receiver: !!maskName(order?.receiverName), address: !!maskAddress(order?.receiverAddress), phone: !!maskPhone(order?.receiverPhone), buyerNote: !!buyerNoteOf(order),
    cause: disruption !== null, recovery: disruption !== null,
  };
  return { template, missing: names.filter((n) => !filled[n]) };
}

export function composeFollowup(
  shop: ComposeShop,
  flow: FlowKey,
  order: OrderRow | undefined,
  extra: {
    nickname: string | null | undefined;
    item: string | null | undefined;
    lastIntent: string | null | undefined;
    /** R7: where the buyer stands on reviewing this order when the invitation goes out. */
    reviewSegment?: ReviewInviteSegment | null | undefined;
    /** C8: the order had a 改价 since the buyer last wrote (the reminder says so). */
    repriced?: boolean | undefined;
    /** O7: when the message goes out (a delayed parcel's disruption is matched against it). */
    now?: Date | undefined;
  },
  /** Template choices remembered across many orders (the preview's). */
  memo?: Map<string, Template | null>,
): Composed {
  const rules = followupRules();
  const profile = shop.ctx.profile;
  const country = countryCode(order?.region);
  const lang: 'zh' | 'en' = profile.guard.locale === 'en' && country !== 'CN' ? 'en' : 'zh';
  const coupon = shop.ctx.promotions.find((p) => p.kind === 'coupon' && p.botMayOffer)?.text ?? null;
  const disruption = flow === 'delay_notice' && lang === 'zh' ? orderDisruption(shop.ctx.disruptions, order, extra.now) : null;
  const reason = templateReason(flow, extra.lastIntent, coupon !== null, extra.reviewSegment, extra.repriced, !!buyerNoteOf(order), disruption !== null);
  const query = { flow, lang, reason, platform: profile.platform, courier: order?.courier ?? null, country };
  const memoKey = memo ? `${flow}|${lang}|${reason ?? ''}|${query.courier ?? ''}|${country ?? ''}` : '';
  let template: Template | null;
  if (memo?.has(memoKey)) template = memo.get(memoKey)!;
  else {
    template = pickTemplate(shop.templates, rules.templates, query);
    memo?.set(memoKey, template);
  }
  if (!template) return { template: null, text: '', missing: ['template'], lang, reason };
  const en = template.lang === 'en';
  const vars: TemplateVars = {
    buyer: extra.nickname ?? (en ? 'there' : '亲'),
    shop: shop.ctx.shop.name,
    orderNo: order?.platformOrderNo,
    item: extra.item ?? (en ? 'your item' : '宝贝'),
    courier: order?.courier,
    trackingNo: order?.trackingNo,
    payDeadline: order ? payDeadline(shop, order, en) : null,
    coupon,
    shipHours: String(profile.shipping.ship_by_hours),
    receiver: maskName(order?.receiverName),
    address: maskAddress(order?.receiverAddress),
    phone: maskPhone(order?.receiverPhone),
    buyerNote: buyerNoteOf(order),
    cause: disruption ? disruptionPhrase(disruption) : null,
    recovery: disruption && extra.now ? recoveryPhrase(disruption, extra.now) : null,
  };
  const rendered = renderTemplate(template.text, vars);
  // 催付: the reason of the template used; 评价邀请: the buyer's segment (R7), recorded with the row.
  return { template, text: rendered.text, missing: rendered.missing, lang: template.lang, reason: flow === 'review_invite' ? reason : (template.reason ?? null) };
}
