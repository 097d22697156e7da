// Reviews and reputation (issue 13; R1–R8): the bridge's live reviews, the review workbench
// (list by priority, detail with draft, guard check, reply, report and its outcome, recovery),
// the shop's reputation, and `dxe import reviews` beside a running server (local API).
// Validation here, the work in app/reviews.
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { replyToReview, checkReviewReply, recordReportOutcome, recoveryStep, reportReview } from '../../app/reviews/actions.js';
import { listReviews, reviewDetail } from '../../app/reviews/board.js';
import { importReviews, ingestReview } from '../../app/reviews/intake.js';
import { shopReputation } from '../../app/reviews/reputation.js';
import { reviewTeam } from '../../app/reviews/team.js';
import { localTokenMatches } from '../../app/runtime/local-server.js';
import { openReviewImport, REVIEW_UPLOAD_LIMIT, withUploadedReviewFile } from '../../channels/review-files/read-review-file.js';
import {
  bridgeReviewBody,
  localImportReviewsBody,
  reputationQuery,
  reviewIdParams,
  reviewListQuery,
  reviewRecoveryBody,
  reviewReplyBody,
  reviewReportBody,
  reviewReportOutcomeBody,
  reviewShopParams,
  reviewTeamQuery,
  reviewUploadQuery,
} from '../../core/contract/reviews.js';
import { DxeError } from '../../core/errors.js';
import { isPlatform } from '../../core/platforms.js';
import { assertShop, principalOf, requireRole } from '../auth.js';

/** Content types a browser sends a review export with. */
const REVIEW_UPLOAD_TYPES = [
  'application/octet-stream',
  'text/csv',
  'application/vnd.ms-excel',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
];

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

const reviewRoutes: FastifyPluginAsync = async (app) => {
  const auth = { preHandler: app.authenticate };

  // Bridge: one live review, idempotent on review_id; a follow-up names its first review.
  app.post('/api/v1/shops/:shopId/reviews', auth, async (request, reply) => {
    const { shopId } = reviewShopParams.parse(request.params);
    requireRole(request, 'integration', 'admin');
    assertShop(request, shopId);
    const b = bridgeReviewBody.parse(request.body);
    const shop = (await app.ctx.database.query<{ platform: string }>('SELECT platform FROM shops WHERE id = $1', [shopId]))[0];
    if (!shop) throw new DxeError('NOT_FOUND');
    const result = await ingestReview(
      app.ctx.database,
      { shopId, platform: shop.platform, now: app.ctx.now() },
      {
        reviewId: b.review_id,
        text: b.text,
        at: new Date(b.at),
        orderNo: b.order_no,
        itemId: b.item_id,
        itemTitle: b.item_title,
        sku: b.sku,
        buyerAccount: b.buyer_account,
        rating: b.rating,
        stars: b.stars,
        dsr: b.dsr,
        ...(b.follow_up_of ? { followUpOf: { reviewId: b.follow_up_of } } : {}),
      },
    );
    return reply.status(result.created ? 201 : 200).send({ review_id: result.reviewId, created: result.created, updated: result.updated });
  });

  app.get('/api/v1/reviews', auth, async (request) => {
    const p = principalOf(request);
    const q = reviewListQuery.parse(request.query);
    const shopIds = q.shopId ? (assertShop(request, q.shopId), [q.shopId]) : p.shopIds;
    return listReviews(app.ctx.database, p, shopIds, q, app.ctx.now());
  });

  app.get('/api/v1/reviews/:id', auth, async (request) => {
    const { id } = reviewIdParams.parse(request.params);
    return reviewDetail(app.ctx.database, principalOf(request), id, app.ctx.now());
  });

  // The guard's verdict on a reply as it is typed: writes nothing.
  app.post('/api/v1/reviews/:id/reply-check', auth, async (request) => {
    const { id } = reviewIdParams.parse(request.params);
    const { text } = reviewReplyBody.parse(request.body);
    return checkReviewReply(app.ctx.database, principalOf(request), id, text);
  });

  app.post('/api/v1/reviews/:id/reply', auth, async (request) => {
    const { id } = reviewIdParams.parse(request.params);
    const { text } = reviewReplyBody.parse(request.body);
    return replyToReview(app.ctx.database, principalOf(request), id, text, app.ctx.now());
  });

  app.post('/api/v1/reviews/:id/report', auth, async (request) => {
    const { id } = reviewIdParams.parse(request.params);
    const body = reviewReportBody.parse(request.body);
    return { review: await reportReview(app.ctx.database, principalOf(request), id, body, app.ctx.now()) };
  });

  app.post('/api/v1/reviews/:id/report-outcome', auth, async (request) => {
    const { id } = reviewIdParams.parse(request.params);
    const body = reviewReportOutcomeBody.parse(request.body);
    return { review: await recordReportOutcome(app.ctx.database, principalOf(request), id, body, app.ctx.now()) };
  });

  app.post('/api/v1/reviews/:id/recovery', auth, async (request) => {
    const { id } = reviewIdParams.parse(request.params);
    const body = reviewRecoveryBody.parse(request.body);
    return { review: await recoveryStep(app.ctx.database, principalOf(request), id, body, app.ctx.now()) };
  });

  app.get('/api/v1/shops/:shopId/reputation', auth, async (request) => {
    const { shopId } = reviewShopParams.parse(request.params);
    assertShop(request, shopId);
    const q = reputationQuery.parse(request.query);
    const categoryAverage = {
      ...(q.description !== undefined ? { description: q.description } : {}),
      ...(q.service !== undefined ? { service: q.service } : {}),
      ...(q.logistics !== undefined ? { logistics: q.logistics } : {}),
    };
    return shopReputation(app.ctx.database, principalOf(request), shopId, { stars: q.stars, categoryAverage }, app.ctx.now());
  });

  // A review export uploaded from the 评价 screen: the raw file as the body (CSV GBK/UTF-8 or .xlsx),
  // read by the same reader and imported by the same use case as `dxe import reviews`.
  app.addContentTypeParser(REVIEW_UPLOAD_TYPES, { parseAs: 'buffer', bodyLimit: REVIEW_UPLOAD_LIMIT }, (_request, body, done) => done(null, body));
  app.post('/api/v1/shops/:shopId/reviews/import', { ...auth, bodyLimit: REVIEW_UPLOAD_LIMIT }, async (request) => {
    const { shopId } = reviewShopParams.parse(request.params);
    requireRole(request, 'admin', 'supervisor');
    assertShop(request, shopId);
    reviewUploadQuery.parse(request.query);
    if (!Buffer.isBuffer(request.body)) {
      throw new DxeError('VALIDATION_FAILED', '请上传评价导出文件本身（CSV 或 Excel .xlsx，Content-Type: application/octet-stream）', { importCode: 'IMPORT_UNKNOWN_FORMAT' });
    }
    // An empty file is refused by withUploadedReviewFile with its own message (nothing written).
    const bytes = request.body;
    const shop = (await app.ctx.database.query<{ platform: string }>('SELECT platform FROM shops WHERE id = $1', [shopId]))[0];
    if (!shop || !isPlatform(shop.platform)) throw new DxeError('NOT_FOUND');
    const platform = shop.platform;
    return withUploadedReviewFile(bytes, async (filePath) => importReviews(app.ctx.database, { shopId, source: await openReviewImport({ platform, filePath }) }));
  });

  // T1 for reviews: DSR and outcomes per agent who served the buyer (supervisors and admins).
  app.get('/api/v1/shops/:shopId/review-team', auth, async (request) => {
    const { shopId } = reviewShopParams.parse(request.params);
    requireRole(request, 'admin', 'supervisor');
    assertShop(request, shopId);
    const q = reviewTeamQuery.parse(request.query);
    return reviewTeam(app.ctx.database, principalOf(request), shopId, q, app.ctx.now());
  });

  // `dxe import reviews` while this server owns the embedded data folder (as routes/local.ts).
  const local = async (request: FastifyRequest) => {
    if (!app.localToken) throw new DxeError('NOT_FOUND');
    const header = request.headers.authorization;
    const presented = header?.startsWith('Bearer ') ? header.slice(7).trim() : null;
    if (!LOOPBACK.has(request.socket.remoteAddress ?? '') || !localTokenMatches(app.localToken, presented)) {
      throw new DxeError('UNAUTHENTICATED', '本地接口只接受本机 dxe 命令的调用');
    }
  };
  app.post('/api/v1/local/import-reviews', { preHandler: local }, async (request) => {
    const b = localImportReviewsBody.parse(request.body);
    // No shop is created before the file is read: a refused file leaves nothing behind.
    const source = await openReviewImport({ platform: b.platform, filePath: b.file });
    return importReviews(app.ctx.database, { shopId: b.shop, source });
  });
};
export default reviewRoutes;
