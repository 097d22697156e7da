// Issue 10, critical 2: `dxe import orders` (or `dxe chat`) on the data folder a running
// `dxe serve` owns once opened PGlite a second time — the import "succeeded", the server never saw
// the rows and the folder no longer opened after a restart. Now the folder is locked by its owner,
// the writing commands go through the server's local API, and every other command refuses with a
// Chinese message naming the folder. Real processes, real files, no mocks.
import { spawn } from 'node:child_process';
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/store/open-database.js';
import { dxeEnv, exited, runDxe, startServe, stopServe, type ServeProcess } from './serve-process.js';
import { migratedDataDir } from '../helpers/pglite-template.js';

const DXE = join(import.meta.dirname, '../../bin/dxe.js');
// Migrated already (a copy of the run's template): `dxe start` seeds the demo into it.
const dataDir = await migratedDataDir('dxe-concurrent-cli-');
const env = dxeEnv({ DATA_DIR: dataDir, PORT: '0', TIMERS: 'off' });
let server: ServeProcess | undefined;

afterAll(async () => {
  if (server) await stopServe(server, 'SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
});

/** A Tmall order report with `n` valid orders numbered from `from`. */
function orderReport(path: string, from: number, n: number): void {
  const lines = ['订单编号,总金额,买家实际支付金额,收货地址 ,订单创建时间,订单付款时间 ,退款金额'];
  for (let i = 0; i < n; i++) {
    lines.push(`${from + i},${(10 + (i % 90)).toFixed(1)},${(10 + (i % 90)).toFixed(1)},浙江省,2024-03-01 10:00:00,2024-03-01 10:00:05,0.0`);
  }
  writeFileSync(path, `${lines.join('\n')}\n`);
}

function chatThrough(input: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [DXE, 'chat', '--shop', 'demo-tmall', '--buyer', 'cli_concurrent'], { env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(input);
  });
}

describe('a dxe command beside a running dxe serve on one embedded data folder (issue 10 critical 2, O2)', () => {
  it('concurrent imports and a chat go through the server; every row is there after a restart', async () => {
    server = await startServe(env, 'start');
    expect(existsSync(join(dataDir, 'dxe.lock'))).toBe(true);
    expect(existsSync(join(dataDir, 'server.json'))).toBe(true);

    const fileA = join(dataDir, 'orders-a.csv');
    const fileB = join(dataDir, 'orders-b.csv');
    orderReport(fileA, 7_100_000, 1500);
    orderReport(fileB, 7_200_000, 1500);
    const [a, b, chat] = await Promise.all([
      runDxe(['import', 'orders', fileA, '--platform', 'tmall', '--shop', 'demo-tmall'], env),
      runDxe(['import', 'orders', fileB, '--platform', 'tmall', '--shop', 'demo-tmall'], env),
      chatThrough('在吗\n/quit\n'),
    ]);
    // A clean scripted import keeps stderr empty: the summary in words goes there only at a
    // terminal or when rows were rejected (contracts §4).
    expect(a.stderr).toBe('');
    expect(a.code).toBe(0);
    expect(JSON.parse(a.stdout)).toMatchObject({ imported: 1500, skipped: 0, errors: [] });
    expect(b.code).toBe(0);
    expect(JSON.parse(b.stdout)).toMatchObject({ imported: 1500, skipped: 0, errors: [] });
    expect(chat.stderr).toBe('');
    expect(chat.code).toBe(0);
    expect(chat.stdout).toContain('意图 greeting/招呼');

    // Contract errors keep their form through the API (EVAL §4: `错误 [CODE]: message`, exit 2).
    const wrongShop = await runDxe(['import', 'orders', fileA, '--platform', 'tmall', '--shop', 'nope'], env);
    expect(wrongShop.code).toBe(2);
    expect(wrongShop.stderr).toMatch(/错误 \[NOT_FOUND\]: 店铺不存在/);
    // A second import of the same file imports nothing new, as before.
    const again = await runDxe(['import', 'orders', fileA, '--platform', 'tmall', '--shop', 'demo-tmall'], env);
    expect(JSON.parse(again.stdout)).toMatchObject({ imported: 0, skipped: 1500 });

    // A command without a way through the API refuses, naming the folder and what to do.
    const refused = await runDxe(['deadlines', 'list'], env);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('错误 [DATA_DIR_LOCKED]');
    expect(refused.stderr).toContain(dataDir);
    expect(refused.stderr).toMatch(/请先停止/);

    // The server saw the rows while running…
    await stopServe(server);
    server = undefined;
    expect(existsSync(join(dataDir, 'dxe.lock'))).toBe(false);
    expect(existsSync(join(dataDir, 'server.json'))).toBe(false);

    // …and after it stops the folder opens, healthy, with every row.
    const database = await openDatabase({ dataDir });
    try {
      const [row] = await database.query<{ n: number }>(
        `select count(*)::int as n from orders where shop_id = 'demo-tmall' and (platform_order_no like '71%' or platform_order_no like '72%') and length(platform_order_no) = 7`,
      );
      expect(row?.n).toBe(3000);
      const [msgs] = await database.query<{ n: number }>(`select count(*)::int as n from messages m join conversations c on c.id = m.conversation_id join buyers b on b.id = c.buyer_id where b.platform_account = 'cli_concurrent'`);
      expect(msgs?.n).toBeGreaterThanOrEqual(2);
    } finally {
      await database.close();
    }
  }, 300_000);

  it('a lock left by a killed server is recovered; a command on a stopped folder opens it itself', async () => {
    const killed = await startServe(env);
    killed.child.kill('SIGKILL');
    await exited(killed.child);
    expect(existsSync(join(dataDir, 'dxe.lock'))).toBe(true); // left behind by kill -9
    const list = await runDxe(['deadlines', 'list'], env);
    expect(list.stderr).toBe('');
    expect(list.code).toBe(0);
    const jd = await runDxe(['import', 'orders', join(import.meta.dirname, '../import/fixtures/jd-settlement.utf8.tsv'), '--platform', 'jd'], env);
    expect(jd.code).toBe(0);
    expect(JSON.parse(jd.stdout)).toMatchObject({ imported: 2 });
    expect(existsSync(join(dataDir, 'dxe.lock'))).toBe(false);
  }, 300_000);
});
