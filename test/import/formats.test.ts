// Each format's mapping to the normalised order, from the synthetic fixtures (O1 states, O2).
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { bufferSource, readAll } from './read-fixture.js';

describe('Taobao/Tmall 已卖出的宝贝 order list (O2)', async () => {
  const { reader, byNo, orders, stats } = await readAll('taobao-order-list.gbk.tsv', { platform: 'taobao' });

  it('is detected under a title line, GBK, tab-separated', () => {
    expect([reader.format.id, reader.encoding, reader.delimiter, reader.headerLine]).toEqual([
      'taobao-order-list', 'gbk', '\t', 2,
    ]);
    expect(orders).toHaveLength(4);
  });

  it('reads states, money in fen, Beijing times, region, masked receiver kept masked (O1)', () => {
    const o = byNo.get('2940011223344550')?.order;
    expect(o).toMatchObject({
      state: 'awaitingShipment', totalFen: 12800, paidFen: 12800, shippingFen: 0, buyerAccount: '小蓝鲸88',
      receiverName: '王**', receiverPhone: '138****5678', region: '浙江', buyerNote: '请发顺丰',
      receiverAddress: '浙江省 杭州市 西湖区 文三路***号(310000)',
    });
    expect(o?.orderedAt?.toISOString()).toBe('2024-03-08T12:15:00.000Z');
    expect(o?.lines).toEqual([{ key: 'summary', title: '纯棉短袖T恤 男款', qty: 2, priceFen: 6400 }]);
    expect(o?.extra).toMatchObject({ 店铺名称: '示例旗舰店', 是否手机订单: '手机订单' });
    expect(byNo.get('2940011223344551')?.order).toMatchObject({ state: 'awaitingPayment', region: '内蒙古', shippingFen: 1000 });
    expect(byNo.get('2940011223344552')?.order).toMatchObject({
      state: 'shipped', trackingNo: 'SF1234567890', courier: '顺丰速运', receiverPhone: '021-****8888',
    });
    expect(byNo.get('2940011223344553')?.order).toMatchObject({ state: 'closed', region: '广西' });
  });

  it('reports the bad row with its line and skips the summary line quietly', () => {
    expect(stats.errors).toEqual([{ line: 7, reason: '“订单创建时间”不是有效时间：2024/13/40 25:00' }]);
    expect(stats.rejected).toBe(2);
  });
});

describe('Tmall order detail: one row per sub-order (O2)', async () => {
  const { reader, byNo, orders } = await readAll('tmall-order-detail.utf8-bom.csv', { platform: 'tmall' });

  it('groups sub-orders into orders with lines; quoted commas and line breaks survive', () => {
    expect([reader.format.id, reader.encoding]).toEqual(['tmall-order-detail', 'utf-8']);
    expect(orders).toHaveLength(2);
    const o = byNo.get('3100000000000100')?.order;
    expect(o?.lines.map((l) => [l.key, l.title, l.qty, l.priceFen, l.colour, l.size, l.state])).toEqual([
      ['sub:3100000000000101', '连衣裙, 夏季新款', 1, 19900, '黑色', 'M', 'awaitingShipment'],
      ['sub:3100000000000102', '帆布包\n（两用）', 2, 3990, '米白', undefined, 'closed'],
    ]);
    // One line still to ship keeps the order awaiting shipment; money adds up.
    expect(o).toMatchObject({ state: 'awaitingShipment', totalFen: 27880, paidFen: 27880, refundFen: 7980 });
    expect(byNo.get('3100000000000200')?.order.lines[0]?.title).toBe('"网红"保温杯');
    expect(byNo.get('3100000000000200')?.order.state).toBe('completed');
  });
});

describe('Tmall 7-column order report: derived state (O1, O2)', async () => {
  const { byNo, stats } = await readAll('tmall-order-report.utf8.csv', { platform: 'tmall' });

  it('unpaid → 等待买家付款; refunded in full → 交易关闭; else paid awaiting shipment', () => {
    expect(byNo.get('9001')?.order).toMatchObject({ state: 'awaitingPayment', totalFen: 17880, paidFen: 0, region: '上海' });
    expect(byNo.get('9002')?.order).toMatchObject({ state: 'awaitingShipment', paidFen: 2100, region: '内蒙古' });
    expect(byNo.get('9003')?.order).toMatchObject({ state: 'closed', paidFen: 6480, refundFen: 6480 });
    expect(byNo.get('9004')?.order).toMatchObject({ state: 'awaitingShipment', paidFen: 32770, refundFen: 17880 });
    expect(byNo.get('9002')?.order.paidAt?.toISOString()).toBe('2024-03-01T16:00:02.000Z');
  });

  it('reports each bad line in Chinese with its line number', () => {
    expect(stats.errors).toEqual([
      { line: 6, reason: '“总金额”不是有效金额：abc' },
      { line: 7, reason: '“订单创建时间”不是有效时间：2024-02-30 10:00:00' },
      { line: 8, reason: '“订单编号”为空' },
    ]);
  });

  it('reads the same report from GBK, tab-separated, with a BOM-less header and CRLF', async () => {
    const text = '订单编号\t总金额\t买家实际支付金额\t收货地址 \t订单创建时间\t订单付款时间 \t退款金额\r\n="77"\t1.5\t1.5\t新疆维吾尔自治区\t2024-03-01 10:00:00\t2024-03-01 10:00:05\t0\r\n';
    const { reader, orders } = await readAll(bufferSource(iconv.encode(text, 'gbk'), 5), { platform: 'tmall' });
    expect([reader.encoding, reader.delimiter]).toEqual(['gbk', '\t']);
    expect(orders[0]?.order).toMatchObject({ platformOrderNo: '77', totalFen: 150, region: '新疆' });
  });
});

describe('Pinduoduo 订单明细 (O2)', async () => {
  const { reader, byNo, stats } = await readAll('pdd-order-detail.gbk.csv', { platform: 'pdd' });

  it('maps PDD states and money; a full refund closes the order', () => {
    expect([reader.format.id, reader.encoding]).toEqual(['pdd-order-detail', 'gbk']);
    const done = byNo.get('240302-118800001')?.order;
    expect(done).toMatchObject({ state: 'completed', totalFen: 1780, paidFen: 1780, courier: '圆通快递', trackingNo: 'YT1234567890' });
    expect(done?.shippedAt?.toISOString()).toBe('2024-03-02T10:00:00.000Z');
    expect(done?.completedAt?.toISOString()).toBe('2024-03-05T01:00:00.000Z');
    const boots = byNo.get('240303-118800002')?.order;
    expect(boots).toMatchObject({ state: 'awaitingShipment', totalFen: 6400, paidFen: 6100, shippingFen: 500, sellerNote: '加急' });
    expect(boots?.lines[0]).toMatchObject({ title: '儿童雨靴', sku: 'BOOT-Y-28', colour: '黄色', size: '28码', qty: 1, priceFen: 5900 });
    expect(byNo.get('240303-118800003')?.order).toMatchObject({ state: 'closed', refundFen: 3000 });
    expect(stats.errors).toEqual([{ line: 5, reason: '未知的订单状态：神秘状态' }]);
  });
});

describe('JD settlement lines (O2)', async () => {
  const { reader, byNo } = await readAll('jd-settlement.utf8.tsv', { platform: 'jd' });

  it('builds orders from goods rows and keeps fees by name', () => {
    expect([reader.format.id, reader.delimiter]).toEqual(['jd-settlement', '\t']);
    const o = byNo.get('280011112222')?.order;
    expect(o).toMatchObject({ state: 'completed', totalFen: 21700, paidFen: 21700 });
    expect(o?.lines.map((l) => [l.sku, l.qty, l.priceFen])).toEqual([['100012345', 2, 9900], ['100012346', 1, 1900]]);
    expect(o?.extra).toMatchObject({ '费用:佣金': -990, 应结合计: 21700 - 990 });
    expect(byNo.get('280011113333')?.order).toMatchObject({ state: 'shipped', paidFen: 29900 });
  });
});

describe('format detection and refusal (O2)', () => {
  it('honours --format and refuses a header that does not fit it', async () => {
    await expect(readAll('tmall-order-report.utf8.csv', { platform: 'tmall', format: 'taobao-order-list' })).rejects.toThrow(
      /不符/,
    );
    await expect(readAll('tmall-order-report.utf8.csv', { platform: 'tmall', format: 'nope' })).rejects.toThrow(/未知的文件格式/);
  });

  it('refuses a file for another platform and an unknown header', async () => {
    await expect(readAll('pdd-order-detail.gbk.csv', { platform: 'tmall' })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      details: { importCode: 'IMPORT_PLATFORM_MISMATCH' },
    });
    await expect(readAll(bufferSource('a,b,c\n1,2,3\n'), { platform: 'tmall' })).rejects.toMatchObject({
      details: { importCode: 'IMPORT_UNKNOWN_FORMAT' },
    });
  });

  it('keeps contiguous sub-orders of one order in one batch', async () => {
    const head = '子订单编号,主订单编号,标题,价格,购买数量,订单状态\n';
    const rows = ['1,A,x,1,1,交易成功', '2,A,y,1,1,交易成功', '3,B,z,1,1,交易成功', '4,C,z,1,1,交易成功'];
    const reader = (await import('../../src/channels/order-files/read-order-file.js')).openOrderFile;
    const r = await reader(bufferSource(head + rows.join('\n')), { platform: 'tmall', batchSize: 1 });
    const sizes: number[][] = [];
    for await (const b of r.batches) sizes.push(b.map((e) => e.order.lines.length));
    expect(sizes).toEqual([[2], [1], [1]]);
  });

  it('reports short rows, an unknown junk line and an unclosed quote, and keeps going', async () => {
    const text = [
      '订单编号,总金额,买家实际支付金额,收货地址 ,订单创建时间,订单付款时间 ,退款金额',
      '1,1.0,1.0,北京,2024-03-01 10:00:00,2024-03-01 10:00:01,0',
      '2,1.0',
      '',
      '这是一行说明文字',
      '3,1.0,1.0,北京,2024-03-01 10:00:00,2024-03-01 10:00:01,0',
      '共 3 条记录',
      '"4,1.0,1.0,北京,2024-03-01 10:00:00,,0',
      '5,1.0,1.0,北京,2024-03-01 10:00:00,,0',
    ].join('\r\n');
    const { orders, stats } = await readAll(bufferSource(text, 16), { platform: 'tmall' });
    expect(orders.map((e) => e.order.platformOrderNo)).toEqual(['1', '3']);
    expect(stats.errors).toEqual([
      { line: 3, reason: '列数不足：表头有 7 列，此行只有 2 列' },
      { line: 5, reason: '列数不足：表头有 7 列，此行只有 1 列' },
      { line: 8, reason: '引号未闭合，此行到文件末尾无法解析' },
    ]);
    expect(stats.rejected).toBe(4);
  });
});
