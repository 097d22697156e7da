// Settings APIs of the workbench contract: per shop — standard answers (C12), items and stock
// (O5), promotions (C7), rule overrides (P1); per organisation — agents and API tokens. Reads are
// open to everyone who may see the shop; writes need a supervisor or admin (overrides, agents and
// tokens: admin), checked before the body is read. Each write commits with its audit row (A11)
// in app/settings.
import type { FastifyPluginAsync } from 'fastify';
import { orgAdmin, shopEditor } from '../../app/settings/access.js';
import { createAgent, listAgents, newAgentInput, updateAgent, updateAgentInput } from '../../app/settings/agents.js';
import { issueApiToken, listApiTokens, newApiTokenInput, revokeApiToken } from '../../app/settings/api-tokens.js';
import { itemsInput, listItems, saveItems } from '../../app/settings/items.js';
import { listPromotions, promotionsInput, replacePromotions } from '../../app/settings/promotions.js';
import { getRuleOverrides, ruleOverridesEditor, ruleOverridesInput, saveRuleOverrides } from '../../app/settings/rule-overrides.js';
import { setShippingFees, shippingFees } from '../../app/settings/shipping-fees.js';
import { createDisruption, deleteDisruption, listDisruptions, updateDisruption } from '../../app/settings/logistics-disruptions.js';
import { disruptionBody, disruptionParams, type DisruptionsView, type DisruptionView } from '../../core/contract/logistics-disruptions.js';
import { shippingFeesBody, type ShippingFeesView } from '../../core/contract/shipping-fees.js';
import { listStandardAnswers, saveStandardAnswers, standardAnswersInput } from '../../app/settings/standard-answers.js';
import { agentParams, shopParams, tokenParams, type SavedWithWarningsReply } from '../../core/contract/settings.js';
import type { AgentRowView, ApiTokenRowView, ItemView, PromotionView, StandardAnswerView } from '../../core/contract/views.js';
import { principalOf } from '../auth.js';
import type { CreatedIdView, IssuedApiTokenView, RuleOverridesView, UpdatedAgentView } from '../../core/contract/views.js';

type Ok = { ok: true };
type Saved = SavedWithWarningsReply;

const settingsRoutes: FastifyPluginAsync = async (app) => {
  const auth = { preHandler: app.authenticate };
  const deps = () => ({ database: app.ctx.database, bus: app.ctx.bus, now: app.ctx.now() });
  const { database } = app.ctx;

  app.get('/api/v1/shops/:shopId/standard-answers', auth, async (request): Promise<{ items: StandardAnswerView[] }> => {
    const { shopId } = shopParams.parse(request.params);
    return listStandardAnswers(database, principalOf(request), shopId);
  });

  app.put('/api/v1/shops/:shopId/standard-answers', auth, async (request): Promise<Saved> => {
    const { shopId } = shopParams.parse(request.params);
    const p = shopEditor(principalOf(request), shopId);
    const { warnings } = await saveStandardAnswers(deps(), p, shopId, standardAnswersInput.parse(request.body));
    return { ok: true, warnings };
  });

  app.get('/api/v1/shops/:shopId/items', auth, async (request): Promise<{ items: ItemView[] }> => {
    const { shopId } = shopParams.parse(request.params);
    return listItems(database, principalOf(request), shopId);
  });

  app.put('/api/v1/shops/:shopId/items', auth, async (request): Promise<Ok> => {
    const { shopId } = shopParams.parse(request.params);
    const p = shopEditor(principalOf(request), shopId);
    await saveItems(deps(), p, shopId, itemsInput.parse(request.body));
    return { ok: true };
  });

  app.get('/api/v1/shops/:shopId/promotions', auth, async (request): Promise<{ items: PromotionView[] }> => {
    const { shopId } = shopParams.parse(request.params);
    return listPromotions(database, principalOf(request), shopId);
  });

  app.put('/api/v1/shops/:shopId/promotions', auth, async (request): Promise<Saved> => {
    const { shopId } = shopParams.parse(request.params);
    const p = shopEditor(principalOf(request), shopId);
    const { warnings } = await replacePromotions(deps(), p, shopId, promotionsInput.parse(request.body));
    return { ok: true, warnings };
  });

  app.get('/api/v1/shops/:shopId/rule-overrides', auth, async (request): Promise<RuleOverridesView> => {
    const { shopId } = shopParams.parse(request.params);
    return getRuleOverrides(database, principalOf(request), shopId);
  });

  app.put('/api/v1/shops/:shopId/rule-overrides', auth, async (request): Promise<Ok> => {
    const { shopId } = shopParams.parse(request.params);
    const p = ruleOverridesEditor(principalOf(request), shopId);
    await saveRuleOverrides(deps(), p, shopId, ruleOverridesInput.parse(request.body));
    return { ok: true };
  });

  // O6: the shop's own 运费模板; agents may read it, supervisors and admins replace it.
  app.get('/api/v1/shops/:shopId/shipping-fees', auth, async (request): Promise<ShippingFeesView> => {
    const { shopId } = shopParams.parse(request.params);
    return shippingFees(database, principalOf(request), shopId);
  });

  app.put('/api/v1/shops/:shopId/shipping-fees', auth, async (request): Promise<ShippingFeesView> => {
    const { shopId } = shopParams.parse(request.params);
    const p = shopEditor(principalOf(request), shopId);
    return setShippingFees(deps(), p, shopId, shippingFeesBody.parse(request.body));
  });

  // O7: the shop's 物流异常 (weather, epidemic control, promotion backlog …); agents read them,
  // supervisors and admins add, change and remove them.
  app.get('/api/v1/shops/:shopId/logistics-disruptions', auth, async (request): Promise<DisruptionsView> => {
    const { shopId } = shopParams.parse(request.params);
    return listDisruptions(database, principalOf(request), shopId, app.ctx.now());
  });

  app.post('/api/v1/shops/:shopId/logistics-disruptions', auth, async (request, reply) => {
    const { shopId } = shopParams.parse(request.params);
    const p = shopEditor(principalOf(request), shopId);
    const created: DisruptionView = await createDisruption(deps(), p, shopId, disruptionBody.parse(request.body));
    return reply.status(201).send(created);
  });

  app.put('/api/v1/shops/:shopId/logistics-disruptions/:id', auth, async (request): Promise<DisruptionView> => {
    const { shopId, id } = disruptionParams.parse(request.params);
    const p = shopEditor(principalOf(request), shopId);
    return updateDisruption(deps(), p, shopId, id, disruptionBody.parse(request.body));
  });

  app.delete('/api/v1/shops/:shopId/logistics-disruptions/:id', auth, async (request): Promise<Ok> => {
    const { shopId, id } = disruptionParams.parse(request.params);
    const p = shopEditor(principalOf(request), shopId);
    return deleteDisruption(deps(), p, shopId, id);
  });

  app.get('/api/v1/agents', auth, async (request): Promise<{ items: AgentRowView[] }> => listAgents(database, principalOf(request)));

  app.post('/api/v1/agents', auth, async (request, reply) => {
    const p = orgAdmin(principalOf(request));
    const created: CreatedIdView = await createAgent(deps(), p, newAgentInput.parse(request.body));
    return reply.status(201).send(created);
  });

  app.patch('/api/v1/agents/:id', auth, async (request): Promise<UpdatedAgentView> => {
    const p = orgAdmin(principalOf(request));
    const { id } = agentParams.parse(request.params);
    return updateAgent(deps(), p, id, updateAgentInput.parse(request.body));
  });

  app.get('/api/v1/api-tokens', auth, async (request): Promise<{ items: ApiTokenRowView[] }> => listApiTokens(database, principalOf(request)));

  app.post('/api/v1/api-tokens', auth, async (request, reply) => {
    const p = orgAdmin(principalOf(request));
    const created: IssuedApiTokenView = await issueApiToken(deps(), p, newApiTokenInput.parse(request.body));
    return reply.status(201).send(created);
  });

  app.delete('/api/v1/api-tokens/:id', auth, async (request): Promise<Ok> => {
    const p = orgAdmin(principalOf(request));
    const { id } = tokenParams.parse(request.params);
    await revokeApiToken(deps(), p, id);
    return { ok: true };
  });
};
export default settingsRoutes;
