// JD order list (订单导出): pay and ship times, so JD orders get a ship-by deadline (issue 15, O2, O3).
// Synthetic fixtures written for this test, GBK comma and UTF-8 tab with a title line.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { profileFor } from '../../src/core/rules/load-profiles.js';
import { shipByDeadline } from '../../src/core/orders/ship-by.js';
import type { Database } from '../../src/store/open-database.js';
import { databaseLabel, openTestDatabase } from '../helpers/database.js';
import { bufferSource, fixture, importFile, readAll } from './read-fixture.js';

describe('JD order list: reading (O2)', async () => {
  const gbk = await readAll('jd-order-list.gbk.csv', { platform: 'jd' });
  const utf8 = await readAll('jd-order-list.utf8.tsv', { platform: 'jd' });

  it('is detected in GBK with commas and in UTF-8 with tabs under a title line', () => {
    expect([gbk.reader.format.id, gbk.reader.encoding, gbk.reader.delimiter]).toEqual(['jd-order-list', 'gbk', ',']);
    expect([utf8.reader.format.id, utf8.reader.encoding, utf8.reader.delimiter, utf8.reader.headerLine]).toEqual([
      'jd-order-list', 'utf-8', '\t', 2,
    ]);
    expect(gbk.orders.map((e) => e.order)).toEqual(utf8.orders.map((e) => e.order));
  });

  it('merges the SKU rows of one order and reads pay and ship times, money in fen, masked receiver', () => {
    const o = gbk.byNo.get('310000000101')?.order;
    expect(o).toMatchObject({
      state: 'awaitingShipment', stateWord: '等待出库', totalFen: 13800, paidFen: 12800, shippingFen: 1000,
      buyerAccount: 'jd_小鹿买家', receiverName: '李**', receiverPhone: '138****0001', region: '北京', lineSource: 'detail',
    });
    expect(o?.paidAt?.toISOString()).toBe('2024-03-08T12:16:10.000Z');
    expect(o?.lines.map((l) => [l.title, l.qty, l.priceFen])).toEqual([
      ['保温杯 500ml 星空蓝', 2, 5900],
      ['杯套 加厚款', 1, 1000],
    ]);
    const shipped = gbk.byNo.get('310000000202')?.order;
    expect(shipped).toMatchObject({ state: 'shipped', courier: '京东快递', trackingNo: 'JD0012345678901', region: '广东' });
    expect(shipped?.shippedAt?.toISOString()).toBe('2024-03-08T07:40:00.000Z');
    expect(gbk.byNo.get('310000000303')?.order).toMatchObject({ state: 'awaitingPayment', paidAt: undefined });
  });

  it('names the bad row and skips the 合计 line', () => {
    expect(gbk.stats.errors).toEqual([{ line: 6, reason: '“下单时间”不是有效时间：2024-13-09 11:00:00' }]);
    expect(gbk.stats.rejected).toBe(2);
  });

  it('names the missing column when one required column is gone', async () => {
    const text = readFileSync(fixture('jd-order-list.utf8.tsv'), 'utf8').replace('\t应付金额\t', '\t实付\t');
    await expect(readAll(bufferSource(text), { platform: 'jd' })).rejects.toThrow(/缺少必需的列：应付金额/);
  });
});

let database: Database;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(async () => {
  await database?.close();
});

describe(`JD order list: import on ${databaseLabel} (O2, O3)`, () => {
  it('imports with a ship-by deadline from the pay time; re-importing (GBK then UTF-8) adds nothing', async () => {
    const first = await importFile(database, { platform: 'jd', filePath: fixture('jd-order-list.gbk.csv') });
    expect(first).toMatchObject({ imported: 3, updated: 0, errorCount: 1, format: 'jd-order-list', encoding: 'gbk' });
    const again = await importFile(database, { platform: 'jd', filePath: fixture('jd-order-list.utf8.tsv') });
    expect(again).toMatchObject({ imported: 0, updated: 0 });
    const [o] = await database.query<{ paid_at: Date | string; state: string; total_fen: number }>(
      `SELECT paid_at, state, total_fen FROM orders WHERE platform_order_no = '310000000101'`,
    );
    expect(o?.total_fen).toBe(13800);
    const paidAt = new Date(o!.paid_at).toISOString();
    const deadline = shipByDeadline({ paidAt }, profileFor('jd'));
    expect(deadline).not.toBeNull();
    expect(deadline!.ms - Date.parse(paidAt)).toBe(profileFor('jd').shipping.ship_by_hours * 3_600_000);
    const lines = await database.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM order_lines l JOIN orders o ON o.id = l.order_id WHERE o.platform_order_no = '310000000101'`,
    );
    expect(lines[0]?.n).toBe(2);
  });
});
