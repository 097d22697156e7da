// O6: a shop's own 运费模板 (first-weight price plus a price per extra kg, per province group), read
// by everyone who may see the shop and replaced by a supervisor or admin. Stored in the shop's
// settings JSON (`shippingFees`) like the VIP tiers; the save writes its audit row in the same
// transaction (A11) and drops the cached shop context here and in the other processes
// (shop.changed), so the bot and the agents' suggestions quote the new figures at once.
// Without a table of its own the shop uses the rules' example (rules/common.yaml, seed 004).
import { sql } from 'drizzle-orm';
import { DxeError } from '../../core/errors.js';
import { PROVINCES } from '../../core/money/province.js';
import type { ShippingFeeTable } from '../../core/rules/schema.js';
import { feeTableErrors, storedFeeTable, type ShippingFeesBody, type ShippingFeesView } from '../../core/contract/shipping-fees.js';
import type { Database } from '../../store/open-database.js';
import { appendAuditIn } from '../audit/audit-log.js';
import { assertShopAccess } from '../auth/access.js';
import type { Principal } from '../auth/auth.js';
import { transact } from '../events/outbox.js';
import type { UseCaseDeps } from '../runtime/context.js';
import { invalidateShopContext, loadShopContext } from '../shops/shop-context.js';
import { settingsAudit, shopEditor } from './access.js';

/** The table without the rules' bookkeeping (source), as the contract shows it. */
function plain(table: ShippingFeeTable): ShippingFeeTable {
  return {
    first_kg: table.first_kg,
    extra_weight_rounding: table.extra_weight_rounding,
    default: { first: table.default.first, extra_per_kg: table.default.extra_per_kg },
    regions: table.regions.map((r) => ({
      provinces: [...r.provinces],
      first: r.first,
      ...(r.first_kg !== undefined ? { first_kg: r.first_kg } : {}),
      extra_per_kg: r.extra_per_kg,
      ...(r.note !== undefined ? { note: r.note } : {}),
    })),
  };
}

export async function shippingFees(database: Database, p: Principal, shopId: string): Promise<ShippingFeesView> {
  assertShopAccess(p, shopId);
  const shop = await loadShopContext(database, shopId);
  const own = storedFeeTable((shop.settings as { shippingFees?: unknown }).shippingFees);
  const example = plain(shop.profile.shipping.fee_table_example);
  return { shopId, own: own !== null, table: own ? plain(own) : example, example, provinces: [...PROVINCES] };
}

/** VALIDATION_FAILED with `details.fields` (code, path, Chinese reason) when the table does not fit. */
export async function setShippingFees(deps: UseCaseDeps, p: Principal, shopId: string, input: ShippingFeesBody): Promise<ShippingFeesView> {
  shopEditor(p, shopId);
  const table = input.table;
  if (table) {
    const errors = feeTableErrors(table);
    if (errors.length > 0) {
      throw new DxeError('VALIDATION_FAILED', `运费模板有误：${errors.slice(0, 5).map((e) => e.messageZh).join('；')}`, { fields: errors });
    }
  }
  await transact({ database: deps.database, bus: deps.bus }, async (tx, emit) => {
    if (table) {
      await tx.execute(sql`update shops set settings = jsonb_set(coalesce(settings, '{}'::jsonb), '{shippingFees}', ${JSON.stringify(table)}::jsonb) where id = ${shopId}`);
    } else {
      await tx.execute(sql`update shops set settings = coalesce(settings, '{}'::jsonb) - 'shippingFees' where id = ${shopId}`);
    }
    await appendAuditIn(
      tx,
      settingsAudit(p, deps.now, 'settings.shipping_fees', { kind: 'shop', id: shopId }, { groups: table ? table.regions.length : null, cleared: table === null }),
    );
    emit({ type: 'shop.changed', shopId, data: { what: 'shipping_fees' } });
  });
  invalidateShopContext(deps.database, shopId);
  return shippingFees(deps.database, p, shopId);
}
