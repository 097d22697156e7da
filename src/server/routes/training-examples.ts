// A shop's own intent examples (issue 3): agents add the buyer wording the bot misread, so the
// shop's model learns it; supervisors and admins may delete. Each change retrains in the background.
import type { FastifyPluginAsync } from 'fastify';
import { and, asc, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { INTENT_IDS } from '../../core/intents.js';
import { DxeError } from '../../core/errors.js';
import { registerBackground } from '../../app/runtime/background.js';
import { appendAudit } from '../../app/audit/audit-log.js';
import { invalidateShopNlu, refreshShopNlu } from '../../app/shops/shop-nlu.js';
import { shops, trainingExamples } from '../../store/schema/index.js';
import { assertShop, requireRole } from '../auth.js';

const shopParams = z.object({ shopId: z.string().min(1).max(100) });
const exampleParams = shopParams.extend({ id: z.string().min(1).max(100) });
const examplesBody = z.object({
  items: z
    .array(z.object({ text: z.string().trim().min(1, '例句不能为空').max(200, '例句最多 200 字'), intent: z.enum(INTENT_IDS) }))
    .min(1)
    .max(500, '一次最多添加 500 条'),
});

// Shops with examples of their own get their model at start, not on their first buyer's message.
registerBackground(async (ctx, log) => {
  let stopped = false;
  const warm = (async () => {
    const rows = await ctx.database.db.selectDistinct({ shopId: trainingExamples.shopId }).from(trainingExamples);
    for (const { shopId } of rows) {
      if (stopped) return;
      await refreshShopNlu(ctx.database, shopId);
      log.info({ shopId }, 'shop NLU model ready');
    }
  })().catch((err: unknown) => log.error({ err }, 'shop NLU warm-up failed'));
  return async () => {
    stopped = true;
    await warm;
  };
});

const trainingRoutes: FastifyPluginAsync = async (app) => {
  const { db } = app.ctx.database;
  const auth = { preHandler: app.authenticate };

  app.get('/api/v1/shops/:shopId/training-examples', auth, async (request) => {
    const { shopId } = shopParams.parse(request.params);
    assertShop(request, shopId);
    const rows = await db
      .select({ id: trainingExamples.id, text: trainingExamples.text, intent: trainingExamples.intent, createdAt: trainingExamples.createdAt })
      .from(trainingExamples)
      .where(eq(trainingExamples.shopId, shopId))
      .orderBy(asc(trainingExamples.createdAt));
    return { items: rows };
  });

  app.post('/api/v1/shops/:shopId/training-examples', auth, async (request, reply) => {
    const { shopId } = shopParams.parse(request.params);
    const p = assertShop(request, shopId);
    requireRole(request, 'admin', 'supervisor', 'agent');
    const body = examplesBody.parse(request.body);
    const [shop] = await db.select({ orgId: shops.orgId }).from(shops).where(eq(shops.id, shopId));
    if (!shop) throw new DxeError('NOT_FOUND');
    const now = app.ctx.now();
    await db.insert(trainingExamples).values(body.items.map((i) => ({ shopId, text: i.text, intent: i.intent, createdAt: now })));
    await appendAudit(app.ctx.database, {
      orgId: p.orgId, at: now, actorKind: p.kind, actorId: p.agentId ?? null, action: 'settings.training_examples.add',
      subjectKind: 'shop', subjectId: shopId, data: { count: body.items.length },
    });
    invalidateShopNlu(shopId);
    void refreshShopNlu(app.ctx.database, shopId).catch((err: unknown) => request.log.error({ err }, 'shop NLU retrain failed'));
    const [total] = await db.select({ n: sql<number>`count(*)::int` }).from(trainingExamples).where(eq(trainingExamples.shopId, shopId));
    return reply.status(201).send({ added: body.items.length, total: total?.n ?? 0, retraining: true });
  });

  app.delete('/api/v1/shops/:shopId/training-examples/:id', auth, async (request) => {
    const { shopId, id } = exampleParams.parse(request.params);
    const p = assertShop(request, shopId);
    requireRole(request, 'admin', 'supervisor');
    const gone = await db
      .delete(trainingExamples)
      .where(and(eq(trainingExamples.shopId, shopId), eq(trainingExamples.id, id)))
      .returning({ id: trainingExamples.id });
    if (gone.length === 0) throw new DxeError('NOT_FOUND', '找不到该例句');
    await appendAudit(app.ctx.database, {
      orgId: p.orgId, at: app.ctx.now(), actorKind: p.kind, actorId: p.agentId ?? null, action: 'settings.training_examples.delete',
      subjectKind: 'shop', subjectId: shopId, data: { id },
    });
    invalidateShopNlu(shopId);
    void refreshShopNlu(app.ctx.database, shopId).catch((err: unknown) => request.log.error({ err }, 'shop NLU retrain failed'));
    return { ok: true };
  });
};
export default trainingRoutes;
