import type { FastifyPluginAsync } from 'fastify';
import type { z } from 'zod';
import type { healthReply } from '../../core/contract/routes.js';

const health: FastifyPluginAsync = async (app) => {
  app.get('/health', async (): Promise<z.infer<typeof healthReply>> => {
    await app.ctx.database.query('select 1');
    return { status: 'ok', database: app.ctx.database.kind, time: app.ctx.now().toISOString() };
  });
};
export default health;
