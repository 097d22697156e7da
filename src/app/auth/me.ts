// GET /api/v1/me: who is calling and the shops they may see (names and platforms for the
// workbench's shop picker). Only shops in the principal's scope are read.
import { inArray } from 'drizzle-orm';
import type { Database } from '../../store/open-database.js';
import { shops } from '../../store/schema/index.js';
import type { Principal } from './auth.js';

export interface MeView {
  agent: { id: string | undefined; displayName: string; role: Principal['role']; shopIds: string[] };
  shops: { id: string; name: string; platform: string }[];
}

export async function whoAmI(database: Database, p: Principal): Promise<MeView> {
  const visible = p.shopIds.length
    ? await database.db.select({ id: shops.id, name: shops.name, platform: shops.platform }).from(shops).where(inArray(shops.id, p.shopIds))
    : [];
  return { agent: { id: p.agentId, displayName: p.displayName, role: p.role, shopIds: p.shopIds }, shops: visible };
}
