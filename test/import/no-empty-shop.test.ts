// Issue 15: an import that fails creates nothing. With no shop on the platform, the shop is
// created in the import's transaction with the first accepted rows — a refused file, or a file
// whose every row is rejected, leaves no empty shop (real PGlite).
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findImportShop, importOrders } from '../../src/app/orders/import-orders.js';
import { openOrderImport } from '../../src/channels/order-files/open-import.js';
import type { Database } from '../../src/store/open-database.js';
import { databaseLabel, openTestDatabase } from '../helpers/database.js';
import { bufferSource } from './read-fixture.js';

let database: Database;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(async () => {
  await database?.close();
});

const shops = async (platform: string) =>
  Number((await database.query<{ n: string | number }>('SELECT count(*) AS n FROM shops WHERE platform = $1', [platform]))[0]?.n ?? 0);

const PDD_HEADER = '订单号,订单状态,商品,用户实付金额(元),订单成交时间,商品数量(件)';

describe(`an import that fails creates nothing, on ${databaseLabel} (issue 15, O2)`, () => {
  it('a file with an unknown header is refused before any shop exists', async () => {
    expect(await findImportShop(database, 'pdd')).toBeUndefined();
    await expect(openOrderImport({ platform: 'pdd', stream: bufferSource('a,b,c\n1,2,3\n') })).rejects.toMatchObject({
      details: { importCode: 'IMPORT_UNKNOWN_FORMAT' },
    });
    expect(await shops('pdd')).toBe(0);
  });

  it('a file whose every row is rejected creates no shop and no batch', async () => {
    const text = `${PDD_HEADER}\n,待发货,杯子,10.00,2024-03-01 10:00:00,1\nP-2,待发货,杯子,abc,2024-03-01 10:00:00,1\n`;
    const r = await importOrders(database, { source: await openOrderImport({ platform: 'pdd', stream: bufferSource(text) }) });
    expect(r).toMatchObject({ imported: 0, errorCount: 2 });
    expect(r.shopId).toBeUndefined();
    expect(await shops('pdd')).toBe(0);
    expect(Number((await database.query<{ n: number }>('SELECT count(*)::int AS n FROM import_batches'))[0]?.n)).toBe(0);
  });

  it('a file that fails part-way rolls the new shop back with its rows', async () => {
    let body = '';
    for (let i = 1; i <= 3000; i++) body += `P-${i},待发货,杯子,10.00,2024-03-01 10:00:00,1\n`;
    // Valid UTF-8 for ~150 KB (batches already written), then GBK bytes: a mixed-encoding file.
    const bytes = Buffer.concat([Buffer.from(`${PDD_HEADER}\n${body}`), iconv.encode('P-9999,待发货,杯子,10.00,2024-03-01 10:00:00,1\n', 'gbk')]);
    await expect(
      importOrders(database, { source: await openOrderImport({ platform: 'pdd', stream: bufferSource(bytes, 8192), batchSize: 500 }) }),
    ).rejects.toMatchObject({ code: 'UNSUPPORTED_ENCODING' });
    expect(Number((await database.query<{ n: number }>('SELECT count(*)::int AS n FROM orders'))[0]?.n)).toBe(0);
    expect(await shops('pdd')).toBe(0);
  });

  it('the first accepted rows create the shop, in the same transaction, and a re-import reuses it', async () => {
    const text = `${PDD_HEADER}\nP-10,待发货,杯子,10.00,2024-03-01 10:00:00,1\n`;
    const r = await importOrders(database, { source: await openOrderImport({ platform: 'pdd', stream: bufferSource(text) }) });
    expect(r).toMatchObject({ imported: 1 });
    expect(r.shopId).toBeTruthy();
    expect(await shops('pdd')).toBe(1);
    const again = await importOrders(database, { source: await openOrderImport({ platform: 'pdd', stream: bufferSource(text) }) });
    expect(again).toMatchObject({ imported: 0, shopId: r.shopId });
    expect(await shops('pdd')).toBe(1);
  });
});
