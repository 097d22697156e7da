// `dxe import reviews FILE --platform P [--shop ID]` (issue 13): imports a platform's review
// export (CSV in GBK or UTF-8, or .xlsx), analyses every review on the way in and prints the
// summary JSON {imported, updated, skipped, errors}; importing the same file twice imports
// nothing new. A progress bar goes to stderr when it is a terminal.
import type { Command } from 'commander';
import { terminalProgressBar } from '../progress.js';
import { z } from 'zod';
import { DxeError } from '../../core/errors.js';
import { PLATFORMS } from '../../core/platforms.js';

const optionsSchema = z.object({
  platform: z.enum(PLATFORMS, { error: `--platform 必须是 ${PLATFORMS.join(' | ')} 之一` }),
  shop: z.string().min(1).optional(),
});

export function register(program: Command): void {
  const group = program.commands.find((c) => c.name() === 'import') ?? program.command('import').description('导入数据');
  group
    .command('reviews')
    .description('导入平台导出的评价文件（CSV：GBK 或 UTF-8；或 Excel .xlsx），逐条分析情感、差评原因与举报标记，重复导入不会产生重复评价')
    .argument('<file>', '评价导出文件')
    .requiredOption('--platform <platform>', `平台：${PLATFORMS.join(' | ')}`)
    .option('--shop <id>', '店铺 ID（默认：该平台的第一个店铺，没有则自动创建）')
    .action(async (file: string, raw: unknown) => {
      const parsed = optionsSchema.safeParse(raw);
      if (!parsed.success) throw new DxeError('VALIDATION_FAILED', parsed.error.issues.map((i) => i.message).join('；'));
      const opts = parsed.data;
      const { loadConfig } = await import('../../config.js');
      const config = loadConfig();
      const { localApiFor } = await import('../local-api.js');
      const api = await localApiFor(config);
      if (api) {
        const { resolve } = await import('node:path');
        const summary = await api.post<Record<string, unknown>>('/api/v1/local/import-reviews', {
          file: resolve(file),
          platform: opts.platform,
          ...(opts.shop ? { shop: opts.shop } : {}),
        });
        process.stdout.write(`${JSON.stringify(summary)}\n`);
        return;
      }
      const { openConfiguredDatabase } = await import('../../app/runtime/open-runtime.js');
      const { resolveImportShop } = await import('../../app/orders/import-orders.js');
      const { importReviews } = await import('../../app/reviews/intake.js');
      const { openReviewImport } = await import('../../channels/review-files/read-review-file.js');
      const database = await openConfiguredDatabase(config);
      let bar: import('cli-progress').SingleBar | undefined;
      try {
        const shopId = await resolveImportShop(database, opts.platform, opts.shop);
        bar = await terminalProgressBar('导入评价 [{bar}] {percentage}% | {rows} 条');
        const source = await openReviewImport({
          platform: opts.platform,
          filePath: file,
          onProgress: (p) => {
            if (!bar) return;
            if (p.totalBytes) bar.setTotal(p.totalBytes);
            bar.update(p.bytes, { rows: p.rows });
          },
        });
        const result = await importReviews(database, { shopId, source });
        bar?.stop();
        bar = undefined;
        process.stdout.write(`${JSON.stringify(result)}\n`);
      } finally {
        bar?.stop();
        await database.close();
      }
    });
}
