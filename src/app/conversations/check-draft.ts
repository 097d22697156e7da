// Per-keystroke guard check of an agent's draft (D): fast, reads the shop (cached) and the
// conversation's recent outgoing messages, writes nothing.
import { and, desc, eq } from 'drizzle-orm';
import type { GuardResult } from '../../core/guard/types.js';
import { DxeError } from '../../core/errors.js';
import type { Database } from '../../store/open-database.js';
import { messages } from '../../store/schema/index.js';
import type { Principal } from '../auth/auth.js';
import { loadShopContext } from '../shops/shop-context.js';
import { loadScoped } from './detail.js';
import { guardContext, guardReply } from './guard-reply.js';

export async function checkDraft(
  database: Database,
  p: Principal,
  input: { text: string; shopId: string; conversationId?: string },
): Promise<GuardResult> {
  if (!p.shopIds.includes(input.shopId)) throw new DxeError('NOT_FOUND');
  const shop = await loadShopContext(database, input.shopId);
  let previousOutgoing: string[] = [];
  if (input.conversationId) {
    const c = await loadScoped(database, p, input.conversationId);
    if (c.shopId !== input.shopId) throw new DxeError('NOT_FOUND', '找不到该会话');
    const rows = await database.db.select({ text: messages.text }).from(messages)
      .where(and(eq(messages.conversationId, c.id), eq(messages.direction, 'out')))
      .orderBy(desc(messages.seq)).limit(10);
    previousOutgoing = rows.map((r) => r.text).reverse();
  }
  if (!input.text.trim()) return { verdict: 'pass', violations: [], promises: [] };
  return guardReply(shop.profile, input.text, guardContext({ freeShipping: shop.settings.freeShipping, previousOutgoing }));
}
