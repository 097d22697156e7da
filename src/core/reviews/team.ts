// Review outcomes per agent (T1 with R3, R4; issue 13): each review is laid at the door of the
// agent who served the buyer's conversation for that order — the latest conversation of the same
// shop and buyer opened before the order was paid (else before the review) that a person took
// over. A buyer the bot alone served counts under the bot; a buyer who never wrote counts under
// "no conversation". Per agent: DSR means, good/neutral/bad reviews, complaints about the service
// (a negative review whose cause is service), recoveries opened and resolved, and reviews the buyer
// revised after a recovery. Pure: the caller reads the rows in the user's shop scope.
import type { DsrDimension } from './reputation.js';

export const BOT_AGENT = 'bot';
export const NO_CONVERSATION = 'none';

export interface TeamReview {
  shopId: string;
  buyerId: string | null;
  at: Date;
  /** When the reviewed order was paid, if the review is linked to an order. */
  orderPaidAt: Date | null;
  rating: 'good' | 'neutral' | 'bad';
  sentiment: 'positive' | 'negative' | null;
  causes: readonly string[];
  dsr: Record<DsrDimension, number> | null;
  recoveryState: string | null;
}

export interface TeamConversation {
  shopId: string;
  buyerId: string;
  assigneeId: string | null;
  createdAt: Date;
}

export interface AgentReviewOutcome {
  agent: string;
  reviews: number;
  good: number;
  neutral: number;
  bad: number;
  serviceComplaints: number;
  recoveriesOpened: number;
  recoveriesResolved: number;
  revised: number;
  dsr: { description: number | null; service: number | null; logistics: number | null; count: number };
}

/** States a recovery has passed "resolved" in (R3): the buyer's problem was settled. */
const RESOLVED = new Set(['resolved', 'asked', 'revised', 'declined']);

/** Who served the buyer for this review's order: an agent id, BOT_AGENT or NO_CONVERSATION. */
export function servingAgent(review: TeamReview, conversationsOfBuyer: readonly TeamConversation[]): string {
  const before = (limit: Date): TeamConversation[] =>
    conversationsOfBuyer.filter((c) => c.shopId === review.shopId && c.createdAt.getTime() <= limit.getTime()).sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
  // The conversation before the order was paid is the one that sold it; else the latest before the review.
  const candidates = review.orderPaidAt ? before(review.orderPaidAt) : [];
  const pool = candidates.length ? candidates : before(review.at);
  if (pool.length === 0) return NO_CONVERSATION;
  return pool.find((c) => c.assigneeId)?.assigneeId ?? BOT_AGENT;
}

export function reviewOutcomesByAgent(reviews: readonly TeamReview[], conversations: readonly TeamConversation[]): AgentReviewOutcome[] {
  const byBuyer = new Map<string, TeamConversation[]>();
  for (const c of conversations) {
    const k = `${c.shopId}|${c.buyerId}`;
    const list = byBuyer.get(k);
    if (list) list.push(c);
    else byBuyer.set(k, [c]);
  }
  const acc = new Map<string, AgentReviewOutcome & { sums: Record<DsrDimension, number> }>();
  for (const r of reviews) {
    const agent = r.buyerId ? servingAgent(r, byBuyer.get(`${r.shopId}|${r.buyerId}`) ?? []) : NO_CONVERSATION;
    let a = acc.get(agent);
    if (!a) {
      a = {
        agent,
        reviews: 0,
        good: 0,
        neutral: 0,
        bad: 0,
        serviceComplaints: 0,
        recoveriesOpened: 0,
        recoveriesResolved: 0,
        revised: 0,
        dsr: { description: null, service: null, logistics: null, count: 0 },
        sums: { description: 0, service: 0, logistics: 0 },
      };
      acc.set(agent, a);
    }
    a.reviews++;
    a[r.rating]++;
    const negative = r.rating !== 'good' || r.sentiment === 'negative';
    if (negative && r.causes.includes('service')) a.serviceComplaints++;
    if (r.recoveryState) {
      a.recoveriesOpened++;
      if (RESOLVED.has(r.recoveryState)) a.recoveriesResolved++;
      if (r.recoveryState === 'revised') a.revised++;
    }
    if (r.dsr) {
      a.dsr.count++;
      a.sums.description += r.dsr.description;
      a.sums.service += r.dsr.service;
      a.sums.logistics += r.dsr.logistics;
    }
  }
  const mean = (sum: number, n: number): number | null => (n === 0 ? null : Math.round((sum / n) * 100) / 100);
  return [...acc.values()]
    .map(({ sums, ...a }) => ({
      ...a,
      dsr: { description: mean(sums.description, a.dsr.count), service: mean(sums.service, a.dsr.count), logistics: mean(sums.logistics, a.dsr.count), count: a.dsr.count },
    }))
    .sort((x, y) => y.bad + y.neutral - (x.bad + x.neutral) || y.reviews - x.reviews || x.agent.localeCompare(y.agent));
}
