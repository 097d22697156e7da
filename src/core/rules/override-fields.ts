// The keys of a rule profile a shop manager may override in the settings form (P1, issue 15):
// every single-value figure of the profile (numbers, switches, choices), each with its meaning in
// Chinese, and read from the platform profile with the `source` that states where its default
// comes from. Lists, state machines, the reply guard and texts stay in the advanced JSON view.
// `test: every scalar figure is in the catalogue` (override-fields.test.ts) keeps this complete.
import { isPlainObject } from './merge.js';
import type { Profile, Source } from './schema.js';

export type OverrideKind = 'hours' | 'days' | 'minutes' | 'seconds' | 'count' | 'number' | 'yuan' | 'percent' | 'per_mille' | 'points' | 'bool' | 'enum';

export interface OverrideField {
  /** Dotted path inside the profile, e.g. `shipping.ship_by_hours`. */
  path: string;
  kind: OverrideKind;
  /** The figure may be empty (null): no limit / not set. */
  nullable?: boolean;
  options?: readonly string[];
  /** What the figure means, in Chinese (the product's language). */
  meaningZh: string;
  meaningEn: string;
}

const f = (path: string, kind: OverrideKind, meaningZh: string, meaningEn: string, extra: Partial<OverrideField> = {}): OverrideField => ({
  path,
  kind,
  meaningZh,
  meaningEn,
  ...extra,
});

export const OVERRIDE_FIELDS: readonly OverrideField[] = [
  f('service.first_reply_seconds', 'seconds', '买家发来消息后首次响应的时限（秒）', 'First reply to a buyer within (seconds)'),
  f('service.pay_window_hours', 'hours', '拍下后未付款自动关闭的时限（小时），空表示平台未规定', 'Unpaid orders close after (hours); empty: not set', { nullable: true }),
  f('shipping.ship_by_hours', 'hours', '付款后必须发货的时限（小时），超时即延迟发货；改动会重算未发货订单的倒计时', 'Ship within (hours) of payment; a change recomputes open orders’ countdowns'),
  f('shipping.agreed_date_overrides', 'bool', '预售/定制等与买家约定的发货日期优先于上面的时限', 'A date agreed with the buyer (pre-sale, custom) overrides the ship-by hours'),
  f('shipping.pickup.scan_within_hours', 'hours', '标记发货后多少小时内应有快递揽收扫描，否则提示虚假发货风险', 'Hours after “shipped” by which a courier pickup scan must exist (else fake-shipment risk)'),
  f('shipping.fee_table_example.first_kg', 'number', '运费表首重（千克）', 'Freight table: first weight (kg)'),
  f('shipping.fee_table_example.extra_weight_rounding', 'enum', '续重取整方式', 'Extra weight rounding', { options: ['ceil_to_whole_kg', 'ceil_to_half_kg'] }),
  f('shipping.fee_table_example.default.first', 'yuan', '运费表默认首重价格（元）', 'Freight table: default first-weight price (yuan)'),
  f('shipping.fee_table_example.default.extra_per_kg', 'yuan', '运费表默认续重价格（元/千克）', 'Freight table: default price per extra kg (yuan)'),
  f('logistics.stale_scan_hours', 'hours', '物流多少小时无新扫描视为异常件', 'A parcel with no new scan for (hours) counts as stuck'),
  f('late_shipment.rate_pct', 'percent', '延迟发货赔付：成交金额的百分比', 'Late shipment compensation: percent of the paid amount'),
  f('late_shipment.min_yuan', 'yuan', '延迟发货赔付下限（元）', 'Late shipment compensation: minimum (yuan)'),
  f('late_shipment.cap_yuan', 'yuan', '延迟发货赔付上限（元），空表示不封顶', 'Late shipment compensation: cap (yuan); empty: no cap', { nullable: true }),
  f('late_shipment.paid_in', 'enum', '延迟发货赔付的支付方式', 'Late shipment compensation is paid in', { options: ['cash', 'tmall_points', 'none'] }),
  f('late_shipment.points_if_unpaid_before_ruling', 'points', '平台判定前未赔付时扣的分', 'Points charged when not paid before the platform rules'),
  f('late_shipment.repay_platform_after_upheld_complaint', 'bool', '投诉成立后须再向平台支付同等金额', 'After an upheld complaint the seller pays the platform the same again'),
  f('penalties.removal_at_serious_points.points', 'points', '严重违规扣分达到多少分会被清退', 'Serious-violation points at which the shop may be removed'),
  f('penalties.counting_period.kind', 'enum', '扣分累计周期', 'Period penalty points are added up over', { options: ['calendar_year'] }),
  f('penalties.removal_warning_within_points.points', 'points', '严重违规扣分距清退线多少分以内开始提醒', 'Warn when serious points come within this many of removal'),
  f('complaints.window_days_after_close', 'days', '交易关闭/成功后买家可投诉的天数', 'Days after close/success in which the buyer may complain'),
  f('complaints.platform_answer_working_days', 'days', '平台介入后给出处理意见的工作日数', 'Working days for the platform to answer a complaint'),
  f('orders.stock.low_stock_threshold', 'count', '库存低于多少件时提示补货', 'Warn when stock falls below (pieces)'),
  f('orders.stock.delist_when_empty', 'bool', '库存为零时建议下架', 'Suggest delisting when stock is zero'),
  f('orders.receipt.auto_confirm_days_after_ship', 'days', '发货后多少天平台自动确认收货，空表示未设置（签收未确认提醒不会晚于此时发送）', 'Days after shipment at which the platform confirms receipt; empty: not set (the confirm-receipt reminder never goes out later)', { nullable: true }),
  f('refunds.rates.dispute_alert_per_mille', 'per_mille', '纠纷退款率达到多少‰时提醒主管', 'Alert supervisors when the dispute rate reaches (‰)'),
  f('refunds.rates.refund_rate_alert_pct', 'percent', '退款率达到多少%时提醒，空表示不提醒', 'Alert when the refund rate reaches (%); empty: no alert', { nullable: true }),
  f('aftersales.window_days_after_success', 'days', '交易成功后可申请售后的天数', 'Days after success in which after-sales may be requested'),
  f('aftersales.intervention_after_hours', 'hours', '买卖双方未达成一致时平台介入的时限（小时）', 'Hours without agreement after which the platform intervenes'),
  f('aftersales.time_limits.seller_response_hours', 'hours', '卖家处理退款申请的时限（小时），种子未给出，由店铺设定', 'Seller must answer a refund request within (hours); shop setting', { nullable: true }),
  f('aftersales.time_limits.auto_agree_hours', 'hours', '卖家超时未处理时自动同意退款的时限（小时），由店铺设定', 'Refund auto-agreed after (hours) without an answer; shop setting', { nullable: true }),
  f('aftersales.time_limits.buyer_return_days', 'days', '买家寄回退货的天数，由店铺设定', 'Days for the buyer to send a return; shop setting', { nullable: true }),
  f('reviews.mutual_window_days', 'days', '交易成功后双方互评的天数', 'Days after success in which both sides may review'),
  f('reviews.scores.good', 'number', '好评计分', 'Credit for a good review'),
  f('reviews.scores.neutral', 'number', '中评计分', 'Credit for a neutral review'),
  f('reviews.scores.bad', 'number', '差评计分', 'Credit for a bad review'),
  f('reviews.default_good_after_days', 'days', '买家未评价时多少天后默认好评，空表示不默认', 'Days after which no review counts as good; empty: never', { nullable: true }),
  f('reviews.dedupe_days', 'days', '同一买家同一商品多少天内的评价只计一次', 'Reviews of one buyer and item within (days) count once'),
  f('reviews.monthly_cap_per_buyer', 'count', '同一买家每自然月最多计入的信用分，空表示不限', 'Credit one buyer may add per month; empty: no cap', { nullable: true }),
  f('reviews.monthly_first_n_per_buyer', 'count', '同一买家每自然月只计前几次评价，空表示全部计入', 'Only the first N reviews per buyer per month count; empty: all', { nullable: true }),
  f('reviews.change_window_days', 'days', '中差评可修改的天数，空表示不可修改', 'Days in which a neutral/bad review may be changed; empty: never', { nullable: true }),
  f('reviews.change_times', 'count', '评价可修改的次数', 'Times a review may be changed'),
  f('reviews.dsr_months', 'count', '店铺评分（DSR）统计的月数，空表示平台未规定', 'Months the shop rating (DSR) covers; empty: not set', { nullable: true }),
  f('reviews.dsr_monthly_first_n_per_buyer', 'count', '店铺评分同一买家每月只计前几次，空表示全部', 'DSR counts the first N per buyer per month; empty: all', { nullable: true }),
  f('reviews.followup_days', 'days', '追加评论的天数，空表示平台未规定', 'Days in which a follow-up review may be added; empty: not set', { nullable: true }),
  f('reviews.reply_days', 'days', '卖家回复/解释评价的天数，空表示平台未规定', 'Days in which the seller may reply to a review; empty: not set', { nullable: true }),
  f('price_protection.supported', 'bool', '平台支持价保', 'The platform offers price protection'),
  f('price_protection.include_red_packets', 'bool', '价保计算时红包算作实付', 'Red packets count as paid in price protection'),
  f('price_protection.subtract_shop_coupon', 'bool', '价保计算时扣除店铺优惠券', 'Shop coupons are subtracted in price protection'),
  f('price_protection.max_claims', 'count', '同一商品可申请价保的次数，空表示不限', 'Price-protection claims per item; empty: any number', { nullable: true }),
  f('price_protection.window_days', 'days', '价保期（天），空表示平台未规定', 'Price-protection window (days); empty: not set', { nullable: true }),
  f('price_protection.window_from', 'enum', '价保期起算：付款或签收', 'The price-protection window counts from payment or signing', { options: ['paid', 'signed'] }),
  f('promises.invoice_days_after_success', 'days', '聊天中承诺的发票在交易成功后几天内开出', 'An invoice promised in chat is due (days) after success'),
  f('promises.warn_before_hours', 'hours', '承诺到期前多少小时提醒客服', 'Warn the agent (hours) before a promise is due'),
  // C17/T2 (issue 16): presence minutes, project defaults (rules/common.yaml presence).
  f('presence.auto_away_minutes', 'minutes', '无操作多少分钟后自动设为离开，并把等待中的会话转给同事', 'Away after (minutes) without activity; waiting chats move to a colleague'),
  f('presence.idle_alert_minutes', 'minutes', '登录但无操作多少分钟后提醒主管（挂机检测）', 'Alert supervisors after (minutes) logged in without activity'),
  f('presence.offline_after_minutes', 'minutes', '工作台多少分钟没有心跳视为离线', 'Offline after (minutes) without a sign of the workbench'),
  f('promises.bind_before_order_hours', 'hours', '下单前多少小时内的聊天承诺归到该订单', 'Promises made within (hours) before an order belong to it'),
];

/** The profile value at a dotted path, or undefined. */
export function valueAt(value: unknown, path: string): unknown {
  let cur: unknown = value;
  for (const seg of path.split('.')) {
    if (!isPlainObject(cur)) return undefined;
    cur = cur[seg];
  }
  return cur;
}

/** The `source` nearest to the path (the figure's own section, or the closest enclosing one). */
export function sourceAt(profile: Profile, path: string): Source | null {
  const segs = path.split('.');
  for (let n = segs.length - 1; n >= 1; n -= 1) {
    const holder = valueAt(profile, segs.slice(0, n).join('.'));
    if (isPlainObject(holder) && isPlainObject(holder.source)) return holder.source as Source;
  }
  return null;
}

/** Sets a dotted path in a plain object (creating objects on the way); returns a new object. */
export function withValueAt(obj: Record<string, unknown>, path: string, value: unknown): Record<string, unknown> {
  const [head, ...rest] = path.split('.');
  const out = { ...obj };
  if (rest.length === 0) out[head!] = value;
  else out[head!] = withValueAt(isPlainObject(obj[head!]) ? (obj[head!] as Record<string, unknown>) : {}, rest.join('.'), value);
  return out;
}

/** Removes a dotted path (and objects left empty by it); returns a new object. */
export function withoutValueAt(obj: Record<string, unknown>, path: string): Record<string, unknown> {
  const [head, ...rest] = path.split('.');
  const out = { ...obj };
  if (!(head! in out)) return out;
  if (rest.length === 0) delete out[head!];
  else if (isPlainObject(out[head!])) {
    const inner = withoutValueAt(out[head!] as Record<string, unknown>, rest.join('.'));
    if (Object.keys(inner).length === 0) delete out[head!];
    else out[head!] = inner;
  }
  return out;
}

/**
 * The largest value a figure of each kind may take: beyond it a figure is a typo, and a huge one
 * (1e9 hours) cannot even be turned into a date. A year of hours, a week of minutes or seconds,
 * ten years of days.
 */
export const OVERRIDE_MAX: Record<Exclude<OverrideKind, 'bool' | 'enum'>, number> = {
  hours: 24 * 366,
  minutes: 60 * 24 * 7,
  seconds: 3600 * 24 * 7,
  days: 3650,
  count: 1_000_000,
  points: 1000,
  yuan: 10_000_000,
  per_mille: 1000,
  percent: 100,
  number: 1_000_000,
};

/** The Chinese reason a value does not fit the field, or null when it does. */
export function overrideValueError(field: OverrideField, value: unknown): string | null {
  if (value === null) return field.nullable ? null : '此项不能为空';
  switch (field.kind) {
    case 'bool':
      return typeof value === 'boolean' ? null : '应为“是”或“否”';
    case 'enum':
      return typeof value === 'string' && (field.options ?? []).includes(value) ? null : `应为以下之一：${(field.options ?? []).join('、')}`;
    default: {
      if (typeof value !== 'number' || !Number.isFinite(value)) return '应为数字';
      const max = OVERRIDE_MAX[field.kind];
      if (Math.abs(value) > max) return `不能超过 ${max.toLocaleString('zh-CN')}`;
      switch (field.kind) {
        case 'hours':
          // A platform time limit shorter than an hour is a slip of the hand (0.5 made every order late at once).
          return value >= 1 ? null : '应不少于 1 小时';
        case 'minutes':
        case 'seconds':
          return value > 0 ? null : '应大于 0';
        case 'days':
          return Number.isInteger(value) && value > 0 ? null : '应为大于 0 的整数（天）';
        case 'count':
        case 'points':
          return Number.isInteger(value) && value >= 0 ? null : '应为不小于 0 的整数';
        case 'percent':
          return value >= 0 && value <= 100 ? null : '应在 0 到 100 之间';
        case 'yuan':
        case 'per_mille':
          return value >= 0 ? null : '不能小于 0';
        default:
          return null;
      }
    }
  }
}

/**
 * Figures that must agree with each other once the override is merged with the platform's
 * profile (P1): a compensation minimum above its cap, or a bad review credited above a good one,
 * would make every later calculation wrong. `merged` is the profile the shop would run on.
 */
export function overrideConsistencyErrors(merged: unknown): { path: string; messageZh: string }[] {
  const out: { path: string; messageZh: string }[] = [];
  const num = (path: string) => {
    const v = valueAt(merged, path);
    return typeof v === 'number' ? v : null;
  };
  const min = num('late_shipment.min_yuan');
  const cap = num('late_shipment.cap_yuan');
  if (min !== null && cap !== null && min > cap) {
    out.push({ path: 'late_shipment.min_yuan', messageZh: `延迟发货赔付下限（${min} 元）不能高于上限（${cap} 元）` });
  }
  const good = num('reviews.scores.good');
  const neutral = num('reviews.scores.neutral');
  const bad = num('reviews.scores.bad');
  if (good !== null && neutral !== null && bad !== null && !(good >= neutral && neutral >= bad)) {
    out.push({ path: 'reviews.scores.good', messageZh: `评价计分应为 好评 ≥ 中评 ≥ 差评（现为 ${good}、${neutral}、${bad}）` });
  }
  return out;
}

/** Per-field reasons for the catalogue's keys present in `overrides` (empty when all fit). */
export function overrideFieldErrors(overrides: unknown): { path: string; messageZh: string }[] {
  const out: { path: string; messageZh: string }[] = [];
  for (const field of OVERRIDE_FIELDS) {
    const v = valueAt(overrides, field.path);
    if (v === undefined) continue;
    const why = overrideValueError(field, v);
    if (why) out.push({ path: field.path, messageZh: `${field.meaningZh}：${why}` });
  }
  return out;
}
