// `dxe import reviews FILE --platform P [--shop ID]` (issue 13): imports a platform's review
// export (CSV in GBK or UTF-8, or .xlsx), analyses every review on the way in and prints the
// summary JSON {imported, updated, skipped, errors}; importing the same file twice imports
// nothing new. A progress bar goes to stderr when it is a terminal.
import type { Command } from 'commander';
import { terminalProgressBar } from '../progress.js';
import { describeLineErrors, reportImport } from '../import-report.js';
import { z } from 'zod';
import { DxeError } from '../../core/errors.js';
import { PLATFORMS } from '../../core/platforms.js';

const optionsSchema = z.object({
  platform: z.enum(PLATFORMS, { error: `--platform 必须是 ${PLATFORMS.join(' | ')} 之一` }),
  shop: z.string().min(1).optional(),
  strict: z.boolean().optional(),
});

/** The summary in words for a person at the terminal (stderr); stdout stays JSON. */
function describeSummary(summary: Record<string, unknown>): string {
  const n = (k: string) => Number(summary[k] ?? 0);
  const errors = Array.isArray(summary.errors) ? (summary.errors as { line: number; reason: string }[]) : [];
  const errorCount = n('errorCount') || errors.length;
  const lines = [
    `读取 ${n('rows')} 行：新导入 ${n('imported')} 条评价，补全 ${n('updated')} 条已有评价（追评或商家回复），跳过 ${n('skipped')} 行${errorCount ? `，其中 ${errorCount} 行有错误：` : '。'}`,
    ...describeLineErrors(errors, errorCount),
  ];
  return `${lines.join('\n')}\n`;
}

const report = (summary: Record<string, unknown>, strict: boolean | undefined): void =>
  reportImport(summary, { strict, describe: describeSummary, errorCount: Number(summary.errorCount ?? 0) });

export function register(program: Command): void {
  const group = program.commands.find((c) => c.name() === 'import') ?? program.command('import').description('导入数据');
  group
    .command('reviews')
    .description('导入平台导出的评价文件（CSV：GBK 或 UTF-8；或 Excel .xlsx），逐条分析情感、差评原因与举报标记，重复导入不会产生重复评价')
    .argument('<file>', '评价导出文件')
    .requiredOption('--platform <platform>', `平台：${PLATFORMS.join(' | ')}`)
    .option('--shop <id>', '店铺 ID（默认：该平台的第一个店铺；没有则随第一批导入成功的评价一起创建）')
    .option('--strict', '有任何一行被拒绝时以退出码 4 结束（默认 0，错误行见摘要）')
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
        report(summary, opts.strict);
        return;
      }
      const { openConfiguredDatabase } = await import('../../app/runtime/open-runtime.js');
      const { importReviews } = await import('../../app/reviews/intake.js');
      const { openReviewImport } = await import('../../channels/review-files/read-review-file.js');
      const database = await openConfiguredDatabase(config);
      let bar: import('cli-progress').SingleBar | undefined;
      try {
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
        // No shop is created before the file is read and its first reviews accepted.
        const result = await importReviews(database, { shopId: opts.shop, source });
        bar?.stop();
        bar = undefined;
        report(result as unknown as Record<string, unknown>, opts.strict);
      } finally {
        bar?.stop();
        await database.close();
      }
    });
}
