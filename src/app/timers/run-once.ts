// One pass of the timer work outside `dxe serve` (cron-style setups, or a check after downtime):
// first the sweeps that give conversations and orders their missing deadline rows, then every row
// due now, batch after batch. Returns how many rows ended in each outcome.
import type { Database } from '../../store/open-database.js';
import { ensureFirstResponseDeadlines } from './first-response.js';
import { ensureOrderDeadlines } from './order-sweep.js';
import { runDueDeadlines, type Fired } from './run-due.js';

export async function runDeadlinesOnce(
  database: Database,
  opts: { now: Date; workerId: string; batch: number },
): Promise<Partial<Record<Fired['outcome'], number>>> {
  await ensureFirstResponseDeadlines(database, opts.now);
  while ((await ensureOrderDeadlines(database, opts.now)) > 0) { /* catch up */ }
  const counts: Partial<Record<Fired['outcome'], number>> = {};
  for (;;) {
    const fired = await runDueDeadlines(database, opts);
    for (const f of fired) counts[f.outcome] = (counts[f.outcome] ?? 0) + 1;
    if (fired.length < opts.batch) break;
  }
  return counts;
}
