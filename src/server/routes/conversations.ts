// Conversations API (docs/api-workbench.md): the C2 queue, detail with masked buyer data, the
// take / handback / escalate (C18) / close actions and agent replies through the guard.
import type { FastifyPluginAsync } from 'fastify';
import { closeConversation, escalate, handBack, takeConversation } from '../../app/conversations/actions.js';
import { conversationDetail, scopedMessagesAfter } from '../../app/conversations/detail.js';
import { listConversations } from '../../app/conversations/views.js';
import { sendReply } from '../../app/conversations/send-reply.js';
import { settlePromise } from '../../app/timers/promise-deadlines.js';
import { DxeError } from '../../core/errors.js';
import {
  agentReplyBody,
  conversationIdParams as idParams,
  conversationListQuery as listQuery,
  escalateBody,
  promiseIdParams,
  settlePromiseBody,
  messagesAfterQuery as afterQuery,
} from '../../core/contract/conversations.js';
import type { ConversationSummary } from '../../core/contract/conversations.js';
import type { MessageView } from '../../core/contract/messages.js';
import type { AgentReplyResult, ConversationActionReply as ConversationReply, ConversationDetailView } from '../../core/contract/views.js';
import { mayseePersonalData, principalOf } from '../auth.js';
import type { SettledPromiseView } from '../../core/contract/views.js';

const conversationRoutes: FastifyPluginAsync = async (app) => {
  const deps = () => ({ database: app.ctx.database, bus: app.ctx.bus, now: app.ctx.now() });
  const auth = { preHandler: app.authenticate };

  app.get('/api/v1/conversations', auth, async (request): Promise<{ items: ConversationSummary[] }> => {
    const q = listQuery.parse(request.query);
    return { items: await listConversations(app.ctx.database, principalOf(request), q, app.ctx.now()) };
  });

  app.get('/api/v1/conversations/:id', auth, async (request): Promise<ConversationDetailView> => {
    const { id } = idParams.parse(request.params);
    const p = principalOf(request);
    return conversationDetail(app.ctx.database, p, id, app.ctx.now(), mayseePersonalData(p));
  });

  app.get('/api/v1/conversations/:id/messages', auth, async (request): Promise<{ messages: MessageView[] }> => {
    const { id } = idParams.parse(request.params);
    const { afterSeq } = afterQuery.parse(request.query);
    return { messages: await scopedMessagesAfter(app.ctx.database, principalOf(request), id, afterSeq) };
  });

  app.post('/api/v1/conversations/:id/take', auth, async (request): Promise<ConversationReply> => {
    const { id } = idParams.parse(request.params);
    return { conversation: await takeConversation(deps(), principalOf(request), id) };
  });

  app.post('/api/v1/conversations/:id/handback', auth, async (request): Promise<ConversationReply> => {
    const { id } = idParams.parse(request.params);
    return { conversation: await handBack(deps(), principalOf(request), id) };
  });

  app.post('/api/v1/conversations/:id/escalate', auth, async (request): Promise<ConversationReply> => {
    const { id } = idParams.parse(request.params);
    const { note } = escalateBody.parse(request.body ?? {});
    return { conversation: await escalate(deps(), principalOf(request), id, note) };
  });

  // D8: an agent marks a promise made in chat kept or broken (what no order event can show).
  app.post('/api/v1/promises/:id/settle', auth, async (request): Promise<SettledPromiseView> => {
    const { id } = promiseIdParams.parse(request.params);
    const body = settlePromiseBody.parse(request.body ?? {});
    const row = await settlePromise(deps(), principalOf(request), { promiseId: id, state: body.state, ...(body.note ? { note: body.note } : {}) });
    return { promise: { id: row.id, state: row.state, settledAt: row.settledAt?.toISOString() ?? null, settledNote: row.settledNote } };
  });

  app.post('/api/v1/conversations/:id/close', auth, async (request): Promise<ConversationReply> => {
    const { id } = idParams.parse(request.params);
    return { conversation: await closeConversation(deps(), principalOf(request), id) };
  });

  app.post('/api/v1/conversations/:id/messages', auth, async (request, reply) => {
    const { id } = idParams.parse(request.params);
    const body = agentReplyBody.parse(request.body);
    const p = principalOf(request);
    if (!p.agentId) throw new DxeError('FORBIDDEN', '只有客服账号可以发送回复');
    const result: AgentReplyResult = await sendReply({ ...deps(), onPublishError: (err) => request.log.error({ err }, 'reply stored but not pushed') }, {
      conversationId: id,
      text: body.text,
      author: { kind: 'agent', id: p.agentId },
      principal: p,
      override: body.override,
    });
    return reply.status(201).send(result);
  });
};
export default conversationRoutes;
