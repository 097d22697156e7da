// VIP tiers (M2, issue 14): which tier a buyer is in from their paid orders and spend, and the
// perks the shop lets the bot and agents offer to that tier. The thresholds start from
// rules/buyers.yaml (project defaults, seed 000 gives none) and a shop replaces them in its
// settings (`vip` in the shop's settings JSON); perks exist only where the shop wrote them.
// Pure: the counts come from the caller.
import { parse } from 'yaml';
import { z } from 'zod';
import { readShippedFile } from '../data-files.js';
import { DxeError } from '../errors.js';
import { sourceSchema } from '../rules/schema.js';

const tierId = z.string().regex(/^[a-z][a-z0-9_-]{0,30}$/);
/** An ISO 4217 code (AliExpress orders carry theirs, issue 15). */
export const currencyCode = z.string().regex(/^[A-Z]{3}$/, '币种须为 3 位 ISO 4217 代码');
/** Spend thresholds in currencies other than CNY, in major units (e.g. USD 45). Never converted. */
const otherSpend = z.record(currencyCode, z.number().min(0).max(100_000_000));

const ruleTierSchema = z.strictObject({
  id: tierId,
  name: z.string().min(1),
  min_orders: z.number().int().min(1),
  min_spend_yuan: z.number().min(0),
  min_spend_other: otherSpend.default({}),
  source: sourceSchema,
});
const fileSchema = z.strictObject({ req: z.array(z.string()), tiers: z.array(ruleTierSchema).min(1) });

/** A perk a tier may be offered (M2): a new-item discount, a coupon, a gift, free shipping. */
export const PERK_KINDS = ['new_item_discount', 'coupon', 'gift', 'free_shipping'] as const;
export type PerkKind = (typeof PERK_KINDS)[number];

export const perkSchema = z.strictObject({
  kind: z.enum(PERK_KINDS),
  /** What the buyer reads, written by the shop (e.g. 新品首发 9 折). */
  text: z.string().trim().min(1).max(60),
});
export type Perk = z.infer<typeof perkSchema>;

export const tierSchema = z.strictObject({
  id: tierId,
  name: z.string().trim().min(1).max(20),
  minOrders: z.number().int().min(1).max(100_000),
  minSpendYuan: z.number().min(0).max(100_000_000),
  /**
   * Spend thresholds per other currency (major units). A buyer's spend is kept per currency and
   * never added across currencies: spend in a currency with no threshold here counts only by orders.
   */
  minSpendByCurrency: otherSpend.default({}),
  perks: z.array(perkSchema).max(10).default([]),
});
export type Tier = z.infer<typeof tierSchema>;

/** What a shop stores under settings.vip. */
export const vipSettingsSchema = z.strictObject({
  tiers: z
    .array(tierSchema)
    .min(1)
    .max(6)
    .refine((ts) => new Set(ts.map((t) => t.id)).size === ts.length, { message: '等级编号不能重复' }),
});
export type VipSettings = z.infer<typeof vipSettingsSchema>;

let cached: z.infer<typeof fileSchema> | null = null;

function rules() {
  if (cached) return cached;
  const parsed = fileSchema.safeParse(parse(readShippedFile(import.meta.url, '../../../rules/buyers.yaml')));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new DxeError('PROFILE_INVALID', `rules/buyers.yaml: ${issue?.path.join('.') ?? ''}: ${issue?.message ?? '格式错误'}`);
  }
  cached = parsed.data;
  return cached;
}

/** The project's default tiers (rules/buyers.yaml), without perks. */
export function defaultTiers(): Tier[] {
  return rules().tiers.map((t) => ({
    id: t.id, name: t.name, minOrders: t.min_orders, minSpendYuan: t.min_spend_yuan, minSpendByCurrency: { ...t.min_spend_other }, perks: [],
  }));
}

/** Where each default figure comes from (shown next to the settings). */
export function defaultTierSources(): Record<string, string> {
  return Object.fromEntries(rules().tiers.map((t) => [t.id, sourceText(t.source.seed, t.source.note)]));
}

/** '种子 001：…' or '项目取值：…', never '项目取值：项目取值：…' when the note already says so. */
export function sourceText(seed: string | null | undefined, note: string | null | undefined): string {
  const head = seed ? `种子 ${seed}` : '项目取值';
  const rest = seed ? (note ?? '') : (note ?? '').replace(/^项目取值\s*[：:]\s*/, '');
  return rest ? `${head}：${rest}` : head;
}

/** The shop's tiers: its own (settings.vip) when readable, else the defaults. Lowest first. */
export function shopTiers(settingsVip: unknown): { tiers: Tier[]; own: boolean } {
  const own = vipSettingsSchema.safeParse(settingsVip);
  const tiers = own.success ? own.data.tiers : defaultTiers();
  return { tiers: sortTiers(tiers), own: own.success };
}

/** Lowest first: by orders, then spend. */
export function sortTiers(tiers: readonly Tier[]): Tier[] {
  return [...tiers].sort((a, b) => a.minOrders - b.minOrders || a.minSpendYuan - b.minSpendYuan);
}

export interface BuyerStanding {
  /** Paid, not closed orders in this shop (any currency). */
  paidOrders: number;
  /** Their paid amount in CNY orders, fen. */
  spendFen: number;
  /** Their paid amount in orders of other currencies, minor units per ISO code (never converted). */
  spendByCurrency?: Readonly<Record<string, number>>;
}

/** ISO 4217 minor-unit digits (most currencies 2). */
const ZERO_DIGITS = new Set(['JPY', 'KRW', 'VND', 'CLP', 'ISK', 'UGX', 'PYG', 'XAF', 'XOF']);
const THREE_DIGITS = new Set(['BHD', 'KWD', 'OMR', 'JOD', 'TND', 'IQD', 'LYD']);
export function minorDigits(currency: string): number {
  return ZERO_DIGITS.has(currency) ? 0 : THREE_DIGITS.has(currency) ? 3 : 2;
}

/** A threshold in major units as minor units of the currency. */
export function toMinor(major: number, currency: string): number {
  return Math.round(major * 10 ** minorDigits(currency));
}

/**
 * Whether the standing reaches the tier: its paid orders, its CNY spend, or its spend in one
 * other currency against that currency's own threshold (M2). Amounts of different currencies are
 * never added or converted.
 */
export function reachesTier(t: Tier, s: BuyerStanding): boolean {
  if (s.paidOrders >= t.minOrders || s.spendFen >= Math.round(t.minSpendYuan * 100)) return true;
  for (const [currency, minor] of Object.entries(s.spendByCurrency ?? {})) {
    const major = t.minSpendByCurrency?.[currency];
    if (major !== undefined && minor >= toMinor(major, currency)) return true;
  }
  return false;
}

/** The highest tier the buyer reaches by orders or by spend; null below the lowest. */
export function tierOf(tiers: readonly Tier[], s: BuyerStanding): Tier | null {
  let out: Tier | null = null;
  for (const t of sortTiers(tiers)) if (reachesTier(t, s)) out = t;
  return out;
}

/** What the planner reads about the buyer (M2): the tier and the perks it may offer. */
export interface BuyerTierInfo {
  id: string;
  name: string;
  perks: Perk[];
}

export function tierInfo(t: Tier | null): BuyerTierInfo | null {
  return t ? { id: t.id, name: t.name, perks: t.perks } : null;
}
