// `dxe deadlines run --once`: one pass of the timer loop from the command line (cron-style setups
// or a check after downtime); `dxe deadlines list` shows what is open. The loop itself runs inside
// `dxe serve` (TIMERS=on).
import type { Command } from 'commander';

export function register(program: Command): void {
  const cmd = program.command('deadlines').description('时限（发货、首次响应、平台介入等） deadlines');

  cmd
    .command('run')
    .description('处理到期的时限 handle due deadlines')
    .option('--once', '处理完当前到期的就退出 handle what is due now and exit', true)
    .option('--batch <n>', '每批条数 rows per batch', '500')
    .action(async (opts: { batch: string }) => {
      const { loadConfig } = await import('../../config.js');
      const { openConfiguredDatabase } = await import('../../app/runtime/open-runtime.js');
      const { runDeadlinesOnce } = await import('../../app/timers/run-once.js');
      const batch = Math.max(1, Math.min(10_000, Number.parseInt(opts.batch, 10) || 500));
      const database = await openConfiguredDatabase(loadConfig());
      try {
        const counts = await runDeadlinesOnce(database, { now: new Date(), workerId: `cli-${process.pid}`, batch });
        const zh: Record<string, string> = { warned: '预警', missed: '超时', done: '已完成', cancelled: '已取消' };
        const parts = Object.entries(counts).map(([k, n]) => `${zh[k] ?? k} ${n}`);
        process.stdout.write(`已处理到期时限 handled: ${parts.length ? parts.join('，') : '无'}\n`);
      } finally {
        await database.close();
      }
    });

  cmd
    .command('list')
    .description('列出未到期的时限 list open deadlines')
    .option('--limit <n>', '条数 rows', '50')
    .action(async (opts: { limit: string }) => {
      const { loadConfig } = await import('../../config.js');
      const { openConfiguredDatabase } = await import('../../app/runtime/open-runtime.js');
      const { openDeadlines } = await import('../../app/timers/open-deadlines.js');
      const database = await openConfiguredDatabase(loadConfig());
      try {
        const limit = Math.max(1, Math.min(10_000, Number.parseInt(opts.limit, 10) || 50));
        for (const v of await openDeadlines(database, limit, new Date())) {
          process.stdout.write(`${v.dueAt}  ${v.labelZh.padEnd(8, '　')} ${v.subjectKind}:${v.subjectId}  ${v.state}  ${v.secondsLeft}s\n`);
        }
      } finally {
        await database.close();
      }
    });
}
