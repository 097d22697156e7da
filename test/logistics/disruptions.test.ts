// O7 (seed 004: 恶劣天气以及法定节假日都会有延迟耽搁现象) through the real server and scheduler: a
// shop's 物流异常 is entered, changed and removed by a supervisor (audited, Chinese reasons with
// stable codes for bad input, agents read only, another shop refused); a parcel in transit to a
// province it covers gets the delay notice at once — naming the cause and the expected recovery —
// while one to another province does not; the bot's tracking answer and the order drawer say
// "受…影响" for the affected order only. Receiver addresses are matched by province only.
import { and, eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiToken } from '../../src/app/auth/auth.js';
import { createLocalBus } from '../../src/app/events/event-bus.js';
import { runDueFollowups } from '../../src/app/followups/run-due.js';
import { ensureFollowups } from '../../src/app/followups/sweep.js';
import { syncOrder } from '../../src/app/orders/orders.js';
import type { DisruptionsView, DisruptionView } from '../../src/core/contract/logistics-disruptions.js';
import { auditLog, scheduledMessages } from '../../src/store/schema/index.js';
import { databaseLabel } from '../helpers/database.js';
import { startWorldApp, type WorldApp } from '../helpers/app.js';
import { tokenFor } from '../helpers/fixtures.js';

// 02:00 UTC is 10:00 in Shanghai (no quiet hours); Beijing day 2026-12-09.
const T0 = new Date('2026-12-09T02:00:00.000Z');
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);
const bus = createLocalBus();

describe(`O7 物流异常 per shop: settings, delay notice, bot answer, order drawer (${databaseLabel})`, () => {
  let clock = T0;
  let w: WorldApp;
  let bridgeToken: string;
  let sup: Record<string, string>;
  let agentA: Record<string, string>;
  let agentB: Record<string, string>;
  let snowId = '';
  const base = () => `/api/v1/shops/${w.world.shopA}/logistics-disruptions`;
  beforeAll(async () => {
    w = await startWorldApp({ now: () => clock });
    bridgeToken = (await createApiToken(w.database, { orgId: w.world.orgId, shopId: w.world.shopA, name: 'bridge' })).token;
    sup = { authorization: `Bearer ${await tokenFor(w.app, w.world.supervisor.login)}` };
    agentA = { authorization: `Bearer ${await tokenFor(w.app, w.world.agentA.login)}` };
    agentB = { authorization: `Bearer ${await tokenFor(w.app, w.world.agentB.login)}` };
  }, 120_000);
  afterAll(async () => {
    await w?.close();
  });

  /** A Tmall order shipped 30 hours before T0 (Beijing 12-08 04:00): no scan gap yet. */
  const shippedOrder = async (no: string, receiverAddress: string) => {
    await syncOrder(w.database, w.world.shopA, {
      platformOrderNo: no, buyerAccount: `buyer_${no}`, state: '买家已付款等待卖家发货', orderedAt: at(-2000), paidAt: at(-1990), totalFen: 5900,
      receiverName: '周小舟', receiverPhone: '13812345678', receiverAddress, lines: [{ title: '羽绒服', qty: 1, priceFen: 5900 }],
    }, { kind: 'platform' }, at(-1990));
    const { order } = await syncOrder(w.database, w.world.shopA, {
      platformOrderNo: no, state: '卖家已发货等待买家确认', shippedAt: at(-1800), courier: '中通快递', trackingNo: `ZT${no.slice(-3)}`,
    }, { kind: 'platform' }, at(-1800));
    return order;
  };
  const delayRows = (orderId: string) =>
    w.database.db.select().from(scheduledMessages).where(and(eq(scheduledMessages.orderId, orderId), eq(scheduledMessages.kind, 'delay_notice')));

  it('O7: a supervisor enters a disruption; bad input gets stable codes and Chinese reasons; agents read only; another shop is refused; audited', async () => {
    const created = await w.app.inject({ method: 'POST', url: base(), headers: sup, payload: { provinces: ['浙江省', '江苏'], from: '2026-12-08', to: '2026-12-10', cause: 'blizzard', note: '杭州、南京大雪' } });
    expect(created.statusCode, created.body).toBe(201);
    const view = created.json<DisruptionView>();
    expect(view).toMatchObject({ provinces: ['浙江', '江苏'], from: '2026-12-08', to: '2026-12-10', cause: 'blizzard', status: 'active', phraseZh: '受浙江、江苏暴雪天气影响', courier: null });
    snowId = view.id;

    const bad = await w.app.inject({ method: 'POST', url: base(), headers: sup, payload: { provinces: ['火星'], from: '2026-12-10', to: '2026-12-08', cause: 'other' } });
    expect(bad.statusCode, bad.body).toBe(400);
    const err = bad.json<{ error: { code: string; message: string; details: { fields: { code: string; messageZh: string }[] } } }>().error;
    expect(err.code).toBe('VALIDATION_FAILED');
    expect(err.message).toMatch(/^物流异常有误：/);
    expect(err.details.fields.map((f) => f.code)).toEqual(['DISRUPTION_PROVINCE_UNKNOWN', 'DISRUPTION_SPAN_ORDER', 'DISRUPTION_NOTE_REQUIRED']);
    expect(err.details.fields[0]!.messageZh).toBe('「火星」不是已知的省份名称');
    // A cause outside the list is refused by the contract, in Chinese.
    const cause = await w.app.inject({ method: 'POST', url: base(), headers: sup, payload: { provinces: ['浙江'], from: '2026-12-08', to: '2026-12-09', cause: 'tornado' } });
    expect(cause.statusCode).toBe(400);
    expect(cause.body).toContain('原因应为暴雪、台风、暴雨、疫情管控、大促爆仓、节假日或其他');

    // The shop's agent reads them (with the holiday calendar) but may not write.
    const list = await w.app.inject({ method: 'GET', url: base(), headers: agentA });
    expect(list.statusCode).toBe(200);
    const listed = list.json<DisruptionsView>();
    expect(listed.items.map((i) => i.id)).toEqual([snowId]);
    expect(listed.calendar.map((c) => c.name)).toContain('春节快递停运');
    expect(listed.provinces).toContain('黑龙江');
    expect((await w.app.inject({ method: 'POST', url: base(), headers: agentA, payload: { provinces: ['浙江'], from: '2026-12-08', to: '2026-12-09', cause: 'rainstorm' } })).statusCode).toBe(403);
    // Another shop's agent does not see the shop at all; the entry is not found through another shop.
    expect((await w.app.inject({ method: 'GET', url: base(), headers: agentB })).statusCode).toBe(404);
    const viaB = await w.app.inject({ method: 'DELETE', url: `/api/v1/shops/${w.world.shopB}/logistics-disruptions/${snowId}`, headers: sup });
    expect(viaB.statusCode, viaB.body).toBe(404);

    // Changed and a second one removed; every write audited without addresses.
    const changed = await w.app.inject({ method: 'PUT', url: `${base()}/${snowId}`, headers: sup, payload: { provinces: ['浙江', '江苏'], from: '2026-12-08', to: '2026-12-11', cause: 'blizzard', note: '杭州、南京大雪' } });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json<DisruptionView>().to).toBe('2026-12-11');
    const extra = (await w.app.inject({ method: 'POST', url: base(), headers: sup, payload: { provinces: ['广东'], from: '2026-12-20', to: '2026-12-21', cause: 'typhoon', courier: '顺丰' } })).json<DisruptionView>();
    expect(extra.status).toBe('upcoming');
    expect((await w.app.inject({ method: 'DELETE', url: `${base()}/${extra.id}`, headers: sup })).statusCode).toBe(200);
    expect((await w.app.inject({ method: 'GET', url: base(), headers: sup })).json<DisruptionsView>().items.map((i) => i.id)).toEqual([snowId]);
    const audit = await w.database.db.select().from(auditLog).where(like(auditLog.action, 'settings.logistics_disruption.%'));
    expect(audit.map((a) => a.action).sort()).toEqual([
      'settings.logistics_disruption.created', 'settings.logistics_disruption.created', 'settings.logistics_disruption.deleted', 'settings.logistics_disruption.updated',
    ]);
    expect(JSON.stringify(audit.map((a) => a.data))).not.toMatch(/文三路|杭州市/);
  });

  it('O7: a parcel to a covered province is told at once, naming cause and recovery; one to another province is not', async () => {
    const hit = await shippedOrder('TM-O7-001', '浙江省杭州市西湖区文三路 100 号');
    const miss = await shippedOrder('TM-O7-002', '广东省深圳市南山区科技园 1 号');
    expect(await ensureFollowups(w.database, T0)).toBeGreaterThan(0);
    expect((await delayRows(hit.id)).map((r) => [r.state, r.dueAt.getTime()])).toEqual([['pending', T0.getTime()]]);
    expect(await delayRows(miss.id)).toEqual([]);

    const fired = await runDueFollowups(w.database, { now: at(1), workerId: 'w', bus });
    expect(fired.filter((f) => f.flow === 'delay_notice').map((f) => [f.orderId, f.outcome])).toEqual([[hit.id, 'sent']]);
    const [sent] = await delayRows(hit.id);
    expect(sent).toMatchObject({ state: 'sent', reason: 'disruption', lang: 'zh' });
    expect(sent!.text).toContain('受浙江、江苏暴雪天气影响');
    expect(sent!.text).toContain('预计12月12日起逐步恢复');
    expect(sent!.text).toContain('ZT001');
    expect(sent!.text).not.toMatch(/文三路|西湖区|13812345678/);
    // Once per order: a later sweep plans nothing more for it.
    await ensureFollowups(w.database, at(5));
    expect(await delayRows(hit.id)).toHaveLength(1);
  });

  it('O7: the bot says 受…影响 for the affected order and the generic line for the other; the order drawer shows the disruption', async () => {
    clock = at(10);
    const ask = async (buyer: string, id: string) => {
      const r = await w.app.inject({ method: 'POST', url: `/api/v1/shops/${w.world.shopA}/inbound`, headers: { authorization: `Bearer ${bridgeToken}` }, payload: { buyer_account_id: buyer, message_id: id, text: '我的快递到哪了？怎么还没到' } });
      expect(r.statusCode, r.body).toBe(201);
      return (r.json() as { replies: { text: string }[] }).replies.map((x) => x.text).join('\n');
    };
    const affected = await ask('buyer_TM-O7-001', 'o7-a');
    expect(affected).toContain('受浙江、江苏暴雪天气影响');
    expect(affected).toContain('预计12月12日起逐步恢复');
    const other = await ask('buyer_TM-O7-002', 'o7-b');
    expect(other).not.toContain('受');
    expect(other).toContain('ZT002');

    const orders = await w.app.inject({ method: 'GET', url: `/api/v1/orders?shopId=${w.world.shopA}`, headers: agentA });
    const items = (orders.json() as { items: { order: { id: string; platformOrderNo: string } }[] }).items;
    const idOf = (no: string) => items.find((i) => i.order.platformOrderNo === no)!.order.id;
    const drawer = async (no: string) => (await w.app.inject({ method: 'GET', url: `/api/v1/orders/${idOf(no)}`, headers: agentA })).json() as { disruption: unknown };
    expect((await drawer('TM-O7-001')).disruption).toEqual({
      source: 'shop', cause: 'blizzard', from: '2026-12-08', to: '2026-12-11', phraseZh: '受浙江、江苏暴雪天气影响', recoveryZh: '预计12月12日起逐步恢复',
    });
    expect((await drawer('TM-O7-002')).disruption).toBeNull();
    clock = T0;
  });

  it('O7: a short public holiday (清明) is named once tracking stalls, but not told before — no notice for a parcel still moving', async () => {
    // Beijing 2026-04-06 10:00, the last day of the 清明 holiday (State Council 2026 schedule).
    const Q = new Date('2026-04-06T02:00:00.000Z');
    const order = async (no: string, shippedAt: Date) => {
      await syncOrder(w.database, w.world.shopA, {
        platformOrderNo: no, buyerAccount: `buyer_${no}`, state: '买家已付款等待卖家发货', orderedAt: new Date(shippedAt.getTime() - 3_600_000), paidAt: new Date(shippedAt.getTime() - 3_000_000),
        totalFen: 5900, receiverAddress: '广东省广州市天河区某路 8 号', lines: [{ title: '羽绒服', qty: 1, priceFen: 5900 }],
      }, { kind: 'platform' }, shippedAt);
      return (await syncOrder(w.database, w.world.shopA, { platformOrderNo: no, state: '卖家已发货等待买家确认', shippedAt, courier: '圆通速递', trackingNo: `YT${no.slice(-3)}` }, { kind: 'platform' }, shippedAt)).order;
    };
    const stalled = await order('TM-O7-101', new Date('2026-04-02T02:00:00.000Z')); // 96 h without a scan (> 72 h)
    const moving = await order('TM-O7-102', new Date('2026-04-05T02:00:00.000Z')); // 24 h: not stalled
    await ensureFollowups(w.database, Q);
    expect(await delayRows(moving.id)).toEqual([]);
    expect(await delayRows(stalled.id)).toHaveLength(1);
    await runDueFollowups(w.database, { now: new Date(Q.getTime() + 60_000), workerId: 'w', bus });
    const [sent] = await delayRows(stalled.id);
    expect(sent).toMatchObject({ state: 'sent', reason: 'disruption' });
    expect(sent!.text).toContain('受清明节假期影响');
    expect(sent!.text).toContain('预计4月7日起逐步恢复');
  });
});
