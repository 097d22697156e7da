// The local API a `dxe` command on the same machine uses while this server owns an embedded data
// folder (issue 10, critical 2): `dxe import orders` and `dxe chat` come here instead of opening
// the folder a second time. Only a loopback peer presenting the server's local token (written
// 0600 into DATA_DIR/server.json by `dxe serve`) is served; without a token configured the routes
// answer 404. The socket's own address is checked, never X-Forwarded-For.
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { DxeError } from '../../core/errors.js';
import { findImportShop, importOrders, importSummary } from '../../app/orders/import-orders.js';
import { terminalChatItem, terminalChatSend, terminalChatShop } from '../../app/inbound/terminal-chat.js';
import { localTokenMatches } from '../../app/runtime/local-server.js';
import { verifyAudit, writeCheckpoint } from '../../app/audit/checkpoints.js';
import { openOrderImport } from '../../channels/order-files/open-import.js';

import { localChatItemBody, localChatSendBody, localChatShopBody, localImportBody } from '../../core/contract/local.js';
import type { LocalAuditReportReply, LocalChatItemReply, LocalChatShopReply, LocalChatTurnReply, LocalImportReply } from '../../core/contract/local.js';

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);


const localRoutes: FastifyPluginAsync = async (app) => {
  const local = async (request: FastifyRequest) => {
    if (!app.localToken) throw new DxeError('NOT_FOUND');
    const header = request.headers.authorization;
    const presented = header?.startsWith('Bearer ') ? header.slice(7).trim() : null;
    if (!LOOPBACK.has(request.socket.remoteAddress ?? '') || !localTokenMatches(app.localToken, presented)) {
      throw new DxeError('UNAUTHENTICATED', '本地接口只接受本机 dxe 命令的调用');
    }
  };

  app.post('/api/v1/local/import-orders', { preHandler: local }, async (request): Promise<LocalImportReply> => {
    const b = localImportBody.parse(request.body);
    const { database } = app.ctx;
    // No shop is created here: a refused file must leave nothing behind (importOrders creates it with the first rows).
    const shopId = await findImportShop(database, b.platform, b.shop);
    const source = await openOrderImport({ platform: b.platform, filePath: b.file, ...(b.format ? { format: b.format } : {}) });
    const result = await importOrders(database, { shopId, source });
    return importSummary(result);
  });

  // `dxe audit verify` / `dxe audit checkpoint` beside a running server (the key is the server's).
  app.post('/api/v1/local/audit/verify', { preHandler: local }, async (): Promise<LocalAuditReportReply> => verifyAudit(app.ctx.database, app.ctx.config.AUDIT_CHECKPOINT_KEY));
  app.post('/api/v1/local/audit/checkpoint', { preHandler: local }, async () => {
    const key = app.ctx.config.AUDIT_CHECKPOINT_KEY;
    if (!key) throw new DxeError('CONFIG_INVALID', '未配置 AUDIT_CHECKPOINT_KEY，无法签名检查点');
    return { checkpoint: await writeCheckpoint(app.ctx.database, key, app.ctx.now()) };
  });

  app.post('/api/v1/local/chat/shop', { preHandler: local }, async (request): Promise<LocalChatShopReply> => {
    const b = localChatShopBody.parse(request.body);
    return terminalChatShop(app.ctx.database, b.shopId);
  });

  app.post('/api/v1/local/chat/item', { preHandler: local }, async (request): Promise<LocalChatItemReply> => {
    const b = localChatItemBody.parse(request.body);
    return { item: await terminalChatItem(app.ctx.database, b.shopId, b.ref) };
  });

  app.post('/api/v1/local/chat/send', { preHandler: local }, async (request): Promise<LocalChatTurnReply> => {
    const b = localChatSendBody.parse(request.body);
    return terminalChatSend({ database: app.ctx.database, bus: app.ctx.bus, now: app.ctx.now() }, b);
  });
};
export default localRoutes;
