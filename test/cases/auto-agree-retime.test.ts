// Issue 15 on the real server and database (PGlite by default), timers fired by the real timer
// step (runDueDeadlines): when a refund's auto-agree limit passes, the platform agrees for the
// seller as its refund machine says — the case moves, with a platform timeline row and audit row,
// once across restarts, and agents are told; and a shop that changes its refund time limits sees
// its open cases' timers re-timed at once (as the ship-by hours move open orders' countdowns).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { runDueDeadlines } from '../../src/app/timers/run-due.js';
import type { DomainEvent } from '../../src/core/contract/events.js';
import * as s from '../../src/store/schema/index.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { databaseLabel } from '../helpers/database.js';

const H = 3_600_000;

describe(`refund auto-agree applied and time limits re-timed on ${databaseLabel} (issue 15)`, () => {
  let t: TestApp;
  let agent1: string;
  let admin: string;
  const events: DomainEvent[] = [];
  const h = (token: string) => ({ authorization: `Bearer ${token}` });
  const post = (url: string, payload: unknown, token = agent1) => t.app.inject({ method: 'POST', url, headers: h(token), payload: payload as object });
  const get = (url: string, token = agent1) => t.app.inject({ url, headers: h(token) });
  let seq = 0;
  const order = async (shopId: string, state: string, paidFen = 8800) => {
    const [o] = await t.database.db.insert(s.orders).values({
      shopId, platformOrderNo: `AA-${shopId}-${++seq}`, buyerAccount: `buyer_${seq}`, state, totalFen: paidFen, paidFen,
      orderedAt: new Date(t.now.getTime() - 100 * H), paidAt: new Date(t.now.getTime() - 99 * H), shippedAt: new Date(t.now.getTime() - 80 * H),
    }).returning();
    return o!;
  };
  const rows = (caseId: string) => t.database.db.select().from(s.deadlines).where(and(eq(s.deadlines.subjectKind, 'case'), eq(s.deadlines.subjectId, caseId)));
  const row = async (caseId: string, kind: string) => (await rows(caseId)).find((r) => r.kind === kind);

  beforeAll(async () => {
    t = await startTestApp();
    const [org] = await t.database.query<{ id: string }>('select id from organisations limit 1');
    // A Tmall shop whose manager set the auto-agree limit (no seed gives it) at 48 h.
    await t.database.db.insert(s.shops).values([
      { id: 'aa-tmall', orgId: org!.id, platform: 'tmall', name: '自动同意测试店', ruleOverrides: { aftersales: { time_limits: { auto_agree_hours: 48 } } } },
    ]);
    for (const login of ['agent1', 'admin']) {
      const [a] = await t.database.db.select({ id: s.agents.id }).from(s.agents).where(eq(s.agents.login, login));
      await t.database.db.insert(s.agentShops).values([{ agentId: a!.id, shopId: 'aa-tmall' }]).onConflictDoNothing();
    }
    agent1 = await t.login('agent1');
    admin = await t.login('admin');
    t.app.ctx.bus.subscribe((e) => void events.push(e));
  });
  afterAll(async () => {
    await t?.close();
  });

  it('a refund-only case left unanswered past auto-agree is refunded by the platform, once, audited, and agents are told', async () => {
    const o = await order('aa-tmall', '卖家已发货等待买家确认');
    const c = (await post('/api/v1/cases', { orderId: o.id, type: 'refund_only', reason: '收到商品破损', amount: 88 })).json().case;
    expect(c.state).toBe('退款申请等待卖家确认中');
    const due = new Date(t.now.getTime() + 48 * H);
    expect((await row(c.id, 'auto_agree'))!.dueAt.toISOString()).toBe(due.toISOString());

    // Before it is due nothing moves.
    await runDueDeadlines(t.database, { now: new Date(due.getTime() - H), workerId: 'w1', bus: t.app.ctx.bus });
    expect((await get(`/api/v1/cases/${c.id}`)).json().case.state).toBe('退款申请等待卖家确认中');

    const fired = await runDueDeadlines(t.database, { now: new Date(due.getTime() + 1000), workerId: 'w1', bus: t.app.ctx.bus });
    expect(fired.filter((f) => f.subjectId === c.id)).toEqual([expect.objectContaining({ kind: 'auto_agree', outcome: 'missed' })]);
    const detail = (await get(`/api/v1/cases/${c.id}`)).json();
    // Tmall's machine: the seller's agreement to a refund without return refunds it.
    expect(detail.case.state).toBe('退款成功');
    expect(detail.case.closedAt).not.toBeNull();
    const last = detail.timeline.at(-1);
    expect(last).toMatchObject({ event: 'seller_agree_refund', fromState: '退款申请等待卖家确认中', toState: '退款成功', actorKind: 'platform' });
    expect(last.note).toContain('平台超时自动同意');
    expect((await row(c.id, 'auto_agree'))!.state).toBe('missed');
    // The refund counts on the order (the whole paid amount: the order closes).
    const [after] = await t.database.db.select().from(s.orders).where(eq(s.orders.id, o.id));
    expect(after!.refundFen).toBe(8800);
    // Audited as the platform's move, with why.
    const audit = await t.database.query<{ actor_kind: string; data: { event: string; cause?: string } }>(
      `select actor_kind, data from audit_log where action = 'case.transition' and subject_id = $1`, [c.id]);
    expect(audit).toEqual([{ actor_kind: 'platform', data: expect.objectContaining({ event: 'seller_agree_refund', to: '退款成功', cause: 'auto_agree' }) }]);
    // Agents hear what happened, not just that a limit passed.
    const told = events.filter((e) => e.type === 'deadline.missed' && e.data.subjectId === c.id);
    expect(told).toHaveLength(1);
    expect(told[0]!.type === 'deadline.missed' && told[0]!.data.textZh).toContain('平台已超时自动同意（¥88.00）');

    // A restarted worker finds nothing to do: one move, one refund.
    const again = await runDueDeadlines(t.database, { now: new Date(due.getTime() + 60_000), workerId: 'w2-after-restart', bus: t.app.ctx.bus });
    expect(again.filter((f) => f.subjectId === c.id)).toEqual([]);
    const [still] = await t.database.db.select().from(s.orders).where(eq(s.orders.id, o.id));
    expect(still!.refundFen).toBe(8800);
    expect((await get(`/api/v1/cases/${c.id}`)).json().timeline.filter((e: { actorKind: string }) => e.actorKind === 'platform')).toHaveLength(1);
  });

  it('a return case past auto-agree waits for the buyer\'s parcel, as if the seller agreed to the return', async () => {
    const o = await order('aa-tmall', '卖家已发货等待买家确认');
    const c = (await post('/api/v1/cases', { orderId: o.id, type: 'return', reason: '收到商品破损', amount: 50 })).json().case;
    const due = new Date(t.now.getTime() + 48 * H);
    await runDueDeadlines(t.database, { now: new Date(due.getTime() + 1000), workerId: 'w1' });
    const view = (await get(`/api/v1/cases/${c.id}`)).json().case;
    expect(view.state).toBe('退款申请达成等待买家发货');
    expect(view.closedAt).toBeNull();
    expect(view.choices.map((x: { event: string }) => x.event)).toContain('parcel_received');
    // The refund waits for the goods.
    const [after] = await t.database.db.select().from(s.orders).where(eq(s.orders.id, o.id));
    expect(after!.refundFen).toBe(0);
  });

  it('a case the seller answered in time is not moved by the platform', async () => {
    const o = await order('aa-tmall', '卖家已发货等待买家确认');
    const c = (await post('/api/v1/cases', { orderId: o.id, type: 'refund_only', reason: '收到商品破损', amount: 30 })).json().case;
    await post(`/api/v1/cases/${c.id}/transition`, { event: 'seller_refuse', note: '商品完好' });
    expect((await row(c.id, 'auto_agree'))!.state).toBe('done');
    await runDueDeadlines(t.database, { now: new Date(t.now.getTime() + 49 * H), workerId: 'w1' });
    expect((await get(`/api/v1/cases/${c.id}`)).json().case.state).toBe('卖家不同意等待买家修改');
  });

  it('changing the refund time limits re-times open cases\' timers from when each started; met and missed rows stay', async () => {
    const put = (overrides: unknown) => t.app.inject({ method: 'PUT', url: '/api/v1/shops/aa-tmall/rule-overrides', headers: h(admin), payload: { overrides } });
    const waiting = (await post('/api/v1/cases', { orderId: (await order('aa-tmall', '卖家已发货等待买家确认')).id, type: 'refund_only', reason: '收到商品破损', amount: 20 })).json().case;
    const agreed = (await post('/api/v1/cases', { orderId: (await order('aa-tmall', '卖家已发货等待买家确认')).id, type: 'return', reason: '收到商品破损', amount: 20 })).json().case;
    await post(`/api/v1/cases/${agreed.id}/transition`, { event: 'seller_agree_return' });
    expect(await row(agreed.id, 'buyer_return')).toBeUndefined(); // no return window set yet
    expect((await row(waiting.id, 'seller_response'))).toBeUndefined();

    // Auto-agree 48 → 24 h, a response window of 12 h and a return window of 7 days, newly set.
    const res = await put({ aftersales: { time_limits: { auto_agree_hours: 24, seller_response_hours: 12, buyer_return_days: 7 } } });
    expect(res.statusCode, res.body).toBe(200);
    expect((await row(waiting.id, 'auto_agree'))!.dueAt.toISOString()).toBe(new Date(t.now.getTime() + 24 * H).toISOString());
    expect((await row(waiting.id, 'auto_agree'))!.state).toBe('pending');
    expect((await row(waiting.id, 'seller_response'))!.dueAt.toISOString()).toBe(new Date(t.now.getTime() + 12 * H).toISOString());
    expect((await row(waiting.id, 'seller_response'))!.payload).toMatchObject({ exposureMinor: 2000, currency: 'CNY' });
    expect((await row(agreed.id, 'buyer_return'))!.dueAt.toISOString()).toBe(new Date(t.now.getTime() + 7 * 24 * H).toISOString());
    // The agreed case's application timers were met; re-timing does not re-arm them.
    expect((await row(agreed.id, 'auto_agree'))!.state).toBe('done');
    expect((await row(agreed.id, 'seller_response'))).toBeUndefined();
    // The case screen shows the new time.
    const view = (await get(`/api/v1/cases/${waiting.id}`)).json().case;
    expect(view.timeLimits.find((l: { kind: string }) => l.kind === 'auto_agree').at).toBe(new Date(t.now.getTime() + 24 * H).toISOString());
    const [audit] = await t.database.query<{ data: { retimedCases: number } }>(
      `select data from audit_log where action = 'settings.rule_overrides' and subject_id = 'aa-tmall' order by id desc limit 1`);
    expect(audit!.data.retimedCases).toBeGreaterThanOrEqual(2);

    // Unsetting the auto-agree cancels the running row (no invented default takes its place).
    expect((await put({ aftersales: { time_limits: { seller_response_hours: 12, buyer_return_days: 7 } } })).statusCode).toBe(200);
    expect((await row(waiting.id, 'auto_agree'))!.state).toBe('cancelled');
    const after = (await get(`/api/v1/cases/${waiting.id}`)).json().case;
    expect(after.timeLimits.find((l: { kind: string }) => l.kind === 'auto_agree')).toMatchObject({ at: null, deadline: null });
    // Nothing fires for it any more.
    await runDueDeadlines(t.database, { now: new Date(t.now.getTime() + 25 * H), workerId: 'w3' });
    expect((await get(`/api/v1/cases/${waiting.id}`)).json().case.state).toBe('退款申请等待卖家确认中');
  });
});
