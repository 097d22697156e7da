// `dxe import orders FILE --platform P` as EVAL §4 states it, spawned like a user runs it (O2).
import { execFile } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { fixture } from './read-fixture.js';
import { migratedDataDir } from '../helpers/pglite-template.js';

const run = promisify(execFile);
const ROOT = new URL('../..', import.meta.url).pathname;
// Migrated already (a copy of the run's template): this file is about the import, not a first start.
const dataDir = await migratedDataDir('dxe-import-cli-');

async function dxe(...args: string[]) {
  try {
    const { stdout, stderr } = await run('node', ['bin/dxe.js', ...args], {
      cwd: ROOT,
      env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '', DXE_CONFIG: '' },
    });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('dxe import orders (EVAL §4, O2)', () => {
  it('imports into a fresh data dir, prints the summary JSON, and a second run imports nothing', async () => {
    const first = await dxe('import', 'orders', fixture('tmall-order-report.utf8.csv'), '--platform', 'tmall');
    expect(first.code).toBe(0);
    expect(first.stderr).not.toMatch(/导入订单 \[/); // no progress bar when stderr is not a terminal
    const summary: unknown = JSON.parse(first.stdout);
    expect(summary).toMatchObject({
      imported: 4,
      skipped: 3,
      errors: [
        { line: 6, reason: '“总金额”不是有效金额：abc' },
        { line: 7, reason: '“订单创建时间”不是有效时间：2024-02-30 10:00:00' },
        { line: 8, reason: '“订单编号”为空' },
      ],
    });
    const second = await dxe('import', 'orders', fixture('tmall-order-report.utf8.csv'), '--platform', 'tmall');
    expect(JSON.parse(second.stdout)).toMatchObject({ imported: 0, skipped: 7 });
  });

  it('honours --format and --shop, and fails with a coded Chinese message', async () => {
    const wrongShop = await dxe('import', 'orders', fixture('jd-settlement.utf8.tsv'), '--platform', 'jd', '--shop', 'nope');
    expect(wrongShop.code).not.toBe(0);
    expect(wrongShop.stderr).toMatch(/错误 \[NOT_FOUND\]: 店铺不存在/);
    const jd = await dxe('import', 'orders', fixture('jd-settlement.utf8.tsv'), '--platform', 'jd', '--format', 'jd-settlement');
    expect(JSON.parse(jd.stdout)).toMatchObject({ imported: 2, format: 'jd-settlement' });
    const junk = join(dataDir, 'not-orders.csv');
    writeFileSync(junk, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13]));
    const bad = await dxe('import', 'orders', junk, '--platform', 'tmall');
    expect(bad.code).toBe(2);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toMatch(/错误 \[UNSUPPORTED_ENCODING\]/);
  });

  it('names a missing column, a missing file before a missing option, and --strict exits 4 (issue 15)', async () => {
    const noFile = await dxe('import', 'orders');
    expect(noFile.code).not.toBe(0);
    expect(noFile.stderr).toMatch(/missing required argument 'file'/);
    expect(noFile.stderr).not.toMatch(/required option/);
    const noPlatform = await dxe('import', 'orders', fixture('tmall-order-report.utf8.csv'));
    expect(noPlatform.code).toBe(2);
    expect(noPlatform.stderr).toMatch(/缺少必填参数 --platform/);
    // the Tmall header with its 订单编号 column removed
    const full = readFileSync(fixture('tmall-order-report.utf8.csv'), 'utf8');
    const lines = full.split(/\r?\n/);
    const headerAt = lines.findIndex((l) => l.includes('订单编号'));
    const cols = lines[headerAt]!.split(',');
    const drop = cols.findIndex((c) => c.trim() === '订单编号');
    const cut = lines.map((l, i) => (i >= headerAt && l ? l.split(',').filter((_, j) => j !== drop).join(',') : l));
    const missing = join(dataDir, 'missing-column.csv');
    writeFileSync(missing, cut.join('\n'));
    const res = await dxe('import', 'orders', missing, '--platform', 'tmall');
    expect(res.code).toBe(2);
    expect(res.stderr).toMatch(/缺少必需的列：.*订单编号/);
    const strict = await dxe('import', 'orders', fixture('tmall-order-report.utf8.csv'), '--platform', 'tmall', '--strict');
    expect(strict.code).toBe(4);
    expect(strict.stderr).toMatch(/第 \d+ 行：/);
  });
});
