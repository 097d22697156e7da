// A shop's own rule overrides (P1), merged over its platform profile by shopProfile(). A save must
// leave a profile that still validates; it is written with its audit row in one transaction.
// Issue 15: the read also lists every overridable figure (core/rules/override-fields.ts) with its
// meaning, the platform default and its source, for the settings form; a save checks each of
// those keys first (a Chinese reason per field), and when the ship-by hours change, the ship-by
// deadlines of the shop's paid, unshipped orders are recomputed in the same transaction (the
// deadline rows are derived from the payment time and the profile: app/timers/order-deadlines);
// when the refund time limits change, open cases' limit rows are re-timed the same way.
import { and, eq, isNotNull, isNull } from 'drizzle-orm';
import { DxeError } from '../../core/errors.js';
import { isPlatform } from '../../core/platforms.js';
import type { Database } from '../../store/open-database.js';
import { orders, shops } from '../../store/schema/index.js';
import { OVERRIDE_FIELDS, overrideConsistencyErrors, overrideFieldErrors, sourceAt, valueAt } from '../../core/rules/override-fields.js';
import { profileFor } from '../../core/rules/load-profiles.js';
import type { RuleOverrideFieldView } from '../../core/contract/views.js';
import { syncOrderDeadlines } from '../timers/order-deadlines.js';
import { retimeOpenCaseLimits, timeLimitsChanged } from '../cases/case-time-limits.js';
import { appendAuditIn } from '../audit/audit-log.js';
import { assertShopAccess } from '../auth/access.js';
import type { Principal } from '../auth/auth.js';
import type { UseCaseDeps } from '../runtime/context.js';
import { shopProfile } from '../shops/shop-profile.js';
import { orgAdmin, settingsAudit } from './access.js';
import { ruleOverridesInput, type RuleOverridesInput } from '../../core/contract/settings.js';

// The request schema is part of the API contract (core/contract), shared with the workbench.
export { ruleOverridesInput, type RuleOverridesInput };

export async function getRuleOverrides(
  database: Database,
  p: Principal,
  shopId: string,
): Promise<{ platform: string; overrides: unknown; fields: RuleOverrideFieldView[] }> {
  assertShopAccess(p, shopId);
  const [shop] = await database.db.select({ ruleOverrides: shops.ruleOverrides, platform: shops.platform }).from(shops).where(eq(shops.id, shopId));
  if (!shop) throw new DxeError('NOT_FOUND');
  return { platform: shop.platform, overrides: shop.ruleOverrides, fields: isPlatform(shop.platform) ? overrideFields(shop.platform, shop.ruleOverrides) : [] };
}

/** Every overridable figure of the platform's profile, with the shop's value where it overrides one. */
export function overrideFields(platform: Parameters<typeof profileFor>[0], overrides: unknown): RuleOverrideFieldView[] {
  const base = profileFor(platform);
  return OVERRIDE_FIELDS.map((f) => {
    const own = valueAt(overrides, f.path);
    const platformDefault = valueAt(base, f.path) ?? null;
    return {
      path: f.path,
      kind: f.kind,
      nullable: f.nullable === true,
      options: [...(f.options ?? [])],
      meaningZh: f.meaningZh,
      meaningEn: f.meaningEn,
      platformDefault,
      source: sourceAt(base, f.path),
      overridden: own !== undefined,
      value: own !== undefined ? own : platformDefault,
    };
  });
}

/** Only admins change a shop's rules. */
export function ruleOverridesEditor(p: Principal, shopId: string): Principal {
  assertShopAccess(p, shopId);
  return orgAdmin(p);
}

/**
 * VALIDATION_FAILED with `details.fields` (a Chinese reason per form key) when a figure does not
 * fit, or with the profile's own message when the merged profile does not validate. Returns how
 * many open orders' ship-by deadlines were recomputed.
 */
export async function saveRuleOverrides(deps: UseCaseDeps, p: Principal, shopId: string, input: RuleOverridesInput): Promise<{ rescheduled: number; retimedCases: number }> {
  ruleOverridesEditor(p, shopId);
  const fieldErrors = overrideFieldErrors(input.overrides);
  if (fieldErrors.length > 0) {
    throw new DxeError('VALIDATION_FAILED', fieldErrors.map((e) => e.messageZh).join('；'), { fields: fieldErrors });
  }
  return deps.database.db.transaction(async (tx) => {
    const [shop] = await tx.select({ platform: shops.platform, ruleOverrides: shops.ruleOverrides }).from(shops).where(eq(shops.id, shopId));
    if (!shop || !isPlatform(shop.platform)) throw new DxeError('NOT_FOUND');
    let profile;
    try {
      profile = shopProfile({ platform: shop.platform, ruleOverrides: input.overrides }); // P1: the merged profile must still validate
    } catch (err) {
      throw new DxeError('VALIDATION_FAILED', err instanceof Error ? err.message : '规则覆盖配置有误');
    }
    const clashes = overrideConsistencyErrors(profile);
    if (clashes.length > 0) throw new DxeError('VALIDATION_FAILED', clashes.map((e) => e.messageZh).join('；'), { fields: clashes });
    let before: number | null = null;
    let beforeProfile: ReturnType<typeof shopProfile> | null = null;
    try {
      beforeProfile = shopProfile({ platform: shop.platform, ruleOverrides: shop.ruleOverrides });
      before = beforeProfile.shipping.ship_by_hours;
    } catch {
      before = null; // a stored override that no longer validates: recompute all
    }
    await tx.update(shops).set({ ruleOverrides: input.overrides }).where(eq(shops.id, shopId));
    let rescheduled = 0;
    if (before !== profile.shipping.ship_by_hours) {
      // O3: the countdown of every paid, unshipped, open order follows the new hours at once.
      const open = await tx
        .select()
        .from(orders)
        .where(and(eq(orders.shopId, shopId), isNotNull(orders.paidAt), isNull(orders.shippedAt), isNull(orders.completedAt), isNull(orders.closedAt)));
      for (const order of open) await syncOrderDeadlines(tx, order, profile, deps.now);
      rescheduled = open.length;
    }
    // Issue 15: the refund time limits of open cases follow a changed setting the same way.
    const retimedCases = timeLimitsChanged(beforeProfile, profile) ? await retimeOpenCaseLimits(tx, profile, shopId, deps.now) : 0;
    await appendAuditIn(
      tx,
      settingsAudit(p, deps.now, 'settings.rule_overrides', { kind: 'shop', id: shopId }, { keys: Object.keys(input.overrides), shipByHours: { from: before, to: profile.shipping.ship_by_hours }, rescheduled, retimedCases }),
    );
    return { rescheduled, retimedCases };
  });
}
