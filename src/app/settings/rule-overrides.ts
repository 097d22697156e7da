// A shop's own rule overrides (P1), merged over its platform profile by shopProfile(). A save must
// leave a profile that still validates; it is written with its audit row in one transaction.
import { eq } from 'drizzle-orm';
import { DxeError } from '../../core/errors.js';
import { isPlatform } from '../../core/platforms.js';
import type { Database } from '../../store/open-database.js';
import { shops } from '../../store/schema/index.js';
import { appendAuditIn } from '../audit/audit-log.js';
import { assertShopAccess } from '../auth/access.js';
import type { Principal } from '../auth/auth.js';
import type { UseCaseDeps } from '../runtime/context.js';
import { shopProfile } from '../shops/shop-profile.js';
import { orgAdmin, settingsAudit } from './access.js';
import { ruleOverridesInput, type RuleOverridesInput } from '../../core/contract/settings.js';

// The request schema is part of the API contract (core/contract), shared with the workbench.
export { ruleOverridesInput, type RuleOverridesInput };

export async function getRuleOverrides(database: Database, p: Principal, shopId: string): Promise<{ platform: string; overrides: unknown }> {
  assertShopAccess(p, shopId);
  const [shop] = await database.db.select({ ruleOverrides: shops.ruleOverrides, platform: shops.platform }).from(shops).where(eq(shops.id, shopId));
  if (!shop) throw new DxeError('NOT_FOUND');
  return { platform: shop.platform, overrides: shop.ruleOverrides };
}

/** Only admins change a shop's rules. */
export function ruleOverridesEditor(p: Principal, shopId: string): Principal {
  assertShopAccess(p, shopId);
  return orgAdmin(p);
}

/** VALIDATION_FAILED (with the profile's own message) when the merged profile does not validate. */
export async function saveRuleOverrides(deps: UseCaseDeps, p: Principal, shopId: string, input: RuleOverridesInput): Promise<void> {
  ruleOverridesEditor(p, shopId);
  await deps.database.db.transaction(async (tx) => {
    const [shop] = await tx.select({ platform: shops.platform }).from(shops).where(eq(shops.id, shopId));
    if (!shop || !isPlatform(shop.platform)) throw new DxeError('NOT_FOUND');
    try {
      shopProfile({ platform: shop.platform, ruleOverrides: input.overrides }); // P1: the merged profile must still validate
    } catch (err) {
      throw new DxeError('VALIDATION_FAILED', err instanceof Error ? err.message : '规则覆盖配置有误');
    }
    await tx.update(shops).set({ ruleOverrides: input.overrides }).where(eq(shops.id, shopId));
    await appendAuditIn(tx, settingsAudit(p, deps.now, 'settings.rule_overrides', { kind: 'shop', id: shopId }, { keys: Object.keys(input.overrides) }));
  });
}
