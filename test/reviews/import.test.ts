// Reviews come in (issue 13): platform exports (GBK CSV, tab-separated UTF-8, .xlsx) analysed on
// import, linked to orders and buyers, idempotent per review id, follow-ups on their first review.
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importReviews, ingestReview } from '../../src/app/reviews/intake.js';
import { openReviewImport } from '../../src/channels/review-files/read-review-file.js';
import type { Platform } from '../../src/core/platforms.js';
import type { Database } from '../../src/store/open-database.js';
import { openTestDatabase } from '../helpers/database.js';
import { seedWorld, type World } from '../helpers/fixtures.js';

const fixture = (name: string): string => fileURLToPath(new URL(`../fixtures/reviews/${name}`, import.meta.url));

let database: Database;
let world: World;

beforeAll(async () => {
  database = await openTestDatabase();
  world = await seedWorld(database, { platformA: 'taobao' });
  // An order the first review belongs to, with its buyer.
  await database.query(`INSERT INTO buyers (id, shop_id, platform_account, nickname) VALUES ('b-xh', $1, 'tb_小红', '小红')`, [world.shopA]);
  await database.query(
    `INSERT INTO orders (id, shop_id, platform_order_no, buyer_id, state, paid_fen) VALUES ('o-1', $1, '4001001', 'b-xh', 'trade_success', 25900)`,
    [world.shopA],
  );
});
afterAll(async () => {
  await database.close();
});

async function importFile(name: string, platform: Platform, shopId: string) {
  const source = await openReviewImport({ platform, filePath: fixture(name) });
  return importReviews(database, { shopId, source });
}

describe('dxe import reviews', () => {
  it('imports a GBK Taobao export, analyses each review and reports bad rows', async () => {
    const r = await importFile('taobao-reviews-gbk.csv', 'taobao', world.shopA);
    expect(r.encoding).toBe('gbk');
    expect(r.imported).toBe(7);
    expect(r.errors).toEqual([expect.objectContaining({ line: 9, reason: expect.stringContaining('评价时间') })]);
    const rows = await database.query<{ platform_review_id: string; rating: string; sentiment: string; causes: string[]; flags: string[]; order_id: string | null; buyer_id: string | null; dsr: unknown; follow_up_text: string | null; status: string; paid_fen: number | null }>(
      'SELECT * FROM reviews WHERE shop_id = $1 ORDER BY at',
      [world.shopA],
    );
    const by = new Map(rows.map((x) => [x.platform_review_id, x]));
    expect(by.get('R1001')).toMatchObject({ rating: 'good', sentiment: 'positive', causes: ['logistics'], order_id: 'o-1', buyer_id: 'b-xh', paid_fen: 25900 });
    expect(by.get('R1001')?.dsr).toEqual({ description: 5, service: 5, logistics: 3 });
    expect(by.get('R1002')).toMatchObject({ rating: 'bad', sentiment: 'negative', follow_up_text: '洗了一次还掉色' });
    expect(by.get('R1002')?.causes).toContain('quality');
    expect(by.get('R1003')?.causes).toContain('size');
    expect(by.get('R1004')?.flags).toContain('abuse');
    expect(by.get('R1005')?.status).toBe('replied');
    expect(by.get('R1006')?.flags).toContain('extortion');
    // A buyer named only by the export is known by the account afterwards.
    expect(by.get('R1003')?.buyer_id).toBeTruthy();
    // No review id: one derived from order, item, buyer and time, stable across imports.
    expect(rows.find((x) => x.platform_review_id.startsWith('h:'))).toBeTruthy();
  });

  it('importing the same file twice imports nothing new', async () => {
    const r = await importFile('taobao-reviews-gbk.csv', 'taobao', world.shopA);
    expect(r).toMatchObject({ imported: 0, updated: 0 });
    const n = await database.query<{ n: number }>('SELECT count(*)::int AS n FROM reviews WHERE shop_id = $1', [world.shopA]);
    expect(n[0]?.n).toBe(7);
  });

  it('attaches a follow-up row (追评) to its first review; one without a first review is an error line', async () => {
    const r = await importFile('followups-utf8.tsv', 'taobao', world.shopA);
    expect(r.imported).toBe(1);
    expect(r.updated).toBe(1);
    expect(r.errors).toEqual([expect.objectContaining({ line: 4, reason: expect.stringContaining('追评') })]);
    const row = (await database.query<{ follow_up_text: string; follow_up: { sentiment: string; causes: string[] } }>(
      `SELECT follow_up_text, follow_up FROM reviews WHERE shop_id = $1 AND platform_review_id = 'R2001'`,
      [world.shopA],
    ))[0];
    expect(row?.follow_up_text).toBe('用了一周就坏了，后悔');
    expect(row?.follow_up).toMatchObject({ sentiment: 'negative' });
    const again = await importFile('followups-utf8.tsv', 'taobao', world.shopA);
    expect(again).toMatchObject({ imported: 0, updated: 0 });
  });

  it('reads an Excel workbook (JD: stars instead of 好/中/差, times as Excel dates)', async () => {
    const r = await importFile('jd-reviews.xlsx', 'jd', world.shopB);
    expect(r).toMatchObject({ imported: 3, format: 'xlsx', errorCount: 0 });
    const rows = await database.query<{ platform_review_id: string; rating: string; stars: number; at: Date; causes: string[] }>(
      'SELECT platform_review_id, rating, stars, at, causes FROM reviews WHERE shop_id = $1 ORDER BY platform_review_id',
      [world.shopB],
    );
    expect(rows.map((x) => [x.platform_review_id, x.rating, x.stars])).toEqual([['J501', 'good', 5], ['J502', 'bad', 1], ['J503', 'neutral', 3]]);
    // 46346.5 = 2026-11-20 12:00 Beijing time.
    expect(new Date(rows[0]!.at).toISOString()).toBe('2026-11-20T04:00:00.000Z');
    expect(rows[1]?.causes).toEqual(expect.arrayContaining(['quality']));
  });

  it('refuses a file without a review header, and a shop of another platform', async () => {
    await expect(openReviewImport({ platform: 'taobao', filePath: fixture('dev.jsonl') })).rejects.toThrow(/评价表头/);
    await expect(importFile('jd-reviews.xlsx', 'jd', world.shopA)).rejects.toThrow(/平台/);
  });

  it('a live review from the bridge is idempotent on its id', async () => {
    const review = { reviewId: 'LIVE-1', orderNo: '4001001', text: '客服态度很差，问了半天不回', at: new Date('2026-12-01T02:00:00Z'), rating: 'bad' as const };
    const ctx = { shopId: world.shopA, platform: 'taobao', now: new Date('2026-12-01T02:00:01Z') };
    const first = await ingestReview(database, ctx, review);
    const second = await ingestReview(database, ctx, review);
    expect(first.created).toBe(true);
    expect(second).toMatchObject({ created: false, updated: false, reviewId: first.reviewId });
    const follow = await ingestReview(database, ctx, { reviewId: 'LIVE-1-F', text: '后来客服主动联系解决了', at: new Date('2026-12-03T02:00:00Z'), followUpOf: { reviewId: 'LIVE-1' } });
    expect(follow).toMatchObject({ updated: true, reviewId: first.reviewId });
  });
});
