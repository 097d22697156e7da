// Work a `dxe serve` process runs beside the HTTP server: the deadline timer loop and the reply
// delivery outbox. Each part registers here; every one must stop cleanly on shutdown.
import type { FastifyBaseLogger } from 'fastify';
import type { AppContext } from '../server/app.js';

export type BackgroundStarter = (ctx: AppContext, log: FastifyBaseLogger) => Promise<() => Promise<void>>;

const starters: BackgroundStarter[] = [];

export function registerBackground(starter: BackgroundStarter): void {
  starters.push(starter);
}

export async function startBackgroundWork(ctx: AppContext, log: FastifyBaseLogger): Promise<() => Promise<void>> {
  const stops: (() => Promise<void>)[] = [];
  for (const start of starters) stops.push(await start(ctx, log));
  return async () => {
    for (const stop of stops.reverse()) await stop();
  };
}
