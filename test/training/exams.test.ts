// Issue 16 on a real database (PGlite): the product quiz and the monthly exam from the shop's own
// catalogue, settings and standard answers (L3/T4), results saved and tracked per agent (the L2
// penalty quiz too); competitor comparison tables written to a standard answer the bot says (T4);
// a supervisor's review of a sampled real chat that the agent reads and acknowledges (质检); T1
// recommendations, complaints, DSR and 质检 scores per agent on the dashboard; and a trainee's
// practice and exam scores never entering the service figures.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { planReply } from '../../src/core/bot/plan-reply.js';
import { comparisonAnswerKey } from '../../src/core/bot/handlers-presales.js';
import { loadShopContext } from '../../src/app/shops/shop-context.js';
import { nluForShop } from '../../src/app/shops/shop-nlu.js';
import { loadConfig } from '../../src/config.js';
import { buildApp } from '../../src/server/app.js';
import type { Database } from '../../src/store/open-database.js';
import { auditLog, conversations, conversations as convs, items, itemVariants, messages, orders, quizResults, reviews, standardAnswers, trainingSessions } from '../../src/store/schema/index.js';
import { openTestDatabase } from '../helpers/database.js';
import { seedConversation, seedWorld, tokenFor, type World } from '../helpers/fixtures.js';

const NOW = new Date('2026-11-23T08:00:00.000Z');
const at = (min: number, sec = 0) => new Date(NOW.getTime() - min * 60_000 + sec * 1000);

describe('product quiz, monthly exam, comparisons, quality reviews, T1 figures (issue 16)', () => {
  let database: Database;
  let app: FastifyInstance;
  let world: World;
  let itemId = '';
  let reviewed = '';
  const tokens: Record<string, string> = {};
  const call = async (who: string, method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: object) =>
    app.inject({ method, url, headers: { authorization: `Bearer ${tokens[who]}` }, ...(payload ? { payload } : {}) });

  beforeAll(async () => {
    database = await openTestDatabase();
    world = await seedWorld(database, { settingsA: { freeShipping: true, returnDays: 7, shipCutoff: '16:00', couriers: ['中通快递'], invoice: { types: ['电子普通发票'], when: '确认收货后' } } });
    const [tee] = await database.db.insert(items).values({
      shopId: world.shopA, sku: 'T-01', title: '纯棉圆领T恤', category: '上衣', priceFen: 8900,
      attributes: { 材质: '100%新疆长绒棉', 厚薄: '适中' },
      sizeChart: [
        { size: 'M', heightCm: [160, 170], weightJin: [100, 120] },
        { size: 'L', heightCm: [171, 178], weightJin: [121, 140] },
      ],
    }).returning();
    const [jeans] = await database.db.insert(items).values({
      shopId: world.shopA, sku: 'J-02', title: '直筒牛仔裤', category: '裤子', priceFen: 15900, attributes: { 材质: '98%棉2%氨纶', 厚薄: '偏厚' },
    }).returning();
    itemId = tee!.id;
    await database.db.insert(itemVariants).values([
      { itemId: tee!.id, colour: '白色', size: 'M', stock: 12 },
      { itemId: tee!.id, colour: '黑色', size: 'L', stock: 0 },
      { itemId: jeans!.id, colour: '蓝色', size: '30', stock: 5 },
    ]);
    await database.db.insert(standardAnswers).values([
      { shopId: world.shopA, intent: 'invoice', variants: ['亲，我们可以开{invoice.types}，{invoice.when}开具哦'] },
      { shopId: world.shopA, intent: 'ship_time', variants: ['亲，{shop.ship_cutoff}前付款当天发货哦'] },
    ]);
    app = await buildApp({ database, config: loadConfig({ LOG_LEVEL: 'silent', TIMERS: 'off' }), now: () => NOW, logger: false });
    await app.ready();
    for (const who of ['agentA', 'agentB', 'supervisor', 'admin'] as const) tokens[who] = await tokenFor(app, world[who].login);
  }, 120_000);
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  it('a practice product quiz asks about prices, materials, stock, sizes and policies from the shop data, graded and saved', async () => {
    const res = await call('agentA', 'GET', `/api/v1/training/product-quiz?shopId=${world.shopA}&seed=11`);
    expect(res.statusCode, res.body).toBe(200);
    const quiz = res.json();
    expect(quiz.questions).toHaveLength(8);
    const kinds = new Set(quiz.questions.map((q: { kind: string }) => q.kind));
    for (const k of ['price', 'attribute', 'stock', 'policy']) expect(kinds.has(k), `kind ${k}`).toBe(true);
    const price = quiz.questions.find((q: { kind: string; promptZh: string }) => q.kind === 'price' && q.promptZh.includes('纯棉圆领T恤'));
    if (price) expect(price.options).toContain('¥89');
    // The same seed gives the same quiz.
    expect((await call('agentA', 'GET', `/api/v1/training/product-quiz?shopId=${world.shopA}&seed=11`)).json().questions).toEqual(quiz.questions);

    // A quiz handed in with nothing answered is refused in Chinese, not saved as 0/8.
    const empty = await call('agentA', 'POST', '/api/v1/training/product-quiz', { shopId: world.shopA, kind: 'product', seed: 11, answers: [null, null] });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.message).toMatch(/还没有作答/);
    const blank = await call('agentA', 'POST', '/api/v1/training/product-quiz', { shopId: world.shopA, kind: 'product', seed: 11, answers: [9] });
    expect(blank.statusCode, blank.body).toBe(200);
    expect(blank.json()).toMatchObject({ correct: 0, total: 8, score: 0 });
    const keys = blank.json().results.map((r: { answer: number }) => r.answer);
    // The stock question's explanation reads the live stock.
    expect(blank.json().results.map((r: { explanationZh: string }) => r.explanationZh).join('')).toMatch(/系统库存|商品资料|店铺设置/);
    const full = await call('agentA', 'POST', '/api/v1/training/product-quiz', { shopId: world.shopA, kind: 'product', seed: 11, answers: keys });
    expect(full.json()).toMatchObject({ correct: 8, score: 100 });
    const saved = await database.db.select().from(quizResults).where(and(eq(quizResults.agentId, world.agentA.id), eq(quizResults.kind, 'product')));
    expect(saved.map((r) => r.score).sort((a, b) => a - b)).toEqual([0, 100]);
  });

  it('a supervisor enters a competitor comparison: it becomes a standard answer the bot says, and an exam question', async () => {
    const denied = await call('agentA', 'PUT', `/api/v1/shops/${world.shopA}/comparisons`, { itemId, competitor: '某品牌T恤', rows: [{ attribute: '面料', ours: '新疆长绒棉', theirs: '普通棉' }] });
    expect(denied.statusCode).toBe(403);
    const blocked = await call('supervisor', 'PUT', `/api/v1/shops/${world.shopA}/comparisons`, {
      itemId, competitor: '加微信 xiaoer8888 的那家', rows: [{ attribute: '面料', ours: '新疆长绒棉', theirs: '普通棉' }],
    });
    expect(blocked.statusCode, blocked.body).toBe(422);
    expect(await database.db.select().from(standardAnswers).where(eq(standardAnswers.intent, comparisonAnswerKey(itemId)))).toHaveLength(0);

    const res = await call('supervisor', 'PUT', `/api/v1/shops/${world.shopA}/comparisons`, {
      itemId, competitor: '某品牌T恤',
      rows: [{ attribute: '面料', ours: '新疆长绒棉', theirs: '普通棉' }, { attribute: '克重', ours: '220g', theirs: '180g' }],
    });
    expect(res.statusCode, res.body).toBe(200);
    const view = res.json();
    expect(view.comparisons).toHaveLength(1);
    expect(view.comparisons[0].answerKey).toBe(comparisonAnswerKey(itemId));
    expect(view.comparisons[0].answer[0]).toContain('某品牌T恤');
    expect(view.comparisons[0].answer[0]).toContain('新疆长绒棉');
    const [answer] = await database.db.select().from(standardAnswers).where(and(eq(standardAnswers.shopId, world.shopA), eq(standardAnswers.intent, comparisonAnswerKey(itemId))));
    expect(answer!.variants).toHaveLength(2);
    const audit = await database.db.select().from(auditLog).where(eq(auditLog.action, 'settings.comparison'));
    expect(audit).toHaveLength(1);
    // Agents read the tables too (to learn them).
    expect((await call('agentA', 'GET', `/api/v1/shops/${world.shopA}/comparisons`)).json().comparisons).toHaveLength(1);

    // The bot: a buyer looking at the T-shirt asks how it compares (the shop's NLU reads the line).
    const shop = await loadShopContext(database, world.shopA, NOW.getTime() + 60_000_000);
    const nlu = (await nluForShop(database, world.shopA)).understand('这款和别家的比有什么区别', { now: NOW });
    expect(nlu.intent).toBe('product_info');
    const plan = planReply({
      nlu: { ...nlu, entities: { ...nlu.entities, itemRefs: [itemId] } },
      text: '这款和别家的比有什么区别',
      conversation: { stage: 'greet', turns: [], botTurnsSinceHuman: 0, misunderstandings: 0, focusItemId: itemId },
      shop: shop.shop, items: shop.items, orders: [], standardAnswers: shop.standardAnswers, promotions: shop.promotions,
      now: NOW, isFirstMessage: false, language: 'zh',
    });
    expect(plan.messages.join('')).toContain('某品牌T恤');
    expect(plan.messages.join('')).toContain('220g');

    // The exam draws a comparison question once a table exists.
    const exam = (await call('agentB', 'GET', `/api/v1/training/product-quiz?shopId=${world.shopA}&seed=5`));
    expect(exam.statusCode).toBe(404); // agent B does not serve shop A
    const q = (await call('agentA', 'GET', `/api/v1/training/product-quiz?shopId=${world.shopA}&seed=5`)).json();
    expect(q.questions.some((x: { kind: string; promptZh: string }) => x.kind === 'compare' && x.promptZh.includes('某品牌T恤'))).toBe(true);

    // Deleting the table removes its answer.
    const del = await call('supervisor', 'DELETE', `/api/v1/shops/${world.shopA}/comparisons/${view.comparisons[0].id}`);
    expect(del.statusCode).toBe(200);
    expect(await database.db.select().from(standardAnswers).where(eq(standardAnswers.intent, comparisonAnswerKey(itemId)))).toHaveLength(0);
    await call('supervisor', 'PUT', `/api/v1/shops/${world.shopA}/comparisons`, { itemId, competitor: '某品牌T恤', rows: [{ attribute: '克重', ours: '220g', theirs: '180g' }] });
  });

  it('the monthly exam: same questions for everyone this month, sat once, results tracked per agent for supervisors', async () => {
    const res = await call('agentA', 'GET', `/api/v1/training/exam?shopId=${world.shopA}`);
    expect(res.statusCode, res.body).toBe(200);
    const exam = res.json();
    expect(exam).toMatchObject({ kind: 'exam', period: '2026-11', taken: null });
    expect(exam.dueAt).toBe('2026-11-30T15:59:59.999Z'); // the end of November, Beijing time
    expect(exam.questions.length).toBeGreaterThanOrEqual(10);
    const supervisorExam = (await call('supervisor', 'GET', `/api/v1/training/exam?shopId=${world.shopA}`)).json();
    expect(supervisorExam.questions).toEqual(exam.questions);

    const wrongSeed = await call('agentA', 'POST', '/api/v1/training/product-quiz', { shopId: world.shopA, kind: 'exam', seed: exam.seed + 1, answers: [] });
    expect(wrongSeed.statusCode).toBe(400);
    const sat = await call('agentA', 'POST', '/api/v1/training/product-quiz', { shopId: world.shopA, kind: 'exam', seed: exam.seed, answers: exam.questions.map(() => 0) });
    expect(sat.statusCode, sat.body).toBe(200);
    const score = sat.json().score;
    const again = await call('agentA', 'POST', '/api/v1/training/product-quiz', { shopId: world.shopA, kind: 'exam', seed: exam.seed, answers: exam.questions.map(() => 0) });
    expect(again.statusCode).toBe(409);
    expect((await call('agentA', 'GET', `/api/v1/training/exam?shopId=${world.shopA}`)).json()).toMatchObject({ questions: [], taken: { score } });

    // The penalty-case quiz is saved too (L2).
    const lib = (await call('agentA', 'GET', `/api/v1/training/cases?shopId=${world.shopA}&seed=3`)).json();
    expect((await call('agentA', 'POST', '/api/v1/training/quiz', { shopId: world.shopA, seed: 3, answers: [] })).statusCode).toBe(400);
    const graded = await call('agentA', 'POST', '/api/v1/training/quiz', { shopId: world.shopA, seed: 3, answers: lib.quiz.questions.map(() => 1) });
    expect(graded.statusCode, graded.body).toBe(200);

    const progress = (await call('supervisor', 'GET', '/api/v1/training/results')).json();
    expect(progress.period).toBe('2026-11');
    const a = progress.agents.find((x: { agentId: string }) => x.agentId === world.agentA.id);
    expect(a.exams).toEqual([{ period: '2026-11', shopId: world.shopA, score }]);
    expect(a).toMatchObject({ productCount: 2, productAverage: 50, casesCount: 1 });
    expect(a.thisMonth).toEqual([{ shopId: world.shopA, shopName: '小美女装旗舰店', score }]);
    const b = progress.agents.find((x: { agentId: string }) => x.agentId === world.agentB.id);
    expect(b.thisMonth.every((m: { score: number | null }) => m.score === null)).toBe(true);
    // An agent sees only their own results.
    const mine = (await call('agentA', 'GET', '/api/v1/training/results')).json();
    expect(mine.agents.map((x: { agentId: string }) => x.agentId)).toEqual([world.agentA.id]);
    expect(mine.results.every((r: { agentId: string }) => r.agentId === world.agentA.id)).toBe(true);
  });

  it('a supervisor reviews a sampled real chat; the agent sees the comment and acknowledges it', async () => {
    reviewed = await seedConversation(database, { shopId: world.shopA, status: 'closed', incoming: [{ text: '你们质量太差了，我要投诉', at: at(40) }] });
    await database.db.update(messages).set({ intent: 'complaint' }).where(eq(messages.conversationId, reviewed));
    await database.db.insert(messages).values([
      { shopId: world.shopA, conversationId: reviewed, seq: 2, direction: 'out', authorKind: 'agent', authorId: world.agentA.id, text: '亲，推荐您看看这款直筒牛仔裤', createdAt: at(39) },
      { shopId: world.shopA, conversationId: reviewed, seq: 3, direction: 'out', authorKind: 'agent', authorId: world.agentA.id, text: '感谢您，祝您生活愉快', createdAt: at(38) },
    ]);
    await database.db.update(convs).set({ closedAt: at(30), assigneeId: world.agentA.id, lastSeq: 3 }).where(eq(convs.id, reviewed));

    const sample = (await call('supervisor', 'GET', '/api/v1/training/quality?days=7')).json();
    const row = sample.sample.find((r: { conversationId: string }) => r.conversationId === reviewed);
    expect(row).toMatchObject({ agentId: world.agentA.id, complained: true, review: null });

    expect((await call('agentA', 'POST', `/api/v1/training/quality/${reviewed}/review`, { comment: '自己点评' })).statusCode).toBe(403);
    const res = await call('supervisor', 'POST', `/api/v1/training/quality/${reviewed}/review`, { comment: '买家投诉时先道歉安抚，再处理问题', score: 60 });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().review).toMatchObject({ comment: '买家投诉时先道歉安抚，再处理问题', score: 60, autoScore: row.score, reviewerName: '店长老王', acknowledgedAt: null });
    const open = await seedConversation(database, { shopId: world.shopA, status: 'assigned', incoming: [{ text: '在吗', at: at(5) }] });
    expect((await call('supervisor', 'POST', `/api/v1/training/quality/${open}/review`, { comment: '还没结束' })).statusCode).toBe(409);

    const feedback = (await call('agentA', 'GET', '/api/v1/training/feedback')).json();
    expect(feedback.unacknowledged).toBe(1);
    expect(feedback.items[0]).toMatchObject({ conversationId: reviewed, comment: '买家投诉时先道歉安抚，再处理问题', score: 60 });
    expect((await call('agentB', 'GET', '/api/v1/training/feedback')).json().items).toEqual([]);
    const id = feedback.items[0].id;
    expect((await call('supervisor', 'POST', `/api/v1/training/feedback/${id}/ack`, {})).statusCode).toBe(403);
    const ack = await call('agentA', 'POST', `/api/v1/training/feedback/${id}/ack`, {});
    expect(ack.statusCode, ack.body).toBe(200);
    expect(ack.json()).toMatchObject({ unacknowledged: 0, items: [{ acknowledgedAt: NOW.toISOString() }] });
  });

  it('the dashboard shows recommendations, complaints, DSR and 质检 per agent; a trainee\'s scores never enter it', async () => {
    // An order of the reviewed chat's buyer, paid after the chat, with a DSR review.
    const [c] = await database.db.select().from(conversations).where(eq(conversations.id, reviewed));
    const [order] = await database.db.insert(orders).values({
      shopId: world.shopA, platformOrderNo: 'DSR-1', buyerId: c!.buyerId, state: 'TRADE_FINISHED', paidFen: 8900, totalFen: 8900, paidAt: at(35),
    }).returning();
    await database.db.insert(reviews).values({ shopId: world.shopA, orderId: order!.id, rating: 'good', at: at(10), dsr: { description: 5, service: 4, logistics: 5 }, platformReviewId: 'r-dsr-1' });

    const url = `/api/v1/metrics?groupBy=agent&from=${encodeURIComponent(at(24 * 60).toISOString())}&to=${encodeURIComponent(NOW.toISOString())}`;
    const before = await call('supervisor', 'GET', url);
    expect(before.statusCode, before.body).toBe(200);
    const m = before.json();
    const a = m.groups.find((g: { key: string }) => g.key === world.agentA.id);
    expect(a.figures).toMatchObject({ recommendations: 1, complaints: 1, dsr: { description: 5, service: 4, logistics: 5, reviews: 1 } });
    const q = m.quality.find((x: { agentId: string }) => x.agentId === world.agentA.id);
    expect(q).toMatchObject({ chats: 1, reviewed: 1 });
    expect(q.points[0]).toMatchObject({ key: '2026-11-23', reviewedScore: 60 });

    // Agent B practises (a finished session with its score) and sits this month's exam: the
    // service figures and the 质检 trend stay exactly as they were.
    const session = await call('agentB', 'POST', '/api/v1/training/sessions', { shopId: world.shopB, scenarioId: 'complaint', seed: 9 });
    expect(session.statusCode, session.body).toBe(200);
    const sid = session.json().id;
    await call('agentB', 'POST', `/api/v1/training/sessions/${sid}/reply`, { text: '加我微信 xiaoer8888 私聊' });
    const done = await call('agentB', 'POST', `/api/v1/training/sessions/${sid}/finish`, {});
    expect(done.json().score).not.toBeNull();
    const examB = (await call('agentB', 'GET', `/api/v1/training/exam?shopId=${world.shopB}`));
    if (examB.statusCode === 200) {
      await call('agentB', 'POST', '/api/v1/training/product-quiz', { shopId: world.shopB, kind: 'exam', seed: examB.json().seed, answers: [] });
    }
    expect(await database.db.select().from(trainingSessions).where(eq(trainingSessions.traineeId, world.agentB.id))).toHaveLength(1);
    const after = (await call('supervisor', 'GET', url)).json();
    expect(after.total).toEqual(m.total);
    expect(after.groups).toEqual(m.groups);
    expect(after.quality).toEqual(m.quality);
    expect(after.groups.some((g: { key: string }) => g.key === world.agentB.id)).toBe(false);
    // An agent's dashboard has no team panels.
    expect((await call('agentA', 'GET', url)).json().quality).toBeUndefined();
  });
});
