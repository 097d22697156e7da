// The shape of a merged rule profile (P1). Every platform figure sits next to a `source`
// naming the requirement id and the seed it comes from, so `dxe rules show` can print both.
import { z } from 'zod';
import { guardProfileSchema } from '../guard/profile-schema.js';
import { validateMachine } from '../fsm.js';
import { platformSchema, type Platform } from '../platforms.js';

// Only for app/inbound/planner-input.ts until its owner switches it to core/platforms.ts (the one
// list); everything else imports the platforms from there.

/** Where a figure comes from: requirement id(s), seed prefix (null: no seed, a project default). */
export const sourceSchema = z.strictObject({
  req: z.union([z.string(), z.array(z.string())]),
  seed: z.string().nullable(),
  note: z.string().optional(),
});
export type Source = z.infer<typeof sourceSchema>;

const hours = z.number().positive();
const days = z.number().int().positive();
const yuan = z.number().min(0);

const machineSchema = z
  .strictObject({
    initial: z.string().min(1),
    states: z.array(z.string().min(1)).min(1),
    final: z.array(z.string().min(1)),
    transitions: z.array(
      z.strictObject({
        from: z.string().min(1),
        event: z.string().min(1),
        to: z.string().min(1),
        guard: z.string().min(1).optional(),
      }),
    ),
    source: sourceSchema,
  })
  .superRefine((m, ctx) => {
    for (const p of validateMachine(m)) ctx.addIssue({ code: 'custom', path: p.path, message: p.message });
  });
export type MachineProfile = z.infer<typeof machineSchema>;

const serviceSchema = z.strictObject({
  first_reply_seconds: z.number().positive(),
  first_reply_seconds_alternatives: z.array(z.number().positive()).default([]),
  pay_window_hours: hours.nullable(),
  source: sourceSchema,
});

export const shippingFeeTableSchema = z.strictObject({
  first_kg: z.number().positive(),
  extra_weight_rounding: z.enum(['ceil_to_whole_kg', 'ceil_to_half_kg']),
  default: z.strictObject({ first: yuan, extra_per_kg: yuan }),
  regions: z.array(
    z.strictObject({
      provinces: z.array(z.string().min(1)).min(1),
      first: yuan,
      /** A region may have its own first weight (HK/TW: 500 g). */
      first_kg: z.number().positive().optional(),
      /** null: the seed gives no extra-weight price for this region. */
      extra_per_kg: yuan.nullable(),
      note: z.string().optional(),
    }),
  ),
});
export type ShippingFeeTable = z.infer<typeof shippingFeeTableSchema>;

const shippingSchema = z.strictObject({
  ship_by_hours: hours,
  agreed_date_overrides: z.boolean(),
  ship_time_is: z.string(),
  /** O3: the courier's pickup scan is the ship time; none within the window = 虚假发货 risk. */
  pickup: z.strictObject({
    scan_within_hours: hours,
    pickup_statuses: z.array(z.string().min(1)).min(1),
    moving_statuses: z.array(z.string().min(1)),
    source: sourceSchema,
  }),
  source: sourceSchema,
  fee_table_example: shippingFeeTableSchema.extend({ source: sourceSchema }),
});

/** O7: when a parcel counts as stuck (issue 12). */
const logisticsSchema = z.strictObject({
  /** The courier's normal longest gap between two scans; no new scan for longer = stuck. */
  stale_scan_hours: hours,
  source: sourceSchema,
});

const lateShipmentTerms = z.strictObject({
  rate_pct: z.number().min(0).max(100),
  min_yuan: yuan,
  /** null: no cap. */
  cap_yuan: yuan.nullable(),
  paid_in: z.enum(['cash', 'tmall_points', 'none']),
  /** Points the platform charges when the compensation was not paid before it rules. */
  points_if_unpaid_before_ruling: z.number().int().min(0),
  /** After an upheld complaint the seller pays the same amount again to the platform (001). */
  repay_platform_after_upheld_complaint: z.boolean(),
  source: sourceSchema,
});
const lateShipmentSchema = lateShipmentTerms.extend({
  /** Readings the seeds also give; the shop may pick one through an override. */
  alternatives: z.array(lateShipmentTerms.partial().extend({ source: sourceSchema })).default([]),
});
export type LateShipmentTerms = z.infer<typeof lateShipmentTerms>;

const pointsEntry = z.strictObject({
  points: z.number().int().min(0),
  title: z.string(),
  source: sourceSchema,
});

const mismatchEntry = z.strictObject({
  title: z.string(),
  action: z.string(),
  points_first: z.number().int().min(0),
  points_repeat: z.number().int().min(0),
  severe_from_count: z.number().int().positive().nullable(),
  source: sourceSchema,
});

const penaltiesSchema = z.strictObject({
  /** Points per reply-guard rule (D1–D11) where a seed gives a figure. */
  by_rule: z.record(z.string().regex(/^D\d+$/), pointsEntry).default({}),
  /** The N2 point table: categories of broken promises. */
  table: z.record(z.string(), pointsEntry).default({}),
  description_mismatch: z.record(z.string(), mismatchEntry).default({}),
  removal_at_serious_points: z
    .strictObject({ points: z.number().int().positive(), source: sourceSchema })
    .nullable()
    .default(null),
  /** N2–N4: the period points are added up over (Beijing calendar year: a project default). */
  counting_period: z
    .strictObject({ kind: z.enum(['calendar_year']), source: sourceSchema })
    .default({ kind: 'calendar_year', source: { req: ['N2', 'N4'], seed: null } }),
  /** N4: warn when the serious points come within this many of the removal line. */
  removal_warning_within_points: z
    .strictObject({ points: z.number().int().min(0), source: sourceSchema })
    .default({ points: 12, source: { req: 'N4', seed: null } }),
});

const complaintsSchema = z.strictObject({
  window_days_after_close: days,
  platform_answer_working_days: days,
  source: sourceSchema,
});

const fraudSchema = z.strictObject({
  free_mail_domains: z.array(z.string().min(1)),
  status_like_name_words: z.array(z.string().min(1)),
  quantity_name_pattern: z.string().min(1),
  pressure_words: z.array(z.string().min(1)),
  screenshot_words: z.array(z.string().min(1)),
  source: sourceSchema,
});

const stockSchema = z.strictObject({
  low_stock_threshold: z.number().int().min(0),
  delist_when_empty: z.boolean(),
  source: sourceSchema,
});

/**
 * R7: when the platform confirms receipt on the buyer's behalf (系统默认收货, seed 001), counted
 * from shipment; null: the seeds give no figure, a shop sets its own. The 签收未确认提醒 never
 * goes out after that moment.
 */
const receiptSchema = z.strictObject({
  auto_confirm_days_after_ship: days.nullable(),
  source: sourceSchema,
});

const refundRatesSchema = z.strictObject({
  dispute_alert_per_mille: z.number().min(0),
  refund_rate_alert_pct: z.number().min(0).nullable(),
  source: sourceSchema,
});

const flowStepSchema = z.strictObject({
  /** What the agent records at the step. */
  record: z.enum(['parcel', 'inspection', 'shipment']).optional(),
  /** The application event the step takes (refused when the application does not allow it). */
  app_event: z.string().min(1).optional(),
  /** An application event taken only when the application still allows it (catching up). */
  sync_event: z.string().min(1).optional(),
  invoice: z.enum(['return', 'exchange', 'repair']).optional(),
  guidance: z.array(z.enum(['A9', 'A10'])).optional(),
});
const flowSchema = z.strictObject({
  /** Application states in which the flow's steps may be taken. */
  active_states: z.array(z.string().min(1)).min(1),
  machine: machineSchema,
  steps: z.record(z.string(), flowStepSchema),
});
export type FlowProfile = z.infer<typeof flowSchema>;
export type FlowStepProfile = z.infer<typeof flowStepSchema>;
const eventEffectSchema = z.strictObject({
  label_zh: z.string().min(1),
  /** A label for one case type where the same event means something else to the seller there
   *  (a direct refund on a return application means the goods never come back). */
  label_zh_by_type: z.strictObject({ refund_only: z.string().min(1), return: z.string().min(1), exchange: z.string().min(1), repair: z.string().min(1) }).partial().optional(),
  actor: z.enum(['seller', 'buyer', 'platform']),
  money: z.enum(['refund_now', 'refund_after_return', 'at_risk', 'none']),
  deadline: z.enum(['intervention', 'buyer_return', 'none']),
});
export type EventEffectProfile = z.infer<typeof eventEffectSchema>;

const aftersalesSchema = z.strictObject({
  window_days_after_success: days,
  intervention_after_hours: hours,
  reasons: z.strictObject({
    unshipped: z.array(z.string().min(1)).min(1),
    shipped: z.array(z.string().min(1)).min(1),
  }),
  /** Reasons that make the seller pay compensation; checked when the buyer picks one. */
  compensation_reasons: z.record(
    z.string(),
    z.strictObject({
      terms: z.enum(['late_shipment']),
      /** The fact that must be true for the reason to stand. */
      fact: z.enum(['out_of_stock', 'late_shipment']),
      source: sourceSchema,
    }),
  ),
  invoice_by_resolution: z.strictObject({ return: z.string(), exchange: z.string(), repair: z.string() }),
  source: sourceSchema,
  /** Refund time limits with no seed figure: null until the shop sets them. */
  time_limits: z.strictObject({
    seller_response_hours: hours.nullable(),
    auto_agree_hours: hours.nullable(),
    buyer_return_days: days.nullable(),
    source: sourceSchema,
  }),
  /** A2: the application machine of exchange and repair cases. */
  service_machine: machineSchema,
  /** A2: the goods-coming-back flow per case type. */
  flows: z.strictObject({ return: flowSchema, exchange: flowSchema, repair: flowSchema }),
  /** What each event implies before it is taken (money, deadline, who takes it). */
  event_effects: z.record(z.string(), eventEffectSchema),
});

const reviewsSchema = z.strictObject({
  mutual_window_days: days,
  scores: z.strictObject({ good: z.number().int(), neutral: z.number().int(), bad: z.number().int() }),
  default_good_after_days: days.nullable(),
  dedupe_days: days,
  /** Credit one buyer may add per calendar month (Beijing time); null: no cap. */
  monthly_cap_per_buyer: z.number().int().positive().nullable(),
  /** Only the first N counted reviews per buyer per calendar month count; null: all. */
  monthly_first_n_per_buyer: z.number().int().positive().nullable(),
  change_window_days: days.nullable(),
  change_times: z.number().int().min(0),
  dsr_months: z.number().int().positive().nullable(),
  dsr_monthly_first_n_per_buyer: z.number().int().positive().nullable(),
  followup_days: days.nullable(),
  reply_days: days.nullable(),
  source: sourceSchema,
});

const priceProtectionSchema = z.strictObject({
  supported: z.boolean(),
  include_red_packets: z.boolean(),
  subtract_shop_coupon: z.boolean(),
  /** Claims allowed per item; null: any number within the window. */
  max_claims: z.number().int().positive().nullable(),
  window_days: days.nullable(),
  /** S2: what the window counts from — the payment, or the signing for the goods (before it, still open). */
  window_from: z.enum(['paid', 'signed']),
  source: sourceSchema,
});

/** D8: promises made in chat. Project defaults (seed null), not platform figures; rules/common.yaml. */
const promisesSchema = z.strictObject({
  /** An invoice promised in chat is due this many days after the trade succeeded. */
  invoice_days_after_success: days,
  /** The agent is warned this long before a promise is due (or at 3/4 of a shorter term). */
  warn_before_hours: hours,
  /** A promise made at most this long before an order is placed is tied to that order. */
  bind_before_order_hours: hours,
  source: sourceSchema,
});
export type PromiseDefaults = z.infer<typeof promisesSchema>;

/**
 * C17 / T2: when an agent's presence turns away, when supervisors are alerted about a login left
 * without activity, and when a closed screen counts as offline. Project defaults (seed 001 says an
 * agent may not stay logged in while away, but gives no minutes); a shop overrides them.
 */
const presenceSchema = z.strictObject({
  auto_away_minutes: z.number().int().min(1).max(24 * 60),
  idle_alert_minutes: z.number().int().min(1).max(24 * 60),
  offline_after_minutes: z.number().int().min(1).max(24 * 60),
  source: sourceSchema,
});
export type PresenceRules = z.infer<typeof presenceSchema>;

export const profileSchema = z.strictObject({
  version: z.number().int().positive(),
  platform: platformSchema,
  name_zh: z.string().min(1),
  // Optional until every profile carries its guard section (owned by the guard engineer).
  // D1–D11: every merged profile must carry the reply guard; a profile without it does not load.
  guard: guardProfileSchema,
  service: serviceSchema,
  shipping: shippingSchema,
  logistics: logisticsSchema,
  late_shipment: lateShipmentSchema,
  penalties: penaltiesSchema,
  complaints: complaintsSchema,
  orders: z.strictObject({ machine: machineSchema, fraud: fraudSchema, stock: stockSchema, receipt: receiptSchema }),
  refunds: z.strictObject({ machine: machineSchema, rates: refundRatesSchema }),
  aftersales: aftersalesSchema,
  reviews: reviewsSchema,
  price_protection: priceProtectionSchema,
  promises: promisesSchema,
  presence: presenceSchema,
});

export type Profile = z.infer<typeof profileSchema>;
export type Profiles = Readonly<Record<Platform, Profile>>;
