// Offers the bot may make instead of a price cut (C7). A save replaces the shop's whole list,
// together with its audit row, in one transaction.
import { eq } from 'drizzle-orm';
import type { Database } from '../../store/open-database.js';
import { promotions } from '../../store/schema/index.js';
import { appendAuditIn } from '../audit/audit-log.js';
import { assertShopAccess } from '../auth/access.js';
import type { Principal } from '../auth/auth.js';
import type { UseCaseDeps } from '../runtime/context.js';
import { loadShopContext } from '../shops/shop-context.js';
import { settingsAudit, shopEditor } from './access.js';
import { guardWrittenTexts, type TextFinding } from './text-guard.js';
import { promotionsInput, type PromotionsInput } from '../../core/contract/settings.js';

// The request schema is part of the API contract (core/contract), shared with the workbench.
export { promotionsInput, type PromotionsInput };

export async function listPromotions(database: Database, p: Principal, shopId: string) {
  assertShopAccess(p, shopId);
  return { items: await database.db.select().from(promotions).where(eq(promotions.shopId, shopId)) };
}

const KIND_ZH = { coupon: '优惠券', gift: '赠品', freight: '运费', discount: '折扣' } as const;

/** Offer texts are sent by the bot (C7), so they pass the reply guard on save like standard answers (issue 11). */
export async function replacePromotions(
  deps: UseCaseDeps,
  p: Principal,
  shopId: string,
  input: PromotionsInput,
): Promise<{ warnings: TextFinding[] }> {
  shopEditor(p, shopId);
  const warnings = guardWrittenTexts(
    await loadShopContext(deps.database, shopId),
    input.items.map((x, i) => ({ where: `第 ${i + 1} 条优惠（${KIND_ZH[x.kind]}）`, text: x.text })),
  );
  await deps.database.db.transaction(async (tx) => {
    await tx.delete(promotions).where(eq(promotions.shopId, shopId));
    if (input.items.length) {
      await tx.insert(promotions).values(
        input.items.map((x) => ({
          shopId,
          kind: x.kind,
          text: x.text,
          value: x.value,
          active: x.active,
          startsAt: x.startsAt ? new Date(x.startsAt) : null,
          endsAt: x.endsAt ? new Date(x.endsAt) : null,
        })),
      );
    }
    await appendAuditIn(tx, settingsAudit(p, deps.now, 'settings.promotions', { kind: 'shop', id: shopId }, { count: input.items.length }));
  });
  return { warnings };
}
