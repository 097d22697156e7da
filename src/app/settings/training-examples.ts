// A shop's own intent examples (issue 3, B1): agents add the buyer wording the bot misread, so the
// shop's model learns it; supervisors and admins may delete. Each change commits with its audit
// row, then the shop's model retrains in the background (app/shops/shop-nlu: a failed training is
// logged and the previous model keeps serving).
import { and, asc, count, eq } from 'drizzle-orm';
import { DxeError } from '../../core/errors.js';
import type { Database } from '../../store/open-database.js';
import { shops, trainingExamples } from '../../store/schema/index.js';
import { appendAuditIn } from '../audit/audit-log.js';
import { assertShopAccess, requireRoleOf } from '../auth/access.js';
import type { Principal } from '../auth/auth.js';
import type { UseCaseDeps } from '../runtime/context.js';
import { retrainShopNlu } from '../shops/shop-nlu.js';
import { settingsAudit } from './access.js';
import { trainingExamplesInput, type TrainingExamplesInput } from '../../core/contract/settings.js';

// The request schema is part of the API contract (core/contract), shared with the workbench.
export { trainingExamplesInput, type TrainingExamplesInput };

/** Agents of the shop add examples; supervisors and admins also delete them. */
export function exampleAdder(p: Principal, shopId: string): Principal {
  assertShopAccess(p, shopId);
  return requireRoleOf(p, 'admin', 'supervisor', 'agent');
}
export function exampleRemover(p: Principal, shopId: string): Principal {
  assertShopAccess(p, shopId);
  return requireRoleOf(p, 'admin', 'supervisor');
}

export async function listTrainingExamples(database: Database, p: Principal, shopId: string) {
  assertShopAccess(p, shopId);
  const rows = await database.db
    .select({ id: trainingExamples.id, text: trainingExamples.text, intent: trainingExamples.intent, createdAt: trainingExamples.createdAt })
    .from(trainingExamples)
    .where(eq(trainingExamples.shopId, shopId))
    .orderBy(asc(trainingExamples.createdAt));
  return { items: rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() })) };
}

export interface AddedExamples {
  added: number;
  /** The shop's examples after this addition. */
  total: number;
  /** The shop's model is retraining in the background. */
  retraining: true;
}

export async function addTrainingExamples(deps: UseCaseDeps, p: Principal, shopId: string, input: TrainingExamplesInput): Promise<AddedExamples> {
  exampleAdder(p, shopId);
  const { db } = deps.database;
  const total = await db.transaction(async (tx) => {
    const [shop] = await tx.select({ orgId: shops.orgId }).from(shops).where(eq(shops.id, shopId));
    if (!shop) throw new DxeError('NOT_FOUND');
    await tx.insert(trainingExamples).values(input.items.map((i) => ({ shopId, text: i.text, intent: i.intent, createdAt: deps.now })));
    await appendAuditIn(tx, settingsAudit(p, deps.now, 'settings.training_examples.add', { kind: 'shop', id: shopId }, { count: input.items.length }));
    const [row] = await tx.select({ n: count() }).from(trainingExamples).where(eq(trainingExamples.shopId, shopId));
    return row?.n ?? 0;
  });
  retrainShopNlu(deps.database, shopId);
  return { added: input.items.length, total, retraining: true };
}

export async function deleteTrainingExample(deps: UseCaseDeps, p: Principal, shopId: string, id: string): Promise<void> {
  exampleRemover(p, shopId);
  await deps.database.db.transaction(async (tx) => {
    const gone = await tx
      .delete(trainingExamples)
      .where(and(eq(trainingExamples.shopId, shopId), eq(trainingExamples.id, id)))
      .returning({ id: trainingExamples.id });
    if (gone.length === 0) throw new DxeError('NOT_FOUND', '找不到该例句');
    await appendAuditIn(tx, settingsAudit(p, deps.now, 'settings.training_examples.delete', { kind: 'shop', id: shopId }, { id }));
  });
  retrainShopNlu(deps.database, shopId);
}
