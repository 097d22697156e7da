// L1: the training workbench — scenarios, practice sessions with the simulated buyer and their
// scored reports, trainees' progress. Thin: validate → app/training → reply.
import type { FastifyPluginAsync } from 'fastify';
import { finishSession, listScenarios, readSession, replyInSession, startSession, trainingOverview } from '../../app/training/sessions.js';
import {
  caseLibraryQuery,
  caseQuizBody,
  finishTrainingBody,
  qualityQuery,
  type QualityView,
  type CaseLibraryView,
  type CaseQuizResultView,
  startTrainingBody,
  trainingReplyBody,
  trainingSessionParams,
  type ScenarioListView,
  type TrainingOverviewView,
  type TrainingSessionView,
} from '../../core/contract/training.js';
import { caseLibrary, gradeCaseQuiz } from '../../app/training/cases.js';
import { qualitySample } from '../../app/training/quality.js';
import { principalOf } from '../auth.js';

const trainingRoutes: FastifyPluginAsync = async (app) => {
  const deps = () => ({ database: app.ctx.database, bus: app.ctx.bus, now: app.ctx.now() });
  app.get('/api/v1/training/scenarios', { preHandler: app.authenticate }, async (): Promise<ScenarioListView> => ({ scenarios: listScenarios() }));
  app.get('/api/v1/training/overview', { preHandler: app.authenticate }, async (request): Promise<TrainingOverviewView> =>
    trainingOverview(app.ctx.database, principalOf(request)));
  app.get('/api/v1/training/cases', { preHandler: app.authenticate }, async (request): Promise<CaseLibraryView> =>
    caseLibrary(app.ctx.database, principalOf(request), caseLibraryQuery.parse(request.query), app.ctx.now()));
  app.post('/api/v1/training/quiz', { preHandler: app.authenticate }, async (request): Promise<CaseQuizResultView> =>
    gradeCaseQuiz(app.ctx.database, principalOf(request), caseQuizBody.parse(request.body), app.ctx.now()));
  app.get('/api/v1/training/quality', { preHandler: app.authenticate }, async (request): Promise<QualityView> =>
    qualitySample(app.ctx.database, principalOf(request), qualityQuery.parse(request.query), app.ctx.now()));
  app.post('/api/v1/training/sessions', { preHandler: app.authenticate }, async (request): Promise<TrainingSessionView> =>
    startSession(deps(), principalOf(request), startTrainingBody.parse(request.body)));
  app.get('/api/v1/training/sessions/:id', { preHandler: app.authenticate }, async (request): Promise<TrainingSessionView> =>
    readSession(app.ctx.database, principalOf(request), trainingSessionParams.parse(request.params).id));
  app.post('/api/v1/training/sessions/:id/reply', { preHandler: app.authenticate }, async (request): Promise<TrainingSessionView> =>
    replyInSession(deps(), principalOf(request), trainingSessionParams.parse(request.params).id, trainingReplyBody.parse(request.body).text));
  app.post('/api/v1/training/sessions/:id/finish', { preHandler: app.authenticate }, async (request): Promise<TrainingSessionView> => {
    const { id } = trainingSessionParams.parse(request.params);
    finishTrainingBody.parse(request.body ?? {});
    return finishSession(deps(), principalOf(request), id);
  });
};
export default trainingRoutes;
