// Shop settings as stored (a JSON column) → the ShopSettings the planner reads. Parsed at the
// boundary with zod; every field has a default so a new shop works before anyone configures it.
import { z } from 'zod';
import type { ShopSettings } from './types.js';

const range = z.tuple([z.number(), z.number()]);

export const sizeChartSchema = z.array(
  z.object({ size: z.string().min(1), heightCm: range, weightJin: range }),
);

export const shopSettingsSchema = z
  .object({
    /** How the agent introduces itself in the welcome (C3). */
    agentName: z.string().min(1).default('客服小二'),
    /**
     * The bot's persona name (issue 12), distinct from the agents'. Absent: "智能助手".
     */
    botName: z.string().min(1).max(30).optional(),
    shipCutoff: z
      .string()
      .regex(/^\d{1,2}:\d{2}$/)
      .default('16:00'),
    couriers: z.array(z.string().min(1)).default(['中通快递', '圆通速递']),
    freeShipping: z.boolean().default(false),
    freeShippingExcludedRegions: z
      .array(z.object({ region: z.string().min(1), feeYuan: z.number().nonnegative().optional() }))
      .default([]),
    welcomeText: z.string().min(1).optional(),
    invoice: z
      .object({ types: z.array(z.string().min(1)).min(1), when: z.string().min(1) })
      .default({ types: ['电子普通发票'], when: '确认收货后' }),
    returnDays: z.number().int().min(0).default(7),
    returnShippingNote: z.string().default('七天无理由退换货，退回时请保持吊牌完好'),
    crossSell: z.record(z.string(), z.array(z.string())).default({}),
    bot: z
      .object({
        handoverBelowConfidence: z.number().min(0).max(1).default(0.3),
        clarifyBelowConfidence: z.number().min(0).max(1).default(0.55),
        maxBotTurnsWithoutHuman: z.number().int().min(1).default(8),
        lowStockThreshold: z.number().int().min(0).default(5),
      })
      .default({
        handoverBelowConfidence: 0.3,
        clarifyBelowConfidence: 0.55,
        maxBotTurnsWithoutHuman: 8,
        lowStockThreshold: 5,
      }),
    /** Bridge reply delivery (docs/openapi-bridge.yaml): replies are POSTed here when set. */
    bridgeCallbackUrl: z.url().optional(),
  })
  .loose();

export type StoredShopSettings = z.infer<typeof shopSettingsSchema>;

/** Parse stored settings; unreadable fields fall back to their defaults rather than stopping the bot. */
export function parseShopSettings(raw: unknown): StoredShopSettings {
  const full = shopSettingsSchema.safeParse(raw ?? {});
  if (full.success) return full.data;
  // Drop the fields that failed and parse again, so one bad value does not lose the rest.
  const bad = new Set(full.error.issues.map((i) => String(i.path[0])));
  const obj = raw && typeof raw === 'object' && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {};
  const kept = Object.fromEntries(Object.entries(obj).filter(([k]) => !bad.has(k)));
  return shopSettingsSchema.parse(kept);
}

export function toPlannerSettings(s: StoredShopSettings): ShopSettings {
  return {
    shipCutoff: s.shipCutoff,
    couriers: s.couriers,
    freeShipping: s.freeShipping,
    freeShippingExcludedRegions: s.freeShippingExcludedRegions,
    ...(s.welcomeText ? { welcomeText: s.welcomeText } : {}),
    invoice: s.invoice,
    returnDays: s.returnDays,
    returnShippingNote: s.returnShippingNote,
    crossSell: s.crossSell,
    bot: s.bot,
  };
}
