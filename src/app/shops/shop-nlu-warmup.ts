// Background work of a `dxe serve` process (app/runtime/background.ts): shops with examples of
// their own get their model at start, not on their first buyer's message, and training failures
// are reported to the process's logger. A shop whose training fails keeps the shared model.
import { trainingExamples } from '../../store/schema/index.js';
import type { AppContext, Log } from '../runtime/context.js';
import { setTrainingLimits } from './nlu-training-thread.js';
import { refreshShopNlu, setShopNluLog } from './shop-nlu.js';

export async function startShopNluWarmup(ctx: AppContext, log: Log): Promise<() => Promise<void>> {
  setShopNluLog(log);
  setTrainingLimits({ memoryMb: ctx.config.NLU_TRAIN_MEMORY_MB });
  let stopped = false;
  const warm = (async () => {
    const rows = await ctx.database.db.selectDistinct({ shopId: trainingExamples.shopId }).from(trainingExamples);
    for (const { shopId } of rows) {
      if (stopped) return;
      try {
        await refreshShopNlu(ctx.database, shopId);
        log.info({ shopId }, 'shop NLU model ready');
      } catch (err) {
        log.error({ err, shopId }, 'shop NLU warm-up failed for this shop');
      }
    }
  })().catch((err: unknown) => log.error({ err }, 'shop NLU warm-up failed'));
  return async () => {
    stopped = true;
    await warm;
    setShopNluLog(null);
  };
}
