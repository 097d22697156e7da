// A shop's own intent examples (issue 3, B1): agents add, supervisors and admins also delete; each
// change retrains the shop's model in the background (app/settings/training-examples.ts). The
// caller's scope and role are checked before the body is read; changes are limited per shop
// (RETRAIN_PER_MINUTE, issue 10 major 5).
import type { FastifyPluginAsync } from 'fastify';
import {
  addTrainingExamples,
  deleteTrainingExample,
  exampleAdder,
  exampleRemover,
  listTrainingExamples,
  trainingExamplesInput,
} from '../../app/settings/training-examples.js';
import { takeRetrainSlot } from '../../app/shops/retrain-rate.js';
import { exampleParams, shopParams } from '../../core/contract/settings.js';
import type { TrainingExampleView } from '../../core/contract/views.js';
import { principalOf } from '../auth.js';
import type { AddedExamplesView } from '../../core/contract/views.js';

const trainingRoutes: FastifyPluginAsync = async (app) => {
  const auth = { preHandler: app.authenticate };
  const deps = () => ({ database: app.ctx.database, bus: app.ctx.bus, now: app.ctx.now() });

  app.get('/api/v1/shops/:shopId/training-examples', auth, async (request): Promise<{ items: TrainingExampleView[] }> => {
    const { shopId } = shopParams.parse(request.params);
    return listTrainingExamples(app.ctx.database, principalOf(request), shopId);
  });

  app.post('/api/v1/shops/:shopId/training-examples', auth, async (request, reply) => {
    const { shopId } = shopParams.parse(request.params);
    const p = exampleAdder(principalOf(request), shopId);
    takeRetrainSlot(app.ctx.database, shopId, app.ctx.config.RETRAIN_PER_MINUTE, app.ctx.now().getTime());
    const added: AddedExamplesView = await addTrainingExamples(deps(), p, shopId, trainingExamplesInput.parse(request.body));
    return reply.status(201).send(added);
  });

  app.delete('/api/v1/shops/:shopId/training-examples/:id', auth, async (request): Promise<{ ok: true }> => {
    const { shopId, id } = exampleParams.parse(request.params);
    const p = exampleRemover(principalOf(request), shopId);
    takeRetrainSlot(app.ctx.database, shopId, app.ctx.config.RETRAIN_PER_MINUTE, app.ctx.now().getTime());
    await deleteTrainingExample(deps(), p, shopId, id);
    return { ok: true };
  });
};
export default trainingRoutes;
