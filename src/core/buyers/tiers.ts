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

const ruleTierSchema = z.strictObject({
  id: tierId,
  name: z.string().min(1),
  min_orders: z.number().int().min(1),
  min_spend_yuan: z.number().min(0),
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
  return rules().tiers.map((t) => ({ id: t.id, name: t.name, minOrders: t.min_orders, minSpendYuan: t.min_spend_yuan, perks: [] }));
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
  /** Paid, not closed orders in this shop. */
  paidOrders: number;
  /** Their paid amount, CNY fen. */
  spendFen: number;
}

/** The highest tier the buyer reaches by orders or by spend; null below the lowest. */
export function tierOf(tiers: readonly Tier[], s: BuyerStanding): Tier | null {
  let out: Tier | null = null;
  for (const t of sortTiers(tiers)) {
    if (s.paidOrders >= t.minOrders || s.spendFen >= Math.round(t.minSpendYuan * 100)) out = t;
  }
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
