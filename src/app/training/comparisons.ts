// T4: competitor comparison tables (seed 000: 把自己的产品和竞品放一起做一个优劣势对比表分析，然后制作
// 标准话术). A supervisor or admin enters the shop's item against a competitor's, attribute by
// attribute; saving writes the item's standard answer (`product_info.vs_…`, every comparison of the
// item in one answer, two wordings) after the reply guard has read it, in one transaction with the
// audit row. The bot says it when a buyer compares while looking at the item (core/bot
// handlers-presales), agents find it among the shop's standard answers, and the product quiz and
// monthly exam ask about it.
import { and, asc, eq } from 'drizzle-orm';
import { comparisonAnswerKey } from '../../core/bot/handlers-presales.js';
import { DxeError } from '../../core/errors.js';
import { comparisonAnswer } from '../../core/training/product-quiz.js';
import type { Database, Tx } from '../../store/open-database.js';
import { competitorComparisons, items, standardAnswers } from '../../store/schema/index.js';
import { appendAuditIn } from '../audit/audit-log.js';
import type { Principal } from '../auth/auth.js';
import type { UseCaseDeps } from '../runtime/context.js';
import { settingsAudit, shopEditor } from '../settings/access.js';
import { guardWrittenTexts, type TextFinding } from '../settings/text-guard.js';
import { invalidateShopContext, loadShopContext } from '../shops/shop-context.js';

export interface ComparisonRowInput {
  attribute: string;
  ours: string;
  theirs: string;
}

export interface ComparisonView {
  id: string;
  itemId: string;
  itemTitle: string;
  competitor: string;
  rows: ComparisonRowInput[];
  answerKey: string;
  /** The item's standard answer as saved (every comparison of the item). */
  answer: string[];
  updatedAt: string;
}

export interface ComparisonsView {
  items: { id: string; title: string }[];
  comparisons: ComparisonView[];
}

type Reader = Database['db'] | Tx;

async function readComparisons(db: Reader, shopId: string): Promise<ComparisonsView> {
  const rows = await db
    .select({ c: competitorComparisons, title: items.title })
    .from(competitorComparisons)
    .innerJoin(items, eq(items.id, competitorComparisons.itemId))
    .where(eq(competitorComparisons.shopId, shopId))
    .orderBy(asc(items.title), asc(competitorComparisons.competitor));
  const answers = new Map((await db.select().from(standardAnswers).where(eq(standardAnswers.shopId, shopId))).map((a) => [a.intent, a.variants]));
  const itemRows = await db.select({ id: items.id, title: items.title }).from(items).where(and(eq(items.shopId, shopId), eq(items.listed, true))).orderBy(asc(items.title));
  return {
    items: itemRows,
    comparisons: rows.map(({ c, title }) => ({
      id: c.id, itemId: c.itemId, itemTitle: title, competitor: c.competitor, rows: c.rows, answerKey: c.answerKey,
      answer: answers.get(c.answerKey) ?? [], updatedAt: c.updatedAt.toISOString(),
    })),
  };
}

/** Everyone who may see the shop reads its comparisons (agents learn them). */
export async function listComparisons(database: Database, p: Principal, shopId: string): Promise<ComparisonsView> {
  if (!p.shopIds.includes(shopId)) throw new DxeError('NOT_FOUND', '找不到该店铺');
  return readComparisons(database.db, shopId);
}

/** The item's answer rewritten from all its comparisons; removed when none is left. */
async function writeItemAnswer(tx: Tx, shopId: string, itemId: string, itemTitle: string, now: Date): Promise<string[]> {
  const key = comparisonAnswerKey(itemId);
  const tables = await tx
    .select({ competitor: competitorComparisons.competitor, rows: competitorComparisons.rows })
    .from(competitorComparisons)
    .where(and(eq(competitorComparisons.shopId, shopId), eq(competitorComparisons.itemId, itemId)))
    .orderBy(asc(competitorComparisons.competitor));
  const variants = comparisonAnswer(itemTitle, tables);
  if (variants.length === 0) {
    await tx.delete(standardAnswers).where(and(eq(standardAnswers.shopId, shopId), eq(standardAnswers.intent, key)));
    return [];
  }
  await tx
    .insert(standardAnswers)
    .values({ shopId, intent: key, variants, updatedAt: now })
    .onConflictDoUpdate({ target: [standardAnswers.shopId, standardAnswers.intent], set: { variants, updatedAt: now } });
  return variants;
}

/**
 * Creates or replaces the table of (item, competitor). The written answer passes the reply guard
 * first: a blocking finding refuses the save (TEXT_BLOCKED, nothing written); warnings are returned.
 */
export async function saveComparison(
  deps: UseCaseDeps,
  p: Principal,
  shopId: string,
  input: { itemId: string; competitor: string; rows: ComparisonRowInput[] },
): Promise<ComparisonsView & { warnings: TextFinding[] }> {
  shopEditor(p, shopId);
  const competitor = input.competitor.trim();
  const rows = input.rows.map((r) => ({ attribute: r.attribute.trim(), ours: r.ours.trim(), theirs: r.theirs.trim() })).filter((r) => r.attribute && r.ours);
  if (!competitor) throw new DxeError('VALIDATION_FAILED', '请填写竞品名称');
  if (rows.length === 0) throw new DxeError('VALIDATION_FAILED', '至少填写一行对比（属性和我们的参数）');
  const [item] = await deps.database.db.select().from(items).where(and(eq(items.id, input.itemId), eq(items.shopId, shopId)));
  if (!item) throw new DxeError('NOT_FOUND', '找不到该商品');
  const shop = await loadShopContext(deps.database, shopId, deps.now.getTime());
  // The answer the bot will send, guarded where it is written (issue 11).
  const others = await deps.database.db
    .select({ competitor: competitorComparisons.competitor, rows: competitorComparisons.rows })
    .from(competitorComparisons)
    .where(and(eq(competitorComparisons.shopId, shopId), eq(competitorComparisons.itemId, item.id)));
  const preview = comparisonAnswer(item.title, [...others.filter((o) => o.competitor !== competitor), { competitor, rows }]);
  const warnings = guardWrittenTexts(shop, preview.map((text, i) => ({ where: `竞品对比「${item.title} vs ${competitor}」第 ${i + 1} 种说法`, text })));
  const key = comparisonAnswerKey(item.id);
  const view = await deps.database.db.transaction(async (tx) => {
    await tx
      .insert(competitorComparisons)
      .values({ shopId, itemId: item.id, competitor, rows, answerKey: key, updatedBy: p.agentId ?? null, updatedAt: deps.now })
      .onConflictDoUpdate({
        target: [competitorComparisons.shopId, competitorComparisons.itemId, competitorComparisons.competitor],
        set: { rows, answerKey: key, updatedBy: p.agentId ?? null, updatedAt: deps.now },
      });
    await writeItemAnswer(tx, shopId, item.id, item.title, deps.now);
    await appendAuditIn(tx, settingsAudit(p, deps.now, 'settings.comparison', { kind: 'shop', id: shopId }, { itemId: item.id, competitor, answerKey: key, rows: rows.length }));
    return readComparisons(tx, shopId);
  });
  invalidateShopContext(deps.database, shopId);
  return { ...view, warnings };
}

export async function deleteComparison(deps: UseCaseDeps, p: Principal, shopId: string, id: string): Promise<ComparisonsView> {
  shopEditor(p, shopId);
  const view = await deps.database.db.transaction(async (tx) => {
    const [row] = await tx
      .select({ c: competitorComparisons, title: items.title })
      .from(competitorComparisons)
      .innerJoin(items, eq(items.id, competitorComparisons.itemId))
      .where(and(eq(competitorComparisons.id, id), eq(competitorComparisons.shopId, shopId)));
    if (!row) throw new DxeError('NOT_FOUND', '找不到该对比表');
    await tx.delete(competitorComparisons).where(eq(competitorComparisons.id, id));
    await writeItemAnswer(tx, shopId, row.c.itemId, row.title, deps.now);
    await appendAuditIn(tx, settingsAudit(p, deps.now, 'settings.comparison_deleted', { kind: 'shop', id: shopId }, { itemId: row.c.itemId, competitor: row.c.competitor }));
    return readComparisons(tx, shopId);
  });
  invalidateShopContext(deps.database, shopId);
  return view;
}
