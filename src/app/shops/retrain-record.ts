// What a retrain of a shop's model changed (issue 12, learning from the agents): once a model
// trained with the shop's examples is serving, the corrections it took in are marked retrained and
// the shop's corrected messages are read by the previous model and by the new one — the share read
// as the agents labelled them, before and after, and the messages whose reading changed. Runs in
// the background after training (never on a buyer's message).
import { and, desc, eq, inArray, isNull, lte } from 'drizzle-orm';
import type { Nlu } from '../../core/nlu/index.js';
import type { Database } from '../../store/open-database.js';
import { intentCorrections, nluRetrains, type RetrainChange } from '../../store/schema/index.js';

/** How many of the shop's latest corrections are measured (classification is microseconds each). */
const MEASURED = 2000;
const CHANGES_KEPT = 50;

export interface RetrainMeasure {
  corrections: number;
  accuracyBefore: number | null;
  accuracyAfter: number | null;
  changes: RetrainChange[];
}

/** The previous and the new model on the corrected messages (pure but for its inputs). */
export function measureOnCorrections(
  rows: readonly { text: string; intent: string; oldIntent?: string | null }[],
  before: Pick<Nlu, 'classify'> | null,
  after: Pick<Nlu, 'classify'>,
): RetrainMeasure {
  if (rows.length === 0) return { corrections: 0, accuracyBefore: null, accuracyAfter: null, changes: [] };
  let okBefore = 0;
  let okAfter = 0;
  const changes: RetrainChange[] = [];
  for (const r of rows) {
    // Without the previous model in this process, the bot's reading when it answered stands in.
    const b = before ? before.classify(r.text).intent : (r.oldIntent ?? 'other');
    const a = after.classify(r.text).intent;
    if (b === r.intent) okBefore++;
    if (a === r.intent) okAfter++;
    if (a !== b && changes.length < CHANGES_KEPT) changes.push({ text: r.text, intent: r.intent, before: b, after: a });
  }
  return { corrections: rows.length, accuracyBefore: okBefore / rows.length, accuracyAfter: okAfter / rows.length, changes };
}

/**
 * After the shop's model trained on the examples read at `readAt` (ids `exampleIds`) started
 * serving: marks the corrections it includes and records the measure. Nothing is recorded when no
 * correction was newly included (another process already did, or the change was not a correction).
 */
export async function recordRetrain(
  database: Database,
  shopId: string,
  readAt: Date,
  exampleIds: readonly string[],
  before: Pick<Nlu, 'classify'> | null,
  after: Pick<Nlu, 'classify'>,
): Promise<void> {
  if (exampleIds.length === 0) return;
  const { db } = database;
  const at = new Date();
  const included = await db
    .update(intentCorrections)
    .set({ retrainedAt: at })
    .where(
      and(
        eq(intentCorrections.shopId, shopId),
        isNull(intentCorrections.retrainedAt),
        lte(intentCorrections.updatedAt, readAt),
        inArray(intentCorrections.exampleId, [...exampleIds]),
      ),
    )
    .returning({ id: intentCorrections.id });
  if (included.length === 0) return;
  const rows = await db
    .select({ text: intentCorrections.text, intent: intentCorrections.newIntent, oldIntent: intentCorrections.oldIntent })
    .from(intentCorrections)
    .where(eq(intentCorrections.shopId, shopId))
    .orderBy(desc(intentCorrections.updatedAt))
    .limit(MEASURED);
  const m = measureOnCorrections(rows, before, after);
  await db.insert(nluRetrains).values({
    shopId,
    at,
    examples: exampleIds.length,
    corrections: m.corrections,
    newlyIncluded: included.length,
    accuracyBefore: m.accuracyBefore,
    accuracyAfter: m.accuracyAfter,
    changes: m.changes,
  });
}
