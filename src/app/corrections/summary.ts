// A shop's corrections for its settings screen (issue 12): how many wait for the next retrain,
// when the model last retrained with corrections and what that changed (the share of corrected
// messages read as the agents labelled them, by the previous model and by the new one), and the
// latest corrections with who made them. Only for shops the caller may see.
import { and, count, desc, eq, inArray, isNotNull, isNull } from 'drizzle-orm';
import type { CorrectionsSummaryView } from '../../core/contract/corrections.js';
import type { Database } from '../../store/open-database.js';
import { agents, intentCorrections, nluRetrains } from '../../store/schema/index.js';
import { assertShopAccess } from '../auth/access.js';
import type { Principal } from '../auth/auth.js';
import { correctionView } from './views.js';

const RECENT = 30;

export async function correctionsSummary(database: Database, p: Principal, shopId: string): Promise<CorrectionsSummaryView> {
  assertShopAccess(p, shopId);
  const { db } = database;
  const [waiting] = await db
    .select({ n: count() })
    .from(intentCorrections)
    .where(and(eq(intentCorrections.shopId, shopId), isNull(intentCorrections.retrainedAt), isNotNull(intentCorrections.exampleId)));
  const [total] = await db.select({ n: count() }).from(intentCorrections).where(eq(intentCorrections.shopId, shopId));
  const [last] = await db.select().from(nluRetrains).where(eq(nluRetrains.shopId, shopId)).orderBy(desc(nluRetrains.at)).limit(1);
  const rows = await db
    .select()
    .from(intentCorrections)
    .where(eq(intentCorrections.shopId, shopId))
    .orderBy(desc(intentCorrections.updatedAt))
    .limit(RECENT);
  const agentIds = [...new Set(rows.flatMap((r) => (r.agentId ? [r.agentId] : [])))];
  const names = agentIds.length
    ? new Map(
        (await db.select({ id: agents.id, name: agents.displayName }).from(agents).where(and(inArray(agents.id, agentIds), eq(agents.orgId, p.orgId)))).map(
          (a) => [a.id, a.name],
        ),
      )
    : new Map<string, string>();
  return {
    waiting: waiting?.n ?? 0,
    total: total?.n ?? 0,
    lastRetrain: last
      ? {
          at: last.at.toISOString(),
          examples: last.examples,
          corrections: last.corrections,
          newlyIncluded: last.newlyIncluded,
          accuracyBefore: last.accuracyBefore,
          accuracyAfter: last.accuracyAfter,
          changes: last.changes,
        }
      : null,
    recent: rows.map((r) => correctionView(r, r.agentId ? (names.get(r.agentId) ?? null) : null)),
  };
}

/** The corrections of one conversation's messages (the chat marks relabelled messages). */
export async function conversationCorrections(database: Database, conversationId: string) {
  const rows = await database.db.select().from(intentCorrections).where(eq(intentCorrections.conversationId, conversationId));
  return rows.map((r) => correctionView(r));
}
