// The buyers (CRM) API (issue 14: M1–M3): the buyer list by segment (VIP tier, tag), one buyer's
// profile with purchase and service history (personal data masked unless the role may see it),
// editing notes, tags and occupation, the shop's VIP tiers and perks, and the store's figures per
// month with the follow-up flows' figures for the dashboard. Shared by the server and the workbench.
import { z } from 'zod';
import { tierSchema } from '../buyers/tiers.js';
import { flowStatsSchema } from './followups.js';

export const buyerIdParams = z.object({ id: z.string().min(1).max(100) });
export const buyerShopParams = z.object({ shopId: z.string().min(1).max(100) });

/** A segment: a tier (or `none`: below every tier), a tag, a word of the name/account. */
export const buyerListQuery = z.object({
  tier: z.string().min(1).max(40).optional(),
  tag: z.string().trim().min(1).max(20).optional(),
  q: z.string().trim().min(1).max(40).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export type BuyerListQuery = z.infer<typeof buyerListQuery>;

const tierRef = z.object({ id: z.string(), name: z.string() }).nullable();

export const buyerRowSchema = z.object({
  id: z.string(),
  shopId: z.string(),
  platformAccount: z.string(),
  nickname: z.string().nullable(),
  city: z.string().nullable(),
  tags: z.array(z.string()),
  paidOrders: z.number(),
  /** Spend in CNY orders, fen. */
  spendFen: z.number(),
  /** Spend in orders of other currencies, minor units per ISO code (issue 15; never converted). */
  spendByCurrency: z.record(z.string(), z.number()),
  lastOrderAt: z.string().nullable(),
  tier: tierRef,
  optedOut: z.boolean(),
});
export type BuyerRow = z.infer<typeof buyerRowSchema>;

export const buyerListSchema = z.object({
  shopId: z.string(),
  /** Buyers in the segment (all of them, not only the rows listed). */
  total: z.number(),
  /** Buyers per tier in the shop (`none`: below every tier), for the segment picker. */
  byTier: z.record(z.string(), z.number()),
  tiers: z.array(z.object({ id: z.string(), name: z.string() })),
  items: z.array(buyerRowSchema),
});
export type BuyerListView = z.infer<typeof buyerListSchema>;

export const buyerProfileSchema = z.object({
  id: z.string(),
  shopId: z.string(),
  shopName: z.string(),
  platformAccount: z.string(),
  nickname: z.string().nullable(),
  phone: z.string().nullable(),
  /** F4: the email an agent recorded for re-visit mail (masked unless the role may see it). */
  email: z.string().nullable(),
  address: z.string().nullable(),
  city: z.string().nullable(),
  occupation: z.string().nullable(),
  tags: z.array(z.string()),
  notes: z.string().nullable(),
  /** Phone and address shown masked (an agent's role). */
  masked: z.boolean(),
  createdAt: z.string(),
  standing: z.object({ paidOrders: z.number(), spendFen: z.number(), spendByCurrency: z.record(z.string(), z.number()) }),
  tier: tierRef,
  /** The next tier and what is missing to reach it (orders or spend, whichever is closer). */
  nextTier: z.object({ id: z.string(), name: z.string(), ordersToGo: z.number(), spendFenToGo: z.number(), spendToGoByCurrency: z.record(z.string(), z.number()) }).nullable(),
  perks: z.array(z.object({ kind: z.string(), text: z.string() })),
  optedOut: z.object({ at: z.string(), source: z.string() }).nullable(),
  purchases: z.array(
    z.object({
      orderId: z.string(),
      platformOrderNo: z.string(),
      state: z.string(),
      totalFen: z.number(),
      orderedAt: z.string().nullable(),
      items: z.array(z.string()),
    }),
  ),
  service: z.array(
    z.object({
      kind: z.enum(['conversation', 'case', 'followup']),
      id: z.string(),
      at: z.string(),
      title: z.string(),
      detail: z.string(),
    }),
  ),
});
export type BuyerProfileView = z.infer<typeof buyerProfileSchema>;

const tag = z.string().trim().min(1, '标签不能为空').max(20, '标签不能超过 20 字');
export const buyerUpdateBody = z.strictObject({
  notes: z.string().max(2000, '备注不能超过 2000 字').nullable().optional(),
  tags: z.array(tag).max(20, '标签最多 20 个').optional(),
  occupation: z.string().trim().max(40, '职业不能超过 40 字').nullable().optional(),
});
export type BuyerUpdateBody = z.infer<typeof buyerUpdateBody>;

export const vipTiersViewSchema = z.object({
  shopId: z.string(),
  /** The shop's own tiers (true) or the project defaults (false). */
  own: z.boolean(),
  tiers: z.array(tierSchema),
  /** Where each default threshold comes from (rules/buyers.yaml). */
  defaultSources: z.record(z.string(), z.string()),
});
export type VipTiersView = z.infer<typeof vipTiersViewSchema>;

/** A shop's tiers; null: back to the project defaults. */
export const vipTiersBody = z.strictObject({ tiers: z.array(tierSchema).min(1).max(6).nullable() });
export type VipTiersBody = z.infer<typeof vipTiersBody>;

export const storeFiguresQuery = z.object({ months: z.coerce.number().int().min(1).max(24).default(6) });

export const storeFiguresSchema = z.object({
  shopId: z.string(),
  /** Beijing calendar months, oldest first. */
  months: z.array(
    z.object({
      month: z.string(),
      /** Items on sale at some time in the month. */
      itemsListed: z.number(),
      /** Listed items with at least one paid sale in the month (动销). */
      itemsSold: z.number(),
      /** Units sold in the month (paid order lines). */
      unitsSold: z.number(),
      /** itemsSold / itemsListed; null with nothing listed. */
      sellThrough: z.number().nullable(),
    }),
  ),
  /** The follow-up flows' figures over the last 90 days (what they earn). */
  flows: z.array(flowStatsSchema.extend({ title: z.string() })),
});
export type StoreFiguresView = z.infer<typeof storeFiguresSchema>;

/** The segment picker for targeted messages (F4, M2): buyers per VIP tier and per tag. */
export const buyerSegmentsSchema = z.object({
  shopId: z.string(),
  buyers: z.number(),
  /** The shop's tiers, lowest first, then `none` (below every tier). */
  tiers: z.array(z.object({ id: z.string(), name: z.string(), buyers: z.number() })),
  /** Tags in use, most buyers first (at most 100). */
  tags: z.array(z.object({ tag: z.string(), buyers: z.number() })),
});
export type BuyerSegmentsView = z.infer<typeof buyerSegmentsSchema>;
