// Issue 10, major 8: phones in buyer notes reached the agent role unmasked in the conversation
// detail and in evidence exports (only the order route masked them). Now every read model masks
// phones and street addresses — in fields and inside free text (buyer and seller notes, case notes,
// order history notes) — through core/privacy's personalDataMask, unless the role needs them
// (supervisors, admins). One test per read model, for the agent role; the supervisor sees the data.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { databaseLabel } from '../helpers/database.js';
import { seedConversation } from '../helpers/fixtures.js';

const PHONE = '13912345678';
const LANDLINE = '0571-88886666';
const STREET = '文三路100号3单元';
const BUYER = 'tb_privacy_buyer';
const NOTE = `请改寄浙江省杭州市西湖区${STREET}，电话${PHONE}，座机${LANDLINE}`;

describe(`personal data in every read model is masked for agents (issue 10 major 8, D6) on ${databaseLabel}`, () => {
  let t: TestApp;
  let agent: string;
  let supervisor: string;
  let orderId: string;
  let caseId: string;
  let conversationId: string;

  const get = async (url: string, token: string) => {
    const res = await t.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}` } });
    expect(res.statusCode, res.body).toBe(200);
    return res.body;
  };
  const leaks = (body: string) => [PHONE, '88886666', '文三路', '100号'].filter((s) => body.includes(s));

  beforeAll(async () => {
    t = await startTestApp();
    agent = await t.login('agent1'); // serves demo-tmall
    supervisor = await t.login('supervisor');
    conversationId = await seedConversation(t.database, {
      shopId: 'demo-tmall',
      account: BUYER,
      incoming: [{ text: '我改一下地址', at: new Date(t.now.getTime() - 60_000) }],
    });
    const sync = await t.app.inject({
      method: 'POST',
      url: '/api/v1/shops/demo-tmall/orders',
      headers: { authorization: `Bearer ${supervisor}` },
      payload: {
        platformOrderNo: 'PRIVACY-1', state: '卖家已发货等待买家确认', buyerAccount: BUYER, paidYuan: 80,
        paidAt: '2026-11-20T10:00:00+08:00', shippedAt: '2026-11-21T10:00:00+08:00',
        receiverName: '张三丰', receiverPhone: PHONE, receiverAddress: `浙江省杭州市西湖区${STREET}`,
        buyerNote: NOTE, sellerNote: `买家来电 ${PHONE} 要求改地址`,
      },
    });
    expect(sync.statusCode, sync.body).toBe(201);
    orderId = sync.json().order.id;
    const opened = await t.app.inject({
      method: 'POST',
      url: '/api/v1/cases',
      headers: { authorization: `Bearer ${agent}` },
      payload: { orderId, type: 'return', reason: '收到商品破损', amount: 80, note: NOTE },
    });
    expect(opened.statusCode, opened.body).toBe(201);
    caseId = opened.json().case.id;
  });
  afterAll(async () => {
    await t?.close();
  });

  it('conversation detail (the buyer\'s orders and notes)', async () => {
    const body = await get(`/api/v1/conversations/${conversationId}`, agent);
    expect(leaks(body)).toEqual([]);
    const d = JSON.parse(body);
    expect(d.orders[0].buyerNote).toContain('139****5678');
    expect(d.orders[0].buyerNote).toContain('浙江省杭州市****');
    expect(leaks(await get(`/api/v1/conversations/${conversationId}`, supervisor))).toContain(PHONE);
  });

  it('order detail and its history', async () => {
    const body = await get(`/api/v1/orders/${orderId}`, agent);
    expect(leaks(body)).toEqual([]);
    expect(JSON.parse(body).order.sellerNote).toBe('买家来电 139****5678 要求改地址');
    expect(leaks(await get(`/api/v1/orders/${orderId}`, supervisor))).toContain(PHONE);
  });

  it('order list', async () => {
    const body = await get('/api/v1/shops/demo-tmall/orders?limit=500', agent);
    expect(body).toContain('PRIVACY-1');
    expect(leaks(body)).toEqual([]);
  });

  it('case detail (the buyer\'s note in the timeline)', async () => {
    const body = await get(`/api/v1/cases/${caseId}`, agent);
    expect(leaks(body)).toEqual([]);
    expect(JSON.parse(body).timeline[0].note).toContain('139****5678');
    expect(leaks(await get(`/api/v1/cases/${caseId}`, supervisor))).toContain(PHONE);
  });

  it('evidence exports, per order and per case, JSON and HTML', async () => {
    for (const url of [`/api/v1/orders/${orderId}/evidence`, `/api/v1/orders/${orderId}/evidence?format=html`, `/api/v1/cases/${caseId}/evidence`]) {
      const body = await get(url, agent);
      expect(leaks(body), url).toEqual([]);
    }
    const full = await get(`/api/v1/orders/${orderId}/evidence`, supervisor);
    expect(leaks(full)).toContain(PHONE);
    expect(JSON.parse(full).bundle.personalDataMasked).toBe(false);
  });
});
