// Issue 15: cases an agent can work — the choices with their money and deadline, the return,
// exchange and repair flows (A2) with the parcel, the inspection and the outcome, the invoice
// action (A3) and guidance (A9, A10) at their step, opening a case from a chat, shop scoping and
// the audit rows of every move.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiToken } from '../../src/app/auth/auth.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { databaseLabel } from '../helpers/database.js';

interface ChoiceView {
  event: string;
  machine: string;
  labelZh: string;
  record: string | null;
  money: { kind: string; fen: number; textZh: string };
  deadline: { kind: string; at: string | null; textZh: string } | null;
  invoiceZh: string | null;
  guidanceZh: string[];
}

describe(`working a case from the workbench on ${databaseLabel} (A2–A4, A9, A10, issue 15)`, () => {
  let t: TestApp;
  let bridge: string;
  let agent1: string;
  const h = (token: string) => ({ authorization: `Bearer ${token}` });
  const post = (url: string, payload: unknown, token = agent1) => t.app.inject({ method: 'POST', url, headers: h(token), payload: payload as object });
  const get = (url: string, token = agent1) => t.app.inject({ url, headers: h(token) });
  let seq = 0;
  const shippedOrder = async (paidYuan = 200) => {
    const no = `FLOW-${++seq}`;
    const res = await post('/api/v1/shops/demo-tmall/orders', {
      platformOrderNo: no, state: '卖家已发货等待买家确认', paidYuan, buyerAccount: 'flow_buyer', paidAt: '2026-11-19T10:00:00+08:00', shippedAt: '2026-11-20T10:00:00+08:00',
    }, bridge);
    expect(res.statusCode, res.body).toBeLessThan(300);
    return { id: res.json().order.id as string, no };
  };
  const choices = (d: { case: { choices: ChoiceView[] } }) => d.case.choices;
  const choice = (d: { case: { choices: ChoiceView[] } }, event: string) => choices(d).find((c) => c.event === event);
  const parcel = (no: string) => ({ platformOrderNo: no, applicationNo: 'SH-2026-001', buyerName: '张三', contact: '13812345678', returnTrackingNo: 'YT1234567890', courier: '圆通' });

  beforeAll(async () => {
    t = await startTestApp();
    const [org] = await t.database.query<{ id: string }>('select id from organisations limit 1');
    bridge = (await createApiToken(t.database, { orgId: org!.id, shopId: 'demo-tmall', name: 'bridge' })).token;
    agent1 = await t.login('agent1');
  });
  afterAll(async () => {
    await t?.close();
  });

  it('each choice shows its money and deadline before it is taken; only the machine\'s valid events', async () => {
    const o = await shippedOrder(200);
    const d = (await post('/api/v1/cases', { orderId: o.id, type: 'return', reason: '收到商品破损', amount: 150 })).json();
    expect(choices(d).map((c) => c.event).sort()).toEqual(['buyer_cancel', 'seller_agree_refund', 'seller_agree_return', 'seller_refuse']);
    expect(choice(d, 'seller_agree_refund')!.money).toMatchObject({ kind: 'refund_now', fen: 15000, textZh: '退款 ¥150.00' });
    expect(choice(d, 'seller_agree_return')!.money.textZh).toContain('收到退货并核实后退款 ¥150.00');
    // No seed gives the buyer's return window: the choice says it is the shop's setting.
    expect(choice(d, 'seller_agree_return')!.deadline!.textZh).toContain('店铺未设置');
    const refuse = choice(d, 'seller_refuse')!;
    expect(refuse.money).toMatchObject({ kind: 'at_risk', fen: 15000 });
    // A6: refusing keeps the 72 h running: the deadline is the intervention time.
    expect(refuse.deadline).toMatchObject({ kind: 'intervention', at: new Date(t.now.getTime() + 72 * 3_600_000).toISOString() });
    expect(choice(d, 'seller_refuse')!.labelZh).toBe('拒绝');
    // No flow step before the seller agrees to the return.
    const early = await post(`/api/v1/cases/${d.case.id}/transition`, { event: 'parcel_received', parcel: parcel(o.no) });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.message).toContain('还不能进行寄回商品的处理');
  });

  it('refund time limits a shop sets (no seed gives them) become due times on the case and its choices', async () => {
    const admin = await t.login('admin');
    const put = await t.app.inject({
      method: 'PUT', url: '/api/v1/shops/demo-tmall/rule-overrides', headers: h(admin),
      payload: { overrides: { aftersales: { time_limits: { seller_response_hours: 24, auto_agree_hours: 48, buyer_return_days: 7 } } } },
    });
    expect(put.statusCode, put.body).toBe(200);
    const o = await shippedOrder(90);
    const d = (await post('/api/v1/cases', { orderId: o.id, type: 'return', reason: '收到商品破损', amount: 90 })).json();
    expect(d.case.timeLimits.map((l: { at: string }) => l.at)).toEqual([
      new Date(t.now.getTime() + 24 * 3_600_000).toISOString(), new Date(t.now.getTime() + 48 * 3_600_000).toISOString(),
    ]);
    expect(d.case.timeLimits[1].textZh).toContain('平台将自动同意，退款 ¥90.00');
    expect(choice(d, 'seller_agree_return')!.deadline!.textZh).toContain('买家需在 7 天内寄回');
    await t.app.inject({ method: 'PUT', url: '/api/v1/shops/demo-tmall/rule-overrides', headers: h(admin), payload: { overrides: {} } });
  });

  it('A2: a return from request to refund — parcel received (returnTrackingNo written), inspected, refunded with 红冲', async () => {
    const o = await shippedOrder(200);
    const opened = (await post('/api/v1/cases', { orderId: o.id, type: 'return', reason: '收到商品破损', amount: 200 })).json();
    const id = opened.case.id as string;
    expect(opened.case).toMatchObject({ flowStep: '等待买家寄回', invoiceZh: '红冲' });
    const agreed = (await post(`/api/v1/cases/${id}/transition`, { event: 'seller_agree_return' })).json();
    expect(agreed.case.state).toBe('退款申请达成等待买家发货');
    expect(agreed.case.intervention.deadline.state).toBe('done'); // agreement stops the 72 h
    // While the goods flow runs, the refund is only reachable through it.
    expect(choices(agreed).map((c) => c.event)).toContain('parcel_received');
    expect(choice(agreed, 'parcel_received')!.record).toBe('parcel');

    const noParcel = await post(`/api/v1/cases/${id}/transition`, { event: 'parcel_received' });
    expect(noParcel.statusCode).toBe(400);
    expect(noParcel.json().error.message).toContain('包裹信息');
    const wrongNo = await post(`/api/v1/cases/${id}/transition`, { event: 'parcel_received', parcel: parcel('OTHER-1') });
    expect(wrongNo.statusCode).toBe(400);
    expect(wrongNo.json().error.message).toContain('不一致');
    const badTracking = await post(`/api/v1/cases/${id}/transition`, { event: 'parcel_received', parcel: { ...parcel(o.no), returnTrackingNo: '单号？' } });
    expect(badTracking.statusCode).toBe(400);

    const received = (await post(`/api/v1/cases/${id}/transition`, { event: 'parcel_received', parcel: parcel(o.no) })).json();
    // The parcel's arrival catches the application up (买家已退货) and writes the return tracking no.
    expect(received.case).toMatchObject({ state: '买家已退货等待卖家确认收货', flowStep: '已收到退货', returnTrackingNo: 'YT1234567890' });
    // An agent sees the parcel's contact masked.
    expect(received.case.parcel.contact).toBe('138****5678');
    // The refund cannot skip the inspection.
    const skip = await post(`/api/v1/cases/${id}/transition`, { event: 'seller_confirm_receipt' });
    expect(skip.statusCode).toBe(409);
    expect(skip.json().error.details.allowed).toEqual(expect.arrayContaining(['inspect_pass', 'inspect_fail']));
    const refundEarly = await post(`/api/v1/cases/${id}/transition`, { event: 'refund' });
    expect(refundEarly.statusCode).toBe(409);

    const inspected = (await post(`/api/v1/cases/${id}/transition`, { event: 'inspect_pass', inspection: { finding: '杯身裂纹，属运输破损', branded: false } })).json();
    expect(inspected.case.flowStep).toBe('检验通过');
    const refund = choice(inspected, 'refund')!;
    expect(refund).toMatchObject({ invoiceZh: '发票：红冲', money: { kind: 'refund_now', fen: 20000 } });
    const done = (await post(`/api/v1/cases/${id}/transition`, { event: 'refund', note: '已核实，退款' })).json();
    expect(done.case).toMatchObject({ state: '退款成功', flowStep: '已退款', choices: [] });
    expect(done.timeline.map((e: { event: string }) => e.event)).toEqual(['apply', 'seller_agree_return', 'buyer_ship_return', 'parcel_received', 'inspect_pass', 'seller_confirm_receipt', 'refund']);
    // The drawer's timeline reads in the seller's words, not event keys (QA finding).
    expect(done.timeline.map((e: { eventLabelZh: string }) => e.eventLabelZh)).toEqual(['买家提交售后申请', '同意退货退款', '买家已寄回商品', '登记收到寄回包裹', '检验：问题属实', '确认收货并退款', '检验后退款']);
    const order = (await get(`/api/v1/orders/${o.id}`)).json();
    expect(order.order).toMatchObject({ refundYuan: 200 });
    // Every move is in the audit log.
    const audit = await t.database.query<{ action: string }>("select action from audit_log where subject_kind = 'case' and subject_id = $1 order by id", [id]);
    expect(audit.map((a) => a.action)).toEqual(['case.create', 'case.transition', 'case.transition', 'case.transition', 'case.transition']);
  });

  it('A2: a failed inspection refuses with the dissatisfied-buyer guidance (A9) and the 72 h start again', async () => {
    const o = await shippedOrder(80);
    const id = (await post('/api/v1/cases', { orderId: o.id, type: 'return', reason: '收到商品破损', amount: 80 })).json().case.id;
    await post(`/api/v1/cases/${id}/transition`, { event: 'seller_agree_return' });
    await post(`/api/v1/cases/${id}/transition`, { event: 'parcel_received', parcel: parcel(o.no) });
    const failed = (await post(`/api/v1/cases/${id}/transition`, { event: 'inspect_fail', inspection: { finding: '商品完好，买家不会安装', cause: 'buyer_misuse' } })).json();
    expect(failed.case.guidanceZh.join('')).toContain('不责怪买家');
    const refuse = choice(failed, 'refuse_refund')!;
    expect(refuse.guidanceZh.join('')).toContain('不责怪买家');
    expect(refuse.deadline!.kind).toBe('intervention');
    const refused = (await post(`/api/v1/cases/${id}/transition`, { event: 'refuse_refund' })).json();
    expect(refused.case).toMatchObject({ state: '卖家不同意等待买家修改', flowStep: '已拒绝退款' });
    // Not agreed again: the buyer may now modify, cancel, or call the platform in.
    expect(refused.case.choices.map((c: ChoiceView) => c.event).sort()).toEqual(['buyer_cancel', 'buyer_modify', 'platform_intervene']);
  });

  it('A2: an exchange and a repair run their own flows; 3C repairs show the official service point first (A10)', async () => {
    const o = await shippedOrder(300);
    const ex = (await post('/api/v1/cases', { orderId: o.id, type: 'exchange', reason: '错发/漏发', amount: 0.01 })).json();
    expect(ex.case).toMatchObject({ state: '售后申请等待卖家处理', flowStep: '等待买家寄回', invoiceZh: '背书' });
    expect(choices(ex).map((c) => c.event).sort()).toEqual(['buyer_cancel', 'seller_agree', 'seller_refuse']);
    const exId = ex.case.id;
    await post(`/api/v1/cases/${exId}/transition`, { event: 'seller_agree' });
    await post(`/api/v1/cases/${exId}/transition`, { event: 'parcel_received', parcel: parcel(o.no) });
    const exInspected = (await post(`/api/v1/cases/${exId}/transition`, { event: 'inspect_pass', inspection: { finding: '发错颜色' } })).json();
    expect(choice(exInspected, 'resend')).toMatchObject({ invoiceZh: '发票：背书', record: 'shipment' });
    const noShipment = await post(`/api/v1/cases/${exId}/transition`, { event: 'resend' });
    expect(noShipment.json().error.message).toContain('快递公司和单号');
    const resent = (await post(`/api/v1/cases/${exId}/transition`, { event: 'resend', shipment: { courier: '顺丰', trackingNo: 'SF100200300' } })).json();
    expect(resent.case).toMatchObject({ state: '售后完成', flowStep: '换货已寄出', shipment: { courier: '顺丰', trackingNo: 'SF100200300' } });
    // An exchange refunds nothing.
    expect((await get(`/api/v1/orders/${o.id}`)).json().order.refundYuan).toBe(0);

    const rp = (await post('/api/v1/cases', { orderId: o.id, type: 'repair', reason: '需要维修', amount: 0.01 })).json();
    expect(rp.case.flowStep).toBe('等待买家寄修');
    await post(`/api/v1/cases/${rp.case.id}/transition`, { event: 'seller_agree' });
    const atParcel = (await get(`/api/v1/cases/${rp.case.id}`)).json();
    expect(choice(atParcel, 'parcel_received')!.guidanceZh.join('')).toContain('官方');
    await post(`/api/v1/cases/${rp.case.id}/transition`, { event: 'parcel_received', parcel: parcel(o.no) });
    const rpInspected = (await post(`/api/v1/cases/${rp.case.id}/transition`, {
      event: 'inspect_pass', inspection: { finding: '主板故障', branded: true, servicePoint: '联想授权服务站（杭州）', serviceReportNo: 'LX-889' },
    })).json();
    expect(rpInspected.case.guidanceZh.join('')).toContain('品牌官方售后');
    expect(rpInspected.case.inspection).toMatchObject({ servicePoint: '联想授权服务站（杭州）', passed: true });
    const repaired = (await post(`/api/v1/cases/${rp.case.id}/transition`, { event: 'repair_done', shipment: { courier: '顺丰', trackingNo: 'SF900' } })).json();
    expect(repaired.case).toMatchObject({ state: '售后完成', flowStep: '已修好寄回' });
    // A case that is done allows nothing more.
    const again = await post(`/api/v1/cases/${rp.case.id}/transition`, { event: 'seller_refuse' });
    expect(again.statusCode).toBe(409);
  });

  it('an unshipped order takes only a refund-only case; a flow event on a refund-only case is refused', async () => {
    const paid = (await post('/api/v1/shops/demo-tmall/orders', { platformOrderNo: `FLOW-U${++seq}`, state: '买家已付款等待卖家发货', paidYuan: 50, paidAt: '2026-11-22T10:00:00+08:00' }, bridge)).json().order.id;
    const ret = await post('/api/v1/cases', { orderId: paid, type: 'return', reason: '不想要了', amount: 50 });
    expect(ret.statusCode).toBe(400);
    expect(ret.json().error.message).toContain('仅退款');
    const ro = (await post('/api/v1/cases', { orderId: paid, type: 'refund_only', reason: '不想要了', amount: 50 })).json();
    expect(ro.case.flowStep).toBeNull();
    const bad = await post(`/api/v1/cases/${ro.case.id}/transition`, { event: 'parcel_received', parcel: parcel('x') });
    expect(bad.statusCode).toBe(409);
    expect(ro.reasonCheck.adviceZh).toContain('可在平台同意退款');
  });

  it('a case opened from a chat keeps the chat; an order of another buyer is refused', async () => {
    const [conv] = await t.database.query<{ id: string; buyer_id: string }>("select id, buyer_id from conversations where shop_id = 'demo-tmall' and buyer_id is not null limit 1");
    const [own] = await t.database.query<{ id: string }>(
      "select id from orders where shop_id = 'demo-tmall' and buyer_id = $1 and paid_at is not null and closed_at is null and completed_at is null limit 1",
      [conv!.buyer_id],
    );
    const o = own ? { id: own.id } : await shippedOrder(10);
    const other = await shippedOrder(10);
    await t.database.query('update orders set buyer_id = null where id = $1', [other.id]);
    if (own) {
      const res = await post('/api/v1/cases', { orderId: o.id, type: 'refund_only', reason: (await t.database.query<{ shipped_at: string | null }>('select shipped_at from orders where id = $1', [o.id]))[0]!.shipped_at ? '收到商品破损' : '不想要了', amount: 0.01, conversationId: conv!.id });
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json().case.conversationId).toBe(conv!.id);
    }
    const [otherBuyer] = await t.database.query<{ id: string }>("select id from buyers where shop_id = 'demo-tmall' and id <> $1 limit 1", [conv!.buyer_id]);
    await t.database.query('update orders set buyer_id = $1 where id = $2', [otherBuyer!.id, other.id]);
    const wrong = await post('/api/v1/cases', { orderId: other.id, type: 'refund_only', reason: '收到商品破损', amount: 1, conversationId: conv!.id });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.message).toContain('不属于这个会话的买家');
  });

  it('scoping: an agent of another shop cannot see or move the case, add evidence, nor open one from its chat', async () => {
    const [org] = await t.database.query<{ id: string }>('select id from organisations limit 1');
    const taobaoBridge = (await createApiToken(t.database, { orgId: org!.id, shopId: 'demo-taobao', name: 'bridge tb' })).token;
    const res = await post('/api/v1/shops/demo-taobao/orders', {
      platformOrderNo: 'TB-FLOW-1', state: '卖家已发货等待买家确认', paidYuan: 30, paidAt: '2026-11-19T10:00:00+08:00', shippedAt: '2026-11-20T10:00:00+08:00',
    }, taobaoBridge);
    const agent2 = await t.login('agent2'); // works the Taobao and Tmall shops; agent1 the Tmall shop only
    const id = (await post('/api/v1/cases', { orderId: res.json().order.id, type: 'return', reason: '收到商品破损', amount: 30 }, agent2)).json().case.id;
    expect((await get(`/api/v1/cases/${id}`)).statusCode).toBe(404);
    expect((await post(`/api/v1/cases/${id}/transition`, { event: 'seller_agree_return' })).statusCode).toBe(404);
    expect((await post(`/api/v1/cases/${id}/evidence`, { kind: 'chat_excerpt', text: '买家说碎了' })).statusCode).toBe(404);
    const [taobaoConv] = await t.database.query<{ id: string }>("select id from conversations where shop_id = 'demo-taobao' limit 1");
    const [tmallOrder] = await t.database.query<{ id: string }>("select id from orders where shop_id = 'demo-tmall' and paid_at is not null limit 1");
    expect((await post('/api/v1/cases', { orderId: tmallOrder!.id, type: 'refund_only', reason: '不想要了', amount: 1, conversationId: taobaoConv!.id })).statusCode).toBe(404);
    const audit = await t.database.query<{ n: number }>("select count(*)::int as n from audit_log where subject_id = $1 and action <> 'case.create'", [id]);
    expect(Number(audit[0]!.n)).toBe(0);
  });
});
