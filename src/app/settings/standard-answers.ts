// A shop's standard answers (C12): per intent (or `intent.situation`, as the bot's library names
// them) several wordings with the same meaning. A save writes every item and its audit row in one
// transaction: a failure part-way keeps nothing (issue 10).
import { eq } from 'drizzle-orm';
import { INTENT_IDS } from '../../core/intents.js';
import type { Database } from '../../store/open-database.js';
import { standardAnswers } from '../../store/schema/index.js';
import { appendAuditIn } from '../audit/audit-log.js';
import { assertShopAccess } from '../auth/access.js';
import type { Principal } from '../auth/auth.js';
import type { UseCaseDeps } from '../runtime/context.js';
import { settingsAudit, shopEditor } from './access.js';
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

/** Creates or replaces the given answers (others stay); audited as settings.standard_answers. */
export async function saveStandardAnswers(deps: UseCaseDeps, p: Principal, shopId: string, input: StandardAnswersInput): Promise<void> {
  shopEditor(p, shopId);
  const { now } = deps;
  await deps.database.db.transaction(async (tx) => {
    for (const a of input.items) {
      await tx
        .insert(standardAnswers)
        .values({ shopId, intent: a.intent, variants: a.variants, updatedAt: now })
        .onConflictDoUpdate({ target: [standardAnswers.shopId, standardAnswers.intent], set: { variants: a.variants, updatedAt: now } });
    }
    await appendAuditIn(tx, settingsAudit(p, now, 'settings.standard_answers', { kind: 'shop', id: shopId }, { intents: input.items.map((a) => a.intent) }));
  });
}
