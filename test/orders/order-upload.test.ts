// O4 from the browser's side: an order export uploaded to POST /shops/:shopId/orders/import is read
// and imported as `dxe import orders` reads it (GBK/UTF-8 CSV, TSV, .xlsx), into the shop the
// caller names and may see; bad files are refused in Chinese with an import code and leave nothing.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { databaseLabel } from '../helpers/database.js';
import { fixture } from '../import/read-fixture.js';

describe(`order export uploaded from the workbench on ${databaseLabel} (O4)`, () => {
  let t: TestApp;
  let supervisor: string;
  let agent: string;
  const upload = (shopId: string, body: Buffer, token = supervisor, name = 'orders.tsv') =>
    t.app.inject({ method: 'POST', url: `/api/v1/shops/${shopId}/orders/import?name=${encodeURIComponent(name)}`, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/octet-stream' }, payload: body });
  const count = async (shopId: string) => Number((await t.database.query<{ n: string }>('select count(*) as n from orders where shop_id = $1', [shopId]))[0]!.n);

  beforeAll(async () => {
    t = await startTestApp();
    supervisor = await t.login('supervisor');
    agent = await t.login('agent1');
  });
  afterAll(async () => {
    await t?.close();
  });

  it('a GBK Taobao order list goes into the Taobao shop, once: the same file again imports nothing new', async () => {
    const before = await count('demo-taobao');
    const first = await upload('demo-taobao', readFileSync(fixture('taobao-order-list.gbk.tsv')));
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ encoding: 'gbk' });
    expect(first.json().imported).toBeGreaterThan(0);
    expect(await count('demo-taobao')).toBe(before + first.json().imported);
    const again = await upload('demo-taobao', readFileSync(fixture('taobao-order-list.gbk.tsv')));
    expect(again.json()).toMatchObject({ imported: 0 });
    expect(await count('demo-taobao')).toBe(before + first.json().imported);
    // The import batch keeps the uploaded file's name (the audit of where orders came from).
    const batch = await t.database.query<{ file_name: string }>("select file_name from import_batches where shop_id = 'demo-taobao'");
    expect(batch.map((b) => b.file_name)).toContain('orders.tsv');
  });

  it('a file that is no export, an empty body, another platform\'s export: refused in Chinese, nothing written', async () => {
    const before = await count('demo-tmall');
    const png = await upload('demo-tmall', Buffer.from('\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR not an export'));
    expect(png.statusCode).toBe(400);
    expect(png.json().error.message).toMatch(/[\u4e00-\u9fff]/);
    expect(png.json().error.details.importCode).toBeTruthy();
    const empty = await upload('demo-tmall', Buffer.alloc(0));
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.message).toContain('空');
    const jd = await upload('demo-tmall', readFileSync(fixture('jd-order-list.gbk.csv')));
    expect(jd.statusCode).toBe(400);
    expect(jd.json().error.message).toMatch(/[\u4e00-\u9fff]/);
    const huge = await upload('demo-tmall', Buffer.alloc(51 * 1024 * 1024, 0x41));
    expect(huge.statusCode).toBe(413);
    expect(huge.json().error).toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });
    expect(huge.json().error.message).toMatch(/[\u4e00-\u9fff]/);
    expect(await count('demo-tmall')).toBe(before);
  });

  it('only leads upload, only into their own shops, and JSON is not a file', async () => {
    const byAgent = await upload('demo-taobao', readFileSync(fixture('taobao-order-list.gbk.tsv')), agent);
    expect(byAgent.statusCode).toBe(403);
    const elsewhere = await upload('no-such-shop', readFileSync(fixture('taobao-order-list.gbk.tsv')));
    expect([403, 404]).toContain(elsewhere.statusCode);
    const json = await t.app.inject({ method: 'POST', url: '/api/v1/shops/demo-taobao/orders/import', headers: { authorization: `Bearer ${supervisor}` }, payload: { file: '/etc/passwd' } });
    expect(json.statusCode).toBe(400);
    expect(json.json().error.message).toContain('订单导出文件');
  });
});
