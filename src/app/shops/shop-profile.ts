// The one way to get a shop's rules: its platform profile with the shop's overrides merged (P1–P3).
// profileFor caches merged results, so calling this per reply or per order is cheap.
import { inArray } from 'drizzle-orm';
import { DxeError } from '../../core/errors.js';
import { profileFor } from '../../core/rules/load-profiles.js';
import { isPlatform } from '../../core/platforms.js';
import type { Profile } from '../../core/rules/schema.js';
import type { Database } from '../../store/open-database.js';
import { orders, shops } from '../../store/schema/index.js';

export interface ShopRules {
  platform: string;
  ruleOverrides: unknown;
}

export function shopProfile(shop: ShopRules): Profile {
  if (!isPlatform(shop.platform)) throw new DxeError('PROFILE_INVALID', `未知平台: ${shop.platform}`);
  const o = shop.ruleOverrides;
  const empty = o === null || o === undefined || (typeof o === 'object' && Object.keys(o).length === 0);
  return profileFor(shop.platform, empty ? undefined : o);
}

/** The shop's first-reply target in seconds (C2), or null for an unknown platform. */
export function firstReplySeconds(shop: ShopRules): number | null {
  return isPlatform(shop.platform) ? shopProfile(shop).service.first_reply_seconds : null;
}

/**
 * The orders with these ids and each one's shop profile, for a sweep that plans per order: a shop
 * whose overrides do not merge maps to null (the sweep skips its orders; the broken override is
 * reported where it is edited), so one shop cannot stop the sweep for the others.
 */
export async function ordersWithProfiles(
  database: Database,
  ids: readonly string[],
): Promise<{ rows: (typeof orders.$inferSelect)[]; profiles: Map<string, Profile | null> }> {
  const rows = await database.db.select().from(orders).where(inArray(orders.id, [...ids]));
  const shopRows = await database.db.select().from(shops).where(inArray(shops.id, [...new Set(rows.map((r) => r.shopId))]));
  const profiles = new Map<string, Profile | null>();
  for (const s of shopRows) {
    try {
      profiles.set(s.id, shopProfile(s));
    } catch {
      profiles.set(s.id, null);
    }
  }
  return { rows, profiles };
}
