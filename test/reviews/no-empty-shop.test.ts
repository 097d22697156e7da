// Issue 15 ("an import that fails creates nothing") for review exports too: with no shop on the
// platform, `dxe import reviews` creates the shop in the import's transaction with the first
// accepted reviews — a refused file, or one whose every row is rejected, leaves no empty shop
// (real PGlite, real review-file reader).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importReviews } from '../../src/app/reviews/intake.js';
import { openReviewImport } from '../../src/channels/review-files/read-review-file.js';
import type { Database } from '../../src/store/open-database.js';
import { databaseLabel, openTestDatabase } from '../helpers/database.js';

let database: Database;
let dir: string;
beforeAll(async () => {
  database = await openTestDatabase();
  dir = mkdtempSync(join(tmpdir(), 'dxe-review-shop-'));
});
afterAll(async () => {
  await database?.close();
  rmSync(dir, { recursive: true, force: true });
});

const shops = async () =>
  Number((await database.query<{ n: number }>(`SELECT count(*)::int AS n FROM shops WHERE platform = 'jd'`))[0]?.n ?? 0);
const file = (name: string, text: string): string => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};
const HEADER = '评价ID\t订单编号\t商品ID\t评价类型\t评价内容\t评价时间';

describe(`a review import that fails creates nothing, on ${databaseLabel} (issue 15, issue 13)`, () => {
  it('a file with an unknown header is refused before any shop exists', async () => {
    await expect(openReviewImport({ platform: 'jd', filePath: file('bad.csv', 'a,b,c\n1,2,3\n') })).rejects.toMatchObject({
      code: expect.any(String),
    });
    expect(await shops()).toBe(0);
  });

  it('a file whose every row is rejected creates no shop', async () => {
    const source = await openReviewImport({ platform: 'jd', filePath: file('all-bad.tsv', `${HEADER}\nJ1\t5001\t7001\t好评\t不错\t不是时间\n`) });
    const r = await importReviews(database, { source });
    expect(r.imported).toBe(0);
    expect(r.errorCount).toBeGreaterThan(0);
    expect(await shops()).toBe(0);
  });

  it('the first accepted review creates the shop, and a re-import reuses it', async () => {
    const path = file('ok.tsv', `${HEADER}\nJ2\t5002\t7001\t好评\t东西很好，物流也快\t2026-11-20 10:00:00\n`);
    const r = await importReviews(database, { source: await openReviewImport({ platform: 'jd', filePath: path }) });
    expect(r.imported).toBe(1);
    expect(await shops()).toBe(1);
    const again = await importReviews(database, { source: await openReviewImport({ platform: 'jd', filePath: path }) });
    expect(again).toMatchObject({ imported: 0 });
    expect(await shops()).toBe(1);
  });

  it('a named shop that does not exist is refused with its id', async () => {
    const path = file('ok2.tsv', `${HEADER}\nJ3\t5003\t7001\t好评\t很好\t2026-11-20 10:00:00\n`);
    await expect(importReviews(database, { shopId: 'no-such-shop', source: await openReviewImport({ platform: 'jd', filePath: path }) })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });
});
