// `dxe audit verify`: checks the whole audit log — the hash chain row by row, and every signed
// checkpoint against it (issue 10, A11) — and exits non-zero on any break: 0 intact, 3 broken,
// 2 on a fatal error. `dxe audit checkpoint` signs the chain as it is now (the server also does
// so every AUDIT_CHECKPOINT_MINUTES). Beside a running server on an embedded folder, both go
// through its local API.
import type { Command } from 'commander';
import type { AuditReport } from '../../app/audit/checkpoints.js';

async function withDatabase<T>(viaApi: string, direct: (database: import('../../app/runtime/open-runtime.js').ConfiguredDatabase) => Promise<T>): Promise<T> {
  const { loadConfig } = await import('../../config.js');
  const config = loadConfig();
  const { localApiFor } = await import('../local-api.js');
  const api = await localApiFor(config);
  if (api) return api.post<T>(viaApi, {});
  const { openConfiguredDatabase } = await import('../../app/runtime/open-runtime.js');
  const database = await openConfiguredDatabase(config);
  try {
    return await direct(database);
  } finally {
    await database.close();
  }
}

function printReport(r: AuditReport): void {
  const lines = [
    r.intact ? '审计日志：完整 / audit log intact' : '审计日志：已被篡改 / audit log BROKEN',
    `  记录 rows: ${r.rows}${r.newestId !== null ? `（最新 newest #${r.newestId}）` : ''}`,
    `  签名检查点 checkpoints: ${r.checkpoints}${r.checkpointsChecked ? '，已校验 verified' : '，未校验 not verified'}`,
    ...(r.checkpointsChecked && r.checkpoints > 0 ? [`  最新检查点之后的记录 rows after the newest checkpoint: ${r.unanchoredRows}`] : []),
    ...r.problems.map((p) => `  ✗ [${p.kind}] ${p.messageZh}`),
    ...r.warningsZh.map((w) => `  ! ${w}`),
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

export function register(program: Command): void {
  const cmd = program.command('audit').description('审计日志 audit log');

  cmd
    .command('verify')
    .description('校验审计日志的哈希链与签名检查点，有任何问题则以非 0 退出 verify the audit chain and its signed checkpoints')
    .option('--json', '输出 JSON output JSON')
    .action(async (opts: { json?: boolean }) => {
      const report = await withDatabase<AuditReport>('/api/v1/local/audit/verify', async (database) => {
        const { loadConfig } = await import('../../config.js');
        const { verifyAudit } = await import('../../app/audit/checkpoints.js');
        return verifyAudit(database, loadConfig().AUDIT_CHECKPOINT_KEY);
      });
      if (opts.json) process.stdout.write(`${JSON.stringify(report)}\n`);
      else printReport(report);
      process.exitCode = report.intact ? 0 : 3;
    });

  cmd
    .command('checkpoint')
    .description('立即为审计日志写入一个签名检查点 sign the audit chain now (AUDIT_CHECKPOINT_KEY)')
    .action(async () => {
      const { loadConfig } = await import('../../config.js');
      const { DxeError } = await import('../../core/errors.js');
      const key = loadConfig().AUDIT_CHECKPOINT_KEY;
      if (!key) throw new DxeError('CONFIG_INVALID', '未配置 AUDIT_CHECKPOINT_KEY（至少 32 个字符），无法签名检查点');
      const { checkpoint } = await withDatabase<{ checkpoint: { id: number; lastId: number } | null }>('/api/v1/local/audit/checkpoint', async (database) => {
        const { writeCheckpoint } = await import('../../app/audit/checkpoints.js');
        return { checkpoint: await writeCheckpoint(database, key, new Date()) };
      });
      process.stdout.write(
        checkpoint
          ? `已签名检查点 checkpoint #${checkpoint.id}，覆盖到第 ${checkpoint.lastId} 条审计记录\n`
          : '审计日志自上个检查点以来没有新记录，无需签名 nothing new to sign\n',
      );
    });
}
