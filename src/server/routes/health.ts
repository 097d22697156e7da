import type { FastifyPluginAsync } from 'fastify';

const health: FastifyPluginAsync = async (app) => {
  app.get('/health', async () => {
    await app.ctx.database.query('select 1');
    return { status: 'ok', database: app.ctx.database.kind, time: app.ctx.now().toISOString() };
  });
};
export default health;
