// Order-file import benchmark (O2): the real 28,010-row Tmall order report on embedded PGlite
// (file-backed, as `dxe` runs it) and on PostgreSQL when DATABASE_URL is set; then a generated
// file of BENCH_IMPORT_ROWS rows (default 1,000,000) streamed through the reader alone, and one of
// BENCH_IMPORT_DB_ROWS rows (default 1,000,000; lower it on a slow machine) imported into PGlite,
// sampling RSS to show memory stays flat. Evaluation data is read from
// ../shared at bench time and never copied. Other work on the machine slows wall time, so the
// process's own CPU time is reported too.
import { randomBytes } from 'node:crypto';
import { createWriteStream, createReadStream, existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { once } from 'node:events';
import { importOrders, resolveImportShop } from '../src/app/orders/import-orders.js';
import { openOrderImport } from '../src/channels/order-files/open-import.js';
import { openOrderFile } from '../src/channels/order-files/read-order-file.js';
import { openDatabase, type Database } from '../src/store/open-database.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const REPORT = join(ROOT, '..', 'shared', 'data', 'tmall_order_report', 'tmall_order_report.csv');
const MB = 1024 * 1024;

/** Samples RSS every 25 ms while `work` runs; returns the peak growth over the baseline. */
async function withRss<T>(work: () => Promise<T>): Promise<{ value: T; seconds: number; cpu: number; peakGrowthMb: number }> {
  (globalThis as { gc?: () => void }).gc?.();
  const base = process.memoryUsage().rss;
  let peak = base;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 25);
  const started = performance.now();
  const cpu = process.cpuUsage();
  try {
    const value = await work();
    peak = Math.max(peak, process.memoryUsage().rss);
    const used = process.cpuUsage(cpu);
    return { value, seconds: (performance.now() - started) / 1000, cpu: (used.user + used.system) / 1e6, peakGrowthMb: (peak - base) / MB };
  } finally {
    clearInterval(timer);
  }
}

/** A report-format file of `rows` orders, written as a stream (never held in memory). */
export async function generateReport(path: string, rows: number): Promise<void> {
  const out = createWriteStream(path);
  const provinces = ['上海', '广东省', '江苏省', '浙江省', '北京', '四川省', '内蒙古自治区', '广西壮族自治区'];
  out.write('订单编号,总金额,买家实际支付金额,收货地址 ,订单创建时间,订单付款时间 ,退款金额\r\n');
  let chunk = '';
  for (let i = 1; i <= rows; i++) {
    const day = String(1 + (i % 28)).padStart(2, '0');
    const sec = String(i % 60).padStart(2, '0');
    const paid = i % 7 !== 0;
    const refund = i % 5 === 0 ? '37.0' : '0.0';
    chunk += `G${i},37.0,${paid ? (refund === '0.0' ? '37.0' : '0.0') : '0.0'},${provinces[i % provinces.length]},2024-02-${day} 10:00:${sec},${paid ? `2024-02-${day} 10:01:${sec}` : ''},${paid ? refund : '0.0'}\r\n`;
    if (chunk.length > 256 * 1024) {
      if (!out.write(chunk)) await once(out, 'drain');
      chunk = '';
    }
  }
  out.end(chunk);
  await once(out, 'finish');
}

async function importInto(database: Database, filePath: string) {
  const shopId = await resolveImportShop(database, 'tmall');
  return importOrders(database, { shopId, source: await openOrderImport({ platform: 'tmall', filePath }) });
}

export async function run(): Promise<string> {
  const lines = ['## Order-file import (O2)', ''];
  const dir = mkdtempSync(join(tmpdir(), 'dxe-bench-import-'));
  try {
    lines.push('| run | rows | wall s | rows/s | CPU s (this process) | peak RSS growth |', '|---|---:|---:|---:|---:|---:|');
    if (existsSync(REPORT)) {
      const pglite = await openDatabase({ dataDir: join(dir, 'pglite-report') });
      const first = await withRss(() => importInto(pglite, REPORT));
      const again = await withRss(() => importInto(pglite, REPORT));
      await pglite.close();
      const n = first.value.imported;
      lines.push(`| real Tmall report → PGlite (file-backed) | ${n} | ${first.seconds.toFixed(2)} | ${Math.round(n / first.seconds)} | ${first.cpu.toFixed(2)} | ${first.peakGrowthMb.toFixed(0)} MB |`);
      lines.push(`| same file again (idempotent, imported ${again.value.imported}) | ${again.value.skipped} | ${again.seconds.toFixed(2)} | ${Math.round(again.value.skipped / again.seconds)} | ${again.cpu.toFixed(2)} | ${again.peakGrowthMb.toFixed(0)} MB |`);
      if (process.env.DATABASE_URL) {
        const pgSchema = `bench_${randomBytes(4).toString('hex')}`;
        const pg = await openDatabase({ databaseUrl: process.env.DATABASE_URL, pgSchema, poolSize: 4 });
        try {
          const r = await withRss(() => importInto(pg, REPORT));
          lines.push(`| real Tmall report → PostgreSQL | ${r.value.imported} | ${r.seconds.toFixed(2)} | ${Math.round(r.value.imported / r.seconds)} | ${r.cpu.toFixed(2)} (client side) | ${r.peakGrowthMb.toFixed(0)} MB |`);
        } finally {
          await pg.query(`DROP SCHEMA IF EXISTS "${pgSchema}" CASCADE`);
          await pg.close();
        }
      } else {
        lines.push('| real Tmall report → PostgreSQL | — | skipped: DATABASE_URL not set | | | |');
      }
    } else {
      lines.push(`| real Tmall report | — | skipped: ${REPORT} absent | | | |`);
    }

    const rows = Number(process.env.BENCH_IMPORT_ROWS ?? 1_000_000);
    const big = join(dir, `generated-${rows}.csv`);
    await generateReport(big, rows);
    const sizeMb = statSync(big).size / MB;
    const parse = await withRss(async () => {
      const reader = await openOrderFile(createReadStream(big, { highWaterMark: 256 * 1024 }), { platform: 'tmall' });
      let n = 0;
      for await (const batch of reader.batches) n += batch.length;
      return n;
    });
    lines.push(`| generated ${sizeMb.toFixed(0)} MB file, reader only (decode + parse + map) | ${parse.value} | ${parse.seconds.toFixed(2)} | ${Math.round(parse.value / parse.seconds)} | ${parse.cpu.toFixed(2)} | ${parse.peakGrowthMb.toFixed(0)} MB |`);
    rmSync(big);
    const dbRows = Number(process.env.BENCH_IMPORT_DB_ROWS ?? 1_000_000);
    const dbFile = join(dir, `generated-${dbRows}.csv`);
    await generateReport(dbFile, dbRows);
    const pglite = await openDatabase({ dataDir: join(dir, 'pglite-big') });
    const full = await withRss(() => importInto(pglite, dbFile));
    await pglite.close();
    lines.push(`| generated file → PGlite (file-backed), one transaction | ${full.value.imported} | ${full.seconds.toFixed(2)} | ${Math.round(full.value.imported / full.seconds)} | ${full.cpu.toFixed(2)} | ${full.peakGrowthMb.toFixed(0)} MB |`);
    lines.push(
      '',
      `Generated rows: ${rows} through the reader, ${dbRows} into PGlite (BENCH_IMPORT_ROWS, BENCH_IMPORT_DB_ROWS); load average at the end ${loadavg()[0]?.toFixed(1)}. RSS is sampled every 25 ms; growth is over the RSS ` +
        'before each run. The reader holds one batch of 1,000 orders at a time, so its growth does not depend on the ' +
        'file size; the PGlite run also includes the embedded database\'s own buffers (WASM memory). ' +
        'Rerun: `npm run bench -- import` (with DATABASE_URL for the PostgreSQL row).',
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return lines.join('\n');
}
