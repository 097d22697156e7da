// `dxe serve`, `dxe migrate`, `dxe demo` and `dxe start` (= migrate + demo-if-empty + serve).
import type { Command } from 'commander';

interface ServeOptions {
  port?: string;
  host?: string;
}

async function serve(opts: ServeOptions & { demoIfEmpty?: boolean }): Promise<void> {
  const started = Date.now();
  const { loadConfig } = await import('../../config.js');
  const config = loadConfig({
    ...process.env,
    ...(opts.port ? { PORT: opts.port } : {}),
    ...(opts.host ? { HOST: opts.host } : {}),
  });
  const { openConfiguredDatabase, openConfiguredBus } = await import('../../app/runtime/open-runtime.js');
  const database = await openConfiguredDatabase(config, { serving: true });
  let demo: Awaited<ReturnType<typeof import('../../app/demo/seed-demo.js').seedDemo>> | null = null;
  if (opts.demoIfEmpty) {
    const { isEmpty, seedDemo } = await import('../../app/demo/seed-demo.js');
    if (await isEmpty(database)) demo = await seedDemo(database, new Date());
  }
  let bus: Awaited<ReturnType<typeof openConfiguredBus>>;
  try {
    bus = await openConfiguredBus(config, database);
  } catch (err) {
    // Fail fast (issue 10): release the database so the process ends with the error.
    await database.close();
    throw err;
  }
  const { buildApp } = await import('../../server/app.js');
  const { newLocalToken, writeServerFile } = await import('../../app/runtime/local-server.js');
  // On an embedded folder, other `dxe` commands reach the data through this server (issue 10).
  const localToken = database.kind === 'pglite' ? newLocalToken() : undefined;
  const app = await buildApp({ database, config, bus, ...(localToken ? { localToken } : {}) });
  const { startBackgroundWork } = await import('../../app/runtime/background.js');
  const { bridgeDeliveryWork } = await import('../../channels/bridge/background.js');
  const stopBackground = await startBackgroundWork(app.ctx, app.log, [bridgeDeliveryWork]);
  const address = await app.listen({ port: config.PORT, host: config.HOST });
  let removeServerFile = () => {};
  if (localToken) {
    const port = (app.server.address() as import('node:net').AddressInfo).port;
    removeServerFile = writeServerFile(config.DATA_DIR, { url: `http://127.0.0.1:${port}`, pid: process.pid, token: localToken });
  }

  const { DEMO_PASSWORD } = await import('../../app/demo/seed-demo.js');
  const lines = [
    '',
    `店小二 dianxiaoer 已启动 / is running: ${address}`,
    `  数据库 database: ${database.kind === 'pglite' ? `PGlite (${config.DATA_DIR})` : 'PostgreSQL'}${config.REDIS_URL ? ' + Redis' : ''}`,
    `  工作台 workbench: ${address}/`,
    `  演示账号 demo login: agent1 / ${DEMO_PASSWORD}  (主管 supervisor / ${DEMO_PASSWORD}, 店长 admin / ${DEMO_PASSWORD})`,
    demo ? `  已创建演示店铺 demo shops: ${demo.shops.map((s) => `${s.name} (${s.platform}, ${s.id})`).join('; ')}` : '',
    demo ? `  买家聊天窗口 web-chat widget demo: ${address}/widget/${demo.shops[0]!.id}/demo` : '',
    `  启动用时 ready in ${((Date.now() - started) / 1000).toFixed(1)} s`,
    '',
  ].filter((l) => l !== '');
  process.stdout.write(`${lines.join('\n')}\n`);

  const shutdown = async () => {
    removeServerFile();
    await stopBackground();
    await app.close();
    await bus.close();
    await database.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown());
  process.once('SIGTERM', () => void shutdown());
}

export function register(program: Command): void {
  program
    .command('serve')
    .description('启动服务 start the server')
    .option('-p, --port <port>', '端口 port (PORT)')
    .option('--host <host>', '监听地址 host (HOST)')
    .action((opts: ServeOptions) => serve(opts));

  program
    .command('start')
    .description('迁移数据库、空库时创建演示店铺并启动服务 migrate, seed the demo if empty, serve')
    .option('-p, --port <port>', '端口 port (PORT)')
    .option('--host <host>', '监听地址 host (HOST)')
    .action((opts: ServeOptions) => serve({ ...opts, demoIfEmpty: true }));

  program
    .command('migrate')
    .description('执行数据库迁移（可重复执行） apply database migrations (safe to re-run)')
    .action(async () => {
      const { loadConfig } = await import('../../config.js');
      const { openConfiguredDatabase } = await import('../../app/runtime/open-runtime.js');
      const database = await openConfiguredDatabase(loadConfig());
      await database.close();
      process.stdout.write(`数据库迁移完成 migrations applied (${database.kind})\n`);
    });

  program
    .command('demo')
    .description('创建演示组织与店铺 create the demo organisation and shops')
    .option('--force', '库中已有数据时仍然创建 seed even if the database is not empty')
    .action(async (opts: { force?: boolean }) => {
      const { loadConfig } = await import('../../config.js');
      const { openConfiguredDatabase } = await import('../../app/runtime/open-runtime.js');
      const { isEmpty, seedDemo, DEMO_PASSWORD } = await import('../../app/demo/seed-demo.js');
      const { DxeError } = await import('../../core/errors.js');
      const database = await openConfiguredDatabase(loadConfig());
      try {
        if (!opts.force && !(await isEmpty(database))) {
          throw new DxeError('CONFLICT', '数据库中已有数据，未创建演示店铺（如需强制创建请加 --force）');
        }
        const demo = await seedDemo(database, new Date());
        process.stdout.write(
          `${JSON.stringify({ ...demo, password: DEMO_PASSWORD }, null, 2)}\n`,
        );
      } finally {
        await database.close();
      }
    });
}
