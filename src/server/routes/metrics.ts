// GET /api/v1/metrics — the dashboard (T1 figures per agent / shop / day; for supervisors and
// admins also idle agents, T2, and inconsistent answers, T3), in the caller's shop scope. The
// read model is app/metrics/dashboard.ts.
import type { FastifyPluginAsync } from 'fastify';
import { dashboardFigures, dashboardQuery } from '../../app/metrics/dashboard.js';
import type { MetricsView } from '../../core/contract/views.js';
import { principalOf } from '../auth.js';

const metricsRoutes: FastifyPluginAsync = async (app) => {
  app.get('/api/v1/metrics', { preHandler: app.authenticate }, async (request): Promise<MetricsView> => {
    const q = dashboardQuery.parse(request.query);
    return dashboardFigures(app.ctx.database, principalOf(request), q, app.ctx.now());
  });
};
export default metricsRoutes;
