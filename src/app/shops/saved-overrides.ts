// The rule overrides a shop saved in the workbench (P1), as a layer for `dxe rules show --shop`:
// read from the configured database, checked against the platform the caller asked for.
import { eq } from 'drizzle-orm';
import type { Config } from '../../config.js';
import { DxeError } from '../../core/errors.js';
import type { Database } from '../../store/open-database.js';
import { shops } from '../../store/schema/index.js';
import { openConfiguredDatabase } from '../runtime/open-runtime.js';

export interface OverridesLayer {
  data: unknown;
  /** Names the layer in the merged profile's sources. */
  label: string;
}

/** NOT_FOUND for an unknown shop; VALIDATION_FAILED when the shop is on another platform. */
export async function savedShopOverrides(database: Database, shopId: string, platform: string): Promise<OverridesLayer> {
  const [shop] = await database.db
    .select({ id: shops.id, name: shops.name, platform: shops.platform, ruleOverrides: shops.ruleOverrides })
    .from(shops)
    .where(eq(shops.id, shopId));
  if (!shop) throw new DxeError('NOT_FOUND', `找不到店铺「${shopId}」`);
  if (shop.platform !== platform) {
    throw new DxeError('VALIDATION_FAILED', `店铺「${shop.name}」属于 ${shop.platform} 平台，不是 ${platform}`);
  }
  return { data: shop.ruleOverrides, label: `店铺 ${shop.name}（${shop.id}）覆盖配置` };
}

/** The same, opening the configured database for one read (the command line). */
export async function savedShopOverridesFromConfig(config: Config, shopId: string, platform: string): Promise<OverridesLayer> {
  const database = await openConfiguredDatabase(config);
  try {
    return await savedShopOverrides(database, shopId, platform);
  } finally {
    await database.close();
  }
}
