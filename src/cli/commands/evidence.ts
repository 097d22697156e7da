// `dxe evidence ORDER [--out DIR]` writes the A11 evidence bundle (JSON + self-contained HTML)
// and records the export in the audit log; `dxe evidence verify FILE.json` recomputes the
// SHA-256 and says 完整 or 已被篡改 (and, when the database is reachable, checks the audit log).
import type { Command } from 'commander';

async function exportBundle(orderRef: string, opts: { out?: string }): Promise<void> {
  const { mkdirSync, writeFileSync } = await import('node:fs');
  const { join, resolve } = await import('node:path');
  const { loadConfig } = await import('../../config.js');
  const { openConfiguredDatabase } = await import('../../app/runtime/open-runtime.js');
  const { exportEvidenceByRef } = await import('../../app/evidence/export-by-ref.js');
  const { renderEvidenceHtml } = await import('../../app/evidence/render-html.js');
  const database = await openConfiguredDatabase(loadConfig());
  try {
    const { file, platformOrderNo } = await exportEvidenceByRef(database, orderRef, {
      kind: 'cli', id: process.env.USER ?? null, displayName: `命令行 ${process.env.USER ?? ''}`.trim(), maySeePersonalData: true,
    }, new Date());
    const dir = resolve(opts.out ?? '.');
    mkdirSync(dir, { recursive: true });
    const stamp = file.bundle.generatedAt.replace(/[:.]/g, '-');
    const base = join(dir, `evidence-${platformOrderNo.replace(/[^0-9A-Za-z_-]/g, '_')}-${stamp}`);
    writeFileSync(`${base}.json`, `${JSON.stringify(file, null, 2)}\n`);
    writeFileSync(`${base}.html`, renderEvidenceHtml(file));
    process.stdout.write(`已导出证据包 evidence written:\n  ${base}.json\n  ${base}.html\n  SHA-256 ${file.sha256}\n  审计记录 audit entry ${file.auditEntryHash}\n`);
  } finally {
    await database.close();
  }
}

async function verifyFile(path: string, checkDb: boolean): Promise<void> {
  const { readFileSync } = await import('node:fs');
  const { verifyEvidenceText, verifyAgainstAudit } = await import('../../app/evidence/verify.js');
  const result = verifyEvidenceText(readFileSync(path, 'utf8'));
  const lines = [result.messageZh];
  // The verdict is the file's own hash; the audit-log check is extra evidence when a database is at hand.
  if (result.file && checkDb) {
    try {
      const { loadConfig } = await import('../../config.js');
      const { openConfiguredDatabase } = await import('../../app/runtime/open-runtime.js');
      const database = await openConfiguredDatabase(loadConfig());
      try {
        const audit = await verifyAgainstAudit(database, result.file);
        lines.push(audit.recorded ? '审计日志：有此次导出的记录' : '审计日志：找不到此次导出的记录（文件可能来自其他系统，或哈希被改动）');
        lines.push(audit.chainIntact ? '审计日志哈希链：完整' : `审计日志哈希链：自第 ${audit.firstBadId} 条起已被篡改`);
      } finally {
        await database.close();
      }
    } catch (err) {
      // A running server owns the embedded folder (issue 10): say so rather than a bare failure.
      const { DxeError } = await import('../../core/errors.js');
      const why = err instanceof DxeError && err.code === 'DATA_DIR_LOCKED' ? `：${err.message}` : '';
      lines.push(`（未能打开数据库，只校验了文件本身${why}）`);
    }
  }
  process.stdout.write(`${lines.join('\n')}\n`);
  process.exitCode = result.intact ? 0 : 3;
}

export function register(program: Command): void {
  program
    .command('evidence')
    .description('导出订单证据包（A11），或校验证据包：dxe evidence verify FILE.json')
    .argument('<order>', '订单 id、平台订单号或售后单 id；或 verify')
    .argument('[file]', 'verify 时：证据包 JSON 文件')
    .option('-o, --out <dir>', '输出目录 output folder', '.')
    .option('--no-db', 'verify 时不查审计日志 skip the audit-log check')
    .action(async (order: string, file: string | undefined, opts: { out?: string; db: boolean }) => {
      if (order === 'verify') {
        if (!file) {
          const { DxeError } = await import('../../core/errors.js');
          throw new DxeError('VALIDATION_FAILED', '请给出要校验的证据包 JSON 文件：dxe evidence verify FILE.json');
        }
        await verifyFile(file, opts.db);
        return;
      }
      await exportBundle(order, opts);
    });
}
