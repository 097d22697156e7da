// The bridge's background work in a `dxe serve` process: POST queued replies to shops' callback
// URLs (app/delivery/bridge-outbox.ts), SKIP LOCKED keeping several processes from sending one twice.
import { startDeliveryLoop } from '../../app/delivery/bridge-outbox.js';
import type { BackgroundStarter } from '../../app/runtime/background.js';
import { postJson } from './callback-poster.js';

export const bridgeDeliveryWork: BackgroundStarter = async (ctx, log) => {
  if (ctx.config.TIMERS !== 'on') return async () => {};
  return startDeliveryLoop({
    database: ctx.database,
    now: ctx.now,
    post: postJson,
    onError: (err) => log.error({ err }, 'reply delivery failed'),
  });
};
