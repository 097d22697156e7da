// AliExpress order export in English, amounts in their own currency (issue 15, O2, C8). Synthetic
// fixtures: UTF-8 with BOM and a Currency column; GBK, tab-separated, amounts written "US $12.50".
import { execFile } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatMinor, parseMoney } from '../../src/channels/files/money.js';
import type { Database } from '../../src/store/open-database.js';
import { databaseLabel, openTestDatabase } from '../helpers/database.js';
import { bufferSource, fixture, importFile, readAll } from './read-fixture.js';
import { migratedDataDir } from '../helpers/pglite-template.js';

describe('amounts with their currency (files/money.ts)', () => {
  it('reads signs, codes and bare numbers into minor units, and refuses a contradicting sign', () => {
    expect(parseMoney('US $12.34', 'a')).toEqual({ currency: 'USD', minor: 1234 });
    expect(parseMoney('12.3', 'a', 'EUR')).toEqual({ currency: 'EUR', minor: 1230 });
    expect(parseMoney('1,234.50 USD', 'a')).toEqual({ currency: 'USD', minor: 123450 });
    expect(parseMoney('500', 'a', 'JPY')).toEqual({ currency: 'JPY', minor: 500 });
    expect(() => parseMoney('5.5', 'a', 'JPY')).toThrow(/最小单位/);
    expect(() => parseMoney('€ 3', 'a', 'USD')).toThrow(/币种 EUR 与订单币种 USD 不一致/);
    expect(() => parseMoney('3.00', 'a')).toThrow(/没有标明币种/);
    expect(parseMoney('', 'a', 'USD')).toBeUndefined();
    expect(formatMinor(2899, 'USD')).toBe('USD 28.99');
  });
});

describe('AliExpress English order export: reading (O2)', async () => {
  const utf8 = await readAll('aliexpress-orders.utf8-bom.csv', { platform: 'aliexpress' });
  const gbk = await readAll('aliexpress-orders.gbk.tsv', { platform: 'aliexpress' });

  it('is detected in UTF-8 (comma) and GBK (tab)', () => {
    expect([utf8.reader.format.id, utf8.reader.encoding, utf8.reader.delimiter]).toEqual(['aliexpress-order-list', 'utf-8', ',']);
    expect([gbk.reader.format.id, gbk.reader.encoding, gbk.reader.delimiter]).toEqual(['aliexpress-order-list', 'gbk', '\t']);
  });

  it('keeps USD and EUR amounts in minor units with their code, merges product rows, maps English states', () => {
    for (const { byNo } of [utf8, gbk]) {
      const o = byNo.get('8100000000000001')?.order;
      expect(o).toMatchObject({ currency: 'USD', totalFen: 2899, paidFen: 2899, shippingFen: 399, state: 'awaitingShipment', region: 'United States' });
      expect(o?.lines.map((l) => [l.title, l.qty, l.priceFen])).toEqual([['Insulated Cup 500ml, blue', 2, 1250], ['Cup Sleeve', 1, 0]]);
      expect(byNo.get('8100000000000002')?.order).toMatchObject({ currency: 'EUR', totalFen: 990, paidFen: 0, state: 'awaitingPayment' });
      expect(byNo.get('8100000000000003')?.order).toMatchObject({ state: 'shipped', trackingNo: 'LP00123456789012', currency: 'USD' });
    }
    expect(gbk.byNo.get('8100000000000001')?.order.buyerNote).toBe('请尽快发货');
  });

  it('names an unknown state and skips the Total line', () => {
    expect(utf8.stats.errors).toEqual([{ line: 6, reason: '未知的订单状态（Order Status）：Teleported' }]);
    expect(utf8.stats.rejected).toBe(2);
  });

  it('names the missing column', async () => {
    const text = readFileSync(fixture('aliexpress-orders.utf8-bom.csv'), 'utf8').replace('Order Amount', 'Amount');
    await expect(readAll(bufferSource(text), { platform: 'aliexpress' })).rejects.toThrow(/缺少必需的列：Order Amount/);
  });

  it('refuses an English file for a Chinese platform (the format names its platform)', async () => {
    await expect(readAll('aliexpress-orders.utf8-bom.csv', { platform: 'taobao' })).rejects.toMatchObject({
      details: { importCode: 'IMPORT_PLATFORM_MISMATCH' },
    });
  });
});

let database: Database;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(async () => {
  await database?.close();
});

describe(`AliExpress import with currency on ${databaseLabel} (O2, C8)`, () => {
  it('stores minor units with the currency, leaves the CNY columns at 0, sets the 20-day pay deadline; re-import adds nothing', async () => {
    const r = await importFile(database, { platform: 'aliexpress', filePath: fixture('aliexpress-orders.utf8-bom.csv') });
    expect(r).toMatchObject({ imported: 3, errorCount: 1, format: 'aliexpress-order-list' });
    expect(r.currencies).toEqual([
      { currency: 'USD', orders: 2, totalMinor: 4099 },
      { currency: 'EUR', orders: 1, totalMinor: 990 },
    ]);
    const [o] = await database.query<Record<string, unknown>>(`SELECT * FROM orders WHERE platform_order_no = '8100000000000001'`);
    expect(o).toMatchObject({ currency: 'USD', total_fen: 0, paid_fen: 0, shipping_fen: 0 });
    expect([o?.total_minor, o?.paid_minor, o?.shipping_minor].map(Number)).toEqual([2899, 2899, 399]);
    const lines = await database.query<{ price_fen: number; price_minor: string | number }>(
      'SELECT price_fen, price_minor FROM order_lines WHERE order_id = $1 ORDER BY line_no', [o?.id],
    );
    expect(lines.map((l) => [l.price_fen, Number(l.price_minor)])).toEqual([[0, 1250], [0, 0]]);
    const [unpaid] = await database.query<{ raw: Record<string, { payBy?: string }> }>(
      `SELECT raw FROM orders WHERE platform_order_no = '8100000000000002'`,
    );
    // 2024-03-09 08:00 Beijing + 480 h (rules/aliexpress.yaml service.pay_window_hours, seed 003).
    expect(unpaid?.raw['aliexpress-order-list']?.payBy).toBe('2024-03-29T00:00:00.000Z');
    const again = await importFile(database, { platform: 'aliexpress', filePath: fixture('aliexpress-orders.gbk.tsv') });
    expect(again).toMatchObject({ imported: 0 });
  });

  it('keeps a CNY order in fen in both columns', async () => {
    await importFile(database, { platform: 'pdd', filePath: fixture('pdd-order-detail.gbk.csv') });
    const [o] = await database.query<Record<string, unknown>>(`SELECT currency, paid_fen, paid_minor FROM orders WHERE platform_order_no = '240302-118800001'`);
    expect(o).toMatchObject({ currency: 'CNY', paid_fen: 1780 });
    expect(Number(o?.paid_minor)).toBe(1780);
  });
});

// Migrated already (a copy of the run's template): the test is about the import.
const dataDir = await migratedDataDir('dxe-import-ae-');

describe('dxe import orders with an AliExpress USD file (EVAL §4)', () => {
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));
  it('prints the currencies in the summary and says on stderr that nothing was converted', async () => {
    const run = promisify(execFile);
    const { stdout, stderr } = await run('node', ['bin/dxe.js', 'import', 'orders', fixture('aliexpress-orders.utf8-bom.csv'), '--platform', 'aliexpress'], {
      cwd: new URL('../..', import.meta.url).pathname,
      env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '', DXE_CONFIG: '' },
    });
    expect(JSON.parse(stdout)).toMatchObject({ imported: 3, skipped: 2, currencies: [{ currency: 'USD', orders: 2, totalMinor: 4099 }, { currency: 'EUR' }] });
    expect(stderr).toContain('2 单以 USD 计价，订单金额合计 USD 40.99（按原币种保存，未换算为人民币）');
  }, 180_000);
});
