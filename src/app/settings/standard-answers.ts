// A shop's standard answers (C12): per intent (or `intent.situation`, as the bot's library names
// them) several wordings with the same meaning. A save writes every item and its audit row in one
// transaction: a failure part-way keeps nothing (issue 10).
import { eq } from 'drizzle-orm';
import { INTENT_IDS, INTENT_LABELS_ZH } from '../../core/intents.js';
import type { Database } from '../../store/open-database.js';
import { standardAnswers } from '../../store/schema/index.js';
import { appendAuditIn } from '../audit/audit-log.js';
import { assertShopAccess } from '../auth/access.js';
import type { Principal } from '../auth/auth.js';
import type { UseCaseDeps } from '../runtime/context.js';
import { loadShopContext } from '../shops/shop-context.js';
import { settingsAudit, shopEditor } from './access.js';
import { guardWrittenTexts, type TextFinding } from './text-guard.js';
import { standardAnswersInput, type StandardAnswersInput } from '../../core/contract/settings.js';

// The request schema is part of the API contract (core/contract), shared with the workbench.
export { standardAnswersInput, type StandardAnswersInput };

/** Keys of the bot's flow steps that are not buyer intents (welcome, verify, handover…). */
const head = (key: string) => key.split('.')[0] ?? '';

export interface StandardAnswerView {
  intent: string;
  variants: string[];
  updatedAt: Date;
}

/** The shop's answers in intent order (B2), flow steps after. */
export async function listStandardAnswers(database: Database, p: Principal, shopId: string): Promise<{ items: StandardAnswerView[] }> {
  assertShopAccess(p, shopId);
  const rows = await database.db
    .select({ intent: standardAnswers.intent, variants: standardAnswers.variants, updatedAt: standardAnswers.updatedAt })
    .from(standardAnswers)
    .where(eq(standardAnswers.shopId, shopId));
  const order = (k: string) => {
    const i = (INTENT_IDS as readonly string[]).indexOf(head(k));
    return i < 0 ? INTENT_IDS.length : i;
  };
  rows.sort((a, b) => order(a.intent) - order(b.intent) || a.intent.localeCompare(b.intent));
  return { items: rows };
}

/** An answer key as the agent reads it: 物流查询 or 库存·in. */
function keyLabel(key: string): string {
  const [intent, situation] = key.split('.');
  const zh = (INTENT_LABELS_ZH as Record<string, string>)[intent ?? ''] ?? intent ?? key;
  return situation ? `${zh}·${situation}` : zh;
}

/**
 * Creates or replaces the given answers (others stay); audited as settings.standard_answers.
 * Every wording passes the reply guard first (issue 11): a blocking finding refuses the whole save
 * (TEXT_BLOCKED, nothing written); warnings are saved and returned.
 */
export async function saveStandardAnswers(
  deps: UseCaseDeps,
  p: Principal,
  shopId: string,
  input: StandardAnswersInput,
): Promise<{ warnings: TextFinding[] }> {
  shopEditor(p, shopId);
  const { now } = deps;
  const shop = await loadShopContext(deps.database, shopId);
  const warnings = guardWrittenTexts(
    shop,
    input.items.flatMap((a) => a.variants.map((text, i) => ({ where: `标准话术「${keyLabel(a.intent)}」第 ${i + 1} 种说法`, text }))),
  );
  await deps.database.db.transaction(async (tx) => {
    for (const a of input.items) {
      await tx
        .insert(standardAnswers)
        .values({ shopId, intent: a.intent, variants: a.variants, updatedAt: now })
        .onConflictDoUpdate({ target: [standardAnswers.shopId, standardAnswers.intent], set: { variants: a.variants, updatedAt: now } });
    }
    await appendAuditIn(tx, settingsAudit(p, now, 'settings.standard_answers', { kind: 'shop', id: shopId }, { intents: input.items.map((a) => a.intent) }));
  });
  return { warnings };
}
