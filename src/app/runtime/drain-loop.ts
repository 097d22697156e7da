// A background loop of a `dxe serve` process: every interval it runs a step again and again while
// the step reports work done (a batch), one round at a time (a slow round is never overlapped by
// the next). A failing round goes to onError and the loop goes on at the next interval, keeping
// the last good state (DEVELOPERS: background work catches its failures). Returns a stop function
// that waits for the round in progress.
export function startDrainLoop(step: () => Promise<number>, opts: { intervalMs: number; onError?: ((err: unknown) => void) | undefined }): () => Promise<void> {
  let stopped = false;
  let running: Promise<unknown> = Promise.resolve();
  const timer = setInterval(() => {
    if (stopped) return;
    running = running
      .then(async () => {
        while (!stopped && (await step()) > 0);
      })
      .catch((err: unknown) => opts.onError?.(err));
  }, opts.intervalMs);
  timer.unref();
  return async () => {
    stopped = true;
    clearInterval(timer);
    await running;
  };
}
