// Queue order on the client (C2), the same rule the server applies, so a filtered or live-patched
// list stays in the server's order.
import type { ConversationSummary } from './types.js';

function ms(iso: string | null | undefined): number {
  if (!iso) return Number.NaN;
  return Date.parse(iso);
}

/** Mirrors the server's C2 order: escalations (priority) lead, then buyers still waiting for a
 * first reply (oldest first message first), then other waiting buyers, then the rest. */
function rank(c: ConversationSummary): number {
  if (c.status === 'closed') return 3;
  const awaitingFirst = c.awaitingFirstResponse ?? (Boolean(c.waitingSince) && !c.firstResponseAt);
  if (awaitingFirst) return 0;
  return c.waitingSince ? 1 : 2;
}

export function compareQueue(a: ConversationSummary, b: ConversationSummary): number {
  const pa = a.priority ?? 0;
  const pb = b.priority ?? 0;
  if (pa !== pb) return pb - pa;
  const ra = rank(a);
  const rb = rank(b);
  if (ra !== rb) return ra - rb;
  if (ra === 0) return (a.firstBuyerMessageAt ?? a.waitingSince ?? '').localeCompare(b.firstBuyerMessageAt ?? b.waitingSince ?? '');
  if (ra === 1) return (ms(a.waitingSince) || 0) - (ms(b.waitingSince) || 0);
  return (ms(b.lastMessageAt) || 0) - (ms(a.lastMessageAt) || 0);
}

export function waitingSeconds(c: ConversationSummary, now: number): number | null {
  const since = ms(c.waitingSince);
  return Number.isFinite(since) ? Math.max(0, (now - since) / 1000) : null;
}

export function matchesFilter(c: ConversationSummary, q: string): boolean {
  if (!q) return true;
  const needle = q.trim().toLowerCase();
  return [c.buyer.nickname, c.buyer.platformAccount, c.shopName, c.lastText]
    .some((s) => typeof s === 'string' && s.toLowerCase().includes(needle));
}
