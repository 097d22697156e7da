// A buyer message arrives (docs/architecture.md, "How a buyer message flows"): receive (stored at
// once, idempotently) → understand → answer → deliver, as steps whose progress is stored on the
// message. A redelivered message gets its earlier result, or — when the process that received it
// died or failed before answering — is resumed here, exactly once (issue 9, bug 4).
import { DxeError } from '../../core/errors.js';
import type { MessageRow } from '../conversations/views.js';
import { loadShopContext } from '../shops/shop-context.js';
import { claimExpired, earlierResult, isFinished, waitUntilFinished } from './inbound-store.js';
import { runPipeline } from './pipeline.js';
import { loadPipelineInput, receive } from './receive.js';
import type { InboundDeps, InboundMessage, InboundResult } from './types.js';

export type { InboundDeps, InboundMessage, InboundResult } from './types.js';

export async function handleInboundMessage(deps: InboundDeps, input: InboundMessage): Promise<InboundResult> {
  const text = input.text.trim();
  if (!text) throw new DxeError('VALIDATION_FAILED', '消息内容不能为空');
  const shop = await loadShopContext(deps.database, input.shopId); // NOT_FOUND for an unknown shop
  const received = await receive(deps, { ...input, text }, shop);
  const earlier = (m: MessageRow) => earlierResult(deps.database, m);
  if (received.kind === 'new') return runPipeline(deps, shop, received, { duplicate: false, lockKey: received.lockKey }, earlier);
  return redelivered(deps, received.message);
}

/** Resumes a message this process now holds (after a redelivery or from the background sweep). */
export async function resumeMessage(deps: InboundDeps, message: MessageRow): Promise<InboundResult> {
  const earlier = (m: MessageRow) => earlierResult(deps.database, m);
  const shop = await loadShopContext(deps.database, message.shopId);
  const input = await deps.database.db.transaction((tx) => loadPipelineInput(tx, message, shop));
  if (!input) return earlier(message);
  return runPipeline(deps, shop, input, { duplicate: true }, earlier);
}

async function redelivered(deps: InboundDeps, message: MessageRow): Promise<InboundResult> {
  if (isFinished(message)) return earlierResult(deps.database, message);
  const claimed = await claimExpired(deps.database, message.id, deps.now);
  if (claimed) return resumeMessage(deps, claimed);
  // Another request or process is answering it right now: give it a moment.
  const after = await waitUntilFinished(deps.database, message.id);
  return earlierResult(deps.database, after ?? message);
}
