// A shop's VIP tiers and perks (M2, issue 14): read (the shop's own, else the project defaults of
// rules/buyers.yaml with where each figure comes from) and replaced by a supervisor or admin. The
// perk texts are sent by the bot, so they pass the reply guard on save like offer texts (issue 11).
// Stored in the shop's settings JSON (`vip`); the shop's cached context is dropped here and in
// the other processes (shop.changed), so the bot offers the new perks at once.
import { sql } from 'drizzle-orm';
import { defaultTierSources, shopTiers } from '../../core/buyers/tiers.js';
import type { VipTiersBody, VipTiersView } from '../../core/contract/buyers.js';
import { parseShopSettings } from '../../core/bot/shop-settings-schema.js';
import type { Database } from '../../store/open-database.js';
import { appendAuditIn } from '../audit/audit-log.js';
import { assertShopAccess } from '../auth/access.js';
import type { Principal } from '../auth/auth.js';
import { transact } from '../events/outbox.js';
import type { UseCaseDeps } from '../runtime/context.js';
import { settingsAudit, shopEditor } from '../settings/access.js';
import { guardWrittenTexts, type TextFinding } from '../settings/text-guard.js';
import { invalidateShopContext, loadShopContext } from '../shops/shop-context.js';

export async function vipTiers(database: Database, p: Principal, shopId: string): Promise<VipTiersView> {
  assertShopAccess(p, shopId);
  const shop = await loadShopContext(database, shopId);
  const { tiers, own } = shopTiers((parseShopSettings(shop.settings) as { vip?: unknown }).vip);
  return { shopId, own, tiers, defaultSources: defaultTierSources() };
}

export async function setVipTiers(deps: UseCaseDeps, p: Principal, shopId: string, input: VipTiersBody): Promise<VipTiersView & { warnings: TextFinding[] }> {
  shopEditor(p, shopId);
  const tiers = input.tiers;
  const warnings = tiers
    ? guardWrittenTexts(
        await loadShopContext(deps.database, shopId),
        tiers.flatMap((t) => t.perks.map((perk, i) => ({ where: `会员等级「${t.name}」第 ${i + 1} 项权益`, text: perk.text }))),
      )
    : [];
  await transact({ database: deps.database, bus: deps.bus }, async (tx, emit) => {
    if (tiers) {
      await tx.execute(sql`update shops set settings = jsonb_set(coalesce(settings, '{}'::jsonb), '{vip}', ${JSON.stringify({ tiers })}::jsonb) where id = ${shopId}`);
    } else {
      await tx.execute(sql`update shops set settings = coalesce(settings, '{}'::jsonb) - 'vip' where id = ${shopId}`);
    }
    await appendAuditIn(tx, settingsAudit(p, deps.now, 'settings.vip_tiers', { kind: 'shop', id: shopId }, { tiers: tiers?.map((t) => t.id) ?? null }));
    emit({ type: 'shop.changed', shopId, data: { what: 'vip_tiers' } });
  });
  invalidateShopContext(deps.database, shopId);
  return { ...(await vipTiers(deps.database, p, shopId)), warnings };
}
