// Bridge API (docs/openapi-bridge.yaml): a marketplace bridge posts buyer messages and gets the
// bot's replies (or the hand-over) back; it may poll for later messages (an agent's answers), and
// every reply — bot or agent — is also POSTed to the shop's callback URL when one is configured
// (the delivery port queues it; src/channels/bridge sends it).
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { bridgeMessagesAfter } from '../../app/conversations/detail.js';
import type { MessageView } from '../../core/contract/messages.js';
import { handleInboundMessage } from '../../app/inbound/handle-inbound-message.js';
import {
  bridgeAfterQuery as afterQuery,
  bridgeConversationParams as convParams,
  bridgeInboundBody as inboundBody,
  bridgeShopParams as shopParams,
  type BridgeInboundReply,
  type BridgeMessage,
  type BridgeMessagesReply,
} from '../../core/contract/bridge.js';
import { assertShop, bearerTokenHash, requireRole } from '../auth.js';


function replyView(m: MessageView): BridgeMessage {
  return { id: m.id, seq: m.seq, author: m.authorKind, text: m.text, created_at: m.createdAt };
}

/**
 * The rate-limit key: the caller's bearer token (hashed, never kept in clear; the same hash
 * authentication then looks up), else its address.
 */
function tokenKey(request: FastifyRequest): string {
  const hash = bearerTokenHash(request);
  return hash ? `t:${hash.slice(0, 32)}` : `ip:${request.ip}`;
}

const bridgeRoutes: FastifyPluginAsync = async (app) => {
  const guarded = {
    preHandler: app.authenticate,
    config: { rateLimit: { max: app.ctx.config.BRIDGE_RATE_PER_MINUTE, timeWindow: '1 minute', keyGenerator: tokenKey } },
  };

  app.post('/api/v1/shops/:shopId/inbound', guarded, async (request, reply) => {
    const { shopId } = shopParams.parse(request.params);
    requireRole(request, 'integration', 'admin');
    assertShop(request, shopId);
    const body = inboundBody.parse(request.body);
    const result = await handleInboundMessage(
      {
        database: app.ctx.database,
        bus: app.ctx.bus,
        now: app.ctx.now(),
        onPublishError: (err) => request.log.warn({ err }, 'event not published yet; the outbox retries'),
      },
      {
        shopId,
        buyerAccountId: body.buyer_account_id,
        channel: 'bridge',
        messageId: body.message_id,
        text: body.text,
        ...(body.sent_at ? { sentAt: new Date(body.sent_at) } : {}),
        ...(body.item_id ? { itemId: body.item_id } : {}),
      },
    );
    const view: BridgeInboundReply = {
      conversation_id: result.conversationId,
      duplicate: result.duplicate,
      buyer_message: {
        ...replyView(result.buyerMessage),
        intent: result.buyerMessage.intent,
        confidence: result.buyerMessage.confidence,
      },
      replies: result.replies.map(replyView),
      handover: result.handover ? { reason: result.handover.reason, reason_zh: result.handover.reasonZh } : null,
      stage: result.plan?.stage ?? null,
    };
    return reply.status(result.duplicate ? 200 : 201).send(view);
  });

  app.get('/api/v1/shops/:shopId/conversations/:id/messages', { preHandler: app.authenticate }, async (request): Promise<BridgeMessagesReply> => {
    const { shopId, id } = convParams.parse(request.params);
    requireRole(request, 'integration', 'admin');
    assertShop(request, shopId);
    const { after } = afterQuery.parse(request.query);
    const rows = await bridgeMessagesAfter(app.ctx.database, shopId, id, after);
    return { messages: rows.map(replyView), last_seq: rows.at(-1)?.seq ?? after };
  });
};
export default bridgeRoutes;
