// L1–L3, T4, 质检: the training workbench — scenarios, practice sessions with the simulated buyer
// and their scored reports, trainees' progress, the penalty-case quiz, the product quiz and the
// monthly exam with results over time, supervisors' reviews of real chats that the agent
// acknowledges, competitor comparison tables. Thin: validate → app/training → reply.
import type { FastifyPluginAsync } from 'fastify';
import { finishSession, listScenarios, readSession, replyInSession, startSession, trainingOverview } from '../../app/training/sessions.js';
import {
  caseLibraryQuery,
  caseQuizBody,
  comparisonBody,
  comparisonParams,
  comparisonShopParams,
  examQuery,
  finishTrainingBody,
  productQuizBody,
  productQuizQuery,
  qualityQuery,
  qualityReviewBody,
  qualityReviewParams,
  type ComparisonsView,
  type ProductQuizResultView,
  type ProductQuizView,
  type QualityFeedbackView,
  type QualityRowView,
  type QualityView,
  type QuizProgressView,
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
import { deleteComparison, listComparisons, saveComparison } from '../../app/training/comparisons.js';
import { monthlyExam, productQuiz, quizProgress, submitProductQuiz } from '../../app/training/exams.js';
import { acknowledgeReview, myQualityFeedback, qualitySample, reviewConversation } from '../../app/training/quality.js';
import { shopEditor } from '../../app/settings/access.js';
import { principalOf } from '../auth.js';

const trainingRoutes: FastifyPluginAsync = async (app) => {
  const deps = () => ({ database: app.ctx.database, bus: app.ctx.bus, now: app.ctx.now() });
  app.get('/api/v1/training/scenarios', { preHandler: app.authenticate }, async (): Promise<ScenarioListView> => ({ scenarios: listScenarios() }));
  app.get('/api/v1/training/overview', { preHandler: app.authenticate }, async (request): Promise<TrainingOverviewView> =>
    trainingOverview(app.ctx.database, principalOf(request)));
  app.get('/api/v1/training/cases', { preHandler: app.authenticate }, async (request): Promise<CaseLibraryView> =>
    caseLibrary(app.ctx.database, principalOf(request), caseLibraryQuery.parse(request.query), app.ctx.now()));
  app.post('/api/v1/training/quiz', { preHandler: app.authenticate }, async (request): Promise<CaseQuizResultView> =>
    gradeCaseQuiz(deps(), principalOf(request), caseQuizBody.parse(request.body)));
  app.get('/api/v1/training/quality', { preHandler: app.authenticate }, async (request): Promise<QualityView> =>
    qualitySample(app.ctx.database, principalOf(request), qualityQuery.parse(request.query), app.ctx.now()));
  app.post('/api/v1/training/quality/:id/review', { preHandler: app.authenticate }, async (request): Promise<QualityRowView> =>
    reviewConversation(deps(), principalOf(request), qualityReviewParams.parse(request.params).id, qualityReviewBody.parse(request.body)));
  app.get('/api/v1/training/feedback', { preHandler: app.authenticate }, async (request): Promise<QualityFeedbackView> =>
    myQualityFeedback(app.ctx.database, principalOf(request)));
  app.post('/api/v1/training/feedback/:id/ack', { preHandler: app.authenticate }, async (request): Promise<QualityFeedbackView> => {
    const { id } = qualityReviewParams.parse(request.params);
    finishTrainingBody.parse(request.body ?? {});
    return acknowledgeReview(deps(), principalOf(request), id);
  });
  app.get('/api/v1/training/product-quiz', { preHandler: app.authenticate }, async (request): Promise<ProductQuizView> =>
    productQuiz(app.ctx.database, principalOf(request), productQuizQuery.parse(request.query), app.ctx.now()));
  app.get('/api/v1/training/exam', { preHandler: app.authenticate }, async (request): Promise<ProductQuizView> =>
    monthlyExam(app.ctx.database, principalOf(request), examQuery.parse(request.query), app.ctx.now()));
  app.post('/api/v1/training/product-quiz', { preHandler: app.authenticate }, async (request): Promise<ProductQuizResultView> =>
    submitProductQuiz(deps(), principalOf(request), productQuizBody.parse(request.body)));
  app.get('/api/v1/training/results', { preHandler: app.authenticate }, async (request): Promise<QuizProgressView> =>
    quizProgress(app.ctx.database, principalOf(request), app.ctx.now()));
  app.get('/api/v1/shops/:shopId/comparisons', { preHandler: app.authenticate }, async (request): Promise<ComparisonsView> =>
    listComparisons(app.ctx.database, principalOf(request), comparisonShopParams.parse(request.params).shopId));
  app.put('/api/v1/shops/:shopId/comparisons', { preHandler: app.authenticate }, async (request): Promise<ComparisonsView> => {
    const { shopId } = comparisonShopParams.parse(request.params);
    const p = shopEditor(principalOf(request), shopId); // scope before the body: an outsider learns nothing
    return saveComparison(deps(), p, shopId, comparisonBody.parse(request.body));
  });
  app.delete('/api/v1/shops/:shopId/comparisons/:id', { preHandler: app.authenticate }, async (request): Promise<ComparisonsView> => {
    const { shopId, id } = comparisonParams.parse(request.params);
    return deleteComparison(deps(), principalOf(request), shopId, id);
  });
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
