// Order files as Excel workbooks (.xlsx; issue 15, O2): Pinduoduo's 订单明细 export comes as .xlsx.
// The fixture is written by hand for this test (shared strings, inline strings, date-styled cells).
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportProgress } from '../../src/channels/order-files/open-import.js';
import type { Database } from '../../src/store/open-database.js';
import { databaseLabel, openTestDatabase } from '../helpers/database.js';
import { bufferSource, fixture, importFile, readAll } from './read-fixture.js';

describe('PDD order detail as .xlsx (O2)', async () => {
  const { reader, byNo, orders, stats } = await readAll('pdd-order-detail.xlsx', { platform: 'pdd' });

  it('is recognised by its content, whatever its name, and read like the CSV', () => {
    expect([reader.format.id, reader.encoding, reader.headerLine, reader.totalRows]).toEqual(['pdd-order-detail', 'xlsx', 1, 4]);
    expect(orders).toHaveLength(2);
    const o = byNo.get('240308-111111111111111')?.order;
    expect(o).toMatchObject({ state: 'awaitingShipment', totalFen: 5980, paidFen: 5980, shippingFen: 0 });
    expect(o?.paidAt?.toISOString()).toBe('2024-03-08T12:15:00.000Z');
    expect(o?.lines[0]).toMatchObject({ title: '加厚保温杯 500ml', qty: 2, priceFen: 2990, colour: '蓝色', size: '大号', sku: 'CUP-500-B' });
    const shipped = byNo.get('240307-222222222222222')?.order;
    expect(shipped).toMatchObject({ state: 'shipped', courier: '圆通快递', trackingNo: 'YT1234567890123', totalFen: 5000 });
    expect(shipped?.lines[0]?.title).toBe('儿童水杯 卡通 & 便携');
    expect(shipped?.shippedAt?.toISOString()).toBe('2024-03-08T02:00:00.000Z');
  });

  it('names the bad row by its sheet row number and skips the 合计 row', () => {
    expect(stats.errors).toEqual([{ line: 4, reason: '“用户实付金额(元)”不是有效金额：abc' }]);
    expect(stats.rejected).toBe(2);
  });

  it('refuses a damaged workbook with a coded error', async () => {
    const broken = readFileSync(fixture('pdd-order-detail.xlsx')).subarray(0, 200);
    await expect(readAll(bufferSource(broken), { platform: 'pdd' })).rejects.toMatchObject({ details: { importCode: 'IMPORT_BAD_XLSX' } });
  });
});

let database: Database;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(async () => {
  await database?.close();
});

describe(`PDD .xlsx import on ${databaseLabel} (O2)`, () => {
  it('imports, reports progress in rows, and a re-import changes nothing', async () => {
    const progress: ImportProgress[] = [];
    const r = await importFile(database, { platform: 'pdd', filePath: fixture('pdd-order-detail.xlsx'), onProgress: (p) => progress.push(p) });
    expect(r).toMatchObject({ imported: 2, errorCount: 1, format: 'pdd-order-detail', encoding: 'xlsx' });
    expect(progress.at(-1)).toMatchObject({ rows: 4, totalRows: 4 });
    const again = await importFile(database, { platform: 'pdd', filePath: fixture('pdd-order-detail.xlsx') });
    expect(again).toMatchObject({ imported: 0, updated: 0, skipped: 4 });
  });
});
