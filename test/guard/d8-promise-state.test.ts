// D8 wiring (issue 11): a promise made in chat gets a state from its order's events (open → kept /
// broken / void), a warning row before it is due (deadlines, the timer loop — no in-memory timer)
// and its exposure (Tmall: 4 points, rules/tmall.yaml penalties.by_rule.D8) in the conversation
// detail the side panel shows. An agent settles what no order event shows (a gift). Real store
// and server (PGlite); orders change through the live sync (syncOrder), as a bridge sends them.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Principal } from '../../src/app/auth/auth.js';
import { sendReply } from '../../src/app/conversations/send-reply.js';
import { createLocalBus, type DomainEvent } from '../../src/app/events/event-bus.js';
import { syncOrder } from '../../src/app/orders/orders.js';
import { runDueDeadlines } from '../../src/app/timers/run-due.js';
import * as t from '../../src/store/schema/index.js';
import { startTestApp, type TestApp } from '../helpers/app.js';

const SHOP = 'demo-tmall';
// 10:00 Beijing on a weekday: a promise to ship 今天 is due at midnight Beijing (16:00 UTC).
const NOW = new Date('2026-11-11T02:00:00Z');
const MIDNIGHT = new Date('2026-11-11T16:00:00Z');
const at = (ms: number) => new Date(NOW.getTime() + ms);
const H = 3_600_000;
let h: TestApp;
let token: string;
let agent: Principal;
let n = 0;

beforeAll(async () => {
  h = await startTestApp({ now: NOW });
  token = await h.login('agent1');
  const [a] = await h.database.db.select().from(t.agents).where(eq(t.agents.login, 'agent1'));
  agent = { kind: 'agent', agentId: a!.id, orgId: a!.orgId, role: 'agent', displayName: a!.displayName, shopIds: [SHOP] } as Principal;
}, 180_000);
afterAll(async () => h?.close());

/** A buyer with a paid order, an agent's reply making a promise; returns what the test needs. */
async function promiseOnPaidOrder(text: string) {
  n += 1;
  const account = `d8-buyer-${n}`;
  const orderNo = `4008000000000000${String(n).padStart(3, '0')}`;
  await syncOrder(h.database, SHOP, { platformOrderNo: orderNo, buyerAccount: account, state: '买家已付款，等待卖家发货', totalFen: 9900, orderedAt: at(-H), paidAt: at(-H) }, { kind: 'platform' }, NOW);
  const [buyer] = await h.database.db.select().from(t.buyers).where(and(eq(t.buyers.shopId, SHOP), eq(t.buyers.platformAccount, account)));
  const [c] = await h.database.db.insert(t.conversations).values({ shopId: SHOP, buyerId: buyer!.id, channel: 'bridge', status: 'assigned', assigneeId: agent.agentId }).returning();
  await sendReply({ database: h.database, bus: createLocalBus(), now: NOW }, { conversationId: c!.id, text, author: { kind: 'agent', id: agent.agentId }, principal: agent });
  const [p] = await h.database.db.select().from(t.promises).where(eq(t.promises.conversationId, c!.id));
  expect(p, `no promise recorded for ${text}`).toBeDefined();
  return { conversationId: c!.id, orderNo, account, promise: p! };
}

const promiseRow = async (id: string) => (await h.database.db.select().from(t.promises).where(eq(t.promises.id, id)))[0]!;
const deadlineOf = async (id: string) =>
  (await h.database.db.select().from(t.deadlines).where(and(eq(t.deadlines.subjectKind, 'promise'), eq(t.deadlines.subjectId, id))))[0];
const ship = (orderNo: string, account: string, when: Date, courier = '中通快递') =>
  syncOrder(h.database, SHOP, { platformOrderNo: orderNo, buyerAccount: account, state: '卖家已发货，等待买家确认', shippedAt: when, courier, trackingNo: `ZT${orderNo.slice(-10)}` }, { kind: 'platform' }, when);

describe('D8: promise state from order events (issue 11)', () => {
  it('今天发货: due at midnight Beijing with a warning row before; kept when the order ships in time', async () => {
    const { promise, orderNo, account } = await promiseOnPaidOrder('亲，今天给您发货哦');
    expect(promise.kind).toBe('delivery_time');
    expect(promise.dueAt?.toISOString()).toBe(MIDNIGHT.toISOString());
    const row = await deadlineOf(promise.id);
    expect(row?.kind).toBe('promise_due');
    expect(row!.warnAt!.getTime()).toBeLessThan(MIDNIGHT.getTime());

    // The timer loop warns the agent at the warning time (a deadline.warning event for the screens).
    const bus = createLocalBus();
    const heard: DomainEvent[] = [];
    bus.subscribe((e) => heard.push(e));
    const fired = await runDueDeadlines(h.database, { now: row!.warnAt!, workerId: 't', bus });
    expect(fired.filter((f) => f.subjectId === promise.id).map((f) => f.outcome)).toEqual(['warned']);
    expect(heard.some((e) => e.type === 'deadline.warning' && e.data.subjectId === promise.id && e.data.labelZh === '承诺兑现')).toBe(true);

    await ship(orderNo, account, at(4 * H));
    const after = await promiseRow(promise.id);
    expect(after.state).toBe('kept');
    expect(after.settledNote).toContain('承诺时间内发货');
    expect((await deadlineOf(promise.id))?.state).toBe('done');
  });

  it('broken when the time comes and the order has not shipped (the loop settles it); shipping late stays broken', async () => {
    const { promise, orderNo, account } = await promiseOnPaidOrder('亲，今天给您发货哦');
    await runDueDeadlines(h.database, { now: at(15 * H), workerId: 't' });
    const after = await promiseRow(promise.id);
    expect(after.state).toBe('broken');
    expect(after.settledNote).toContain('仍未发货');
    expect((await deadlineOf(promise.id))?.state).toBe('missed');
    await ship(orderNo, account, at(20 * H));
    expect((await promiseRow(promise.id)).state).toBe('broken');
  });

  it('a courier promise is broken when the order ships with another courier', async () => {
    const { promise, orderNo, account } = await promiseOnPaidOrder('亲，给您发顺丰哦');
    expect(promise.kind).toBe('courier');
    await ship(orderNo, account, at(2 * H), '圆通速递');
    const after = await promiseRow(promise.id);
    expect(after.state).toBe('broken');
    expect(after.settledNote).toContain('圆通');
  });

  it('void when the order is closed before it ships', async () => {
    const { promise, orderNo, account } = await promiseOnPaidOrder('亲，下单送您一个小赠品哦');
    await syncOrder(h.database, SHOP, { platformOrderNo: orderNo, buyerAccount: account, state: '交易关闭', closedAt: at(H) }, { kind: 'platform' }, at(H));
    expect((await promiseRow(promise.id)).state).toBe('void');
    expect((await deadlineOf(promise.id))?.state).toBe('cancelled');
  });

  it('a gift the agent confirms is kept; the detail shows state, due time and the 4-point exposure', async () => {
    const { promise, conversationId } = await promiseOnPaidOrder('亲，下单送您一个小赠品哦');
    expect(promise.dueAt).not.toBeNull(); // the order's ship-by
    const auth = { authorization: `Bearer ${token}` };
    const before = (await h.app.inject({ method: 'GET', url: `/api/v1/conversations/${conversationId}`, headers: auth })).json() as {
      promises: { id: string; state: string; points: number; dueAt: string | null }[];
    };
    expect(before.promises).toEqual([expect.objectContaining({ id: promise.id, state: 'open', points: 4, dueAt: promise.dueAt!.toISOString() })]);
    const res = await h.app.inject({ method: 'POST', url: `/api/v1/promises/${promise.id}/settle`, headers: auth, payload: { state: 'kept', note: '赠品已放入包裹' } });
    expect(res.statusCode, res.body).toBe(200);
    expect((await promiseRow(promise.id)).state).toBe('kept');
    expect((await deadlineOf(promise.id))?.state).toBe('done');
    const again = await h.app.inject({ method: 'POST', url: `/api/v1/promises/${promise.id}/settle`, headers: auth, payload: { state: 'broken' } });
    expect(again.statusCode).toBe(409);
  });

  it('a promise made before the order exists is tied to the buyer’s next order and scheduled then', async () => {
    n += 1;
    const account = `d8-early-${n}`;
    const [buyer] = await h.database.db.insert(t.buyers).values({ shopId: SHOP, platformAccount: account }).returning();
    const [c] = await h.database.db.insert(t.conversations).values({ shopId: SHOP, buyerId: buyer!.id, channel: 'bridge', status: 'assigned', assigneeId: agent.agentId }).returning();
    await sendReply({ database: h.database, bus: createLocalBus(), now: NOW }, { conversationId: c!.id, text: '亲，下单送您一个小赠品哦', author: { kind: 'agent', id: agent.agentId }, principal: agent });
    const [p] = await h.database.db.select().from(t.promises).where(eq(t.promises.conversationId, c!.id));
    expect(p!.orderId).toBeNull();
    await syncOrder(h.database, SHOP, { platformOrderNo: '4008100000000000001', buyerAccount: account, state: '买家已付款，等待卖家发货', totalFen: 100, orderedAt: at(H), paidAt: at(H) }, { kind: 'platform' }, at(H));
    const tied = await promiseRow(p!.id);
    expect(tied.orderId).not.toBeNull();
    expect(tied.dueAt).not.toBeNull();
    expect((await deadlineOf(p!.id))?.state).toBe('pending');
  });
});
