// The bridge's background work in a `dxe serve` process: POST queued replies to shops' callback
// URLs (app/delivery/bridge-outbox.ts), SKIP LOCKED keeping several processes from sending one
// twice. Every process sends the replies it queued itself (nudged, at once, in batches), so two
// processes deliver twice as much as one; the process that runs the loops (TIMERS=on) also polls
// for retries and for rows a stopped process left behind.
import { startDeliveryLoop } from '../../app/delivery/bridge-outbox.js';
import type { BackgroundStarter } from '../../app/runtime/background.js';
import { postJson } from './callback-poster.js';

export const bridgeDeliveryWork: BackgroundStarter = async (ctx, log) =>
  startDeliveryLoop({
    database: ctx.database,
    now: ctx.now,
    post: postJson,
    intervalMs: ctx.config.TIMERS === 'on' ? 1000 : null,
    onError: (err) => log.error({ err }, 'reply delivery failed'),
  });
