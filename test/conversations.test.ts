// Conversations API against the real store (PGlite, or PostgreSQL with DATABASE_URL): C2 queue
// order, shop scoping, masking per role, guarded replies (D), overrides audited, C4 split, C18.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../src/server/app.js';
import { loadConfig } from '../src/config.js';
import { createLocalBus, type BusEvent } from '../src/app/events/event-bus.js';
import { verifyAuditChain } from '../src/app/audit/audit-log.js';
import { createApiToken } from '../src/app/auth/auth.js';
import type { Database } from '../src/store/open-database.js';
import { auditLog, conversations, messages, orders, promises, promotions, shops, standardAnswers } from '../src/store/schema/index.js';
import { maskAddress } from '../src/core/privacy.js';
import { invalidateShopContext } from '../src/app/shops/shop-context.js';
import { openTestDatabase, databaseLabel } from './helpers/database.js';
import { seedConversation, seedWorld, tokenFor, type World } from './helpers/fixtures.js';

const NOW = new Date('2026-11-11T02:00:00Z');
const ago = (s: number) => new Date(NOW.getTime() - s * 1000);

describe(`conversations API (${databaseLabel})`, () => {
  let database: Database;
  let app: FastifyInstance;
  let w: World;
  const tokens: Record<string, string> = {};
  const events: BusEvent[] = [];
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    database = await openTestDatabase();
    const bus = createLocalBus();
    bus.subscribe((e) => events.push(e));
    app = await buildApp({ database, config: loadConfig({}), bus, now: () => NOW, logger: false });
    w = await seedWorld(database);
    for (const k of ['agentA', 'agentB', 'supervisor', 'admin'] as const) tokens[k] = await tokenFor(app, w[k].login);
    // C2 fixtures on shop A (tmall: first reply within 10 s).
    ids.oldWaiting = await seedConversation(database, {
      shopId: w.shopA, incoming: [{ text: '在吗', at: ago(600) }, { text: '这件有M码吗', at: ago(60) }], answeredAt: ago(590),
    });
    ids.newNear = await seedConversation(database, {
      shopId: w.shopA, incoming: [{ text: '亲，包邮吗', at: ago(8) }],
      buyer: { nickname: '小红', phone: '13812345678', address: '浙江省杭州市西湖区文三路100号' },
    });
    ids.newFresh = await seedConversation(database, { shopId: w.shopA, incoming: [{ text: '你好', at: ago(2) }] });
    ids.quiet = await seedConversation(database, {
      shopId: w.shopA, incoming: [{ text: '谢谢', at: ago(900) }], answeredAt: ago(880),
    });
    ids.shopB = await seedConversation(database, { shopId: w.shopB, incoming: [{ text: '有货吗', at: ago(30) }] });
    await database.db.insert(orders).values({
      shopId: w.shopA, platformOrderNo: 'T2026111100001', buyerId: (await conv(ids.newNear!)).buyerId, state: 'paid',
      totalFen: 19900, receiverName: '李小红', receiverPhone: '13812345678', receiverAddress: '浙江省杭州市西湖区文三路100号',
      orderedAt: ago(3600),
    });
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  const conv = async (id: string) => (await database.db.select().from(conversations).where(eq(conversations.id, id)))[0]!;
  const call = (who: string, method: 'GET' | 'POST', url: string, payload?: object) =>
    app.inject({ method, url, payload, headers: { authorization: `Bearer ${tokens[who]}` } });

  it('C2: newly arrived buyers first, then by waiting time; nearTarget within 30 % of the first-reply target', async () => {
    const res = await call('agentA', 'GET', '/api/v1/conversations');
    expect(res.statusCode).toBe(200);
    const items = res.json().items as { id: string; nearTarget: boolean; waitingSince: string | null; firstReplyTargetSeconds: number }[];
    expect(items.map((i) => i.id)).toEqual([ids.newNear, ids.newFresh, ids.oldWaiting, ids.quiet]);
    const byId = Object.fromEntries(items.map((i) => [i.id, i]));
    expect(byId[ids.newNear!]!.firstReplyTargetSeconds).toBe(10);
    expect(byId[ids.newNear!]!.nearTarget).toBe(true);
    expect(byId[ids.newFresh!]!.nearTarget).toBe(false);
    expect(byId[ids.oldWaiting!]!.waitingSince).toBe(ago(60).toISOString());
    expect(byId[ids.quiet!]!.waitingSince).toBeNull();
  });

  it("C2, P1: the queue uses the shop's own first-reply target when the shop overrides it", async () => {
    await database.db.update(shops).set({ ruleOverrides: { service: { first_reply_seconds: 60 } } }).where(eq(shops.id, w.shopA));
    try {
      const res = await call('agentA', 'GET', '/api/v1/conversations');
      const near = (res.json().items as { id: string; nearTarget: boolean; firstReplyTargetSeconds: number }[]).find((i) => i.id === ids.newNear)!;
      expect(near.firstReplyTargetSeconds).toBe(60);
      expect(near.nearTarget).toBe(false); // 8 s of 60 s is not near the target
    } finally {
      await database.db.update(shops).set({ ruleOverrides: {} }).where(eq(shops.id, w.shopA));
    }
  });

  it('scope: an agent of shop A never sees shop B (404, not 403)', async () => {
    const list = await call('agentA', 'GET', `/api/v1/conversations?shopId=${w.shopB}`);
    expect(list.json().items).toEqual([]);
    for (const [method, url] of [
      ['GET', `/api/v1/conversations/${ids.shopB}`],
      ['GET', `/api/v1/conversations/${ids.shopB}/messages?afterSeq=0`],
      ['POST', `/api/v1/conversations/${ids.shopB}/take`],
    ] as const) {
      const res = await call('agentA', method, url);
      expect(res.statusCode, url).toBe(404);
      expect(res.json().error.code).toBe('NOT_FOUND');
    }
    const reply = await call('agentA', 'POST', `/api/v1/conversations/${ids.shopB}/messages`, { text: '在的亲' });
    expect(reply.statusCode).toBe(404);
    const check = await call('agentA', 'POST', '/api/v1/guard/check', { text: '在的', shopId: w.shopB });
    expect(check.statusCode).toBe(404);
    const sup = await call('supervisor', 'GET', `/api/v1/conversations/${ids.shopB}`);
    expect(sup.statusCode).toBe(200);
  });

  it('masks phones and addresses for agents, not for supervisors', async () => {
    const a = (await call('agentA', 'GET', `/api/v1/conversations/${ids.newNear}`)).json();
    expect(a.buyer.phone).toBe('138****5678');
    // maskAddress (core/privacy) keeps the province/city prefix and hides the street.
    expect(a.buyer.address).toBe(maskAddress('浙江省杭州市西湖区文三路100号'));
    expect(a.buyer.address).not.toContain('文三路');
    expect(a.orders[0].receiverPhone).toBe('138****5678');
    expect(JSON.stringify(a)).not.toContain('13812345678');
    const s = (await call('supervisor', 'GET', `/api/v1/conversations/${ids.newNear}`)).json();
    expect(s.buyer.phone).toBe('13812345678');
    expect(s.orders[0].receiverAddress).toBe('浙江省杭州市西湖区文三路100号');
    expect(a.messages.map((m: { text: string }) => m.text)).toEqual(['亲，包邮吗']);
  });

  it('D: a blocked reply answers 422 REPLY_BLOCKED with the verdict and stores nothing', async () => {
    const before = await database.db.select().from(messages).where(eq(messages.conversationId, ids.newNear!));
    const res = await call('agentA', 'POST', `/api/v1/conversations/${ids.newNear}/messages`, { text: '亲，加我微信，微信转账给我更便宜哦' });
    expect(res.statusCode).toBe(422);
    const body = res.json();
    expect(body.error.code).toBe('REPLY_BLOCKED');
    expect(body.error.details.verdict).toBe('block');
    expect(body.error.details.violations.map((v: { rule: string }) => v.rule)).toContain('D1');
    const after = await database.db.select().from(messages).where(eq(messages.conversationId, ids.newNear!));
    expect(after.length).toBe(before.length);
    expect((await conv(ids.newNear!)).firstResponseAt).toBeNull();
    // T1: the interception is counted even though nothing was sent.
    const audits = await database.query<{ action: string; subject_id: string }>(
      `select action, subject_id from audit_log where action = 'reply.blocked'`,
    );
    expect(audits.map((a) => a.subject_id)).toContain(ids.newNear);
  });

  it('C12, issue 12: suggestions are planned from the shop\'s data like bot replies — filled, never a placeholder', async () => {
    await database.db.insert(standardAnswers).values([
      { shopId: w.shopA, intent: 'promotion.list', variants: ['亲，现在店里有：{promo.list}，下单前记得领哦'] },
    ]);
    await database.db.insert(promotions).values({ shopId: w.shopA, kind: 'coupon', text: '满199减20优惠券', value: { botMayOffer: true } });
    invalidateShopContext(database, w.shopA); // written behind the settings API's back
    const id = await seedConversation(database, { shopId: w.shopA, incoming: [{ text: '有优惠券吗', at: ago(20) }] });
    await database.db.update(messages).set({ intent: 'promotion' }).where(eq(messages.conversationId, id));
    const res = await call('agentA', 'GET', `/api/v1/conversations/${id}`);
    expect(res.statusCode).toBe(200);
    const suggestions = res.json().suggestions as string[];
    expect(suggestions.length).toBeGreaterThan(0);
    for (const s of suggestions) expect(s).not.toMatch(/[{}]/);
    expect(suggestions.join('\n')).toContain('满199减20优惠券');
  });

  it('issue 12: after a hand-over the agent is offered the open topic, not the hand-over line', async () => {
    const id = await seedConversation(database, {
      shopId: w.shopA,
      incoming: [{ text: '包邮吗', at: ago(40) }, { text: '转人工', at: ago(20) }],
    });
    const rows = await database.db.select().from(messages).where(eq(messages.conversationId, id));
    for (const m of rows) {
      await database.db.update(messages).set({ intent: m.text === '转人工' ? 'human' : 'shipping_fee' }).where(eq(messages.id, m.id));
    }
    await database.db.update(conversations).set({ state: { misunderstandings: 0, memory: { topic: 'shipping_fee' } } }).where(eq(conversations.id, id));
    const res = await call('agentA', 'GET', `/api/v1/conversations/${id}`);
    const suggestions = res.json().suggestions as string[];
    expect(suggestions.length).toBeGreaterThan(0);
    expect(suggestions.join('\n')).not.toMatch(/转接|稍等/);
    expect(suggestions.join('\n')).toMatch(/运费|包邮/);
  });

  it('D: only a supervisor/admin may override a block, and the override is audited', async () => {
    const text = '亲，加我微信，微信转账给我更便宜哦';
    const denied = await call('agentA', 'POST', `/api/v1/conversations/${ids.newNear}/messages`, { text, override: { reason: '测试' } });
    expect(denied.statusCode).toBe(403);
    const ok = await call('supervisor', 'POST', `/api/v1/conversations/${ids.newNear}/messages`, { text, override: { reason: '买家是公司采购，线下合同已签' } });
    expect(ok.statusCode).toBe(201);
    expect(ok.json().verdict.verdict).toBe('block');
    const audit = await database.db.select().from(auditLog).where(eq(auditLog.action, 'reply.override'));
    expect(audit).toHaveLength(1);
    expect(audit[0]!.actorId).toBe(w.supervisor.id);
    expect(audit[0]!.data).toMatchObject({ reason: '买家是公司采购，线下合同已签', text });
    expect((audit[0]!.data as { rules: string[] }).rules).toContain('D1');
    expect(await verifyAuditChain(database)).toBeNull();
  });

  it('C4: a long reply goes out as several short messages; D8 promise recorded against the open order', async () => {
    events.length = 0;
    const text = '亲，这款是纯棉面料的，透气舒服，夏天穿也不闷热。尺码是标准码，您平时穿M码就选M码哦。今天下单送一个同色系小礼物，明天就能发货呢，有问题随时找我哦~';
    const res = await call('agentA', 'POST', `/api/v1/conversations/${ids.newFresh}/messages`, { text });
    expect(res.statusCode).toBe(201);
    const sent = res.json().messages as { seq: number; text: string; authorKind: string }[];
    expect(sent.length).toBeGreaterThan(2);
    for (const m of sent) expect([...m.text].length).toBeLessThanOrEqual(40);
    expect(sent.map((m) => m.text).join('')).toBe(text);
    expect(sent.map((m) => m.seq)).toEqual(sent.map((_, i) => 2 + i));
    const c = await conv(ids.newFresh!);
    expect(c.firstResponseAt?.toISOString()).toBe(NOW.toISOString());
    expect(c.status).toBe('assigned');
    expect(c.assigneeId).toBe(w.agentA.id);
    const created = events.filter((e) => e.type === 'message.created');
    expect(created).toHaveLength(sent.length);
    expect(events.some((e) => e.type === 'conversation.updated' && e.shopId === w.shopA)).toBe(true);
    const rows = await database.db.select().from(promises).where(eq(promises.conversationId, ids.newFresh!));
    expect(rows.map((r) => r.kind)).toContain('gift');
    // The new buyer has no order; the buyer of newNear has one, tested next.
    const p2 = await call('agentA', 'POST', `/api/v1/conversations/${ids.newNear}/messages`, { text: '亲，下单送您一个小赠品哦' });
    expect(p2.statusCode).toBe(201);
    const [withOrder] = await database.db.select().from(promises).where(eq(promises.conversationId, ids.newNear!));
    expect(withOrder?.orderId).toBeTruthy();
    const detail = (await call('agentA', 'GET', `/api/v1/conversations/${ids.newNear}`)).json();
    expect(detail.promises[0].kind).toBe('gift');
  });

  it('messages after a seq, for catch-up', async () => {
    const res = await call('agentA', 'GET', `/api/v1/conversations/${ids.newFresh}/messages?afterSeq=2`);
    const seqs = (res.json().messages as { seq: number }[]).map((m) => m.seq);
    expect(seqs[0]).toBe(3);
    expect(seqs.every((s, i) => i === 0 || s === seqs[i - 1]! + 1)).toBe(true);
  });

  it('guard check answers and writes nothing', async () => {
    const before = (await database.db.select().from(messages)).length;
    const res = await call('agentA', 'POST', '/api/v1/guard/check', { text: '加我微信', shopId: w.shopA, conversationId: ids.oldWaiting });
    expect(res.statusCode).toBe(200);
    expect(res.json().verdict).toBe('block');
    for (let i = 0; i < 20; i++) {
      const ok = await call('agentA', 'POST', '/api/v1/guard/check', { text: `亲，在的呢${i}`, shopId: w.shopA });
      expect(ok.statusCode).toBe(200);
    }
    expect((await database.db.select().from(messages)).length).toBe(before);
  });

  it('take, hand back, C18 escalate to the shop manager, close', async () => {
    const id = ids.oldWaiting!;
    const take = await call('agentA', 'POST', `/api/v1/conversations/${id}/take`);
    expect(take.statusCode).toBe(200);
    expect(take.json().conversation).toMatchObject({ status: 'assigned', assigneeId: w.agentA.id });
    const back = await call('agentA', 'POST', `/api/v1/conversations/${id}/handback`);
    expect(back.json().conversation).toMatchObject({ status: 'bot', assigneeId: null });
    const noNote = await call('agentA', 'POST', `/api/v1/conversations/${id}/escalate`, {});
    expect(noNote.statusCode).toBe(400);
    const esc = await call('agentA', 'POST', `/api/v1/conversations/${id}/escalate`, { note: '买家要求开专票，我不确定能否开' });
    expect(esc.statusCode).toBe(200);
    expect(esc.json().conversation).toMatchObject({ status: 'assigned', assigneeId: w.supervisor.id, handoverReason: 'escalated' });
    expect(esc.json().conversation.escalation.note).toContain('专票');
    const stolen = await call('agentA', 'POST', `/api/v1/conversations/${id}/take`);
    expect(stolen.statusCode).toBe(409);
    const close = await call('supervisor', 'POST', `/api/v1/conversations/${id}/close`);
    expect(close.json().conversation.status).toBe('closed');
    const late = await call('supervisor', 'POST', `/api/v1/conversations/${id}/messages`, { text: '亲还在吗' });
    expect(late.statusCode).toBe(409);
    const closed = await call('agentA', 'GET', '/api/v1/conversations?status=closed');
    expect(closed.json().items.map((i: { id: string }) => i.id)).toEqual([id]);
  });

  it('rejects bad input with Chinese messages', async () => {
    const empty = await call('agentA', 'POST', `/api/v1/conversations/${ids.quiet}/messages`, { text: '   ' });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.message).toContain('消息内容不能为空');
    const noAuth = await app.inject({ method: 'GET', url: '/api/v1/conversations' });
    expect(noAuth.statusCode).toBe(401);
    // A bridge's integration token may read but not speak as an agent.
    const { token } = await createApiToken(database, { orgId: w.orgId, shopId: w.shopA, name: '淘宝桥接' });
    const bridge = await app.inject({
      method: 'POST', url: `/api/v1/conversations/${ids.quiet}/messages`, payload: { text: '亲，在的' },
      headers: { authorization: `Bearer ${token}` },
    });
    expect(bridge.statusCode).toBe(403);
  });
});
