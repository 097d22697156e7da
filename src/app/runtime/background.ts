// Work a `dxe serve` process runs beside the HTTP server, each part stopping cleanly on shutdown:
// - the deadline timer loop (DESIGN convention 5);
// - the inbound sweep that resumes buyer messages a crash or an outage left unanswered;
// - the event outbox retry loop, when events cross a remote bus (Redis);
// - warming the shipped intent model and the shops' own models at start, not on the first
//   buyer's message (C2: 10 s), training failures logged;
// - work the edges add (the bridge's reply delivery, which needs the edge's HTTP client), passed
//   in by the command that composes the process, and work app modules register.
// - signing the audit chain every AUDIT_CHECKPOINT_MINUTES when AUDIT_CHECKPOINT_KEY is set
//   (issue 10), each checkpoint also written to the log as a copy outside the database.
// TIMERS=off turns the loops off in this process (another process runs them).
import { getDefaultNlu } from '../../core/nlu/index.js';
import { writeCheckpoint } from '../audit/checkpoints.js';
import { startPresenceLoop } from '../auth/presence.js';
import { startOutboxLoop } from '../events/outbox.js';
import { endOrphanLeases } from '../inbound/inbound-store.js';
import { startResumeLoop } from '../inbound/resume.js';
import { followShopChanges } from '../shops/shop-context.js';
import { startShopNluWarmup } from '../shops/shop-nlu-warmup.js';
import { startTimerLoop } from '../timers/loop.js';
import { secretBoxFor } from './secret-box.js';
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
    secrets: secretBoxFor(ctx.config),
    onFired: (fired) => log.debug({ count: fired.length }, 'deadlines handled'),
    onError: (err) => log.error({ err }, 'timer loop step failed'),
  });
  log.debug({ workerId: loop.workerId }, 'timer loop started');
  return () => loop.stop();
};

const startResume: BackgroundStarter = async (ctx, log) => {
  if (ctx.config.TIMERS !== 'on') return async () => {};
  if (ctx.database.kind === 'pglite') {
    // One process per embedded folder: leases from before this process started are orphans.
    const ended = await endOrphanLeases(ctx.database, ctx.now(), new Date(performance.timeOrigin)).catch((err: unknown) => {
      log.error({ err }, 'ending the leases of a previous process failed');
      return 0;
    });
    if (ended > 0) log.info({ ended }, 'buyer messages left by a stopped process are resumed now');
  }
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

const auditCheckpoints: BackgroundStarter = async (ctx, log) => {
  const key = ctx.config.AUDIT_CHECKPOINT_KEY;
  if (ctx.config.TIMERS !== 'on') return async () => {};
  if (!key) {
    log.warn({}, 'AUDIT_CHECKPOINT_KEY is not set: the audit chain is not anchored (dxe audit verify cannot detect a recomputed chain)');
    return async () => {};
  }
  let running: Promise<void> = Promise.resolve();
  const step = () => {
    running = running
      .then(async () => {
        const c = await writeCheckpoint(ctx.database, key, ctx.now());
        if (c) log.info({ auditCheckpoint: { id: c.id, at: c.at.toISOString(), lastId: c.lastId, lastHash: c.lastHash, rowCount: c.rowCount, signature: c.signature } }, 'audit checkpoint signed');
      })
      .catch((err: unknown) => log.error({ err }, 'audit checkpoint failed'));
  };
  step();
  const timer = setInterval(step, ctx.config.AUDIT_CHECKPOINT_MINUTES * 60_000);
  timer.unref();
  return async () => {
    clearInterval(timer);
    step(); // a last checkpoint on a clean stop anchors what this run appended
    await running;
  };
};

const warmNlu: BackgroundStarter = async (_ctx, log) => {
  const warm = setTimeout(() => {
    getDefaultNlu();
    log.info('NLU model ready');
  }, 0);
  return async () => clearTimeout(warm);
};

/** C17: presence re-derived from activity every 30 s; re-queues and alerts follow (app/auth/presence.ts). */
const presenceSweep: BackgroundStarter = async (ctx, log) => {
  if (ctx.config.TIMERS !== 'on') return async () => {};
  return startPresenceLoop({
    deps: () => ({ database: ctx.database, bus: ctx.bus, now: ctx.now() }),
    intervalMs: 30_000,
    onError: (err) => log.error({ err }, 'presence sweep failed'),
  });
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
  for (const start of [startTimers, startResume, startOutbox, auditCheckpoints, warmNlu, startShopNluWarmup, followShops, presenceSweep, ...starters, ...edgeWork]) {
    stops.push(await start(ctx, log));
  }
  return async () => {
    for (const stop of stops.reverse()) await stop();
  };
}
