// N1/O1 (found walking the product): an export's 卖家已发货 order with no ship time was treated as an
// unshipped late order — the drawer advised paying late-shipment compensation and the at-stake
// total counted it. A shipped order whose ship time is unknown carries no late-shipment claim; a
// paid order still waiting to ship does.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exposureFor } from '../../src/app/orders/exposure.js';
import { resolveImportShop } from '../../src/app/orders/import-orders.js';
import { orderDetail } from '../../src/app/orders/order-detail.js';
import type { Database } from '../../src/store/open-database.js';
import { orders } from '../../src/store/schema/index.js';
import { eq } from 'drizzle-orm';
import { databaseLabel, openTestDatabase } from '../helpers/database.js';
import { bufferSource, importFile } from '../import/read-fixture.js';

const CSV = [
  '订单编号,买家会员名,买家应付货款,买家应付邮费,总金额,买家实际支付金额,订单状态,收货人姓名,收货地址 ,联系手机,订单创建时间,订单付款时间 ,宝贝标题 ,宝贝种类 ,物流单号 ,物流公司,宝贝总数量',
  '="4021999000000000001",甲买家,199.00,0.00,199.00,199.00,买家已付款，等待卖家发货,张三,浙江省 杭州市 西湖区 文三路100号,13912345678,2026/11/10 20:15,2026/11/10 20:16,碎花连衣裙,1,,,1',
  '="4021999000000000002",乙买家,79.00,10.00,89.00,89.00,卖家已发货，等待买家确认,李四,北京 北京市 朝阳区 建国路1号,13800001111,2026/11/10 09:00,2026/11/10 09:01,纯棉短袖T恤,1,="SF9990001",顺丰速运,1',
].join('\n');
const NOW = new Date('2026-11-23T06:00:00Z');

let database: Database;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(async () => {
  await database?.close();
});

describe(`a shipped order from an export, ship time unknown, on ${databaseLabel} (N1, O1)`, () => {
  it('is not at risk of late shipment; the unshipped one is', async () => {
    const shopId = await resolveImportShop(database, 'tmall');
    const r = await importFile(database, { shopId, platform: 'tmall', stream: bufferSource(CSV) });
    expect(r).toMatchObject({ imported: 2, errorCount: 0 });

    const report = await exposureFor(database, [shopId], NOW);
    const nos = report.items.map((i) => i.platformOrderNo);
    expect(nos).toContain('4021999000000000001');
    expect(nos).not.toContain('4021999000000000002');
    const unshipped = report.items.find((i) => i.platformOrderNo === '4021999000000000001')!;
    expect(unshipped.late).toBe(true);
    expect(report.total.nowYuan).toBe(unshipped.nowYuan);

    const [shipped] = await database.db.select().from(orders).where(eq(orders.platformOrderNo, '4021999000000000002'));
    expect(shipped!.trackingNo).toBe('SF9990001');
    const detail = await orderDetail(database, shipped!, false, NOW);
    expect(detail.exposure).toBeNull();
  });
});
