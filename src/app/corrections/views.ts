// How a correction is shown (issue 12): in the chat, in the relabel reply and in the shop's settings.
import type { CorrectionView } from '../../core/contract/corrections.js';
import type { intentCorrections } from '../../store/schema/index.js';

type CorrectionRow = typeof intentCorrections.$inferSelect;

export function correctionView(r: CorrectionRow, agentName?: string | null): CorrectionView {
  return {
    id: r.id,
    messageId: r.messageId,
    conversationId: r.conversationId,
    text: r.text,
    oldIntent: r.oldIntent,
    newIntent: r.newIntent,
    agentId: r.agentId,
    ...(agentName !== undefined ? { agentName } : {}),
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
    retrainedAt: r.retrainedAt?.toISOString() ?? null,
  };
}

