// `dxe import orders FILE --platform P [--shop ID] [--format F]` (EVAL §4, O2): imports a
// marketplace's order export and prints the summary JSON on stdout; a progress bar goes to
// stderr only when stderr is a terminal, so the output stays machine-readable.
import type { Command } from 'commander';
import { terminalProgressBar } from '../progress.js';
import { describeLineErrors, lineErrorsOf, reportImport } from '../import-report.js';
import { z } from 'zod';
import { DxeError } from '../../core/errors.js';
import { PLATFORMS } from '../../core/platforms.js';
import { formatMinor } from '../../channels/files/money.js';
import { FORMAT_IDS } from '../../channels/order-files/formats/index.js';

const optionsSchema = z.object({
  platform: z.enum(PLATFORMS, {
    error: (issue) =>
      issue.input === undefined
        ? `缺少必填参数 --platform（${PLATFORMS.join(' | ')}）`
        : `--platform 必须是 ${PLATFORMS.join(' | ')} 之一`,
  }),
  shop: z.string().min(1).optional(),
  format: z.string().min(1).optional(),
  strict: z.boolean().optional(),
});

/** A person reading the terminal gets the summary in words on stderr; stdout stays the JSON of EVAL §4. */
function describeSummary(summary: Record<string, unknown>): string {
  const imported = Number(summary.imported ?? 0);
  const skipped = Number(summary.skipped ?? 0);
  const errors = lineErrorsOf(summary);
  const lines = [`导入 ${imported} 条订单，跳过 ${skipped} 行${errors.length ? `，其中 ${errors.length} 行有错误：` : '。'}`];
  const currencies = Array.isArray(summary.currencies) ? (summary.currencies as { currency: string; orders: number; totalMinor: number }[]) : [];
  for (const c of currencies) {
    lines.push(`  ${c.orders} 单以 ${c.currency} 计价，订单金额合计 ${formatMinor(c.totalMinor, c.currency)}（按原币种保存，未换算为人民币）`);
  }
  lines.push(...describeLineErrors(errors));
  return `${lines.join('\n')}\n`;
}

const report = (summary: Record<string, unknown>, strict: boolean | undefined): void =>
  reportImport(summary, { strict, describe: describeSummary });

export function register(program: Command): void {
  const group = program.commands.find((c) => c.name() === 'import') ?? program.command('import').description('导入数据');
  group
    .command('orders')
    .description('导入平台导出的订单文件（CSV/TSV，GBK 或 UTF-8，或 Excel .xlsx），重复导入不会产生重复订单')
    .argument('<file>', '订单导出文件')
    .option('--platform <platform>', `平台（必填）：${PLATFORMS.join(' | ')}`)
    .option('--shop <id>', '店铺 ID（默认：该平台的第一个店铺；没有则随第一批导入成功的订单一起创建）')
    .option('--format <format>', `文件格式（默认按表头自动识别）：${FORMAT_IDS.join(' | ')}`)
    .option('--strict', '有任何一行被拒绝时以退出码 4 结束（默认 0，错误行见摘要）')
    .action(async (file: string, raw: unknown) => {
      // The file is checked by commander first (a required argument); --platform is validated
      // here so a missing file is reported before a missing option.
      const parsed = optionsSchema.safeParse(raw);
      if (!parsed.success) {
        throw new DxeError('VALIDATION_FAILED', parsed.error.issues.map((i) => i.message).join('；'));
      }
      const opts = parsed.data;
      const { loadConfig } = await import('../../config.js');
      const config = loadConfig();
      // While `dxe serve` owns the embedded data folder, the import runs inside it (issue 10,
      // critical 2): opening the folder a second time would corrupt it.
      const { localApiFor } = await import('../local-api.js');
      const api = await localApiFor(config);
      if (api) {
        const { resolve } = await import('node:path');
        const summary = await api.post<Record<string, unknown>>('/api/v1/local/import-orders', {
          file: resolve(file),
          platform: opts.platform,
          ...(opts.shop ? { shop: opts.shop } : {}),
          ...(opts.format ? { format: opts.format } : {}),
        });
        report(summary, opts.strict);
        return;
      }
      const { openConfiguredDatabase } = await import('../../app/runtime/open-runtime.js');
      const { findImportShop, importOrders, importSummary } = await import('../../app/orders/import-orders.js');
      const { openOrderImport } = await import('../../channels/order-files/open-import.js');
      const database = await openConfiguredDatabase(config);
      let bar: import('cli-progress').SingleBar | undefined;
      try {
        // Only looked up (and --shop checked) here: a shop is created with the first accepted rows, never by a refused file.
        const shopId = await findImportShop(database, opts.platform, opts.shop);
        bar = await terminalProgressBar('导入订单 [{bar}] {percentage}% | {rows} 行');
        // The edge opens and decodes the file; the use case writes the orders it reads (O2).
        const source = await openOrderImport({
          platform: opts.platform,
          filePath: file,
          format: opts.format,
          onProgress: (p) => {
            if (!bar) return;
            // A workbook is read whole before its rows: count rows; a text file: count bytes.
            if (p.totalRows !== undefined) {
              bar.setTotal(Math.max(1, p.totalRows));
              bar.update(p.rows, { rows: p.rows });
              return;
            }
            if (p.totalBytes) bar.setTotal(p.totalBytes);
            bar.update(p.bytes, { rows: p.rows });
          },
        });
        const result = await importOrders(database, { shopId, source });
        bar?.stop();
        bar = undefined;
        report(importSummary(result) as unknown as Record<string, unknown>, opts.strict);
      } finally {
        bar?.stop();
        await database.close();
      }
    });
}
