import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiToken } from '../../src/app/auth/auth.js';
import { verifyAuditChain } from '../../src/app/audit/audit-log.js';
import { verifyAgainstAudit, verifyEvidenceText } from '../../src/app/evidence/verify.js';
import { buyers, conversations, messages, promises } from '../../src/store/schema/index.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { databaseLabel } from '../helpers/database.js';

const run = promisify(execFile);

describe(`A11 evidence bundle on ${databaseLabel}`, () => {
  let t: TestApp;
  let agent1: string;
  let supervisor: string;
  let orderId: string;
  const h = (token: string) => ({ authorization: `Bearer ${token}` });
  const auditCount = async () => Number((await t.database.query<{ n: number }>("select count(*)::int as n from audit_log where action = 'evidence.export'"))[0]!.n);

  beforeAll(async () => {
    t = await startTestApp();
    agent1 = await t.login('agent1');
    supervisor = await t.login('supervisor');
    const [org] = await t.database.query<{ id: string }>('select id from organisations limit 1');
    const bridge = (await createApiToken(t.database, { orgId: org!.id, shopId: 'demo-tmall', name: 'bridge' })).token;
    const res = await t.app.inject({
      method: 'POST', url: '/api/v1/shops/demo-tmall/orders', headers: h(bridge),
      payload: { platformOrderNo: 'EVI-1', buyerAccount: 'evidence_buyer', state: '买家已付款等待卖家发货', paidYuan: 88, paidAt: '2026-11-22T10:00:00+08:00', receiverPhone: '13900001111', receiverAddress: '广东省深圳市南山区科技园 8 栋' },
    });
    orderId = res.json().order.id;
    const [buyer] = await t.database.db.select().from(buyers).where((await import('drizzle-orm')).eq(buyers.platformAccount, 'evidence_buyer'));
    const [conv] = await t.database.db.insert(conversations).values({ shopId: 'demo-tmall', buyerId: buyer!.id, channel: 'bridge', createdAt: new Date('2026-11-22T01:00:00Z') }).returning();
    await t.database.db.insert(messages).values([
      { shopId: 'demo-tmall', conversationId: conv!.id, seq: 1, direction: 'in', authorKind: 'buyer', text: '<script>alert(1)</script> 我的电话 13900001111，什么时候发货？', channelMessageId: 'evi-1', createdAt: new Date('2026-11-22T02:00:00Z') },
      { shopId: 'demo-tmall', conversationId: conv!.id, seq: 2, direction: 'out', authorKind: 'agent', text: '亲，48小时内发货，送您收纳袋一个 https://img.example.com/gift.jpg', createdAt: new Date('2026-11-22T02:00:20Z') },
    ]);
    await t.database.db.insert(promises).values({ shopId: 'demo-tmall', conversationId: conv!.id, orderId, kind: 'gift', text: '送您收纳袋一个' });
    await t.app.inject({ method: 'POST', url: '/api/v1/cases', headers: h(agent1), payload: { orderId, type: 'refund_only', reason: '未按约定时间发货', amount: 88 } });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('exports chats, history, cases, promises and attachments with a SHA-256 recorded in the audit log', async () => {
    const before = await auditCount();
    const res = await t.app.inject({ url: `/api/v1/orders/${orderId}/evidence`, headers: h(supervisor) });
    expect(res.statusCode).toBe(200);
    const file = res.json();
    expect(file.bundle.conversations[0].messages).toHaveLength(2);
    expect(file.bundle.orderHistory[0].event).toBe('platform_sync');
    expect(file.bundle.cases[0].timeline[0].event).toBe('apply');
    expect(file.bundle.promises[0]).toMatchObject({ kind: 'gift', state: 'open' });
    expect(file.bundle.attachments[0].ref).toBe('https://img.example.com/gift.jpg');
    expect(file.bundle.order.receiverPhone).toBe('13900001111');
    expect(await auditCount()).toBe(before + 1);
    const v = verifyEvidenceText(res.body);
    expect(v).toMatchObject({ intact: true });
    expect(v.messageZh).toMatch(/^完整/);
    expect(await verifyAgainstAudit(t.database, file)).toMatchObject({ recorded: true, chainIntact: true });
    expect(await verifyAuditChain(t.database)).toBeNull();
  });

  it('tampering with any message is detected (已被篡改)', async () => {
    const file = (await t.app.inject({ url: `/api/v1/orders/${orderId}/evidence`, headers: h(supervisor) })).json();
    file.bundle.conversations[0].messages[1].text = '亲，72小时内发货';
    const v = verifyEvidenceText(JSON.stringify(file));
    expect(v.intact).toBe(false);
    expect(v.messageZh).toMatch(/^已被篡改/);
    file.sha256 = v.actual; // a forger recomputes the hash: the audit log does not know it
    expect(verifyEvidenceText(JSON.stringify(file)).intact).toBe(true);
    expect((await verifyAgainstAudit(t.database, file)).recorded).toBe(false);
  });

  it('the HTML is self-contained with every text escaped; agents get phones masked', async () => {
    const res = await t.app.inject({ url: `/api/v1/orders/${orderId}/evidence?format=html`, headers: h(agent1) });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
    const html = res.body;
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).not.toContain('<script>alert');
    expect(html).not.toMatch(/<script(?! type="application\/json")/);
    expect(html).not.toMatch(/(src|href)="http/);
    expect(html).not.toContain('13900001111');
    expect(html).toContain('139****1111');
    const embedded = /<script type="application\/json" id="evidence">(.*)<\/script>/s.exec(html)![1]!;
    expect(verifyEvidenceText(embedded).intact).toBe(true);
  });

  it('A11 per case: the case export is the order bundle marked with the case, audited with the case as subject', async () => {
    const [c] = await t.database.query<{ id: string }>('select id from aftersales_cases where order_id = $1', [orderId]);
    const res = await t.app.inject({ url: `/api/v1/cases/${c!.id}/evidence`, headers: h(supervisor) });
    expect(res.statusCode).toBe(200);
    expect(res.json().bundle).toMatchObject({ focusCaseId: c!.id, order: { platformOrderNo: 'EVI-1' } });
    expect(verifyEvidenceText(res.body).intact).toBe(true);
    const [row] = await t.database.query<{ subject_kind: string }>("select subject_kind from audit_log where action = 'evidence.export' order by id desc limit 1");
    expect(row!.subject_kind).toBe('case');
    expect(await verifyAuditChain(t.database)).toBeNull();
  });

  it('scoping and roles: another shop’s order is 404; an integration token may not export', async () => {
    const [other] = await t.database.query<{ id: string }>("select id from orders where shop_id = 'demo-taobao' limit 1");
    expect((await t.app.inject({ url: `/api/v1/orders/${other!.id}/evidence`, headers: h(agent1) })).statusCode).toBe(404);
    const [org] = await t.database.query<{ id: string }>('select id from organisations limit 1');
    const token = (await createApiToken(t.database, { orgId: org!.id, shopId: 'demo-tmall', name: 'x' })).token;
    expect((await t.app.inject({ url: `/api/v1/orders/${orderId}/evidence`, headers: h(token) })).statusCode).toBe(403);
  });

  it('dxe evidence verify says 完整 for the file and 已被篡改 after an edit', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dxe-evidence-'));
    const res = await t.app.inject({ url: `/api/v1/orders/${orderId}/evidence`, headers: h(supervisor) });
    const path = join(dir, 'e.json');
    writeFileSync(path, res.body);
    const env = { ...process.env, DATA_DIR: dir, LOG_LEVEL: 'silent' };
    const ok = await run('node', ['bin/dxe.js', 'evidence', 'verify', path, '--no-db'], { env });
    expect(ok.stdout).toMatch(/^完整/);
    writeFileSync(path, readFileSync(path, 'utf8').replace('什么时候发货', '不发货了'));
    const bad = await run('node', ['bin/dxe.js', 'evidence', 'verify', path, '--no-db'], { env }).catch((e: { stdout: string; code: number }) => e);
    expect(bad.stdout).toMatch(/^已被篡改/);
    expect((bad as { code?: number }).code).toBe(3);
  });
});
