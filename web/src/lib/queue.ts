// Queue helpers on the client: waiting time and the search filter. The queue order itself (C2) is
// the server's, shared from src/core/contract/queue-order.ts.
import { compareQueue, TEST_CHANNEL } from '../../../src/core/contract/queue-order.js';
import type { ConversationSummary } from './types.js';

function ms(iso: string | null | undefined): number {
  if (!iso) return Number.NaN;
  return Date.parse(iso);
}

/**
 * Issue 15: a buyer handed to a person and not yet taken (status queued) waits for a human even
 * when the bot's hand-over message answered their last line; their wait counts from that message.
 */
export function waitsForHuman(c: Pick<ConversationSummary, 'status'>): boolean {
  return c.status === 'queued';
}

function waitStart(c: ConversationSummary): number {
  const since = ms(c.waitingSince);
  if (Number.isFinite(since)) return since;
  return waitsForHuman(c) ? ms(c.lastMessageAt) : Number.NaN;
}

export function waitingSeconds(c: ConversationSummary, now: number): number | null {
  const since = waitStart(c);
  return Number.isFinite(since) ? Math.max(0, (now - since) / 1000) : null;
}

/**
 * The inbox order: escalations, then buyers waiting for a person (longest first), then C2's order.
 * A seller's own `dxe chat` test comes after every buyer, as on the server.
 */
export function compareInbox(a: ConversationSummary, b: ConversationSummary): number {
  const ta = a.channel === TEST_CHANNEL ? 1 : 0;
  const tb = b.channel === TEST_CHANNEL ? 1 : 0;
  if (ta !== tb) return ta - tb;
  const pa = a.priority ?? 0;
  const pb = b.priority ?? 0;
  if (pa !== pb) return pb - pa;
  const ha = waitsForHuman(a);
  const hb = waitsForHuman(b);
  if (ha !== hb) return ha ? -1 : 1;
  if (ha && hb) return waitStart(a) - waitStart(b);
  return compareQueue(a, b);
}

/** A readable name for the buyer: web-chat visitors (account `web:<id>`) get 网页访客 + a short code. */
export function buyerName(buyer: { nickname: string | null; platformAccount: string; id?: string }, visitorLabel: (code: string) => string): string {
  if (buyer.nickname) return buyer.nickname;
  const acc = buyer.platformAccount ?? '';
  if (acc.startsWith('web:')) {
    const code = acc.slice(4).replace(/[^a-zA-Z0-9]/g, '').slice(-4).toUpperCase();
    return visitorLabel(code || '—');
  }
  return acc || buyer.id || '—';
}

/** The account line of the side panel: a web visitor's internal web:… id reads as its visitor name. */
export function accountLabel(account: string | null | undefined, visitorLabel: (code: string) => string): string | null {
  if (!account) return null;
  return account.startsWith('web:') ? buyerName({ nickname: null, platformAccount: account }, visitorLabel) : account;
}

export function matchesFilter(c: ConversationSummary, q: string): boolean {
  if (!q) return true;
  const needle = q.trim().toLowerCase();
  return [c.buyer.nickname, c.buyer.platformAccount, c.shopName, c.lastText]
    .some((s) => typeof s === 'string' && s.toLowerCase().includes(needle));
}

/** The stage and intent pills of a queue row; one pill when both read the same (议价 议价). */
export function stageIntentPills(stage: string, intent: string): { stage: string; intent: string | null } {
  return { stage, intent: intent.trim() === stage.trim() ? null : intent };
}
