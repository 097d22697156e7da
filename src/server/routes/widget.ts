// The web-chat widget channel: the embeddable script, a demo shop page, and the buyer socket.
// Public (buyers have no account); a shop id that does not exist is refused with a clear Chinese
// message, and the socket is closed with a 44xx code so the widget stops retrying.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyPluginAsync } from 'fastify';
import { publicShop } from '../../app/conversations/visitor.js';
import { handleInboundMessage } from '../../app/inbound/handle-inbound-message.js';
import { widgetShopParams as shopParams, widgetSocketQuery as wsQuery } from '../../core/contract/widget.js';
import { createWidgetHub, VISITOR_ID, type Sock } from '../../channels/widget/buyer-socket.js';

const WIDGET_DIR = join(dirname(fileURLToPath(import.meta.url)), '../../channels/widget');

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

const widgetRoutes: FastifyPluginAsync = async (app) => {
  const script = readFileSync(join(WIDGET_DIR, 'widget.js'), 'utf8');
  const demo = readFileSync(join(WIDGET_DIR, 'demo.html'), 'utf8');
  const hub = createWidgetHub({
    database: app.ctx.database,
    bus: app.ctx.bus,
    log: app.log,
    messagesPerAddress: app.ctx.config.WIDGET_MESSAGES_PER_ADDRESS,
    inbound: async (input) => {
      const result = await handleInboundMessage(
        { database: app.ctx.database, bus: app.ctx.bus, now: app.ctx.now() },
        {
          shopId: input.shopId, buyerAccountId: input.buyerAccount, channel: 'widget', messageId: input.channelMessageId, text: input.text,
          ...(input.itemId ? { itemId: input.itemId } : {}),
        },
      );
      return { conversationId: result.conversationId };
    },
  });
  app.addHook('preClose', async () => hub.close());

  const findShop = (shopId: string) => publicShop(app.ctx.database, shopId);

  app.get('/widget/widget.js', async (_request, reply) =>
    reply.type('application/javascript; charset=utf-8').header('cache-control', 'public, max-age=300').send(script));

  app.get('/widget/:shopId/demo', async (request, reply) => {
    const { shopId } = shopParams.parse(request.params);
    const shop = await findShop(shopId);
    if (!shop) {
      return reply.status(404).type('text/html; charset=utf-8')
        .send('<!doctype html><meta charset="utf-8"><title>店铺不存在</title><p>店铺不存在，请检查链接。</p>');
    }
    const page = demo.replaceAll('{{shopName}}', escapeHtml(shop.name)).replaceAll('{{shopId}}', escapeHtml(shop.id));
    return reply.type('text/html; charset=utf-8').send(page);
  });

  app.get('/widget/:shopId/ws', { websocket: true }, (socket: Sock, request) => {
    const params = shopParams.safeParse(request.params);
    const query = wsQuery.safeParse(request.query);
    const visitor = query.success ? query.data.visitor : undefined;
    const refuse = (code: number, errorCode: string, message: string) => {
      socket.send(JSON.stringify({ type: 'error', code: errorCode, message }));
      socket.close(code, errorCode);
    };
    if (!params.success) return refuse(4404, 'NOT_FOUND', '店铺不存在');
    if (!visitor || !VISITOR_ID.test(visitor)) return refuse(4400, 'VALIDATION_FAILED', '访客编号无效，请刷新页面');
    // Frames that arrive while the shop is looked up are kept and handled once attached.
    let early: unknown[] | null = [];
    socket.on('message', (d) => early?.push(d));
    void findShop(params.data.shopId).then(async (shop) => {
      if (!shop) return refuse(4404, 'NOT_FOUND', '店铺不存在或已停用');
      const replay = early ?? [];
      early = null;
      await hub.attach(socket, shop, visitor, replay, request.ip);
    }).catch((err: unknown) => {
      request.log.error({ err }, 'widget socket failed');
      refuse(1011, 'INTERNAL', '客服系统暂时不可用，请稍后再试');
    });
  });
};
export default widgetRoutes;
