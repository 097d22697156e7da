// A bare organisation and shop (no demo data) for store-level tests of orders, cases and timers.
import { randomUUID } from 'node:crypto';
import type { Database } from '../../src/store/open-database.js';
import { organisations, shops } from '../../src/store/schema/index.js';

export async function createShop(database: Database, platform = 'tmall'): Promise<{ orgId: string; shopId: string }> {
  const [org] = await database.db.insert(organisations).values({ name: `测试公司-${randomUUID().slice(0, 6)}` }).returning();
  const [shop] = await database.db
    .insert(shops)
    .values({ orgId: org!.id, platform, name: `测试店铺-${platform}` })
    .returning();
  return { orgId: org!.id, shopId: shop!.id };
}
