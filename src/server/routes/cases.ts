// After-sales for the workbench (A1, A4–A8, N5, A11): the case board (countdown to the 72 h
// intervention, exposure in yuan, playbook next steps), the timeline, opening a case and moving
// it through the refund machine, its evidence bundle; A8 rates per shop and item; N5 exposure
// totals. Validation here, the work in app/cases, app/orders and app/evidence.
import type { FastifyPluginAsync } from 'fastify';
import { openCase, moveCase } from '../../app/cases/case-actions.js';
import { caseBoard } from '../../app/cases/case-board.js';
import { getCaseDetail } from '../../app/cases/case-views.js';
import { shopRates } from '../../app/cases/cases.js';
import { addCaseEvidence, caseEvidenceFile } from '../../app/evidence/case-uploads.js';
import { downloadCaseEvidence } from '../../app/evidence/download.js';
import { exposureFor } from '../../app/orders/exposure.js';
import { yuanToFen } from '../../core/money/fen.js';
import {
  caseBoardQuery as boardQuery,
  caseEvidenceBody,
  caseEvidenceParams,
  EVIDENCE_UPLOAD_BODY_LIMIT,
  caseIdParams as idParam,
  caseShopParams,
  caseTransitionBody as transitionBody,
  evidenceQuery,
  exposureQuery,
  openCaseBody as createBody,
} from '../../core/contract/cases.js';
import type { CaseBoardRow } from '../../core/contract/views.js';
import { assertShop, mayseePersonalData, principalOf, requireRole } from '../auth.js';
import type { CaseDetailView, ExposureTotalsView, OpenedCaseView, ShopRatesView } from '../../core/contract/views.js';


const caseRoutes: FastifyPluginAsync = async (app) => {
  const auth = { preHandler: app.authenticate };

  app.get('/api/v1/cases', auth, async (request): Promise<{ items: CaseBoardRow[] }> => {
    const p = principalOf(request);
    const q = boardQuery.parse(request.query);
    const shopIds = q.shopId ? (assertShop(request, q.shopId), [q.shopId]) : p.shopIds;
    return caseBoard(app.ctx.database, p, shopIds, { state: q.state, limit: q.limit }, app.ctx.now());
  });

  app.get('/api/v1/cases/:id', auth, async (request): Promise<CaseDetailView> => {
    const { id } = idParam.parse(request.params);
    return getCaseDetail(app.ctx.database, principalOf(request), id, app.ctx.now());
  });

  app.post('/api/v1/cases', auth, async (request, reply) => {
    const p = principalOf(request);
    const body = createBody.parse(request.body);
    const input = { orderId: body.orderId, reviewId: body.reviewId, type: body.type, reason: body.reason, amountFen: yuanToFen(body.amount), note: body.note, conversationId: body.conversationId };
    const opened: OpenedCaseView = await openCase(app.ctx.database, p, input, app.ctx.now());
    return reply.status(201).send(opened);
  });

  app.post('/api/v1/cases/:id/transition', auth, async (request): Promise<CaseDetailView> => {
    const { id } = idParam.parse(request.params);
    const p = principalOf(request);
    const body = transitionBody.parse(request.body);
    return moveCase(app.ctx.database, p, id, body, app.ctx.now(), {
      bus: app.ctx.bus,
      onAlertError: (err) => request.log.error({ err }, 'A8 rate alert failed'),
    });
  });

  // A11 per case: the bundle of the case's order, marked with the case; audited like any export.
  app.get('/api/v1/cases/:id/evidence', auth, async (request, reply) => {
    const { id } = idParam.parse(request.params);
    const { format } = evidenceQuery.parse(request.query);
    const p = requireRole(request, 'admin', 'supervisor', 'agent');
    const d = await downloadCaseEvidence(app.ctx.database, p, id, format, app.ctx.now(), mayseePersonalData(p));
    if (d.html !== null) {
      return reply.type('text/html; charset=utf-8').header('content-disposition', `attachment; filename="${d.fileName}"`).send(d.html);
    }
    return reply.header('content-disposition', `attachment; filename="${d.fileName}"`).send(d.file);
  });

  // A11: evidence added by hand — a photo, a courier record, a chat excerpt (JSON with base64 files).
  app.post('/api/v1/cases/:id/evidence', { ...auth, bodyLimit: EVIDENCE_UPLOAD_BODY_LIMIT }, async (request, reply) => {
    const { id } = idParam.parse(request.params);
    const p = requireRole(request, 'admin', 'supervisor', 'agent');
    const body = caseEvidenceBody.parse(request.body);
    return reply.status(201).send(await addCaseEvidence(app.ctx.database, p, id, body, app.ctx.now()));
  });

  app.get('/api/v1/cases/:id/evidence/:evidenceId', auth, async (request, reply) => {
    const { id, evidenceId } = caseEvidenceParams.parse(request.params);
    const p = requireRole(request, 'admin', 'supervisor', 'agent');
    const f = await caseEvidenceFile(app.ctx.database, p, id, evidenceId, mayseePersonalData(p));
    return reply
      .type(f.mime)
      .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(f.fileName)}`)
      .header('x-content-type-options', 'nosniff')
      .send(f.content);
  });

  app.get('/api/v1/shops/:shopId/rates', auth, async (request): Promise<ShopRatesView> => {
    const { shopId } = caseShopParams.parse(request.params);
    assertShop(request, shopId);
    return shopRates(app.ctx.database, shopId, app.ctx.now());
  });

  app.get('/api/v1/exposure', auth, async (request): Promise<ExposureTotalsView> => {
    const p = principalOf(request);
    const q = exposureQuery.parse(request.query);
    const shopIds = q.shopId ? (assertShop(request, q.shopId), [q.shopId]) : p.shopIds;
    return exposureFor(app.ctx.database, shopIds, app.ctx.now());
  });
};
export default caseRoutes;
