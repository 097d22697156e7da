// Settings APIs of the workbench contract: per shop — standard answers (C12), items and stock
// (O5), promotions (C7), rule overrides (P1); per organisation — agents and API tokens. Reads are
// open to everyone who may see the shop; writes need a supervisor or admin (overrides, agents and
// tokens: admin). Every write is audited (A11).
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { and, eq, inArray, isNull } from 'drizzle-orm';
import { z } from 'zod';
import { INTENT_IDS } from '../../core/intents.js';
import { DxeError } from '../../core/errors.js';
import { isPlatform } from '../../core/platforms.js';
import { profileFor } from '../../core/rules/load-profiles.js';
import { appendAudit } from '../../app/audit/audit-log.js';
import { createApiToken, hashPassword, type Principal } from '../../app/auth/auth.js';
import { agents, agentShops, apiTokens, items, itemVariants, promotions, shops, standardAnswers } from '../../store/schema/index.js';
import { assertShop, requireRole } from '../auth.js';

const shopParams = z.object({ shopId: z.string().min(1).max(100) });
const text = (max: number) => z.string().trim().min(1).max(max);

/** Keys of the bot's flow steps that are not buyer intents (welcome, verify, handover…). */
const FLOW_KEYS = new Set(['welcome', 'verify', 'handover', 'clarify', 'interest', 'aftersales']);
/** An answer key is an intent (B2) or `intent.situation` as the bot's library names them (stock.in). */
const answerKey = z.string().regex(/^[a-z_]+(\.[a-z_]+)?$/, '话术键应为意图或“意图.情形”').max(64)
  .refine((k) => (INTENT_IDS as readonly string[]).includes(k.split('.')[0] ?? '') || FLOW_KEYS.has(k.split('.')[0] ?? ''), '未知的意图');
const answersBody = z.object({
  items: z.array(z.object({ intent: answerKey, variants: z.array(text(500)).min(1, '至少填写一种说法').max(20) })).min(1).max(200),
});
const variantInput = z.object({ colour: z.string().max(40).default(''), size: z.string().max(40).default(''), stock: z.number().int().min(0).max(1_000_000) });
const itemsBody = z.object({
  items: z.array(z.object({
    sku: text(64),
    title: text(200).optional(),
    category: text(40).optional(),
    priceFen: z.number().int().min(0).max(100_000_000).optional(),
    listed: z.boolean().optional(),
    variants: z.array(variantInput).max(500).optional(),
  })).min(1).max(500),
});
const promotionsBody = z.object({
  items: z.array(z.object({
    kind: z.enum(['coupon', 'gift', 'freight', 'discount']),
    text: text(200),
    value: z.record(z.string(), z.unknown()).default({}),
    startsAt: z.iso.datetime({ offset: true }).nullable().optional(),
    endsAt: z.iso.datetime({ offset: true }).nullable().optional(),
    active: z.boolean().default(true),
  })).max(100),
});
const overridesBody = z.object({ overrides: z.record(z.string(), z.unknown()) });
const agentBody = z.object({
  login: z.string().trim().regex(/^[a-zA-Z0-9_.-]{2,32}$/, '登录名只能包含字母、数字、_ . -（2–32 位）'),
  displayName: text(40),
  agentNo: z.string().trim().max(16).optional(),
  password: z.string().min(8, '密码至少 8 位').max(256),
  role: z.enum(['admin', 'supervisor', 'agent']).default('agent'),
  shopIds: z.array(z.string().min(1).max(100)).max(100).default([]),
});
const tokenBody = z.object({ name: text(60), shopId: z.string().min(1).max(100).optional() });

function audit(app: { ctx: { database: Parameters<typeof appendAudit>[0]; now: () => Date } }, p: Principal, action: string, subjectKind: string, subjectId: string, data: unknown) {
  return appendAudit(app.ctx.database, { orgId: p.orgId, at: app.ctx.now(), actorKind: p.kind, actorId: p.agentId ?? null, action, subjectKind, subjectId, data });
}

function editor(request: FastifyRequest, shopId: string): Principal {
  assertShop(request, shopId);
  return requireRole(request, 'admin', 'supervisor');
}

const settingsRoutes: FastifyPluginAsync = async (app) => {
  const { db } = app.ctx.database;
  const auth = { preHandler: app.authenticate };

  app.get('/api/v1/shops/:shopId/standard-answers', auth, async (request) => {
    const { shopId } = shopParams.parse(request.params);
    assertShop(request, shopId);
    const rows = await db.select({ intent: standardAnswers.intent, variants: standardAnswers.variants, updatedAt: standardAnswers.updatedAt })
      .from(standardAnswers).where(eq(standardAnswers.shopId, shopId));
    const order = (k: string) => {
      const i = (INTENT_IDS as readonly string[]).indexOf(k.split('.')[0] ?? k);
      return i < 0 ? INTENT_IDS.length : i;
    };
    rows.sort((a, b) => order(a.intent) - order(b.intent) || a.intent.localeCompare(b.intent));
    return { items: rows };
  });

  app.put('/api/v1/shops/:shopId/standard-answers', auth, async (request) => {
    const { shopId } = shopParams.parse(request.params);
    const p = editor(request, shopId);
    const body = answersBody.parse(request.body);
    const now = app.ctx.now();
    for (const a of body.items) {
      await db.insert(standardAnswers).values({ shopId, intent: a.intent, variants: a.variants, updatedAt: now })
        .onConflictDoUpdate({ target: [standardAnswers.shopId, standardAnswers.intent], set: { variants: a.variants, updatedAt: now } });
    }
    await audit(app, p, 'settings.standard_answers', 'shop', shopId, { intents: body.items.map((a) => a.intent) });
    return { ok: true };
  });

  app.get('/api/v1/shops/:shopId/items', auth, async (request) => {
    const { shopId } = shopParams.parse(request.params);
    assertShop(request, shopId);
    const rows = await db.select().from(items).where(eq(items.shopId, shopId)).orderBy(items.sku);
    const variants = rows.length
      ? await db.select().from(itemVariants).where(inArray(itemVariants.itemId, rows.map((r) => r.id)))
      : [];
    return {
      items: rows.map((r) => ({
        id: r.id, sku: r.sku, title: r.title, category: r.category, priceFen: r.priceFen, listed: r.listed, attributes: r.attributes,
        variants: variants.filter((v) => v.itemId === r.id).map((v) => ({ colour: v.colour, size: v.size, stock: v.stock }))
          .sort((a, b) => `${a.colour}/${a.size}`.localeCompare(`${b.colour}/${b.size}`, 'zh')),
      })),
    };
  });

  app.put('/api/v1/shops/:shopId/items', auth, async (request) => {
    const { shopId } = shopParams.parse(request.params);
    const p = editor(request, shopId);
    const body = itemsBody.parse(request.body);
    await db.transaction(async (tx) => {
      for (const it of body.items) {
        const [existing] = await tx.select({ id: items.id }).from(items).where(and(eq(items.shopId, shopId), eq(items.sku, it.sku)));
        let itemId = existing?.id;
        if (!itemId) {
          if (!it.title || !it.category || it.priceFen === undefined) {
            throw new DxeError('VALIDATION_FAILED', `新商品 ${it.sku} 需要填写名称、类目和价格`);
          }
          const [row] = await tx.insert(items).values({ shopId, sku: it.sku, title: it.title, category: it.category, priceFen: it.priceFen, listed: it.listed ?? true }).returning({ id: items.id });
          itemId = row!.id;
        } else {
          const patch = { title: it.title, category: it.category, priceFen: it.priceFen, listed: it.listed };
          const set = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
          if (Object.keys(set).length) await tx.update(items).set(set).where(eq(items.id, itemId));
        }
        for (const v of it.variants ?? []) {
          await tx.insert(itemVariants).values({ itemId, colour: v.colour, size: v.size, stock: v.stock })
            .onConflictDoUpdate({ target: [itemVariants.itemId, itemVariants.colour, itemVariants.size], set: { stock: v.stock } });
        }
      }
    });
    await audit(app, p, 'settings.items', 'shop', shopId, { skus: body.items.map((i) => i.sku) });
    return { ok: true };
  });

  app.get('/api/v1/shops/:shopId/promotions', auth, async (request) => {
    const { shopId } = shopParams.parse(request.params);
    assertShop(request, shopId);
    return { items: await db.select().from(promotions).where(eq(promotions.shopId, shopId)) };
  });

  app.put('/api/v1/shops/:shopId/promotions', auth, async (request) => {
    const { shopId } = shopParams.parse(request.params);
    const p = editor(request, shopId);
    const body = promotionsBody.parse(request.body);
    await db.transaction(async (tx) => {
      await tx.delete(promotions).where(eq(promotions.shopId, shopId));
      if (body.items.length) {
        await tx.insert(promotions).values(body.items.map((x) => ({
          shopId, kind: x.kind, text: x.text, value: x.value, active: x.active,
          startsAt: x.startsAt ? new Date(x.startsAt) : null, endsAt: x.endsAt ? new Date(x.endsAt) : null,
        })));
      }
    });
    await audit(app, p, 'settings.promotions', 'shop', shopId, { count: body.items.length });
    return { ok: true };
  });

  app.get('/api/v1/shops/:shopId/rule-overrides', auth, async (request) => {
    const { shopId } = shopParams.parse(request.params);
    assertShop(request, shopId);
    const [shop] = await db.select({ ruleOverrides: shops.ruleOverrides, platform: shops.platform }).from(shops).where(eq(shops.id, shopId));
    if (!shop) throw new DxeError('NOT_FOUND');
    return { platform: shop.platform, overrides: shop.ruleOverrides };
  });

  app.put('/api/v1/shops/:shopId/rule-overrides', auth, async (request) => {
    const { shopId } = shopParams.parse(request.params);
    assertShop(request, shopId);
    const p = requireRole(request, 'admin');
    const body = overridesBody.parse(request.body);
    const [shop] = await db.select({ platform: shops.platform }).from(shops).where(eq(shops.id, shopId));
    if (!shop || !isPlatform(shop.platform)) throw new DxeError('NOT_FOUND');
    try {
      profileFor(shop.platform, body.overrides); // P1: the merged profile must still validate
    } catch (err) {
      throw new DxeError('VALIDATION_FAILED', err instanceof Error ? err.message : '规则覆盖配置有误');
    }
    await db.update(shops).set({ ruleOverrides: body.overrides }).where(eq(shops.id, shopId));
    await audit(app, p, 'settings.rule_overrides', 'shop', shopId, { keys: Object.keys(body.overrides) });
    return { ok: true };
  });

  app.get('/api/v1/agents', auth, async (request) => {
    const p = requireRole(request, 'admin', 'supervisor');
    const rows = await db.select({ id: agents.id, login: agents.login, displayName: agents.displayName, role: agents.role, agentNo: agents.agentNo, presence: agents.presence, lastSeenAt: agents.lastSeenAt, disabled: agents.disabled })
      .from(agents).where(eq(agents.orgId, p.orgId)).orderBy(agents.login);
    const links = rows.length ? await db.select().from(agentShops).where(inArray(agentShops.agentId, rows.map((r) => r.id))) : [];
    return { items: rows.map((r) => ({ ...r, shopIds: links.filter((l) => l.agentId === r.id).map((l) => l.shopId) })) };
  });

  app.post('/api/v1/agents', auth, async (request, reply) => {
    const p = requireRole(request, 'admin');
    const body = agentBody.parse(request.body);
    for (const s of body.shopIds) assertShop(request, s);
    const [clash] = await db.select({ id: agents.id }).from(agents).where(eq(agents.login, body.login));
    if (clash) throw new DxeError('CONFLICT', '该登录名已被使用');
    const passwordHash = await hashPassword(body.password);
    const [row] = await db.insert(agents).values({ orgId: p.orgId, login: body.login, displayName: body.displayName, agentNo: body.agentNo ?? null, role: body.role, passwordHash }).returning({ id: agents.id });
    if (body.shopIds.length) await db.insert(agentShops).values(body.shopIds.map((shopId) => ({ agentId: row!.id, shopId })));
    await audit(app, p, 'agent.create', 'agent', row!.id, { login: body.login, role: body.role, shopIds: body.shopIds });
    return reply.status(201).send({ id: row!.id });
  });

  app.get('/api/v1/api-tokens', auth, async (request) => {
    const p = requireRole(request, 'admin');
    const rows = await db.select({ id: apiTokens.id, name: apiTokens.name, shopId: apiTokens.shopId, createdAt: apiTokens.createdAt, revokedAt: apiTokens.revokedAt })
      .from(apiTokens).where(eq(apiTokens.orgId, p.orgId)).orderBy(apiTokens.createdAt);
    return { items: rows };
  });

  app.post('/api/v1/api-tokens', auth, async (request, reply) => {
    const p = requireRole(request, 'admin');
    const body = tokenBody.parse(request.body);
    if (body.shopId) assertShop(request, body.shopId);
    const created = await createApiToken(app.ctx.database, { orgId: p.orgId, shopId: body.shopId ?? null, name: body.name });
    await audit(app, p, 'api_token.create', 'api_token', created.id, { name: body.name, shopId: body.shopId ?? null });
    return reply.status(201).send(created);
  });

  app.delete('/api/v1/api-tokens/:id', auth, async (request) => {
    const p = requireRole(request, 'admin');
    const { id } = z.object({ id: z.string().min(1).max(100) }).parse(request.params);
    const [row] = await db.update(apiTokens).set({ revokedAt: app.ctx.now() })
      .where(and(eq(apiTokens.id, id), eq(apiTokens.orgId, p.orgId), isNull(apiTokens.revokedAt))).returning({ id: apiTokens.id });
    if (!row) throw new DxeError('NOT_FOUND');
    await audit(app, p, 'api_token.revoke', 'api_token', id, {});
    return { ok: true };
  });
};
export default settingsRoutes;
