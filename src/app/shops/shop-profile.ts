// The one way to get a shop's rules: its platform profile with the shop's overrides merged (P1–P3).
// profileFor caches merged results, so calling this per reply or per order is cheap.
import { DxeError } from '../../core/errors.js';
import { profileFor } from '../../core/rules/load-profiles.js';
import { isPlatform } from '../../core/platforms.js';
import type { Profile } from '../../core/rules/schema.js';

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
