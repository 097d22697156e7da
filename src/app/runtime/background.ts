// Work a `dxe serve` process runs beside the HTTP server: the deadline timer loop, the shops'
// intent models (trained at start, failures logged) and the reply delivery outbox. Each part
// registers here; every one must stop cleanly on shutdown.
import type { AppContext, Log } from './context.js';
import { startTimerLoop } from '../timers/loop.js';
import { startShopNluWarmup } from '../shops/shop-nlu-warmup.js';

export type BackgroundStarter = (ctx: AppContext, log: Log) => Promise<() => Promise<void>>;

const starters: BackgroundStarter[] = [];

export function registerBackground(starter: BackgroundStarter): void {
  starters.push(starter);
}

/** DESIGN convention 5: the timer loop, on in every process unless TIMERS=off. */
const startTimers: BackgroundStarter = async (ctx, log) => {
  if (ctx.config.TIMERS !== 'on') return async () => {};
  const loop = startTimerLoop({
    database: ctx.database,
    bus: ctx.bus,
    now: ctx.now,
    intervalMs: 250,
    onFired: (fired) => log.debug({ count: fired.length }, 'deadlines handled'),
    onError: (err) => log.error({ err }, 'timer loop step failed'),
  });
  log.info({ workerId: loop.workerId }, 'timer loop started');
  return () => loop.stop();
};

export async function startBackgroundWork(ctx: AppContext, log: Log): Promise<() => Promise<void>> {
  const stops: (() => Promise<void>)[] = [];
  for (const start of [startTimers, startShopNluWarmup, ...starters]) stops.push(await start(ctx, log));
  return async () => {
    for (const stop of stops.reverse()) await stop();
  };
}
