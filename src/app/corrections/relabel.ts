// Learning from the agents (issue 12): an agent relabels the intent the bot read in a buyer
// message with one click in the chat. The relabel is stored (who, when, the bot's intent → the
// agent's, message, shop) with an audit row, becomes one of the shop's intent examples, and the
// shop's model retrains in the background (app/shops/shop-nlu: a worker thread; at most
// RETRAIN_PER_MINUTE started per shop, later ones wait for one deferred retrain). Relabelling a
// message again with the same intent changes nothing; with another intent it updates the same
// correction and example. Only messages of conversations in the caller's shops.
import { and, eq } from 'drizzle-orm';
import { DxeError } from '../../core/errors.js';
import { relabelBody, type RelabelReply } from '../../core/contract/corrections.js';
import { correctionView } from './views.js';
import { conversations, intentCorrections, messages, trainingExamples } from '../../store/schema/index.js';
import { isUniqueViolation } from '../../store/unique-violation.js';
import { appendAuditIn } from '../audit/audit-log.js';
import { conversationSummary } from '../conversations/views.js';
import { transact } from '../events/outbox.js';
import { requireRoleOf } from '../auth/access.js';
import type { Principal } from '../auth/auth.js';
import type { UseCaseDeps } from '../runtime/context.js';
import { requestRetrain } from '../shops/retrain-rate.js';
import { retrainShopNlu } from '../shops/shop-nlu.js';

/** An example's text is at most this long (as in the settings screen). */
const EXAMPLE_MAX = 200;

type CorrectionRow = typeof intentCorrections.$inferSelect;

/** People of the shop relabel (agents, supervisors, admins); API tokens do not. */
export function relabeller(p: Principal): Principal {
  return requireRoleOf(p, 'admin', 'supervisor', 'agent');
}

export async function relabelMessage(
  deps: UseCaseDeps & { retrainPerMinute: number },
  p: Principal,
  conversationId: string,
  input: unknown,
): Promise<RelabelReply> {
  relabeller(p);
  const { db } = deps.database;
  const [c] = await db.select({ id: conversations.id, shopId: conversations.shopId }).from(conversations).where(eq(conversations.id, conversationId));
  // Outside the caller's shops the conversation does not exist for them (ids do not leak).
  if (!c || !p.shopIds.includes(c.shopId)) throw new DxeError('NOT_FOUND', '找不到该会话');
  const body = relabelBody.parse(input);
  const attempt = () => transact(deps, async (tx, emit) => {
    const [m] = await tx
      .select({ id: messages.id, text: messages.text, intent: messages.intent, authorKind: messages.authorKind })
      .from(messages)
      .where(and(eq(messages.id, body.messageId), eq(messages.conversationId, c.id)));
    if (!m) throw new DxeError('NOT_FOUND', '找不到该消息', { en: 'No such message in this conversation' });
    if (m.authorKind !== 'buyer') {
      throw new DxeError('VALIDATION_FAILED', '只能纠正买家消息的意图', { en: 'Only buyer messages carry an intent to relabel' });
    }
    const [existing] = await tx.select().from(intentCorrections).where(eq(intentCorrections.messageId, m.id)).for('update');
    if (existing && existing.newIntent === body.intent) return { row: existing, changed: false };
    if (!existing && m.intent === body.intent) {
      throw new DxeError('CONFLICT', '所选意图与机器人识别的相同，无需纠正', { en: 'The bot already read this intent' });
    }
    const text = m.text.trim().slice(0, EXAMPLE_MAX) || m.text.slice(0, EXAMPLE_MAX);
    let row: CorrectionRow;
    if (existing) {
      // The example keeps its row; its time moves so the shop's training version changes.
      let exampleId = existing.exampleId;
      if (exampleId) {
        const updated = await tx.update(trainingExamples).set({ intent: body.intent, createdAt: deps.now })
          .where(eq(trainingExamples.id, exampleId)).returning({ id: trainingExamples.id });
        if (updated.length === 0) exampleId = null;
      }
      if (!exampleId) {
        const [ex] = await tx.insert(trainingExamples).values({ shopId: c.shopId, text, intent: body.intent, createdAt: deps.now }).returning();
        exampleId = ex!.id;
      }
      [row] = (await tx
        .update(intentCorrections)
        .set({ newIntent: body.intent, agentId: p.agentId ?? null, updatedAt: deps.now, retrainedAt: null, exampleId })
        .where(eq(intentCorrections.id, existing.id))
        .returning()) as [CorrectionRow];
    } else {
      const [ex] = await tx.insert(trainingExamples).values({ shopId: c.shopId, text, intent: body.intent, createdAt: deps.now }).returning();
      [row] = (await tx
        .insert(intentCorrections)
        .values({
          shopId: c.shopId, conversationId: c.id, messageId: m.id, text, oldIntent: m.intent, newIntent: body.intent,
          agentId: p.agentId ?? null, exampleId: ex!.id, createdAt: deps.now, updatedAt: deps.now,
        })
        .returning()) as [CorrectionRow];
    }
    await appendAuditIn(tx, {
      orgId: p.orgId, at: deps.now, actorKind: p.kind, actorId: p.agentId ?? null, action: 'nlu.intent.relabel',
      subjectKind: 'message', subjectId: String(m.id),
      data: { shopId: c.shopId, conversationId: c.id, from: existing?.newIntent ?? m.intent, to: body.intent, botIntent: m.intent, correctionId: row.id },
    });
    // Other screens on this chat reload it and show the correction.
    emit({ type: 'conversation.updated', shopId: c.shopId, data: { conversationId: c.id, conversation: await conversationSummary(tx, c.id, deps.now) } });
    return { row, changed: true };
  });
  // Two agents relabelling the same message at once: the loser of the unique index finds the
  // winner's correction on its second attempt (and updates it or changes nothing).
  const result = await attempt().catch((err: unknown) => {
    if (isUniqueViolation(err)) return attempt();
    throw err;
  });
  const retrain = result.changed
    ? requestRetrain(deps.database, c.shopId, deps.retrainPerMinute, deps.now.getTime(), () => retrainShopNlu(deps.database, c.shopId))
    : 'none';
  return { correction: correctionView(result.row), changed: result.changed, retrain };
}
