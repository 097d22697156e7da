// The review workbench's reads (issue 13; R5, R6, R8): new reviews by priority — bad and neutral
// first, then flagged ones, big orders and VIP buyers — each with its causes, flags, the reply
// window (R5) counted from the review, and the report and recovery it has; one review with its
// order, buyer and chat history beside it and a reply drafted from its causes. Scoped to the
// shops the caller may see; phones and addresses in review text masked unless the role needs them.
import { DxeError } from '../../core/errors.js';
import { personalDataMask } from '../../core/privacy.js';
import { draftReviewReply } from '../../core/reviews/reply-draft.js';
import { canReplyToReview } from '../../core/reviews/windows.js';
import type { ReviewDetailView, ReviewRowView } from '../../core/contract/reviews.js';
import type { Database } from '../../store/open-database.js';
import { maySeePersonalData } from '../auth/access.js';
import type { Principal } from '../auth/auth.js';
import { shopProfile } from '../shops/shop-profile.js';

export interface ReviewDbRow {
  id: string;
  shop_id: string;
  platform: string | null;
  shop_platform: string;
  rule_overrides: unknown;
  rating: 'good' | 'neutral' | 'bad';
  stars: number | null;
  text: string | null;
  at: Date | string;
  sentiment: 'positive' | 'negative' | null;
  score: number | null;
  causes: string[];
  flags: string[];
  follow_up: { text: string; at: string | null; sentiment?: string; causes?: string[] } | null;
  item_id: string | null;
  item_title: string | null;
  platform_order_no: string | null;
  order_id: string | null;
  buyer_account: string | null;
  buyer_tags: string[] | null;
  paid_fen: number | null;
  dsr: { description: number; service: number; logistics: number } | null;
  status: ReviewRowView['status'];
  seller_reply: string | null;
  report: ReviewRowView['report'];
  recovery: ReviewRowView['recovery'];
  buyer_id: string | null;
}

export const REVIEW_SELECT = `SELECT r.id, r.shop_id, r.platform, s.platform AS shop_platform, s.rule_overrides, r.rating, r.stars, r.text, r.at,
  r.sentiment, r.score, r.causes, r.flags, r.follow_up, r.item_id, r.item_title, r.platform_order_no, r.order_id,
  r.buyer_account, b.tags AS buyer_tags, coalesce(r.paid_fen, o.paid_fen) AS paid_fen, r.dsr, r.status, r.seller_reply, r.report, r.recovery, r.buyer_id
  FROM reviews r JOIN shops s ON s.id = r.shop_id LEFT JOIN buyers b ON b.id = r.buyer_id LEFT JOIN orders o ON o.id = r.order_id`;

const BIG_ORDER_FEN = 50_000;

export function priorityOf(r: Pick<ReviewDbRow, 'rating' | 'sentiment' | 'causes' | 'flags' | 'paid_fen' | 'buyer_tags' | 'follow_up'>): { priority: number; priorityZh: string[] } {
  const why: string[] = [];
  let p = 0;
  if (r.rating === 'bad') {
    p += 300;
    why.push('差评');
  } else if (r.rating === 'neutral') {
    p += 200;
    why.push('中评');
  } else if (r.sentiment === 'negative') {
    p += 150;
    why.push('好评但内容负面');
  }
  if (r.flags.length) {
    p += 150;
    why.push('可举报');
  }
  if (r.follow_up?.sentiment === 'negative') {
    p += 80;
    why.push('追评负面');
  }
  if ((r.paid_fen ?? 0) >= BIG_ORDER_FEN) {
    p += 60;
    why.push('大额订单');
  }
  if ((r.buyer_tags ?? []).some((t) => /vip|会员/i.test(t))) {
    p += 60;
    why.push('VIP 买家');
  }
  if (r.causes.length && r.rating === 'good' && r.sentiment !== 'negative') {
    p += 20;
    why.push('好评含建议');
  }
  return { priority: p, priorityZh: why };
}

export function toRow(r: ReviewDbRow, now: Date, showPersonal: boolean): ReviewRowView {
  const mask = personalDataMask(showPersonal);
  const at = new Date(r.at).toISOString();
  const profile = shopProfile({ platform: r.shop_platform, ruleOverrides: r.rule_overrides });
  const window = canReplyToReview(profile, at, now.toISOString());
  const { priority, priorityZh } = priorityOf(r);
  return {
    id: r.id,
    shopId: r.shop_id,
    platform: r.platform ?? r.shop_platform,
    rating: r.rating,
    stars: r.stars,
    text: mask.text(r.text ?? '') ?? '',
    at,
    sentiment: r.sentiment,
    score: r.score === null ? null : Math.round(r.score * 100) / 100,
    causes: r.causes,
    flags: r.flags,
    followUp: r.follow_up ? { text: mask.text(r.follow_up.text) ?? '', at: r.follow_up.at, sentiment: r.follow_up.sentiment ?? null, causes: r.follow_up.causes ?? [] } : null,
    itemId: r.item_id,
    itemTitle: r.item_title,
    orderNo: r.platform_order_no,
    orderId: r.order_id,
    buyer: r.buyer_account,
    paidYuan: r.paid_fen === null ? null : r.paid_fen / 100,
    dsr: r.dsr,
    status: r.status,
    sellerReply: r.seller_reply,
    replyUntil: window.until,
    replyAllowed: window.allowed && r.seller_reply === null,
    priorityZh,
    priority,
    report: r.report,
    recovery: r.recovery,
  };
}

export async function listReviews(
  database: Database,
  p: Principal,
  shopIds: readonly string[],
  q: { status: string; flagged?: 'true' | 'false' | undefined; limit: number },
  now: Date,
): Promise<{ items: ReviewRowView[] }> {
  const visible = shopIds.filter((s) => p.shopIds.includes(s));
  if (visible.length === 0) return { items: [] };
  const where: string[] = ['r.shop_id = ANY($1::text[])'];
  const params: unknown[] = [visible];
  if (q.status === 'open') where.push(`r.status IN ('new', 'recovery', 'reported')`);
  else if (q.status !== 'all') {
    params.push(q.status);
    where.push(`r.status = $${params.length}`);
  }
  if (q.flagged === 'true') where.push(`jsonb_array_length(r.flags) > 0`);
  // Candidates in a rough priority order the database can sort; the exact order is computed here.
  params.push(Math.min(2000, q.limit * 5));
  const rows = await database.query<ReviewDbRow>(
    `${REVIEW_SELECT} WHERE ${where.join(' AND ')}
     ORDER BY (CASE r.rating WHEN 'bad' THEN 0 WHEN 'neutral' THEN 1 ELSE 2 END), (jsonb_array_length(r.flags) > 0) DESC, r.at DESC
     LIMIT $${params.length}`,
    params,
  );
  const show = maySeePersonalData(p);
  const items = rows.map((r) => toRow(r, now, show));
  items.sort((a, b) => b.priority - a.priority || b.at.localeCompare(a.at));
  return { items: items.slice(0, q.limit) };
}

export async function loadReview(database: Database, p: Principal, id: string): Promise<ReviewDbRow> {
  const row = (await database.query<ReviewDbRow>(`${REVIEW_SELECT} WHERE r.id = $1`, [id]))[0];
  if (!row || !p.shopIds.includes(row.shop_id)) throw new DxeError('NOT_FOUND', '找不到该评价');
  return row;
}

export async function reviewDetail(database: Database, p: Principal, id: string, now: Date): Promise<ReviewDetailView> {
  const row = await loadReview(database, p, id);
  const show = maySeePersonalData(p);
  const review = toRow(row, now, show);
  let order: ReviewDetailView['order'] = null;
  if (row.order_id) {
    const o = (await database.query<{ id: string; platform_order_no: string; state: string; paid_fen: number }>(
      'SELECT id, platform_order_no, state, paid_fen FROM orders WHERE id = $1',
      [row.order_id],
    ))[0];
    if (o) {
      const lines = await database.query<{ title: string; qty: number }>('SELECT title, qty FROM order_lines WHERE order_id = $1 ORDER BY line_no', [o.id]);
      order = { id: o.id, no: o.platform_order_no, state: o.state, paidYuan: o.paid_fen / 100, lines };
    }
  }
  let buyer: ReviewDetailView['buyer'] = null;
  let chat: ReviewDetailView['chat'] = [];
  let conversationId: string | null = null;
  if (row.buyer_id) {
    const b = (await database.query<{ platform_account: string; nickname: string | null; tags: string[] }>(
      'SELECT platform_account, nickname, tags FROM buyers WHERE id = $1',
      [row.buyer_id],
    ))[0];
    if (b) buyer = { account: b.platform_account, nickname: b.nickname, tags: b.tags };
    const c = (await database.query<{ id: string }>(
      'SELECT id FROM conversations WHERE shop_id = $1 AND buyer_id = $2 ORDER BY last_message_at DESC NULLS LAST LIMIT 1',
      [row.shop_id, row.buyer_id],
    ))[0];
    if (c) {
      conversationId = c.id;
      const mask = personalDataMask(show);
      const msgs = await database.query<{ author_kind: string; text: string; created_at: Date }>(
        'SELECT author_kind, text, created_at FROM messages WHERE conversation_id = $1 ORDER BY seq DESC LIMIT 20',
        [c.id],
      );
      chat = msgs.reverse().map((m) => ({ author: m.author_kind, text: mask.text(m.text) ?? '', at: new Date(m.created_at).toISOString() }));
    }
  }
  return { review, draft: draftReviewReply({ sentiment: row.sentiment, causes: row.causes, platform: row.platform ?? row.shop_platform }), order, buyer, chat, conversationId };
}
