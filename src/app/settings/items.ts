// A shop's items and their stock per colour and size (O5), which the bot quotes live, and each
// item's own 包邮 promise (D5; null follows the shop). A save
// creates or patches each item by SKU and upserts its variants, together with its audit row in
// one transaction.
import { and, eq, inArray } from 'drizzle-orm';
import { DxeError } from '../../core/errors.js';
import type { Database } from '../../store/open-database.js';
import { items, itemVariants } from '../../store/schema/index.js';
import { appendAuditIn } from '../audit/audit-log.js';
import { assertShopAccess } from '../auth/access.js';
import type { Principal } from '../auth/auth.js';
import type { UseCaseDeps } from '../runtime/context.js';
import { invalidateShopContext } from '../shops/shop-context.js';
import { settingsAudit, shopEditor } from './access.js';
import { itemsInput, type ItemsInput } from '../../core/contract/settings.js';

// The request schema is part of the API contract (core/contract), shared with the workbench.
export { itemsInput, type ItemsInput };

export async function listItems(database: Database, p: Principal, shopId: string) {
  assertShopAccess(p, shopId);
  const { db } = database;
  const rows = await db.select().from(items).where(eq(items.shopId, shopId)).orderBy(items.sku);
  const variants = rows.length ? await db.select().from(itemVariants).where(inArray(itemVariants.itemId, rows.map((r) => r.id))) : [];
  return {
    items: rows.map((r) => ({
      id: r.id,
      sku: r.sku,
      title: r.title,
      category: r.category,
      priceFen: r.priceFen,
      listed: r.listed,
      freeShipping: r.freeShipping,
      attributes: r.attributes,
      variants: variants
        .filter((v) => v.itemId === r.id)
        .map((v) => ({ colour: v.colour, size: v.size, stock: v.stock }))
        .sort((a, b) => `${a.colour}/${a.size}`.localeCompare(`${b.colour}/${b.size}`, 'zh')),
    })),
  };
}

/** A new SKU needs title, category and price; a known one is patched with what is given. */
export async function saveItems(deps: UseCaseDeps, p: Principal, shopId: string, input: ItemsInput): Promise<void> {
  shopEditor(p, shopId);
  await deps.database.db.transaction(async (tx) => {
    for (const it of input.items) {
      const [existing] = await tx.select({ id: items.id }).from(items).where(and(eq(items.shopId, shopId), eq(items.sku, it.sku)));
      let itemId = existing?.id;
      if (!itemId) {
        if (!it.title || !it.category || it.priceFen === undefined) {
          throw new DxeError('VALIDATION_FAILED', `新商品 ${it.sku} 需要填写名称、类目和价格`);
        }
        const [row] = await tx
          .insert(items)
          .values({
            shopId, sku: it.sku, title: it.title, category: it.category, priceFen: it.priceFen, listed: it.listed ?? true,
            freeShipping: it.freeShipping ?? null,
          })
          .returning({ id: items.id });
        itemId = row!.id;
      } else {
        const patch = { title: it.title, category: it.category, priceFen: it.priceFen, listed: it.listed, freeShipping: it.freeShipping };
        const set = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
        if (Object.keys(set).length) await tx.update(items).set(set).where(eq(items.id, itemId));
      }
      for (const v of it.variants ?? []) {
        await tx
          .insert(itemVariants)
          .values({ itemId, colour: v.colour, size: v.size, stock: v.stock })
          .onConflictDoUpdate({ target: [itemVariants.itemId, itemVariants.colour, itemVariants.size], set: { stock: v.stock } });
      }
    }
    await appendAuditIn(tx, settingsAudit(p, deps.now, 'settings.items', { kind: 'shop', id: shopId }, { skus: input.items.map((i) => i.sku) }));
  });
  // The guard reads 包邮 per item from the shop's cached context (D5): this process sees it now.
  invalidateShopContext(deps.database, shopId);
}
