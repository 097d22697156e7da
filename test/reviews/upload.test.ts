// A review export uploaded from the 评价 screen (issue 13): the raw file as the body, GBK decoded,
// imported by the same use case as `dxe import reviews`, the bad reviews listed first; an empty
// file, a JSON body and a file without review headers get Chinese errors; an agent is refused;
// uploading the same file again imports nothing new.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReviewListView } from '../../src/core/contract/reviews.js';
import { startTestApp, type TestApp } from '../helpers/app.js';

let t: TestApp;
let admin: string;
const SHOP = 'demo-taobao';
const GBK = readFileSync(fileURLToPath(new URL('../fixtures/reviews/taobao-reviews-gbk.csv', import.meta.url)));

beforeAll(async () => {
  t = await startTestApp({ now: new Date('2026-12-01T04:00:00.000Z') });
  admin = await t.login('admin');
}, 120_000);
afterAll(async () => {
  await t?.close();
});

const upload = (token: string, payload: Buffer | string, contentType = 'application/octet-stream') =>
  t.app.inject({ method: 'POST', url: `/api/v1/shops/${SHOP}/reviews/import?name=${encodeURIComponent('评价导出.csv')}`, headers: { authorization: `Bearer ${token}`, 'content-type': contentType }, payload });

describe('review export upload (issue 13)', () => {
  it('imports a GBK export and lists the bad reviews first; the same file again adds nothing', async () => {
    const res = await upload(admin, GBK);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ imported: 7, encoding: 'gbk' });
    const list = (await t.app.inject({ method: 'GET', url: `/api/v1/reviews?shopId=${SHOP}`, headers: { authorization: `Bearer ${admin}` } })).json() as ReviewListView;
    expect(list.items[0]?.rating).toBe('bad');
    expect(list.items.some((i) => i.text.startsWith('穿了一次就开线了'))).toBe(true);
    const again = await upload(admin, GBK, 'text/csv');
    expect(again.json()).toMatchObject({ imported: 0 });
  });

  it('refuses what is not a review export, in Chinese', async () => {
    const empty = await upload(admin, Buffer.alloc(0));
    expect(empty.statusCode).toBe(400);
    const asJson = await t.app.inject({ method: 'POST', url: `/api/v1/shops/${SHOP}/reviews/import`, headers: { authorization: `Bearer ${admin}` }, payload: { file: 'x.csv' } });
    expect(asJson.statusCode).toBe(400);
    expect(asJson.json().error.message).toContain('请上传评价导出文件');
    const noHeader = await upload(admin, Buffer.from('姓名,电话\n张三,1\n', 'utf8'));
    expect(noHeader.statusCode).toBe(400);
    expect(noHeader.json().error.message).toContain('找不到评价表头');
  });

  it('is for leads: an agent is refused', async () => {
    const agent = await t.login('agent2');
    expect((await upload(agent, GBK)).statusCode).toBe(403);
  });
});
