// Per-keystroke guard check of an agent's draft (D): fast, reads the shop (cached) and the
// conversation's recent messages (the same guard context as the send), writes nothing.
import type { GuardResult } from '../../core/guard/types.js';
import { DxeError } from '../../core/errors.js';
import type { Database } from '../../store/open-database.js';
import type { Principal } from '../auth/auth.js';
import { loadShopContext } from '../shops/shop-context.js';
import { loadScoped } from './detail.js';
import { conversationGuardContext, explainVerdict, guardContext, guardReply } from './guard-reply.js';

export async function checkDraft(
  database: Database,
  p: Principal,
  input: { text: string; shopId: string; conversationId?: string },
): Promise<GuardResult> {
  if (!p.shopIds.includes(input.shopId)) throw new DxeError('NOT_FOUND');
  const shop = await loadShopContext(database, input.shopId);
  let ctx = guardContext({ freeShipping: shop.settings.freeShipping, previousOutgoing: [], askerIsBuyer: true, shopName: shop.shop.name });
  if (input.conversationId) {
    const c = await loadScoped(database, p, input.conversationId);
    if (c.shopId !== input.shopId) throw new DxeError('NOT_FOUND', '找不到该会话');
    // The same context the send will use (D5 item, D6 asker, D2 earlier messages).
    ctx = await conversationGuardContext(database, shop, c, input.text);
  }
  if (!input.text.trim()) return { verdict: 'pass', violations: [], promises: [] };
  return explainVerdict(shop.profile, guardReply(shop.profile, input.text, ctx));
}
