// The review workbench's actions (issue 13): reply publicly within the window (R5) with the reply
// guard checking the text as for any public text (a reply is read by every shopper, so it may
// name no order details — D6 as for another account); report a flagged review to the platform
// with its reason and evidence (R6), tracked to the platform's outcome; a recovery for a bad or
// neutral review — contact, resolve, then ask (never pay) whether the buyer would revise, within
// the change window (R3, R7, D9). Each action is written with its audit row.
import { sql } from 'drizzle-orm';
import { DxeError } from '../../core/errors.js';
import { canChangeReview, canReplyToReview } from '../../core/reviews/windows.js';
import type { ReviewRowView } from '../../core/contract/reviews.js';
import type { Database } from '../../store/open-database.js';
import { requireRoleOf } from '../auth/access.js';
import type { Principal } from '../auth/auth.js';
import { appendAuditIn } from '../audit/audit-log.js';
import { explainVerdict, guardContext, guardReply, ruleTitle } from '../conversations/guard-reply.js';
import { loadShopContext } from '../shops/shop-context.js';
import { shopProfile } from '../shops/shop-profile.js';
import { loadReview, toRow } from './board.js';
import { maySeePersonalData } from '../auth/access.js';

const actor = (p: Principal) => ({ actorKind: p.kind === 'agent' ? 'agent' : 'token', actorId: p.agentId ?? null });

async function save(database: Database, p: Principal, id: string, set: ReturnType<typeof sql>, action: string, data: unknown, now: Date): Promise<void> {
  const shop = (await database.query<{ org_id: string }>('SELECT s.org_id FROM reviews r JOIN shops s ON s.id = r.shop_id WHERE r.id = $1', [id]))[0];
  await database.db.transaction(async (tx) => {
    await tx.execute(sql`UPDATE reviews SET ${set}, updated_at = ${now} WHERE id = ${id}`);
    await appendAuditIn(tx, { orgId: shop?.org_id ?? p.orgId, at: now, ...actor(p), action, subjectKind: 'review', subjectId: id, data });
  });
}

/** The guard's verdict on a public reply, with the rule names (for the box as it is typed). */
export async function checkReviewReply(database: Database, p: Principal, id: string, text: string) {
  const row = await loadReview(database, p, id);
  const shop = await loadShopContext(database, row.shop_id);
  const ctx = guardContext({ freeShipping: shop.settings.freeShipping, previousOutgoing: [], askerIsBuyer: false, shopName: shop.shop.name });
  return explainVerdict(shop.profile, guardReply(shop.profile, text, ctx));
}

export async function replyToReview(database: Database, p: Principal, id: string, text: string, now: Date): Promise<{ review: ReviewRowView; verdict: Awaited<ReturnType<typeof checkReviewReply>> }> {
  requireRoleOf(p, 'admin', 'supervisor', 'agent');
  const row = await loadReview(database, p, id);
  if (row.seller_reply !== null) throw new DxeError('INVALID_TRANSITION', '该评价已回复过，平台不允许修改解释');
  const profile = shopProfile({ platform: row.shop_platform, ruleOverrides: row.rule_overrides });
  const window = canReplyToReview(profile, new Date(row.at).toISOString(), now.toISOString());
  if (!window.allowed) throw new DxeError('INVALID_TRANSITION', `不能回复：${window.reasonZh ?? '已超过解释期'}`);
  const verdict = await checkReviewReply(database, p, id, text);
  const blocked = verdict.violations.find((v) => v.severity === 'block');
  if (blocked) {
    const title = ruleTitle(profile, blocked.rule);
    throw new DxeError('REPLY_BLOCKED', `回复违反平台规则「${title}」（${blocked.rule}），未发布。${blocked.rewrite ? `建议改为：“${blocked.rewrite}”` : ''}`, { verdict });
  }
  const status = row.status === 'new' ? 'replied' : row.status;
  await save(database, p, id, sql`seller_reply = ${text}, seller_reply_at = ${now}, status = ${status}`, 'review.reply', { text, verdict: verdict.verdict }, now);
  const fresh = await loadReview(database, p, id);
  return { review: toRow(fresh, now, maySeePersonalData(p)), verdict };
}

export async function reportReview(database: Database, p: Principal, id: string, body: { reason: string; evidence: string }, now: Date): Promise<ReviewRowView> {
  requireRoleOf(p, 'admin', 'supervisor', 'agent');
  const row = await loadReview(database, p, id);
  if (row.report && row.report.state === 'submitted') throw new DxeError('INVALID_TRANSITION', '该评价已举报，等待平台处理结果');
  const report = { reason: body.reason, evidence: body.evidence, state: 'submitted', at: now.toISOString(), outcomeAt: null, note: null };
  await save(database, p, id, sql`report = ${JSON.stringify(report)}::jsonb, status = 'reported'`, 'review.report', { reason: body.reason, flagged: row.flags.includes(body.reason) }, now);
  return toRow(await loadReview(database, p, id), now, maySeePersonalData(p));
}

export async function recordReportOutcome(database: Database, p: Principal, id: string, body: { outcome: 'removed' | 'rejected'; note?: string | undefined }, now: Date): Promise<ReviewRowView> {
  requireRoleOf(p, 'admin', 'supervisor', 'agent');
  const row = await loadReview(database, p, id);
  if (!row.report || row.report.state !== 'submitted') throw new DxeError('INVALID_TRANSITION', '该评价没有待处理的举报');
  const report = { ...row.report, state: body.outcome, outcomeAt: now.toISOString(), note: body.note ?? null };
  const status = body.outcome === 'removed' ? 'done' : row.seller_reply ? 'replied' : 'new';
  await save(database, p, id, sql`report = ${JSON.stringify(report)}::jsonb, status = ${status}`, 'review.report_outcome', { outcome: body.outcome }, now);
  return toRow(await loadReview(database, p, id), now, maySeePersonalData(p));
}

/** The recovery's steps in order; declining may end it at any step. */
const NEXT: Record<string, readonly string[]> = {
  none: ['open'],
  open: ['contacted', 'declined'],
  contacted: ['resolved', 'declined'],
  resolved: ['asked', 'declined'],
  asked: ['revised', 'declined'],
};

export async function recoveryStep(
  database: Database,
  p: Principal,
  id: string,
  body: { step: string; resolution?: string | undefined; note?: string | undefined },
  now: Date,
): Promise<ReviewRowView> {
  requireRoleOf(p, 'admin', 'supervisor', 'agent');
  const row = await loadReview(database, p, id);
  const state = row.recovery?.state ?? 'none';
  if (!(NEXT[state] ?? []).includes(body.step)) throw new DxeError('INVALID_TRANSITION', `挽回流程当前为「${state}」，不能执行「${body.step}」`);
  if (body.step === 'open' && row.rating === 'good' && row.sentiment !== 'negative') throw new DxeError('INVALID_TRANSITION', '只有中差评（或内容负面的评价）需要挽回');
  if (body.step === 'resolved' && !body.resolution) throw new DxeError('VALIDATION_FAILED', '请选择解决方式（退款、补发、补偿或解释说明）');
  if (body.note && /(好评|改评|修改评价|删评|删除评价).{0,12}(返现|红包|补偿|给您|送您|元|块)|(返现|红包|元|块).{0,12}(好评|改评|删评)/.test(body.note)) {
    // D9 / R7: never pay for a changed review.
    throw new DxeError('TEXT_BLOCKED', '不能以金钱或补偿换取修改评价（平台规则 D9、R7），请去掉相关内容');
  }
  const profile = shopProfile({ platform: row.shop_platform, ruleOverrides: row.rule_overrides });
  const rating = row.rating === 'good' ? 'neutral' : row.rating;
  const change = canChangeReview(profile, { rating, reviewedAt: new Date(row.at).toISOString(), changesSoFar: 0 }, now.toISOString());
  if (body.step === 'asked' && !change.allowed) throw new DxeError('INVALID_TRANSITION', `不能再邀请修改：${change.reasonZh ?? '已超过修改期'}`);
  const conversation = row.buyer_id
    ? ((await database.query<{ id: string }>('SELECT id FROM conversations WHERE shop_id = $1 AND buyer_id = $2 ORDER BY last_message_at DESC NULLS LAST LIMIT 1', [row.shop_id, row.buyer_id]))[0]?.id ?? null)
    : null;
  const steps = [...(row.recovery?.steps ?? []), { state: body.step, at: now.toISOString(), note: body.note ?? null }];
  const recovery = {
    state: body.step,
    resolution: body.resolution ?? row.recovery?.resolution ?? null,
    changeUntil: change.until,
    conversationId: conversation,
    steps,
  };
  const status = body.step === 'revised' || body.step === 'declined' ? 'done' : 'recovery';
  await save(database, p, id, sql`recovery = ${JSON.stringify(recovery)}::jsonb, status = ${status}`, `review.recovery.${body.step}`, { resolution: recovery.resolution }, now);
  return toRow(await loadReview(database, p, id), now, maySeePersonalData(p));
}
