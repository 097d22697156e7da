// The item card a buyer chats from, named by its id, SKU (TS-001) or part of its title.
import { and, eq, like, or } from 'drizzle-orm';
import type { Database } from '../../store/open-database.js';
import { items } from '../../store/schema/index.js';

export async function findItemCard(database: Database, shopId: string, ref: string): Promise<{ id: string; title: string } | null> {
  const [row] = await database.db
    .select({ id: items.id, title: items.title })
    .from(items)
    .where(and(eq(items.shopId, shopId), or(eq(items.id, ref), eq(items.sku, ref), like(items.title, `%${ref}%`))))
    .limit(1);
  return row ?? null;
}
