// C2 queue order, the one rule the server sorts the inbox by and the workbench keeps a filtered or
// live-patched list in. Typed on the fields it reads, so the server's summary and the web's both fit.
import { TEST_CHANNEL } from './channels.js';

export { TEST_CHANNEL };

/** What the queue order reads of a conversation summary (times are ISO 8601 in UTC). */
export interface QueueEntry {
  /** Escalations raise it; absent counts as 0. */
  priority?: number;
  /** The buyer is still waiting for the first response of the conversation. */
  awaitingFirstResponse?: boolean;
  /** Since when the buyer has waited for an answer; null when nobody waits (a closed chat never waits). */
  waitingSince?: string | null;
  firstBuyerMessageAt?: string | null;
  lastMessageAt?: string | null;
  /** TEST_CHANNEL is a seller's own test chat from `dxe chat`: never ahead of a real buyer. */
  channel?: string;
}

const rank = (s: QueueEntry): number => (s.awaitingFirstResponse ? 0 : s.waitingSince ? 1 : 2);

/**
 * C2 queue order. Buyers still waiting for a first response come first (oldest first message
 * first: they are closest to the target), then other waiting buyers by how long they have
 * waited, then conversations nobody waits on, most recent first. Escalations (priority) lead.
 * A seller's terminal test chat comes after every buyer, whatever its priority; test chats among
 * themselves keep the same order.
 */
export function compareQueue(a: QueueEntry, b: QueueEntry): number {
  const ta = a.channel === TEST_CHANNEL ? 1 : 0;
  const tb = b.channel === TEST_CHANNEL ? 1 : 0;
  if (ta !== tb) return ta - tb;
  const pa = a.priority ?? 0;
  const pb = b.priority ?? 0;
  if (pa !== pb) return pb - pa;
  const ra = rank(a);
  const rb = rank(b);
  if (ra !== rb) return ra - rb;
  if (ra === 0) return (a.firstBuyerMessageAt ?? '').localeCompare(b.firstBuyerMessageAt ?? '');
  if (ra === 1) return (a.waitingSince ?? '').localeCompare(b.waitingSince ?? '');
  return (b.lastMessageAt ?? '').localeCompare(a.lastMessageAt ?? '');
}
