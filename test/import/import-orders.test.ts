// importOrders, fed by the order-file edge as the CLI does, against the real database (PGlite;
// PostgreSQL when DATABASE_URL is set): O1, O2.
import { existsSync, readFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveImportShop } from '../../src/app/orders/import-orders.js';
import type { Database } from '../../src/store/open-database.js';
import { databaseLabel, openTestDatabase } from '../helpers/database.js';
import { bufferSource, fixture, importFile } from './read-fixture.js';

const REAL_REPORT = new URL('../../../shared/data/tmall_order_report/tmall_order_report.csv', import.meta.url).pathname;

let database: Database;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(async () => {
  await database?.close();
});

const count = async (sql: string, params: unknown[] = []) =>
  Number((await database.query<{ n: string | number }>(sql, params))[0]?.n ?? 0);

describe(`importOrders on ${databaseLabel} (O2)`, () => {
  let shopId: string;
  const listGbk = readFileSync(fixture('taobao-order-list.gbk.tsv'));
  const listText = iconv.decode(listGbk, 'gbk');

  it('creates a shop named from the platform on an empty database, then reuses it', async () => {
    shopId = await resolveImportShop(database, 'taobao');
    expect(await resolveImportShop(database, 'taobao')).toBe(shopId);
    const shop = await database.query<{ name: string }>('SELECT name FROM shops WHERE id = $1', [shopId]);
    expect(shop[0]?.name).toBe('淘宝店铺');
  });

  it('imports the order list: orders, buyers, summary lines and a batch row; no event for a new order', async () => {
    const r = await importFile(database, { shopId, platform: 'taobao', filePath: fixture('taobao-order-list.gbk.tsv') });
    expect(r).toMatchObject({ imported: 4, updated: 0, skipped: 2, errorCount: 1, format: 'taobao-order-list', encoding: 'gbk' });
    expect(r.errors).toEqual([{ line: 7, reason: '“订单创建时间”不是有效时间：2024/13/40 25:00' }]);
    const [o] = await database.query<Record<string, unknown>>(
      `SELECT o.*, b.platform_account FROM orders o JOIN buyers b ON b.id = o.buyer_id WHERE platform_order_no = '2940011223344550'`,
    );
    expect(o).toMatchObject({
      state: '买家已付款等待卖家发货', total_fen: 12800, paid_fen: 12800, receiver_phone: '138****5678', region: '浙江',
      source: 'import', platform_account: '小蓝鲸88',
    });
    expect(new Date(String(o?.paid_at)).toISOString()).toBe('2024-03-08T12:16:00.000Z');
    expect(await count('SELECT count(*) AS n FROM buyers WHERE shop_id = $1', [shopId])).toBe(3);
    expect(await count('SELECT count(*) AS n FROM order_lines')).toBe(4);
    expect(await count('SELECT count(*) AS n FROM order_events')).toBe(0);
    const batch = await database.query<Record<string, unknown>>('SELECT * FROM import_batches WHERE id = $1', [r.batchId]);
    expect(batch[0]).toMatchObject({ imported: 4, skipped: 2, format: 'taobao-order-list', file_name: 'taobao-order-list.gbk.tsv' });
    expect(String(batch[0]?.file_sha256)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('is idempotent: the same file again — even re-saved as UTF-8 with BOM — adds nothing', async () => {
    const again = await importFile(database, { shopId, platform: 'taobao', filePath: fixture('taobao-order-list.gbk.tsv') });
    expect(again).toMatchObject({ imported: 0, updated: 0, skipped: 6 });
    const utf8 = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(listText)]);
    const resaved = await importFile(database, { shopId, platform: 'taobao', stream: bufferSource(utf8, 100) });
    expect(resaved).toMatchObject({ imported: 0, updated: 0, encoding: 'utf-8' });
    expect(await count('SELECT count(*) AS n FROM orders WHERE shop_id = $1', [shopId])).toBe(4);
    expect(await count('SELECT count(*) AS n FROM order_events')).toBe(0);
    expect(await count('SELECT count(*) AS n FROM order_lines')).toBe(4);
  });

  it('a later file with a changed state updates the order and appends an import event (O1)', async () => {
    const later = listText
      .replace('买家已付款，等待卖家发货', '卖家已发货，等待买家确认')
      .replace('\t订单未关闭\t\t\t\t手机订单', '\t订单未关闭\t\t\t\t手机订单'); // same otherwise
    const r = await importFile(database, { shopId, platform: 'taobao', stream: bufferSource(iconv.encode(later, 'gbk')) });
    expect(r).toMatchObject({ imported: 0, updated: 1, skipped: 5 });
    const events = await database.query<Record<string, unknown>>(
      `SELECT e.* FROM order_events e JOIN orders o ON o.id = e.order_id
       WHERE o.platform_order_no = '2940011223344550' ORDER BY e.id`,
    );
    expect(events.map((e) => [e.from_state, e.to_state, e.event, e.actor_kind, e.actor_id])).toEqual([
      ['买家已付款等待卖家发货', '卖家已发货等待买家确认', 'import_state_change', 'import', r.batchId],
    ]);
    expect(await count('SELECT count(*) AS n FROM order_events')).toBe(1);
    const [o] = await database.query<Record<string, unknown>>(`SELECT state, receiver_name FROM orders WHERE platform_order_no = '2940011223344550'`);
    expect(o).toEqual({ state: '卖家已发货等待买家确认', receiver_name: '王**' });
  });

  it('sub-order lines replace the summary line; a later order list does not bring it back', async () => {
    const detail = [
      '子订单编号,主订单编号,标题,价格,购买数量,商品属性,订单状态',
      '11,="2940011223344550",纯棉短袖T恤 男款,64.00,1,颜色分类:白色;尺码:L,"卖家已发货，等待买家确认"',
      '12,="2940011223344550",纯棉短袖T恤 男款,64.00,1,颜色分类:黑色;尺码:L,"卖家已发货，等待买家确认"',
    ].join('\n');
    const r = await importFile(database, { shopId, platform: 'taobao', stream: bufferSource(detail) });
    expect(r).toMatchObject({ imported: 0, updated: 1 });
    const lines = async () =>
      database.query<{ colour: string | null }>(
        `SELECT l.colour FROM order_lines l JOIN orders o ON o.id = l.order_id WHERE o.platform_order_no = '2940011223344550' ORDER BY l.line_no`,
      );
    expect((await lines()).map((l) => l.colour)).toEqual(['白色', '黑色']);
    const later = listText.replace('买家已付款，等待卖家发货', '交易成功');
    await importFile(database, { shopId, platform: 'taobao', stream: bufferSource(later) });
    expect((await lines()).map((l) => l.colour)).toEqual(['白色', '黑色']);
  });

  it('never moves an order backwards: the 7-column report cannot undo 交易成功 (O1)', async () => {
    const report = '订单编号,总金额,买家实际支付金额,收货地址 ,订单创建时间,订单付款时间 ,退款金额\n' +
      '2940011223344550,128.0,128.0,浙江省,2024-03-08 20:15:00,2024-03-08 20:16:00,0.0\n';
    const before = await count('SELECT count(*) AS n FROM order_events');
    const r = await importFile(database, { shopId, platform: 'taobao', stream: bufferSource(report) });
    expect(r).toMatchObject({ imported: 0, updated: 1 });
    const [o] = await database.query<{ state: string }>(`SELECT state FROM orders WHERE platform_order_no = '2940011223344550'`);
    expect(o?.state).toBe('交易成功');
    expect(await count('SELECT count(*) AS n FROM order_events')).toBe(before);
    const [addr] = await database.query<{ receiver_address: string }>(
      `SELECT receiver_address FROM orders WHERE platform_order_no = '2940011223344550'`,
    );
    expect(addr?.receiver_address).toBe('浙江省 杭州市 西湖区 文三路***号(310000)');
  });

  it('rolls the whole import back on a fatal error part-way (nothing half-imported)', async () => {
    const tmall = await resolveImportShop(database, 'tmall');
    const head = '订单编号,总金额,买家实际支付金额,收货地址 ,订单创建时间,订单付款时间 ,退款金额\n';
    let body = '';
    for (let i = 1; i <= 3000; i++) body += `R${i},1.00,1.00,北京,2024-03-01 10:00:00,2024-03-01 10:00:01,0\n`;
    // Valid UTF-8 for the first ~100 KB, then a stray GBK byte sequence: a mixed-encoding file.
    const file = Buffer.concat([Buffer.from(head + body), iconv.encode('R9999,1,1,北京,2024-03-01 10:00:00,,0\n', 'gbk')]);
    await expect(
      importFile(database, { shopId: tmall, platform: 'tmall', stream: bufferSource(file, 8192), batchSize: 500 }),
    ).rejects.toMatchObject({ code: 'UNSUPPORTED_ENCODING' });
    expect(await count('SELECT count(*) AS n FROM orders WHERE shop_id = $1', [tmall])).toBe(0);
    expect(await count('SELECT count(*) AS n FROM import_batches WHERE shop_id = $1', [tmall])).toBe(0);
  });

  it('rolls back batches already written when the database fails part-way (INTERNAL)', async () => {
    const tmall = await resolveImportShop(database, 'tmall');
    await database.query(`CREATE OR REPLACE FUNCTION dxe_test_boom() RETURNS trigger AS $$
      BEGIN IF NEW.platform_order_no = 'BOOM' THEN RAISE EXCEPTION 'disk on fire'; END IF; RETURN NEW; END $$ LANGUAGE plpgsql`);
    await database.query(`CREATE TRIGGER dxe_test_boom BEFORE INSERT ON orders FOR EACH ROW EXECUTE FUNCTION dxe_test_boom()`);
    try {
      let body = '订单编号,总金额,买家实际支付金额,收货地址 ,订单创建时间,订单付款时间 ,退款金额\n';
      for (let i = 1; i <= 50; i++) body += `D${i},1.00,1.00,北京,2024-03-01 10:00:00,2024-03-01 10:00:01,0\n`;
      body += 'BOOM,1.00,1.00,北京,2024-03-01 10:00:00,2024-03-01 10:00:01,0\n';
      await expect(
        importFile(database, { shopId: tmall, platform: 'tmall', stream: bufferSource(body), batchSize: 10 }),
      ).rejects.toMatchObject({ code: 'INTERNAL', details: { importCode: 'IMPORT_DATABASE_FAILED' } });
      expect(await count('SELECT count(*) AS n FROM orders WHERE shop_id = $1', [tmall])).toBe(0);
    } finally {
      await database.query('DROP TRIGGER dxe_test_boom ON orders');
    }
  });

  it('refuses an undecodable or unrecognised file with a code before writing anything', async () => {
    const tmall = await resolveImportShop(database, 'tmall');
    await expect(
      importFile(database, { shopId: tmall, platform: 'tmall', stream: bufferSource(Buffer.from([0x50, 0x4b, 3, 4, 0, 0, 9])) }),
    ).rejects.toMatchObject({ code: 'UNSUPPORTED_ENCODING' });
    await expect(importFile(database, { shopId: tmall, platform: 'tmall', stream: bufferSource('hello,world\n1,2\n') })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
    });
    await expect(importFile(database, { shopId: tmall, platform: 'tmall', filePath: '/nonexistent/x.csv' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(importFile(database, { shopId, platform: 'tmall', filePath: fixture('tmall-order-report.utf8.csv') })).rejects.toThrow(
      /与 --platform tmall 不符/,
    );
    // The CLI resolves the shop first: a shop of another platform is refused before the file is read.
    await expect(resolveImportShop(database, 'tmall', shopId)).rejects.toThrow(/店铺属于平台 taobao，与 --platform tmall 不符/);
  });
});

describe.runIf(existsSync(REAL_REPORT))(`the real 28,010-row Tmall order report on ${databaseLabel} (O2)`, () => {
  it('imports every order once, with derived states, in a few seconds', async () => {
    const shopId = await resolveImportShop(database, 'tmall');
    const started = performance.now();
    const r = await importFile(database, { shopId, platform: 'tmall', filePath: REAL_REPORT });
    const seconds = (performance.now() - started) / 1000;
    console.info(`[O2] real Tmall report on ${databaseLabel}: ${r.imported} orders in ${seconds.toFixed(2)} s`);
    expect(r).toMatchObject({ imported: 28010, updated: 0, skipped: 0, errors: [] });
    const states = await database.query<{ state: string; n: number }>(
      'SELECT state, count(*)::int AS n FROM orders WHERE shop_id = $1 GROUP BY state ORDER BY state',
      [shopId],
    );
    expect(Object.fromEntries(states.map((s) => [s.state, s.n]))).toEqual({
      等待买家付款: 3923,
      '买家已付款等待卖家发货': 18955,
      交易关闭: 5132,
    });
    expect(await count(`SELECT count(*) AS n FROM orders WHERE shop_id = $1 AND region IS NULL`, [shopId])).toBe(0);
    const again = await importFile(database, { shopId, platform: 'tmall', filePath: REAL_REPORT });
    expect(again).toMatchObject({ imported: 0, updated: 0, skipped: 28010 });
  }, 120_000);
});

// Without ../shared the real-report test does not run; say so where the run is read.
if (!existsSync(REAL_REPORT)) {
  console.warn(`[skip] the real Tmall order report test: ${REAL_REPORT} is absent (evaluation data lives in ../shared)`);
}
