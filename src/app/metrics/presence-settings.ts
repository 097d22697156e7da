// C17 / T2: the presence minutes (auto-away, idle-login alert, offline without a screen) as rules:
// rules/common.yaml `presence` gives the project defaults with their source, an organisation may set
// its own (organisations columns), a shop overrides them in its rule overrides (`presence`). This
// module reads them for one agent (the strictest among the shops they serve) and lets a supervisor
// or admin change a shop's values from the workbench (audited, one transaction).
import { eq, inArray } from 'drizzle-orm';
import { DxeError } from '../../core/errors.js';
import { presencePolicy, type PresenceOverride, type PresencePolicy, type PresenceRulesInput } from '../../core/metrics/idle-agents.js';
import { isPlatform, PLATFORMS } from '../../core/platforms.js';
import { isPlainObject } from '../../core/rules/merge.js';
import { profileFor } from '../../core/rules/load-profiles.js';
import type { Database, Tx } from '../../store/open-database.js';
import { agentShops, agents, organisations, shops } from '../../store/schema/index.js';
import { appendAuditIn } from '../audit/audit-log.js';
import type { Principal } from '../auth/auth.js';
import type { UseCaseDeps } from '../runtime/context.js';
import { shopEditor, settingsAudit } from '../settings/access.js';
import { shopProfile } from '../shops/shop-profile.js';

const KEYS = ['auto_away_minutes', 'idle_alert_minutes', 'offline_after_minutes'] as const;

/** The defaults as rules/common.yaml states them (platform files do not restate `presence`). */
export function presenceDefaults(): PresenceRulesInput & { note: string } {
  const p = profileFor(PLATFORMS[0]).presence;
  return { auto_away_minutes: p.auto_away_minutes, idle_alert_minutes: p.idle_alert_minutes, offline_after_minutes: p.offline_after_minutes, note: p.source.note ?? '' };
}

/** The values a shop's rule overrides set explicitly (nothing else). */
export function presenceOverrideOf(ruleOverrides: unknown): PresenceOverride {
  const o = isPlainObject(ruleOverrides) ? ruleOverrides.presence : undefined;
  if (!isPlainObject(o)) return {};
  const out: PresenceOverride = {};
  for (const k of KEYS) if (typeof o[k] === 'number' && Number.isInteger(o[k]) && (o[k] as number) > 0) out[k] = o[k] as number;
  return out;
}

type Reader = Database['db'] | Tx;

/** The policy for one agent: supervisors and admins serve the organisation's shops, agents their assigned ones. */
export async function policyForAgent(db: Reader, agent: { id: string; orgId: string; role: string }): Promise<PresencePolicy> {
  const [org] = await db.select().from(organisations).where(eq(organisations.id, agent.orgId));
  const shopIds =
    agent.role === 'agent'
      ? (await db.select({ shopId: agentShops.shopId }).from(agentShops).where(eq(agentShops.agentId, agent.id))).map((r) => r.shopId)
      : (await db.select({ id: shops.id }).from(shops).where(eq(shops.orgId, agent.orgId))).map((r) => r.id);
  const rows = shopIds.length ? await db.select({ ruleOverrides: shops.ruleOverrides }).from(shops).where(inArray(shops.id, shopIds)) : [];
  return presencePolicy(presenceDefaults(), org ?? {}, rows.map((r) => presenceOverrideOf(r.ruleOverrides)));
}

export async function policyForAgentId(db: Reader, agentId: string): Promise<PresencePolicy> {
  const [a] = await db.select({ id: agents.id, orgId: agents.orgId, role: agents.role }).from(agents).where(eq(agents.id, agentId));
  if (!a) throw new DxeError('NOT_FOUND');
  return policyForAgent(db, a);
}

export interface PresenceSettingsView {
  shopId: string;
  defaults: { autoAwayMinutes: number; idleAlertMinutes: number; offlineAfterMinutes: number; noteZh: string };
  /** The shop's own values; null where the shop follows the organisation or the defaults. */
  override: { autoAwayMinutes: number | null; idleAlertMinutes: number | null; offlineAfterMinutes: number | null };
  /** What applies in this shop. */
  effective: { autoAwayMinutes: number; idleAlertMinutes: number; offlineAfterMinutes: number };
}

async function settingsView(db: Reader, orgId: string, shopId: string, ruleOverrides: unknown): Promise<PresenceSettingsView> {
  const d = presenceDefaults();
  const [org] = await db.select().from(organisations).where(eq(organisations.id, orgId));
  const o = presenceOverrideOf(ruleOverrides);
  const eff = presencePolicy(d, org ?? {}, [o]);
  return {
    shopId,
    defaults: { autoAwayMinutes: d.auto_away_minutes, idleAlertMinutes: d.idle_alert_minutes, offlineAfterMinutes: d.offline_after_minutes, noteZh: d.note },
    override: { autoAwayMinutes: o.auto_away_minutes ?? null, idleAlertMinutes: o.idle_alert_minutes ?? null, offlineAfterMinutes: o.offline_after_minutes ?? null },
    effective: eff,
  };
}

export async function getPresenceSettings(database: Database, p: Principal, shopId: string): Promise<PresenceSettingsView> {
  if (!p.shopIds.includes(shopId)) throw new DxeError('NOT_FOUND');
  const [shop] = await database.db.select({ orgId: shops.orgId, ruleOverrides: shops.ruleOverrides }).from(shops).where(eq(shops.id, shopId));
  if (!shop) throw new DxeError('NOT_FOUND');
  return settingsView(database.db, shop.orgId, shopId, shop.ruleOverrides);
}

export interface PresenceSettingsInput {
  autoAwayMinutes: number | null;
  idleAlertMinutes: number | null;
  offlineAfterMinutes: number | null;
}

/**
 * A supervisor or admin of the shop sets (or clears, with null) the shop's presence minutes. The
 * shop's other rule overrides are kept; the merged profile must still validate.
 */
export async function savePresenceSettings(deps: UseCaseDeps, p: Principal, shopId: string, input: PresenceSettingsInput): Promise<PresenceSettingsView> {
  shopEditor(p, shopId);
  if (input.autoAwayMinutes !== null && input.idleAlertMinutes !== null && input.idleAlertMinutes < input.autoAwayMinutes) {
    throw new DxeError('VALIDATION_FAILED', '挂机提醒的分钟数不能小于自动离开的分钟数');
  }
  return deps.database.db.transaction(async (tx) => {
    const [shop] = await tx.select().from(shops).where(eq(shops.id, shopId)).for('update');
    if (!shop || !isPlatform(shop.platform)) throw new DxeError('NOT_FOUND');
    const base = isPlainObject(shop.ruleOverrides) ? { ...shop.ruleOverrides } : {};
    const presence: Record<string, number> = {};
    if (input.autoAwayMinutes !== null) presence.auto_away_minutes = input.autoAwayMinutes;
    if (input.idleAlertMinutes !== null) presence.idle_alert_minutes = input.idleAlertMinutes;
    if (input.offlineAfterMinutes !== null) presence.offline_after_minutes = input.offlineAfterMinutes;
    if (Object.keys(presence).length) base.presence = presence;
    else delete base.presence;
    try {
      shopProfile({ platform: shop.platform, ruleOverrides: base });
    } catch (err) {
      throw new DxeError('VALIDATION_FAILED', err instanceof Error ? err.message : '在线状态设置有误');
    }
    await tx.update(shops).set({ ruleOverrides: base }).where(eq(shops.id, shopId));
    await appendAuditIn(tx, settingsAudit(p, deps.now, 'settings.presence', { kind: 'shop', id: shopId }, { presence }));
    return settingsView(tx, shop.orgId, shopId, base);
  });
}
