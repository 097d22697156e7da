// N2–N4 in Chromium, in Chinese: the dashboard shows the Tmall shop's penalty-points ledger — six
// upheld material-mismatch cases this year (6, 12, 12, then 12 serious each from the fourth), the
// serious tally, and the removal warning "还差 12 分将被清退" before the 48-point line.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import * as s from '../../src/store/schema/index.js';
import type { Database } from '../../src/store/open-database.js';
import { hasChromium, type Harness, startPage } from './fixture.js';
import { insertWorkbenchData, type WorkbenchData } from './seed.js';

async function seed(database: Database, now: Date): Promise<WorkbenchData> {
  const data = await insertWorkbenchData(database, now);
  const ago = (h: number) => new Date(now.getTime() - h * 3_600_000);
  for (let i = 1; i <= 6; i += 1) {
    const [o] = await database.db.insert(s.orders).values({
      shopId: data.tmallId, platformOrderNo: `40299900000000${i}`, state: '卖家已发货等待买家确认', totalFen: 19900, paidFen: 19900,
      orderedAt: ago(100), paidAt: ago(99), shippedAt: ago(80),
    }).returning();
    const [c] = await database.db.insert(s.aftersalesCases).values({
      shopId: data.tmallId, orderId: o!.id, type: 'refund_only', state: '退款申请等待卖家确认中', reason: '错发/漏发', amountFen: 1000, openedAt: ago(20),
    }).returning();
    await database.db.insert(s.penaltyRecords).values({
      shopId: data.tmallId, subjectKind: 'case', subjectId: c!.id, kind: 'description_mismatch', mismatchKind: 'material', upheld: true,
      at: ago(10 - i), actorKind: 'agent', actorId: data.agentIds.agent1!,
    });
  }
  return data;
}

describe.skipIf(!hasChromium)('the penalty-points ledger on the dashboard, in Chromium (N2–N4)', () => {
  let h: Harness;
  let page: Page;
  let pageErrors: string[] = [];
  beforeAll(async () => {
    ({ h, page, pageErrors } = await startPage(seed, 'agent1'));
  });
  afterAll(async () => {
    await h?.close();
  });

  it('shows the serious points, the entries and the removal warning in Chinese', async () => {
    await page.goto(`${h.baseUrl}/dashboard`);
    const risk = page.getByTestId('removal-risk');
    await expect.poll(() => risk.textContent(), { timeout: 20_000 }).toContain('还差 12 分将被清退');
    expect(await risk.textContent()).toContain('严重违规已累计 36 分');
    expect(await risk.textContent()).toContain('已接近清退线');
    const ledger = page.getByTestId('penalty-ledger');
    expect(await ledger.textContent()).toContain('扣分台账');
    expect(await ledger.getByText('严重违规', { exact: true }).count()).toBe(3);
    expect(await ledger.getByText('描述不符：材质、成份等描述严重不符或导致无法正常使用').count()).toBe(6);
    expect(pageErrors).toEqual([]);
  });
});
