// R7 (seed 001 一、1 (1), issue 14): a buyer who signed for the parcel but has not confirmed
// receipt is reminded once, 48 h after signing, through the real scheduler — from the order's
// signed state (Pinduoduo, AliExpress) or a signing scan found by the sweep (JD has no signed
// state). Confirmation before the delay stops it; a buyer with an open after-sales case is never
// asked to confirm; nothing goes out past the platform's auto-confirmation; AliExpress buyers
// abroad read it in English. The preview and the sent log show it like the other flows.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLocalBus } from '../../src/app/events/event-bus.js';
import { runDueFollowups } from '../../src/app/followups/run-due.js';
import { ensureFollowups } from '../../src/app/followups/sweep.js';
import { addLogisticsEvent, syncOrder } from '../../src/app/orders/orders.js';
import { scheduledMessages, shops } from '../../src/store/schema/index.js';
import { databaseLabel } from '../helpers/database.js';
import { startWorldApp, type WorldApp } from '../helpers/app.js';
import { tokenFor } from '../helpers/fixtures.js';

// 02:00 UTC is 10:00 in Shanghai; +49 h is 11:00 (no quiet hours in the way).
const T0 = new Date('2026-11-23T02:00:00.000Z');
const at = (hours: number) => new Date(T0.getTime() + hours * 3_600_000);
const bus = createLocalBus();

describe(`R7 签收未确认提醒 through the scheduler (${databaseLabel})`, () => {
  let clock = T0;
  let w: WorldApp;
  // A session lasts hours, the test moves the clock by days: log in at the moment of each call.
  const auth = async () => ({ authorization: `Bearer ${await tokenFor(w.app, w.world.supervisor.login)}` });
  beforeAll(async () => {
    w = await startWorldApp({ now: () => clock, platformA: 'pdd' });
  }, 120_000);
  afterAll(async () => {
    await w?.close();
  });

  /** A Pinduoduo order shipped 3 days before T0 and signed for at T0. */
  const signedPdd = async (no: string) => {
    const input = {
      platformOrderNo: no, buyerAccount: `buyer_${no}`, orderedAt: at(-100), paidAt: at(-99), shippedAt: at(-72), totalFen: 5900,
      courier: '中通快递', trackingNo: `ZT${no}`, lines: [{ title: '纯棉T恤', qty: 1, priceFen: 5900 }],
    };
    await syncOrder(w.database, w.world.shopA, { ...input, state: '已发货待签收' }, { kind: 'platform' }, at(-72));
    const { order } = await syncOrder(w.database, w.world.shopA, { platformOrderNo: no, state: '已签收' }, { kind: 'platform' }, T0);
    return order;
  };
  const rowsOf = (orderId: string) =>
    w.database.db.select().from(scheduledMessages).where(and(eq(scheduledMessages.orderId, orderId), eq(scheduledMessages.kind, 'confirm_reminder')));
  const run = async (hours: number) => (await runDueFollowups(w.database, { now: at(hours), workerId: 'w', bus })).filter((d) => d.flow === 'confirm_reminder');

  it('signed → one reminder 48 h later; confirmed before → stopped; open after-sales case → not sent', async () => {
    const plain = await signedPdd('PDD-SIGN-1');
    const confirmed = await signedPdd('PDD-SIGN-2');
    const complaint = await signedPdd('PDD-SIGN-3');
    const [row] = await rowsOf(plain.id);
    expect(row).toMatchObject({ state: 'pending', category: 'service', dueAt: at(48) });

    // The buyer of the second order confirms receipt the next day: its reminder stops at once.
    await syncOrder(w.database, w.world.shopA, { platformOrderNo: 'PDD-SIGN-2', state: '交易成功', completedAt: at(20) }, { kind: 'platform' }, at(20));
    expect((await rowsOf(confirmed.id)).map((r) => [r.state, r.outcome])).toEqual([['cancelled', 'stopped_confirmed']]);

    // The third buyer opened an after-sales case (damaged goods), still open when the reminder falls due.
    clock = at(30);
    const opened = await w.app.inject({
      method: 'POST', url: '/api/v1/cases', headers: await auth(),
      payload: { orderId: complaint.id, type: 'return', reason: '收到商品破损', amount: 59 },
    });
    expect(opened.statusCode, opened.body).toBeLessThan(300);

    // Not before the delay.
    expect(await run(47)).toEqual([]);
    const due = await run(49);
    expect(due.map((d) => [d.orderId, d.outcome]).sort()).toEqual([[complaint.id, 'stopped_aftersales'], [plain.id, 'sent']].sort());
    const [sent] = await rowsOf(plain.id);
    expect(sent).toMatchObject({ state: 'sent', outcome: 'sent', lang: 'zh', channel: 'bridge' });
    expect(sent!.text).toMatch(/PDD-SIGN-1.*签收.*「纯棉T恤」.*确认收货.*先联系我们/);
    expect(sent!.text).not.toMatch(/评|返现|红包|优惠券|赠品/);
    const [held] = await rowsOf(complaint.id);
    expect(held).toMatchObject({ state: 'cancelled', outcome: 'stopped_aftersales', messageId: null });
    // Once: a later run sends nothing more.
    expect(await run(60)).toEqual([]);
    expect((await rowsOf(plain.id))).toHaveLength(1);

    // The sent log shows it with its outcome, like the other flows.
    clock = at(61);
    const headers = await auth();
    const log = await w.app.inject({ method: 'GET', url: `/api/v1/shops/${w.world.shopA}/followups/log?flow=confirm_reminder&limit=20`, headers });
    expect(log.statusCode, log.body).toBe(200);
    const items = (log.json() as { items: { orderNo: string; outcome: string; flow: string }[] }).items;
    expect(items.map((i) => [i.orderNo, i.outcome]).sort()).toEqual([['PDD-SIGN-1', 'sent'], ['PDD-SIGN-2', 'stopped_confirmed'], ['PDD-SIGN-3', 'stopped_aftersales']]);
    // The screen lists the flow: on by default, service, 48 h after signing.
    const view = await w.app.inject({ method: 'GET', url: `/api/v1/shops/${w.world.shopA}/followups`, headers });
    const flow = (view.json() as { flows: { flow: string; enabled: boolean; category: string; defaultDelayHours: number; title: string }[] }).flows.find((f) => f.flow === 'confirm_reminder');
    expect(flow).toMatchObject({ enabled: true, category: 'service', defaultDelayHours: 48, title: '签收未确认提醒' });
  }, 120_000);

  it('the preview shows who would be reminded and holds back a buyer with an open case', async () => {
    // 10:00 in Shanghai (a preview in the buyer's night shows 免打扰，顺延 instead).
    clock = at(72);
    await signedPdd('PDD-SIGN-4');
    const res = await w.app.inject({ method: 'POST', url: `/api/v1/shops/${w.world.shopA}/followups/preview`, headers: await auth(), payload: { flow: 'confirm_reminder' } });
    expect(res.statusCode, res.body).toBe(200);
    const preview = res.json() as { orders: number; wouldSend: number; rows: { orderNo: string; outcome: string; text: string }[] };
    const row = preview.rows.find((r) => r.orderNo === 'PDD-SIGN-4');
    expect(row?.outcome).toBe('would_send');
    expect(row?.text).toMatch(/确认收货/);
    // The order with the open case (signed, unconfirmed) is listed as not sent.
    expect(preview.rows.find((r) => r.orderNo === 'PDD-SIGN-3')?.outcome).toBe('stopped_aftersales');
  });

  it('JD (no signed state): a signing scan found by the sweep schedules it; never past the shop’s auto-confirmation', async () => {
    const jd = async (no: string, shippedAt: Date) => (await syncOrder(w.database, w.world.shopB, {
      platformOrderNo: no, buyerAccount: `jd_${no}`, state: '等待收货', orderedAt: at(-120), paidAt: at(-119), shippedAt, totalFen: 19900,
      courier: '京东物流', trackingNo: `JD${no}`, lines: [{ title: '蓝牙耳机', qty: 1, priceFen: 19900 }],
    }, { kind: 'platform' }, shippedAt)).order;
    const a = await jd('JD-SIGN-1', at(-24));
    await addLogisticsEvent(w.database, a.id, { at: T0, status: '已签收', text: '您的订单已签收' });
    await ensureFollowups(w.database, at(1));
    expect((await rowsOf(a.id)).map((r) => [r.state, r.dueAt.toISOString()])).toEqual([['pending', at(48).toISOString()]]);

    // The shop says JD confirms receipt 2 days after shipment: a parcel shipped 24 h before signing
    // would be confirmed by the platform 24 h after signing, before the reminder — none is planned.
    await w.database.db.update(shops).set({ ruleOverrides: { orders: { receipt: { auto_confirm_days_after_ship: 2 } } } }).where(eq(shops.id, w.world.shopB));
    const b = await jd('JD-SIGN-2', at(-24));
    await addLogisticsEvent(w.database, b.id, { at: T0, status: '已签收', text: '您的订单已签收' });
    await ensureFollowups(w.database, at(1));
    expect(await rowsOf(b.id)).toEqual([]);
    // And the row planned before the setting is not sent after the auto-confirmation either.
    const out = await run(49);
    expect(out.find((d) => d.orderId === a.id)?.outcome).toBe('stopped_auto_confirmed');
  }, 120_000);
});

describe(`R7 签收未确认提醒 on AliExpress, in English (${databaseLabel})`, () => {
  // 15:00 UTC is 10:00 in New York; +49 h is 11:00.
  const A0 = new Date('2026-11-23T15:00:00.000Z');
  const ah = (hours: number) => new Date(A0.getTime() + hours * 3_600_000);
  let w: WorldApp;
  beforeAll(async () => {
    w = await startWorldApp({ now: () => A0, platformA: 'aliexpress' });
  }, 120_000);
  afterAll(async () => {
    await w?.close();
  });

  it('a US buyer who signed for the parcel reads the reminder in English', async () => {
    const base = {
      platformOrderNo: '8123456789', buyerAccount: 'us_buyer_anna', orderedAt: ah(-400), paidAt: ah(-399), shippedAt: ah(-300), region: 'US',
      totalFen: 2599, courier: 'Cainiao', trackingNo: 'LP00123456789', lines: [{ title: 'Wool scarf', qty: 1, priceFen: 2599 }],
    };
    await syncOrder(w.database, w.world.shopA, { ...base, state: '运输中' }, { kind: 'platform' }, ah(-300));
    const { order } = await syncOrder(w.database, w.world.shopA, { platformOrderNo: '8123456789', state: '买家已签收' }, { kind: 'platform' }, A0);
    const done = (await runDueFollowups(w.database, { now: ah(49), workerId: 'w', bus })).filter((d) => d.flow === 'confirm_reminder');
    expect(done.map((d) => d.outcome)).toEqual(['sent']);
    const [row] = await w.database.db.select().from(scheduledMessages).where(and(eq(scheduledMessages.orderId, order.id), eq(scheduledMessages.kind, 'confirm_reminder')));
    expect(row).toMatchObject({ lang: 'en', outcome: 'sent' });
    expect(row!.text).toMatch(/order 8123456789 was delivered.*Wool scarf.*confirm receipt.*contact us first/);
    expect(row!.text).not.toMatch(/review|coupon|gift|cash/i);
  }, 120_000);
});
