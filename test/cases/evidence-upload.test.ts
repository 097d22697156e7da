// A11 (issue 15): evidence added to a case by hand — photos, chat excerpts (typed or picked from
// the buyer's chat), courier records — with type and size limits in Chinese, hashed, audited, and
// listed in the case's evidence bundle.
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiToken } from '../../src/app/auth/auth.js';
import { EVIDENCE_LIMITS } from '../../src/core/aftersales/evidence-files.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { databaseLabel } from '../helpers/database.js';

// The smallest valid PNG (1×1, transparent).
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

describe(`case evidence uploads on ${databaseLabel} (A11)`, () => {
  let t: TestApp;
  let agent1: string;
  let caseId: string;
  let conversationId: string;
  const h = (token: string) => ({ authorization: `Bearer ${token}` });
  const post = (url: string, payload: unknown, token = agent1) => t.app.inject({ method: 'POST', url, headers: h(token), payload: payload as object });

  beforeAll(async () => {
    t = await startTestApp();
    agent1 = await t.login('agent1');
    const [org] = await t.database.query<{ id: string }>('select id from organisations limit 1');
    const bridge = (await createApiToken(t.database, { orgId: org!.id, shopId: 'demo-tmall', name: 'bridge' })).token;
    const [conv] = await t.database.query<{ id: string; account: string }>(
      "select c.id, b.platform_account as account from conversations c join buyers b on b.id = c.buyer_id where c.shop_id = 'demo-tmall' and exists (select 1 from messages m where m.conversation_id = c.id and m.author_kind = 'buyer') limit 1",
    );
    conversationId = conv!.id;
    const order = await post('/api/v1/shops/demo-tmall/orders', {
      platformOrderNo: 'EVI-1', state: '卖家已发货等待买家确认', paidYuan: 99, buyerAccount: conv!.account, paidAt: '2026-11-19T10:00:00+08:00', shippedAt: '2026-11-20T10:00:00+08:00',
    }, bridge);
    const created = await post('/api/v1/cases', { orderId: order.json().order.id, type: 'return', reason: '收到商品破损', amount: 99, conversationId });
    expect(created.statusCode, created.body).toBe(201);
    caseId = created.json().case.id;
  });
  afterAll(async () => {
    await t?.close();
  });

  it('a photo is stored with its hash, audited, downloadable and in the evidence bundle', async () => {
    const res = await post(`/api/v1/cases/${caseId}/evidence`, { kind: 'photo', fileName: '破损.png', contentBase64: PNG.toString('base64'), note: '买家发来的破损照片' });
    expect(res.statusCode, res.body).toBe(201);
    const sha = createHash('sha256').update(PNG).digest('hex');
    expect(res.json().evidence).toMatchObject({ kind: 'photo', mime: 'image/png', sizeBytes: PNG.length, sha256: sha });
    const file = await t.app.inject({ url: `/api/v1/cases/${caseId}/evidence/${res.json().evidence.id}`, headers: h(agent1) });
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('image/png');
    expect(Buffer.compare(file.rawPayload, PNG)).toBe(0);
    const detail = (await t.app.inject({ url: `/api/v1/cases/${caseId}`, headers: h(agent1) })).json();
    expect(detail.evidence.map((e: { fileName: string }) => e.fileName)).toContain('破损.png');
    const bundle = (await t.app.inject({ url: `/api/v1/cases/${caseId}/evidence`, headers: h(agent1) })).json();
    expect(bundle.bundle.uploads).toEqual(expect.arrayContaining([expect.objectContaining({ fileName: '破损.png', sha256: sha, caseId })]));
    const html = await t.app.inject({ url: `/api/v1/cases/${caseId}/evidence?format=html`, headers: h(agent1) });
    expect(html.body).toContain('上传的凭证');
    expect(html.body).toContain(sha);
    const audit = await t.database.query<{ action: string; data: { sha256: string } }>("select action, data from audit_log where action = 'case.evidence.add' and subject_id = $1", [caseId]);
    expect(audit.map((a) => a.data.sha256)).toContain(sha);
  });

  it('a courier record as PDF or typed text; a chat excerpt picked from the buyer\'s chat is copied by the server', async () => {
    expect((await post(`/api/v1/cases/${caseId}/evidence`, { kind: 'courier_record', fileName: '揽收记录.pdf', contentBase64: PDF.toString('base64') })).json().evidence.mime).toBe('application/pdf');
    expect((await post(`/api/v1/cases/${caseId}/evidence`, { kind: 'courier_record', text: '圆通 YT123 11-20 18:02 已揽收' })).statusCode).toBe(201);
    const msgs = await t.database.query<{ id: string; text: string }>("select id::text as id, text from messages where conversation_id = $1 order by seq limit 3", [conversationId]);
    const res = await post(`/api/v1/cases/${caseId}/evidence`, { kind: 'chat_excerpt', messageIds: msgs.map((m) => Number(m.id)) });
    expect(res.statusCode, res.body).toBe(201);
    const file = await t.app.inject({ url: `/api/v1/cases/${caseId}/evidence/${res.json().evidence.id}`, headers: h(agent1) });
    expect(file.body).toContain(msgs[0]!.text.slice(0, 4));
  });

  it('limits: wrong type, disguised file, too large, empty, both a file and text, messages of another chat — 400/413 in Chinese, nothing stored', async () => {
    const before = (await t.database.query<{ n: number }>('select count(*)::int as n from case_evidence'))[0]!.n;
    const text = Buffer.from('not a picture').toString('base64');
    const cases: [unknown, number, string][] = [
      [{ kind: 'photo', fileName: 'a.jpg', contentBase64: text }, 400, '不是可用的照片'],
      [{ kind: 'photo', fileName: 'a.pdf', contentBase64: PDF.toString('base64') }, 400, '照片只接受'],
      [{ kind: 'photo', fileName: 'big.png', contentBase64: Buffer.concat([PNG, Buffer.alloc(EVIDENCE_LIMITS.maxFileBytes)]).toString('base64') }, 413, '超过上限'],
      [{ kind: 'photo', fileName: 'empty.png', contentBase64: '' }, 400, '是空的'],
      [{ kind: 'courier_record', fileName: 'x.png', contentBase64: PNG.toString('base64'), text: '也有文字' }, 400, '三选一'],
      [{ kind: 'chat_excerpt', text: '   ' }, 400, '内容为空'],
      [{ kind: 'chat_excerpt', text: '字'.repeat(EVIDENCE_LIMITS.maxTextChars + 1) }, 413, '超过上限'],
      [{ kind: 'photo', text: '一张照片' }, 400, '请上传图片'],
      [{ kind: 'video', text: 'x' }, 400, '凭证类型'],
      [{ kind: 'photo', fileName: 'a.png', contentBase64: '@@@' }, 400, 'base64'],
    ];
    for (const [body, status, words] of cases) {
      const res = await post(`/api/v1/cases/${caseId}/evidence`, body);
      expect(res.statusCode, JSON.stringify(body).slice(0, 80)).toBe(status);
      expect(res.json().error.message).toContain(words);
    }
    const [other] = await t.database.query<{ id: string }>(
      "select m.id::text as id from messages m join conversations c on c.id = m.conversation_id where c.shop_id = 'demo-taobao' limit 1",
    );
    const foreign = await post(`/api/v1/cases/${caseId}/evidence`, { kind: 'chat_excerpt', messageIds: [Number(other!.id)] });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().error.message).toContain('不属于该售后单买家的会话');
    const after = (await t.database.query<{ n: number }>('select count(*)::int as n from case_evidence'))[0]!.n;
    expect(Number(after)).toBe(Number(before));
  });

  it('a read-only API token cannot upload (people only)', async () => {
    const [org] = await t.database.query<{ id: string }>('select id from organisations limit 1');
    const token = (await createApiToken(t.database, { orgId: org!.id, shopId: 'demo-tmall', name: 'all', scopes: ['bridge', 'read', 'admin'] })).token;
    const res = await post(`/api/v1/cases/${caseId}/evidence`, { kind: 'chat_excerpt', text: '令牌上传' }, token);
    expect(res.statusCode).toBe(403);
  });
});
