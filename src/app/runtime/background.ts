// Work a `dxe serve` process runs beside the HTTP server, each part stopping cleanly on shutdown:
// - the deadline timer loop (DESIGN convention 5);
// - the inbound sweep that resumes buyer messages a crash or an outage left unanswered;
// - the event outbox retry loop, when events cross a remote bus (Redis);
// - warming the shipped intent model and the shops' own models at start, not on the first
//   buyer's message (C2: 10 s), training failures logged;
// - work the edges add (the bridge's reply delivery, which needs the edge's HTTP client), passed
//   in by the command that composes the process, and work app modules register.
// TIMERS=off turns the loops off in this process (another process runs them).
import { getDefaultNlu } from '../../core/nlu/index.js';
import { startOutboxLoop } from '../events/outbox.js';
import { startResumeLoop } from '../inbound/resume.js';
import { followShopChanges } from '../shops/shop-context.js';
import { startShopNluWarmup } from '../shops/shop-nlu-warmup.js';
import { startTimerLoop } from '../timers/loop.js';
import type { AppContext, Log } from './context.js';

export type BackgroundStarter = (ctx: AppContext, log: Log) => Promise<() => Promise<void>>;

const starters: BackgroundStarter[] = [];

export function registerBackground(starter: BackgroundStarter): void {
  starters.push(starter);
}

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

const startResume: BackgroundStarter = async (ctx, log) => {
  if (ctx.config.TIMERS !== 'on') return async () => {};
  return startResumeLoop({
    database: ctx.database,
    bus: ctx.bus,
    now: ctx.now,
    onError: (err, message) => log.error({ err, messageId: message.id }, 'resuming a buyer message failed'),
    onLoopError: (err) => log.error({ err }, 'inbound sweep failed'),
  });
};

const startOutbox: BackgroundStarter = async (ctx, log) => {
  if (!ctx.bus.remote) return async () => {};
  return startOutboxLoop({
    database: ctx.database,
    bus: ctx.bus,
    now: ctx.now,
    onError: (err) => log.warn({ err }, 'event outbox: publishing failed, will retry'),
  });
};

const warmNlu: BackgroundStarter = async (_ctx, log) => {
  const warm = setTimeout(() => {
    getDefaultNlu();
    log.info('NLU model ready');
  }, 0);
  return async () => clearTimeout(warm);
};

/** Every process drops its cached view of a shop when any process changes the shop. */
const followShops: BackgroundStarter = async (ctx) => {
  const off = followShopChanges(ctx.database, ctx.bus);
  return async () => off();
};

export async function startBackgroundWork(
  ctx: AppContext,
  log: Log,
  edgeWork: BackgroundStarter[] = [],
): Promise<() => Promise<void>> {
  const stops: (() => Promise<void>)[] = [];
  for (const start of [startTimers, startResume, startOutbox, warmNlu, startShopNluWarmup, followShops, ...starters, ...edgeWork]) {
    stops.push(await start(ctx, log));
  }
  return async () => {
    for (const stop of stops.reverse()) await stop();
  };
}
