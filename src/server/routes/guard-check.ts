// Per-keystroke guard check for the reply box (D): fast, reads the shop and recent outgoing
// messages, writes nothing.
import type { FastifyPluginAsync } from 'fastify';
import { and, desc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { loadScoped } from '../../app/conversations/conversations.js';
import { guardReply } from '../../app/conversations/send-reply.js';
import { shopProfile } from '../../app/shops/shop-profile.js';
import { DxeError } from '../../core/errors.js';
import { messages, shops } from '../../store/schema/index.js';
import { assertShop } from '../auth.js';

const body = z.object({
  text: z.string().max(2000, '消息过长（最多 2000 字）'),
  shopId: z.string().min(1).max(100),
  conversationId: z.string().min(1).max(100).optional(),
});
const settingsSchema = z.object({ freeShipping: z.boolean().optional() }).loose();

const guardCheckRoutes: FastifyPluginAsync = async (app) => {
  app.post('/api/v1/guard/check', { preHandler: app.authenticate }, async (request) => {
    const input = body.parse(request.body);
    const p = assertShop(request, input.shopId);
    const { db } = app.ctx.database;
    const [shop] = await db.select().from(shops).where(eq(shops.id, input.shopId));
    if (!shop) throw new DxeError('NOT_FOUND');
    let previousOutgoing: string[] = [];
    if (input.conversationId) {
      const c = await loadScoped(app.ctx.database, p, input.conversationId);
      if (c.shopId !== shop.id) throw new DxeError('NOT_FOUND', '找不到该会话');
      const rows = await db.select({ text: messages.text }).from(messages)
        .where(and(eq(messages.conversationId, c.id), eq(messages.direction, 'out')))
        .orderBy(desc(messages.seq)).limit(10);
      previousOutgoing = rows.map((r) => r.text).reverse();
    }
    if (!input.text.trim()) return { verdict: 'pass', violations: [], promises: [] };
    return guardReply(shopProfile(shop), input.text, {
      freeShipping: settingsSchema.safeParse(shop.settings).data?.freeShipping ?? false,
      askerIsBuyer: true,
      previousOutgoing,
    });
  });
};
export default guardCheckRoutes;
