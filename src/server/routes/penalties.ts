// Penalty points (N2, N3, N4): the ledger of the caller's shops (points incurred, at stake and
// waived in the counting period, serious apart, removal risk), a description mismatch's kind on
// an after-sales case, a late-shipment compensation paid, the platform's ruling on a complaint,
// and a deduction the platform notified that the product cannot see. Validation here, the work in
// app/penalties.
import type { FastifyPluginAsync } from 'fastify';
import { penaltyLedgers } from '../../app/penalties/ledger.js';
import { recordCompensationPaid, recordManualPenalty, recordMismatch, recordRuling } from '../../app/penalties/records.js';
import { caseIdParams } from '../../core/contract/cases.js';
import { orderIdParams } from '../../core/contract/orders.js';
import {
  compensationPaidBody,
  manualPenaltyBody,
  mismatchBody,
  penaltyLedgerQuery,
  penaltyShopParams,
  rulingBody,
  type PenaltyLedgersView,
  type ShopLedgerViewContract,
} from '../../core/contract/penalties.js';
import { principalOf, requireRole } from '../auth.js';

const penaltyRoutes: FastifyPluginAsync = async (app) => {
  const auth = { preHandler: app.authenticate };

  app.get('/api/v1/penalties', auth, async (request): Promise<PenaltyLedgersView> => {
    const q = penaltyLedgerQuery.parse(request.query);
    return penaltyLedgers(app.ctx.database, principalOf(request), { shopId: q.shopId }, app.ctx.now());
  });

  app.post('/api/v1/cases/:id/mismatch', auth, async (request): Promise<ShopLedgerViewContract> => {
    const { id } = caseIdParams.parse(request.params);
    const p = requireRole(request, 'admin', 'supervisor', 'agent');
    const body = mismatchBody.parse(request.body);
    return recordMismatch(app.ctx.database, p, id, { kind: body.kind, upheld: body.upheld, note: body.note }, app.ctx.now());
  });

  app.post('/api/v1/orders/:id/compensation-paid', auth, async (request): Promise<ShopLedgerViewContract> => {
    const { id } = orderIdParams.parse(request.params);
    const p = requireRole(request, 'admin', 'supervisor', 'agent');
    const body = compensationPaidBody.parse(request.body ?? {});
    return recordCompensationPaid(app.ctx.database, p, id, { paidAt: body.paidAt ? new Date(body.paidAt) : undefined, note: body.note }, app.ctx.now());
  });

  app.post('/api/v1/penalties/ruling', auth, async (request): Promise<ShopLedgerViewContract> => {
    const p = requireRole(request, 'admin', 'supervisor');
    const body = rulingBody.parse(request.body);
    return recordRuling(app.ctx.database, p, body, app.ctx.now());
  });

  app.post('/api/v1/shops/:shopId/penalties', auth, async (request): Promise<ShopLedgerViewContract> => {
    const { shopId } = penaltyShopParams.parse(request.params);
    const p = requireRole(request, 'admin', 'supervisor');
    const body = manualPenaltyBody.parse(request.body);
    return recordManualPenalty(app.ctx.database, p, shopId, { category: body.category, orderId: body.orderId, at: body.at ? new Date(body.at) : undefined, note: body.note }, app.ctx.now());
  });
};

export default penaltyRoutes;
