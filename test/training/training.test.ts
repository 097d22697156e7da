// L1: practice sessions with the simulated buyer over the HTTP API on a real database (PGlite):
// the buyer asks about the shop's own catalogue, reacts to replies (goal met → next question,
// off-topic → complaint about it, trap → its consequence), the report scores the guard's
// violations with their platform points, reply times, flow steps, consistency, empathy and the
// outcome, with the model answer; sessions never touch conversations or orders; supervisors see
// trainees' progress; the same seed and replies give the same buyer.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { loadConfig } from '../../src/config.js';
import type { TrainingSessionView } from '../../src/core/contract/training.js';
import { loadScenarios, SCENARIO_IDS } from '../../src/core/training/scenarios.js';
import { buildApp } from '../../src/server/app.js';
import type { Database } from '../../src/store/open-database.js';
import { conversations, items, itemVariants, messages, orders } from '../../src/store/schema/index.js';
import { openTestDatabase } from '../helpers/database.js';
import { seedWorld, tokenFor, type World } from '../helpers/fixtures.js';

describe('training with a simulated buyer (L1)', () => {
  let database: Database;
  let app: FastifyInstance;
  let world: World;
  let clock = new Date('2026-11-23T02:00:00.000Z');
  let agentToken = '';
  let supervisorToken = '';
  const later = (s: number) => (clock = new Date(clock.getTime() + s * 1000));

  const call = async (token: string, method: 'GET' | 'POST', url: string, payload?: object) => {
    const res = await app.inject({ method, url, headers: { authorization: `Bearer ${token}` }, ...(payload ? { payload } : {}) });
    return res;
  };
  const start = async (scenarioId: string, seed: number) => {
    const res = await call(agentToken, 'POST', '/api/v1/training/sessions', { shopId: world.shopA, scenarioId, seed });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as TrainingSessionView;
  };
  const reply = async (id: string, text: string, seconds = 8) => {
    later(seconds);
    const res = await call(agentToken, 'POST', `/api/v1/training/sessions/${id}/reply`, { text });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as TrainingSessionView;
  };
  const finish = async (id: string) => {
    const res = await call(agentToken, 'POST', `/api/v1/training/sessions/${id}/finish`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as TrainingSessionView;
  };

  beforeAll(async () => {
    database = await openTestDatabase();
    world = await seedWorld(database);
    const [item] = await database.db.insert(items).values({ shopId: world.shopA, sku: 'DRESS-1', title: '碎花连衣裙', category: '连衣裙', priceFen: 15900 }).returning();
    await database.db.insert(itemVariants).values([
      { itemId: item!.id, colour: '蓝色', size: 'M', stock: 12 },
      { itemId: item!.id, colour: '蓝色', size: 'L', stock: 5 },
    ]);
    app = await buildApp({ database, config: loadConfig({ LOG_LEVEL: 'silent', TIMERS: 'off' }), now: () => clock, logger: false });
    await app.ready();
    agentToken = await tokenFor(app, world.agentA.login);
    supervisorToken = await tokenFor(app, world.supervisor.login);
  }, 120_000);
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  it('every scenario of the list loads, with many phrasings per question', async () => {
    const all = loadScenarios();
    expect([...all.keys()]).toEqual([...SCENARIO_IDS]);
    for (const s of all.values()) expect(s.goals[0]!.ask.length, s.id).toBeGreaterThanOrEqual(5);
    const res = await call(agentToken, 'GET', '/api/v1/training/scenarios');
    expect(res.json().scenarios.map((s: { id: string }) => s.id)).toContain('scam_attempt');
  });

  it('a bargaining buyer asks about the shop\'s item, buys after a good answer, and the report is scored', async () => {
    const before = await database.db.select({ n: sql<number>`count(*)::int` }).from(conversations);
    const s = await start('bargaining', 42);
    expect(s.lines).toHaveLength(1);
    expect(s.lines[0]!.text).toMatch(/碎花连衣裙|159/);
    const r1 = await reply(s.id, '亲，您好，这款已经是活动价了，现在拍下还可以领店铺优惠券哦');
    expect(r1.lines).toHaveLength(3);
    expect(r1.lines[2]!.author).toBe('buyer');
    const r2 = await reply(s.id, '请问您平时穿什么码？建议您选M码，现在有货，拍下就能安排发货');
    expect(r2.buyerEnded).toBe(true);
    expect(r2.outcome).toBe('bought');
    await reply(s.id, '感谢您的支持，祝您购物愉快，有问题随时找我');
    const done = await finish(s.id);
    expect(done.status).toBe('ended');
    const report = done.report!;
    expect(report.success).toBe(true);
    expect(report.outcome).toBe('bought');
    expect(report.flow.filter((f) => f.required).every((f) => f.done)).toBe(true);
    expect(report.score).toBe(100);
    // The model answer: the bot's planned answer to the buyer's first line, from the shop's data.
    expect(report.replay[1]!.analysis!.modelAnswer.length).toBeGreaterThan(0);
    // Nothing real was touched.
    const after = await database.db.select({ n: sql<number>`count(*)::int` }).from(conversations);
    expect(after[0]!.n).toBe(before[0]!.n);
    expect(await database.db.select().from(orders)).toEqual([]);
    expect((await database.db.select().from(messages)).length).toBe(0);
  });

  it('a violation is caught with its rule and points, the trap ends the chat and costs the score', async () => {
    const s = await start('bargaining', 43);
    const r = await reply(s.id, '加我微信 abc12345，私下便宜点给你', 45);
    expect(r.lines[1]!.violations!.map((v) => v.rule)).toContain('D2');
    expect(r.buyerEnded).toBe(true);
    // D1/D2: an off-platform offer never ends in a sale, though the scenario's trap alone would.
    expect(r.outcome).toBe('left');
    const done = await finish(s.id);
    const report = done.report!;
    const violation = report.deductions.find((d) => d.kind === 'violation');
    expect(violation?.titleZh).toContain('D2');
    expect(report.deductions.some((d) => d.kind === 'trap')).toBe(true);
    expect(report.deductions.some((d) => d.kind === 'slow')).toBe(true);
    expect(report.deductions.some((d) => d.kind === 'flow' && d.titleZh.includes('招呼'))).toBe(true);
    expect(report.success).toBe(false);
    expect(report.score).toBeLessThan(50);
  });

  it('a trap that still ends in the ideal outcome is counted as the trap, not as a wrong outcome', async () => {
    const s = await start('bargaining', 44);
    const r = await reply(s.id, '亲，您好，这款我给您便宜点，直接减二十块，拍吧');
    expect(r.buyerEnded).toBe(true);
    expect(r.outcome).toBe('bought');
    const report = (await finish(s.id)).report!;
    expect(report.success).toBe(false);
    expect(report.deductions.some((d) => d.kind === 'trap')).toBe(true);
    expect(report.deductions.filter((d) => d.kind === 'outcome')).toEqual([]);
  });

  it('an angry buyer without empathy runs out of patience and complains; the report asks for C14 phrases', async () => {
    const s = await start('angry_buyer', 7);
    let v = await reply(s.id, '请提供订单号');
    for (let i = 0; i < 4 && !v.buyerEnded; i++) v = await reply(s.id, '请提供订单号');
    expect(v.buyerEnded).toBe(true);
    expect(v.outcome).toBe('complained');
    const report = (await finish(s.id)).report!;
    expect(report.deductions.some((d) => d.kind === 'empathy')).toBe(true);
    expect(report.phrasesToLearn.length).toBeGreaterThan(0);
  });

  it('a scam buyer (O4) leaves when the trainee goes by the order status; the privacy trap (D6) is caught', async () => {
    const s = await start('scam_attempt', 11);
    let v = await reply(s.id, '亲，您好，后台显示这个订单还是等待买家付款，我们以平台订单状态为准哦');
    v = await reply(s.id, '亲，付款要在平台订单里完成，系统显示付款成功后我们马上安排');
    expect(v.outcome).toBe('left');
    expect((await finish(s.id)).report!.success).toBe(true);

    const p = await start('privacy_trap', 5);
    const leaked = await reply(p.id, '您好，收货地址是杭州市西湖区文三路1号，电话是13800001234');
    expect(leaked.buyerEnded).toBe(true);
    expect(leaked.outcome).toBe('complained');
    const report = (await finish(p.id)).report!;
    expect(report.deductions.some((d) => d.kind === 'trap')).toBe(true);
  });

  it('the same seed and the same replies give the same buyer; another seed another one', async () => {
    const a = await start('size_advice', 99);
    const b = await start('size_advice', 99);
    expect(b.lines[0]!.text).toBe(a.lines[0]!.text);
    const ra = await reply(a.id, '您好，请问您的身高体重是多少？');
    const rb = await reply(b.id, '您好，请问您的身高体重是多少？');
    expect(rb.lines[2]!.text).toBe(ra.lines[2]!.text);
    const openings = new Set<string>();
    for (let seed = 1; seed <= 8; seed++) openings.add((await start('size_advice', seed)).lines[0]!.text);
    expect(openings.size).toBeGreaterThan(3);
  });

  it('only the trainee replies; the supervisor sees progress apart from the real figures; other shops see nothing', async () => {
    const s = await start('invoice', 3);
    const sup = await call(supervisorToken, 'POST', `/api/v1/training/sessions/${s.id}/reply`, { text: '可以开发票' });
    expect(sup.statusCode).toBe(403);
    expect((await call(supervisorToken, 'GET', `/api/v1/training/sessions/${s.id}`)).statusCode).toBe(200);
    const other = await tokenFor(app, world.agentB.login);
    expect((await call(other, 'GET', `/api/v1/training/sessions/${s.id}`)).statusCode).toBe(404);
    const overview = (await call(supervisorToken, 'GET', '/api/v1/training/overview')).json();
    const row = overview.progress.find((p: { traineeId: string }) => p.traineeId === world.agentA.id);
    expect(row.finished).toBeGreaterThanOrEqual(4);
    expect(row.averageScore).not.toBeNull();
    expect(row.best.some((b: { scenarioId: string; score: number }) => b.scenarioId === 'bargaining' && b.score === 100)).toBe(true);
    const mine = (await call(other, 'GET', '/api/v1/training/overview')).json();
    expect(mine.progress).toEqual([]);
    // The real team figures count no practice reply.
    const metrics = await call(supervisorToken, 'GET', '/api/v1/metrics');
    expect(metrics.statusCode).toBe(200);
    expect(JSON.stringify(metrics.json())).not.toContain('碎花连衣裙');
    const [n] = await database.db.select({ n: sql<number>`count(*)::int` }).from(messages).where(eq(messages.shopId, world.shopA));
    expect(n!.n).toBe(0);
  });
});
