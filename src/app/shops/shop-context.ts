// A shop as the bot sees it (core/bot/types.ts shapes): its settings, merged rule profile (P1),
// listed items with variants and stock (O5), active promotions (C7) and standard answers (C12).
// Read on every buyer message, so it is cached per database and shop; every writer of these
// (settings, catalogue, answers, promotions, rule overrides) invalidates it, and the event
// `shop.changed` carries the invalidation to the other `dxe serve` processes. A cached entry is
// also re-read after CACHE_TTL_MS, so a change made behind the application's back shows soon.
import { and, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { DxeError } from '../../core/errors.js';
import {
  parseShopSettings,
  sizeChartSchema,
  toPlannerSettings,
  type StoredShopSettings,
} from '../../core/bot/shop-settings-schema.js';
import type { Item, PlatformId, Promotion, Shop, StandardAnswer } from '../../core/bot/types.js';
import { isPlatform } from '../../core/platforms.js';
import type { Profile, ShippingFeeTable } from '../../core/rules/schema.js';
import { storedFeeTable } from '../../core/contract/shipping-fees.js';
import type { Database } from '../../store/open-database.js';
import * as t from '../../store/schema/index.js';
import type { EventBus } from '../events/event-bus.js';
import { shopProfile } from './shop-profile.js';
import { disruptionSpansOf, loadShopDisruptionSpans } from './disruption-spans.js';
import type { DisruptionSpan } from '../../core/logistics/disruptions.js';

const CACHE_TTL_MS = 30_000;

export interface ShopContext {
  shop: Shop;
  settings: StoredShopSettings;
  profile: Profile;
  ruleOverrides: unknown;
  items: Item[];
  promotions: Promotion[];
  standardAnswers: StandardAnswer[];
  /** D5: listed items that carry their own 包邮 promise (true or false); others follow the shop. */
  freeShippingByItem: ReadonlyMap<string, boolean>;
  /** O6: the shop's own 运费模板 (settings.shippingFees) when set and valid; absent: the rules' example. */
  shippingFeeTable?: ShippingFeeTable;
  /**
   * O7: the spans that may explain a parcel's delay — the shop's own 物流异常 entries, then the
   * holiday calendar (rules/logistics-calendar.yaml); matched per order by province and days.
   */
  disruptions: DisruptionSpan[];
}

async function readShopContext(database: Database, shopId: string): Promise<ShopContext> {
  const { db } = database;
  const [row] = await db.select().from(t.shops).where(eq(t.shops.id, shopId));
  if (!row) throw new DxeError('NOT_FOUND', '找不到该店铺');
  if (!isPlatform(row.platform)) throw new DxeError('PROFILE_INVALID', `未知平台: ${row.platform}`);
  const settings = parseShopSettings(row.settings);
  const itemRows = await db
    .select()
    .from(t.items)
    .where(and(eq(t.items.shopId, shopId), eq(t.items.listed, true)));
  const variantRows = itemRows.length
    ? await db
        .select()
        .from(t.itemVariants)
        .where(
          inArray(
            t.itemVariants.itemId,
            itemRows.map((i) => i.id),
          ),
        )
    : [];
  const promoRows = await db
    .select()
    .from(t.promotions)
    .where(and(eq(t.promotions.shopId, shopId), eq(t.promotions.active, true)));
  const answerRows = await db.select().from(t.standardAnswers).where(eq(t.standardAnswers.shopId, shopId));
  const shopSpans = await loadShopDisruptionSpans(database, shopId);
  const platform: PlatformId = row.platform;
  const ownFeeTable = storedFeeTable((settings as { shippingFees?: unknown }).shippingFees);
  return {
    shop: {
      id: row.id,
      name: row.name,
      platform,
      agentName: settings.agentName,
      ...(settings.botName ? { botName: settings.botName } : {}),
      settings: toPlannerSettings(settings),
    },
    settings,
    profile: shopProfile(row),
    ruleOverrides: row.ruleOverrides,
    items: itemRows.map((i) => {
      const chart = sizeChartSchema.safeParse(i.sizeChart);
      return {
        id: i.id,
        title: i.title,
        category: i.category,
        price: i.priceFen / 100,
        attributes: i.attributes,
        variants: variantRows
          .filter((v) => v.itemId === i.id)
          .map((v) => ({ colour: v.colour, size: v.size, stock: v.stock })),
        similarItemIds: i.similarItemIds,
        ...(chart.success && chart.data.length ? { sizeChart: chart.data } : {}),
      };
    }),
    promotions: promoRows.map((p) => ({
      id: p.id,
      kind: p.kind,
      text: p.text,
      // C7: the bot offers only what the shop explicitly allowed it to offer.
      botMayOffer: z.object({ botMayOffer: z.boolean() }).safeParse(p.value).data?.botMayOffer ?? false,
      ...(p.startsAt ? { validFrom: p.startsAt.toISOString() } : {}),
      ...(p.endsAt ? { validTo: p.endsAt.toISOString() } : {}),
    })),
    standardAnswers: answerRows.map((a) => ({ intent: a.intent, variants: a.variants })),
    freeShippingByItem: new Map(itemRows.flatMap((i) => (i.freeShipping === null ? [] : [[i.id, i.freeShipping] as const]))),
    ...(ownFeeTable ? { shippingFeeTable: ownFeeTable } : {}),
    disruptions: disruptionSpansOf(shopSpans),
  };
}


interface Cached {
  at: number;
  value: Promise<ShopContext>;
}
const caches = new WeakMap<Database, Map<string, Cached>>();

/** The shop's context, from the cache when fresh. NOT_FOUND for a shop that does not exist. */
export async function loadShopContext(database: Database, shopId: string, nowMs = Date.now()): Promise<ShopContext> {
  let cache = caches.get(database);
  if (!cache) caches.set(database, (cache = new Map()));
  const hit = cache.get(shopId);
  if (hit && nowMs - hit.at < CACHE_TTL_MS) return hit.value;
  const value = readShopContext(database, shopId);
  cache.set(shopId, { at: nowMs, value });
  // A failed read (unknown shop, database down) is not remembered.
  value.catch(() => {
    if (cache.get(shopId)?.value === value) cache.delete(shopId);
  });
  return value;
}

/** Drops the cached context of one shop (or all) after a write to it in this process. */
export function invalidateShopContext(database: Database, shopId?: string): void {
  const cache = caches.get(database);
  if (!cache) return;
  if (shopId) cache.delete(shopId);
  else cache.clear();
}

/** Keeps this process's cache in step with writes made by other processes (shop.changed). */
export function followShopChanges(database: Database, bus: EventBus): () => void {
  return bus.subscribe((event) => {
    if (event.type === 'shop.changed') invalidateShopContext(database, event.shopId);
  });
}
