// Bridge API (docs/openapi-bridge.yaml): a marketplace bridge posts buyer messages and gets the
// bot's replies (or the hand-over) back; it may poll for later messages (an agent's answers), and
// replies are also POSTed to the shop's callback URL through the outbox when one is configured.
import type { FastifyPluginAsync } from 'fastify';
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { DxeError } from '../../core/errors.js';
import { getDefaultNlu } from '../../core/nlu/index.js';
import { parseShopSettings } from '../../core/bot/shop-settings-schema.js';
import { registerBackground } from '../../app/runtime/background.js';
import { enqueueDeliveries, startDeliveryLoop } from '../../app/delivery/bridge-outbox.js';
import { messagesAfter, type MessageView } from '../../app/conversations/conversations.js';
import { handleInboundMessage } from '../../app/inbound/handle-inbound-message.js';
import { conversations, shops } from '../../store/schema/index.js';
import { assertShop, requireRole } from '../auth.js';

const shopParams = z.object({ shopId: z.string().min(1).max(100) });
const convParams = shopParams.extend({ id: z.string().min(1).max(100) });
const inboundBody = z.object({
  buyer_account_id: z.string().trim().min(1).max(100),
  message_id: z.string().trim().min(1).max(200),
  text: z.string().trim().min(1, '消息内容不能为空').max(2000, '消息过长（最多 2000 字）'),
  sent_at: z.iso.datetime({ offset: true }).optional(),
  /** The item card the buyer is chatting from, when the marketplace shows one. */
  item_id: z.string().trim().min(1).max(200).optional(),
});
const afterQuery = z.object({ after: z.coerce.number().int().min(0).default(0) });

function replyView(m: MessageView) {
  return { id: m.id, seq: m.seq, author: m.authorKind, text: m.text, created_at: m.createdAt };
}

// Deliveries run beside the server in every `dxe serve` process (SKIP LOCKED keeps them single).
// The shared NLU model is trained here at start, not on the first buyer's message (C2: 10 s).
registerBackground(async (ctx, log) => {
  const warm = setTimeout(() => {
    getDefaultNlu();
    log.info('NLU model ready');
  }, 0);
  if (ctx.config.TIMERS !== 'on') return async () => clearTimeout(warm);
  const stop = startDeliveryLoop({
    database: ctx.database,
    now: ctx.now,
    onError: (err) => log.error({ err }, 'reply delivery failed'),
  });
  return async () => {
    clearTimeout(warm);
    await stop();
  };
});

const bridgeRoutes: FastifyPluginAsync = async (app) => {
  const guarded = {
    preHandler: app.authenticate,
    config: { rateLimit: { max: 600, timeWindow: '1 minute' } },
  };

  app.post('/api/v1/shops/:shopId/inbound', guarded, async (request, reply) => {
    const { shopId } = shopParams.parse(request.params);
    requireRole(request, 'integration', 'admin');
    assertShop(request, shopId);
    const body = inboundBody.parse(request.body);
    const now = app.ctx.now();
    const [shop] = await app.ctx.database.db
      .select({ settings: shops.settings })
      .from(shops)
      .where(eq(shops.id, shopId));
    if (!shop) throw new DxeError('NOT_FOUND', '找不到该店铺');
    const callbackUrl = parseShopSettings(shop.settings).bridgeCallbackUrl;
    const result = await handleInboundMessage(
      {
        database: app.ctx.database,
        bus: app.ctx.bus,
        now,
        onEvent: async (event) => {
          if (event.type === 'bot_replies' && callbackUrl) {
            await enqueueDeliveries(
              app.ctx.database,
              shopId,
              callbackUrl,
              event.messages.map((m) => m.id),
              now,
            );
          }
        },
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
    return reply.status(result.duplicate ? 200 : 201).send({
      conversation_id: result.conversationId,
      duplicate: result.duplicate,
      buyer_message: {
        ...replyView(result.buyerMessage),
        intent: result.buyerMessage.intent,
        confidence: result.buyerMessage.confidence,
      },
      replies: result.replies.map(replyView),
      handover: result.handover
        ? { reason: result.handover.reason, reason_zh: result.handover.reasonZh }
        : null,
      stage: result.plan?.stage ?? null,
    });
  });

  app.get(
    '/api/v1/shops/:shopId/conversations/:id/messages',
    { preHandler: app.authenticate },
    async (request) => {
      const { shopId, id } = convParams.parse(request.params);
      requireRole(request, 'integration', 'admin');
      assertShop(request, shopId);
      const { after } = afterQuery.parse(request.query);
      const [c] = await app.ctx.database.db
        .select({ id: conversations.id })
        .from(conversations)
        .where(and(eq(conversations.id, id), eq(conversations.shopId, shopId)));
      if (!c) throw new DxeError('NOT_FOUND', '找不到该会话');
      const rows = await messagesAfter(app.ctx.database, id, after);
      return { messages: rows.map(replyView), last_seq: rows.at(-1)?.seq ?? after };
    },
  );
};
export default bridgeRoutes;
