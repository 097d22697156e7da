// `dxe evidence ORDER [--out DIR]` writes the A11 evidence bundle (JSON + self-contained HTML)
// and records the export in the audit log; `dxe evidence verify FILE.json` recomputes the
// SHA-256 and says 完整 or 已被篡改 (and, when the database is reachable, checks the audit log).
import type { Command } from 'commander';

async function exportBundle(orderRef: string, opts: { out?: string }): Promise<void> {
  const { mkdirSync, writeFileSync } = await import('node:fs');
  const { join, resolve } = await import('node:path');
  const { eq, or } = await import('drizzle-orm');
  const { loadConfig } = await import('../../config.js');
  const { openConfiguredDatabase } = await import('../../app/runtime/open-runtime.js');
  const { DxeError } = await import('../../core/errors.js');
  const { orders, shops } = await import('../../store/schema/index.js');
  const { exportEvidence } = await import('../../app/evidence/build-bundle.js');
  const { renderEvidenceHtml } = await import('../../app/evidence/render-html.js');
  const database = await openConfiguredDatabase(loadConfig());
  try {
    const found = await database.db
      .select({ id: orders.id, no: orders.platformOrderNo, orgId: shops.orgId })
      .from(orders)
      .innerJoin(shops, eq(shops.id, orders.shopId))
      .where(or(eq(orders.id, orderRef), eq(orders.platformOrderNo, orderRef)));
    let caseId: string | undefined;
    if (found.length === 0) {
      // A case id exports its order's bundle marked with the case (A11: per order or case).
      const { aftersalesCases } = await import('../../store/schema/index.js');
      const viaCase = await database.db
        .select({ id: orders.id, no: orders.platformOrderNo, orgId: shops.orgId, caseId: aftersalesCases.id })
        .from(aftersalesCases)
        .innerJoin(orders, eq(orders.id, aftersalesCases.orderId))
        .innerJoin(shops, eq(shops.id, orders.shopId))
        .where(eq(aftersalesCases.id, orderRef));
      if (viaCase[0]) {
        found.push(viaCase[0]);
        caseId = viaCase[0].caseId;
      }
    }
    if (found.length === 0) throw new DxeError('NOT_FOUND', `找不到订单或售后单：${orderRef}`);
    if (found.length > 1) throw new DxeError('CONFLICT', `订单号 ${orderRef} 在多个店铺中存在，请改用订单 id：${found.map((f) => f.id).join('、')}`);
    const order = found[0]!;
    const file = await exportEvidence(database, order.id, {
      orgId: order.orgId, kind: 'cli', id: process.env.USER ?? null, displayName: `命令行 ${process.env.USER ?? ''}`.trim(), maySeePersonalData: true,
    }, new Date(), { caseId });
    const dir = resolve(opts.out ?? '.');
    mkdirSync(dir, { recursive: true });
    const stamp = file.bundle.generatedAt.replace(/[:.]/g, '-');
    const base = join(dir, `evidence-${order.no.replace(/[^0-9A-Za-z_-]/g, '_')}-${stamp}`);
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
    } catch {
      lines.push('（未能打开数据库，只校验了文件本身）');
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
