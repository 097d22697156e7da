// The authorization matrix (issue 10, "tests that stay"): every route fastify registered — read
// from the app's own route list, so a new route is in the matrix the day it is added — called by
// every kind of caller: no login, a token in the URL, each agent role of the owning organisation,
// an agent of another shop, an admin of another organisation, API tokens of each scope, a token of
// another shop and one of another organisation. Expectations come from the route's entry in
// src/server/route-access.ts and from where the target lives (shop demo-taobao of the demo
// organisation); a route without an entry stops the app from starting, so it fails here too.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { createApiToken, type TokenScope } from '../../src/app/auth/auth.js';
import { DEMO_PASSWORD } from '../../src/app/demo/seed-demo.js';
import { loadConfig } from '../../src/config.js';
import { buildApp } from '../../src/server/app.js';
import { routesOf, type RouteAccess, type RouteRecord } from '../../src/server/route-access.js';
import { aftersalesCases, caseEvidence, competitorComparisons, logisticsDisruptions, priceProtectionClaims, qualityReviews, revisitCalls, trainingExamples, trainingMessages, trainingSessions } from '../../src/store/schema/index.js';
import type { Database } from '../../src/store/open-database.js';
import { openDemoDatabase, databaseLabel } from '../helpers/database.js';
import { PASSWORD, seedWorld } from '../helpers/fixtures.js';

const NOW = new Date('2026-11-23T06:00:00.000Z');
const SHOP = 'demo-taobao';

type Caller =
  | { name: string; kind: 'none' }
  | { name: string; kind: 'url-token'; token: string }
  | { name: string; kind: 'agent'; role: 'admin' | 'supervisor' | 'agent'; insider: boolean; token: string; login: string; password?: string }
  | { name: string; kind: 'token'; scopes: TokenScope[]; insider: boolean; token: string };

interface Outcome {
  route: string;
  caller: string;
  status: number;
  ok: boolean;
  why?: string;
}

describe(`authorization matrix over every route (${databaseLabel})`, () => {
  let database: Database;
  let app: FastifyInstance;
  const callers: Caller[] = [];
  const target: Record<string, string> = {};
  let orgA = '';
  let seq = 0;
  let login: (name: string, password?: string) => Promise<string>;

  beforeAll(async () => {
    database = await openDemoDatabase(NOW);
    const world = await seedWorld(database);
    app = await buildApp({ database, config: loadConfig({ TIMERS: 'off', LOGIN_RATE_PER_MINUTE: '1000', SECRET_KEY: 'authorization-matrix-secret-key' }), now: () => NOW, logger: false });
    await app.ready();
    const [org] = await database.query<{ id: string }>("select org_id as id from shops where id = $1", [SHOP]);
    orgA = org!.id;
    const one = async (sql: string) => (await database.query<{ id: string }>(sql, [SHOP]))[0]?.id;
    target.conversation = (await one('select id from conversations where shop_id = $1 order by id limit 1'))!;
    target.order = (await one('select id from orders where shop_id = $1 order by id limit 1'))!;
    target.buyer = (await one('select id from buyers where shop_id = $1 order by id limit 1'))!;
    // The demo opens cases in the Tmall shop only: one in the target shop, on its order.
    const [kase] = await database.db.insert(aftersalesCases).values({
      shopId: SHOP, orderId: target.order, type: 'refund_only', state: '退款申请等待卖家确认中', reason: '收到商品破损', amountFen: 100, openedAt: NOW,
    }).returning();
    target.case = kase!.id;
    // Issue 12: a bot message of the target conversation (relabel refuses it after the shop check).
    target.botMessage = String((await database.query<{ id: string }>(
      "select id::text as id from messages where conversation_id = $1 and author_kind = 'bot' order by seq limit 1", [target.conversation],
    ))[0]?.id);
    // N2: a broken promise of the target shop, for the platform's ruling on it.
    target.promise = (await database.query<{ id: string }>(
      `insert into promises (id, shop_id, conversation_id, kind, text, state, settled_at) values (gen_random_uuid()::text, $1, $2, 'gift', '送您一双袜子', 'broken', $3) returning id`,
      [SHOP, target.conversation, NOW],
    ))[0]!.id;
    for (const [k, v] of Object.entries(target)) expect(v, `demo ${k} in ${SHOP}`).toBeTruthy();

    login = async (name: string, password = DEMO_PASSWORD) => {
      const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { login: name, password } });
      expect(res.statusCode, `login ${name}`).toBe(200);
      return res.json().token as string;
    };
    const token = async (scopes: TokenScope[], orgId = orgA, shopId = SHOP) =>
      (await createApiToken(database, { orgId, shopId, name: `matrix ${scopes.join('+')}`, scopes })).token;
    const adminA = await login('admin');
    callers.push(
      { name: 'no login', kind: 'none' },
      { name: 'token in the URL', kind: 'url-token', token: adminA },
      { name: 'admin', kind: 'agent', role: 'admin', insider: true, token: adminA, login: 'admin' },
      { name: 'supervisor', kind: 'agent', role: 'supervisor', insider: true, token: await login('supervisor'), login: 'supervisor' },
      { name: 'agent of the shop', kind: 'agent', role: 'agent', insider: true, token: await login('agent2'), login: 'agent2' },
      { name: 'agent of another shop', kind: 'agent', role: 'agent', insider: false, token: await login('agent1'), login: 'agent1' },
      {
        name: 'admin of another organisation', kind: 'agent', role: 'admin', insider: false,
        token: await login(world.admin.login, PASSWORD), login: world.admin.login, password: PASSWORD,
      },
      { name: 'token bridge', kind: 'token', scopes: ['bridge'], insider: true, token: await token(['bridge']) },
      { name: 'token read', kind: 'token', scopes: ['read'], insider: true, token: await token(['read']) },
      { name: 'token admin', kind: 'token', scopes: ['admin'], insider: true, token: await token(['admin']) },
      { name: 'token all scopes', kind: 'token', scopes: ['bridge', 'read', 'admin'], insider: true, token: await token(['bridge', 'read', 'admin']) },
      { name: 'token of another shop', kind: 'token', scopes: ['bridge', 'read', 'admin'], insider: false, token: await token(['bridge', 'read', 'admin'], orgA, 'demo-tmall') },
      { name: 'token of another organisation', kind: 'token', scopes: ['bridge', 'read', 'admin'], insider: false, token: await token(['bridge', 'read', 'admin'], world.orgId, world.shopA) },
    );
  }, 180_000); // seeding the demo is slow on a busy machine
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  /** A path parameter's value: the target of that kind in demo-taobao (fresh for deletions). */
  async function param(route: RouteRecord, name: string): Promise<string> {
    if (name === 'shopId') return SHOP;
    if (name === 'evidenceId') {
      // A11: a file added to the target case.
      const [row] = await database.db.insert(caseEvidence).values({
        caseId: target.case!, shopId: SHOP, kind: 'chat_excerpt', fileName: '聊天记录.txt', mime: 'text/plain; charset=utf-8',
        sizeBytes: 3, sha256: '0'.repeat(64), content: Buffer.from('abc'), uploadedByKind: 'agent',
      }).returning();
      return row!.id;
    }
    if (name === 'claimId') {
      // S2: a pending 价保 claim on the target order (fresh for each caller, so each may settle it).
      const [row] = await database.db.insert(priceProtectionClaims).values({
        shopId: SHOP, orderId: target.order!, lineNo: 1, lineTitle: '针织开衫', paidFen: 9_900, newPriceFen: 8_900, refundFen: 1_000,
        rulePlatform: 'taobao', ruleZh: '淘宝价保', claimedAt: new Date(), claimedByKind: 'agent',
      }).returning();
      return row!.id;
    }
    if (name === 'callId') {
      // F4: a fresh open re-visit call task for the target buyer (each caller may record its outcome).
      const [row] = await database.db.insert(revisitCalls).values({
        shopId: SHOP, buyerId: target.buyer!, script: '亲，最近用得还好吗？', dueAt: NOW,
      }).returning();
      return row!.id;
    }
    if (name === 'buyerId') return target.buyer!;
    if (name !== 'id') throw new Error(`no fixture for :${name} in ${route.method} ${route.url} — add one to the matrix`);
    if (route.url.startsWith('/api/v1/conversations/') || route.url.startsWith('/api/v1/shops/:shopId/conversations/')) return target.conversation!;
    if (route.url.startsWith('/api/v1/orders/')) return target.order!;
    if (route.url.startsWith('/api/v1/buyers/')) return target.buyer!;
    if (route.url.startsWith('/api/v1/cases/')) return target.case!;
    if (route.url.startsWith('/api/v1/promises/')) {
      // D8: a promise made in the target conversation.
      const rows = await database.query<{ id: string }>(
        `insert into promises (id, shop_id, conversation_id, kind, text) values (gen_random_uuid()::text, $1, $2, 'gift', '送您一双袜子') returning id`,
        [SHOP, target.conversation!],
      );
      return rows[0]!.id;
    }
    if (route.url.startsWith('/api/v1/reviews/')) {
      // Issue 13: a fresh bad review in the target shop (a reply or a report happens once).
      const rows = await database.query<{ id: string }>(
        `insert into reviews (id, shop_id, rating, text, at, platform_review_id, sentiment, causes, flags)
         values (gen_random_uuid()::text, $1, 'bad', '卖家傻逼，质量太差', $2, $3, 'negative', '["quality"]', '["abuse"]') returning id`,
        [SHOP, NOW, `matrix-review-${++seq}`],
      );
      return rows[0]!.id;
    }
    if (route.url.startsWith('/api/v1/agents/')) {
      // Issue 15: a fresh agent of the target organisation to edit (the body is `{}`: nothing changes).
      const rows = await database.query<{ id: string }>(
        `insert into agents (id, org_id, login, display_name, role, password_hash) values (gen_random_uuid()::text, $1, $2, '矩阵客服', 'agent', 'x') returning id`,
        [orgA, `matrix-agent-${++seq}`],
      );
      return rows[0]!.id;
    }
    if (route.url.startsWith('/api/v1/api-tokens/')) {
      return (await createApiToken(database, { orgId: orgA, shopId: SHOP, name: `to revoke ${++seq}` })).id;
    }
    if (route.url.startsWith('/api/v1/shops/:shopId/training-examples/')) {
      const [row] = await database.db.insert(trainingExamples).values({ shopId: SHOP, text: `矩阵例句${++seq}`, intent: 'greeting' }).returning();
      return row!.id;
    }
    if (route.url.startsWith('/api/v1/training/sessions/')) {
      // L1: a practice session of the shop's agent (agent2) in the target shop, fresh each time.
      const [trainee] = await database.query<{ id: string }>("select id from agents where login = 'agent2'");
      const [row] = await database.db.insert(trainingSessions).values({
        orgId: orgA, shopId: SHOP, traineeId: trainee!.id, scenarioId: 'bargaining', seed: ++seq,
        state: { seed: seq, draws: 0, slots: { item: '这款', itemId: null, price: '99', size: 'M', colour: '黑色', order: '9000000000000000', shop: '店' }, goalIndex: 0, patience: 4, soothed: false, misses: 0, turns: 0, ended: false, outcome: null },
      }).returning();
      await database.db.insert(trainingMessages).values({ sessionId: row!.id, seq: 1, author: 'buyer', text: '能便宜点吗', analysis: { intent: 'bargain', goalId: 'hold_price', modelAnswer: '' } });
      return row!.id;
    }
    if (route.url.startsWith('/api/v1/training/quality/')) {
      // 质检: a review targets a conversation of the target shop (open: the use case refuses with 409).
      return target.conversation!;
    }
    if (route.url.startsWith('/api/v1/training/feedback/')) {
      // A supervisor's review of agent2's chat in the target shop (only agent2 may acknowledge it).
      const [trainee] = await database.query<{ id: string }>("select id from agents where login = 'agent2'");
      const [conv] = await database.query<{ id: string }>(
        `insert into conversations (id, shop_id, buyer_id, channel, status, closed_at) values (gen_random_uuid()::text, $1, $2, 'bridge', 'closed', $3) returning id`,
        [SHOP, target.buyer!, NOW],
      );
      const [row] = await database.db.insert(qualityReviews).values({
        orgId: orgA, shopId: SHOP, conversationId: conv!.id, agentId: trainee!.id, autoScore: 80, score: 70, comment: '先安抚再处理', closedAt: NOW,
      }).returning();
      return row!.id;
    }
    if (route.url.startsWith('/api/v1/shops/:shopId/comparisons/')) {
      // T4: a fresh comparison table on an item of the target shop.
      const [item] = await database.query<{ id: string }>('select id from items where shop_id = $1 order by id limit 1', [SHOP]);
      const [row] = await database.db.insert(competitorComparisons).values({
        shopId: SHOP, itemId: item!.id, competitor: `矩阵竞品${++seq}`, rows: [{ attribute: '材质', ours: '纯棉', theirs: '涤纶' }], answerKey: 'product_info.vs_matrix',
      }).returning();
      return row!.id;
    }
    if (route.url.startsWith('/api/v1/shops/:shopId/logistics-disruptions/')) {
      // O7: a fresh 物流异常 entry of the target shop.
      const [row] = await database.db.insert(logisticsDisruptions).values({
        shopId: SHOP, provinces: ['浙江'], fromDay: '2026-11-22', toDay: '2026-11-24', cause: 'blizzard', note: `矩阵${++seq}`,
      }).returning();
      return row!.id;
    }
    throw new Error(`no fixture for :id in ${route.method} ${route.url} — add one to the matrix`);
  }

  /**
   * Bodies that reach past validation where that is cheap and harmless; settings writes and
   * training examples get `{}` (400 once the caller is let in — the edge's decision is what is
   * tested, and a retrain is not started).
   */
  function body(route: RouteRecord): unknown {
    const key = `${route.method} ${route.url}`;
    switch (key) {
      case 'POST /api/v1/shops/:shopId/inbound':
        return { buyer_account_id: 'matrix-buyer', message_id: `matrix-${++seq}`, text: '在吗' };
      case 'POST /api/v1/shops/:shopId/orders':
        return { platformOrderNo: `MATRIX-${++seq}` };
      case 'POST /api/v1/orders/:id/logistics':
        return { status: 'in_transit', text: '快件已到达【杭州转运中心】' };
      case 'POST /api/v1/training/sessions':
        return { shopId: SHOP, scenarioId: 'bargaining', seed: 7 };
      case 'POST /api/v1/training/sessions/:id/reply':
        return { text: '亲，您好，这款已经是活动价了，现在拍还送运费险哦' };
      case 'POST /api/v1/training/quiz':
        return { shopId: SHOP, seed: 3, answers: [0, 1] };
      case 'POST /api/v1/presence':
        return { status: 'online' };
      case 'POST /api/v1/training/product-quiz':
        return { shopId: SHOP, kind: 'product', seed: 5, answers: [0, 1] };
      case 'POST /api/v1/training/quality/:id/review':
        return { comment: '买家投诉时先道歉' };
      case 'POST /api/v1/training/feedback/:id/ack':
        return {};
      case 'POST /api/v1/guard/check':
        return { text: '亲，在的', shopId: SHOP };
      case 'POST /api/v1/conversations/:id/escalate':
        return { note: '请主管处理' };
      case 'POST /api/v1/conversations/:id/messages':
        return { text: '亲，在的' };
      case 'POST /api/v1/conversations/:id/relabel':
        return { messageId: Number(target.botMessage), intent: 'stock' };
      case 'POST /api/v1/cases':
        return { orderId: target.order, type: 'refund_only', reason: '不想要了', amount: 1 };
      case 'POST /api/v1/cases/:id/evidence':
        return { kind: 'chat_excerpt', text: '买家：收到的杯子碎了' };
      case 'POST /api/v1/cases/:id/transition':
      case 'POST /api/v1/orders/:id/transition':
        return { event: 'approve' };
      case 'POST /api/v1/orders/:id/price-change-await':
        // C8: mark the target order as awaiting a 改价 (agents and leads of its shop; no token).
        return { awaiting: true };
      case 'POST /api/v1/orders/:id/verification':
        // C9: record the order's confirmation with the buyer (agents and leads of its shop; no token).
        return { outcome: 'confirmed' };
      case 'POST /api/v1/orders/:id/price-protection':
        // S2: a 价保 claim on the target order's first line (agents and leads of its shop; no token).
        return { lineNo: 1, paidYuan: 99, newPriceYuan: 89 };
      case 'POST /api/v1/orders/:id/price-protection/:claimId':
        return { status: 'paid' };
      case 'POST /api/v1/shops/:shopId/revisit-calls/:callId/outcome':
        // F4: the people who call record an outcome (agents and leads of the shop; no token).
        return { outcome: 'unreached', note: '无人接听' };
      case 'POST /api/v1/shops/:shopId/revisit-calls/:callId/reveal':
      case 'POST /api/v1/shops/:shopId/revisit-calls/:callId/claim':
        return {};
      case 'PUT /api/v1/shops/:shopId/buyers/:buyerId/email':
        return { email: 'matrix-buyer@example.com' };
      case 'PUT /api/v1/shops/:shopId/mail-settings':
        // F4: the shop's SMTP server (admins only); the password is never returned.
        return { host: 'smtp.example.com', port: 587, secure: false, user: 'shop', password: 'matrix-secret', from: 'shop@example.com' };
      case 'POST /api/v1/cases/:id/mismatch':
        // N3: a valid body, so an outsider's answer is the scope's 404 (an insider in Taobao: 400, no mismatch table).
        return { kind: 'material' };
      case 'POST /api/v1/shops/:shopId/penalties':
        // N2: a deduction the platform notified (leads of the shop).
        return { category: 'special_promise' };
      case 'POST /api/v1/penalties/ruling':
        // N2: a ruling on a promise of the target shop (leads; outsiders 404, not in the body's shop).
        return { source: 'broken_promise', subjectId: target.promise, upheld: true };
      case 'POST /api/v1/orders/:id/compensation-paid':
        // N2: the target order was not shipped late (insiders: 409), outsiders 404.
        return {};
      case 'POST /api/v1/api-tokens':
        return { name: `matrix ${++seq}`, shopId: SHOP };
      case 'POST /api/v1/promises/:id/settle':
        return { state: 'kept', note: '已寄出赠品' };
      case 'POST /api/v1/shops/:shopId/reviews':
        return { review_id: `matrix-live-${++seq}`, text: '质量不错就是物流太慢', at: '2026-11-23T10:00:00+08:00' };
      case 'POST /api/v1/reviews/:id/reply':
      case 'POST /api/v1/reviews/:id/reply-check':
        return { text: '亲，非常抱歉给您带来不好的购物体验，我们会改进。' };
      case 'POST /api/v1/reviews/:id/report':
        return { reason: 'abuse', evidence: '评价中辱骂店铺' };
      case 'POST /api/v1/reviews/:id/report-outcome':
        return { outcome: 'rejected' };
      case 'POST /api/v1/reviews/:id/recovery':
        return { step: 'open' };
      case 'POST /api/v1/shops/:shopId/orders/import':
        // O4 browser upload: leads only; an admitted caller's JSON body is refused after the edge (400).
        return {};
      case 'POST /api/v1/shops/:shopId/reviews/import':
        // Issue 13 browser upload: leads only; an admitted caller's JSON body is refused after the edge (400).
        return {};
      case 'GET /api/v1/shops/:shopId/review-team':
        // T1 for reviews: leads only (roles LEADS in route-access), no body.
        return undefined;
      case 'POST /api/v1/shops/:shopId/followups/preview':
        // A segment draft (F4/M2) rides on the same read: previewing it changes nothing.
        return { flow: 'revisit', segment: { tiers: ['vip'], tags: ['回头客'] } };
      case 'GET /api/v1/shops/:shopId/buyer-segments':
        // The segment picker's counts: a read for everyone of the shop (route-access: read).
        return undefined;
      case 'POST /api/v1/shops/:shopId/followups/consent':
        return { buyerId: target.buyer, optedOut: true };
      case 'PUT /api/v1/buyers/:id':
        return { tags: ['矩阵'] };
      case 'PUT /api/v1/shops/:shopId/vip-tiers':
        return { tiers: null };
      case 'PUT /api/v1/shops/:shopId/shipping-fees':
        // O6: clearing the shop's own 运费模板 (the rules' example applies again).
        return { table: null };
      case 'POST /api/v1/auth/logout':
        return undefined;
      default:
        return route.method === 'GET' || route.method === 'DELETE' ? undefined : {};
    }
  }

  const targetIds = () => [SHOP, target.conversation!, target.order!, target.case!];

  /** What the caller must get. Returns null when satisfied, else why not. */
  function judge(access: RouteAccess, caller: Caller, res: LightMyRequestResponse, targeted: boolean): string | null {
    const status = res.statusCode;
    const err = (() => {
      try {
        return (res.json() as { error?: { code?: string; details?: { requiredScope?: string; reason?: string } } }).error;
      } catch {
        return undefined;
      }
    })();
    if (status >= 500) return `server error ${status}`;
    if (res.body.includes('    at ')) return 'stack trace in the answer';
    if (access.scope === 'public') return null;
    // The local API serves only a loopback peer with the server's local token (none here).
    if (access.scope === 'local') return status === 404 || status === 401 || status === 403 ? null : `the local API served a caller without its token: ${status}`;
    if (caller.kind === 'none') return status === 401 && err?.code === 'UNAUTHENTICATED' ? null : `expected 401 UNAUTHENTICATED, got ${status}`;
    if (caller.kind === 'url-token') return status === 401 && err?.code === 'TOKEN_IN_URL' ? null : `expected 401 TOKEN_IN_URL, got ${status}`;
    if (access.scope === 'ticket') return status === 401 ? null : `a bearer header must not open the socket (got ${status})`;
    const edgeRefusal = status === 403 && (err?.details?.requiredScope !== undefined || err?.details?.reason === 'token_not_allowed');
    if (caller.kind === 'token') {
      if (access.tokens === false) return status === 403 ? null : `tokens are not allowed here, got ${status}`;
      if (access.scope !== 'any' && !caller.scopes.includes(access.scope)) {
        return status === 403 && err?.details?.requiredScope === access.scope ? null : `expected 403 needing scope ${access.scope}, got ${status}`;
      }
      if (edgeRefusal) return `refused at the edge despite scope ${access.scope}`;
    } else {
      if (access.roles && !access.roles.includes(caller.role)) return status === 403 ? null : `role ${caller.role} must be refused, got ${status}`;
      if (status === 403 && edgeRefusal) return 'agent refused as a token';
    }
    if (status === 401) return 'a valid caller got 401';
    if (!caller.insider) {
      if (targeted) return status === 404 || status === 403 ? null : `an outsider reached a target in ${SHOP}: ${status}`;
      const leaked = targetIds().find((id) => res.body.includes(id));
      return leaked ? `an outsider's answer names ${leaked}` : null;
    }
    // Insiders the table lets in: the use case decides (2xx, 400, 409, 422; 403 only from a
    // use case's own rule, e.g. a token cannot speak as an agent) — never "not found".
    if (status === 404) return `an insider got 404 for a target in ${SHOP}`;
    return null;
  }

  it('every route is in the table and behaves for every caller', async () => {
    const routes = routesOf(app).filter((r) => r.method !== 'HEAD');
    const api = routes.filter((r) => r.url.startsWith('/api/'));
    expect(api.length).toBeGreaterThan(40);
    const outcomes: Outcome[] = [];
    for (const route of routes) {
      if (route.access.scope === 'public' && !route.url.startsWith('/api/')) continue;
      for (const caller of callers) {
        let url = route.url;
        for (const name of route.url.match(/:(\w+)/g) ?? []) url = url.replace(name, encodeURIComponent(await param(route, name.slice(1))));
        const payload = body(route);
        const targeted = route.url.includes(':') || JSON.stringify(payload ?? {}).includes(SHOP) || JSON.stringify(payload ?? {}).includes(target.order!);
        const headers: Record<string, string> = {};
        if (caller.kind === 'agent' || caller.kind === 'token') headers.authorization = `Bearer ${caller.token}`;
        // Logging out ends the session: use a fresh one so the other routes keep theirs.
        if (caller.kind === 'agent' && route.url === '/api/v1/auth/logout') headers.authorization = `Bearer ${await login(caller.login, caller.password)}`;
        if (caller.kind === 'url-token') url += `${url.includes('?') ? '&' : '?'}token=${caller.token}`;
        const res = await app.inject({
          method: route.method as 'GET', url, headers, remoteAddress: `10.77.${callers.indexOf(caller)}.1`,
          ...(payload === undefined ? {} : { payload: payload as object }),
        });
        const why = judge(route.access, caller, res, targeted);
        outcomes.push({ route: `${route.method} ${route.url}`, caller: caller.name, status: res.statusCode, ok: why === null, ...(why ? { why } : {}) });
      }
    }
    const failed = outcomes.filter((o) => !o.ok);
    console.log(`authorization matrix: ${api.length} API routes × ${callers.length} callers — tried ${outcomes.length}, passed ${outcomes.length - failed.length}`);
    expect(failed).toEqual([]);
  }, 240_000);
});
