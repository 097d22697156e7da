// Review outcomes per agent (T1 with R3, R4; issue 13): the reviews of one shop over the last
// months, each laid at the door of the agent who served the buyer's conversation for its order
// (core/reviews/team.ts), with the agents' names. For supervisors and admins; the shop must be
// in the caller's scope.
import { DxeError } from '../../core/errors.js';
import type { ReviewTeamView } from '../../core/contract/reviews.js';
import type { DsrDimension } from '../../core/reviews/reputation.js';
import { BOT_AGENT, NO_CONVERSATION, reviewOutcomesByAgent, type TeamConversation, type TeamReview } from '../../core/reviews/team.js';
import { addCalendarMonths } from '../../core/rules/instant.js';
import { BEIJING_OFFSET_MIN } from '../../core/time/beijing-time.js';
import type { Database } from '../../store/open-database.js';
import type { Principal } from '../auth/auth.js';
import { requireRoleOf } from '../auth/access.js';

export async function reviewTeam(database: Database, p: Principal, shopId: string, q: { months: number }, now: Date): Promise<ReviewTeamView> {
  if (p.kind !== 'agent') throw new DxeError('FORBIDDEN');
  requireRoleOf(p, 'admin', 'supervisor');
  if (!p.shopIds.includes(shopId)) throw new DxeError('NOT_FOUND');
  const from = new Date(addCalendarMonths(now.getTime(), -q.months, BEIJING_OFFSET_MIN));
  const rows = await database.query<{
    buyer_id: string | null;
    at: Date;
    paid_at: Date | null;
    rating: 'good' | 'neutral' | 'bad';
    sentiment: 'positive' | 'negative' | null;
    causes: string[] | null;
    dsr: Record<DsrDimension, number> | null;
    recovery_state: string | null;
  }>(
    `SELECT coalesce(r.buyer_id, o.buyer_id) AS buyer_id, r.at, o.paid_at, r.rating, r.sentiment, r.causes, r.dsr, r.recovery->>'state' AS recovery_state
       FROM reviews r
       LEFT JOIN orders o ON o.id = r.order_id
      WHERE r.shop_id = $1 AND r.at >= $2 AND r.at <= $3`,
    [shopId, from, now],
  );
  const reviews: TeamReview[] = rows.map((r) => ({
    shopId,
    buyerId: r.buyer_id,
    at: new Date(r.at),
    orderPaidAt: r.paid_at ? new Date(r.paid_at) : null,
    rating: r.rating,
    sentiment: r.sentiment,
    causes: r.causes ?? [],
    dsr: r.dsr,
    recoveryState: r.recovery_state,
  }));
  // The conversations of the reviewing buyers only, in one read.
  const buyers = [...new Set(reviews.map((r) => r.buyerId).filter((b): b is string => b !== null))];
  const convs = buyers.length
    ? await database.query<{ buyer_id: string; assignee_id: string | null; created_at: Date }>(
        'SELECT buyer_id, assignee_id, created_at FROM conversations WHERE shop_id = $1 AND buyer_id = ANY($2::text[]) AND created_at <= $3',
        [shopId, buyers, now],
      )
    : [];
  const conversations: TeamConversation[] = convs.map((c) => ({ shopId, buyerId: c.buyer_id, assigneeId: c.assignee_id, createdAt: new Date(c.created_at) }));
  const outcomes = reviewOutcomesByAgent(reviews, conversations);
  const ids = outcomes.map((o) => o.agent).filter((a) => a !== BOT_AGENT && a !== NO_CONVERSATION);
  const names = ids.length
    ? await database.query<{ id: string; display_name: string }>('SELECT id, display_name FROM agents WHERE org_id = $1 AND id = ANY($2::text[])', [p.orgId, ids])
    : [];
  const nameOf = (agent: string): string =>
    agent === BOT_AGENT ? '机器人接待（未转人工）' : agent === NO_CONVERSATION ? '未咨询客服' : (names.find((n) => n.id === agent)?.display_name ?? `客服 ${agent}`);
  return { shopId, months: q.months, from: from.toISOString(), rows: outcomes.map((o) => ({ ...o, nameZh: nameOf(o.agent) })) };
}
