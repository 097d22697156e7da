// Queue helpers on the client: waiting time and the search filter. The queue order itself (C2) is
// the server's, shared from src/core/contract/queue-order.ts.
import type { ConversationSummary } from './types.js';

function ms(iso: string | null | undefined): number {
  if (!iso) return Number.NaN;
  return Date.parse(iso);
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
