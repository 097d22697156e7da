// Queue order on the client (C2), the same rule the server applies, so live updates keep the
// list in order without a refetch: buyers still waiting for a first reply first, then the other
// waiting buyers by how long they have waited, then the rest by last activity.
import type { ConversationSummary } from './types.js';

function ms(iso: string | null | undefined): number {
  if (!iso) return Number.NaN;
  return Date.parse(iso);
}

function group(c: ConversationSummary): number {
  if (c.status === 'closed') return 3;
  if (c.waitingSince && !c.firstResponseAt) return 0;
  if (c.waitingSince) return 1;
  return 2;
}

export function compareQueue(a: ConversationSummary, b: ConversationSummary): number {
  const ga = group(a);
  const gb = group(b);
  if (ga !== gb) return ga - gb;
  if (ga <= 1) {
    const pa = a.priority ?? 0;
    const pb = b.priority ?? 0;
    if (pa !== pb) return pb - pa;
    return (ms(a.waitingSince) || 0) - (ms(b.waitingSince) || 0);
  }
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
